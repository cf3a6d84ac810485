"""Reads of the allocation rounds: a round's input built from the database, the preview of a
round, the desk's report, the providers' placements and quota, and the plain-Dutch reasons a
family reads for each wish that was not met.

**Capacity of a location in a round** (``capacities``): the ``FreePlaces`` the provider keeps
for that start month, minus the places the platform itself already gave away for that month at
that location and that still hold: placements that are proposed (waiting on the provider),
confirmed (waiting on the family) or accepted. A refused, declined or expired placement no
longer holds its place, so the place simply counts as free again in the next round. A provider
therefore keeps in ``FreePlaces`` the places it has for the month apart from what the platform
handed out (it does not lower the number when a family accepts a place of a round). A location
whose catalogue service is not published gives no places (capacity 0); a month without a
``FreePlaces`` row has 0 places. The capacity is never below 0.

**Which requests go in** (``round_input``): the open requests of the house (status open) whose
wished start is in or before the month, with their wishes at the house's own locations (a
request cannot wish another house's location). A request keeps every wish, also those whose
location has no free place left (capacity 0): it goes in, and the report tells why it was not
placed. A request without any wish at the house's locations is left out (the standard requires
at least one wish), and counted as such in the preview. A wish at a location that refused a
placement of this request is left out of later rounds: the provider said why it cannot take
this child, and proposing the same place again would only repeat the refusal.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db.models import Count, Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.audit.services import audit_record
from huisvanhetkind.childcare.models import (
    MAX_WISHES,
    OUTSIDE_ROUND_SHARE_PERCENT,
    AllocationRound,
    ChildcareLocation,
    ChildcareRequest,
    FreePlaces,
    Placement,
    PlacementStatus,
    RequestStatus,
    RequestWish,
)
from huisvanhetkind.network.models import House

# The placements that hold their place (see the module's docstring).
HOLDING = (PlacementStatus.PROPOSED, PlacementStatus.CONFIRMED, PlacementStatus.ACCEPTED)
# The placements still waiting for an answer (of the provider or of the family).
PENDING = (PlacementStatus.PROPOSED, PlacementStatus.CONFIRMED)


def request_id(pk: int) -> str:
    return f"r-{pk}"


def location_id(pk: int) -> str:
    return f"l-{pk}"


def pk_of(round_id: str) -> int | None:
    """``r-12`` or ``l-12`` as 12; None for anything else."""
    _prefix, _dash, number = (round_id or "").partition("-")
    return int(number) if number.isdigit() else None


def local_naive_iso(moment: datetime) -> str:
    """The standard's ``requested_at``: local time without a time zone, to the second."""
    return timezone.localtime(moment).replace(tzinfo=None).isoformat(timespec="seconds")


def round_name(house: House, month: date) -> str:
    return f"{house.slug}-{month:%Y-%m}"


# --- a round's input ----------------------------------------------------------------------------


def taken_places(house: House, month: date) -> dict[int, int]:
    """Per location of ``house``: the places of ``month`` that placements still hold."""
    rows = (
        Placement.objects.filter(location__house=house, month=month, status__in=HOLDING)
        .values("location_id")
        .annotate(n=Count("id"))
    )
    return {row["location_id"]: row["n"] for row in rows}


def capacities(house: House, month: date, locations=None) -> dict[int, int]:
    """Per location of ``house``: the free places a round for ``month`` hands out."""
    if locations is None:
        locations = ChildcareLocation.objects.filter(house=house).select_related("service")
    free = dict(
        FreePlaces.objects.filter(location__house=house, month=month).values_list(
            "location_id", "places"
        )
    )
    taken = taken_places(house, month)
    result = {}
    for childcare in locations:
        places = free.get(childcare.pk, 0) if childcare.service.status == "published" else 0
        result[childcare.pk] = max(0, places - taken.get(childcare.pk, 0))
    return result


def _open_requests(house: House, month: date):
    wishes = RequestWish.objects.filter(location__house=house).order_by("rank")
    return (
        ChildcareRequest.objects.filter(
            house=house, status=RequestStatus.OPEN, wished_start__lte=month
        )
        .prefetch_related(Prefetch("wishes", queryset=wishes, to_attr="house_wishes"))
        .order_by("requested_at", "id")
    )


def round_input(house: House, month: date) -> dict:
    """The input of a round of ``house`` for ``month``, exactly in the standard's format."""
    locations = list(
        ChildcareLocation.objects.filter(house=house).select_related("service").order_by("pk")
    )
    capacity = capacities(house, month, locations)
    providers = [
        {
            "id": location_id(c.pk),
            "capacity": capacity[c.pk],
            "priority_order": list(c.priority_order or []),
        }
        for c in locations
    ]
    children = []
    refused = set(
        Placement.objects.filter(
            location__house=house,
            status=PlacementStatus.REFUSED,
            request__status=RequestStatus.OPEN,
        ).values_list("request_id", "location_id")
    )
    for request in _open_requests(house, month):
        wishes = [w for w in request.house_wishes if (request.pk, w.location_id) not in refused]
        wishes = wishes[:MAX_WISHES]
        if not wishes:
            continue
        children.append(
            {
                "id": request_id(request.pk),
                "wishes": [location_id(w.location_id) for w in wishes],
                "requested_at": local_naive_iso(request.requested_at),
                "working": bool(request.working),
                "foster": bool(request.foster),
                "siblings_at": [location_id(w.location_id) for w in wishes if w.sibling],
            }
        )
    return {"round": round_name(house, month), "providers": providers, "children": children}


@dataclass
class Preview:
    month: date
    requests: int  # open requests that go into the round
    without_wish: int  # open requests left out: no wish at the house's locations
    places: int  # free places the round hands out
    locations_with_places: int
    last_round: AllocationRound | None = None


def round_preview(house: House, month: date) -> Preview:
    """How many open requests and free places a round for ``month`` would use now."""
    data = round_input(house, month)
    all_open = ChildcareRequest.objects.filter(
        house=house, status=RequestStatus.OPEN, wished_start__lte=month
    ).count()
    return Preview(
        month=month,
        requests=len(data["children"]),
        without_wish=all_open - len(data["children"]),
        places=sum(p["capacity"] for p in data["providers"]),
        locations_with_places=sum(1 for p in data["providers"] if p["capacity"]),
        last_round=last_round(house, month),
    )


def last_round(house: House, month: date) -> AllocationRound | None:
    return AllocationRound.objects.filter(house=house, month=month).order_by("-pk").first()


def house_rounds(house: House):
    return AllocationRound.objects.filter(house=house).order_by("-run_at", "-pk")


# --- ranking facts of a stored round (for the report and the reasons) ---------------------------

CRITERION_LABELS = {
    "working": lambda: _("werk of studie"),
    "sibling": lambda: _("een broer of zus in die opvang"),
    "foster": lambda: _("pleegkind"),
}


def _tier(provider: dict, child: dict) -> int:
    order = provider.get("priority_order") or []
    for position, criterion in enumerate(order):
        met = (
            provider["id"] in child.get("siblings_at", [])
            if criterion == "sibling"
            else child.get(criterion)
        )
        if met:
            return position
    return len(order)


@dataclass
class RoundFacts:
    """A stored round's input and result, indexed."""

    providers: dict
    children: dict
    assignments: dict
    placed_at: dict  # provider id -> list of child dicts placed there

    @classmethod
    def of(cls, allocation_round: AllocationRound) -> "RoundFacts":
        data = allocation_round.input or {}
        providers = {p["id"]: p for p in data.get("providers", [])}
        children = {c["id"]: c for c in data.get("children", [])}
        assignments = (allocation_round.result or {}).get("assignments", {})
        placed_at: dict = {pid: [] for pid in providers}
        for cid, pid in assignments.items():
            if pid is not None and pid in placed_at and cid in children:
                placed_at[pid].append(children[cid])
        return cls(providers, children, assignments, placed_at)


FULL_NO_PLACE = "no_place"
FULL_PRIORITY = "priority"
FULL_EARLIER = "earlier"
FULL_MIXED = "priority_or_earlier"
HIGHER_WISH = "higher_wish"


def wish_outcome(facts: RoundFacts, child: dict, pid: str) -> str:
    """Why ``child`` did not get its wish ``pid`` (a wish it was not placed at)."""
    own = facts.assignments.get(child["id"])
    wishes = child["wishes"]
    if own is not None and own in wishes and wishes.index(own) < wishes.index(pid):
        return HIGHER_WISH
    provider = facts.providers.get(pid, {})
    if not provider.get("capacity"):
        return FULL_NO_PLACE
    tier = _tier(provider, child)
    placed_tiers = [_tier(provider, other) for other in facts.placed_at.get(pid, [])]
    if placed_tiers and all(t < tier for t in placed_tiers):
        return FULL_PRIORITY
    if all(t == tier for t in placed_tiers):
        return FULL_EARLIER
    return FULL_MIXED


def _priority_labels(facts: RoundFacts, child: dict, pid: str) -> list[str]:
    """The criteria that gave the children placed at ``pid`` priority over ``child``."""
    provider = facts.providers.get(pid, {})
    order = provider.get("priority_order") or []
    tier = _tier(provider, child)
    used = sorted({_tier(provider, other) for other in facts.placed_at.get(pid, [])})
    return [CRITERION_LABELS[order[t]]() for t in used if t < tier and t < len(order)]


def reason_text(outcome: str, labels: list[str] | None = None) -> str:
    if outcome == HIGHER_WISH:
        return _("Je kreeg een plaats bij een opvang die je hoger plaatste.")
    if outcome == FULL_NO_PLACE:
        return _("Deze opvang had geen vrije plaats voor die maand.")
    if outcome == FULL_PRIORITY and labels:
        return _("Alle plaatsen gingen naar kinderen met voorrang (%(criteria)s).") % {
            "criteria": ", ".join(labels)
        }
    if outcome == FULL_EARLIER:
        return _("Alle plaatsen gingen naar kinderen met een vroegere aanvraag.")
    if labels:
        return _(
            "Alle plaatsen gingen naar kinderen met voorrang (%(criteria)s) of met een vroegere "
            "aanvraag."
        ) % {"criteria": ", ".join(labels)}
    return _(
        "Alle plaatsen gingen naar kinderen met voorrang (werk/studie, een broer of zus, "
        "pleegkind) of met een vroegere aanvraag."
    )


def wish_reasons(request: ChildcareRequest, allocation_round: AllocationRound) -> list[tuple]:
    """For each wish of ``request`` that ``allocation_round`` did not meet: (location, reason)
    in plain Dutch, most wanted first. Empty when the request was not in the round. The
    location is None when it no longer exists."""
    facts = RoundFacts.of(allocation_round)
    child = facts.children.get(request_id(request.pk))
    if child is None:
        return []
    own = facts.assignments.get(child["id"])
    pids = [pid for pid in child["wishes"] if pid != own]
    locations = ChildcareLocation.objects.select_related("service").in_bulk(
        [pk_of(pid) for pid in pids if pk_of(pid) is not None]
    )
    reasons = []
    for pid in pids:
        outcome = wish_outcome(facts, child, pid)
        labels = (
            _priority_labels(facts, child, pid) if outcome in (FULL_PRIORITY, FULL_MIXED) else None
        )
        reasons.append((locations.get(pk_of(pid)), reason_text(outcome, labels)))
    return reasons


def request_rounds(request: ChildcareRequest):
    """The rounds of the request's house that ``request`` was part of, newest first."""
    return AllocationRound.objects.filter(
        house_id=request.house_id, result__assignments__has_key=request_id(request.pk)
    ).order_by("-run_at", "-pk")


# --- the desk's report --------------------------------------------------------------------------


UNPLACED_NO_PLACE = "no_place"
UNPLACED_OUTRANKED = "outranked"


@dataclass
class Report:
    allocation_round: AllocationRound
    children: int
    placed: int
    first_wish: int
    free_places_left: int
    per_rank: list[tuple[int, int]]  # (wish rank 1..12, placed at that rank)
    unplaced: list[tuple[str, str]]  # (request id, reason text)
    unplaced_counts: dict = field(default_factory=dict)
    blocking_pairs: int = 0
    placements: dict = field(default_factory=dict)  # status label -> count
    refusals: list = field(default_factory=list)  # refused placements, with their reason


def unplaced_reason(facts: RoundFacts, child: dict) -> str:
    if all(not facts.providers.get(pid, {}).get("capacity") for pid in child["wishes"]):
        return UNPLACED_NO_PLACE
    return UNPLACED_OUTRANKED


UNPLACED_TEXTS = {
    UNPLACED_NO_PLACE: lambda: _("Geen enkele gewenste opvang had een vrije plaats."),
    UNPLACED_OUTRANKED: lambda: _(
        "Alle plaatsen gingen naar kinderen met een hogere voorrang of een vroegere aanvraag."
    ),
}


def round_report(allocation_round: AllocationRound) -> Report:
    facts = RoundFacts.of(allocation_round)
    per_rank = Counter()
    unplaced = []
    counts = Counter()
    for cid, child in facts.children.items():
        pid = facts.assignments.get(cid)
        if pid is not None and pid in child["wishes"]:
            per_rank[child["wishes"].index(pid) + 1] += 1
        else:
            reason = unplaced_reason(facts, child)
            counts[reason] += 1
            unplaced.append((cid, UNPLACED_TEXTS[reason]()))
    stats = (allocation_round.result or {}).get("stats", {})
    statuses = dict(
        allocation_round.placements.values("status")
        .annotate(n=Count("id"))
        .values_list("status", "n")
    )
    return Report(
        allocation_round=allocation_round,
        children=stats.get("children", len(facts.children)),
        placed=stats.get("placed", sum(per_rank.values())),
        first_wish=stats.get("first_wish", per_rank[1]),
        free_places_left=stats.get("free_places_left", 0),
        per_rank=[(rank, per_rank[rank]) for rank in range(1, MAX_WISHES + 1)],
        unplaced=sorted(unplaced, key=lambda row: (pk_of(row[0]) or 0, row[0])),
        unplaced_counts={key: counts[key] for key in UNPLACED_TEXTS},
        blocking_pairs=allocation_round.blocking_pairs,
        placements={label: statuses.get(value, 0) for value, label in PlacementStatus.choices},
        refusals=list(
            allocation_round.placements.filter(status=PlacementStatus.REFUSED)
            .select_related("location__service")
            .order_by("pk")
        ),
    )


def round_file_read(*, allocation_round: AllocationRound, actor, part: str) -> dict:
    """The round's input or result (the request numbers with their declarations): audited."""
    audit_record(
        actor=actor,
        action=AuditEvent.Action.READ,
        target=allocation_round,
        house=allocation_round.house,
        reason=f"download {part}",
    )
    return allocation_round.input if part == "input" else allocation_round.result


# --- providers: placements and the out-of-round quota -------------------------------------------


def quota_of(licensed_places: int) -> int:
    """Out-of-round placements a location may make per calendar year: 10 % of its licensed
    places, rounded down (never more than 10 %, so a location with fewer than 10 licensed
    places has none), and never below 0."""
    return max(0, licensed_places * OUTSIDE_ROUND_SHARE_PERCENT // 100)


# Out-of-round placements that count against the quota: those that place or may still place a
# child (an offer the family declined or let expire used no place).
QUOTA_COUNTED = (PlacementStatus.PROPOSED, PlacementStatus.CONFIRMED, PlacementStatus.ACCEPTED)


def outside_round_used(location_ids, year: int) -> dict[int, int]:
    rows = (
        Placement.objects.filter(
            location_id__in=location_ids,
            outside_round=True,
            created_at__year=year,
            status__in=QUOTA_COUNTED,
        )
        .values("location_id")
        .annotate(n=Count("id"))
    )
    return {row["location_id"]: row["n"] for row in rows}


@dataclass
class QuotaRow:
    location: ChildcareLocation
    licensed: int
    quota: int
    used: int

    @property
    def left(self) -> int:
        return max(0, self.quota - self.used)


def quota_table(locations, year: int) -> list[QuotaRow]:
    locations = list(locations)
    used = outside_round_used([c.pk for c in locations], year)
    return [
        QuotaRow(c, c.licensed_places, quota_of(c.licensed_places), used.get(c.pk, 0))
        for c in locations
    ]


def house_quota_table(house: House, year: int) -> list[QuotaRow]:
    locations = (
        ChildcareLocation.objects.filter(house=house)
        .select_related("service", "service__organisation")
        .order_by("service__name", "pk")
    )
    return quota_table(locations, year)


def provider_placements(location_filter: Q):
    """The placements at the locations the filter allows (only request numbers: no family data)."""
    return (
        Placement.objects.filter(location__in=ChildcareLocation.objects.filter(location_filter))
        .select_related("location__service", "round", "request")
        .order_by("status", "month", "-created_at", "-pk")
    )


def to_confirm(location_filter: Q):
    return provider_placements(location_filter).filter(status=PlacementStatus.PROPOSED)


def family_offers(request: ChildcareRequest):
    """The placements a family sees on its private page, newest first."""
    return (
        request.placements.select_related("location__service", "location__location", "round")
        .exclude(status=PlacementStatus.REFUSED)
        .order_by("-created_at", "-pk")
    )
