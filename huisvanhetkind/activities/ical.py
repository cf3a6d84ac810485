"""iCalendar output: one session, or a subscribable feed of a house's sessions."""

from datetime import UTC, timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar, Event

REFRESH = timedelta(hours=6)
# A feed holds the next sessions only: calendar programs fetch it again every few hours, and
# the time to build a feed (the icalendar library: about 0.4 ms per event) and its size stay
# bounded however large the house's calendar is.
FEED_LIMIT = 50


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//Huis van het Kind//activiteiten//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT6H")
    return calendar


def _host() -> str:
    return settings.SITE_URL.split("://", 1)[-1].split("/", 1)[0] or "huisvanhetkind"


def session_event(session, *, stamp=None) -> Event:
    """A VEVENT for a session. Times are written in UTC: valid for every calendar program, no
    VTIMEZONE needed, and three times cheaper for the library than a TZID."""
    activity = session.activity
    house = activity.house
    event = Event()
    event.add("uid", f"session-{session.pk}@{_host()}")
    event.add("dtstamp", stamp or timezone.now().astimezone(UTC))
    event.add("dtstart", session.starts_at.astimezone(UTC))
    event.add("dtend", session.ends_at.astimezone(UTC))
    event.add("summary", activity.title)
    description = activity.summary or ""
    if session.note:
        description = f"{description}\n{session.note}".strip()
    if description:
        event.add("description", description)
    where = activity.where
    if where:
        event.add("location", where)
    event.add(
        "url",
        settings.SITE_URL
        + reverse("activities:detail", kwargs={"house_slug": house.slug, "pk": activity.pk}),
    )
    event.add("status", "CANCELLED" if session.is_cancelled else "CONFIRMED")
    return event


def session_calendar(session) -> bytes:
    calendar = _calendar(session.activity.title)
    calendar.add_component(session_event(session))
    return calendar.to_ical()


def feed_calendar(name: str, sessions) -> bytes:
    """A subscribable feed of the first ``FEED_LIMIT`` of ``sessions`` (soonest first)."""
    calendar = _calendar(name)
    stamp = timezone.now().astimezone(UTC)
    for session in sessions[:FEED_LIMIT]:
        calendar.add_component(session_event(session, stamp=stamp))
    return calendar.to_ical()
