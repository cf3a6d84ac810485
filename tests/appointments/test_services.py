"""Booking, changing, cancelling and marking appointments; every refusal in Dutch with nothing
changed; reminders and the erasure after the retention period."""

from datetime import datetime, time, timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from huisvanhetkind.appointments import selectors, services
from huisvanhetkind.appointments.models import Appointment
from huisvanhetkind.appointments.workflow import AppointmentStatus as S
from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.core.digests import EMAIL, contact_digest, contact_digests
from huisvanhetkind.premises import services_hours
from tests.appointments.conftest import book, slots, topic_of
from tests.premises.hours_helpers import rule_data

pytestmark = pytest.mark.django_db


def message(error: ValidationError) -> str:
    return " ".join(error.messages)


def test_slots_are_cut_from_the_hours_by_appointment(desk):
    found = slots(desk, days=7)
    assert found
    for slot in found:
        local = timezone.localtime(slot.starts_at)
        assert local.weekday() < 5
        assert time(9) <= local.time() <= time(11, 40)
        assert slot.ends_at - slot.starts_at == timedelta(minutes=20)
        assert slot.starts_at >= timezone.now() + timedelta(hours=2)


def test_walk_in_hours_and_closures_give_no_slots(desk):
    today = timezone.localdate()
    services_hours.rule_create(
        actor=None,
        desk=desk,
        data=rule_data(weekdays=[0, 1, 2, 3, 4], starts=time(13), ends=time(16)),
    )
    assert all(timezone.localtime(s.starts_at).hour < 12 for s in slots(desk, days=14))
    services_hours.closure_create(
        actor=None, house=desk.house, desk=desk, starts_on=today, ends_on=today + timedelta(days=30)
    )
    assert slots(desk, days=14) == []


def test_booking_sends_the_what_to_bring_and_a_link(desk, on_commit):
    with on_commit():
        appointment, signed = book(
            desk,
            phone="0470 00 00 00",
            interpreter=True,
            interpreter_language="Arabisch",
            wheelchair=True,
        )
    assert appointment.status == S.BOOKED and appointment.counter == 1
    assert appointment.token_hash and signed not in appointment.token_hash
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "aanslagbiljet" in body and "/kalmthout/afspraak/mijn/" in body
    assert AuditEvent.objects.filter(
        target_type="appointments.appointment", action="create"
    ).exists()


def test_a_full_slot_is_refused(desk):
    slot = slots(desk)[0]
    book(desk, slot)
    with pytest.raises(ValidationError) as refused:
        book(desk, slot, email="ander@example.be")
    assert "net geboekt" in message(refused.value)
    assert Appointment.objects.count() == 1
    assert not [s for s in slots(desk) if s.starts_at == slot.starts_at]


def test_two_counters_take_two_families(house, organisation):
    from tests.appointments.conftest import make_appointment_desk

    desk = make_appointment_desk(house, organisation, slug="twee", name="Twee", counters=2)
    slot = slots(desk)[0]
    first, _ = book(desk, slot)
    second, _ = book(desk, slot, email="b@example.be")
    assert {first.counter, second.counter} == {1, 2}
    with pytest.raises(ValidationError):
        book(desk, slot, email="c@example.be")


@pytest.mark.parametrize(
    "when, expected",
    [
        ("past", "verleden"),
        ("notice", "op voorhand"),
        ("outside", "geen spreekuur op afspraak"),
        ("horizon", "dagen vooruit"),
        ("odd", "geen spreekuur op afspraak"),
    ],
)
def test_bad_times_are_refused(desk, when, expected):
    now = timezone.now()
    tz = timezone.get_current_timezone()
    monday = timezone.localdate() + timedelta(days=7 - timezone.localdate().weekday())
    moment = {
        "past": now - timedelta(days=1),
        "notice": now + timedelta(minutes=30),
        "outside": datetime.combine(monday, time(14), tz),
        "horizon": datetime.combine(monday + timedelta(days=70), time(9), tz),
        "odd": datetime.combine(monday, time(9, 7), tz),
    }[when]
    if when == "notice":
        # a real slot inside the notice: the desk asks for two days
        desk.appointment_settings.notice_hours = 48
        desk.appointment_settings.save()
        moment = datetime.combine(monday, time(9), tz)
        now = moment - timedelta(hours=3)
        with pytest.raises(ValidationError) as refused:
            book(desk, moment, now=now)
    else:
        with pytest.raises(ValidationError) as refused:
            book(desk, moment)
    assert expected in message(refused.value)
    assert Appointment.objects.count() == 0


def test_a_slot_of_another_desk_or_topic_is_refused(desk, other_desk):
    with pytest.raises(ValidationError) as refused:
        book(desk, slots(desk)[0], topic=topic_of(other_desk))
    assert "onderwerp" in message(refused.value)
    with pytest.raises(ValidationError) as refused:
        services.appointment_book(
            actor=None,
            desk=desk,
            topic=None,
            starts_at=slots(desk)[0].starts_at,
            name="Sara",
            email="sara@example.be",
        )
    assert "onderwerp" in message(refused.value)
    assert Appointment.objects.count() == 0


def test_invalid_email_and_missing_interpreter_language_are_refused(desk):
    with pytest.raises(ValidationError) as refused:
        book(desk, email="geen-adres")
    assert "e-mailadres" in message(refused.value)
    with pytest.raises(ValidationError) as refused:
        book(desk, interpreter=True)
    assert "tolk" in message(refused.value)
    assert Appointment.objects.count() == 0


def test_change_frees_the_old_slot(desk, on_commit):
    first, second = slots(desk)[:2]
    appointment, _ = book(desk, first)
    with on_commit():
        services.appointment_change(actor=None, appointment=appointment, starts_at=second.starts_at)
    appointment.refresh_from_db()
    assert appointment.starts_at == second.starts_at
    assert any(s.starts_at == first.starts_at for s in slots(desk))
    other, _ = book(desk, first, email="b@example.be")
    assert other.counter == 1
    assert "verplaatst" in mail.outbox[-1].subject


def test_change_to_a_taken_slot_changes_nothing(desk):
    first, second = slots(desk)[:2]
    appointment, _ = book(desk, first)
    book(desk, second, email="b@example.be")
    with pytest.raises(ValidationError):
        services.appointment_change(actor=None, appointment=appointment, starts_at=second.starts_at)
    appointment.refresh_from_db()
    assert appointment.starts_at == first.starts_at


def test_cancel_by_the_professional_needs_a_reason_and_mails_the_family(
    desk, coordinator, on_commit
):
    appointment, _ = book(desk)
    with pytest.raises(ValidationError):
        services.appointment_cancel(actor=coordinator, appointment=appointment, reason=" ")
    with on_commit():
        services.appointment_cancel(actor=coordinator, appointment=appointment, reason="Ziekte")
    appointment.refresh_from_db()
    assert appointment.status == S.CANCELLED and appointment.token_hash is None
    assert "Ziekte" in mail.outbox[-1].body


def test_marks_only_after_the_start(desk, coordinator):
    appointment, _ = book(desk)
    with pytest.raises(ValidationError):
        services.appointment_mark(actor=coordinator, appointment=appointment, status=S.NO_SHOW)
    services.appointment_mark(
        actor=coordinator,
        appointment=appointment,
        status=S.NO_SHOW,
        now=appointment.starts_at + timedelta(minutes=5),
    )
    appointment.refresh_from_db()
    assert appointment.status == S.NO_SHOW


def test_reminder_once_the_day_before(desk, on_commit):
    appointment, _ = book(desk)
    day_before = appointment.starts_at - timedelta(days=1)
    with on_commit():
        assert services.appointments_remind(now=day_before) == 1
        assert services.appointments_remind(now=day_before) == 0
    assert "Herinnering" in mail.outbox[-1].subject


def test_erasure_after_the_retention_period(desk):
    appointment, _ = book(desk)
    assert services.appointments_erase_expired(now=appointment.starts_at + timedelta(days=29)) == 0
    assert services.appointments_erase_expired(now=appointment.starts_at + timedelta(days=31)) == 1
    appointment.refresh_from_db()
    assert appointment.name == appointment.email == appointment.note == ""
    assert appointment.erased_at is not None and appointment.token_hash is None


def test_day_list_is_audited(desk, coordinator):
    appointment, _ = book(desk)
    day = timezone.localtime(appointment.starts_at).date()
    assert selectors.day_list(coordinator, desk, day) == [appointment]
    assert AuditEvent.objects.filter(action="read", target_id=str(appointment.pk)).count() == 1


def test_booking_keeps_the_keyed_digest_of_the_address_however_it_was_typed(desk):
    appointment, _ = book(desk, email="Sara.Peeters@Example.be")
    assert appointment.email_digest == contact_digest("sara.peeters@example.be", EMAIL)
    assert selectors.appointments_by_email_digests(
        contact_digests("sara.peeters@example.be", EMAIL)
    ) == [appointment]
    assert selectors.appointments_by_email_digests(contact_digests("an@example.be")) == []


def test_the_family_s_erasure_cancels_a_coming_appointment_and_frees_its_slot(desk):
    appointment, _ = book(desk)
    erased = services.appointment_erase(appointment=appointment, reason="het gezin vroeg het")
    assert erased.status == S.CANCELLED and erased.erased_at is not None
    assert (erased.name, erased.email, erased.email_digest, erased.phone) == ("", "", "", "")
    assert (
        selectors.taken_counts(desk, appointment.starts_at, appointment.ends_at) == {}
    )  # the slot is free
    # once: a second call changes nothing
    services.appointment_erase(appointment=appointment, reason="nog eens")
    assert AuditEvent.objects.filter(action="erase", target_id=str(appointment.pk)).count() == 1


def test_the_family_s_erasure_of_a_past_appointment_keeps_its_mark(desk, coordinator):
    appointment, _ = book(desk)
    services.appointment_mark(
        actor=coordinator,
        appointment=appointment,
        status=S.DONE,
        now=appointment.starts_at + timedelta(minutes=5),
    )
    services.appointment_erase(
        appointment=appointment,
        reason="het gezin vroeg het",
        now=appointment.starts_at + timedelta(days=1),
    )
    appointment.refresh_from_db()
    assert appointment.status == S.DONE and appointment.erased_at is not None
    assert appointment.name == ""
