"""The office-hours engine (premises.recurrence): rules expanded into occurrences, pure Python."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from huisvanhetkind.premises import recurrence as r

BRUSSELS = ZoneInfo("Europe/Brussels")
MON, TUE, WED, THU, FRI, SAT, SUN = range(7)


def weekly(*days, starts=time(9), ends=time(12), **extra):
    return r.Rule(kind=r.WEEKLY_RULE, weekdays=days, starts=starts, ends=ends, **extra)


def monthly(positions, *days, starts=time(9), ends=time(12), **extra):
    return r.Rule(
        kind=r.MONTHLY_RULE,
        weekdays=days,
        positions=tuple(positions),
        starts=starts,
        ends=ends,
        **extra,
    )


def days_of(rule, start, end, closures=()):
    return [o.day for o in r.expand([rule], closures, start, end, BRUSSELS)]


def test_weekly_rule_gives_every_chosen_weekday_in_the_half_open_range():
    rule = weekly(MON, WED)
    assert days_of(rule, date(2026, 12, 7), date(2026, 12, 21)) == [
        date(2026, 12, 7),
        date(2026, 12, 9),
        date(2026, 12, 14),
        date(2026, 12, 16),
    ]
    # the end is excluded, the start included
    assert days_of(rule, date(2026, 12, 9), date(2026, 12, 14)) == [date(2026, 12, 9)]


def test_third_thursday_of_the_month():
    rule = monthly([3], THU)
    assert days_of(rule, date(2026, 12, 1), date(2027, 3, 1)) == [
        date(2026, 12, 17),
        date(2027, 1, 21),
        date(2027, 2, 18),
    ]


def test_fifth_thursday_only_in_months_that_have_one():
    rule = monthly([5], THU)
    # December 2026 has five Thursdays (3 ... 31); January and February 2027 have four;
    # April 2027 has five again (1 ... 29).
    assert days_of(rule, date(2026, 12, 1), date(2027, 5, 1)) == [
        date(2026, 12, 31),
        date(2027, 4, 29),
    ]


def test_last_weekday_of_the_month_is_the_fourth_or_the_fifth():
    rule = monthly([r.LAST], THU)
    assert days_of(rule, date(2026, 12, 1), date(2027, 3, 1)) == [
        date(2026, 12, 31),
        date(2027, 1, 28),
        date(2027, 2, 25),
    ]


def test_last_friday_in_a_month_of_28_days():
    assert days_of(monthly([r.LAST], FRI), date(2027, 2, 1), date(2027, 3, 1)) == [
        date(2027, 2, 26)
    ]


def test_first_and_last_of_the_same_month_both_count():
    rule = monthly([1, r.LAST], MON)
    assert days_of(rule, date(2027, 3, 1), date(2027, 4, 1)) == [
        date(2027, 3, 1),
        date(2027, 3, 29),
    ]


def test_explicit_dates_inside_the_range_only_and_sorted():
    rule = r.Rule(
        kind=r.DATES_RULE,
        starts=time(9),
        ends=time(12),
        dates=(date(2027, 1, 19), date(2027, 1, 5), date(2027, 1, 12), date(2026, 11, 1)),
    )
    assert days_of(rule, date(2026, 12, 1), date(2027, 2, 1)) == [
        date(2027, 1, 5),
        date(2027, 1, 12),
        date(2027, 1, 19),
    ]


def test_validity_bounds_are_inclusive():
    rule = weekly(TUE, valid_from=date(2027, 1, 5), valid_until=date(2027, 1, 19))
    assert days_of(rule, date(2026, 12, 1), date(2027, 3, 1)) == [
        date(2027, 1, 5),
        date(2027, 1, 12),
        date(2027, 1, 19),
    ]


def test_a_house_closure_removes_the_occurrences_of_every_desk():
    tuesday = weekly(TUE, desk=1)
    thursday = monthly([3], THU, desk=2)
    christmas = r.Closure(date(2026, 12, 21), date(2027, 1, 3))
    found = r.expand(
        [tuesday, thursday], [christmas], date(2026, 12, 14), date(2027, 1, 12), BRUSSELS
    )
    assert [(o.desk, o.day) for o in found] == [
        (1, date(2026, 12, 15)),
        (2, date(2026, 12, 17)),
        (1, date(2027, 1, 5)),
    ]
    # without the closure, the two Tuesdays of the holidays are back
    again = r.expand([tuesday], [], date(2026, 12, 14), date(2027, 1, 12), BRUSSELS)
    assert [o.day for o in again] == [
        date(2026, 12, 15),
        date(2026, 12, 22),
        date(2026, 12, 29),
        date(2027, 1, 5),
    ]


def test_a_desk_closure_leaves_the_other_desks_open():
    tuesday_1, tuesday_2 = weekly(TUE, desk=1), weekly(TUE, desk=2)
    closed = r.Closure(date(2026, 12, 15), date(2026, 12, 15), desk=1)
    found = r.expand(
        [tuesday_1, tuesday_2], [closed], date(2026, 12, 14), date(2026, 12, 21), BRUSSELS
    )
    assert [(o.desk, o.day) for o in found] == [(2, date(2026, 12, 15))]


def test_a_one_day_closure_on_the_first_and_last_day_of_its_range():
    rule = weekly(MON, TUE, WED)
    closed = r.Closure(date(2026, 12, 14), date(2026, 12, 16))
    assert days_of(rule, date(2026, 12, 7), date(2026, 12, 24), [closed]) == [
        date(2026, 12, 7),
        date(2026, 12, 8),
        date(2026, 12, 9),
        date(2026, 12, 21),
        date(2026, 12, 22),
        date(2026, 12, 23),
    ]


def test_wall_clock_hours_stay_the_same_across_the_change_to_summer_time():
    rule = weekly(TUE)
    found = r.expand([rule], [], date(2027, 3, 22), date(2027, 4, 5), BRUSSELS)
    assert [o.starts_at.astimezone(UTC).hour for o in found] == [8, 7]  # CET, then CEST
    assert all(o.starts_at.astimezone(BRUSSELS).time() == time(9) for o in found)
    assert all(o.ends_at - o.starts_at == timedelta(hours=3) for o in found)


def test_wall_clock_hours_stay_the_same_across_the_change_to_winter_time():
    rule = weekly(TUE)
    found = r.expand([rule], [], date(2026, 10, 20), date(2026, 11, 1), BRUSSELS)
    assert [o.starts_at.astimezone(UTC).hour for o in found] == [7, 8]


def test_an_hour_skipped_in_spring_moves_forward_and_an_hour_repeated_in_autumn_is_the_first():
    night = weekly(SUN, starts=time(2, 30), ends=time(4))
    spring = r.expand([night], [], date(2027, 3, 28), date(2027, 3, 29), BRUSSELS)[0]
    assert spring.starts_at.astimezone(BRUSSELS).time() == time(3, 30)
    assert spring.starts_at.astimezone(UTC) == datetime(2027, 3, 28, 1, 30, tzinfo=UTC)
    autumn = r.expand([night], [], date(2026, 10, 25), date(2026, 10, 26), BRUSSELS)[0]
    assert autumn.starts_at.astimezone(UTC) == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)
    assert autumn.ends_at > autumn.starts_at


def test_occurrences_are_ordered_by_start_across_rules():
    morning = weekly(TUE, starts=time(9), ends=time(12), key="a")
    afternoon = weekly(TUE, starts=time(13, 30), ends=time(16), key="b")
    found = r.expand([afternoon, morning], [], date(2026, 12, 7), date(2026, 12, 16), BRUSSELS)
    assert [o.rule for o in found] == ["a", "b", "a", "b"]


def test_modes_filter_keeps_only_appointment_hours():
    walk_in = weekly(TUE, mode=r.WALK_IN)
    appointment = monthly([3], THU, mode=r.APPOINTMENT)
    found = r.expand(
        [walk_in, appointment],
        [],
        date(2026, 12, 1),
        date(2027, 1, 1),
        BRUSSELS,
        modes=(r.APPOINTMENT,),
    )
    assert [o.day for o in found] == [date(2026, 12, 17)]


def test_unusable_rules_name_their_problems_and_give_nothing():
    assert r.problems(weekly(TUE, starts=time(12), ends=time(9))) == ["order"]
    assert r.problems(weekly()) == ["weekdays"]
    assert r.problems(monthly([6], THU)) == ["positions"]
    assert r.problems(monthly([0], THU)) == ["positions"]
    assert r.problems(monthly([], THU)) == ["positions"]
    assert r.problems(r.Rule(kind=r.DATES_RULE, starts=time(9), ends=time(12))) == ["dates"]
    assert r.problems(weekly(TUE, valid_from=date(2027, 2, 1), valid_until=date(2027, 1, 1))) == [
        "validity"
    ]
    assert r.problems(weekly(TUE)) == []
    assert (
        days_of(weekly(TUE, starts=time(12), ends=time(9)), date(2026, 1, 1), date(2027, 1, 1))
        == []
    )


def test_upcoming_skips_what_has_ended_and_counts():
    rule = weekly(TUE)
    now = datetime(2026, 12, 15, 11, 0, tzinfo=BRUSSELS)  # during Tuesday's hours
    found = r.upcoming([rule], [], now, BRUSSELS, count=2)
    assert [o.day for o in found] == [date(2026, 12, 15), date(2026, 12, 22)]
    later = datetime(2026, 12, 15, 12, 0, tzinfo=BRUSSELS)
    assert r.upcoming([rule], [], later, BRUSSELS, count=1)[0].day == date(2026, 12, 22)


@settings(max_examples=150, deadline=None)
@given(
    kind=st.sampled_from([r.WEEKLY_RULE, r.MONTHLY_RULE]),
    weekdays=st.sets(st.integers(0, 6), min_size=1, max_size=7),
    positions=st.sets(st.sampled_from(r.POSITIONS), min_size=1, max_size=6),
    start=st.dates(date(2025, 1, 1), date(2030, 12, 31)),
    length=st.integers(0, 400),
    closure_start=st.integers(0, 400),
    closure_length=st.integers(0, 30),
)
def test_every_occurrence_matches_its_rule_and_no_closed_day_is_left(
    kind, weekdays, positions, start, length, closure_start, closure_length
):
    rule = r.Rule(
        kind=kind,
        weekdays=tuple(weekdays),
        positions=tuple(positions) if kind == r.MONTHLY_RULE else (),
        starts=time(9),
        ends=time(12),
    )
    end = start + timedelta(days=length)
    closure = r.Closure(
        start + timedelta(days=closure_start),
        start + timedelta(days=closure_start + closure_length),
    )
    found = r.expand([rule], [closure], start, end, BRUSSELS)
    open_days = {o.day for o in r.expand([rule], [], start, end, BRUSSELS)}
    assert [o.day for o in found] == sorted({o.day for o in found})
    for o in found:
        assert start <= o.day < end
        assert o.day.weekday() in weekdays
        assert not closure.covers(o.day, None)
        assert o.starts_at.astimezone(BRUSSELS).time() == time(9)
        if kind == r.MONTHLY_RULE:
            nth = (o.day.day - 1) // 7 + 1
            is_last = (o.day + timedelta(days=7)).month != o.day.month
            assert nth in positions or (is_last and r.LAST in positions)
    # a day is left out only because a closure covers it
    assert {d for d in open_days if not closure.covers(d, None)} == {o.day for o in found}
    # brute force: every matching day of the range is there
    if kind == r.WEEKLY_RULE:
        expected = {
            start + timedelta(days=i)
            for i in range(length)
            if (start + timedelta(days=i)).weekday() in weekdays
        }
        assert open_days == expected
