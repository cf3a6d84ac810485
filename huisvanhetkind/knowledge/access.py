"""Who may read and change the partners' library and the trainings of a house. Every rule of the
knowledge app lives here; outsiders (another house's partner, a family, anonymous) get a 404.

The library and the trainings of a house are read by the professionals of the house's ACTIVE
partners and by its coordinator. A partner's professional adds items and changes their own
organisation's; the coordinator moderates: edits or removes any item of the house."""

from django.db.models import Q
from django.http import Http404

from huisvanhetkind.activities.access import can_manage_activity
from huisvanhetkind.activities.models import Activity, Session
from huisvanhetkind.knowledge.models import LibraryItem, TrainingRegistration
from huisvanhetkind.network.access import (
    coordinated_house_ids,
    is_coordinator,
    is_platform_admin,
    member_organisation_ids,
)
from huisvanhetkind.network.models import House, Organisation, Partnership

LARGEST_ID = 2**31 - 1


def partner_organisations(user, house: House) -> list[Organisation]:
    """The user's organisations that are an active partner of ``house``, by name."""
    mine = member_organisation_ids(user) if user.is_authenticated else set()
    if not mine:
        return []
    return list(
        Organisation.objects.filter(
            pk__in=mine,
            partnerships__house=house,
            partnerships__status=Partnership.Status.ACTIVE,
        )
        .distinct()
        .order_by("name")
    )


def can_read_house(user, house: House) -> bool:
    if house is None or not user.is_authenticated:
        return False
    return is_coordinator(user, house) or bool(partner_organisations(user, house))


def get_house_for_reader(user, house: House) -> House:
    if not can_read_house(user, house):
        raise Http404
    return house


def readable_houses(user) -> list[House]:
    """The houses whose library the user reads (for the dashboard's links)."""
    if not user.is_authenticated:
        return []
    houses = House.objects.filter(is_active=True).order_by("name")
    if is_platform_admin(user):  # a coordinator of every house
        return list(houses)
    partner_of = Partnership.objects.filter(
        organisation__in=member_organisation_ids(user), status=Partnership.Status.ACTIVE
    ).values("house_id")
    # One query, however many houses the platform serves.
    return list(houses.filter(Q(pk__in=coordinated_house_ids(user)) | Q(pk__in=partner_of)))


def can_change_item(user, item: LibraryItem) -> bool:
    if is_coordinator(user, item.house):
        return True
    return item.organisation_id is not None and any(
        o.pk == item.organisation_id for o in partner_organisations(user, item.house)
    )


def item_change_checker(user, house: House):
    """``can_change_item`` for many items of one house, with the user's roles read once."""
    if is_coordinator(user, house):
        return lambda item: True
    mine = {o.pk for o in partner_organisations(user, house)}
    return lambda item: item.organisation_id is not None and item.organisation_id in mine


def _id(pk) -> int:
    pk = int(pk)
    if not 0 < pk <= LARGEST_ID:
        raise Http404
    return pk


def get_item_for_reader(user, house: House, pk) -> LibraryItem:
    get_house_for_reader(user, house)
    item = (
        LibraryItem.objects.select_related("house", "domain", "organisation")
        .filter(house=house, pk=_id(pk))
        .first()
    )
    if item is None:
        raise Http404
    return item


def get_item_for_change(user, house: House, pk) -> LibraryItem:
    item = get_item_for_reader(user, house, pk)
    if not can_change_item(user, item):
        raise Http404
    return item


def get_training_session(user, house: House, pk) -> Session:
    """A published session of a training for professionals of ``house``, for its readers."""
    get_house_for_reader(user, house)
    session = (
        Session.objects.select_related("activity", "activity__house")
        .filter(
            pk=_id(pk),
            activity__house=house,
            activity__audience=Activity.Audience.PROFESSIONALS,
            activity__status=Activity.Status.PUBLISHED,
        )
        .first()
    )
    if session is None:
        raise Http404
    return session


def get_training_session_for_organiser(user, house: House, pk) -> Session:
    """A session of a training whose attendance the user marks: the coordinator of the house or a
    professional of an organising partner (the activities app's rule)."""
    session = (
        Session.objects.select_related("activity", "activity__house")
        .prefetch_related("activity__organisations")
        .filter(
            pk=_id(pk),
            activity__house=house,
            activity__audience=Activity.Audience.PROFESSIONALS,
        )
        .first()
    )
    if session is None or not can_manage_activity(user, session.activity):
        raise Http404
    return session


def get_own_registration(user, house: House, pk) -> TrainingRegistration:
    """The user's own registration (for the certificate); anybody else's is a 404."""
    get_house_for_reader(user, house)
    registration = (
        TrainingRegistration.objects.select_related("session__activity__house", "organisation")
        .filter(pk=_id(pk), user=user, session__activity__house=house)
        .first()
    )
    if registration is None:
        raise Http404
    return registration


def can_organise(user, session: Session) -> bool:
    return can_manage_activity(user, session.activity)
