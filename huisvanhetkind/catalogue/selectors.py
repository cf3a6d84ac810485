"""Reads of the offer shared by the public catalogue, the partners' pages and the API."""

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q

from huisvanhetkind.catalogue.models import LANGUAGE_NAMES, Service, ServiceHistory, Synonym
from huisvanhetkind.network.models import (
    AgeGroup,
    Domain,
    House,
    Location,
    Municipality,
    OpeningHours,
)

COST_FREE = "gratis"
COST_SOCIAL = "sociaal-tarief"


@dataclass
class CatalogueFilters:
    query: str = ""
    domain: str = ""
    age_group: str = ""
    municipality: str = ""
    cost: str = ""
    language: str = ""

    @classmethod
    def from_request(cls, params) -> "CatalogueFilters":
        def get(name, limit=100):
            value = params.get(name, "")
            return value.strip()[:limit] if isinstance(value, str) else ""

        return cls(
            query=get("q", 200),
            domain=get("domein"),
            age_group=get("leeftijd"),
            municipality=get("gemeente"),
            cost=get("kost"),
            language=get("taal"),
        )

    def as_params(self, **changes) -> dict:
        names = {
            "query": "q",
            "domain": "domein",
            "age_group": "leeftijd",
            "municipality": "gemeente",
        }
        names |= {"cost": "kost", "language": "taal"}
        values = {**self.__dict__, **changes}
        return {names[k]: v for k, v in values.items() if v}


@dataclass
class Facet:
    name: str
    label: str
    options: list = field(default_factory=list)  # (value, label, count, selected)


def _filter(queryset, filters: CatalogueFilters, skip: str = ""):
    if filters.domain and skip != "domain":
        queryset = queryset.filter(domains__slug=filters.domain)
    if filters.age_group and skip != "age_group":
        queryset = queryset.filter(age_groups__slug=filters.age_group)
    if filters.municipality and skip != "municipality":
        queryset = queryset.filter(service_areas__nis_code=filters.municipality)
    if filters.cost and skip != "cost":
        if filters.cost == COST_FREE:
            queryset = queryset.filter(is_free=True)
        elif filters.cost == COST_SOCIAL:
            queryset = queryset.filter(Q(social_tariff=True) | Q(is_free=True))
        else:
            queryset = queryset.none()
    if filters.language and skip != "language":
        queryset = queryset.filter(languages__icontains=f'"{filters.language}"')
    return queryset


def public_services(house: House):
    return Service.objects.published().in_house(house)


def search_catalogue(house: House, filters: CatalogueFilters):
    """The ids of the matching services, best first, and the facets with counts (each facet
    counted without its own filter, so a parent sees what choosing another value would give).

    The house's candidates are ranked once (by relevance, or by name without a query) and kept as
    a list of ids; the filters, the counts and the page all work on that short list instead of
    running the search again in every query.
    """
    candidates = public_services(house)
    if filters.query:
        from huisvanhetkind.search.selectors import apply_search

        candidates = apply_search(candidates, filters.query, house=house)
    else:
        candidates = candidates.order_by("name")
    ranked = list(candidates.values_list("pk", flat=True))
    base = Service.objects.filter(pk__in=ranked)
    narrowed = _filter(base, filters)
    if narrowed is not base:
        matching = set(narrowed.values_list("pk", flat=True))
        ranked = [pk for pk in ranked if pk in matching]
    return ranked, _facets(house, base, filters)


def services_in_order(ids: list[int]) -> list[Service]:
    """The services of one result page, in the given order, with what a result card shows."""
    services = Service.objects.filter(pk__in=ids).select_related("organisation")
    by_id = {s.pk: s for s in services.prefetch_related("domains", "age_groups", "service_areas")}
    return [by_id[pk] for pk in ids if pk in by_id]


def _counts(queryset, path: str) -> dict:
    rows = queryset.values(path).annotate(n=Count("pk", distinct=True))
    return {row[path]: row["n"] for row in rows if row[path] is not None}


def _facets(house: House, base, filters: CatalogueFilters) -> list[Facet]:
    domains = _counts(_filter(base, filters, skip="domain"), "domains__slug")
    ages = _counts(_filter(base, filters, skip="age_group"), "age_groups__slug")
    places = _counts(_filter(base, filters, skip="municipality"), "service_areas__nis_code")
    cost_base = _filter(base, filters, skip="cost")
    cost = cost_base.aggregate(
        free=Count("pk", filter=Q(is_free=True), distinct=True),
        social=Count("pk", filter=Q(social_tariff=True) | Q(is_free=True), distinct=True),
    )
    languages = _filter(base, filters, skip="language").aggregate(
        **{
            code: Count("pk", filter=Q(languages__icontains=f'"{code}"'), distinct=True)
            for code in LANGUAGE_NAMES
        }
    )
    municipality_names = dict(house.municipalities.values_list("nis_code", "name"))
    municipality_names |= dict(
        Municipality.objects.filter(nis_code__in=places).values_list("nis_code", "name")
    )
    from django.utils.translation import gettext as _

    return [
        Facet(
            "domein",
            _("Domein"),
            [
                (d.slug, d.name, domains.get(d.slug, 0), d.slug == filters.domain)
                for d in Domain.objects.all()
            ],
        ),
        Facet(
            "leeftijd",
            _("Leeftijd"),
            [
                (a.slug, a.name, ages.get(a.slug, 0), a.slug == filters.age_group)
                for a in AgeGroup.objects.all()
            ],
        ),
        Facet(
            "gemeente",
            _("Gemeente"),
            sorted(
                [
                    (code, name, places.get(code, 0), code == filters.municipality)
                    for code, name in municipality_names.items()
                ],
                key=lambda option: option[1],
            ),
        ),
        Facet(
            "kost",
            _("Kostprijs"),
            [
                (COST_FREE, _("Gratis"), cost["free"], filters.cost == COST_FREE),
                (
                    COST_SOCIAL,
                    _("Sociaal tarief of gratis"),
                    cost["social"],
                    filters.cost == COST_SOCIAL,
                ),
            ],
        ),
        Facet(
            "taal",
            _("Taal"),
            [
                (code, str(LANGUAGE_NAMES.get(code, code)), n, code == filters.language)
                for code, n in sorted(languages.items(), key=lambda item: -item[1])
                if n or code == filters.language
            ],
        ),
    ]


def _service_detail_queryset():
    return Service.objects.select_related("organisation", "last_verified_by").prefetch_related(
        "domains",
        "age_groups",
        "target_groups",
        "service_areas",
        Prefetch(
            "locations",
            queryset=Location.objects.select_related("municipality").prefetch_related(
                Prefetch(
                    "opening_hours", queryset=OpeningHours.objects.order_by("weekday", "opens")
                )
            ),
        ),
    )


def public_service(house: House, pk: int) -> Service | None:
    return _service_detail_queryset().published().in_house(house).filter(pk=pk).first()


def service_detail(pk: int) -> Service | None:
    return _service_detail_queryset().filter(pk=pk).first()


def organisation_services(organisation):
    return Service.objects.filter(organisation=organisation).order_by("status", "name")


def house_services(house: House, *, stale_only: bool = False):
    services = Service.objects.filter(organisation__partnerships__house=house).select_related(
        "organisation"
    )
    if stale_only:
        services = services.needing_verification()
    return services.order_by("organisation__name", "name")


def service_history(service: Service):
    return ServiceHistory.objects.filter(service=service).select_related("actor")[:50]


def house_synonyms(house: House):
    return Synonym.objects.filter(Q(house=house) | Q(house__isnull=True)).order_by(
        "house_id", "terms"
    )
