"""Start months: the first day of a month stands for the month."""

import re
from datetime import date

from django.utils import formats

# How far ahead a provider keeps its free places and a family can look.
MONTHS_AHEAD = 12


def first_of_month(day: date) -> date:
    return day.replace(day=1)


def add_months(month: date, count: int) -> date:
    index = month.year * 12 + month.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


def start_months(today: date, count: int = MONTHS_AHEAD) -> list[date]:
    """This month and the ``count - 1`` months after it."""
    first = first_of_month(today)
    return [add_months(first, n) for n in range(count)]


def parse_month(value: str) -> date | None:
    """``2027-09`` as the first of September 2027; None for anything else."""
    match = re.fullmatch(r"([0-9]{4})-([0-9]{2})", value or "")
    if not match or not 1 <= int(match[2]) <= 12:
        return None
    return date(int(match[1]), int(match[2]), 1)


def month_label(month: date) -> str:
    return formats.date_format(month, "F Y")
