"""Who may run a house's babytheek, and the one way a family reaches its own reservation.

The babytheek of a house is run by its coordinator and by the house's bridge workers
(brugfiguren, the house's own people closest to the families; they act as its volunteers on
the platform). Everybody else gets the same 404 whether the house, item, membership or loan
exists or not. A family reaches its reservation only through the signed link of its e-mail.
"""

from django.http import Http404

from huisvanhetkind.babytheek.models import Item, Loan, Membership
from huisvanhetkind.babytheek.signing import unsign
from huisvanhetkind.core.tokens import token_digest
from huisvanhetkind.network.access import is_bridge_worker, is_coordinator, roles_of
from huisvanhetkind.network.models import House

LARGEST_ID = 2**31 - 1


def _id(pk) -> int:
    if not 0 < int(pk) <= LARGEST_ID:
        raise Http404
    return int(pk)


def runs_babytheek(user, house: House | None) -> bool:
    return (
        house is not None
        and house.is_active
        and user.is_authenticated
        and (is_coordinator(user, house) or is_bridge_worker(user, house))
    )


def staffed_houses(user) -> list[House]:
    """The houses whose babytheek the user runs (``runs_babytheek``), from their roles (read
    once per request): no query of its own."""
    houses = {role.house_id: role.house for role in roles_of(user) if role.house_id}
    return [house for house in houses.values() if runs_babytheek(user, house)]


def get_house_for_staff(user, house) -> House:
    if not runs_babytheek(user, house):
        raise Http404
    return house


def get_item_for_staff(user, house, pk) -> Item:
    house = get_house_for_staff(user, house)
    item = Item.objects.filter(house=house, pk=_id(pk)).first()
    if item is None:
        raise Http404
    return item


def get_membership_for_staff(user, house, pk) -> Membership:
    house = get_house_for_staff(user, house)
    membership = Membership.objects.filter(house=house, pk=_id(pk), erased_at__isnull=True).first()
    if membership is None:
        raise Http404
    return membership


def get_loan_for_staff(user, house, pk) -> Loan:
    house = get_house_for_staff(user, house)
    loan = (
        Loan.objects.select_related("item__house", "membership")
        .filter(item__house=house, pk=_id(pk))
        .first()
    )
    if loan is None:
        raise Http404
    return loan


def get_public_item(house, pk) -> Item:
    if house is None or not house.is_active:
        raise Http404
    item = Item.objects.filter(house=house, pk=_id(pk), is_active=True).first()
    if item is None:
        raise Http404
    return item


def get_loan_for_link(house, signed: str) -> Loan:
    """The loan of a family's signed link; an altered, expired or spent link gives 404."""
    token = unsign(signed) if house is not None else None
    if token is None:
        raise Http404
    loan = (
        Loan.objects.select_related("item__house", "membership")
        .filter(token_hash=token_digest(token), item__house=house)
        .first()
    )
    if loan is None:
        raise Http404
    return loan


def get_house_or_404(house) -> House:
    if house is None or not house.is_active:
        raise Http404
    return house
