"""The calendar's dates: which day, week or page a visitor asked for, and the ranges of days
they stand for. Pure functions of text and dates (no request, no database), so that the rules
are tested on their own; the views hand in the query string's values and today's date."""

import re
from datetime import date, timedelta

from django.utils.translation import gettext as _

from huisvanhetkind.activities.forms import ascii_int

# How far ahead the calendar can be browsed, in weeks.
WEEKS_AHEAD = 104
# Sessions per page of the list by day (a cheap phone scrolls, then asks for the next ones),
# and how many pages can be browsed.
LIST_PAGE = 30
LIST_PAGES = 50


def iso_week(monday: date) -> str:
    """``2026-W49`` for the week of ``monday``."""
    year, week, _weekday = monday.isocalendar()
    return f"{year}-W{week:02d}"


def monday_of_week(text: str) -> date | None:
    """The Monday of an ISO week such as ``2026-W49``, or None."""
    match = re.fullmatch(r"([0-9]{4})-?W([0-9]{1,2})", text.strip(), flags=re.IGNORECASE)
    if not match:
        return None
    try:
        return date.fromisocalendar(int(match.group(1)), int(match.group(2)), 1)
    except ValueError:
        return None


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def asked_week(text: str, chosen: date | None, today: date) -> tuple[date, str]:
    """The Monday of the week to show: of the chosen date, of the ``week`` parameter or this
    week; with a notice when the request could not be followed."""
    this_monday = monday_of(today)
    if chosen is not None:
        monday = monday_of(chosen)
    elif text.strip():
        monday = monday_of_week(text)
        if monday is None:
            return this_monday, _(
                "We kennen de week '%(week)s' niet. Je ziet de activiteiten van deze week."
            ) % {"week": text.strip()[:20]}
    else:
        return this_monday, ""
    if monday < this_monday:
        return this_monday, _("Die week is al voorbij. Je ziet de activiteiten van deze week.")
    if monday > this_monday + timedelta(weeks=WEEKS_AHEAD):
        return this_monday, _(
            "Zo ver vooruit is er nog niets gepland. Je ziet de activiteiten van deze week."
        )
    return monday, ""


def asked_day(chosen: date | None, today: date) -> tuple[date | None, str]:
    """The one day to show (None: every coming day), with a notice when it cannot be shown."""
    if chosen is None:
        return None, ""
    if chosen < today:
        return None, _("Die dag is al voorbij. Je ziet alle komende activiteiten.")
    if chosen > today + timedelta(weeks=WEEKS_AHEAD):
        return None, _("Zo ver vooruit is er nog niets gepland. Je ziet alle komende activiteiten.")
    return chosen, ""


def asked_page(text: str) -> int:
    """The page of the list by day: a number from 1 to LIST_PAGES, else the first."""
    return ascii_int(text, low=1, high=LIST_PAGES) or 1


def week_days(monday: date) -> list[date]:
    return [monday + timedelta(days=offset) for offset in range(7)]


def neighbour_weeks(monday: date, today: date) -> dict:
    """The week before and after ``monday`` as (Monday, Sunday), each None when it cannot be
    browsed (before this week, or further than WEEKS_AHEAD)."""
    this_monday = monday_of(today)
    previous, following = monday - timedelta(weeks=1), monday + timedelta(weeks=1)
    return {
        "previous": (previous, previous + timedelta(days=6)) if previous >= this_monday else None,
        "next": (following, following + timedelta(days=6))
        if following <= this_monday + timedelta(weeks=WEEKS_AHEAD)
        else None,
    }


def period_days(period: str, today: date) -> tuple[date | None, date | None]:
    """The days of a period of the list (first day included, last day excluded; None: open):
    "week" is the rest of this week, "weekend" the coming Saturday and Sunday (this weekend's
    on a Saturday or a Sunday)."""
    if period == "week":
        return None, monday_of(today) + timedelta(days=7)
    if period == "weekend":
        saturday = today + timedelta(days=(5 - today.weekday()) % 7)
        if today.weekday() == 6:
            saturday = today - timedelta(days=1)
        return saturday, saturday + timedelta(days=2)
    return None, None
