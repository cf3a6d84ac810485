"""Dates of an activity's sessions from a recurrence rule (RFC 5545 RRULE), minus exceptions."""

from datetime import date, datetime, time, timedelta

from dateutil.rrule import rrulestr
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

MAX_OCCURRENCES = 400


def occurrences(
    *, rule: str, first_day: date, starts: time, until: date | None = None, exceptions=()
) -> list[datetime]:
    """Aware start times of the rule from ``first_day`` at ``starts`` (local time).

    A rule without COUNT or UNTIL stops at ``until`` (or after a year); exceptions are dates
    (``date`` or ISO strings) on which no session takes place, e.g. school holidays.
    """
    skip = {d if isinstance(d, date) else date.fromisoformat(d) for d in exceptions}
    start = datetime.combine(first_day, starts)
    try:
        rule_set = rrulestr(rule, dtstart=start, forceset=True)
    except (ValueError, TypeError) as error:
        raise ValidationError(
            _("Deze herhaling is niet geldig: %(error)s") % {"error": error}
        ) from error
    last = datetime.combine(until or first_day + timedelta(days=365), time.max)
    result = []
    for moment in rule_set.between(start, last, inc=True):
        if moment.date() in skip:
            continue
        result.append(timezone.make_aware(moment))
        if len(result) >= MAX_OCCURRENCES:
            break
    return result
