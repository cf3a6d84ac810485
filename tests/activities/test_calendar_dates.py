"""The calendar's date rules on their own: no request, no database."""

from datetime import date, timedelta

import pytest

from huisvanhetkind.activities import calendar as dates

WEDNESDAY = date(2026, 3, 11)
MONDAY = date(2026, 3, 9)


def test_iso_week_and_its_monday_go_both_ways():
    assert dates.iso_week(MONDAY) == "2026-W11"
    assert dates.monday_of_week("2026-W11") == MONDAY
    assert dates.monday_of_week("2026w11") == MONDAY
    assert dates.monday_of(WEDNESDAY) == MONDAY


@pytest.mark.parametrize("text", ["2026-W60", "volgende", "", "W11", "２０２６-W11", "2026-W٣"])
def test_a_week_that_is_not_an_iso_week_is_none(text):
    assert dates.monday_of_week(text) is None


def test_the_asked_week_is_the_chosen_day_s_the_parameter_s_or_this_one():
    assert dates.asked_week("", None, WEDNESDAY) == (MONDAY, "")
    assert dates.asked_week("2026-W12", None, WEDNESDAY) == (MONDAY + timedelta(weeks=1), "")
    chosen = WEDNESDAY + timedelta(weeks=3)
    assert dates.asked_week("2026-W12", chosen, WEDNESDAY) == (MONDAY + timedelta(weeks=3), "")


@pytest.mark.parametrize(
    ("text", "notice"),
    [
        ("2026-W60", "We kennen de week '2026-W60' niet."),
        ("2026-W10", "Die week is al voorbij."),
        ("2999-W01", "Zo ver vooruit is er nog niets gepland."),
    ],
)
def test_a_week_that_cannot_be_shown_falls_back_to_this_week_with_a_notice(text, notice):
    monday, message = dates.asked_week(text, None, WEDNESDAY)

    assert monday == MONDAY
    assert message.startswith(notice)


def test_the_last_week_ahead_is_shown_and_the_one_after_it_is_not():
    last = MONDAY + timedelta(weeks=dates.WEEKS_AHEAD)

    assert dates.asked_week(dates.iso_week(last), None, WEDNESDAY) == (last, "")
    beyond = dates.iso_week(last + timedelta(weeks=1))
    assert dates.asked_week(beyond, None, WEDNESDAY)[0] == MONDAY


def test_the_asked_day_is_today_or_later_within_reach():
    assert dates.asked_day(None, WEDNESDAY) == (None, "")
    assert dates.asked_day(WEDNESDAY, WEDNESDAY) == (WEDNESDAY, "")
    day, notice = dates.asked_day(WEDNESDAY - timedelta(days=1), WEDNESDAY)
    assert day is None and notice.startswith("Die dag is al voorbij.")
    far = WEDNESDAY + timedelta(weeks=dates.WEEKS_AHEAD, days=1)
    day, notice = dates.asked_day(far, WEDNESDAY)
    assert day is None and notice.startswith("Zo ver vooruit")


@pytest.mark.parametrize(
    ("text", "page"),
    [("1", 1), ("2", 2), ("50", 50), ("51", 1), ("0", 1), ("-1", 1), ("abc", 1), ("²", 1)],
)
def test_the_asked_page_is_a_number_within_the_pages_else_the_first(text, page):
    assert dates.asked_page(text) == page


def test_the_neighbour_weeks_stop_at_this_week_and_at_the_last_week_ahead():
    this_week = dates.neighbour_weeks(MONDAY, WEDNESDAY)
    assert this_week["previous"] is None
    assert this_week["next"] == (MONDAY + timedelta(weeks=1), MONDAY + timedelta(days=13))
    last = MONDAY + timedelta(weeks=dates.WEEKS_AHEAD)
    assert dates.neighbour_weeks(last, WEDNESDAY)["next"] is None
    assert dates.neighbour_weeks(last, WEDNESDAY)["previous"] is not None


@pytest.mark.parametrize(
    ("today", "saturday"),
    [
        (date(2026, 3, 9), date(2026, 3, 14)),  # Monday: the coming weekend
        (date(2026, 3, 13), date(2026, 3, 14)),  # Friday
        (date(2026, 3, 14), date(2026, 3, 14)),  # Saturday: this weekend
        (date(2026, 3, 15), date(2026, 3, 14)),  # Sunday: this weekend, yesterday included
    ],
)
def test_the_weekend_is_the_coming_saturday_and_sunday(today, saturday):
    assert dates.period_days("weekend", today) == (saturday, saturday + timedelta(days=2))


def test_this_week_runs_to_next_monday_and_no_period_is_open():
    assert dates.period_days("week", WEDNESDAY) == (None, MONDAY + timedelta(weeks=1))
    assert dates.period_days("", WEDNESDAY) == (None, None)


def test_a_week_has_seven_days_from_monday():
    days = dates.week_days(MONDAY)

    assert len(days) == 7 and days[0] == MONDAY and days[-1] == MONDAY + timedelta(days=6)
