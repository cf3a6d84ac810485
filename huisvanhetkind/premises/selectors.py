"""Reads of the premises app shared by the pages, the feed and the export: a week of a room or
of a partner, the requests waiting for the coordinator (by priority, with their conflicts), an
``.ics`` feed per room and the bookings as JSON-LD in the terms of the OSLO model.

A booking of another organisation is handed to a partner as a ``Slot`` without title or
organisation: only that the time is taken.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from huisvanhetkind.activities.ical import _calendar_lines, _host, _line, _text, _utc
from huisvanhetkind.network.models import House, Organisation
from huisvanhetkind.premises.models import Booking, CalendarLink, Room
from huisvanhetkind.premises.services import CATEGORY_PRIORITY, MAX_BUFFER, overlapping
from huisvanhetkind.premises.workflow import OPEN_STATES
from huisvanhetkind.premises.workflow import BookingStatus as S

FEED_DAYS_BACK = 30
FEED_LIMIT = 500


@dataclass
class Slot:
    starts_at: datetime
    ends_at: datetime
    status: str
    room: Room
    booking: Booking | None  # None: another organisation's booking, shown as taken only
    hours: str = ""  # "09:00–11:00" in the house's time zone

    @property
    def status_label(self) -> str:
        return S(self.status).label


def week_start(value: str | None, today: date) -> date:
    """The Monday of the week of ``value`` (YYYY-MM-DD), or of ``today`` when it is unreadable."""
    try:
        day = date.fromisoformat(value) if value else today
    except ValueError:
        day = today
    return day - timedelta(days=day.weekday())


def _bounds(monday: date) -> tuple[datetime, datetime]:
    tz = timezone.get_current_timezone()
    start = datetime.combine(monday, time.min, tzinfo=tz)
    return start, start + timedelta(days=7)


def _in_week(start: datetime, end: datetime) -> dict:
    """The filter of the open bookings overlapping [start, end), for the index (room, status,
    blocked_from): a booking begins and ends on one day (``services``) and its buffer is at most
    ``MAX_BUFFER`` minutes, so one that overlaps the week has ``blocked_from`` at most a day and
    that buffer before ``start``. The bound keeps a week's read from scanning a room's past."""
    return {
        "status__in": OPEN_STATES,
        "blocked_from__gte": start - timedelta(days=1, minutes=MAX_BUFFER),
        "blocked_from__lt": end,
        "starts_at__lt": end,
        "ends_at__gt": start,
    }


def _days(monday: date, slots: list[Slot]) -> list[tuple[date, list[Slot]]]:
    days = [(monday + timedelta(days=i), []) for i in range(7)]
    for slot in slots:
        index = (timezone.localtime(slot.starts_at).date() - monday).days
        if 0 <= index < 7:
            days[index][1].append(slot)
    return days


# What a week shows of a booking: fewer columns make a crowded week cheaper to read.
WEEK_FIELDS = (
    "starts_at",
    "ends_at",
    "status",
    "title",
    "organisation_id",
    "room_id",
    "organisation__name",
    "room__name",
)


def _slot(booking: Booking, visible: bool) -> Slot:
    starts, ends = timezone.localtime(booking.starts_at), timezone.localtime(booking.ends_at)
    return Slot(
        booking.starts_at,
        booking.ends_at,
        booking.status,
        booking.room,
        booking if visible else None,
        f"{starts:%H:%M}–{ends:%H:%M}",
    )


def room_week(
    room: Room, monday: date, *, organisation_ids: set[int], coordinator: bool
) -> list[tuple[date, list[Slot]]]:
    """A week of ``room``: the coordinator sees every open booking; a partner its own open
    bookings and the approved ones of others as taken."""
    start, end = _bounds(monday)
    bookings = (
        Booking.objects.filter(room=room, **_in_week(start, end))
        .select_related("room", "organisation")
        .only(*WEEK_FIELDS)
    )
    slots = []
    for booking in bookings:
        mine = coordinator or booking.organisation_id in organisation_ids
        if mine or booking.status == S.APPROVED:
            slots.append(_slot(booking, mine))
    return _days(monday, slots)


def partner_week(house: House, monday: date, organisation_ids: set[int]):
    """A week of the bookings of the user's organisations in ``house``, every room."""
    start, end = _bounds(monday)
    # The ids as a list, not a subquery: PostgreSQL then reads the room index rather than every
    # booking of the organisation.
    rooms = list(Room.objects.filter(house=house).values_list("pk", flat=True))
    bookings = (
        Booking.objects.filter(
            room_id__in=rooms, organisation_id__in=organisation_ids, **_in_week(start, end)
        )
        .select_related("room", "organisation")
        .only(*WEEK_FIELDS)
    )
    return _days(monday, [_slot(b, True) for b in bookings])


def own_bookings(house: House, organisation_ids: set[int], now: datetime) -> list[Booking]:
    return list(
        Booking.objects.filter(
            room__house=house, organisation_id__in=organisation_ids, ends_at__gte=now
        )
        .select_related("room", "organisation")
        .order_by("starts_at")[:200]
    )


def pending_requests(house: House) -> list[tuple[Booking, list[Booking]]]:
    """The requests of the house by priority (category, then first come), each with the open
    bookings of the same room it overlaps."""
    requests = sorted(
        Booking.objects.filter(room__house=house, status=S.REQUESTED).select_related(
            "room", "organisation", "requested_by"
        ),
        key=lambda b: (CATEGORY_PRIORITY[b.category], b.created_at, b.pk),
    )
    return [(b, conflicts_of(b)) for b in requests]


def conflicts_of(booking: Booking) -> list[Booking]:
    return list(
        overlapping(
            booking.room, booking.blocked_from, booking.blocked_until, OPEN_STATES, exclude=booking
        ).select_related("organisation")
    )


# --- iCalendar -------------------------------------------------------------------------------


def room_calendar(room: Room, now: datetime) -> bytes:
    """The approved bookings of ``room`` as a subscribable feed: the times only (the room's
    feed is for calendar programs of the house and its partners: it says "bezet", not who)."""
    lines = _calendar_lines(f"{room.house.name}: {room.name}")
    stamp, host = _utc(now), _host()
    bookings = Booking.objects.filter(
        room=room, status=S.APPROVED, ends_at__gte=now - timedelta(days=FEED_DAYS_BACK)
    ).order_by("starts_at")[:FEED_LIMIT]
    url = settings.SITE_URL + reverse(
        "premises:room", kwargs={"house_slug": room.house.slug, "pk": room.pk}
    )
    for booking in bookings:
        lines += [
            b"BEGIN:VEVENT\r\n",
            _line("UID", f"room-booking-{booking.pk}@{host}"),
            _line("DTSTAMP", stamp),
            _line("DTSTART", _utc(booking.starts_at)),
            _line("DTEND", _utc(booking.ends_at)),
            _line("SUMMARY", _text(f"{room.name}: bezet")),
            _line("LOCATION", _text(f"{room.name}, {room.house.name}")),
            _line("URL", url),
            b"TRANSP:OPAQUE\r\n",
            b"STATUS:CONFIRMED\r\n",
            b"END:VEVENT\r\n",
        ]
    lines.append(b"END:VCALENDAR\r\n")
    return b"".join(lines)


def organisation_calendar(house: House, organisation: Organisation, now: datetime) -> bytes:
    """The open bookings of ``organisation`` in the rooms of ``house`` as a subscribable feed:
    what, where and when (its own bookings; a request is TENTATIVE until it is approved)."""
    lines = _calendar_lines(f"{house.name}: {organisation.name}")
    stamp, host = _utc(now), _host()
    rooms = list(Room.objects.filter(house=house).values_list("pk", flat=True))
    bookings = (
        Booking.objects.filter(
            room_id__in=rooms,
            organisation=organisation,
            status__in=OPEN_STATES,
            ends_at__gte=now - timedelta(days=FEED_DAYS_BACK),
        )
        .select_related("room")
        .order_by("starts_at")[:FEED_LIMIT]
    )
    url = settings.SITE_URL + reverse(
        "premises:partner_calendar", kwargs={"house_slug": house.slug}
    )
    for booking in bookings:
        status = (
            b"STATUS:CONFIRMED\r\n" if booking.status == S.APPROVED else b"STATUS:TENTATIVE\r\n"
        )
        lines += [
            b"BEGIN:VEVENT\r\n",
            _line("UID", f"room-booking-{booking.pk}@{host}"),
            _line("DTSTAMP", stamp),
            _line("DTSTART", _utc(booking.starts_at)),
            _line("DTEND", _utc(booking.ends_at)),
            _line("SUMMARY", _text(booking.title)),
            _line("LOCATION", _text(f"{booking.room.name}, {house.name}")),
            _line("URL", url),
            b"TRANSP:OPAQUE\r\n",
            status,
            b"END:VEVENT\r\n",
        ]
    lines.append(b"END:VCALENDAR\r\n")
    return b"".join(lines)


def link_calendar(link: CalendarLink, now: datetime) -> bytes:
    """The feed a subscribed link opens: a room's taken times, or an organisation's bookings."""
    if link.room_id is not None:
        return room_calendar(link.room, now)
    return organisation_calendar(link.house, link.organisation, now)


def working_links(user, house: House) -> list[CalendarLink]:
    """The user's links in ``house`` that still work (the token itself is never kept)."""
    return list(
        CalendarLink.objects.filter(house=house, created_by=user, revoked_at__isnull=True)
        .select_related("room", "organisation")
        .order_by("-created_at", "-pk")
    )


def feed_url(house: House, token: str) -> str:
    """The address to give a calendar program."""
    return settings.SITE_URL + reverse(
        "premises:subscribed_feed", kwargs={"house_slug": house.slug, "token": token}
    )


# --- JSON-LD in the terms of the OSLO model ------------------------------------------------------

# Our reading of the OSLO application profile for room reservations (docs/premises.md).
RESERVATION = "https://data.vlaanderen.be/ns/reservatie#"
OSLO_CONTEXT = {
    "reservatie": RESERVATION,
    "generiek": "https://data.vlaanderen.be/ns/generiek#",
    "dcterms": "http://purl.org/dc/terms/",
    "schema": "https://schema.org/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "Reservatie": "reservatie:Reservatie",
    "Ruimte": "reservatie:Ruimte",
    "Organisatie": "http://www.w3.org/ns/org#Organization",
    "Periode": "http://data.europa.eu/m8g/PeriodOfTime",
    "periode": {"@id": "reservatie:Reservatie.periode", "@type": "@id"},
    "begin": {"@id": "generiek:Periode.begin", "@type": "xsd:dateTime"},
    "einde": {"@id": "generiek:Periode.einde", "@type": "xsd:dateTime"},
    "status": "reservatie:Reservatie.status",
    "gereserveerdeRuimte": {"@id": "reservatie:Reservatie.gereserveerdeRuimte", "@type": "@id"},
    "aanvrager": {"@id": "reservatie:Reservatie.aanvrager", "@type": "@id"},
    "aantalDeelnemers": {"@id": "reservatie:Reservatie.aantalDeelnemers", "@type": "xsd:integer"},
    "doel": "reservatie:Reservatie.doel",
    "naam": "schema:name",
    "capaciteit": {"@id": "reservatie:Ruimte.capaciteit", "@type": "xsd:integer"},
    "aangemaakt": {"@id": "dcterms:created", "@type": "xsd:dateTime"},
}


def bookings_jsonld(house: House, bookings) -> dict:
    """The bookings (a coordinator's export) as a JSON-LD graph."""
    base = settings.SITE_URL + reverse("premises:index", kwargs={"house_slug": house.slug})
    graph, rooms, organisations = [], {}, {}
    for booking in bookings:
        room, organisation = booking.room, booking.organisation
        room_id = f"{base}zalen/{room.pk}/"
        organisation_id = f"{settings.SITE_URL}/organisaties/{organisation.hsds_id}"
        rooms[room.pk] = {
            "@id": room_id,
            "@type": "Ruimte",
            "naam": room.name,
            "capaciteit": room.capacity,
        }
        organisations[organisation.pk] = {
            "@id": organisation_id,
            "@type": "Organisatie",
            "naam": organisation.name,
        }
        graph.append(
            {
                "@id": f"{base}reservaties/{booking.pk}",
                "@type": "Reservatie",
                "doel": booking.title,
                "status": booking.status,
                "aantalDeelnemers": booking.attendees,
                "periode": {
                    "@type": "Periode",
                    "begin": timezone.localtime(booking.starts_at).isoformat(),
                    "einde": timezone.localtime(booking.ends_at).isoformat(),
                },
                "gereserveerdeRuimte": room_id,
                "aanvrager": organisation_id,
                "aangemaakt": booking.created_at.isoformat(),
            }
        )
    return {
        "@context": OSLO_CONTEXT,
        "@graph": [*rooms.values(), *organisations.values(), *graph],
    }


def export_bookings(house: House):
    return (
        Booking.objects.filter(room__house=house)
        .select_related("room", "organisation")
        .order_by("starts_at", "pk")
    )
