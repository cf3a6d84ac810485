"""The demo's rooms, office hours, appointments and baby-gear library, read from ``data/premises.toml`` and written through the services
of the premises app. Written once: what the demo's visitors change is left alone.

Rooms: the three rooms of the physical house at Kapellensteenweg 170 in Kalmthout, the house's
terms, the partners that accepted the usage agreement, and a week of bookings (next week):
approved ones, requests, and one request that overlaps an approved booking (a conflict on the
coordinator's requests page). Written when the house has no room yet."""

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from huisvanhetkind.network.models import House
from huisvanhetkind.premises import services
from huisvanhetkind.premises.models import Room


def _moment(day: date, value: str) -> datetime:
    return datetime.combine(day, time.fromisoformat(value), tzinfo=timezone.get_current_timezone())


def _seed_rooms(data: dict, house: House, organisations: dict, today: date) -> None:
    if Room.objects.filter(house=house).exists():
        return
    services.terms_save(
        actor=None,
        house=house,
        data={
            "cancellation_terms": data["cancellation_terms"].strip(),
            "cancellation_cutoff_hours": data["cancellation_cutoff_hours"],
            "usage_agreement": data["usage_agreement"].strip(),
        },
    )
    for name in data["accepted_by"]:
        services.agreement_accept(actor=None, house=house, organisation=organisations[name])
    rooms = {
        row["name"]: services.room_create(actor=None, house=house, data=row) for row in data["list"]
    }
    monday = today + timedelta(days=7 - today.weekday())
    for row in data["bookings"]:
        day = monday + timedelta(days=row["day"])
        bookings = services.booking_request(
            actor=None,
            house=house,
            organisation=organisations[row["organisation"]],
            room=rooms[row["room"]],
            title=row["title"],
            attendees=row["attendees"],
            starts_at=_moment(day, row["starts"]),
            ends_at=_moment(day, row["ends"]),
            buffer_before=row["buffer_before"],
            buffer_after=row["buffer_after"],
            weeks=row["weeks"],
        )
        if row["status"] == "approved":
            for booking in bookings:
                services.booking_approve(actor=None, booking=booking)


def seed_premises(
    *, data: dict, houses: dict[str, House], organisations: dict, today: date
) -> None:
    """Write the demo's rooms, office hours, appointments and baby-gear library once."""
    rooms = data.get("rooms")
    if rooms and rooms["house"] in houses:
        _seed_rooms(rooms, houses[rooms["house"]], organisations, today)
