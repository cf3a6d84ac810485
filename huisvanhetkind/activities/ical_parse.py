"""Reading a partner's iCalendar feed (RFC 5545): pure, bytes in, events out.

Every VEVENT is a ``FeedEvent`` with its upcoming ``Occurrence``s: a single event one; an event
with an RRULE (plus RDATE and EXDATE) those of its rule up to a year ahead, walked lazily and
within bounds of steps, occurrences and time; a RECURRENCE-ID override changes that one
occurrence; STATUS:CANCELLED cancels the event or the occurrence. Problems of one event are in
its ``problems``; a file that cannot be used as a whole raises a Dutch ValidationError.
``ical_import`` writes what is read here.
"""

import hashlib
import html
import math
import re
import time as clock
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from dateutil.rrule import DAILY, YEARLY, rrule, rrulestr
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from icalendar import Calendar

from huisvanhetkind.activities.ical_fetch import MAX_BYTES, size_error

MAX_EVENTS = 2000
MAX_SESSIONS = 20_000  # upcoming sessions of all events of one feed together
HORIZON_DAYS = 365
# One event's rule: at most MAX_OCCURRENCES upcoming sessions are imported (as for an activity
# made by hand); it may walk through at most MAX_RULE_STEPS occurrences from its DTSTART (the
# past ones cost as much); at most MAX_TIMES_A_DAY a day. Expanding all rules of a feed takes
# at most PARSE_SECONDS.
MAX_OCCURRENCES = 400
MAX_RULE_STEPS = 20_000
MAX_TIMES_A_DAY = 4
PARSE_SECONDS = 10
TOO_FINE = ("HOURLY", "MINUTELY", "SECONDLY")


@dataclass
class Occurrence:
    """One session of an event: ``key`` is the start of the occurrence it stands for (UTC)."""

    key: datetime
    starts_at: datetime
    ends_at: datetime
    cancelled: bool = False
    note: str = ""

    def values(self) -> tuple:
        return (self.starts_at, self.ends_at, self.cancelled, self.note)


@dataclass
class FeedEvent:
    """An event of the feed (its VEVENT and the overrides with the same UID)."""

    number: int
    uid: str = ""
    title: str = ""
    summary: str = ""
    description: str = ""
    place: str = ""
    online_url: str = ""
    rule: str = ""
    exception_dates: list[str] = field(default_factory=list)
    cancelled: bool = False
    recurring: bool = False
    occurrences: list[Occurrence] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # told in the preview, not errors

    def activity_fields(self) -> dict:
        return {
            "title": self.title,
            "summary": self.summary,
            "description": self.description,
            "place": self.place,
            "online_url": self.online_url,
            "recurrence": self.rule,
            "exception_dates": self.exception_dates,
        }


def _local_tz():
    return timezone.get_default_timezone()


def _text(component, name: str) -> str:
    value = component.get(name)
    if isinstance(value, list):
        value = value[0] if value else None
    return str(value).strip() if value is not None else ""


def _plain(text: str) -> str:
    """Text of a DESCRIPTION that some calendar programs fill with HTML."""
    if not re.search(r"</?[a-zA-Z][^>]*>", text):
        return text
    text = re.sub(r"(?i)<br\s*/?>|</p>|</li>|</div>", "\n", text)
    return html.unescape(strip_tags(text)).strip()


def _shorten(text: str, limit: int) -> str:
    return Truncator(text).chars(limit)


def _moment(component, name: str):
    """A DATE or DATE-TIME property, or None if absent or unreadable."""
    if name not in component:
        return None
    try:
        value = component.decoded(name)
    except (ValueError, TypeError, KeyError):
        return None
    if isinstance(value, list):
        value = value[0] if value else None
    if hasattr(value, "dt"):
        value = value.dt
    return value if isinstance(value, date) else None


def _aware(value) -> datetime:
    """A DATE (all day: local midnight), a floating DATE-TIME (local time) or an aware one."""
    if isinstance(value, datetime):
        return value if value.tzinfo is not None else value.replace(tzinfo=_local_tz())
    return datetime.combine(value, time.min, _local_tz())


def _end(component, start, problems: list[str]):
    """DTEND, or DTSTART plus DURATION, or the RFC 5545 default (a day for a date)."""
    if "DTEND" in component:
        end = _moment(component, "DTEND")
        if end is None:
            problems.append(_("Het einde (DTEND) is geen geldige datum of tijd."))
            return None
        return end
    if "DURATION" in component:
        try:
            duration = component.decoded("DURATION")
        except (ValueError, TypeError):
            duration = None
        if not isinstance(duration, timedelta):
            problems.append(_("De duur (DURATION) is niet geldig."))
            return None
        return start + duration
    return start + timedelta(days=1) if not isinstance(start, datetime) else start


def _rule_text(recur, tz) -> str:
    """The RRULE as text, with an UNTIL in UTC (dateutil requires it with an aware start)."""
    recur = recur.__class__(recur)  # a copy: vRecur is a dict of lists
    if "UNTIL" in recur:
        until = recur["UNTIL"][0]
        if not isinstance(until, datetime):
            until = datetime.combine(until, time.max.replace(microsecond=0))
        if until.tzinfo is None:
            until = until.replace(tzinfo=tz)
        recur["UNTIL"] = [until.astimezone(UTC)]
    return recur.to_ical().decode()


def _uid(component) -> str:
    uid = _text(component, "UID")
    if len(uid) > 255:  # an opaque key: keep it stable and short
        return "sha256:" + hashlib.sha256(uid.encode()).hexdigest()
    return uid


def _is_cancelled(component) -> bool:
    return _text(component, "STATUS").upper() == "CANCELLED"


def _url(component) -> str:
    url = _text(component, "URL")
    if not url or len(url) > 200:
        return ""
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        return ""
    return url


def _describe(event: FeedEvent, component) -> None:
    """Title, texts and place of the event from its (master) component."""
    title = " ".join(_text(component, "SUMMARY").split())
    if not title:
        event.problems.append(_("De activiteit heeft geen titel (SUMMARY)."))
    event.title = _shorten(title, 200)
    text = _plain(_text(component, "DESCRIPTION"))
    first = text.split("\n", 1)[0].strip()
    if len(text) <= 300 and "\n" not in text:
        event.summary, event.description = text, ""
    else:
        event.summary, event.description = _shorten(first, 300), text
    event.place = _shorten(" ".join(_text(component, "LOCATION").split()), 300)
    # A link without a place is where the activity happens (online); otherwise it is left out.
    event.online_url = "" if event.place else _url(component)


class _Budget:
    """The time that expanding the rules of one feed may take."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.deadline = clock.monotonic() + seconds

    def check(self) -> None:
        if clock.monotonic() > self.deadline:
            raise ValidationError(
                _(
                    "De herhalingen in deze agenda vragen te veel rekenwerk (meer dan "
                    "%(seconds)d seconden). Importeer minder activiteiten tegelijk."
                )
                % {"seconds": self.seconds}
            )


class _PastHorizon(Exception):
    """The walk through a rule has gone past the horizon without finding an occurrence."""


class _TooManySteps(Exception):
    """The walk through a rule has gone through MAX_RULE_STEPS occurrences."""


class _BoundedRule(rrule):
    """dateutil's rrule that stops walking once it is past the horizon (or out of time).

    For a rule that matches no day (FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30, or an INTERVAL that never
    lands on its BYDAY) dateutil walks on to the year 9999 without yielding anything, seconds
    of work for one event. While walking it reads ``_byeaster`` once when it starts and each
    time it enters another month (another year for FREQ=YEARLY): that read is where this rule
    counts down the periods it may still enter. (BYEASTER itself, not in RFC 5545, is refused.)
    """

    def __init__(self, *, periods: int, budget: _Budget, **kwargs):
        self._periods_left = periods
        self._budget = budget
        super().__init__(**kwargs)

    @property
    def _byeaster(self):
        self._periods_left -= 1
        if self._periods_left < 0:
            raise _PastHorizon
        self._budget.check()
        return self._easter_offsets

    @_byeaster.setter
    def _byeaster(self, value):
        self._easter_offsets = value


def _rule_problem(recur) -> str:
    """Why a rule cannot be imported, before it is expanded ("" if it can)."""
    freq = str((recur.get("FREQ") or [""])[0]).upper()
    if freq in TOO_FINE:
        return _(
            "Deze activiteit herhaalt te vaak (FREQ=%(freq)s): een activiteit kan hoogstens "
            "elke dag herhaald worden. Zet de momenten van één dag elk apart in de agenda."
        ) % {"freq": freq}
    if "BYEASTER" in recur or any(
        not isinstance(n, int) or n < 1 for n in recur.get("INTERVAL") or [1]
    ):
        return _("De herhaling (RRULE, RDATE of EXDATE) is niet geldig.")
    times_a_day = math.prod(
        len(recur.get(part) or [0]) for part in ("BYHOUR", "BYMINUTE", "BYSECOND")
    )
    if times_a_day > MAX_TIMES_A_DAY:
        return _(
            "Deze herhaling plant meer dan %(max)d momenten per dag (BYHOUR, BYMINUTE, "
            "BYSECOND). Maak er aparte activiteiten van."
        ) % {"max": MAX_TIMES_A_DAY}
    return ""


def _walk(rule: str, first: datetime, since: datetime, last: datetime, skip: set, budget):
    """The starts of ``rule`` from ``since`` to ``last`` (not on the days in ``skip``), at most
    MAX_OCCURRENCES, and whether the rule had more. The rule is walked lazily from ``first``
    (its DTSTART) and never further than ``last``."""
    parsed = rrulestr(rule, dtstart=first)
    if not isinstance(parsed, rrule) or parsed._freq > DAILY:
        raise ValueError(rule)
    periods = last.year - first.year
    if parsed._freq != YEARLY:
        periods = periods * 12 + last.month - first.month
    bounded = _BoundedRule(
        periods=periods + 3,
        budget=budget,
        # What rrule.replace() passes on: the parsed rule with defaults taken from DTSTART.
        freq=parsed._freq,
        dtstart=parsed._dtstart,
        interval=parsed._interval,
        wkst=parsed._wkst,
        count=parsed._count,
        until=parsed._until,
        **parsed._original_rule,
    )
    starts, steps = [], 0
    try:
        for moment in bounded:
            steps += 1
            if steps > MAX_RULE_STEPS:
                raise _TooManySteps
            if steps % 256 == 0:
                budget.check()
            if moment > last:
                break
            if moment < since or moment.date() in skip:
                continue
            if len(starts) == MAX_OCCURRENCES:
                return starts, True
            starts.append(moment)
    except _PastHorizon:
        pass
    return starts, False


def _expand(
    event: FeedEvent, master, start, end, window_start: datetime, horizon: date, budget: _Budget
) -> dict:
    """The occurrences of the master component by their key (UTC start)."""
    first = _aware(start)
    duration = _aware(end) - first
    all_day = not isinstance(start, datetime)
    note = _("hele dag") if all_day else ""
    rules = master.get("RRULE")
    rules = rules if isinstance(rules, list) else [rules] if rules is not None else []
    if not rules:
        key = first.astimezone(UTC)
        return {key: Occurrence(key, first, first + duration, note=note)}
    if len(rules) > 1:
        event.problems.append(_("De activiteit heeft meer dan één herhalingsregel (RRULE)."))
        return {}
    event.recurring = True
    tz = first.tzinfo
    try:
        problem = _rule_problem(rules[0])
        if problem:
            event.problems.append(problem)
            return {}
        rule = _rule_text(rules[0], tz)
        exdates = list(master.exdates)
        rdates = [moment for moment, _until in master.rdates]
    except (ValueError, TypeError, KeyError):
        event.problems.append(_("De herhaling (RRULE, RDATE of EXDATE) is niet geldig."))
        return {}
    excluded_days = sorted({d for d in exdates if not isinstance(d, datetime)})
    excluded = {_aware(d).astimezone(UTC) for d in exdates if isinstance(d, datetime)}
    since = datetime.combine(window_start.astimezone(tz).date() - timedelta(days=1), time.min, tz)
    last = datetime.combine(horizon, time.max, tz)
    try:
        starts, more = _walk(rule, first, max(first, since), last, set(excluded_days), budget)
    except (ValueError, TypeError, OverflowError) as error:
        event.problems.append(
            _("Deze herhaling is niet geldig: %(error)s") % {"error": _shorten(str(error), 120)}
        )
        return {}
    except _TooManySteps:
        event.problems.append(
            _(
                "Deze herhaling begint te lang geleden of herhaalt te vaak: meer dan %(max)d "
                "keer sinds het begin (DTSTART). Laat de reeks later beginnen."
            )
            % {"max": MAX_RULE_STEPS}
        )
        return {}
    if more:
        event.notes.append(
            _("alleen de eerste %(max)d momenten; de rest van de herhaling is niet geïmporteerd")
            % {"max": MAX_OCCURRENCES}
        )
    event.rule = rule if len(rule) <= 300 else ""
    event.exception_dates = sorted(
        {d.isoformat() for d in excluded_days}
        | {d.astimezone(tz).date().isoformat() for d in excluded}
    )
    result = {}
    # DTSTART is always the first occurrence, even when it does not match the rule (RFC 5545).
    for moment in sorted([first, *starts, *(_aware(d) for d in rdates)]):
        key = moment.astimezone(UTC)
        if key in excluded or key in result or moment.date() > horizon:
            continue
        result[key] = Occurrence(key, moment, moment + duration, note=note)
    return result


def _override(event: FeedEvent, component, found: dict, master_duration) -> None:
    """Apply a RECURRENCE-ID component to the occurrence it replaces (or add it)."""
    recurrence_id = _moment(component, "RECURRENCE-ID")
    if recurrence_id is None:
        event.problems.append(_("Een uitzondering heeft geen geldige RECURRENCE-ID."))
        return
    key = _aware(recurrence_id).astimezone(UTC)
    start = _moment(component, "DTSTART") or recurrence_id
    problems = []
    end = (
        _end(component, start, problems)
        if ("DTEND" in component or "DURATION" in component)
        else None
    )
    if problems:
        event.problems.extend(problems)
        return
    starts_at = _aware(start)
    ends_at = _aware(end) if end is not None else starts_at + master_duration
    if ends_at < starts_at:
        event.problems.append(_("Een uitzondering eindigt voor ze begint."))
        return
    title = " ".join(_text(component, "SUMMARY").split())
    note = _shorten(title, 300) if title and title != event.title else ""
    found[key] = Occurrence(key, starts_at, ends_at, cancelled=_is_cancelled(component), note=note)


def _event(
    number: int, uid: str, master, overrides: list, now: datetime, budget: _Budget
) -> FeedEvent:
    event = FeedEvent(number=number, uid=uid)
    horizon = (now + timedelta(days=HORIZON_DAYS)).date()
    found: dict = {}
    master_duration = timedelta(0)
    if master is not None:
        _describe(event, master)
        event.cancelled = _is_cancelled(master)
        start = _moment(master, "DTSTART")
        if start is None:
            event.problems.append(
                _("Het begin (DTSTART) ontbreekt of is geen geldige datum of tijd.")
            )
            return event
        end = _end(master, start, event.problems)
        if end is None:
            return event
        if _aware(end) < _aware(start):
            event.problems.append(_("De activiteit eindigt voor ze begint (DTEND voor DTSTART)."))
            return event
        master_duration = _aware(end) - _aware(start)
        found = _expand(event, master, start, end, now, horizon, budget)
    else:  # only overrides of a series we do not have: each one is a session
        _describe(event, overrides[0])
        event.recurring = True
    if event.problems:
        return event
    for component in overrides:
        _override(event, component, found, master_duration)
    event.occurrences = sorted(
        (
            o.__class__(o.key, o.starts_at, o.ends_at, o.cancelled or event.cancelled, o.note)
            for o in found.values()
            if o.starts_at >= now
        ),
        key=lambda o: (o.starts_at, o.key),
    )
    return event


def parse_feed(data: bytes, *, now: datetime | None = None) -> list[FeedEvent]:
    """The events of an iCalendar file with their upcoming occurrences.

    Raises a ValidationError (in Dutch) when the file as a whole cannot be used; problems of
    one event are in its ``problems``.
    """
    now = now or timezone.now()
    if len(data) > MAX_BYTES:
        raise size_error()
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:15].upper()
    if not head.startswith(b"BEGIN:VCALENDAR"):
        raise ValidationError(
            _("Dit is geen iCalendar-bestand: het begint niet met BEGIN:VCALENDAR.")
        )
    try:
        calendar = Calendar.from_ical(data)
        components = list(calendar.walk("VEVENT"))
    except Exception as error:  # noqa: BLE001 - any parser failure means the same to the user
        raise ValidationError(
            _("Dit iCalendar-bestand is beschadigd en kan niet gelezen worden (%(error)s).")
            % {"error": _shorten(str(error), 120)}
        ) from error
    if not components:
        raise ValidationError(_("Deze agenda bevat geen activiteiten (geen enkele VEVENT)."))
    if len(components) > MAX_EVENTS:
        raise ValidationError(
            _("Deze agenda bevat meer dan %(max)d activiteiten. Importeer minder tegelijk.")
            % {"max": MAX_EVENTS}
        )
    groups: dict[str, dict] = {}
    events: list[FeedEvent] = []
    budget = _Budget(PARSE_SECONDS)
    for number, component in enumerate(components, start=1):
        uid = _uid(component)
        if not uid:
            event = FeedEvent(number=number)
            _describe(event, component)
            event.problems = [
                _(
                    "De activiteit heeft geen UID. Zonder UID kan een volgende import ze niet "
                    "terugvinden."
                )
            ] + event.problems
            events.append(event)
            continue
        group = groups.setdefault(uid, {"number": number, "master": None, "overrides": []})
        if "RECURRENCE-ID" in component:
            group["overrides"].append(component)
        elif group["master"] is None:
            group["master"] = component
        else:
            group.setdefault("duplicate", True)
    for uid, group in groups.items():
        event = _event(group["number"], uid, group["master"], group["overrides"], now, budget)
        if group.get("duplicate"):
            event.problems.append(_("Deze UID komt meer dan één keer voor in de agenda."))
        events.append(event)
    if sum(len(e.occurrences) for e in events) > MAX_SESSIONS:
        raise ValidationError(
            _(
                "Deze agenda levert meer dan %(max)d momenten op in het komende jaar. "
                "Importeer minder activiteiten tegelijk."
            )
            % {"max": MAX_SESSIONS}
        )
    return sorted(events, key=lambda e: e.number)
