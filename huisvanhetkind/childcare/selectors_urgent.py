"""Reads of the urgent requests (dringende opvangvragen): the desk's list, the anonymised list
of the providers, the figure "answered in time" and what retention erases.

A provider never gets a family's name, contact or situation from here: ``provider_urgent_list``
returns ``AnonymousUrgent`` rows that hold only the reason, the child's age in months, the
municipality, the date care is needed from and the half-days a week.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db.models import Prefetch, Q
from django.utils import timezone

from huisvanhetkind.childcare.models import (
    REQUEST_RETENTION_DAYS,
    ChildcareLocation,
    FreePlaces,
    UrgentOffer,
    UrgentRequest,
    UrgentStatus,
)
from huisvanhetkind.childcare.months import add_months, first_of_month
from huisvanhetkind.network.models import House

# How many answered or withdrawn requests the desk's list shows under the open ones.
RECENT_ENDED = 50


def age_in_months(child, on: date) -> int | None:
    """The child's age in whole months on ``on``; for a child on its way, counted from the due
    date (None while it is not born yet on ``on``)."""
    born = child.birth_date or child.due_date
    if born is None or born > on:
        return None
    months = (on.year - born.year) * 12 + on.month - born.month
    if on.day < born.day:
        months -= 1
    return months


def is_overdue(urgent: UrgentRequest, today: date | None = None) -> bool:
    return urgent.status == UrgentStatus.NEW and urgent.answer_due < (today or timezone.localdate())


def open_urgent(house: House):
    """The house's urgent requests waiting for an answer, the earliest deadline first."""
    return UrgentRequest.objects.filter(
        house=house, status=UrgentStatus.NEW, erased_at__isnull=True
    ).order_by("answer_due", "created_at", "id")


def open_urgent_count(house: House) -> int:
    return open_urgent(house).count()


def _offers():
    return Prefetch(
        "offers",
        queryset=UrgentOffer.objects.select_related("location__service").order_by("created_at"),
    )


def desk_urgent_list(house: House) -> tuple[list[UrgentRequest], list[UrgentRequest]]:
    """The desk's list: the open requests by deadline, then the latest answered or withdrawn
    ones. No name or situation is shown in it, so reading it is not a read of family data."""
    base = UrgentRequest.objects.filter(house=house, erased_at__isnull=True).select_related(
        "child", "municipality", "placed_at__service"
    )
    waiting = list(
        base.filter(status=UrgentStatus.NEW)
        .prefetch_related(_offers())
        .order_by("answer_due", "created_at", "id")
    )
    ended = list(
        base.exclude(status=UrgentStatus.NEW)
        .prefetch_related(_offers())
        .order_by("-ended_at", "-id")[:RECENT_ENDED]
    )
    return waiting, ended


def house_locations_for_placing(house: House, offered_ids: set[int]) -> list[ChildcareLocation]:
    """Every childcare location of the house, those that offered a place first."""
    locations = list(
        ChildcareLocation.objects.filter(house=house).select_related(
            "service", "location__municipality"
        )
    )
    return sorted(locations, key=lambda c: (c.pk not in offered_ids, c.service.name, c.pk))


# --- The providers: anonymised, only what fits their free places -------------------------------


@dataclass
class AnonymousUrgent:
    """What a provider may know of an urgent request: nothing that names the family."""

    pk: int
    reason: str
    age_months: int
    municipality: str
    needed_from: date
    half_days: int
    locations: list = field(default_factory=list)  # (ChildcareLocation, offered: bool)


def _fits(location: ChildcareLocation, age: int | None) -> bool:
    return age is not None and location.min_age_months <= age <= location.max_age_months


def provider_urgent_list(locations: list[ChildcareLocation]) -> list[AnonymousUrgent]:
    """The open urgent requests of the locations' houses that fit at least one of them: a free
    place for the month of ``needed_from`` or the month after, and the child's age on
    ``needed_from`` within the location's ages. A fixed number of queries."""
    if not locations:
        return []
    house_ids = {c.house_id for c in locations}
    urgent = list(
        UrgentRequest.objects.filter(
            house_id__in=house_ids, status=UrgentStatus.NEW, erased_at__isnull=True
        )
        .select_related("child", "municipality")
        .order_by("answer_due", "created_at", "id")
    )
    if not urgent:
        return []
    months = set()
    for item in urgent:
        month = first_of_month(item.needed_from)
        months.update((month, add_months(month, 1)))
    free = set(
        FreePlaces.objects.filter(
            location__in=[c.pk for c in locations], month__in=months, places__gt=0
        ).values_list("location_id", "month")
    )
    offered = set(
        UrgentOffer.objects.filter(
            urgent__in=[u.pk for u in urgent], location__in=[c.pk for c in locations]
        ).values_list("urgent_id", "location_id")
    )
    rows = []
    for item in urgent:
        age = age_in_months(item.child, item.needed_from)
        month = first_of_month(item.needed_from)
        fitting = [
            (c, (item.pk, c.pk) in offered)
            for c in locations
            if c.house_id == item.house_id
            and _fits(c, age)
            and ((c.pk, month) in free or (c.pk, add_months(month, 1)) in free)
        ]
        if fitting:
            rows.append(
                AnonymousUrgent(
                    pk=item.pk,
                    reason=item.get_reason_display(),
                    age_months=age,
                    municipality=item.municipality.name,
                    needed_from=item.needed_from,
                    half_days=item.half_days,
                    locations=fitting,
                )
            )
    return rows


def urgent_fits_location(urgent: UrgentRequest, location: ChildcareLocation) -> bool:
    """Does ``urgent`` show on the provider's list for ``location``?"""
    rows = provider_urgent_list([location])
    return any(row.pk == urgent.pk for row in rows)


# --- Figures ----------------------------------------------------------------------------------


def urgent_answered_in_time(house: House, since: date, until: date) -> dict:
    """The urgent requests of ``house`` whose answer was due from ``since`` to ``until`` (both
    included): answered by the day it was due, answered later, and still waiting past it.
    Withdrawn requests are not counted."""
    today = timezone.localdate()
    due = UrgentRequest.objects.filter(house=house, answer_due__gte=since, answer_due__lte=until)
    in_time = late = 0
    answered = due.filter(
        status__in=(UrgentStatus.PLACED, UrgentStatus.NO_PLACE), answered_at__isnull=False
    ).values_list("answered_at", "answer_due")
    for answered_at, answer_due in answered:
        if timezone.localdate(answered_at) <= answer_due:
            in_time += 1
        else:
            late += 1
    open_overdue = due.filter(status=UrgentStatus.NEW, answer_due__lt=today).count()
    return {"answered_in_time": in_time, "answered_late": late, "open_overdue": open_overdue}


# --- Retention --------------------------------------------------------------------------------


def urgent_due(now: datetime):
    """The urgent requests the retention task erases at ``now``: ended over 12 months ago."""
    cutoff = now - timedelta(days=REQUEST_RETENTION_DAYS)
    return UrgentRequest.objects.filter(erased_at__isnull=True, ended_at__lt=cutoff)


def urgent_for_todo(house_ids):
    """The open urgent requests of the houses whose desk the user is, overdue first."""
    return (
        UrgentRequest.objects.filter(
            Q(house_id__in=house_ids), status=UrgentStatus.NEW, erased_at__isnull=True
        )
        .select_related("house")
        .order_by("answer_due", "created_at", "id")
    )


def overdue_urgent_count(house: House) -> int:
    return open_urgent(house).filter(answer_due__lt=timezone.localdate()).count()
