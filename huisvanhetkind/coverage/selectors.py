"""The offer of a house in kaart: cells, gaps and overlaps, computed from the live catalogue.

A *cell* is a policy domain x an age group x a municipality of the house. A published service
of an active partner of the house (``Service.objects.published().in_house(house)``, the same
offer the public catalogue shows, read through ``catalogue.offer``) is in a cell when it names
the domain and the age group and serves the municipality; a service without any service area
serves every municipality of the house. A *gap* is a cell without a service (``none``) or with
only paid ones (``paid_only``); its stable id is ``gap_id(domain, age_group, nis_code)``. An
*overlap* is a group of services of different organisations in one cell whose descriptions are
near-duplicates (``similarity``).

Everything is computed in bulk: the house's offer (kept in process memory by the catalogue),
one query for the organisations and verification dates, one for the house's search-index
terms, one for the population figures and one for the marks. What depends on the offer and the
index only is kept per process until either changes (the catalogue's and the index's stamps).
"""

import threading
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db import connection
from django.utils import timezone

from huisvanhetkind.catalogue import offer as catalogue_offer
from huisvanhetkind.catalogue.models import Service
from huisvanhetkind.catalogue.search.models import SearchHousePosting, SearchIndexState
from huisvanhetkind.coverage import similarity
from huisvanhetkind.coverage.models import GapStatus, PopulationFigure
from huisvanhetkind.network.models import AgeGroup, Domain, House, Municipality

VERIFIED_WITHIN = timedelta(days=365)
GAP_PREFIX = "gap"
# The keys the command and the open data print, in this order (docs/coverage.md).
CELL_KEYS = (
    "domain",
    "age_group",
    "municipality",
    "services",
    "organisations",
    "free_or_social_tariff",
)
GAP_KEYS = (*CELL_KEYS, "id", "reason", "weight")
OVERLAP_KEYS = ("domain", "age_group", "municipality", "services", "similarity")
REASON_NONE = "none"
REASON_PAID_ONLY = "paid_only"
MAX_HOUSES = 1_000


def gap_id(domain_slug: str, age_group_slug: str, nis_code: str) -> str:
    """The stable id of the gap of a cell: ``gap-<domain slug>-<age group slug>-<NIS code>``.

    It depends only on the cell, never on the offer or the time, so the steering group's
    actions and the coordinator's marks keep pointing at it. The NIS code is always the last
    five digits (slugs may hold dashes themselves).
    """
    return f"{GAP_PREFIX}-{domain_slug}-{age_group_slug}-{nis_code}"


def _iter_bits(mask: int):
    while mask:
        low = mask & -mask
        yield low.bit_length() - 1
        mask ^= low


@dataclass
class _Base:
    """What depends on the offer and the index only: kept per process (see ``_base``)."""

    cells: list[dict]
    overlaps: list[dict]
    services: dict[int, tuple[str, str, str]]  # pk -> (hsds id, name, organisation name)


_lock = threading.Lock()
_bases: dict[int, tuple[tuple, _Base]] = {}


def _index_stamp() -> tuple:
    row = (
        SearchIndexState.objects.filter(pk=1).values_list("generation", "version", "stamp").first()
    )
    return tuple(row or ())


def _base(house: House, today: date) -> _Base:
    house_offer = catalogue_offer.house_offer(house)
    key = (catalogue_offer.current_stamp(), _index_stamp(), today)
    cached = _bases.get(house.pk)
    if cached is not None and cached[0] == key:
        return cached[1]
    base = _compute(house, house_offer, today)
    with _lock:
        if len(_bases) >= MAX_HOUSES:
            _bases.clear()
        _bases[house.pk] = (key, base)
    return base


def _compute(house: House, house_offer, today: date) -> _Base:
    ids, position, values = house_offer.ids, house_offer.position, house_offer.values
    size = len(ids)
    verified_since = timezone.make_aware(datetime.combine(today, time.min)) - VERIFIED_WITHIN
    organisation_of = [0] * size
    verified = []
    services = {}
    rows = Service.objects.filter(pk__in=ids).values_list(
        "pk", "hsds_id", "name", "organisation_id", "organisation__name", "last_verified_at"
    )
    for pk, hsds_id, name, organisation_id, organisation_name, verified_at in rows:
        i = position[pk]
        organisation_of[i] = organisation_id
        services[pk] = (hsds_id, name, organisation_name)
        if verified_at is not None and verified_at >= verified_since:
            verified.append(i)
    verified_mask = catalogue_offer.bits(verified, size)
    free_mask = values["cost"].get(catalogue_offer.COST_SOCIAL, 0)  # free or social tariff
    languages = values["language"]
    municipality_masks = values["municipality"]
    everywhere = ((1 << size) - 1) & ~_union(municipality_masks.values())
    nis_codes = sorted(house_offer.house_municipalities)

    cells = []
    cell_masks = {}
    for domain_slug, _domain_name in house_offer.domains:
        domain_mask = values["domain"].get(domain_slug, 0)
        for age_slug, _age_name in house_offer.age_groups:
            domain_age = domain_mask & values["age_group"].get(age_slug, 0)
            for nis in nis_codes:
                mask = domain_age & (municipality_masks.get(nis, 0) | everywhere)
                organisations = {organisation_of[i] for i in _iter_bits(mask)}
                cells.append(
                    {
                        "domain": domain_slug,
                        "age_group": age_slug,
                        "municipality": nis,
                        "services": mask.bit_count(),
                        "organisations": len(organisations),
                        "free_or_social_tariff": (mask & free_mask).bit_count(),
                        "languages": sorted(c for c, m in languages.items() if m & mask),
                        "verified_last_12_months": (mask & verified_mask).bit_count(),
                    }
                )
                if len(organisations) > 1:
                    cell_masks[(domain_slug, age_slug, nis)] = mask
    overlaps = _overlaps(house, ids, position, organisation_of, cell_masks, services)
    return _Base(cells=cells, overlaps=overlaps, services=services)


def _union(masks) -> int:
    result = 0
    for mask in masks:
        result |= mask
    return result


def _overlaps(house, ids, position, organisation_of, cell_masks, services) -> list[dict]:
    """Near-duplicate services of different organisations, per cell (see ``similarity``)."""
    if not cell_masks:
        return []
    in_cells = _union(cell_masks.values())
    documents: dict[int, dict[int, int]] = {ids[i]: {} for i in _iter_bits(in_cells)}
    # Millions of rows for all houses: read plainly, without building a model row each.
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT service_id, term_id, weight FROM {SearchHousePosting._meta.db_table} "  # noqa: S608 (a table name, not input)
            "WHERE house_id = %s AND weight >= %s",
            [house.pk, similarity.MIN_WEIGHT],
        )
        found = documents.get
        while rows := cursor.fetchmany(50_000):
            for service_id, term_id, weight in rows:
                if (terms := found(service_id)) is not None:
                    terms[term_id] = weight
    unit = similarity.tfidf(documents)
    # One vector per position of the offer (empty outside the cells compared).
    vectors = [unit.get(pk, {}) for pk in ids]
    cells = list(cell_masks)
    # Per service, the cells (with two organisations or more) it is in, as a bit set; who it
    # may overlap with: the services of other organisations in those cells.
    cells_of: dict[int, int] = defaultdict(int)
    for c, mask in enumerate(cell_masks.values()):
        for i in _iter_bits(mask):
            cells_of[i] |= 1 << c
    own: dict[int, int] = defaultdict(int)
    for i in _iter_bits(in_cells):
        own[organisation_of[i]] |= 1 << i
    partners = [0] * len(ids)
    for i in _iter_bits(in_cells):
        reach = 0
        for c in _iter_bits(cells_of[i]):
            reach |= cell_masks[cells[c]]
        partners[i] = reach & ~own[organisation_of[i]]
    found = similarity.similar_pairs(vectors, partners=partners)
    per_cell: dict[tuple, dict[tuple, float]] = defaultdict(dict)
    for (i, j), value in found.items():
        a, b = ids[i], ids[j]
        for c in _iter_bits(cells_of[i] & cells_of[j]):
            per_cell[cells[c]][(a, b)] = value
    overlaps = []
    for (domain_slug, age_slug, nis), cell_pairs in per_cell.items():
        for group in similarity.groups(cell_pairs):
            links = [v for (a, b), v in cell_pairs.items() if a in group]
            members = sorted(group, key=lambda pk: services[pk][1])
            overlaps.append(
                {
                    "domain": domain_slug,
                    "age_group": age_slug,
                    "municipality": nis,
                    "services": [services[pk][0] for pk in members],
                    "similarity": round(min(links), 3),
                    "service_pks": members,
                }
            )
    order = _order()
    overlaps.sort(key=lambda o: (-o["similarity"], *_cell_order(o, order)))
    return overlaps


def _order() -> tuple[dict, dict]:
    return (
        {slug: i for i, slug in enumerate(Domain.objects.values_list("slug", flat=True))},
        {slug: i for i, slug in enumerate(AgeGroup.objects.values_list("slug", flat=True))},
    )


def _cell_order(cell: dict, order) -> tuple:
    return (
        order[0].get(cell["domain"], 0),
        order[1].get(cell["age_group"], 0),
        cell["municipality"],
    )


def population_weights(nis_codes) -> dict[tuple[str, str], int]:
    """The latest count of children per (NIS code, age group slug) the coordinator entered."""
    weights: dict[tuple[str, str], tuple[int, int]] = {}
    rows = PopulationFigure.objects.filter(municipality__nis_code__in=list(nis_codes)).values_list(
        "municipality__nis_code", "age_group__slug", "year", "count"
    )
    for nis, age_slug, year, count in rows:
        if (nis, age_slug) not in weights or weights[(nis, age_slug)][0] < year:
            weights[(nis, age_slug)] = (year, count)
    return {key: count for key, (_year, count) in weights.items()}


def coverage_matrix(house: House, *, today: date | None = None) -> dict:
    """The house's cells, gaps (heaviest first) and overlaps as plain dicts.

    A cell: ``domain`` and ``age_group`` (slugs), ``municipality`` (NIS code), ``services``,
    ``organisations`` and ``free_or_social_tariff`` (counts), ``languages`` (codes) and
    ``verified_last_12_months`` (a count). A gap: a cell plus ``id`` (``gap_id``), ``reason``
    (``none`` or ``paid_only``), ``weight`` (children of that age in that municipality where
    population figures were entered, else 1) and ``status`` (the coordinator's mark or None).
    An overlap: the cell's three keys, ``services`` (HSDS ids), ``similarity`` (the lowest
    cosine that links the group) and ``service_pks``.
    """
    today = today or timezone.localdate()
    base = _base(house, today)
    weights = population_weights({cell["municipality"] for cell in base.cells})
    marks = {
        mark.gap_id: mark
        for mark in GapStatus.objects.filter(house=house).select_related("marked_by")
    }
    order = _order()
    gaps = []
    for cell in base.cells:
        if cell["services"] and cell["free_or_social_tariff"]:
            continue
        identifier = gap_id(cell["domain"], cell["age_group"], cell["municipality"])
        mark = marks.get(identifier)
        gaps.append(
            {
                **cell,
                "id": identifier,
                "reason": REASON_PAID_ONLY if cell["services"] else REASON_NONE,
                "weight": weights.get((cell["municipality"], cell["age_group"]), 1),
                "weighted": (cell["municipality"], cell["age_group"]) in weights,
                "status": mark.status if mark else None,
                "mark": mark,
            }
        )
    gaps.sort(key=lambda gap: (-gap["weight"], *_cell_order(gap, order)))
    return {
        "house": house.slug,
        "cells": [dict(cell) for cell in base.cells],
        "gaps": gaps,
        "overlaps": [dict(overlap) for overlap in base.overlaps],
    }


def as_json(matrix: dict) -> dict:
    """The matrix with exactly the keys the command prints (docs/coverage.md)."""
    return {
        "house": matrix["house"],
        "cells": [{k: cell[k] for k in CELL_KEYS} for cell in matrix["cells"]],
        "gaps": [{k: gap[k] for k in GAP_KEYS} for gap in matrix["gaps"]],
        "overlaps": [{k: overlap[k] for k in OVERLAP_KEYS} for overlap in matrix["overlaps"]],
    }


def overlap_services(house: House, matrix: dict) -> dict[int, tuple[str, str, str]]:
    """pk -> (HSDS id, name, organisation name) of the services of the matrix's overlaps."""
    base = _base(house, timezone.localdate())
    wanted = {pk for overlap in matrix["overlaps"] for pk in overlap["service_pks"]}
    return {pk: base.services[pk] for pk in wanted if pk in base.services}


def forget() -> None:
    """Drop this process's copies (tests that write without signals)."""
    with _lock:
        _bases.clear()


@dataclass
class HeatMap:
    """One municipality's grid: rows of domains, columns of age groups, counts of services."""

    municipality: Municipality
    domains: list[tuple[str, str]]
    age_groups: list[tuple[str, str]]
    counts: dict[tuple[str, str], dict]
    maximum: int


def heat_map(house: House, matrix: dict, nis_code: str) -> HeatMap | None:
    """The grid of ``nis_code`` (one of the house's municipalities) from ``matrix``."""
    municipality = house.municipalities.filter(nis_code=nis_code).first()
    if municipality is None:
        return None
    counts = {
        (cell["domain"], cell["age_group"]): cell
        for cell in matrix["cells"]
        if cell["municipality"] == nis_code
    }
    return HeatMap(
        municipality=municipality,
        domains=list(Domain.objects.values_list("slug", "name")),
        age_groups=list(AgeGroup.objects.values_list("slug", "name")),
        counts=counts,
        maximum=max((cell["services"] for cell in counts.values()), default=0),
    )


def house_municipalities(house: House) -> list[Municipality]:
    return list(house.municipalities.order_by("name"))


def population_figures(house: House):
    """The population figures of the house's municipalities, latest year first."""
    return (
        PopulationFigure.objects.filter(municipality__houses=house)
        .select_related("municipality", "age_group")
        .order_by("municipality__name", "age_group__position", "-year")
    )


def gap_mark(house: House, identifier: str) -> GapStatus | None:
    """The coordinator's mark on a gap of ``house`` (also when the gap is closed today)."""
    return (
        GapStatus.objects.select_related("marked_by").filter(house=house, gap_id=identifier).first()
    )


def gap_cell(house: House, identifier: str) -> dict | None:
    """The cell named by a gap id of ``house`` (whether or not it is a gap today), or None."""
    nis_codes = set(house.municipalities.values_list("nis_code", flat=True))
    age_slugs = list(AgeGroup.objects.values_list("slug", flat=True))
    for domain_slug in Domain.objects.values_list("slug", flat=True):
        for age_slug in age_slugs:
            for nis in nis_codes:
                if gap_id(domain_slug, age_slug, nis) == identifier:
                    return {"domain": domain_slug, "age_group": age_slug, "municipality": nis}
    return None
