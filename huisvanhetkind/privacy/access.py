"""Who may see the requests log of a house: its coordinator (and a platform admin, who acts as
coordinator of every house). Everybody else gets the same 404 whether the house or the request
exists or not."""

from django.http import Http404

from huisvanhetkind.network.access import is_coordinator
from huisvanhetkind.privacy.models import RightsRequest

LARGEST_ID = 2**31 - 1


def get_house_for_requests(user, house):
    if house is None or not house.is_active or not is_coordinator(user, house):
        raise Http404
    return house


def get_request_for_user(user, house, pk) -> RightsRequest:
    house = get_house_for_requests(user, house)
    if not 0 < int(pk) <= LARGEST_ID:
        raise Http404
    request = RightsRequest.objects.select_related("house").filter(house=house, pk=pk).first()
    if request is None:
        raise Http404
    return request
