"""The workflow of a referral: the whole transition table (every edge allowed for its actor and
refused for everyone else, in Dutch), the actor checks on both sides with a third partner
refused, the stale check, opening, answering, and the family's withdrawal of its consent that
closes the referral and erases what it shared."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.referrals import selectors, services
from huisvanhetkind.referrals.models import Consent, Referral, ReferralEvent
from huisvanhetkind.referrals.workflow import (
    END_STATES,
    TRANSITIONS,
    Actor,
    ReferralStatus,
    next_states,
)
from tests.referrals.helpers import send

pytestmark = pytest.mark.django_db

S = ReferralStatus
A = Actor
RUNNING = [state for state in S if state not in END_STATES]


def expected_table() -> dict:
    """The issue's journey, written out independently of ``workflow.py``."""
    table = {
        (S.SENT, S.RECEIVED): {A.RECEIVER},
        (S.SENT, S.ACCEPTED): {A.RECEIVER},
        (S.SENT, S.DECLINED): {A.RECEIVER},
        (S.RECEIVED, S.ACCEPTED): {A.RECEIVER},
        (S.RECEIVED, S.DECLINED): {A.RECEIVER},
        (S.ACCEPTED, S.CONTACTED): {A.RECEIVER},
        (S.ACCEPTED, S.WAITLISTED): {A.RECEIVER},
        (S.ACCEPTED, S.NOT_REACHED): {A.RECEIVER},
        (S.WAITLISTED, S.CONTACTED): {A.RECEIVER},
        (S.SENT, S.WITHDRAWN): {A.REFERRER},
        (S.RECEIVED, S.WITHDRAWN): {A.REFERRER},
    }
    for old in (S.CONTACTED, S.WAITLISTED):
        for outcome in (S.GOT_HELP, S.NO_HELP, S.NOT_INTERESTED):
            table[(old, outcome)] = {A.RECEIVER, A.FAMILY}
    for outcome in (S.GOT_HELP, S.NO_HELP, S.NOT_INTERESTED, S.NOT_REACHED):
        table[(outcome, S.CLOSED)] = {A.RECEIVER}
    for old in RUNNING:
        table[(old, S.CONSENT_WITHDRAWN)] = {A.FAMILY}
        table[(old, S.EXPIRED)] = {A.SYSTEM}
    return table


def test_the_table_is_the_issues_journey():
    assert {edge: set(actors) for edge, actors in TRANSITIONS.items()} == expected_table()
    assert set(END_STATES) == {S.DECLINED, S.CLOSED, S.WITHDRAWN, S.CONSENT_WITHDRAWN, S.EXPIRED}
    # Closing needs an outcome: an accepted or contacted referral cannot be closed as it is.
    assert S.CLOSED not in next_states(S.ACCEPTED, A.RECEIVER)
    assert S.CLOSED not in next_states(S.CONTACTED, A.RECEIVER)
    # The referrer withdraws only before acceptance.
    assert next_states(S.ACCEPTED, A.REFERRER) == []
    # Nothing leaves an end state.
    for state in END_STATES:
        assert all(next_states(state, actor) == [] for actor in A)


def _reset(referral, old):
    Referral.objects.filter(pk=referral.pk).update(status=old, erased_at=None, closed_at=None)
    Consent.objects.filter(pk=referral.consent_id).update(withdrawn_at=None)


@pytest.mark.parametrize("old", list(S))
def test_every_move_from_a_state_is_allowed_for_its_actor_and_refused_for_others(
    old, referral, receiver, worker
):
    people = {A.RECEIVER: receiver, A.REFERRER: worker, A.FAMILY: None, A.SYSTEM: None}
    table = expected_table()
    allowed = refused = 0
    for new in S:
        for actor_kind, actor in people.items():
            _reset(referral, old)
            events = ReferralEvent.objects.filter(referral=referral).count()
            arguments = {
                "referral": referral,
                "to": new,
                "actor_kind": actor_kind,
                "actor": actor,
                "decline_reason": "no_capacity",
            }
            if actor_kind in table.get((old, new), ()):
                moved = services.referral_transition(**arguments)
                assert moved.status == new
                event = ReferralEvent.objects.filter(referral=referral).latest("id")
                assert (event.from_status, event.to_status, event.actor_kind) == (
                    old,
                    new,
                    actor_kind,
                )
                audit = AuditEvent.objects.filter(
                    target_id=str(referral.pk), changes__has_key="status"
                ).latest("id")
                assert audit.changes == {"status": [old, new]}
                assert (moved.closed_at is not None) == (new in END_STATES)
                allowed += 1
                continue
            with pytest.raises(ValidationError) as error:
                services.referral_transition(**arguments)
            [message] = error.value.messages
            if (old, new) in table:
                assert message == (
                    f"De {A(actor_kind).label} kan een doorverwijzing niet “{S(new).label}” maken."
                )
            else:
                assert message == (
                    f"Een doorverwijzing met status “{S(old).label}” kan niet "
                    f"“{S(new).label}” worden."
                )
            assert Referral.objects.get(pk=referral.pk).status == old
            assert ReferralEvent.objects.filter(referral=referral).count() == events
            refused += 1
    assert allowed == sum(len(a) for (o, _n), a in table.items() if o == old)
    assert refused == len(S) * len(people) - allowed


# --- The people behind the actors -----------------------------------------------------------


def test_a_third_partner_can_neither_answer_nor_withdraw(referral, receiver, worker, third_party):
    with pytest.raises(ValidationError, match="Je werkt niet voor de partner die deze"):
        services.referral_transition(
            referral=referral, to=S.ACCEPTED, actor_kind=A.RECEIVER, actor=third_party
        )
    with pytest.raises(ValidationError, match="Je werkt niet voor de partner die doorverwees."):
        services.referral_transition(
            referral=referral, to=S.WITHDRAWN, actor_kind=A.REFERRER, actor=third_party
        )
    with pytest.raises(ValidationError, match="Je werkt niet voor de partner"):
        services.referral_assign(referral=referral, handler=third_party, actor=third_party)
    referral.refresh_from_db()
    assert referral.status == S.SENT and referral.handler is None
    assert referral.events.count() == 1
    # Positive control: the receiver accepts.
    services.referral_transition(
        referral=referral, to=S.ACCEPTED, actor_kind=A.RECEIVER, actor=receiver
    )
    referral.refresh_from_db()
    assert referral.status == S.ACCEPTED


def test_each_side_acts_only_as_itself(referral, receiver, worker, other_coordinator):
    # The referrer cannot answer its own referral; the receiver cannot withdraw it.
    with pytest.raises(ValidationError, match="deze doorverwijzing kreeg"):
        services.referral_transition(
            referral=referral, to=S.ACCEPTED, actor_kind=A.RECEIVER, actor=worker
        )
    with pytest.raises(ValidationError, match="die doorverwees"):
        services.referral_transition(
            referral=referral, to=S.WITHDRAWN, actor_kind=A.REFERRER, actor=receiver
        )
    # A coordinator of another house is no side at all.
    with pytest.raises(ValidationError):
        services.referral_transition(
            referral=referral, to=S.ACCEPTED, actor_kind=A.RECEIVER, actor=other_coordinator
        )
    assert Referral.objects.get(pk=referral.pk).status == S.SENT
    # Positive control: the referrer withdraws.
    services.referral_transition(
        referral=referral, to=S.WITHDRAWN, actor_kind=A.REFERRER, actor=worker
    )
    assert Referral.objects.get(pk=referral.pk).status == S.WITHDRAWN


def test_a_move_on_a_status_someone_else_changed_meanwhile_is_refused(referral, receiver, worker):
    services.referral_transition(
        referral=referral, to=S.RECEIVED, actor_kind=A.RECEIVER, actor=receiver, expected=S.SENT
    )
    with pytest.raises(ValidationError) as stale:
        services.referral_transition(
            referral=referral, to=S.WITHDRAWN, actor_kind=A.REFERRER, actor=worker, expected=S.SENT
        )
    assert stale.value.messages == [
        "Iemand anders wijzigde deze doorverwijzing net (nu: “geopend”). Bekijk ze opnieuw."
    ]
    assert stale.value.code == "stale"
    assert Referral.objects.get(pk=referral.pk).status == S.RECEIVED
    # Positive control: with what it is now, the move goes ahead.
    services.referral_transition(
        referral=referral,
        to=S.WITHDRAWN,
        actor_kind=A.REFERRER,
        actor=worker,
        expected=S.RECEIVED,
    )
    assert Referral.objects.get(pk=referral.pk).status == S.WITHDRAWN


# --- Answering ----------------------------------------------------------------------------------


def test_a_decline_needs_a_reason_from_the_list_and_a_short_note(referral, receiver):
    for kwargs, message in (
        ({}, "Kies waarom je de doorverwijzing weigert."),
        ({"decline_reason": "geen zin"}, "Kies waarom je de doorverwijzing weigert."),
        (
            {"decline_reason": "other", "decline_note": "x" * 501},
            "Schrijf hoogstens 500 tekens.",
        ),
    ):
        with pytest.raises(ValidationError) as refused:
            services.referral_transition(
                referral=referral, to=S.DECLINED, actor_kind=A.RECEIVER, actor=receiver, **kwargs
            )
        assert refused.value.messages == [message]
        assert Referral.objects.get(pk=referral.pk).status == S.SENT
    declined = services.referral_transition(
        referral=referral,
        to=S.DECLINED,
        actor_kind=A.RECEIVER,
        actor=receiver,
        decline_reason="not_eligible",
        decline_note="  Enkel voor gezinnen met een baby.  ",
    )
    assert declined.decline_reason == "not_eligible"
    assert declined.decline_note == "Enkel voor gezinnen met een baby."
    assert declined.answered_at and declined.received_at and declined.closed_at
    assert declined.events.last().note == "het gezin komt niet in aanmerking"


def test_the_referrer_hears_of_accept_decline_and_close_and_not_of_every_step(
    house,
    worker,
    organisation,
    receiving_organisation,
    receiving_service,
    receiver,
    mailoutbox,
    on_commit,
):
    first, _t, _c = send(house, worker, organisation, receiving_organisation, receiving_service)
    second, _t, _c = send(house, worker, organisation, receiving_organisation, receiving_service)

    def move(referral, to, **kwargs):
        with on_commit():
            services.referral_transition(
                referral=referral, to=to, actor_kind=A.RECEIVER, actor=receiver, **kwargs
            )

    move(first, S.RECEIVED)
    assert mailoutbox == []
    move(first, S.ACCEPTED)
    [accepted] = mailoutbox
    assert accepted.to == [worker.email]
    assert accepted.subject == (
        f"Doorverwijzing #{first.pk} is aanvaard door Kraamzorg Landelijke Thuiszorg"
    )
    move(first, S.CONTACTED)
    move(first, S.GOT_HELP)
    assert len(mailoutbox) == 1
    move(first, S.CLOSED)
    closed = mailoutbox[-1]
    assert closed.subject == f"Doorverwijzing #{first.pk} is afgesloten"
    assert "Uitkomst: geholpen." in closed.body

    move(second, S.DECLINED, decline_reason="no_capacity", decline_note="Volzet tot september")
    declined = mailoutbox[-1]
    assert declined.subject == (
        f"Doorverwijzing #{second.pk} is geweigerd door Kraamzorg Landelijke Thuiszorg"
    )
    assert "Reden: geen plaats of capaciteit." in declined.body
    assert f"/beheer/doorverwijzingen/{second.pk}/" in declined.body
    for mail in mailoutbox:  # never the family
        assert "Janssens" not in mail.body and "bevalling" not in mail.body
        assert "Volzet" not in mail.body  # the note is read after signing in


# --- Opening ------------------------------------------------------------------------------------


def test_opening_audits_the_read_and_moves_sent_to_received_only_for_the_receiver(
    referral, receiver, worker, third_party
):
    def reads():
        return AuditEvent.objects.filter(target_id=str(referral.pk), action="read")

    services.referral_open(referral=referral, actor=worker)
    assert Referral.objects.get(pk=referral.pk).status == S.SENT  # the referrer reads it
    assert reads().count() == 1 and reads().get().actor == worker

    services.referral_open(referral=referral, actor=third_party)
    assert Referral.objects.get(pk=referral.pk).status == S.SENT  # nor does a third partner

    opened = services.referral_open(referral=referral, actor=receiver)
    assert opened.status == S.RECEIVED and opened.received_at is not None
    assert reads().filter(actor=receiver).count() == 1
    event = opened.events.last()
    assert (event.from_status, event.to_status, event.actor) == ("sent", "received", receiver)
    # Opened again: one more read, no second step.
    services.referral_open(referral=referral, actor=receiver)
    assert reads().filter(actor=receiver).count() == 2
    assert opened.events.count() == 2


def test_a_referral_a_colleague_answered_meanwhile_opens_as_it_is_now(referral, receiver):
    stale = Referral.objects.get(pk=referral.pk)
    services.referral_transition(
        referral=referral, to=S.ACCEPTED, actor_kind=A.RECEIVER, actor=receiver
    )
    opened = services.referral_open(referral=stale, actor=receiver)  # it still says "sent"
    assert opened.status == S.ACCEPTED
    assert opened.events.count() == 2


# --- The family ---------------------------------------------------------------------------------


@pytest.fixture
def with_child(house, worker, organisation, receiving_organisation, receiving_service):
    return send(
        house,
        worker,
        organisation,
        receiving_organisation,
        receiving_service,
        child={"first_name": "Lina", "birth_date": timezone.localdate() - timedelta(days=400)},
    )


def test_a_withdrawn_consent_closes_the_referral_and_erases_what_was_shared(
    with_child, house, receiver, worker, mailoutbox, on_commit
):
    referral, token, code = with_child
    services.referral_transition(
        referral=referral, to=S.ACCEPTED, actor_kind=A.RECEIVER, actor=receiver
    )
    assert selectors.referral_by_token(house, token) == referral  # positive control
    mailoutbox.clear()

    with on_commit():
        withdrawn = services.referral_consent_withdraw(referral=referral)

    assert withdrawn.status == S.CONSENT_WITHDRAWN and withdrawn.closed_at is not None
    assert withdrawn.erased_at is not None
    assert (withdrawn.family, withdrawn.child) == (None, None)
    assert (withdrawn.reason, withdrawn.contact_note) == ("", "")
    assert withdrawn.token_hash is None and withdrawn.short_code_hash is None
    assert selectors.referral_by_token(house, token) is None
    assert selectors.referral_by_short_code(house, code) is None
    consent = Consent.objects.get(pk=referral.consent_id)
    assert consent.withdrawn_at is not None and consent.family is None
    # The family moved it, through its link: no person.
    event = withdrawn.events.last()
    assert (event.to_status, event.actor_kind, event.actor) == ("consent_withdrawn", "family", None)

    trail = AuditEvent.objects.filter(house=house).order_by("id")
    status = trail.filter(target_id=str(referral.pk), changes__has_key="status").last()
    assert status.changes == {"status": ["accepted", "consent_withdrawn"]}
    withdrawal = trail.get(target_type="referrals.consent", action="update")
    assert withdrawal.changes == {"withdrawn_at": [None, consent.withdrawn_at.isoformat()]}
    erasure = trail.get(target_type="referrals.referral", action="erase")
    assert erasure.changes == {
        "family": ["<present>", None],
        "child": ["<present>", None],
        "reason": ["<present>", None],
        "contact_note": ["<present>", None],
        "family_link": ["<present>", None],
        "short_code": ["<present>", None],
        "erased_at": [None, withdrawn.erased_at.isoformat()],
    }
    assert erasure.reason == "toestemming ingetrokken"

    [told] = mailoutbox
    assert told.to == [worker.email]
    assert told.subject == f"Het gezin trok zijn toestemming in voor doorverwijzing #{referral.pk}"

    # Final: the family cannot withdraw twice, nor change an ended referral.
    with pytest.raises(ValidationError, match="kan niet"):
        services.referral_consent_withdraw(referral=referral)


def test_an_ended_referral_keeps_its_data_when_withdrawal_is_refused(referral, receiver):
    services.referral_transition(
        referral=referral,
        to=S.DECLINED,
        actor_kind=A.RECEIVER,
        actor=receiver,
        decline_reason="no_capacity",
    )
    with pytest.raises(ValidationError) as refused:
        services.referral_consent_withdraw(referral=referral)
    assert refused.value.messages == [
        "Een doorverwijzing met status “geweigerd” kan niet “toestemming ingetrokken” worden."
    ]
    referral.refresh_from_db()
    assert referral.erased_at is None and referral.reason  # erased later, by the retention


def test_the_family_says_it_got_help_once_it_was_contacted(referral, receiver):
    with pytest.raises(ValidationError) as early:
        services.referral_family_outcome(referral=referral, got_help=True)
    assert early.value.messages == ["Je kan dit zeggen zodra de partner contact met je opnam."]
    for to in (S.ACCEPTED, S.CONTACTED):
        services.referral_transition(
            referral=referral, to=to, actor_kind=A.RECEIVER, actor=receiver
        )

    helped = services.referral_family_outcome(referral=referral, got_help=True)

    assert helped.status == S.GOT_HELP and helped.family_outcome == "got_help"
    event = helped.events.last()
    assert (event.from_status, event.to_status, event.actor_kind) == (
        "contacted",
        "got_help",
        "family",
    )
    audit = AuditEvent.objects.filter(
        target_id=str(referral.pk), changes__has_key="family_outcome"
    ).get()
    assert audit.changes == {"family_outcome": [None, "got_help"]} and audit.actor is None


def test_the_history_is_append_only(referral):
    event = referral.events.get()
    event.note = "veranderd"
    with pytest.raises(ValueError, match="append-only"):
        event.save()
