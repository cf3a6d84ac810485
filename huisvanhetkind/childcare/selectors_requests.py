"""Reads of the childcare requests (opvangvragen): which municipalities border which, which
locations a family may wish, the desk's and the providers' lists and the audited reads of one
request by a professional."""

import json
from calendar import monthrange
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.audit.services import audit_record
from huisvanhetkind.childcare.models import (
    ChildcareLocation,
    ChildcareRequest,
    RequestStatus,
    RequestWish,
    age_label,
)
from huisvanhetkind.childcare.months import parse_month
from huisvanhetkind.core.pagination import ListPage
from huisvanhetkind.core.pagination import list_page as core_list_page
from huisvanhetkind.network.access import acting_organisation
from huisvanhetkind.network.models import Designation, House, Municipality

NEIGHBOURS_FILE = Path(__file__).resolve().parent / "data" / "neighbours.json"
DESK_PAGE_SIZE = 50
# The encrypted fields a list never needs: left out of its query.
ENCRYPTED_FIELDS = ("token", "days_note", "care_needs", "note")


# --- Municipalities and the locations a family may wish ---------------------------------------


@lru_cache(maxsize=1)
def _borders() -> dict[str, frozenset[str]]:
    data = json.loads(NEIGHBOURS_FILE.read_text(encoding="utf-8"))
    neighbours: dict[str, set[str]] = {}
    for a, b in data["borders"]:
        neighbours.setdefault(a, set()).add(b)
        neighbours.setdefault(b, set()).add(a)
    return {code: frozenset(codes) for code, codes in neighbours.items()}


def neighbour_codes(nis_code: str) -> frozenset[str]:
    """The NIS codes of the municipalities that border ``nis_code`` (``data/neighbours.json``)."""
    return _borders().get(nis_code, frozenset())


def municipality_choices(house: House) -> list:
    """The house's municipalities first, then every other one (grouped, for a select)."""
    own = list(house.municipalities.order_by("name").values_list("nis_code", "name"))
    codes = {code for code, _name in own}
    others = [
        (code, name)
        for code, name in Municipality.objects.order_by("name").values_list("nis_code", "name")
        if code not in codes
    ]
    return [
        ("", gettext("Kies je gemeente")),
        (gettext("Gemeenten van dit Huis van het Kind"), own),
        (gettext("Andere gemeenten"), others),
    ]


def municipality_by_code(nis_code: str) -> Municipality | None:
    return Municipality.objects.filter(nis_code=nis_code).first()


def wishable_municipality_ids(house: House, municipality: Municipality) -> set[int]:
    """Where a family of ``municipality`` may wish a location: its own municipality, the ones
    that border it and always the municipalities of the house."""
    codes = {municipality.nis_code, *neighbour_codes(municipality.nis_code)}
    ids = set(Municipality.objects.filter(nis_code__in=codes).values_list("pk", flat=True))
    return ids | set(house.municipalities.values_list("pk", flat=True))


def age_in_months(born: date, on: date) -> int:
    """Whole months from ``born`` (a birth date or a due date) to ``on``."""
    months = (on.year - born.year) * 12 + on.month - born.month
    return months - 1 if on.day < born.day else months


def child_age_text(child, today: date) -> str:
    """``8 maanden`` for a born child, ``verwacht 12/01/2027`` for an expected one."""
    if child.birth_date:
        return age_label(max(0, age_in_months(child.birth_date, today)))
    return gettext("verwacht %(day)s") % {"day": child.due_date.strftime("%d/%m/%Y")}


def last_of_month(month: date) -> date:
    return month.replace(day=monthrange(month.year, month.month)[1])


def age_at_start(born: date, start: date) -> int | None:
    """The child's age in months on the first day of the start month (0 for a child born in
    that month); None when the child is born (or due) only after the start month."""
    if born > last_of_month(start):
        return None
    return max(0, age_in_months(born, start))


def wishable_locations(house: House, municipality: Municipality, age_months: int):
    """The published locations of ``house`` a family of ``municipality`` may wish for a child of
    ``age_months`` at the start: in its municipality, a neighbouring one or one of the house's,
    and taking children of that age; nearest first (own municipality, then by name)."""
    return (
        ChildcareLocation.objects.published_in(house)
        .filter(
            location__municipality_id__in=wishable_municipality_ids(house, municipality),
            min_age_months__lte=age_months,
            max_age_months__gte=age_months,
        )
        .select_related("service", "service__organisation", "location", "location__municipality")
        .order_by("service__name", "pk")
    )


def request_wishes(childcare_request: ChildcareRequest) -> list[RequestWish]:
    return list(
        childcare_request.wishes.select_related(
            "location", "location__service", "location__location__municipality"
        ).order_by("rank")
    )


# --- The desk's list ---------------------------------------------------------------------------


@dataclass
class RequestFilters:
    """The desk's filters: status (``open`` unless asked: the waiting list is what the desk
    works on), municipality (NIS code) and start month (``YYYY-MM``)."""

    status: str = RequestStatus.OPEN
    municipality: str = ""
    start: date | None = None
    page: str = "1"
    problems: list[str] = field(default_factory=list)

    @classmethod
    def from_request(cls, params) -> "RequestFilters":
        def get(name):
            value = params.get(name, "")
            return value.strip()[:20] if isinstance(value, str) else ""

        problems = []
        status = get("status") or RequestStatus.OPEN
        if status != "alle" and status not in RequestStatus.values:
            problems.append(gettext("Die status kennen we niet. Je ziet de wachtende vragen."))
            status = RequestStatus.OPEN
        municipality = get("gemeente")
        if municipality and not (municipality.isascii() and municipality.isdigit()):
            problems.append(gettext("Die gemeente kennen we niet. Je ziet alle gemeenten."))
            municipality = ""
        start_text = get("start")
        start = parse_month(start_text) if start_text else None
        if start_text and start is None:
            problems.append(gettext("Geef de startmaand als JJJJ-MM, bijvoorbeeld 2027-09."))
        return cls(
            status=status,
            municipality=municipality,
            start=start,
            page=get("pagina") or "1",
            problems=problems,
        )

    def as_params(self) -> dict:
        values = {
            "status": self.status,
            "gemeente": self.municipality,
            "start": f"{self.start:%Y-%m}" if self.start else "",
        }
        return {key: value for key, value in values.items() if value}


def _list_columns(queryset):
    """What a list shows of each request, in the query of the page itself: the number of
    wishes, the first wish and whether a sibling goes to one of them (subqueries, evaluated for
    the rows of the page only), never the encrypted fields."""
    # No ordering: the model's default (by request) would join the request table again.
    wishes = RequestWish.objects.filter(request=OuterRef("pk")).order_by()
    return (
        queryset.defer(*ENCRYPTED_FIELDS)
        .select_related("municipality", "child")
        .defer("child__first_name")
        .annotate(
            wish_count=Coalesce(
                Subquery(wishes.values("request").annotate(n=Count("pk")).values("n")[:1]),
                0,
            ),
            first_wish=Subquery(wishes.filter(rank=1).values("location__service__name")[:1]),
            has_sibling=Exists(wishes.filter(sibling=True)),
        )
    )


def desk_requests(house: House, filters: RequestFilters):
    """The house's requests for the desk's list, in the order of the waiting list (oldest
    request first); every status together in the order they were filed. Erased requests stay
    (no personal data is left in them or shown in the list)."""
    requests = ChildcareRequest.objects.filter(house=house)
    if filters.status != "alle":
        requests = requests.filter(status=filters.status)
    if filters.municipality:
        municipality = municipality_by_code(filters.municipality)
        requests = requests.filter(municipality_id=municipality.pk if municipality else None)
    if filters.start:
        requests = requests.filter(wished_start=filters.start)
    # The index (house, status, requested_at) gives the queue order of one status; for all of
    # them the primary key's order is the filing order, without sorting the whole house.
    order = ("id",) if filters.status == "alle" else ("requested_at", "id")
    return _list_columns(requests).order_by(*order)


def list_page(queryset, page: str, *, size: int = DESK_PAGE_SIZE, count: bool = True) -> ListPage:
    """Page ``page`` (1 for anything else) of ``queryset``, with the list's count by default."""
    return core_list_page(queryset, page, size=size, count=count)


# --- The providers' list -----------------------------------------------------------------------


def provider_requests(organisation_ids: set[int]):
    """The active requests that wish a location of one of ``organisation_ids``, with the best
    rank they gave one of them (``provider_rank``) and that location's name."""
    theirs = RequestWish.objects.filter(
        request=OuterRef("pk"), location__service__organisation_id__in=organisation_ids
    ).order_by("rank")
    requests = ChildcareRequest.objects.filter(
        Exists(theirs),
        status__in=(RequestStatus.OPEN, RequestStatus.OFFERED),
        erased_at__isnull=True,
    )
    return (
        _list_columns(requests)
        .select_related("house")
        .annotate(
            provider_rank=Subquery(theirs.values("rank")[:1]),
            provider_location=Subquery(theirs.values("location__service__name")[:1]),
        )
        .order_by("requested_at", "id")
    )


# --- Audited reads of one request ------------------------------------------------------------


def _with_details(queryset):
    return queryset.select_related("house", "family", "child", "municipality")


def request_read_by_desk(*, user, childcare_request: ChildcareRequest) -> ChildcareRequest:
    """The desk reads a whole request (contact details included): recorded in the house's trail."""
    audit_record(
        actor=user,
        action=AuditEvent.Action.READ,
        target=childcare_request,
        house=childcare_request.house,
        organisation=acting_organisation(user, _desk_organisations(user, childcare_request)),
    )
    return childcare_request


def _desk_organisations(user, childcare_request):
    """The house's desks: the trail names the one the reader works for (none: a coordinator)."""
    designations = childcare_request.house.designations.filter(
        kind=Designation.Kind.CHILDCARE_DESK
    ).select_related("organisation")
    return [d.organisation for d in designations]


def request_read_by_provider(
    *, user, childcare_request: ChildcareRequest, organisations: list
) -> ChildcareRequest:
    """A provider reads a request that wishes one of its locations: recorded in the house's
    trail, on behalf of its organisation."""
    audit_record(
        actor=user,
        action=AuditEvent.Action.READ,
        target=childcare_request,
        house=childcare_request.house,
        organisation=acting_organisation(user, organisations),
    )
    return childcare_request


def provider_wishes(childcare_request: ChildcareRequest, organisation_ids: set[int]) -> list:
    """The wishes of a request for the locations of ``organisation_ids`` (a provider sees the
    rank it was given, not the other providers the family chose)."""
    return list(
        childcare_request.wishes.filter(location__service__organisation_id__in=organisation_ids)
        .select_related("location", "location__service", "location__service__organisation")
        .order_by("rank")
    )


def requests_by_pk(pks) -> dict:
    return {r.pk: r for r in _with_details(ChildcareRequest.objects.filter(pk__in=pks))}


def active_filter() -> Q:
    return Q(status__in=(RequestStatus.OPEN, RequestStatus.OFFERED))
