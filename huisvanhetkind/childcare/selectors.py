"""Reads of the childcare offer shared by the public pages, the providers' and the desk's pages."""

import re
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Case, IntegerField, OuterRef, Prefetch, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils.translation import gettext

from huisvanhetkind.childcare.models import ChildcareKind, ChildcareLocation, FreePlaces
from huisvanhetkind.childcare.months import parse_month, start_months
from huisvanhetkind.network.models import Designation, House, OpeningHours

MAX_AGE_YEARS = 14


@dataclass
class OfferFilters:
    """What a family chose on the public list: municipality (NIS code), the child's age in
    years at the start, the start month, the kind of care, only locations with a free place."""

    municipality: str = ""
    age: int | None = None
    start: date | None = None
    kind: str = ""
    free_only: bool = False
    page: int = 1
    problems: list[str] = field(default_factory=list)

    @classmethod
    def from_request(cls, params, *, today: date) -> "OfferFilters":
        """Read the query string; what is not understood is left out and said in ``problems``
        (Dutch), so a bad link still shows a list."""

        def get(name):
            value = params.get(name, "")
            return value.strip()[:20] if isinstance(value, str) else ""

        problems = []
        municipality = get("gemeente")
        if municipality and not re.fullmatch(r"[0-9]{5}", municipality):
            problems.append(gettext("Die gemeente kennen we niet. Je ziet alle gemeenten."))
            municipality = ""
        age = get("leeftijd")
        if age and not (re.fullmatch(r"[0-9]{1,2}", age) and int(age) <= MAX_AGE_YEARS):
            problems.append(
                gettext("Kies een leeftijd van 0 tot %(max)s jaar.") % {"max": MAX_AGE_YEARS}
            )
            age = ""
        start_text = get("start")
        start = parse_month(start_text) if start_text else None
        if start_text and start not in start_months(today):
            problems.append(
                gettext("Kies een startmaand uit de lijst: deze maand of de 11 maanden erna.")
            )
            start = None
        kind = get("soort")
        if kind and kind not in ChildcareKind.values:
            problems.append(gettext("Die soort opvang kennen we niet. Je ziet alle soorten."))
            kind = ""
        page = get("pagina")
        if page and not (re.fullmatch(r"[0-9]{1,4}", page) and int(page) >= 1):
            problems.append(gettext("Dat paginanummer bestaat niet. Je ziet de eerste pagina."))
            page = ""
        return cls(
            municipality=municipality,
            age=int(age) if age else None,
            start=start,
            kind=kind,
            free_only=get("vrij") == "1" and start is not None,
            page=int(page or 1),
            problems=problems,
        )

    def as_params(self) -> dict:
        values = {
            "gemeente": self.municipality,
            "leeftijd": "" if self.age is None else str(self.age),
            "start": f"{self.start:%Y-%m}" if self.start else "",
            "soort": self.kind,
            "vrij": "1" if self.free_only else "",
        }
        return {key: value for key, value in values.items() if value}


def _with_details(queryset):
    return queryset.select_related(
        "service", "service__organisation", "location", "location__municipality"
    )


def search_offer(house: House, filters: OfferFilters):
    """The house's published childcare locations that fit the filters, with ``free`` (the free
    places of the chosen start month, 0 when the provider gave none) when a month is chosen;
    those with free places first, then by name."""
    locations = _with_details(ChildcareLocation.objects.published_in(house))
    if filters.municipality:
        locations = locations.filter(location__municipality__nis_code=filters.municipality)
    if filters.kind:
        locations = locations.filter(kind=filters.kind)
    if filters.age is not None:
        # A child of ``age`` years is between age*12 and age*12+11 months old.
        locations = locations.filter(
            min_age_months__lte=filters.age * 12 + 11, max_age_months__gte=filters.age * 12
        )
    if filters.start is None:
        return locations.order_by("service__name", "pk")
    free = FreePlaces.objects.filter(location=OuterRef("pk"), month=filters.start)
    locations = locations.annotate(
        free=Coalesce(Subquery(free.values("places")[:1]), Value(0), output_field=IntegerField())
    ).annotate(has_free=Case(When(free__gt=0, then=Value(1)), default=Value(0)))
    if filters.free_only:
        locations = locations.filter(free__gt=0)
    return locations.order_by("-has_free", "service__name", "pk")


def municipality_options(house: House) -> list[tuple[str, str]]:
    return list(house.municipalities.order_by("name").values_list("nis_code", "name"))


def public_location(house: House, pk: int) -> ChildcareLocation | None:
    return (
        _with_details(ChildcareLocation.objects.published_in(house))
        .prefetch_related(
            Prefetch(
                "location__opening_hours",
                queryset=OpeningHours.objects.order_by("weekday", "opens"),
            )
        )
        .filter(pk=pk)
        .first()
    )


def free_places_by_month(
    childcare: ChildcareLocation, *, today: date
) -> list[tuple[date, int | None]]:
    """The coming start months with the free places the provider gave (None: not given)."""
    months = start_months(today)
    given = dict(
        FreePlaces.objects.filter(location=childcare, month__in=months).values_list(
            "month", "places"
        )
    )
    return [(month, given.get(month)) for month in months]


def free_places_table(locations: list[ChildcareLocation], *, today: date, count: int = 6) -> dict:
    """{location pk: [places or None per month]} for the first ``count`` start months: one query."""
    months = start_months(today, count)
    rows = FreePlaces.objects.filter(
        location__in=[c.pk for c in locations], month__in=months
    ).values_list("location_id", "month", "places")
    given = {(pk, month): places for pk, month, places in rows}
    return {c.pk: [given.get((c.pk, month)) for month in months] for c in locations}


def provider_locations(allowed):
    """The childcare locations a provider keeps (``allowed``: the filter of
    ``access.provider_locations_filter``), in every house."""
    ids = ChildcareLocation.objects.filter(allowed).values("pk")
    return (
        _with_details(ChildcareLocation.objects.filter(pk__in=ids))
        .select_related("house")
        .order_by("service__name", "pk")
    )


def house_locations(house: House):
    """Every childcare location of a house, published or not (the desk's overview)."""
    return _with_details(ChildcareLocation.objects.filter(house=house)).order_by(
        "location__municipality__name", "service__name", "pk"
    )


def house_has_desk(house: House) -> bool:
    """Whether the coordinator designated a Lokaal Loket Kinderopvang for ``house``: only then
    do families file (urgent) requests there."""
    return Designation.objects.filter(house=house, kind=Designation.Kind.CHILDCARE_DESK).exists()
