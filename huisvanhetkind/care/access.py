"""Who may see which signal. Every access rule of the signal index lives here.

A signal (and through it its matches: organisation, contact and date of the others) is seen only
by the people of the organisation that made it. Everybody else, a coordinator included, gets the
same 404 whether the signal exists or not: nobody learns that a child is signalled. The
coordinator sees the house's counts only; the parent sees their child's signals through the link.
"""

from django.http import Http404

from huisvanhetkind.care.models import Signal
from huisvanhetkind.care.selectors import signal_for_parent_token
from huisvanhetkind.network.access import get_house_for_coordinator, member_organisation_ids

LARGEST_ID = 2**31 - 1


def get_signal_for_user(user, pk) -> Signal:
    """A signal of one of the user's organisations (withdrawn ones until they are erased), or
    Http404 (the same for a signal that does not exist)."""
    if not user.is_authenticated:
        raise Http404
    mine = member_organisation_ids(user)
    if not mine or not 0 < int(pk) <= LARGEST_ID:
        raise Http404
    signal = (
        Signal.objects.select_related("house", "organisation", "contact", "domain")
        .filter(pk=pk, organisation_id__in=mine)
        .first()
    )
    if signal is None:
        raise Http404
    return signal


def get_signal_for_parent(house_slug: str, token: str) -> Signal:
    signal = signal_for_parent_token(house_slug, token)
    if signal is None:
        raise Http404
    return signal


def get_house_for_counts(user, house):
    """The house whose counts the user (its coordinator) may see, or Http404."""
    if not user.is_authenticated:
        raise Http404
    return get_house_for_coordinator(user, house)
