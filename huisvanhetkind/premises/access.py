"""Who may see and book which room and booking.

The rooms of a house are seen by its coordinator and by the professionals of its active
partners. A booking's details (who, what) are seen by the professionals of the organisation that
requested it and by the coordinator; everybody else sees only that a time is taken. Everybody
else gets the same 404 whether the house, room or booking exists or not.

A subscribable calendar link opens its feed without a log-in, for as long as it is not revoked
and its maker still sees the house's rooms (and, for an organisation's link, still works for
that active partner); anything else is the same 404.

The office hours are public; their desks, rules and closures are managed by the coordinator of
the house only (a desk of another house is a 404).
"""

from django.http import Http404

from huisvanhetkind.core.tokens import token_digest
from huisvanhetkind.network.access import (
    coordinated_house_ids,
    is_coordinator,
    member_organisation_ids,
)
from huisvanhetkind.network.models import House, Organisation, Partnership
from huisvanhetkind.premises.models import (
    Booking,
    CalendarLink,
    Closure,
    Desk,
    OfficeHourRule,
    Room,
)

LARGEST_ID = 2**31 - 1
# Longer than any token we make (43 characters): anything longer is refused without hashing it.
TOKEN_MAX_LENGTH = 100


def _id(pk) -> int:
    if not 0 < int(pk) <= LARGEST_ID:
        raise Http404
    return int(pk)


def partner_organisations(user, house: House) -> list[Organisation]:
    """The user's organisations that are an active partner of ``house``."""
    return list(
        Organisation.objects.filter(
            pk__in=member_organisation_ids(user),
            partnerships__house=house,
            partnerships__status=Partnership.Status.ACTIVE,
        ).order_by("name")
    )


def get_house_for_rooms(user, house: House) -> tuple[House, list[Organisation], bool]:
    """The house, the user's partner organisations in it, and whether the user coordinates it."""
    if house is None or not house.is_active or not user.is_authenticated:
        raise Http404
    coordinator = is_coordinator(user, house)
    organisations = partner_organisations(user, house)
    if not coordinator and not organisations:
        raise Http404
    return house, organisations, coordinator


def get_house_for_coordinator(user, house) -> House:
    house, _organisations, coordinator = get_house_for_rooms(user, house)
    if not coordinator:
        raise Http404
    return house


def get_room_for_user(user, house, pk) -> tuple[Room, list[Organisation], bool]:
    house, organisations, coordinator = get_house_for_rooms(user, house)
    room = Room.objects.filter(house=house, pk=_id(pk)).select_related("house").first()
    if room is None:
        raise Http404
    return room, organisations, coordinator


def get_booking_for_partner(user, house, pk) -> Booking:
    """A booking of the user's own organisation in the house."""
    house, organisations, _coordinator = get_house_for_rooms(user, house)
    booking = (
        Booking.objects.select_related("room__house", "organisation")
        .filter(pk=_id(pk), room__house=house, organisation__in=organisations)
        .first()
    )
    if booking is None:
        raise Http404
    return booking


def get_booking_for_coordinator(user, house, pk) -> Booking:
    house = get_house_for_coordinator(user, house)
    booking = (
        Booking.objects.select_related("room__house", "organisation", "requested_by")
        .filter(pk=_id(pk), room__house=house)
        .first()
    )
    if booking is None:
        raise Http404
    return booking


def houses_with_rooms(user) -> list[House]:
    """The active houses whose rooms the user sees: coordinated, or of an active partnership."""
    if not user.is_authenticated:
        return []
    return list(
        House.objects.filter(is_active=True)
        .filter(
            pk__in=set(coordinated_house_ids(user))
            | set(
                Partnership.objects.filter(
                    organisation_id__in=member_organisation_ids(user),
                    status=Partnership.Status.ACTIVE,
                ).values_list("house_id", flat=True)
            )
        )
        .order_by("name")
    )


# --- Subscribable calendars --------------------------------------------------------------------


def get_calendar_link(house, token: str) -> CalendarLink:
    """The working link of ``house`` whose token is ``token`` (the public feed); 404 for an
    unknown, altered or revoked token, another house's link, or a maker who no longer sees the
    house's rooms (or no longer works for the link's organisation)."""
    if house is None or not house.is_active or not token or len(token) > TOKEN_MAX_LENGTH:
        raise Http404
    link = (
        CalendarLink.objects.filter(
            house=house, digest=token_digest(token), revoked_at__isnull=True
        )
        .select_related("house", "room__house", "organisation", "created_by")
        .first()
    )
    if link is None or not link.created_by.is_active:
        raise Http404
    organisations = partner_organisations(link.created_by, house)
    if link.organisation_id is not None:
        allowed = any(o.pk == link.organisation_id for o in organisations)
    else:
        allowed = bool(organisations) or is_coordinator(link.created_by, house)
    if not allowed:
        raise Http404
    return link


def get_calendar_link_for_user(user, house, pk) -> CalendarLink:
    """A working link the user made in the house (to revoke it)."""
    house, _organisations, _coordinator = get_house_for_rooms(user, house)
    link = (
        CalendarLink.objects.filter(
            house=house, created_by=user, pk=_id(pk), revoked_at__isnull=True
        )
        .select_related("house", "room", "organisation")
        .first()
    )
    if link is None:
        raise Http404
    return link


# --- Office hours ------------------------------------------------------------------------------


def get_desk_for_coordinator(user, house, pk) -> Desk:
    house = get_house_for_coordinator(user, house)
    desk = Desk.objects.filter(house=house, pk=_id(pk)).select_related("house").first()
    if desk is None:
        raise Http404
    return desk


def get_rule_for_coordinator(user, house, pk) -> OfficeHourRule:
    house = get_house_for_coordinator(user, house)
    rule = (
        OfficeHourRule.objects.filter(desk__house=house, pk=_id(pk))
        .select_related("desk__house")
        .first()
    )
    if rule is None:
        raise Http404
    return rule


def get_closure_for_coordinator(user, house, pk) -> Closure:
    house = get_house_for_coordinator(user, house)
    closure = (
        Closure.objects.filter(house=house, pk=_id(pk)).select_related("house", "desk").first()
    )
    if closure is None:
        raise Http404
    return closure
