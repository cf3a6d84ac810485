"""Who may change which service: one place for the rule."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from huisvanhetkind.catalogue.models import Service, Synonym
from huisvanhetkind.network.access import get_house_for_coordinator, is_organisation_member


def get_service_for_editing(user, pk) -> Service:
    """The organisation's own people and the coordinators of its houses; never another partner."""
    service = get_object_or_404(Service.objects.select_related("organisation"), pk=pk)
    if not is_organisation_member(user, service.organisation):
        raise Http404
    return service


def get_synonym_for_coordinator(user, house, pk) -> Synonym:
    """A coordinator edits the synonyms of their own house; the global list is the platform's."""
    get_house_for_coordinator(user, house)
    return get_object_or_404(Synonym, pk=pk, house=house)
