"""The tasks of "stel je vraag" run at least once (core.requeue): a second run, after the first
or beside it, has no second effect."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.questions import services, tasks
from huisvanhetkind.questions.models import Question, QuestionEvent
from tests.core.interleave import (
    another_run_before_the_first_call,
    another_run_before_the_first_write,
)
from tests.questions.conftest import ask

pytestmark = pytest.mark.django_db


@pytest.fixture
def due_wednesday(house, sleep_topic, sleep_rule, worker, mailoutbox):
    question, _ = ask(house, sleep_topic)
    services.question_assign(question=question, actor=worker, assignee=worker)
    Question.objects.filter(pk=question.pk).update(due_on=date(2027, 5, 5))
    mailoutbox.clear()
    return question


def reminders(mailoutbox) -> list:
    return [m.to for m in mailoutbox if "Herinnering" in m.subject]


def escalations(mailoutbox) -> list:
    return [m.to for m in mailoutbox if "te laat" in m.subject]


def test_the_reminder_beside_another_run_is_one_e_mail(
    due_wednesday, worker, on_commit, mailoutbox, monkeypatch
):
    tuesday = date(2027, 5, 4)
    with on_commit():
        other = another_run_before_the_first_write(
            monkeypatch, services, lambda: services.questions_send_reminders(today=tuesday)
        )
        assert services.questions_send_reminders(today=tuesday)["reminders"] == 0
    assert other.ran
    assert reminders(mailoutbox) == [[worker.email]]


def test_the_escalation_beside_another_run_is_one_e_mail(
    due_wednesday, coordinator, on_commit, mailoutbox, monkeypatch
):
    thursday = date(2027, 5, 6)
    with on_commit():
        other = another_run_before_the_first_write(
            monkeypatch, services, lambda: services.questions_send_reminders(today=thursday)
        )
        assert services.questions_send_reminders(today=thursday)["escalations"] == 0
    assert other.ran
    assert escalations(mailoutbox) == [[coordinator.email]]


def test_the_reminder_task_twice_sends_nothing_twice(house, sleep_topic, sleep_rule, on_commit):
    question, _ = ask(house, sleep_topic)
    Question.objects.filter(pk=question.pk).update(due_on=timezone.localdate() - timedelta(days=7))
    with on_commit():
        assert tasks.send_question_reminders.call()["escalations"] == 1
        assert tasks.send_question_reminders.call() == {"reminders": 0, "escalations": 0}


@pytest.fixture
def expired(house, sleep_topic, sleep_rule, settings):
    settings.QUESTION_RETENTION_DAYS = 30
    question, _ = ask(house, sleep_topic)
    then = timezone.now() - timedelta(days=60)
    Question.objects.filter(pk=question.pk).update(created_at=then)
    QuestionEvent.objects.filter(question=question).update(created_at=then)
    return question


def erasures_of(question) -> int:
    return AuditEvent.objects.filter(
        action=AuditEvent.Action.ERASE, target_id=str(question.pk)
    ).count()


def test_a_question_erased_twice_is_erased_and_audited_once(expired):
    assert tasks.erase_expired_questions.call() == 1
    assert tasks.erase_expired_questions.call() == 0
    assert erasures_of(expired) == 1


def test_a_question_erased_beside_another_run_is_audited_once(expired, monkeypatch):
    other = another_run_before_the_first_call(
        monkeypatch, services, "question_erase", lambda: services.questions_erase_expired()
    )
    services.questions_erase_expired()
    assert other["ran"]
    expired.refresh_from_db()
    assert expired.erased_at is not None and expired.text == ""
    assert erasures_of(expired) == 1
