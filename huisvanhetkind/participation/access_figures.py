"""Who may see the needs and reach of a house, and switch its open data on or off.

- The needs and reach pages: the house's coordinator and the members of its steering group (a
  network group of kind "stuurgroep"). Everybody else (another house's coordinator, a partner's
  worker, anonymous visitors) gets a 404, the same as for a house that does not exist.
- Switching open data on or off: the house's coordinator only.
- The public open-data page: everybody, but only while the house has opted in (else a 404).
"""

from django.http import Http404

from huisvanhetkind.network.access import is_coordinator, is_steering_member
from huisvanhetkind.network.models import House
from huisvanhetkind.participation.models import OpenDataSetting


def may_read_figures(user, house: House) -> bool:
    if house is None or not user.is_authenticated:
        return False
    return is_coordinator(user, house) or is_steering_member(user, house)


def get_house_for_figures(user, house: House) -> House:
    if not may_read_figures(user, house):
        raise Http404
    return house


def get_house_for_open_data_setting(user, house: House) -> House:
    if house is None or not user.is_authenticated or not is_coordinator(user, house):
        raise Http404
    return house


def get_open_house(house: House) -> tuple[House, OpenDataSetting]:
    """The house and its setting when it publishes open data, else Http404."""
    if house is None:
        raise Http404
    setting = OpenDataSetting.objects.filter(house=house, enabled=True).first()
    if setting is None:
        raise Http404
    return house, setting
