"""Dates of an activity's sessions from a recurrence rule (RFC 5545 RRULE), minus exceptions."""

from datetime import date, datetime, time, timedelta, tzinfo

from dateutil.rrule import rrulestr
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

MAX_OCCURRENCES = 400


def occurrences(
    *,
    rule: str,
    first_day: date,
    starts: time,
    until: date | None = None,
    exceptions=(),
    tz: tzinfo | None = None,
    since: date | None = None,
) -> list[datetime]:
    """Aware start times of the rule from ``first_day`` at ``starts`` (local time).

    A rule without COUNT or UNTIL stops at ``until`` (or after a year); exceptions are dates
    (``date`` or ISO strings) on which no session takes place, e.g. school holidays.

    ``tz`` is the time zone the rule keeps its wall-clock time in (default: the current one;
    an imported iCalendar event brings its own TZID or UTC). ``since`` skips the occurrences
    before that day while still counting them for COUNT, e.g. for a series that began years ago.
    """
    skip = {d if isinstance(d, date) else date.fromisoformat(d) for d in exceptions}
    start = datetime.combine(first_day, starts)
    if tz is not None:
        start = start.replace(tzinfo=tz)
    try:
        rule_set = rrulestr(rule, dtstart=start, forceset=True)
    except (ValueError, TypeError) as error:
        raise ValidationError(
            _("Deze herhaling is niet geldig: %(error)s") % {"error": error}
        ) from error
    last = datetime.combine(until or first_day + timedelta(days=365), time.max, start.tzinfo)
    first = start
    if since is not None and since > first_day:
        first = datetime.combine(since, time.min, start.tzinfo)
    result = []
    for moment in rule_set.between(first, last, inc=True):
        if moment.date() in skip:
            continue
        result.append(moment if tz is not None else timezone.make_aware(moment))
        if len(result) >= MAX_OCCURRENCES:
            break
    return result
