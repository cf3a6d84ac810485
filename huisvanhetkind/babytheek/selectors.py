"""Reads of the babytheek shared by the pages: the public catalogue with the day each item is
free, and the volunteers' day list, overdue list and members, whose reads of family data are
written to the audit trail here, where the data is handed out."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Prefetch, Q

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.audit.services import audit_event, audit_record_many
from huisvanhetkind.babytheek.models import Item, Loan, Membership, WaitlistEntry
from huisvanhetkind.babytheek.services import available_from
from huisvanhetkind.babytheek.workflow import HOLDS_ITEM
from huisvanhetkind.babytheek.workflow import LoanStatus as S
from huisvanhetkind.network.models import House


@dataclass
class CatalogueEntry:
    item: Item
    available_from: date | None
    waiting: int


def catalogue(house: House, today: date, *, active_only: bool = True) -> list[CatalogueEntry]:
    """The house's items with the first day each can be picked up (None: overdue, back soon)
    and how many families wait for it; three queries whatever the number of items."""
    items = Item.objects.filter(house=house)
    if active_only:
        items = items.filter(is_active=True)
    items = list(
        items.annotate(waiting=Count("waitlist", filter=Q(waitlist__notified_at__isnull=True)))
    )
    loans = defaultdict(list)
    for loan in Loan.objects.filter(item__in=items, status__in=HOLDS_ITEM).only(
        "item_id", "status", "pickup_date", "due_date"
    ):
        loans[loan.item_id].append(loan)
    return [
        CatalogueEntry(item, available_from(item, today, loans[item.pk]), item.waiting)
        for item in items
    ]


def _audit_reads(actor, house: House, loans, reason: str) -> None:
    audit_record_many(
        [
            audit_event(
                actor=actor,
                action=AuditEvent.Action.READ,
                target=loan.membership,
                house=house,
                reason=reason,
            )
            for loan in loans
        ]
    )


def _loans(house: House):
    return Loan.objects.filter(item__house=house).select_related("item", "membership")


def day_list(actor, house: House, day: date) -> dict:
    """The pick-ups (reservations for ``day``, and earlier ones not picked up yet) and the
    returns due on ``day``; the read of the families' names is audited."""
    pickups = list(
        _loans(house).filter(status=S.RESERVED, pickup_date__lte=day).order_by("pickup_date")
    )
    returns = list(_loans(house).filter(status=S.LENT, due_date=day))
    _audit_reads(actor, house, pickups + returns, "babytheek: daglijst")
    return {"pickups": pickups, "returns": returns}


def overdue(actor, house: House, today: date) -> list[Loan]:
    loans = list(_loans(house).filter(status=S.LENT, due_date__lt=today).order_by("due_date"))
    _audit_reads(actor, house, loans, "babytheek: te laat")
    return loans


def memberships(actor, house: House, today: date) -> dict:
    """The current members (names audited) and the anonymous counts (social tariff only
    counted, never shown per member)."""
    current = Membership.objects.filter(
        house=house, erased_at__isnull=True, valid_until__gte=today
    ).order_by("valid_until", "pk")
    members = list(current)
    audit_record_many(
        [
            audit_event(
                actor=actor,
                action=AuditEvent.Action.READ,
                target=m,
                house=house,
                reason="babytheek: leden",
            )
            for m in members
        ]
    )
    return {
        "members": members,
        "count": len(members),
        "social_tariff": sum(1 for m in members if m.social_tariff),
        "unpaid": sum(1 for m in members if not m.fee_paid),
    }


def loan_read(actor, loan: Loan) -> Loan:
    _audit_reads(actor, loan.item.house, [loan], "babytheek: ontlening")
    return loan


# --- A family's own records ("Mijn gegevens") --------------------------------------------------


def memberships_by_email_digests(digests: list[str]) -> list[Membership]:
    """The memberships not erased yet whose e-mail address has one of ``digests`` (the keyed
    digests of one address), in every house, latest first, each with its loans and items."""
    if not digests:
        return []
    return list(
        Membership.objects.filter(email_digest__in=digests, erased_at__isnull=True)
        .select_related("house")
        .prefetch_related(
            Prefetch(
                "loans",
                queryset=Loan.objects.select_related("item__house").order_by("-pickup_date", "-pk"),
            )
        )
        .order_by("-valid_until", "-pk")
    )


def waitlist_by_email_digests(digests: list[str]) -> list[WaitlistEntry]:
    """The waitlist places whose e-mail address has one of ``digests``, in every house."""
    if not digests:
        return []
    return list(
        WaitlistEntry.objects.filter(email_digest__in=digests)
        .select_related("item__house")
        .order_by("-created_at", "-pk")
    )
