"""Requesting, approving, declining and cancelling bookings, and every refusal in Dutch."""

from datetime import time, timedelta

import pytest
from django.core.exceptions import ValidationError

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.network.models import Location, Municipality, OpeningHours, Organisation
from huisvanhetkind.premises import selectors, services
from huisvanhetkind.premises.models import AgreementAcceptance, Booking
from huisvanhetkind.premises.workflow import BookingStatus as S
from tests.premises.conftest import at, request

pytestmark = pytest.mark.django_db


def _message(excinfo) -> str:
    return " ".join(excinfo.value.messages)


def test_a_partner_requests_and_the_coordinator_approves(
    house, organisation, worker, coordinator, room, accepted
):
    [booking] = request(house, organisation, worker, room, at(1, 10), buffer_before=15)
    assert booking.status == S.REQUESTED
    assert booking.category == Booking.Category.PARTNER
    assert booking.blocked_from == at(1, 9, 45)
    services.booking_approve(actor=coordinator, booking=booking)
    booking.refresh_from_db()
    assert booking.status == S.APPROVED and booking.decided_by == coordinator
    actions = list(
        AuditEvent.objects.filter(target_id=str(booking.pk), target_type__icontains="booking")
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert actions == ["create", "approve"]


def test_a_recurring_request_creates_one_booking_per_week(
    house, organisation, worker, room, accepted
):
    bookings = request(house, organisation, worker, room, at(2, 14), weeks=4)
    assert [b.starts_at for b in bookings] == [at(2 + 7 * i, 14) for i in range(4)]
    assert len({b.series for b in bookings}) == 1 and bookings[0].series is not None


@pytest.mark.parametrize(
    "change, message",
    [
        ({"attendees": 21}, "plaats aan 20 personen"),
        ({"start": -30}, "in het verleden"),
        ({"start_hour": 6}, "tussen 08:00 en 22:00"),
        ({"hours": -1}, "einde ligt na het begin"),
    ],
)
def test_bad_input_is_refused_in_dutch(
    house, organisation, worker, room, accepted, change, message
):
    start = at(change.get("start", 1), change.get("start_hour", 10))
    extra = {"attendees": change["attendees"]} if "attendees" in change else {}
    with pytest.raises(ValidationError) as excinfo:
        request(house, organisation, worker, room, start, hours=change.get("hours", 2), **extra)
    assert message in _message(excinfo)
    assert not Booking.objects.exists()


def test_an_overlap_with_an_approved_booking_is_refused(
    house, organisation, worker, coordinator, room, accepted
):
    [first] = request(house, organisation, worker, room, at(1, 10))
    services.booking_approve(actor=coordinator, booking=first)
    with pytest.raises(ValidationError) as excinfo:
        request(house, organisation, worker, room, at(1, 12, 10), buffer_before=15)
    assert "al bezet" in _message(excinfo)
    # Positive control: right after it, without a buffer.
    request(house, organisation, worker, room, at(1, 12))


def test_two_requests_for_one_time_only_the_first_approval_wins(
    house, organisation, worker, coordinator, room, accepted
):
    [first] = request(house, organisation, worker, room, at(1, 10))
    [second] = request(house, organisation, worker, room, at(1, 11))
    [(_b, conflicts)] = [p for p in selectors.pending_requests(house) if p[0] == first]
    assert conflicts == [second]
    services.booking_approve(actor=coordinator, booking=first)
    with pytest.raises(ValidationError) as excinfo:
        services.booking_approve(actor=coordinator, booking=second)
    assert "al bezet" in _message(excinfo)
    second.refresh_from_db()
    assert second.status == S.REQUESTED


def test_a_room_of_another_house_is_refused(house, organisation, worker, other_room, accepted):
    with pytest.raises(ValidationError) as excinfo:
        request(house, organisation, worker, other_room, at(1, 10))
    assert "hoort niet bij dit huis" in _message(excinfo)


def test_no_booking_before_the_usage_agreement(house, organisation, worker, room):
    with pytest.raises(ValidationError) as excinfo:
        request(house, organisation, worker, room, at(1, 10))
    assert "gebruiksovereenkomst" in _message(excinfo)
    services.agreement_accept(actor=worker, house=house, organisation=organisation)
    services.agreement_accept(actor=worker, house=house, organisation=organisation)
    assert AgreementAcceptance.objects.get().accepted_by == worker
    assert request(house, organisation, worker, room, at(1, 10))


def test_opening_hours_of_the_house_location_apply(house, organisation, worker, room, accepted):
    location = Location.objects.create(
        name="Huis van het Kind",
        house=house,
        street="Kapellensteenweg 170",
        postcode="2920",
        municipality=Municipality.objects.get(name="Kalmthout"),
    )
    OpeningHours.objects.create(location=location, weekday=0, opens=time(9), closes=time(12))
    with pytest.raises(ValidationError) as excinfo:
        request(house, organisation, worker, room, at(0, 11))
    assert "open van 09:00-12:00" in _message(excinfo)
    with pytest.raises(ValidationError) as excinfo:
        request(house, organisation, worker, room, at(1, 9))
    assert "gesloten" in _message(excinfo)
    assert request(house, organisation, worker, room, at(0, 9), hours=3)


def test_category_follows_the_organisation_and_orders_the_requests(
    house, organisation, worker, coordinator, room, accepted
):
    organisation.kind = Organisation.Kind.PUBLIC
    organisation.save()
    [municipal] = request(house, organisation, worker, room, at(1, 10))
    assert municipal.category == Booking.Category.MUNICIPALITY
    organisation.kind = Organisation.Kind.PARENTING
    organisation.save()
    [partner] = request(house, organisation, worker, room, at(2, 10))
    assert [b for b, _c in selectors.pending_requests(house)] == [partner, municipal]
    services.booking_set_category(
        actor=coordinator, booking=municipal, category=Booking.Category.HOUSE
    )
    assert [b for b, _c in selectors.pending_requests(house)] == [municipal, partner]
    with pytest.raises(ValidationError):
        services.booking_set_category(actor=coordinator, booking=municipal, category="vip")


def test_cancel_before_the_cutoff_only(house, organisation, worker, coordinator, room, accepted):
    [booking] = request(house, organisation, worker, room, at(1, 10))
    with pytest.raises(ValidationError) as excinfo:
        services.booking_cancel(
            actor=worker, booking=booking, now=booking.starts_at - timedelta(hours=47)
        )
    assert "48 uur" in _message(excinfo)
    services.booking_cancel(
        actor=worker, booking=booking, now=booking.starts_at - timedelta(hours=49)
    )
    booking.refresh_from_db()
    assert booking.status == S.CANCELLED
    [late] = request(house, organisation, worker, room, at(2, 10))
    services.booking_cancel(
        actor=coordinator, booking=late, by_coordinator=True, now=late.starts_at
    )


def test_decline_needs_a_reason(house, organisation, worker, coordinator, room, accepted):
    [booking] = request(house, organisation, worker, room, at(1, 10))
    with pytest.raises(ValidationError):
        services.booking_decline(actor=coordinator, booking=booking, reason=" ")
    services.booking_decline(actor=coordinator, booking=booking, reason="Eigen werking")
    booking.refresh_from_db()
    assert booking.status == S.DECLINED
    with pytest.raises(ValidationError):
        services.booking_approve(actor=coordinator, booking=booking)


def test_a_paused_partner_and_a_huge_buffer_are_refused(
    house, organisation, worker, room, accepted
):
    with pytest.raises(ValidationError) as excinfo:
        request(house, organisation, worker, room, at(1, 10), buffer_after=600)
    assert "hoogstens 240 minuten" in _message(excinfo)
    partnership = organisation.partnerships.get(house=house)
    partnership.status = partnership.Status.PAUSED
    partnership.save()
    with pytest.raises(ValidationError) as excinfo:
        request(house, organisation, worker, room, at(1, 10))
    assert "actieve partners" in _message(excinfo)
    assert not Booking.objects.exists()
