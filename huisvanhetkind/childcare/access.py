"""Who may see and change what of the childcare offer: one place for each rule."""

import secrets

from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from huisvanhetkind.childcare.models import (
    AllocationRound,
    ChildcareImport,
    ChildcareLocation,
    ChildcareRequest,
    Placement,
    RequestStatus,
    UrgentRequest,
)
from huisvanhetkind.childcare.selectors import house_has_desk
from huisvanhetkind.core.tokens import token_digest
from huisvanhetkind.network.access import (
    coordinated_house_ids,
    is_childcare_desk,
    is_coordinator,
    is_organisation_member,
    member_organisation_ids,
)
from huisvanhetkind.network.models import Designation, House, Organisation, Partnership


def get_location_for_provider(user, pk) -> ChildcareLocation:
    """A provider keeps its own locations current: the organisation's people (and, as for the
    rest of its offer, the coordinators of its houses); never another partner or the desk."""
    childcare = get_object_or_404(
        ChildcareLocation.objects.select_related(
            "service", "service__organisation", "house", "location", "location__municipality"
        ),
        pk=pk,
    )
    if not is_organisation_member(user, childcare.service.organisation):
        raise Http404
    return childcare


def provider_locations_filter(user) -> Q:
    """The locations ``get_location_for_provider`` lets the user keep: those of the
    organisations they work for and, for a coordinator, of the partners of their houses."""
    houses = coordinated_house_ids(user)
    own = Q(service__organisation_id__in=member_organisation_ids(user))
    if not houses:
        return own
    return own | Q(
        service__organisation__partnerships__house_id__in=houses,
    )


def may_run_desk(user, house) -> bool:
    """The house's Lokaal Loket Kinderopvang and its coordinator."""
    return house is not None and (is_childcare_desk(user, house) or is_coordinator(user, house))


def get_house_for_desk(user, house):
    if not may_run_desk(user, house):
        raise Http404
    return house


def get_import_for_desk(user, house, pk) -> ChildcareImport:
    get_house_for_desk(user, house)
    return get_object_or_404(ChildcareImport, pk=pk, house=house)


# --- Requests (opvangvragen) -------------------------------------------------------------------


def get_request_by_token(house, token: str) -> ChildcareRequest:
    """The family's private page: the link is the only key. Erased requests have no link."""
    digest = token_digest(token or "")
    childcare_request = (
        ChildcareRequest.objects.filter(house=house, token_hash=digest, erased_at__isnull=True)
        .select_related("house", "family", "child", "municipality")
        .first()
    )
    if childcare_request is None or not secrets.compare_digest(
        childcare_request.token_hash, digest
    ):
        raise Http404
    return childcare_request


def get_request_for_desk(user, house, pk) -> ChildcareRequest:
    """A request of the house, for its desk and coordinator; never another house's."""
    get_house_for_desk(user, house)
    return get_object_or_404(
        ChildcareRequest.objects.select_related("house", "family", "child", "municipality"),
        pk=pk,
        house=house,
        erased_at__isnull=True,
    )


def provider_request_organisation_ids(user) -> set[int]:
    """Whose wished locations a user sees requests for: the organisations they work for."""
    return member_organisation_ids(user)


def get_request_for_provider(user, pk) -> ChildcareRequest:
    """An active request that wishes a location of an organisation the user works for; another
    partner, even of the same house, gets a 404."""
    organisation_ids = provider_request_organisation_ids(user)
    childcare_request = get_object_or_404(
        ChildcareRequest.objects.select_related("house", "child", "municipality"),
        pk=pk,
        erased_at__isnull=True,
        status__in=(RequestStatus.OPEN, RequestStatus.OFFERED),
    )
    if (
        not organisation_ids
        or not childcare_request.wishes.filter(
            location__service__organisation_id__in=organisation_ids
        ).exists()
    ):
        raise Http404
    return childcare_request


# --- allocation rounds and placements (views_rounds) ---------------------------------------------


def get_round_for_desk(user, house, pk):
    """A round of the house, for its desk and coordinator only."""
    get_house_for_desk(user, house)
    return get_object_or_404(AllocationRound, pk=pk, house=house)


def get_placement_for_provider(user, pk) -> Placement:
    """A placement at one of the provider's own locations (as ``get_location_for_provider``)."""
    placement = get_object_or_404(
        Placement.objects.select_related(
            "location__service__organisation", "location__house", "request", "round"
        ),
        pk=pk,
    )
    if not is_organisation_member(user, placement.location.service.organisation):
        raise Http404
    return placement


def get_offer_for_family(childcare_request, pk) -> Placement:
    """A placement of the family's own request."""
    return get_object_or_404(
        Placement.objects.select_related("location__service", "round", "request__family"),
        pk=pk,
        request=childcare_request,
    )


# --- Urgent requests (dringende opvangvragen) --------------------------------------------------


def get_urgent_for_desk(user, house, pk) -> UrgentRequest:
    """An urgent request with the family's data: only the house's desk and coordinator."""
    get_house_for_desk(user, house)
    return get_object_or_404(
        UrgentRequest.objects.select_related(
            "house", "family", "child", "municipality", "filed_by_organisation", "placed_at"
        ),
        pk=pk,
        house=house,
        erased_at__isnull=True,
    )


def get_urgent_by_token(house, token: str) -> UrgentRequest:
    """The family's private page of an urgent request: the link is the only key."""
    digest = token_digest(token)
    urgent = (
        UrgentRequest.objects.filter(house=house, token_hash=digest, erased_at__isnull=True)
        .select_related("house", "family", "child", "placed_at__service", "placed_at__location")
        .first()
    )
    if urgent is None or not secrets.compare_digest(urgent.token_hash, digest):
        raise Http404
    return urgent


def urgent_filing_houses(user) -> list:
    """The houses for which a professional files an urgent request: those with a childcare desk
    where an organisation they work for is an active partner, or that they coordinate."""
    partner_houses = Partnership.objects.filter(
        organisation_id__in=member_organisation_ids(user), status=Partnership.Status.ACTIVE
    ).values("house_id")
    return list(
        House.objects.filter(
            Q(pk__in=partner_houses) | Q(pk__in=coordinated_house_ids(user)),
            designations__kind=Designation.Kind.CHILDCARE_DESK,
        )
        .distinct()
        .order_by("name")
    )


def urgent_filing_organisation(user, house):
    """On behalf of which organisation a professional files for ``house``: the first (by name)
    they work for that is an active partner of it; None for a coordinator."""
    return (
        Organisation.objects.filter(
            pk__in=member_organisation_ids(user),
            partnerships__house=house,
            partnerships__status=Partnership.Status.ACTIVE,
        )
        .order_by("name")
        .first()
    )


def get_urgent_for_offer(user, pk, location_pk) -> tuple[UrgentRequest, ChildcareLocation]:
    """A provider offers a place at one of its own locations, for an urgent request of that
    location's house (which it sees only anonymised)."""
    location = get_location_for_provider(user, location_pk)
    urgent = get_object_or_404(
        UrgentRequest.objects.select_related("house"),
        pk=pk,
        house_id=location.house_id,
        erased_at__isnull=True,
    )
    return urgent, location


def get_house_for_urgent_form(house):
    """The family's urgent form exists only in a house that has a childcare desk to answer it."""
    if house is None or not house_has_desk(house):
        raise Http404
    return house
