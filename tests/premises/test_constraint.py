"""The database itself refuses two approved bookings of one room that overlap, buffers included."""

from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from huisvanhetkind.premises.models import Booking, Room
from huisvanhetkind.premises.workflow import BookingStatus as S

pytestmark = pytest.mark.django_db


def _booking(room, organisation, start, hours=2, status=S.APPROVED, **extra):
    return Booking.objects.create(
        room=room,
        organisation=organisation,
        title="Overleg",
        attendees=5,
        starts_at=start,
        ends_at=start + timedelta(hours=hours),
        status=status,
        **extra,
    )


@pytest.fixture
def room(house):
    return Room.objects.create(house=house, name="Grote zaal", capacity=30)


def test_overlapping_approved_bookings_are_refused_by_the_database(room, organisation):
    start = (timezone.now() + timedelta(days=3)).replace(microsecond=0)
    _booking(room, organisation, start)
    with pytest.raises(IntegrityError), transaction.atomic():
        _booking(room, organisation, start + timedelta(hours=1))
    # A buffer that reaches into the other booking counts too.
    with pytest.raises(IntegrityError), transaction.atomic():
        _booking(room, organisation, start + timedelta(hours=2, minutes=10), buffer_before=15)
    # Positive controls: back to back, a request, another room.
    _booking(room, organisation, start + timedelta(hours=2))
    _booking(room, organisation, start, status=S.REQUESTED)
    other = Room.objects.create(house=room.house, name="Kleine zaal", capacity=8)
    _booking(other, organisation, start)
    assert Booking.objects.filter(status=S.APPROVED).count() == 3


def test_approving_an_overlapping_request_is_refused_by_the_database(room, organisation):
    start = (timezone.now() + timedelta(days=3)).replace(microsecond=0)
    _booking(room, organisation, start)
    request = _booking(room, organisation, start, status=S.REQUESTED)
    request.status = S.APPROVED
    with pytest.raises(IntegrityError), transaction.atomic():
        request.save(update_fields=["status"])
    request.refresh_from_db()
    assert request.status == S.REQUESTED
