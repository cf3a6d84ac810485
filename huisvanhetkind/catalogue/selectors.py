"""Reads of the offer shared by the public catalogue, the partners' pages and the API."""

import re
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q
from django.utils.translation import gettext

from huisvanhetkind.catalogue import offer
from huisvanhetkind.catalogue.models import Service, ServiceHistory, Synonym
from huisvanhetkind.catalogue.search.selectors import search_ranks
from huisvanhetkind.core import sql
from huisvanhetkind.core.languages import LANGUAGE_NAMES
from huisvanhetkind.network.models import (
    House,
    Location,
    OpeningHours,
)

COST_FREE = offer.COST_FREE
COST_SOCIAL = offer.COST_SOCIAL
MAX_PAGE = 10_000  # far beyond the last page of any house's offer
PARAMETER_NAMES = {
    "query": "q",
    "domain": "domein",
    "age_group": "leeftijd",
    "municipality": "gemeente",
    "cost": "kost",
    "language": "taal",
}


@dataclass
class CatalogueFilters:
    query: str = ""
    domain: str = ""
    age_group: str = ""
    municipality: str = ""
    cost: str = ""
    language: str = ""
    page: int = 1
    problems: list[str] = field(default_factory=list)  # what was wrong in the link (Dutch)

    @classmethod
    def from_request(cls, params) -> "CatalogueFilters":
        """The filters of a query string. Numbers are read in ASCII digits only and bounded:
        a bad page number or municipality code is left out and said in ``problems``."""

        def get(name, limit=100):
            value = params.get(name, "")
            return value.strip()[:limit] if isinstance(value, str) else ""

        problems = []
        page = get("pagina", 20)
        if page and not (re.fullmatch(r"[0-9]{1,5}", page) and 1 <= int(page) <= MAX_PAGE):
            problems.append(gettext("Dat paginanummer bestaat niet. Je ziet de eerste pagina."))
            page = ""
        municipality = get("gemeente")
        if municipality and not re.fullmatch(r"[0-9]{5}", municipality):
            problems.append(
                gettext("Die gemeente kennen we niet. Je ziet het aanbod van alle gemeenten.")
            )
            municipality = ""
        return cls(
            query=get("q", 200),
            domain=get("domein"),
            age_group=get("leeftijd"),
            municipality=municipality,
            cost=get("kost"),
            language=get("taal"),
            page=int(page or 1),
            problems=problems,
        )

    def as_params(self, **changes) -> dict:
        """The filters as query parameters (without the page)."""
        values = {name: getattr(self, name) for name in PARAMETER_NAMES} | changes
        return {PARAMETER_NAMES[k]: v for k, v in values.items() if v}


@dataclass
class Facet:
    name: str
    label: str
    options: list = field(default_factory=list)  # (value, label, count, selected)


def search_catalogue(house: House, filters: CatalogueFilters):
    """The ids of the matching services, best first, the facets with counts (each facet
    counted without its own filter, so a parent sees what choosing another value would give)
    and the house's offer (for ``result_cards``).

    Filters and counts work on the house's offer in memory (``catalogue.offer``); a query adds
    one query for its postings. Without a query the services come in name order.
    """
    house_offer = offer.house_offer(house)
    selected = {facet: getattr(filters, facet) for facet in offer.FACETS}
    ranked = _ranked_in_offer(house_offer, filters.query, house=house)
    candidates = house_offer.everything if ranked is None else house_offer.mask(ranked)
    chosen = candidates & house_offer.selection(selected)
    if ranked is None:
        ids = house_offer.ids_in(chosen)
    else:
        position = house_offer.position
        ids = [pk for pk in ranked if chosen >> position[pk] & 1]
    return ids, _facets(house_offer, house_offer.counts(candidates, selected), filters), house_offer


def ranked_ids(query: str, *, house: House | None = None, within=None) -> list[int] | None:
    """The ids of the published services matching ``query``, best first, then by name (and id);
    ``None`` when the query is blank (nothing to search for).

    With a house: among its offer, or the part of it that the Service queryset ``within``
    keeps. Without one: among ``within``.
    """
    if house is None:
        ranks = search_ranks(query, within=within)
        if ranks is None:
            return None
        ids = list(ranks)
        names = {}
        for start in range(0, len(ids), 10_000):
            chunk = ids[start : start + 10_000]
            names.update(Service.objects.filter(pk__in=chunk).values_list("pk", "name"))
        return sorted(ids, key=lambda pk: (-ranks[pk], names[pk], pk))
    allowed = None if within is None else set(within.values_list("pk", flat=True))
    return _ranked_in_offer(offer.house_offer(house), query, house=house, allowed=allowed)


def _ranked_in_offer(house_offer, query: str, *, house: House, allowed=None) -> list[int] | None:
    ranks = search_ranks(query, house=house)
    if ranks is None:
        return None
    position = house_offer.position
    return sorted(
        (pk for pk in ranks if pk in position and (allowed is None or pk in allowed)),
        key=lambda pk: (-ranks[pk], position[pk]),
    )


@dataclass
class ResultCard:
    """What the catalogue shows of one result."""

    pk: int
    name: str
    summary: str
    organisation: str
    is_free: bool
    social_tariff: bool
    municipalities: list[str] = field(default_factory=list)
    age_groups: list[str] = field(default_factory=list)


# Plain SQL (core.sql): read on every page of the offer, where compiling the ORM's query cost
# more than running it.
_CARDS_SQL = (
    "SELECT s.id, s.name, s.summary, o.name, s.is_free, s.social_tariff"
    " FROM catalogue_service s INNER JOIN network_organisation o ON o.id = s.organisation_id"
    " WHERE s.id IN ({})"
)


def result_cards(house_offer: offer.HouseOffer, ids: list[int]) -> list[ResultCard]:
    """The cards of one result page, in the given order: one query, the tags from the house's
    offer in memory (a page of the catalogue is read far more often than anything else)."""
    names = house_offer.municipality_names
    ages = dict(house_offer.age_groups)
    cards = []
    by_id = {row[0]: row for row in sql.rows(_CARDS_SQL.format(sql.placeholders(ids)), ids)}
    for pk in ids:
        if pk in by_id and pk in house_offer.position:
            _, name, summary, organisation, is_free, social_tariff = by_id[pk]
            card = ResultCard(pk, name, summary, organisation, bool(is_free), bool(social_tariff))
            card.municipalities = sorted(
                names[code] for code in house_offer.values_of(pk, "municipality")
            )
            card.age_groups = [
                ages[slug] for slug in house_offer.values_of(pk, "age_group") if slug in ages
            ]
            cards.append(card)
    return cards


def _facets(house_offer: offer.HouseOffer, counts: dict, filters: CatalogueFilters) -> list[Facet]:
    from django.utils.translation import gettext as _

    places = counts["municipality"]
    municipalities = set(house_offer.house_municipalities) | {c for c, n in places.items() if n}
    names = house_offer.municipality_names
    languages = {code: counts["language"].get(code, 0) for code in LANGUAGE_NAMES}
    return [
        Facet(
            "domein",
            _("Domein"),
            [
                (slug, name, counts["domain"].get(slug, 0), slug == filters.domain)
                for slug, name in house_offer.domains
            ],
        ),
        Facet(
            "leeftijd",
            _("Leeftijd"),
            [
                (slug, name, counts["age_group"].get(slug, 0), slug == filters.age_group)
                for slug, name in house_offer.age_groups
            ],
        ),
        Facet(
            "gemeente",
            _("Gemeente"),
            sorted(
                [
                    (code, names[code], places.get(code, 0), code == filters.municipality)
                    for code in municipalities
                ],
                key=lambda option: option[1],
            ),
        ),
        Facet(
            "kost",
            _("Kostprijs"),
            [
                (
                    COST_FREE,
                    _("Gratis"),
                    counts["cost"].get(COST_FREE, 0),
                    filters.cost == COST_FREE,
                ),
                (
                    COST_SOCIAL,
                    _("Sociaal tarief of gratis"),
                    counts["cost"].get(COST_SOCIAL, 0),
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
        Prefetch(
            "locations",
            queryset=Location.objects.select_related("municipality").prefetch_related(
                Prefetch(
                    "opening_hours", queryset=OpeningHours.objects.order_by("weekday", "opens")
                )
            ),
        ),
    )


def _with_tags(service: Service | None) -> Service | None:
    """The service with its domains, age groups, target groups and service areas read (core.sql:
    plain SQL, one small query each)."""
    if service is not None:
        sql.prefetch([service], "domains", "age_groups", "target_groups", "service_areas")
    return service


def public_service(house: House, pk: int) -> Service | None:
    return _with_tags(_service_detail_queryset().published().in_house(house).filter(pk=pk).first())


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
