"""The demo's appointments, read from ``data/appointments.toml`` and written through the
services of the appointments app, without e-mail (``core.mail.no_mail``).

Kalmthout's childcare desk, Opvoedingspunt and help with paperwork (seed 001 §2.7: the child
benefit, the UiTPAS social tariff, a study grant, the childcare income certificate) take
appointments (settings and topics with what to bring) in the hours by appointment that the
premises demo gave them; a few families are booked in the first free slots. A desk the premises
demo did not make is left out. Written once: when a desk has settings, the seeder leaves it and
whatever the demo's visitors changed."""

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from huisvanhetkind.appointments import selectors, services
from huisvanhetkind.appointments.models import AppointmentSettings
from huisvanhetkind.core.mail import no_mail
from huisvanhetkind.network.models import House
from huisvanhetkind.premises.models import Desk

SETTINGS = ("slot_minutes", "counters", "horizon_days", "notice_hours")
BOOKING = ("phone", "language", "interpreter", "interpreter_language", "wheelchair", "note")


def _seed_desk(row: dict, desk: Desk, today: date) -> None:
    settings = services.settings_save(
        actor=None, desk=desk, data={**{k: row[k] for k in SETTINGS}, "is_open": True}
    )
    topics = {
        topic["title"]: services.topic_create(
            actor=None,
            desk=desk,
            data={
                "title": topic["title"],
                "what_to_bring": topic.get("what_to_bring", ""),
                "position": position,
                "is_active": True,
            },
        )
        for position, topic in enumerate(row.get("topics", []))
    }
    days = selectors.desk_slots(
        desk, settings, today, today + timedelta(days=settings.horizon_days)
    )
    free = [slot.starts_at for day in days for slot in day.slots if slot.bookable]
    for booking in row.get("bookings", []):
        if booking["slot"] >= len(free):
            continue
        services.appointment_book(
            actor=None,
            desk=desk,
            topic=topics[booking["topic"]],
            starts_at=free[booking["slot"]],
            name=booking["name"],
            email=booking["email"],
            **{k: booking[k] for k in BOOKING if k in booking},
        )


def seed_appointments(
    *, data: dict, houses: dict[str, House], organisations: dict, today: date
) -> None:
    """Write the demo's appointments once (see the module's docstring)."""
    house = houses.get(data.get("house", ""))
    if house is None:
        return
    today = max(today, timezone.localdate())  # slots are only free from now on
    with transaction.atomic(), no_mail():
        for row in data.get("desks", []):
            desk = Desk.objects.filter(house=house, slug=row["slug"]).first()
            if desk is None or AppointmentSettings.objects.filter(desk=desk).exists():
                continue
            _seed_desk(row, desk, today)
