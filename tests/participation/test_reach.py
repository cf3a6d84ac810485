"""The reach of a house: grouped counts only, per municipality and month, against population
figures; counts of 1 to 4 hidden; a CSV of the same table; only for the coordinator and the
steering group of the house."""

import csv
import io

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from huisvanhetkind.coverage.models import PopulationFigure
from huisvanhetkind.network.models import AgeGroup
from huisvanhetkind.participation import selectors_reach
from tests.conftest import logged_in
from tests.factories import QuestionFactory, RegistrationFactory, SessionFactory
from tests.participation.figures_helpers import numbers_in_cells, steering_member  # noqa: F401

pytestmark = pytest.mark.django_db


def url(name, house):
    return reverse(f"participation:{name}", kwargs={"house_slug": house.slug})


@pytest.fixture
def reached(house):
    session = SessionFactory(activity__house=house)
    for n in range(9):
        RegistrationFactory(session=session, social_tariff=n < 3)
    for _ in range(6):
        QuestionFactory(house=house)
    municipality = house.municipalities.first()
    PopulationFigure.objects.create(
        municipality=municipality, age_group=AgeGroup.objects.get(slug="0-3"), year=2024, count=700
    )
    PopulationFigure.objects.create(
        municipality=municipality, age_group=AgeGroup.objects.get(slug="0-3"), year=2025, count=720
    )
    PopulationFigure.objects.create(
        municipality=municipality,
        age_group=AgeGroup.objects.get(slug="6-12"),
        year=2025,
        count=1500,
    )
    return house


def test_reach_counts_per_measure_and_hides_small_ones(reached):
    reach = selectors_reach.reach_table(reached)
    keys = [m.key for m in reach.measures]
    assert keys == [
        "inschrijvingen",
        "sociaal-tarief",
        "vragen",
        "verwijzingen",
        "brugfiguren",
        "opvang-sociaal",
    ]
    assert str(reach.totals["inschrijvingen"]) == "9"
    assert str(reach.totals["sociaal-tarief"]) == "< 5"  # 3 with the social-tariff box
    assert str(reach.totals["vragen"]) == "6"
    name = reached.municipalities.first().name
    assert reach.population[name] == 720 + 1500  # the latest year of each age group


def test_reach_is_a_fixed_number_of_grouped_queries(reached):
    with CaptureQueriesContext(connection) as queries:
        selectors_reach.reach_table(reached)
    assert len(queries) <= 12
    sql = " ".join(q["sql"] for q in queries).lower()
    assert "email" not in sql and 'name" from "activities_registration' not in sql


def test_reach_page_and_csv_for_the_coordinator(reached, coordinator):
    client = logged_in(coordinator)
    response = client.get(url("reach", reached))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Bereik" in page and "<svg" in page and "<script" not in page
    assert "Sara Peeters" not in page
    assert not [n for n in numbers_in_cells(page) if 0 < n < 5]
    download = client.get(url("reach_csv", reached))
    assert download.status_code == 200 and download["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(download.content.decode())))
    assert rows[0][0] == "gemeente"
    values = [cell for row in rows[1:] for cell in row[1:-1] if cell.isdigit()]
    assert not [v for v in values if 0 < int(v) < 5]
    assert any(row and row[0] == "totaal" for row in rows)


def test_reach_for_the_steering_group(reached, steering_member):  # noqa: F811
    assert logged_in(steering_member).get(url("reach", reached)).status_code == 200
    assert logged_in(steering_member).get(url("reach_csv", reached)).status_code == 200


def test_reach_refuses_outsiders(reached, other_coordinator, worker, outsider):
    for user in (other_coordinator, worker, outsider):
        client = logged_in(user)
        assert client.get(url("reach", reached)).status_code == 404
        assert client.get(url("reach_csv", reached)).status_code == 404
    for name in ("reach", "reach_csv"):
        response = Client().get(url(name, reached))
        assert response.status_code == 302 and b"Sara" not in response.content


def test_reach_of_another_house_counts_nothing_of_this_one(reached, other_house):
    reach = selectors_reach.reach_table(other_house)
    assert all(total.value == 0 for total in reach.totals.values())
