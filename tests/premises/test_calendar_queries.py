"""The room calendars read a week in a fixed number of queries, however many rooms and bookings
the house has (bench/premises_calendar.py measures them at 20 rooms and 50,000 bookings), and
the bound that lets the week's read use the index misses no booking of the week."""

from datetime import datetime, time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from huisvanhetkind.premises import selectors
from huisvanhetkind.premises.models import Booking, Room
from huisvanhetkind.premises.workflow import BookingStatus as S
from tests.conftest import logged_in
from tests.premises.conftest import at

pytestmark = pytest.mark.django_db

STATES = (S.APPROVED, S.REQUESTED, S.DECLINED, S.APPROVED)


def _book(room, organisations, days: int, hours=(9, 14)) -> None:
    """A two-hour booking in ``room`` at each of ``hours`` every day for ``days`` days from
    three weeks before the next Monday, of the organisations in turn, in several states."""
    first = at(0, 0).date() - timedelta(weeks=3)
    tz = timezone.get_current_timezone()
    rows = []
    for day in range(days):
        for hour in hours:
            starts = datetime.combine(first + timedelta(days=day), time(hour), tzinfo=tz)
            ends = starts + timedelta(hours=2)
            rows.append(
                Booking(
                    room=room,
                    organisation=organisations[len(rows) % len(organisations)],
                    title="Bijeenkomst",
                    attendees=5,
                    starts_at=starts,
                    ends_at=ends,
                    blocked_from=starts,
                    blocked_until=ends,
                    status=STATES[len(rows) % len(STATES)],
                )
            )
    Booking.objects.bulk_create(rows)


def _fill(house, organisations, rooms: int, days: int) -> list[Room]:
    """``rooms`` more rooms, each booked as ``_book`` does for ``days`` days."""
    made = Room.objects.bulk_create(
        Room(house=house, name=f"Zaal {Room.objects.count() + n}", capacity=10)
        for n in range(rooms)
    )
    for room in made:
        _book(room, organisations, days)
    return made


def _queries(client, url, **params) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(captured)


def test_week_pages_use_as_many_queries_with_more_rooms_and_bookings(
    house, organisation, other_organisation, worker, coordinator
):
    organisations = [organisation, other_organisation]
    room = _fill(house, organisations, rooms=1, days=3)[0]
    week = at(0, 0).date().isoformat()
    partner, chief = logged_in(worker), logged_in(coordinator)
    pages = {
        "room_partner": (partner, reverse("premises:room", args=[house.slug, room.pk])),
        "room_coordinator": (chief, reverse("premises:room", args=[house.slug, room.pk])),
        "partner_calendar": (partner, reverse("premises:partner_calendar", args=[house.slug])),
        "index": (chief, reverse("premises:index", args=[house.slug])),
    }
    for client, url in pages.values():
        client.get(url, {"week": week})  # sessions and caches warm
    before = {name: _queries(client, url, week=week) for name, (client, url) in pages.items()}
    _fill(house, organisations, rooms=6, days=56)
    # Many more bookings in the same room, in the week shown and around it.
    _book(room, organisations, days=56, hours=(11, 16, 18, 20))
    assert Booking.objects.filter(room=room).count() > 200
    assert Booking.objects.filter(room__house=house).count() > 900
    after = {name: _queries(client, url, week=week) for name, (client, url) in pages.items()}
    assert after == before


def test_a_booking_whose_buffer_begins_the_week_before_is_in_the_week(house, organisation, room):
    monday = at(0, 0)
    booking = Booking.objects.create(
        room=room,
        organisation=organisation,
        title="Vroeg",
        attendees=5,
        starts_at=monday + timedelta(minutes=30),
        ends_at=monday + timedelta(hours=2),
        buffer_before=240,
        status=S.APPROVED,
    )
    late = Booking.objects.create(
        room=room,
        organisation=organisation,
        title="Laat",
        attendees=5,
        starts_at=monday + timedelta(days=6, hours=21),
        ends_at=monday + timedelta(days=6, hours=23),
        buffer_after=240,
        status=S.APPROVED,
    )
    days = selectors.room_week(room, monday.date(), organisation_ids=set(), coordinator=True)
    shown = [slot.booking for _day, slots in days for slot in slots]
    assert shown == [booking, late]
    days = selectors.partner_week(house, monday.date(), {organisation.pk})
    assert [slot.booking for _day, slots in days for slot in slots] == [booking, late]
    earlier = selectors.room_week(
        room, (monday - timedelta(days=7)).date(), organisation_ids=set(), coordinator=True
    )
    assert not [slot for _day, slots in earlier for slot in slots]
