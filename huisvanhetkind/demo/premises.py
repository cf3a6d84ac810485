"""The demo's rooms, office hours, appointments and baby-gear library, read from ``data/premises.toml`` and written through the services
of the premises app. Written once: what the demo's visitors change is left alone.

Rooms: the three rooms of the physical house at Kapellensteenweg 170 in Kalmthout, the house's
terms, the partners that accepted the usage agreement, and a week of bookings (next week):
approved ones, requests, and one request that overlaps an approved booking (a conflict on the
coordinator's requests page). Written when the house has no room yet.

Office hours: the desks of the house (the Lokaal Loket Kinderopvang, the Opvoedingspunt, help
with paperwork) with their rules and own closures, and the house's Christmas closure. Written when the house has no desk yet; a name
of an organisation, service or room the demo lacks is left out, not an error."""

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from huisvanhetkind.catalogue.models import Service
from huisvanhetkind.network.models import House, Location
from huisvanhetkind.premises import services, services_hours
from huisvanhetkind.premises.models import Desk, Room


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


def _christmas(data: dict, today: date) -> tuple[date, date]:
    """The coming (or current) Christmas holidays, from the month-day pairs of the data."""
    start_month, start_day = (int(x) for x in data["starts"].split("-"))
    end_month, end_day = (int(x) for x in data["ends"].split("-"))
    year = today.year - 1 if today <= date(today.year, end_month, end_day) else today.year
    return date(year, start_month, start_day), date(year + 1, end_month, end_day)


def _rule_dates(row: dict, today: date) -> list[date]:
    """The Saturdays of the given weeks after ``today``."""
    saturday = today + timedelta(days=(5 - today.weekday()) % 7)
    return [saturday + timedelta(weeks=week) for week in row.get("saturdays_in_weeks", [])]


def _seed_hours(data: dict, house: House, organisations: dict, today: date) -> None:
    if Desk.objects.filter(house=house).exists():
        return
    location = Location.objects.filter(house=house).order_by("pk").first()
    for row in data["desks"]:
        organisation = organisations.get(row["organisation"])
        service = (
            Service.objects.filter(organisation=organisation, name=row["service"]).first()
            if organisation
            else None
        )
        desk = services_hours.desk_create(
            actor=None,
            house=house,
            data={
                "name": row["name"],
                "slug": row["slug"],
                "description": row["description"],
                "organisation": organisation,
                "service": service,
                "room": Room.objects.filter(house=house, name=row.get("room", "")).first(),
                "location": location,
                "is_active": True,
            },
        )
        monday = today - timedelta(days=today.weekday())
        for rule in row["rules"]:
            services_hours.rule_create(
                actor=None,
                desk=desk,
                data={
                    "kind": rule["kind"],
                    "weekdays": rule.get("weekdays", []),
                    "positions": rule.get("positions", []),
                    "dates": _rule_dates(rule, today),
                    "starts": time.fromisoformat(rule["starts"]),
                    "ends": time.fromisoformat(rule["ends"]),
                    "mode": rule["mode"],
                    "interval": rule.get("interval", 1),
                    # every other week: counted from the week of the demo's today
                    "valid_from": monday if rule.get("anchor_this_week") else None,
                    "valid_until": None,
                    "note": rule.get("note", ""),
                },
            )
        for closure in row.get("closures", []):
            starts_on, ends_on = _christmas(closure, today)
            services_hours.closure_create(
                actor=None,
                house=house,
                desk=desk,
                starts_on=starts_on,
                ends_on=ends_on,
                reason=closure["reason"],
            )
    for row in data.get("closures", []):
        starts_on, ends_on = _christmas(row, today)
        services_hours.closure_create(
            actor=None, house=house, starts_on=starts_on, ends_on=ends_on, reason=row["reason"]
        )


def seed_premises(
    *, data: dict, houses: dict[str, House], organisations: dict, today: date
) -> None:
    """Write the demo's rooms, office hours, appointments and baby-gear library once."""
    rooms = data.get("rooms")
    if rooms and rooms["house"] in houses:
        _seed_rooms(rooms, houses[rooms["house"]], organisations, today)
    hours = data.get("hours")
    if hours and hours["house"] in houses:
        _seed_hours(hours, houses[hours["house"]], organisations, today)
