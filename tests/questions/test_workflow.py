import pytest
from django.core.exceptions import ValidationError

from huisvanhetkind.questions import services
from huisvanhetkind.questions.models import Question, QuestionEvent
from huisvanhetkind.questions.workflow import (
    ALLOWED_TRANSITIONS,
    QuestionStatus,
    can_transition,
    ensure_transition,
)
from tests.factories import OrganisationFactory
from tests.questions.conftest import ask

S = QuestionStatus
ALL = [(a, b) for a in S for b in S]


@pytest.mark.parametrize(("source", "target"), ALL)
def test_every_transition_is_allowed_or_refused_in_dutch(source, target):
    allowed = target in ALLOWED_TRANSITIONS[source]
    assert can_transition(source, target) is allowed
    if allowed:
        ensure_transition(source, target)
    else:
        with pytest.raises(ValidationError, match="kan niet"):
            ensure_transition(source, target)


def test_the_expected_journey_is_allowed():
    journey = [S.NEW, S.ASSIGNED, S.IN_PROGRESS, S.ANSWERED, S.CLOSED, S.IN_PROGRESS]
    assert all(can_transition(a, b) for a, b in zip(journey, journey[1:]))
    assert not can_transition(S.CLOSED, S.ANSWERED)
    assert not can_transition(S.CLOSED, S.NEW)


def test_the_partner_assigns_starts_answers_and_closes(routed_question, worker):
    q = services.question_assign(question=routed_question, actor=worker, assignee=worker)
    assert q.status == S.ASSIGNED and q.assignee == worker
    q = services.question_start(question=q, actor=worker)
    assert q.status == S.IN_PROGRESS
    q = services.question_answer(question=q, actor=worker, body="Probeer een vast slaapritueel.")
    assert q.status == S.ANSWERED and q.first_answered_at
    q = services.question_close(question=q, actor=worker)
    assert q.status == S.CLOSED and q.closed_at
    kinds = list(q.events.values_list("kind", flat=True))
    assert kinds == ["received", "assigned", "status", "answer", "status"]


def test_a_closed_question_cannot_be_answered_or_closed_again(routed_question, worker):
    services.question_close(question=routed_question, actor=worker)
    with pytest.raises(ValidationError):
        services.question_answer(question=routed_question, actor=worker, body="Te laat.")
    with pytest.raises(ValidationError):
        services.question_close(question=routed_question, actor=worker)
    assert Question.objects.get(pk=routed_question.pk).status == S.CLOSED
    # Positive control: reopened by the parent, it can be answered and closed again.
    services.question_follow_up(question=routed_question, body="Nog een vraag.")
    q = services.question_answer(question=routed_question, actor=worker, body="Antwoord.")
    assert q.status == S.ANSWERED
    assert services.question_close(question=q, actor=worker).status == S.CLOSED


def test_a_follow_up_of_the_parent_reopens_an_answered_question(routed_question, worker):
    services.question_answer(question=routed_question, actor=worker, body="Antwoord.")
    q = services.question_follow_up(question=routed_question, body="En overdag?")
    assert q.status == S.IN_PROGRESS
    assert q.reminder_sent_at is None and q.closed_at is None
    services.question_close(question=q, actor=worker)
    q = services.question_follow_up(question=q, body="Nog één vraag.")
    assert q.status == S.IN_PROGRESS


def test_forwarding_hands_over_with_a_note(routed_question, worker, other_organisation):
    services.question_start(question=routed_question, actor=worker)
    q = services.question_forward(
        question=routed_question,
        actor=worker,
        organisation=other_organisation,
        note="Kraamzorg weet dit beter.",
    )
    assert q.organisation == other_organisation and q.status == S.NEW and q.assignee is None
    event = q.events.get(kind=QuestionEvent.Kind.FORWARDED)
    assert event.body == "Kraamzorg weet dit beter."
    # The reason names the partner it came from, never the professional (the history does).
    assert q.routing_reason == "Doorgestuurd door Opvoedingspunt Kalmthout."
    assert worker.email not in q.routing_reason and worker.last_name not in q.routing_reason
    assert event.actor == worker


def test_forwarding_needs_a_note_and_a_partner_of_the_house(
    routed_question, worker, other_house, other_organisation
):
    stranger = OrganisationFactory(houses=[other_house])
    with pytest.raises(ValidationError, match="partner van dit Huis"):
        services.question_forward(
            question=routed_question, actor=worker, organisation=stranger, note="x"
        )
    with pytest.raises(ValidationError, match="overdrachtsnotitie"):
        services.question_forward(
            question=routed_question, actor=worker, organisation=other_organisation, note=" "
        )
    assert (
        Question.objects.get(pk=routed_question.pk).organisation_id
        == routed_question.organisation_id
    )
    # Positive control: a partner of the house, with a note.
    services.question_forward(
        question=routed_question, actor=worker, organisation=other_organisation, note="x"
    )
    assert Question.objects.get(pk=routed_question.pk).organisation == other_organisation


def test_only_members_of_the_partner_can_be_assigned(routed_question, worker, outsider):
    with pytest.raises(ValidationError, match="werkt niet"):
        services.question_assign(question=routed_question, actor=worker, assignee=outsider)
    assert Question.objects.get(pk=routed_question.pk).assignee is None
    # Positive control: a member of the partner is assigned.
    services.question_assign(question=routed_question, actor=worker, assignee=worker)
    assert Question.objects.get(pk=routed_question.pk).assignee == worker


def test_the_history_is_append_only(routed_question):
    event = routed_question.events.first()
    event.body = "gewijzigd"
    with pytest.raises(ValueError):
        event.save()


def test_an_unrouted_question_goes_to_the_coordinator(
    house, sleep_topic, coordinator, on_commit, mailoutbox
):
    with on_commit():
        question, _ = ask(house, sleep_topic)
    assert question.organisation is None
    assert "coördinator" in question.routing_reason
    assert any(coordinator.email in m.to for m in mailoutbox)
