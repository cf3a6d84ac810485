"""``huisvanhetkind coverage --house SLUG --format json``: exactly the documented keys; bad
arguments exit with status 2."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests.coverage.conftest import overlap_services


def _run(**options):
    out = StringIO()
    call_command("coverage", stdout=out, **options)
    return json.loads(out.getvalue())


def test_the_command_prints_the_house_cells_gaps_and_overlaps(duo, catalogue, partners):
    first, second = overlap_services(duo, partners)
    data = _run(house=duo.slug, format="json")
    assert list(data) == ["house", "cells", "gaps", "overlaps"]
    assert data["house"] == duo.slug
    cell_keys = [
        "domain",
        "age_group",
        "municipality",
        "services",
        "organisations",
        "free_or_social_tariff",
    ]
    assert all(list(cell) == cell_keys for cell in data["cells"])
    assert all(list(gap) == [*cell_keys, "id", "reason", "weight"] for gap in data["gaps"])
    assert all(
        list(o) == ["domain", "age_group", "municipality", "services", "similarity"]
        for o in data["overlaps"]
    )
    assert {gap["reason"] for gap in data["gaps"]} == {"none", "paid_only"}
    assert data["gaps"][0]["id"].startswith("gap-")
    assert sorted(data["overlaps"][0]["services"]) == sorted([first.hsds_id, second.hsds_id])
    cell = next(
        c
        for c in data["cells"]
        if (c["domain"], c["age_group"], c["municipality"])
        == ("opvoedingsondersteuning", "0-3", "11022")
    )
    assert (cell["services"], cell["organisations"], cell["free_or_social_tariff"]) == (2, 2, 1)


def test_all_houses_are_printed_as_a_list(duo, catalogue, other_house):
    data = _run(all=True)
    assert [item["house"] for item in data] == sorted([duo.slug, other_house.slug])


@pytest.mark.parametrize(
    "options, message",
    [
        ({"house": "bestaat-niet"}, "Er is geen huis met de korte naam “bestaat-niet”."),
        ({"house": "kalmthout-wuustwezel", "format": "xml"}, "Onbekend formaat “xml”"),
        ({}, "Geef --house SLUG of --all"),
        ({"house": "kalmthout-wuustwezel", "all": True}, "Geef --house SLUG of --all"),
    ],
)
def test_bad_arguments_exit_with_status_2(duo, options, message):
    with pytest.raises(CommandError) as raised:
        call_command("coverage", stdout=StringIO(), **options)
    assert raised.value.returncode == 2
    assert message in str(raised.value)


def test_a_bad_number_of_jobs_exits_with_status_2(duo):
    with pytest.raises(CommandError) as raised:
        call_command("coverage", stdout=StringIO(), all=True, jobs="veel")
    assert raised.value.returncode == 2
    assert "--jobs" in str(raised.value)
