"""Cells, gaps and overlaps on the fixture catalogue (tests/coverage/conftest.py)."""

from datetime import date

import pytest

from huisvanhetkind.catalogue.search.services import index_service
from huisvanhetkind.coverage import selectors
from huisvanhetkind.coverage.models import PopulationFigure
from huisvanhetkind.network.models import AgeGroup, Domain, Municipality
from tests.coverage.conftest import overlap_services
from tests.factories import ServiceFactory

KALMTHOUT, WUUSTWEZEL = "11022", "11053"


def _nis(name):
    return Municipality.objects.get(name=name).nis_code


def _cell(matrix, domain, age_group, name):
    nis = _nis(name)
    return next(
        c
        for c in matrix["cells"]
        if (c["domain"], c["age_group"], c["municipality"]) == (domain, age_group, nis)
    )


def _gap(matrix, domain, age_group, name):
    wanted = selectors.gap_id(domain, age_group, _nis(name))
    return next((g for g in matrix["gaps"] if g["id"] == wanted), None)


def test_every_cell_of_domain_age_group_and_municipality_is_there(duo, catalogue):
    matrix = selectors.coverage_matrix(duo)
    assert len(matrix["cells"]) == Domain.objects.count() * AgeGroup.objects.count() * 2
    assert {c["municipality"] for c in matrix["cells"]} == {_nis("Kalmthout"), _nis("Wuustwezel")}


def test_a_cell_counts_published_services_of_active_partners_only(duo, catalogue):
    matrix = selectors.coverage_matrix(duo, today=date.today())
    cell = _cell(matrix, "opvoedingsondersteuning", "0-3", "Kalmthout")
    # The free one (Kalmthout) and the paid one (no service area: everywhere); not the draft.
    assert cell["services"] == 2
    assert cell["organisations"] == 2
    assert cell["free_or_social_tariff"] == 1
    assert cell["languages"] == ["fr", "nl"]
    assert cell["verified_last_12_months"] == 1
    # The ended partner's and the other organisation's free health services count nowhere.
    assert _cell(matrix, "gezondheid", "0-3", "Kalmthout")["services"] == 0


def test_a_service_with_a_service_area_counts_only_there(duo, catalogue):
    matrix = selectors.coverage_matrix(duo)
    assert _cell(matrix, "opvoedingsondersteuning", "0-3", "Wuustwezel")["services"] == 1
    assert _cell(matrix, "vrije-tijd-ontmoeting", "6-12", "Wuustwezel")["services"] == 1
    assert _cell(matrix, "vrije-tijd-ontmoeting", "6-12", "Kalmthout")["services"] == 0


def test_gaps_are_cells_without_services_or_with_paid_ones_only(duo, catalogue):
    matrix = selectors.coverage_matrix(duo)
    assert _gap(matrix, "opvoedingsondersteuning", "0-3", "Kalmthout") is None
    paid = _gap(matrix, "opvoedingsondersteuning", "0-3", "Wuustwezel")
    assert paid["reason"] == "paid_only" and paid["services"] == 1
    none = _gap(matrix, "gezondheid", "0-3", "Kalmthout")
    assert none["reason"] == "none" and none["services"] == 0
    # A social tariff is affordable: no gap.
    assert _gap(matrix, "vrije-tijd-ontmoeting", "6-12", "Wuustwezel") is None
    cells_without = [c for c in matrix["cells"] if not c["free_or_social_tariff"]]
    assert len(matrix["gaps"]) == len(cells_without)


def test_gap_ids_are_stable_and_name_the_cell(duo, catalogue, partners):
    identifier = selectors.gap_id("gezondheid", "0-3", KALMTHOUT)
    assert identifier == "gap-gezondheid-0-3-11022"
    before = {g["id"] for g in selectors.coverage_matrix(duo)["gaps"]}
    ServiceFactory(
        organisation=partners["c"], domains=["onderwijs"], age_groups=["12-18"], is_free=True
    )
    after = {g["id"] for g in selectors.coverage_matrix(duo)["gaps"]}
    # Filling two cells removes exactly their ids; every other id is unchanged.
    assert before - after == {
        selectors.gap_id("onderwijs", "12-18", KALMTHOUT),
        selectors.gap_id("onderwijs", "12-18", WUUSTWEZEL),
    }
    assert after <= before


def test_gaps_weigh_one_without_population_figures(duo, catalogue):
    gaps = selectors.coverage_matrix(duo)["gaps"]
    assert {g["weight"] for g in gaps} == {1}
    assert not any(g["weighted"] for g in gaps)


def test_gaps_weigh_the_latest_number_of_children_and_come_heaviest_first(duo, catalogue):
    wuustwezel = Municipality.objects.get(name="Wuustwezel")
    toddlers = AgeGroup.objects.get(slug="0-3")
    PopulationFigure.objects.create(
        municipality=wuustwezel, age_group=toddlers, year=2024, count=300
    )
    PopulationFigure.objects.create(
        municipality=wuustwezel, age_group=toddlers, year=2025, count=320
    )
    PopulationFigure.objects.create(
        municipality=Municipality.objects.get(name="Kalmthout"),
        age_group=AgeGroup.objects.get(slug="12-18"),
        year=2025,
        count=1200,
    )
    gaps = selectors.coverage_matrix(duo)["gaps"]
    assert gaps[0]["weight"] == 1200 and gaps[0]["age_group"] == "12-18"
    paid = next(
        g for g in gaps if g["id"] == selectors.gap_id("opvoedingsondersteuning", "0-3", WUUSTWEZEL)
    )
    assert paid["weight"] == 320 and paid["weighted"]
    # Positive control: a cell without figures still weighs 1.
    assert (
        next(g for g in gaps if g["municipality"] == KALMTHOUT and g["age_group"] == "6-12")[
            "weight"
        ]
        == 1
    )
    assert [g["weight"] for g in gaps] == sorted((g["weight"] for g in gaps), reverse=True)


def test_near_duplicates_of_different_organisations_in_one_cell_overlap(duo, partners):
    first, second = overlap_services(duo, partners)
    overlaps = selectors.coverage_matrix(duo)["overlaps"]
    assert len(overlaps) == 1
    overlap = overlaps[0]
    assert (overlap["domain"], overlap["age_group"], overlap["municipality"]) == (
        "vrije-tijd-ontmoeting",
        "0-3",
        KALMTHOUT,
    )
    assert sorted(overlap["services"]) == sorted([first.hsds_id, second.hsds_id])
    assert overlap["similarity"] >= 0.4


@pytest.mark.parametrize("case", ["same_organisation", "other_cell"])
def test_near_duplicates_of_one_organisation_or_in_other_cells_do_not_overlap(duo, partners, case):
    overlap_services(duo, partners, **{case: True})
    assert selectors.coverage_matrix(duo)["overlaps"] == []


def test_different_services_in_one_cell_do_not_overlap(duo, partners):
    for organisation, name, summary in [
        (partners["a"], "Babymassage", "Leer je baby masseren in vier sessies met een vroedvrouw."),
        (partners["b"], "Kraamzorg", "Hulp aan huis na de bevalling: verzorging en huishouden."),
    ]:
        index_service(
            ServiceFactory(
                organisation=organisation,
                name=name,
                summary=summary,
                domains=["gezondheid"],
                age_groups=["0-3"],
                is_free=True,
            )
        )
    assert selectors.coverage_matrix(duo)["overlaps"] == []


def test_the_matrix_takes_a_fixed_number_of_queries(
    duo, catalogue, partners, django_assert_max_num_queries
):
    overlap_services(duo, partners)
    selectors.forget()
    with django_assert_max_num_queries(20):
        selectors.coverage_matrix(duo)
    # Kept until the offer or the index changes: a second read is a few small queries.
    with django_assert_max_num_queries(8):
        selectors.coverage_matrix(duo)


def test_as_json_keeps_exactly_the_documented_keys(duo, catalogue, partners):
    overlap_services(duo, partners)
    data = selectors.as_json(selectors.coverage_matrix(duo))
    assert set(data) == {"house", "cells", "gaps", "overlaps"}
    assert set(data["cells"][0]) == {
        "domain",
        "age_group",
        "municipality",
        "services",
        "organisations",
        "free_or_social_tariff",
    }
    assert set(data["gaps"][0]) == set(data["cells"][0]) | {"id", "reason", "weight"}
    assert set(data["overlaps"][0]) == {
        "domain",
        "age_group",
        "municipality",
        "services",
        "similarity",
    }
