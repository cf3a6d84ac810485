"""Every other week: a weekly rule with an interval of 2 to 4 weeks, counted from the week of
its start date (``valid_from``): the engine, the plain Dutch text, the coordinator's form with
its Dutch messages, the HSDS schedule (``interval``) and the ``.ics`` feed."""

import json
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from huisvanhetkind.premises import hours_text, recurrence, selectors_hours
from huisvanhetkind.premises.models import OfficeHourRule
from tests.catalogue.test_hsds_fixtures import SCHEMA_BASE, hsds_validator
from tests.conftest import logged_in
from tests.premises.hours_helpers import add_rule, make_desk

BRUSSELS = ZoneInfo("Europe/Brussels")
THU = 3


def every(interval, *days, valid_from=date(2026, 12, 3), **extra):
    return recurrence.Rule(
        kind=recurrence.WEEKLY_RULE,
        weekdays=days or (THU,),
        starts=time(9),
        ends=time(12),
        interval=interval,
        valid_from=valid_from,
        **extra,
    )


def days_of(rule, start, end, closures=()):
    return [o.day for o in recurrence.expand([rule], closures, start, end, BRUSSELS)]


# --- The engine --------------------------------------------------------------------------------


def test_every_other_thursday_counts_from_the_week_of_the_start_date():
    rule = every(2)  # from Thursday 3 December 2026
    assert days_of(rule, date(2026, 11, 1), date(2027, 1, 20)) == [
        date(2026, 12, 3),
        date(2026, 12, 17),
        date(2026, 12, 31),
        date(2027, 1, 14),
    ]
    # a range that starts in an "off" week finds the next "on" week, not its own Thursday
    assert days_of(rule, date(2026, 12, 7), date(2026, 12, 24)) == [date(2026, 12, 17)]
    assert days_of(rule, date(2026, 12, 18), date(2026, 12, 31)) == []


def test_the_anchor_is_the_week_not_the_day():
    # from Monday 30 November: that week's Thursday (3 December) is the first
    assert days_of(every(2, valid_from=date(2026, 11, 30)), date(2026, 12, 1), date(2026, 12, 18))[
        0
    ] == date(2026, 12, 3)
    # from Friday 4 December: that week's Thursday is past, the next is two weeks on
    assert days_of(
        every(2, valid_from=date(2026, 12, 4)), date(2026, 12, 1), date(2026, 12, 25)
    ) == [date(2026, 12, 17)]


def test_every_three_weeks_on_two_days_and_a_closure():
    rule = every(3, 1, THU, valid_from=date(2026, 12, 1))
    closure = recurrence.Closure(date(2026, 12, 22), date(2026, 12, 22))
    assert days_of(rule, date(2026, 12, 1), date(2027, 1, 15), [closure]) == [
        date(2026, 12, 1),
        date(2026, 12, 3),
        date(2026, 12, 24),
        date(2027, 1, 12),
        date(2027, 1, 14),
    ]


@pytest.mark.parametrize(
    ("rule", "problem"),
    [
        (every(5), "interval"),
        (every(0), "interval"),
        (every(2, valid_from=None), "anchor"),
        (
            recurrence.Rule(
                kind=recurrence.MONTHLY_RULE,
                weekdays=(THU,),
                positions=(3,),
                starts=time(9),
                ends=time(12),
                interval=2,
                valid_from=date(2026, 12, 1),
            ),
            "interval",
        ),
    ],
)
def test_an_unusable_interval_is_a_problem_and_gives_no_days(rule, problem):
    assert problem in recurrence.problems(rule)
    assert recurrence.rule_days(rule, date(2026, 12, 1), date(2027, 2, 1)) == []


@settings(max_examples=150, deadline=None)
@given(
    interval=st.integers(1, 4),
    weekdays=st.sets(st.integers(0, 6), min_size=1),
    anchor=st.dates(date(2025, 1, 1), date(2028, 12, 31)),
    offset=st.integers(-30, 400),
    length=st.integers(1, 120),
)
def test_an_interval_rule_is_the_weekly_rule_on_every_nth_week_of_the_anchor(
    interval, weekdays, anchor, offset, length
):
    start = anchor + timedelta(days=offset)
    end = start + timedelta(days=length)
    found = recurrence.rule_days(every(interval, *weekdays, valid_from=anchor), start, end)
    weekly = recurrence.rule_days(every(1, *weekdays, valid_from=anchor), start, end)
    anchor_monday = anchor - timedelta(days=anchor.weekday())

    def on(day):
        return ((day - anchor_monday).days // 7) % interval == 0

    assert found == [day for day in weekly if on(day)]


# --- Plain Dutch -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("interval", "text"),
    [
        (1, "elke donderdag, 9-12 u, op afspraak"),
        (2, "om de twee weken op donderdag, 9-12 u, op afspraak"),
        (3, "om de drie weken op donderdag, 9-12 u, op afspraak"),
        (4, "om de vier weken op donderdag, 9-12 u, op afspraak"),
    ],
)
def test_the_interval_in_plain_dutch(interval, text):
    rule = every(interval, mode=recurrence.APPOINTMENT, valid_from=date(2026, 12, 3))
    assert hours_text.describe(rule, date(2026, 12, 10)) == text


def test_a_start_date_to_come_is_said():
    rule = every(2, 1, THU, valid_from=date(2027, 1, 5))
    assert hours_text.describe(rule, date(2026, 12, 10)) == (
        "om de twee weken op dinsdag en donderdag, 9-12 u, vrije inloop (vanaf 5 januari 2027)"
    )


# --- Services, the database and the form -------------------------------------------------------


@pytest.fixture
def desk(db, house, organisation):
    return make_desk(house, organisation=organisation)


def test_the_service_keeps_the_interval_of_a_weekly_rule_only(desk):
    rule = add_rule(desk, weekdays=[THU], interval=2, valid_from=date(2026, 12, 3))
    assert rule.interval == 2
    monthly = add_rule(desk, kind="monthly", weekdays=[THU], positions=[3], interval=3)
    assert monthly.interval == 1


@pytest.mark.parametrize(
    ("extra", "field", "message"),
    [
        ({"interval": 5, "valid_from": date(2026, 12, 3)}, "interval", "om de vier weken"),
        ({"interval": "twee", "valid_from": date(2026, 12, 3)}, "interval", "om de twee weken"),
        ({"interval": 2}, "valid_from", "Geef een datum 'geldig vanaf'"),
    ],
)
def test_a_bad_interval_is_refused_in_dutch_and_saves_nothing(desk, extra, field, message):
    with pytest.raises(ValidationError) as caught:
        add_rule(desk, weekdays=[THU], **extra)
    assert message in " ".join(caught.value.message_dict[field])
    assert not OfficeHourRule.objects.exists()


def test_the_database_refuses_an_interval_without_a_start_date(desk):
    with pytest.raises(IntegrityError), transaction.atomic():
        OfficeHourRule.objects.create(
            desk=desk, kind="weekly", weekdays=[THU], starts=time(9), ends=time(12), interval=2
        )


def _manage(house, name, **kwargs):
    return reverse(f"premises:{name}", kwargs={"house_slug": house.slug, **kwargs})


def test_the_coordinator_sets_every_other_week_in_the_form(house, coordinator, desk):
    client = logged_in(coordinator)
    page = client.get(_manage(house, "rule_new", pk=desk.pk)).content.decode()
    assert "om de twee weken" in page
    response = client.post(
        _manage(house, "rule_new", pk=desk.pk),
        {
            "kind": "weekly",
            "weekdays": ["3"],
            "interval": "2",
            "valid_from": "2026-12-03",
            "starts": "09:00",
            "ends": "12:00",
            "mode": "appointment",
        },
    )
    assert response.status_code == 302
    rule = OfficeHourRule.objects.get(desk=desk)
    assert (rule.interval, rule.valid_from) == (2, date(2026, 12, 3))
    edit = client.get(_manage(house, "rule_edit", pk=rule.pk)).content.decode()
    assert 'value="2" selected' in edit or 'value="2" checked' in edit


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"interval": "7", "valid_from": "2026-12-03"},
            "Kies elke week, om de twee weken, om de drie weken of om de vier weken.",
        ),
        ({"interval": "2"}, "Geef een datum &#x27;geldig vanaf&#x27;"),
    ],
)
def test_a_bad_interval_in_the_form_gets_a_dutch_message(house, coordinator, desk, data, message):
    post = {"kind": "weekly", "weekdays": ["3"], "starts": "09:00", "ends": "12:00"}
    post |= {"mode": "walk_in"} | data
    response = logged_in(coordinator).post(_manage(house, "rule_new", pk=desk.pk), post)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not OfficeHourRule.objects.exists()


# --- Exports -------------------------------------------------------------------------------


def test_the_hsds_schedule_carries_the_interval_and_its_start(house, desk, parent_client):
    add_rule(
        desk,
        weekdays=[THU],
        interval=2,
        valid_from=date(2026, 12, 3),
        starts=time(9),
        ends=time(12),
        mode="appointment",
    )
    data = parent_client.get(reverse("premises:hours_json", kwargs={"house_slug": house.slug}))
    [schedule] = json.loads(data.content)["desks"][0]["schedules"]
    assert (schedule["freq"], schedule["interval"], schedule["byday"], schedule["dtstart"]) == (
        "WEEKLY",
        2,
        "TH",
        "2026-12-03",
    )
    assert schedule["description"].startswith("om de twee weken op donderdag, 9-12 u")
    validator = hsds_validator({"$ref": f"{SCHEMA_BASE}schedule.json"})
    assert list(validator.iter_errors(schedule)) == []


def test_the_feed_has_every_other_thursday(house, desk):
    add_rule(desk, weekdays=[THU], interval=2, valid_from=date(2026, 12, 3), starts=time(9))
    now = datetime(2026, 12, 4, 8, tzinfo=timezone.get_current_timezone())
    calendar = Calendar.from_ical(selectors_hours.desk_calendar(desk, now))
    days = [e.decoded("DTSTART").astimezone(BRUSSELS).date() for e in calendar.walk("VEVENT")]
    assert days[:4] == [
        date(2026, 12, 17),
        date(2026, 12, 31),
        date(2027, 1, 14),
        date(2027, 1, 28),
    ]
    assert all((b - a).days == 14 for a, b in zip(days, days[1:], strict=False))
