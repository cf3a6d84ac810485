"""Office hours as rules, and the engine that expands them into dated occurrences.

Pure Python (``dateutil``'s rrule and ``zoneinfo``), no database and no Django: the public
pages, the ``.ics`` feed, the HSDS export and (later) the appointment slots all read the
occurrences of this one function, ``expand``.

A rule is one of three kinds:

- ``weekly``: every given weekday (``weekdays``, 0 = Monday), e.g. every Tuesday; with an
  ``interval`` of 2 to 4 only every 2nd to 4th week, counted from the week (Monday to Sunday)
  of ``valid_from``, the rule's start date (an interval needs one: "om de twee weken" has to
  start somewhere);
- ``monthly``: the nth given weekday of each month (``positions``: 1-5, or -1 for the last),
  e.g. every third Thursday; a month without a fifth Thursday has no occurrence for position 5;
- ``dates``: an explicit list of dates.

Each rule has a wall-clock start and end (``09:00``-``12:00`` stays 9-12 across summer time),
a mode (walk-in or by appointment) and an optional validity (``valid_from``/``valid_until``,
both inclusive). Closures (``starts_on``-``ends_on``, inclusive; one desk or, with ``desk``
None, every desk of the house) remove every occurrence on a day they cover.

Ranges handed to ``expand`` are half-open: ``start <= day < end``.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from dateutil.rrule import MONTHLY, WEEKLY, rrule
from dateutil.rrule import weekday as rrule_weekday

WEEKLY_RULE = "weekly"
MONTHLY_RULE = "monthly"
DATES_RULE = "dates"
KINDS = (WEEKLY_RULE, MONTHLY_RULE, DATES_RULE)

WALK_IN = "walk_in"
APPOINTMENT = "appointment"
MODES = (WALK_IN, APPOINTMENT)

INTERVALS = (1, 2, 3, 4)

LAST = -1
POSITIONS = (1, 2, 3, 4, 5, LAST)
WEEKDAYS = tuple(range(7))


@dataclass(frozen=True)
class Rule:
    kind: str
    starts: time
    ends: time
    mode: str = WALK_IN
    weekdays: tuple[int, ...] = ()
    positions: tuple[int, ...] = ()
    dates: tuple[date, ...] = ()
    valid_from: date | None = None
    valid_until: date | None = None
    interval: int = 1  # weekly only: every ``interval`` weeks from the week of valid_from
    key: object = None  # the stored rule's id
    desk: object = None  # the desk's id


@dataclass(frozen=True)
class Closure:
    starts_on: date
    ends_on: date
    desk: object = None  # None: every desk of the house
    reason: str = ""

    def covers(self, day: date, desk) -> bool:
        return self.starts_on <= day <= self.ends_on and (self.desk is None or self.desk == desk)


@dataclass(frozen=True, order=True)
class Occurrence:
    starts_at: datetime
    ends_at: datetime
    day: date
    mode: str
    rule: object = None
    desk: object = None


def problems(rule: Rule) -> list[str]:
    """What makes ``rule`` unusable, as codes (the services turn them into Dutch messages)."""
    found = []
    if rule.kind not in KINDS:
        found.append("kind")
    if rule.mode not in MODES:
        found.append("mode")
    if rule.ends <= rule.starts:
        found.append("order")
    if rule.kind in (WEEKLY_RULE, MONTHLY_RULE) and (
        not rule.weekdays or any(d not in WEEKDAYS for d in rule.weekdays)
    ):
        found.append("weekdays")
    if rule.kind == MONTHLY_RULE and (
        not rule.positions or any(p not in POSITIONS for p in rule.positions)
    ):
        found.append("positions")
    if rule.kind == DATES_RULE and not rule.dates:
        found.append("dates")
    if rule.interval not in INTERVALS or (rule.interval != 1 and rule.kind != WEEKLY_RULE):
        found.append("interval")
    elif rule.interval != 1 and rule.valid_from is None:
        found.append("anchor")
    if rule.valid_from and rule.valid_until and rule.valid_until < rule.valid_from:
        found.append("validity")
    return found


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time.min)


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _aligned_start(rule: Rule, first: date) -> date:
    """Where to start walking a rule of every ``interval`` weeks at ``first`` or later: ``first``
    itself when its week is one of the rule's weeks, else the Monday of the next such week (the
    weeks are counted from the week of ``valid_from``)."""
    weeks = (_monday(first) - _monday(rule.valid_from)).days // 7
    behind = weeks % rule.interval
    return first if behind == 0 else _monday(first) + timedelta(weeks=rule.interval - behind)


def rule_days(rule: Rule, start: date, end: date) -> list[date]:
    """The days of ``rule`` with ``start <= day < end``, within its validity; closures aside."""
    if problems(rule):
        return []
    first = max(start, rule.valid_from) if rule.valid_from else start
    stop = min(end, rule.valid_until + timedelta(days=1)) if rule.valid_until else end
    if first >= stop:
        return []
    last = stop - timedelta(days=1)
    if rule.kind == DATES_RULE:
        return sorted({d for d in rule.dates if first <= d <= last})
    interval = 1
    if rule.kind == WEEKLY_RULE:
        byweekday = sorted(set(rule.weekdays))
        freq = WEEKLY
        if rule.interval != 1:
            interval, first = rule.interval, _aligned_start(rule, first)
            if first > last:
                return []
    else:
        byweekday = [
            rrule_weekday(d)(p) for d in sorted(set(rule.weekdays)) for p in sorted(rule.positions)
        ]
        freq = MONTHLY
    found = rrule(
        freq,
        dtstart=_midnight(first),
        until=_midnight(last),
        byweekday=byweekday,
        interval=interval,
        wkst=0,
    )
    return [moment.date() for moment in found]


def wall_clock(day: date, moment: time, tz: tzinfo) -> datetime:
    """``day`` at ``moment`` in ``tz``. A time skipped by the spring change to summer time
    (02:30 on the last Sunday of March in Brussels) moves forward by the gap, to 03:30; a
    time that happens twice in autumn is the first (summer time) one."""
    local = datetime.combine(day, moment, tzinfo=tz)
    return local.astimezone(UTC).astimezone(tz)


def expand(
    rules, closures, start: date, end: date, tz: tzinfo, *, modes: tuple[str, ...] = MODES
) -> list[Occurrence]:
    """Every occurrence of ``rules`` with ``start <= day < end``, without the days a closure
    of the rule's desk (or of the whole house) covers; in order of start."""
    closures = list(closures)
    found = []
    for rule in rules:
        if rule.mode not in modes:
            continue
        for day in rule_days(rule, start, end):
            if any(c.covers(day, rule.desk) for c in closures):
                continue
            found.append(
                Occurrence(
                    starts_at=wall_clock(day, rule.starts, tz),
                    ends_at=wall_clock(day, rule.ends, tz),
                    day=day,
                    mode=rule.mode,
                    rule=rule.key,
                    desk=rule.desk,
                )
            )
    found.sort(key=lambda o: (o.starts_at, o.ends_at, str(o.desk), str(o.rule)))
    return found


def upcoming(rules, closures, now: datetime, tz: tzinfo, *, count: int, days: int = 400):
    """The next ``count`` occurrences that have not ended at ``now``."""
    today = now.astimezone(tz).date()
    found = expand(rules, closures, today, today + timedelta(days=days), tz)
    return [o for o in found if o.ends_at > now][:count]
