from datetime import time, timedelta

import pytest
from django.utils import timezone

from huisvanhetkind.appointments import selectors, services
from huisvanhetkind.premises import services_hours
from tests.premises.hours_helpers import make_desk, rule_data


def make_appointment_desk(house, organisation=None, slug="loket-kinderopvang", counters=1, **extra):
    """A desk with office hours by appointment every weekday 9-12, 20-minute slots, a notice of
    two hours and a topic."""
    desk = make_desk(
        house,
        name=extra.pop("name", "Lokaal Loket Kinderopvang"),
        slug=slug,
        organisation=organisation,
    )
    services_hours.rule_create(
        actor=None,
        desk=desk,
        data=rule_data(weekdays=[0, 1, 2, 3, 4], starts=time(9), ends=time(12), mode="appointment"),
    )
    services.settings_save(
        actor=None,
        desk=desk,
        data={
            "slot_minutes": 20,
            "counters": counters,
            "horizon_days": 60,
            "notice_hours": 2,
            "is_open": True,
            **extra,
        },
    )
    services.topic_create(
        actor=None,
        desk=desk,
        data={
            "title": "Inkomensattest kinderopvang",
            "what_to_bring": "Je laatste aanslagbiljet en je identiteitskaart.",
            "position": 1,
            "is_active": True,
        },
    )
    return desk


def slots(desk, days=14):
    today = timezone.localdate()
    found = selectors.desk_slots(
        desk, desk.appointment_settings, today, today + timedelta(days=days)
    )
    return [slot for day in found for slot in day.slots if slot.bookable]


def topic_of(desk):
    return desk.appointment_topics.order_by("pk").first()


def book(desk, slot=None, email="sara@example.be", **extra):
    extra.setdefault("name", "Sara Peeters")
    return services.appointment_book(
        actor=None,
        desk=desk,
        topic=extra.pop("topic", None) or topic_of(desk),
        starts_at=getattr(slot, "starts_at", slot)
        if slot is not None
        else slots(desk)[0].starts_at,
        email=email,
        **extra,
    )


@pytest.fixture
def desk(house, organisation):
    return make_appointment_desk(house, organisation)


@pytest.fixture
def other_desk(other_house):
    return make_appointment_desk(other_house, slug="loket-elders")
