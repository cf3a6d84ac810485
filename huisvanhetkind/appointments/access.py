"""Who may see a desk's appointments, and the one way a family reaches its own appointment.

A desk's day list, its appointment settings and topics are for the coordinator of the desk's
house and for the workers (and admins) of the desk's organisation. Everybody else gets the same
404 whether the house, desk or appointment exists or not. A family reaches its appointment only
through the signed link of its e-mail.
"""

from django.db.models import Q
from django.http import Http404

from huisvanhetkind.appointments.models import Appointment, Topic
from huisvanhetkind.appointments.signing import unsign
from huisvanhetkind.core.tokens import token_digest
from huisvanhetkind.network.access import is_coordinator, member_organisation_ids, works_for
from huisvanhetkind.network.models import House
from huisvanhetkind.premises.models import Desk

LARGEST_ID = 2**31 - 1


def _id(pk) -> int:
    if not 0 < int(pk) <= LARGEST_ID:
        raise Http404
    return int(pk)


def manages_desk(user, desk: Desk) -> bool:
    return user.is_authenticated and (
        is_coordinator(user, desk.house)
        or (desk.organisation_id is not None and works_for(user, desk.organisation))
    )


def staff_desks(user, house: House | None) -> list[Desk]:
    """The desks of ``house`` whose appointments the user manages; 404 when there are none."""
    if house is None or not house.is_active or not user.is_authenticated:
        raise Http404
    desks = Desk.objects.filter(house=house).select_related("house", "organisation")
    if not is_coordinator(user, house):
        desks = desks.filter(
            Q(organisation_id__in=member_organisation_ids(user)) & Q(organisation__isnull=False)
        )
    found = [desk for desk in desks.order_by("name") if manages_desk(user, desk)]
    if not found:
        raise Http404
    return found


def get_desk_for_staff(user, house, pk) -> Desk:
    if house is None or not house.is_active:
        raise Http404
    desk = (
        Desk.objects.filter(house=house, pk=_id(pk)).select_related("house", "organisation").first()
    )
    if desk is None or not manages_desk(user, desk):
        raise Http404
    return desk


def get_topic_for_staff(user, house, desk_pk, pk) -> Topic:
    desk = get_desk_for_staff(user, house, desk_pk)
    topic = Topic.objects.filter(desk=desk, pk=_id(pk)).select_related("desk__house").first()
    if topic is None:
        raise Http404
    return topic


def get_appointment_for_staff(user, house, desk_pk, pk) -> Appointment:
    desk = get_desk_for_staff(user, house, desk_pk)
    appointment = (
        Appointment.objects.filter(desk=desk, pk=_id(pk), erased_at__isnull=True)
        .select_related("desk__house", "topic")
        .first()
    )
    if appointment is None:
        raise Http404
    return appointment


def acting_organisation(user, desk: Desk):
    """On behalf of which organisation the user reads the day list (None: the coordinator)."""
    if is_coordinator(user, desk.house):
        return None
    return desk.organisation


def get_house_or_404(house) -> House:
    if house is None or not house.is_active:
        raise Http404
    return house


def get_appointment_for_link(house, signed: str) -> Appointment:
    """The appointment of a family's signed link; an altered, expired or spent link gives 404."""
    token = unsign(signed) if house is not None else None
    if token is None:
        raise Http404
    appointment = (
        Appointment.objects.select_related("desk__house", "topic", "desk__appointment_settings")
        .filter(token_hash=token_digest(token), desk__house=house)
        .first()
    )
    if appointment is None:
        raise Http404
    return appointment
