"""Office hours exported: HSDS 3.0 schedules (valid against the standard's schedule.json) and
an iCalendar feed per desk (read back with the icalendar library)."""

import json
from datetime import date, datetime, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from huisvanhetkind.premises import selectors_hours, services_hours
from tests.catalogue.test_hsds_fixtures import SCHEMA_BASE, hsds_validator
from tests.factories import LocationFactory, ServiceFactory
from tests.premises.hours_helpers import add_rule, make_desk

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk(house, organisation):
    service = ServiceFactory(organisation=organisation, name="Kinderopvang zoeken")
    location = LocationFactory(house=house, organisation=None)
    desk = make_desk(house, organisation=organisation, service=service, location=location)
    add_rule(
        desk,
        kind="monthly",
        weekdays=[3],
        positions=[3, -1],
        mode="appointment",
        starts=time(9),
        ends=time(12),
        note="Breng je identiteitskaart mee.",
    )
    add_rule(desk, valid_from=date(2026, 1, 1), valid_until=date(2027, 6, 30))
    add_rule(desk, kind="dates", dates=[date(2027, 1, 5), date(2027, 1, 12)])
    return desk


def test_the_json_gives_valid_hsds_schedules(house, desk, parent_client):
    response = parent_client.get(reverse("premises:hours_json", kwargs={"house_slug": house.slug}))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    data = json.loads(response.content)
    [found] = data["desks"]
    assert found["name"] == "Lokaal Loket Kinderopvang"
    assert found["service_id"] == desk.service.hsds_id
    schedules = found["schedules"]
    validator = hsds_validator({"$ref": f"{SCHEMA_BASE}schedule.json"})
    for schedule in schedules:
        errors = list(validator.iter_errors(schedule))
        assert errors == [], (schedule, errors)
    monthly, weekly, *dates = schedules
    assert monthly | {"description": ""} == monthly | {
        "freq": "MONTHLY",
        "byday": "3TH,-1TH",
        "wkst": "MO",
        "opens_at": "09:00",
        "closes_at": "12:00",
        "attending_type": "op afspraak",
        "notes": "Breng je identiteitskaart mee.",
        "service_id": desk.service.hsds_id,
        "location_id": desk.location.hsds_id,
        "description": "",
    }
    assert monthly["description"] == (
        "elke derde en laatste donderdag van de maand, 9-12 u, op afspraak"
    )
    assert (weekly["freq"], weekly["byday"], weekly["valid_from"], weekly["valid_to"]) == (
        "WEEKLY",
        "TU",
        "2026-01-01",
        "2027-06-30",
    )
    assert [(d["dtstart"], d["byday"], d["count"]) for d in dates] == [
        ("2027-01-05", "TU", 1),
        ("2027-01-12", "TU", 1),
    ]
    assert len({s["id"] for s in schedules}) == len(schedules)


def test_the_json_names_the_closures(house, desk, parent_client):
    today = timezone.localdate()
    services_hours.closure_create(
        actor=None, house=house, starts_on=today, ends_on=today + timedelta(days=3), reason="x"
    )
    data = parent_client.get(
        reverse("premises:hours_json", kwargs={"house_slug": house.slug})
    ).json()
    assert data["desks"][0]["closures"] == [
        {
            "starts_on": today.isoformat(),
            "ends_on": (today + timedelta(days=3)).isoformat(),
            "reason": "x",
            "house_wide": True,
        }
    ]


def test_the_json_of_another_house_holds_none_of_these_desks(other_house, desk, parent_client):
    data = parent_client.get(
        reverse("premises:hours_json", kwargs={"house_slug": other_house.slug})
    ).json()
    assert data["desks"] == []


def test_the_feed_is_valid_icalendar_without_the_closed_days(house, desk, parent_client):
    today = timezone.localdate()
    services_hours.closure_create(
        actor=None, house=house, starts_on=today, ends_on=today + timedelta(days=13)
    )
    url = reverse("premises:desk_feed", kwargs={"house_slug": house.slug, "desk": desk.slug})
    response = parent_client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    events = list(calendar.walk("VEVENT"))
    assert events
    starts = [e.decoded("DTSTART") for e in events]
    assert starts == sorted(starts)
    tz = timezone.get_current_timezone()
    local_days = {s.astimezone(tz).date() for s in starts}
    assert all(d > today + timedelta(days=13) for d in local_days)
    assert max(local_days) < today + timedelta(days=366)
    assert len({str(e["UID"]) for e in events}) == len(events)
    tuesdays = [e for e in events if e.decoded("DTSTART").astimezone(tz).weekday() == 1]
    assert all(e.decoded("DTSTART").astimezone(tz).time() == time(13, 30) for e in tuesdays)
    assert "Lokaal Loket Kinderopvang" in str(events[0]["SUMMARY"])


def test_the_feed_keeps_wall_clock_hours_across_summer_time(house, desk):
    now = datetime(2027, 3, 1, 8, tzinfo=timezone.get_current_timezone())
    calendar = Calendar.from_ical(selectors_hours.desk_calendar(desk, now))
    tz = timezone.get_current_timezone()
    march = [
        e.decoded("DTSTART")
        for e in calendar.walk("VEVENT")
        if e.decoded("DTSTART").astimezone(tz).date() in (date(2027, 3, 23), date(2027, 3, 30))
    ]
    assert [s.astimezone(tz).hour for s in march] == [13, 13]
    assert [s.utcoffset() for s in march] == [timedelta(0), timedelta(0)]
    assert march[1] - march[0] == timedelta(days=7, hours=-1)
