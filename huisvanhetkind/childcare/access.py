"""Who may see and change what of the childcare offer: one place for each rule."""

from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from huisvanhetkind.childcare.models import ChildcareImport, ChildcareLocation
from huisvanhetkind.network.access import (
    coordinated_house_ids,
    is_childcare_desk,
    is_coordinator,
    is_organisation_member,
    member_organisation_ids,
)


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
