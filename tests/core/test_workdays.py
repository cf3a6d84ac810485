from datetime import date

import pytest

from huisvanhetkind.core.workdays import (
    add_working_days,
    belgian_holidays,
    easter,
    is_working_day,
    previous_working_day,
)


@pytest.mark.parametrize(
    ("year", "sunday"),
    [
        (2024, date(2024, 3, 31)),
        (2025, date(2025, 4, 20)),
        (2026, date(2026, 4, 5)),
        (2027, date(2027, 3, 28)),
        (2038, date(2038, 4, 25)),
    ],
)
def test_easter_falls_on_the_known_sunday(year, sunday):
    assert easter(year) == sunday


def test_the_ten_belgian_holidays_of_2027():
    holidays = belgian_holidays(2027)
    assert len(holidays) == 10
    assert holidays[date(2027, 3, 29)] == "Paasmaandag"
    assert holidays[date(2027, 5, 6)] == "O.L.H. Hemelvaart"
    assert holidays[date(2027, 5, 17)] == "Pinkstermaandag"
    assert date(2027, 7, 21) in holidays and date(2027, 11, 11) in holidays


@pytest.mark.parametrize(
    ("asked", "deadline"),
    [
        # An ordinary week: Monday → Thursday.
        (date(2027, 3, 1), date(2027, 3, 4)),
        # Friday before Easter Monday (29 March 2027): Tue, Wed, Thu.
        (date(2027, 3, 26), date(2027, 4, 1)),
        # Tuesday before Ascension (Thursday 6 May 2027): Wed, Fri, Mon.
        (date(2027, 5, 4), date(2027, 5, 10)),
        # Friday 30 April 2027: 1 May is a Saturday and changes nothing: Mon, Tue, Wed.
        (date(2027, 4, 30), date(2027, 5, 5)),
        # Thursday 30 April 2026: 1 May is a Friday: Mon, Tue, Wed.
        (date(2026, 4, 30), date(2026, 5, 6)),
        # Wednesday 10 November 2027, Armistice on Thursday: Fri, Mon, Tue.
        (date(2027, 11, 10), date(2027, 11, 16)),
        # Christmas Eve 2026 (Thursday), Christmas on Friday: Mon 28, Tue 29, Wed 30.
        (date(2026, 12, 24), date(2026, 12, 30)),
        # Wednesday 30 December 2026, New Year on Friday: Thu 31, Mon 4, Tue 5.
        (date(2026, 12, 30), date(2027, 1, 5)),
        # Asked on a Sunday: Mon, Tue, Wed.
        (date(2027, 3, 7), date(2027, 3, 10)),
        # Whit Monday 17 May 2027, asked the Friday before: Tue, Wed, Thu.
        (date(2027, 5, 14), date(2027, 5, 20)),
    ],
)
def test_the_deadline_is_three_working_days_later(asked, deadline):
    assert add_working_days(asked, 3) == deadline


def test_weekends_and_holidays_are_not_working_days():
    assert not is_working_day(date(2027, 3, 27))  # Saturday
    assert not is_working_day(date(2026, 12, 25))  # Christmas
    assert not is_working_day(date(2027, 7, 21))  # national day (a Wednesday)
    assert is_working_day(date(2027, 7, 22))


def test_the_reminder_day_skips_back_over_holidays_and_weekends():
    assert previous_working_day(date(2027, 3, 30)) == date(2027, 3, 26)
    assert previous_working_day(date(2027, 5, 7)) == date(2027, 5, 5)
