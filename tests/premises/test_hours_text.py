"""Office hours in plain Dutch (premises.hours_text)."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.utils import translation

from huisvanhetkind.premises import hours_text as t
from huisvanhetkind.premises import recurrence as r

BRUSSELS = ZoneInfo("Europe/Brussels")
TODAY = date(2026, 12, 4)
MON, TUE, WED, THU, FRI = range(5)


def rule(kind, **extra):
    extra.setdefault("starts", time(9))
    extra.setdefault("ends", time(12))
    return r.Rule(kind=kind, **extra)


def describe(kind, **extra):
    with translation.override("nl"):
        return t.describe(rule(kind, **extra), TODAY)


def test_third_thursday_by_appointment():
    assert (
        describe(r.MONTHLY_RULE, weekdays=(THU,), positions=(3,), mode=r.APPOINTMENT)
        == "elke derde donderdag van de maand, 9-12 u, op afspraak"
    )


def test_monday_and_wednesday_walk_in_with_half_hours():
    assert (
        describe(
            r.WEEKLY_RULE,
            weekdays=(WED, MON),
            starts=time(13, 30),
            ends=time(16),
            mode=r.WALK_IN,
        )
        == "elke maandag en woensdag, 13.30-16 u, vrije inloop"
    )


def test_three_weekdays_are_joined_with_commas_and_en():
    assert describe(r.WEEKLY_RULE, weekdays=(MON, TUE, FRI)).startswith(
        "elke maandag, dinsdag en vrijdag, 9-12 u"
    )


def test_last_and_first_positions():
    assert describe(r.MONTHLY_RULE, weekdays=(FRI,), positions=(r.LAST,)).startswith(
        "elke laatste vrijdag van de maand"
    )
    assert describe(r.MONTHLY_RULE, weekdays=(TUE,), positions=(r.LAST, 1)).startswith(
        "elke eerste en laatste dinsdag van de maand"
    )


def test_dates_of_one_month():
    dates = (date(2027, 1, 19), date(2027, 1, 5), date(2027, 1, 12))
    assert (
        describe(r.DATES_RULE, dates=dates, mode=r.APPOINTMENT)
        == "op 5, 12 en 19 januari 2027, 9-12 u, op afspraak"
    )


def test_dates_of_this_year_have_no_year():
    dates = (date(2026, 12, 5), date(2026, 12, 12), date(2026, 12, 19))
    assert describe(r.DATES_RULE, dates=dates).startswith("op 5, 12 en 19 december, 9-12 u")


def test_dates_over_two_months_name_each_month():
    dates = (date(2026, 12, 28), date(2027, 1, 4))
    assert describe(r.DATES_RULE, dates=dates).startswith("op 28 december 2026 en 4 januari 2027,")


def test_validity_is_said_when_it_matters():
    assert describe(r.WEEKLY_RULE, weekdays=(TUE,), valid_until=date(2027, 6, 30)).endswith(
        "(tot en met 30 juni 2027)"
    )
    assert describe(r.WEEKLY_RULE, weekdays=(TUE,), valid_from=date(2027, 2, 1)).endswith(
        "(vanaf 1 februari 2027)"
    )
    # a start in the past is not worth saying
    assert describe(r.WEEKLY_RULE, weekdays=(TUE,), valid_from=date(2026, 1, 1)).endswith(
        "vrije inloop"
    )
    assert describe(
        r.WEEKLY_RULE,
        weekdays=(TUE,),
        valid_from=date(2027, 2, 1),
        valid_until=date(2027, 6, 30),
    ).endswith("(van 1 februari 2027 tot en met 30 juni 2027)")


def test_next_occurrence_in_plain_dutch():
    occurrence = r.Occurrence(
        starts_at=datetime(2026, 12, 17, 9, tzinfo=BRUSSELS),
        ends_at=datetime(2026, 12, 17, 12, tzinfo=BRUSSELS),
        day=date(2026, 12, 17),
        mode=r.APPOINTMENT,
    )
    with translation.override("nl"):
        assert t.describe_occurrence(occurrence, BRUSSELS) == "donderdag 17 december, 9-12 u"


def test_closures_in_plain_dutch():
    with translation.override("nl"):
        assert (
            t.describe_closure(
                r.Closure(date(2026, 12, 24), date(2027, 1, 1), None, "kerst"), TODAY
            )
            == "gesloten van 24 december 2026 tot en met 1 januari 2027 (kerst)"
        )
        assert (
            t.describe_closure(r.Closure(date(2026, 12, 25), date(2026, 12, 25)), TODAY)
            == "gesloten op 25 december 2026"
        )


def test_clock_and_join():
    assert t.clock(time(9)) == "9"
    assert t.clock(time(13, 5)) == "13.05"
    assert t.join([]) == ""
    assert t.join(["a"]) == "a"
    with translation.override("nl"):
        assert t.join(["a", "b", "c"]) == "a, b en c"
