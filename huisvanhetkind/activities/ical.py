"""iCalendar output: one session, or a subscribable feed of a house's sessions."""

from datetime import timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar, Event

REFRESH = timedelta(hours=6)


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


def session_event(session) -> Event:
    activity = session.activity
    house = activity.house
    event = Event()
    event.add("uid", f"session-{session.pk}@{_host()}")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", session.starts_at)
    event.add("dtend", session.ends_at)
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
    calendar = _calendar(name)
    for session in sessions:
        calendar.add_component(session_event(session))
    return calendar.to_ical()
