"""The published offer of each house in process memory: what the catalogue filters and counts.

A house offers a few hundred to a few thousand services. For each house a process keeps their
ids in name order and, per filter value (a domain, an age group, a municipality, free, social
tariff, a language), the set of services that have it as a bit set over those positions.
Filtering is then an AND of a few integers and every count of every facet a ``bit_count()``:
no aggregate query per page, whatever the size of the house.

A house's copy is valid for one pair of stamps: ``CatalogueState.everything`` (drawn anew by a
change that concerns every house: a domain, an age group, a municipality, a bulk load) and the
house's own ``HouseOfferState.stamp`` (drawn anew by a change of its offer: a service of one of
its partners, a partnership, its municipalities). Signals (``catalogue.signals``) draw them in
the transaction of the write, so every process reloads the houses concerned, and only those,
the next time they are asked for: with all 160 houses of Flanders on one deployment, a partner
editing a service in one house does not make every process reload the other 159. A page reads
both stamps in one small query. ``CatalogueState.stamp`` is drawn anew by every change (the
figures of ``coverage`` that span houses follow it).
"""

import secrets
import threading
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import transaction

from huisvanhetkind.catalogue.models import CatalogueState, HouseOfferState, Service
from huisvanhetkind.core import sql
from huisvanhetkind.network.models import AgeGroup, Domain, House

COST_FREE = "gratis"
COST_SOCIAL = "sociaal-tarief"
# The facets, in the order of the attributes of ``CatalogueFilters`` they are selected by.
FACETS = ("domain", "age_group", "municipality", "cost", "language")
MAX_HOUSES = 1_000  # copies kept per process (all of Flanders is about 160 houses)


def bits(positions: Iterable[int], size: int) -> int:
    """The bit set of ``positions`` (each below ``size``) as an integer."""
    buffer = bytearray((size + 7) // 8)
    for position in positions:
        buffer[position >> 3] |= 1 << (position & 7)
    return int.from_bytes(buffer, "little")


@dataclass
class HouseOffer:
    """The published services of one house and, per facet value, which of them have it."""

    ids: list[int]  # in the order of the catalogue without a query: name, then id
    position: dict[int, int]
    values: dict[str, dict[str, int]]  # facet -> value -> bit set of positions
    municipality_names: dict[str, str] = field(default_factory=dict)  # NIS code -> name
    house_municipalities: list[str] = field(default_factory=list)  # NIS codes
    # The reference lists in their order, (slug, name): the facets' options and the cards' tags.
    domains: list[tuple[str, str]] = field(default_factory=list)
    age_groups: list[tuple[str, str]] = field(default_factory=list)

    @property
    def everything(self) -> int:
        return (1 << len(self.ids)) - 1

    def mask(self, ids: Iterable[int]) -> int:
        """The bit set of the services ``ids`` (those not in the offer are left out)."""
        position = self.position
        return bits((position[pk] for pk in ids if pk in position), len(self.ids))

    def ids_in(self, mask: int) -> list[int]:
        """The services of ``mask``, in name order."""
        ids = self.ids
        return [ids[i] for i, bit in enumerate(reversed(bin(mask)[2:])) if bit == "1"]

    def selection(self, selected: dict[str, str], skip: str = "") -> int:
        """The services having every selected value (an unknown value selects nothing),
        leaving out the facet ``skip``."""
        mask = self.everything
        for facet, value in selected.items():
            if value and facet != skip:
                mask &= self.values[facet].get(value, 0)
        return mask

    def values_of(self, pk: int, facet: str) -> list[str]:
        """The values of ``facet`` that the service ``pk`` has."""
        bit = 1 << self.position[pk]
        return [value for value, mask in self.values[facet].items() if mask & bit]

    def counts(self, candidates: int, selected: dict[str, str]) -> dict[str, dict[str, int]]:
        """Per facet, how many of ``candidates`` each value has, given the other facets'
        selection (so a parent sees what choosing another value would give)."""
        counts = {}
        for facet in FACETS:
            base = candidates & self.selection(selected, skip=facet)
            counts[facet] = {
                value: (base & mask).bit_count() for value, mask in self.values[facet].items()
            }
        return counts


def load(house: House) -> HouseOffer:
    """Read the published offer of ``house`` from the database: eight small queries."""
    services = Service.objects.published().in_house(house)
    # Sorted here, not by the database: the same order on SQLite and PostgreSQL (code points,
    # as SQLite compares), and no sort of the wide service rows in the database.
    rows = sorted(
        services.values_list("name", "pk", "is_free", "social_tariff", "languages"),
        key=lambda row: row[:2],
    )
    ids = [row[1] for row in rows]
    position = {pk: i for i, pk in enumerate(ids)}
    found: dict[str, defaultdict[str, list[int]]] = {f: defaultdict(list) for f in FACETS}
    for i, (_name, _pk, is_free, social_tariff, languages) in enumerate(rows):
        if is_free:
            found["cost"][COST_FREE].append(i)
        if is_free or social_tariff:
            found["cost"][COST_SOCIAL].append(i)
        for code in languages or ():
            found["language"][code].append(i)
    subquery = services.values("pk")
    links = {
        "domain": Service.domains.through.objects.values_list("service_id", "domain__slug"),
        "age_group": Service.age_groups.through.objects.values_list("service_id", "agegroup__slug"),
        "municipality": Service.service_areas.through.objects.values_list(
            "service_id", "municipality__nis_code"
        ),
    }
    for facet, link in links.items():
        for pk, value in link.filter(service_id__in=subquery):
            found[facet][value].append(position[pk])
    house_municipalities = dict(house.municipalities.values_list("nis_code", "name"))
    names = house_municipalities | dict(
        house.municipalities.model.objects.filter(
            nis_code__in=list(found["municipality"])
        ).values_list("nis_code", "name")
    )
    size = len(ids)
    return HouseOffer(
        ids=ids,
        position=position,
        values={f: {v: bits(p, size) for v, p in found[f].items()} for f in FACETS},
        municipality_names=names,
        house_municipalities=list(house_municipalities),
        domains=list(Domain.objects.values_list("slug", "name")),
        age_groups=list(AgeGroup.objects.values_list("slug", "name")),
    )


_lock = threading.Lock()
_offers: dict[int, tuple[tuple, HouseOffer]] = {}


def new_stamp() -> int:
    """A random stamp: a rolled back write leaves the old one, so a copy read inside that
    transaction never passes for a committed one (a counter could come back to its value)."""
    return secrets.randbits(62) + 1


def current_stamp() -> int:
    """The stamp of any change of any house's offer."""
    return CatalogueState.objects.filter(pk=1).values_list("stamp", flat=True).first() or 0


def offer_stamp(house: House) -> tuple:
    """What a copy of ``house``'s offer is valid for: one query, on every catalogue page. Plain
    SQL: built by the ORM, its two subqueries cost more to compile than to run."""
    row = sql.one(_STAMPS_SQL, [house.pk])
    return (row[0] or 0, row[1] or 0)


_STAMPS_SQL = (
    "SELECT (SELECT everything FROM catalogue_cataloguestate WHERE id = 1),"
    " (SELECT stamp FROM catalogue_houseofferstate WHERE house_id = %s)"
)


def house_offer(house: House) -> HouseOffer:
    """The offer of ``house``, from this process's copy while no write changed it."""
    stamp = offer_stamp(house)
    cached = _offers.get(house.pk)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    offer = load(house)
    with _lock:
        if len(_offers) >= MAX_HOUSES:
            _offers.clear()
        _offers[house.pk] = (stamp, offer)
    return offer


def forget() -> None:
    """Drop this process's copies (tests that write without signals, such as ``bulk_create``)."""
    with _lock:
        _offers.clear()


def changed(houses: Iterable[int] | None = None) -> None:
    """Record, in the current transaction, that the offer of ``houses`` (their ids) changed, or
    of every house (``None``): their copies are stale in every process."""
    values = {"stamp": new_stamp()}
    if houses is None:
        values["everything"] = new_stamp()
    with transaction.atomic():
        if not CatalogueState.objects.filter(pk=1).update(**values):
            CatalogueState.objects.create(pk=1, **values)
        if houses is not None:
            stamp = new_stamp()
            HouseOfferState.objects.bulk_create(
                [HouseOfferState(house_id=pk, stamp=stamp) for pk in set(houses)],
                update_conflicts=True,
                unique_fields=["house_id"],
                update_fields=["stamp"],
            )
