"""Who may see the offer in kaart of a house, and who marks its gaps and enters figures.

Read (the heat map, the gaps, the overlaps): the house's coordinator, the members of its
steering group, and the people of its active partners (they keep the offer, they should see
where it falls short). Write (marking a gap, population figures): the coordinator only.
Everybody else gets a 404, whether the house exists or not.
"""

from django.http import Http404

from huisvanhetkind.network.access import (
    is_coordinator,
    is_steering_member,
    member_organisation_ids,
)
from huisvanhetkind.network.models import House, Partnership


def may_read(user, house: House) -> bool:
    if house is None or not user.is_authenticated:
        return False
    if is_coordinator(user, house):
        return True
    if is_steering_member(user, house):
        return True
    mine = member_organisation_ids(user)
    return (
        bool(mine)
        and Partnership.objects.filter(
            house=house, organisation_id__in=mine, status=Partnership.Status.ACTIVE
        ).exists()
    )


def get_house_for_reader(user, house: House) -> House:
    """The house whose coverage the user may read, or Http404."""
    if not may_read(user, house):
        raise Http404
    return house


def get_house_for_marker(user, house: House) -> House:
    """The house whose gaps and population figures the user (its coordinator) keeps."""
    if house is None or not user.is_authenticated or not is_coordinator(user, house):
        raise Http404
    return house
