from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.questions import services
from huisvanhetkind.questions.models import Question, QuestionEvent
from huisvanhetkind.questions.workflow import QuestionStatus
from tests.factories import QuestionFactory
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


def closed_days_ago(house, organisation, days):
    return QuestionFactory(
        house=house,
        organisation=organisation,
        name="An",
        status=QuestionStatus.CLOSED,
        closed_at=timezone.now() - timedelta(days=days),
    )


def test_the_retention_period_is_configurable(house, organisation, settings):
    expired = closed_days_ago(house, organisation, 31)
    kept = closed_days_ago(house, organisation, 29)
    # The default year keeps both.
    assert services.questions_erase_expired() == 0
    expired.refresh_from_db()
    assert expired.erased_at is None and expired.text and expired.name == "An"
    settings.QUESTION_RETENTION_DAYS = 30
    assert services.questions_erase_expired() == 1
    expired.refresh_from_db()
    assert expired.erased_at and expired.text == "" and expired.name == "" and expired.email == ""
    assert expired.token_hash is None and expired.child_age is None
    kept.refresh_from_db()
    assert kept.erased_at is None and kept.text and kept.name == "An"


def test_an_answered_question_nobody_closed_is_erased_too(house, sleep_topic, sleep_rule, worker):
    question, _ = ask(house, sleep_topic)
    recent, _ = ask(house, sleep_topic)
    for each in (question, recent):
        services.question_answer(question=each, actor=worker, body="Een antwoord met details.")
    Question.objects.filter(pk=question.pk).update(answered_at=timezone.now() - timedelta(days=400))
    assert services.questions_erase_expired() == 1
    question.refresh_from_db()
    assert question.erased_at and question.text == "" and question.email == ""
    assert not question.events.exclude(body="").exists()  # the answer is gone too
    assert question.status == QuestionStatus.ANSWERED  # not open: nothing to close
    recent.refresh_from_db()
    assert recent.erased_at is None and recent.text
    assert "Een antwoord met details." in [e.body for e in recent.events.all()]


def age(question, days):
    """Move a question and its whole history ``days`` into the past."""
    then = timezone.now() - timedelta(days=days)
    Question.objects.filter(pk=question.pk).update(created_at=then)
    QuestionEvent.objects.filter(question=question).update(created_at=then)


def test_an_open_question_left_alone_is_erased_after_the_retention_period(
    house, sleep_topic, sleep_rule, parent_client
):
    stale, stale_token = ask(house, sleep_topic, name="An")
    fresh, _ = ask(house, sleep_topic)
    age(stale, 366)
    age(fresh, 300)
    call_command("erase_expired_questions")
    stale.refresh_from_db()
    assert stale.erased_at and stale.text == "" and stale.name == "" and stale.email == ""
    assert all(e.body == "" for e in stale.events.all())
    # Nobody can answer it any more: it is closed, and no longer in anyone's open work.
    assert stale.status == QuestionStatus.CLOSED and stale.closed_at
    assert parent_client.get(services.private_url(stale, stale_token)).status_code == 404
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.ERASE, target_id=str(stale.pk)
    ).exists()
    fresh.refresh_from_db()
    assert fresh.erased_at is None and fresh.text and fresh.status != QuestionStatus.CLOSED
    assert services.questions_erase_expired() == 0  # nothing twice


def test_an_open_question_counts_from_its_last_activity(house, sleep_topic, sleep_rule, worker):
    question, _ = ask(house, sleep_topic)
    age(question, 800)
    services.question_follow_up(question=question, body="Is er al nieuws?")
    assert services.questions_erase_expired() == 0  # the follow-up is recent
    question.refresh_from_db()
    assert question.erased_at is None and question.text and question.is_open
    QuestionEvent.objects.filter(question=question).update(
        created_at=timezone.now() - timedelta(days=366)
    )
    assert services.questions_erase_expired() == 1
    question.refresh_from_db()
    assert question.erased_at and question.text == "" and question.status == QuestionStatus.CLOSED
    assert all(e.body == "" for e in question.events.all())


def test_the_erasure_is_audited_without_the_erased_values(house, sleep_topic, sleep_rule, worker):
    question, _ = ask(house, sleep_topic, name="An Peeters", email="an.peeters@example.be")
    services.question_note_add(question=question, actor=worker, body="Moeder belde.")
    age(question, 366)
    assert services.questions_erase_expired() == 1
    erase = AuditEvent.objects.get(action=AuditEvent.Action.ERASE, target_id=str(question.pk))
    assert erase.actor is None and erase.house == house and "365 dagen" in erase.reason
    assert erase.changes == {
        "text": ["<present>", None],
        "name": ["<present>", None],
        "email": ["<present>", None],
        "token": ["<present>", None],
        "token_hash": ["<present>", None],
        "child_age": ["<present>", None],
        "history": ["<present>", None],
    }
    trail = str(list(AuditEvent.objects.values_list("changes", "target_label", "reason")))
    assert "An Peeters" not in trail and "an.peeters" not in trail and "slaapt" not in trail
    # The open question was closed through the workflow: in its history and in the trail.
    closing = question.events.get(kind=QuestionEvent.Kind.STATUS, to_status=QuestionStatus.CLOSED)
    assert closing.from_status == QuestionStatus.NEW and closing.actor is None
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.UPDATE,
        target_id=str(question.pk),
        changes={"status": ["new", "closed"]},
    ).exists()


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


def test_answered_questions_are_not_reminded(due_wednesday, worker, house, organisation):
    services.question_answer(question=due_wednesday, actor=worker, body="A")
    assert services.questions_send_reminders(today=date(2027, 5, 10)) == {
        "reminders": 0,
        "escalations": 0,
    }
    # Positive control: an open question with the same deadline is escalated that day.
    late = QuestionFactory(house=house, organisation=organisation, due_on=date(2027, 5, 5))
    assert services.questions_send_reminders(today=date(2027, 5, 10))["escalations"] == 1
    late.refresh_from_db()
    assert late.escalated_at is not None


def test_the_reminder_command_queues_the_task(
    house, sleep_topic, sleep_rule, coordinator, mailoutbox, on_commit
):
    question, _ = ask(house, sleep_topic)
    Question.objects.filter(pk=question.pk).update(due_on=timezone.localdate() - timedelta(days=7))
    out = StringIO()
    with on_commit():
        call_command("send_question_reminders", stdout=out)
    # Tests run tasks immediately: the queued task escalated the late question.
    assert "Queued task" in out.getvalue()
    question.refresh_from_db()
    assert question.escalated_at is not None
    assert any(coordinator.email in m.to and "te laat" in m.subject for m in mailoutbox)
