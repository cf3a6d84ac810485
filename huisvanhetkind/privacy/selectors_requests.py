"""Reads of the requests log: the list with its filters (open, late, answered this year, all),
one request, the yearly count for accountability, and what waits within a week. The list and
the request are handed out with their read audited (they name who asked)."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, F, Q
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.audit.services import audit_event, audit_record, audit_record_many
from huisvanhetkind.core.pagination import ListPage, list_page
from huisvanhetkind.network.models import House
from huisvanhetkind.privacy.models import RightsRequest
from huisvanhetkind.privacy.workflow import CLOSED_STATES, OPEN_STATES

PAGE_SIZE = 50
SOON = timedelta(days=7)
FILTERS = {
    "open": _("open"),
    "te-laat": _("te laat"),
    "beantwoord": _("beantwoord dit jaar"),
    "alle": _("alle"),
}


def _filtered(house: House, which: str, today: date):
    requests = RightsRequest.objects.filter(house=house)
    match which:
        case "te-laat":
            return requests.filter(status__in=OPEN_STATES, due_on__lt=today).order_by(
                "due_on", "pk"
            )
        case "beantwoord":
            return requests.filter(status__in=CLOSED_STATES, answered_on__year=today.year).order_by(
                "-answered_on", "-pk"
            )
        case "alle":
            return requests.order_by("-received_on", "-pk")
        case _:
            return requests.filter(status__in=OPEN_STATES).order_by("due_on", "pk")


def requests_read(*, actor, house: House, which: str, page, today: date) -> ListPage:
    """A page of the log, filtered; the read of each shown request audited in one insert."""
    shown = list_page(_filtered(house, which, today), page, size=PAGE_SIZE, count=True)
    audit_record_many(
        [
            audit_event(
                actor=actor,
                action=AuditEvent.Action.READ,
                target=request,
                house=house,
                reason="lijst van privacyverzoeken",
            )
            for request in shown.rows
        ]
    )
    return shown


def request_read(*, actor, request: RightsRequest) -> RightsRequest:
    audit_record(
        actor=actor,
        action=AuditEvent.Action.READ,
        target=request,
        house=request.house,
        reason="privacyverzoek bekeken",
    )
    return request


@dataclass(frozen=True)
class YearCount:
    year: int
    received: int
    answered: int
    on_time: int
    open: int
    late: int  # open and past their deadline

    @property
    def answered_late(self) -> int:
        return self.answered - self.on_time


def year_counts(house: House, today: date) -> list[YearCount]:
    """Per year of receipt: how many came in, were answered, on time, are still open or late."""
    rows = (
        RightsRequest.objects.filter(house=house)
        .annotate(year=ExtractYear("received_on"))
        .values("year")
        .annotate(
            received=Count("pk"),
            answered=Count("pk", filter=Q(status__in=CLOSED_STATES)),
            on_time=Count("pk", filter=Q(status__in=CLOSED_STATES, answered_on__lte=F("due_on"))),
            open=Count("pk", filter=Q(status__in=OPEN_STATES)),
            late=Count("pk", filter=Q(status__in=OPEN_STATES, due_on__lt=today)),
        )
        .order_by("-year")
    )
    return [YearCount(**row) for row in rows]


def open_counts(house: House, today: date) -> dict:
    return RightsRequest.objects.filter(house=house, status__in=OPEN_STATES).aggregate(
        open=Count("pk"), late=Count("pk", filter=Q(due_on__lt=today))
    )


def requests_due_soon(house_ids, today: date):
    """Open requests of these houses due within a week, or late (no personal data read)."""
    return (
        RightsRequest.objects.filter(
            house_id__in=house_ids, status__in=OPEN_STATES, due_on__lte=today + SOON
        )
        .select_related("house")
        .only("pk", "kind", "received_on", "due_on", "status", "house__slug", "house__name")
        .order_by("due_on", "pk")
    )
