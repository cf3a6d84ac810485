from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.questions import services
from huisvanhetkind.questions.models import Question
from tests.questions.conftest import ask


def close_long_ago(question, worker, days):
    services.question_answer(question=question, actor=worker, body="Antwoord met details.")
    services.question_close(question=question, actor=worker)
    Question.objects.filter(pk=question.pk).update(closed_at=timezone.now() - timedelta(days=days))


def test_personal_data_is_erased_a_year_after_closing_and_the_counts_stay(
    house, sleep_topic, sleep_rule, worker, parent_client
):
    old, old_token = ask(house, sleep_topic, name="An", channel="email")
    recent, _ = ask(house, sleep_topic)
    close_long_ago(old, worker, 366)
    close_long_ago(recent, worker, 300)
    call_command("erase_expired_questions")
    old.refresh_from_db()
    assert (
        old.erased_at
        and old.text == ""
        and old.name == ""
        and old.email == ""
        and old.token_hash is None
    )
    assert all(e.body == "" for e in old.events.all())
    assert (
        old.topic == sleep_topic
        and old.age_group.slug == "0-3"
        and old.municipality
        and old.created_at
    )
    recent.refresh_from_db()
    assert recent.erased_at is None and recent.text
    assert parent_client.get(services.private_url(old, old_token)).status_code == 404
    assert AuditEvent.objects.filter(action=AuditEvent.Action.ERASE, target_id=str(old.pk)).exists()
    assert services.questions_erase_expired() == 0  # nothing twice


def test_the_retention_period_is_configurable(house, sleep_topic, sleep_rule, worker, settings):
    settings.QUESTION_RETENTION_DAYS = 30
    question, _ = ask(house, sleep_topic)
    close_long_ago(question, worker, 31)
    assert services.questions_erase_expired() == 1


def test_an_answered_question_nobody_closed_is_erased_too(house, sleep_topic, sleep_rule, worker):
    question, _ = ask(house, sleep_topic)
    services.question_answer(question=question, actor=worker, body="A")
    Question.objects.filter(pk=question.pk).update(answered_at=timezone.now() - timedelta(days=400))
    assert services.questions_erase_expired() == 1


def test_open_questions_are_never_erased(house, sleep_topic, sleep_rule):
    question, _ = ask(house, sleep_topic)
    Question.objects.filter(pk=question.pk).update(created_at=timezone.now() - timedelta(days=800))
    assert services.questions_erase_expired() == 0


@pytest.fixture
def due_wednesday(house, sleep_topic, sleep_rule, worker):
    question, _ = ask(house, sleep_topic)
    services.question_assign(question=question, actor=worker, assignee=worker)
    Question.objects.filter(pk=question.pk).update(due_on=date(2027, 5, 5))
    return question


def test_the_assignee_is_reminded_the_working_day_before(
    due_wednesday, worker, on_commit, mailoutbox
):
    assert services.questions_send_reminders(today=date(2027, 5, 3)) == {
        "reminders": 0,
        "escalations": 0,
    }
    with on_commit():
        assert services.questions_send_reminders(today=date(2027, 5, 4))["reminders"] == 1
    assert [m.to for m in mailoutbox if "Herinnering" in m.subject] == [[worker.email]]
    assert services.questions_send_reminders(today=date(2027, 5, 4))["reminders"] == 0


def test_a_late_question_is_escalated_to_the_coordinator_once(
    due_wednesday, coordinator, on_commit, mailoutbox
):
    assert services.questions_send_reminders(today=date(2027, 5, 5))["escalations"] == 0
    with on_commit():
        assert services.questions_send_reminders(today=date(2027, 5, 6))["escalations"] == 1
    assert any(coordinator.email in m.to and "te laat" in m.subject for m in mailoutbox)
    assert services.questions_send_reminders(today=date(2027, 5, 7))["escalations"] == 0


def test_answered_questions_are_not_reminded(due_wednesday, worker):
    services.question_answer(question=due_wednesday, actor=worker, body="A")
    assert services.questions_send_reminders(today=date(2027, 5, 10)) == {
        "reminders": 0,
        "escalations": 0,
    }


def test_the_reminder_command_queues_the_task(due_wednesday):
    call_command("send_question_reminders")
