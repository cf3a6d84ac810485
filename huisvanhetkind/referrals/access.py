"""Who may see which referral. Every access rule about referrals lives here.

A referral is seen by the people of the two organisations it joins, and by nobody else: the
receiving organisation (what the family shared, the actions) and the referring organisation
(its status and history). The coordinator of the house sees no family's data: they read the
counts on the figures page. A platform administrator without a role in either organisation
sees nothing either.
"""

from django.http import Http404

from huisvanhetkind.network.access import member_organisation_ids
from huisvanhetkind.referrals.models import Referral
from huisvanhetkind.referrals.workflow import Actor

# A database integer: a larger number in the address is no referral (and no database error).
LARGEST_ID = 2**31 - 1


def referral_side(user, referral: Referral) -> str | None:
    """On which side ``user`` sees ``referral``: the receiving organisation (``Actor.RECEIVER``,
    first when they work for both), the referring organisation (``Actor.REFERRER``), or None."""
    mine = member_organisation_ids(user)
    if referral.to_organisation_id in mine:
        return Actor.RECEIVER
    if referral.from_organisation_id in mine:
        return Actor.REFERRER
    return None


def get_referral_for_user(user, pk) -> tuple[Referral, str]:
    """The referral and the side the user sees it from, or Http404."""
    if not user.is_authenticated:
        raise Http404
    mine = member_organisation_ids(user)
    if not mine or not 0 < int(pk) <= LARGEST_ID:
        raise Http404
    referral = (
        Referral.objects.select_related(
            "house",
            "from_organisation",
            "to_organisation",
            "service",
            "referrer",
            "handler",
            "domain",
            "consent",
            "family",
            "child",
        )
        .filter(pk=pk)
        .first()
    )
    if referral is None:
        raise Http404
    side = referral_side(user, referral)
    if side is None:
        raise Http404
    return referral, side
