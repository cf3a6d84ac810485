"""iCalendar output (RFC 5545): one session, or a subscribable feed of a house's sessions.

Written line by line rather than through the icalendar library: a feed is fetched again and
again by every subscribed calendar program, and the library spends about 0.4 ms per event on
what is here a few string operations (docs/performance.md). The tests read everything back
with the icalendar library.
"""

from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

REFRESH = timedelta(hours=6)
# A feed holds the next sessions only: calendar programs fetch it again every few hours, and
# the time to build a feed and its size stay bounded however large the house's calendar is.
FEED_LIMIT = 50
CRLF = b"\r\n"


def _text(value: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks escaped."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\r", "\\n")
        .replace("\n", "\\n")
    )


def _line(name: str, value: str) -> bytes:
    """One content line, folded after 75 octets without splitting a UTF-8 character."""
    encoded = f"{name}:{value}".encode()
    if len(encoded) <= 75:
        return encoded + CRLF
    parts, start, width = [], 0, 75
    while start < len(encoded):
        end = min(start + width, len(encoded))
        while end < len(encoded) and encoded[end] & 0xC0 == 0x80:
            end -= 1  # back to the first byte of the character
        parts.append(encoded[start:end])
        start, width = end, 74  # a continuation line starts with a space
    return b"\r\n ".join(parts) + CRLF


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _calendar_lines(name: str) -> list[bytes]:
    return [
        b"BEGIN:VCALENDAR\r\n",
        b"VERSION:2.0\r\n",
        b"PRODID:-//Huis van het Kind//activiteiten//NL\r\n",
        b"CALSCALE:GREGORIAN\r\n",
        b"METHOD:PUBLISH\r\n",
        _line("X-WR-CALNAME", _text(name)),
        _line("X-WR-TIMEZONE", settings.TIME_ZONE),
        b"REFRESH-INTERVAL;VALUE=DURATION:PT6H\r\n",
        b"X-PUBLISHED-TTL:PT6H\r\n",
    ]


def _host() -> str:
    return settings.SITE_URL.split("://", 1)[-1].split("/", 1)[0] or "huisvanhetkind"


def session_event(session, *, house, stamp: str, host: str) -> list[bytes]:
    """The lines of a VEVENT for a session of ``house``. Times are written in UTC: valid for
    every calendar program, no VTIMEZONE needed."""
    activity = session.activity
    lines = [
        b"BEGIN:VEVENT\r\n",
        _line("UID", f"session-{session.pk}@{host}"),
        _line("DTSTAMP", stamp),
        _line("DTSTART", _utc(session.starts_at)),
        _line("DTEND", _utc(session.ends_at)),
        _line("SUMMARY", _text(activity.title)),
    ]
    description = activity.summary or ""
    if session.note:
        description = f"{description}\n{session.note}".strip()
    if description:
        lines.append(_line("DESCRIPTION", _text(description)))
    where = activity.where
    if where:
        lines.append(_line("LOCATION", _text(where)))
    path = reverse("activities:detail", kwargs={"house_slug": house.slug, "pk": activity.pk})
    lines.append(_line("URL", settings.SITE_URL + path))
    lines.append(b"STATUS:CANCELLED\r\n" if session.is_cancelled else b"STATUS:CONFIRMED\r\n")
    lines.append(b"END:VEVENT\r\n")
    return lines


def _calendar(name: str, house, sessions) -> bytes:
    lines = _calendar_lines(name)
    stamp, host = _utc(timezone.now()), _host()
    for session in sessions:
        lines.extend(session_event(session, house=house, stamp=stamp, host=host))
    lines.append(b"END:VCALENDAR\r\n")
    return b"".join(lines)


def session_calendar(session) -> bytes:
    return _calendar(session.activity.title, session.activity.house, [session])


def feed_calendar(name: str, house, sessions) -> bytes:
    """A subscribable feed of the first ``FEED_LIMIT`` of ``sessions`` of ``house`` (soonest
    first)."""
    return _calendar(name, house, sessions[:FEED_LIMIT])
