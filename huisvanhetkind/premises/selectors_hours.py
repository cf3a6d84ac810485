"""Reads of the office hours shared by the public pages, the service pages, the coordinator's
pages and the exports: a desk's hours in plain Dutch with the next occurrences, the
occurrences between two dates (what the appointment slots will be made from), an ``.ics`` feed
per desk and the rules in the shape of the HSDS 3.0 ``schedule``.

Every read of a house's hours is three queries however many desks and rules it has: the desks
(with their links), their rules, the house's closures.
"""

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta

from django.conf import settings
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils import timezone

from huisvanhetkind.activities.ical import _calendar_lines, _host, _line, _text, _utc
from huisvanhetkind.catalogue.hsds.common import WEEKDAYS, compact, derived_id, dutch
from huisvanhetkind.catalogue.models import Service
from huisvanhetkind.network.models import House
from huisvanhetkind.premises import hours_text, recurrence
from huisvanhetkind.premises.models import Closure, Desk, OfficeHourRule

UPCOMING = 3
FEED_DAYS = 365
FEED_LIMIT = 1000


@dataclass
class DeskHours:
    """A desk with its hours in plain Dutch, the next occurrences and the coming closures."""

    desk: Desk
    rules: list[OfficeHourRule] = field(default_factory=list)
    lines: list[tuple[OfficeHourRule, str]] = field(default_factory=list)
    upcoming: list[tuple[recurrence.Occurrence, str]] = field(default_factory=list)
    closures: list[str] = field(default_factory=list)

    @property
    def has_appointments(self) -> bool:
        return any(r.mode == OfficeHourRule.Mode.APPOINTMENT for r in self.rules)


def _desks(queryset):
    return list(
        queryset.select_related("organisation", "service", "room", "location__municipality")
        .prefetch_related(Prefetch("rules", queryset=OfficeHourRule.objects.order_by("pk")))
        .order_by("name")
    )


def closures_of(house: House, today: date) -> list[Closure]:
    """The closures of ``house`` (every desk's and the house's own) that have not ended."""
    return list(
        Closure.objects.filter(house=house, ends_on__gte=today)
        .select_related("desk")
        .order_by("starts_on", "pk")
    )


def _hours(desk: Desk, closures: list[Closure], now: datetime, count: int) -> DeskHours:
    tz = timezone.get_current_timezone()
    today = timezone.localtime(now).date()
    rules = list(desk.rules.all())
    engine_rules = [rule.as_rule() for rule in rules]
    own = [c for c in closures if c.desk_id in (None, desk.pk)]
    engine_closures = [c.as_closure() for c in own]
    lines = []
    for rule, engine_rule in zip(rules, engine_rules, strict=True):
        if rule.valid_until and rule.valid_until < today:
            continue
        if rule.kind == OfficeHourRule.Kind.DATES:
            # the dates still to come only
            engine_rule = replace(
                engine_rule, dates=tuple(d for d in engine_rule.dates if d >= today)
            )
            if not engine_rule.dates:
                continue
        text = hours_text.describe(engine_rule, today)
        lines.append((rule, f"{text}. {rule.note}" if rule.note else text))
    upcoming = recurrence.upcoming(engine_rules, engine_closures, now, tz, count=count)
    return DeskHours(
        desk=desk,
        rules=rules,
        lines=lines,
        upcoming=[(o, hours_text.describe_occurrence(o, tz)) for o in upcoming],
        closures=[hours_text.describe_closure(c, today) for c in engine_closures],
    )


def house_hours(house: House, *, now: datetime | None = None, count: int = UPCOMING):
    """The active desks of ``house`` with their hours (the public pages)."""
    now = now or timezone.now()
    closures = closures_of(house, timezone.localtime(now).date())
    desks = _desks(Desk.objects.filter(house=house, is_active=True))
    return [_hours(desk, closures, now, count) for desk in desks]


def service_hours(house: House, service: Service, *, now: datetime | None = None):
    """The active desks of ``house`` linked to ``service`` (the service's public page)."""
    if house is None or service is None:
        return []
    now = now or timezone.now()
    desks = _desks(Desk.objects.filter(house=house, service=service, is_active=True))
    if not desks:
        return []
    closures = closures_of(house, timezone.localtime(now).date())
    return [_hours(desk, closures, now, UPCOMING) for desk in desks]


def manage_hours(house: House, *, now: datetime | None = None):
    """Every desk of ``house``, active or not (the coordinator's page)."""
    now = now or timezone.now()
    closures = closures_of(house, timezone.localtime(now).date())
    return [_hours(desk, closures, now, UPCOMING) for desk in _desks(house.desks.all())], closures


def public_desk(house: House, slug: str) -> Desk | None:
    if house is None:
        return None
    return (
        Desk.objects.filter(house=house, slug=slug, is_active=True)
        .select_related("house", "room", "location__municipality")
        .first()
    )


def desk_occurrences(
    desk: Desk, start: date, end: date, *, modes=recurrence.MODES
) -> list[recurrence.Occurrence]:
    """The occurrences of ``desk`` with ``start <= day < end``, closures left out; with
    ``modes=(APPOINTMENT,)`` the hours from which appointment slots are made."""
    rules = [rule.as_rule() for rule in desk.rules.all()]
    closures = [
        c.as_closure()
        for c in Closure.objects.filter(
            Q(desk__isnull=True) | Q(desk=desk),
            house_id=desk.house_id,
            ends_on__gte=start,
            starts_on__lt=end,
        )
    ]
    return recurrence.expand(
        rules, closures, start, end, timezone.get_current_timezone(), modes=modes
    )


# --- iCalendar -------------------------------------------------------------------------------


def public_url(house: House) -> str:
    return settings.SITE_URL + reverse("premises:hours", kwargs={"house_slug": house.slug})


def _where(desk: Desk) -> str:
    parts = [desk.room.name] if desk.room_id else []
    if desk.location_id:
        parts.append(desk.location.address_line)
    parts.append(desk.house.name)
    return ", ".join(parts)


def desk_calendar(desk: Desk, now: datetime) -> bytes:
    """The next year of ``desk``'s office hours (closures left out) as a subscribable feed."""
    today = timezone.localtime(now).date()
    occurrences = desk_occurrences(desk, today, today + timedelta(days=FEED_DAYS))
    lines = _calendar_lines(f"{desk.house.name}: {desk.name}")
    stamp, host, url = _utc(now), _host(), public_url(desk.house) + f"#{desk.slug}"
    modes = dict(OfficeHourRule.Mode.choices)
    where = _where(desk)
    for occurrence in occurrences[:FEED_LIMIT]:
        lines += [
            b"BEGIN:VEVENT\r\n",
            _line("UID", f"desk-{desk.pk}-{occurrence.rule}-{occurrence.day:%Y%m%d}@{host}"),
            _line("DTSTAMP", stamp),
            _line("DTSTART", _utc(occurrence.starts_at)),
            _line("DTEND", _utc(occurrence.ends_at)),
            _line("SUMMARY", _text(f"{desk.name} ({dutch(modes[occurrence.mode])})")),
            _line("LOCATION", _text(where)),
            _line("URL", url),
            b"TRANSP:TRANSPARENT\r\n",
            b"STATUS:CONFIRMED\r\n",
            b"END:VEVENT\r\n",
        ]
    lines.append(b"END:VCALENDAR\r\n")
    return b"".join(lines)


# --- HSDS 3.0 schedules ----------------------------------------------------------------------


def _byday(rule: OfficeHourRule) -> str:
    if rule.kind == OfficeHourRule.Kind.MONTHLY:
        return ",".join(
            f"{p}{WEEKDAYS[d]}"
            for p in sorted(rule.positions, key=lambda p: 99 if p == recurrence.LAST else p)
            for d in sorted(rule.weekdays)
        )
    return ",".join(WEEKDAYS[d] for d in sorted(rule.weekdays))


def rule_schedules(rule: OfficeHourRule, desk: Desk, today: date) -> list[dict]:
    """One HSDS ``schedule`` per rule; a rule of listed dates gives one schedule per date (HSDS
    has no list of dates: each is a weekly schedule valid on that day only, count 1)."""
    engine_rule = rule.as_rule()
    with_links = compact(
        {
            "service_id": desk.service.hsds_id if desk.service_id else None,
            "location_id": desk.location.hsds_id if desk.location_id else None,
            "opens_at": f"{rule.starts:%H:%M}",
            "closes_at": f"{rule.ends:%H:%M}",
            "wkst": "MO",
            "attending_type": dutch(rule.get_mode_display()),
            "schedule_link": public_url(desk.house) + f"#{desk.slug}",
            "notes": rule.note,
        }
    )
    with_links["description"] = dutch(hours_text.describe(engine_rule, today))
    if rule.kind != OfficeHourRule.Kind.DATES:
        return [
            with_links
            | compact(
                {
                    "id": derived_id("premises", "desk", desk.pk, "rule", rule.pk),
                    "freq": "MONTHLY" if rule.kind == OfficeHourRule.Kind.MONTHLY else "WEEKLY",
                    # every ``interval`` weeks from dtstart (valid_from, the rule's anchor)
                    "interval": rule.interval,
                    "byday": _byday(rule),
                    "valid_from": rule.valid_from.isoformat() if rule.valid_from else None,
                    "valid_to": rule.valid_until.isoformat() if rule.valid_until else None,
                    "dtstart": rule.valid_from.isoformat() if rule.valid_from else None,
                }
            )
        ]
    return [
        with_links
        | {
            "id": derived_id("premises", "desk", desk.pk, "rule", rule.pk, day),
            "freq": "WEEKLY",
            "interval": 1,
            "count": 1,
            "byday": WEEKDAYS[date.fromisoformat(day).weekday()],
            "valid_from": day,
            "valid_to": day,
            "dtstart": day,
        }
        for day in rule.dates
    ]


def house_schedules(house: House, *, now: datetime | None = None) -> dict:
    """The public hours of ``house`` as JSON: per desk its HSDS schedules and its closures."""
    now = now or timezone.now()
    today = timezone.localtime(now).date()
    base = public_url(house)
    closures = closures_of(house, today)
    found = []
    for hours in house_hours(house, now=now):
        desk = hours.desk
        found.append(
            compact(
                {
                    "id": derived_id("premises", "desk", desk.pk),
                    "name": desk.name,
                    "description": desk.description,
                    "url": f"{base}#{desk.slug}",
                    "ical": settings.SITE_URL
                    + reverse(
                        "premises:desk_feed", kwargs={"house_slug": house.slug, "desk": desk.slug}
                    ),
                    "organization_id": desk.organisation.hsds_id if desk.organisation_id else None,
                    "service_id": desk.service.hsds_id if desk.service_id else None,
                }
            )
            | {
                "schedules": [
                    schedule
                    for rule in hours.rules
                    for schedule in rule_schedules(rule, desk, today)
                ],
                "closures": [
                    compact(
                        {
                            "starts_on": c.starts_on.isoformat(),
                            "ends_on": c.ends_on.isoformat(),
                            "reason": c.reason,
                            "house_wide": c.desk_id is None,
                        }
                    )
                    for c in closures
                    if c.desk_id in (None, desk.pk)
                ],
            }
        )
    return {"house": house.name, "url": base, "desks": found}


def service_schedules(services, house: House | None) -> dict[int, list[dict]]:
    """The office hours of the active desks linked to ``services`` as HSDS schedules, by
    service pk: what the catalogue's HSDS API adds to each service's ``schedules``
    (``catalogue.schedules``). Only desks of ``house`` (or, without one, of every active house)
    and rules that have not ended; two queries however many services, desks and rules."""
    pks = {service.pk for service in services}
    if not pks:
        return {}
    desks = Desk.objects.filter(service_id__in=pks, is_active=True, house__is_active=True)
    if house is not None:
        desks = desks.filter(house=house)
    today = timezone.localdate()
    found: dict[int, list[dict]] = {}
    for desk in _desks(desks.select_related("house")):
        for rule in desk.rules.all():
            if rule.valid_until and rule.valid_until < today:
                continue
            found.setdefault(desk.service_id, []).extend(rule_schedules(rule, desk, today))
    return found
