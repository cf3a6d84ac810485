"""Counts of people on a page: a count of 1 to 4 is shown as "< 5" (0 and 5 or more as they
are), so that no small group of people can be recognised in a table of figures."""

from django import template

register = template.Library()

SMALL = 5


@register.filter
def small_count(value):
    if isinstance(value, int) and 0 < value < SMALL:
        return f"< {SMALL}"
    return value
