"""The one access rule of care coordination, shared by the family plan and the care paths.

An organisation takes part in a family's plan or care path only through a consent of that family
(``referrals.Consent``: the family, the organisation as recipient, a purpose, an end date), and
sees the plan or path only while that consent is current: not withdrawn and not past its end
date. The rule is checked at every read, so an expired or withdrawn consent hides the plan from
that organisation at once, without a job having to run. A coordinator sees counts, never content;
a signal (``care.Signal``) does not open a plan: it knows a child's number, not a family.
"""

from datetime import date

from django.db.models import Q

from huisvanhetkind.network.access import member_organisation_ids
from huisvanhetkind.referrals.models import Consent


def current_consent_q(today: date, prefix: str = "") -> Q:
    """The condition for a current consent; ``prefix`` (e.g. ``"consent__"``) reaches it from a
    model that holds the consent as a foreign key."""
    return Q(**{f"{prefix}withdrawn_at__isnull": True, f"{prefix}expires_on__gte": today})


def current_consents(*, family_id: int, house_id: int, today: date):
    """The family's current consents in the house."""
    return Consent.objects.filter(current_consent_q(today), family_id=family_id, house_id=house_id)


def consenting_organisation_ids(*, family_id: int, house_id: int, today: date) -> set[int]:
    """The organisations the family has a current consent with in the house."""
    return set(
        current_consents(family_id=family_id, house_id=house_id, today=today).values_list(
            "recipient_id", flat=True
        )
    )


def user_consenting_organisation_ids(user, *, family_id: int, house_id: int, today) -> set[int]:
    """The user's organisations that the family has a current consent with (empty for anybody
    else, anonymous visitors included)."""
    if not user.is_authenticated:
        return set()
    mine = member_organisation_ids(user)
    if not mine:
        return set()
    return mine & consenting_organisation_ids(family_id=family_id, house_id=house_id, today=today)
