"""The public childcare list and page: by municipality, age and start month, without an account;
what a link gets wrong is said in Dutch and the list still shows; one house never shows another's."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from huisvanhetkind.childcare import services
from huisvanhetkind.childcare.months import add_months, first_of_month
from huisvanhetkind.network.models import Municipality
from tests.childcare.conftest import make_location
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

URL = "/kalmthout/kinderopvang/"


def next_month() -> date:
    return add_months(first_of_month(timezone.localdate()), 1)


@pytest.fixture
def offer(house, provider, kabouters):
    speelvogel = make_location(
        house=house,
        organisation=provider,
        name="Buitenschoolse opvang De Speelvogel",
        kind="buitenschoolse-opvang",
        min_age_months=30,
        max_age_months=155,
        licensed_places=40,
    )
    services.free_places_set(childcare=kabouters, actor=None, places={next_month(): 2})
    return {"kabouters": kabouters, "speelvogel": speelvogel}


def names(response) -> list[str]:
    return [c.service.name for c in response.context["page"].object_list]


def test_a_parent_sees_every_location_of_the_house_without_an_account(client, offer):
    response = client.get(URL)
    assert response.status_code == 200
    assert names(response) == [
        "Buitenschoolse opvang De Speelvogel",
        "Kinderdagverblijf De Kabouters",
    ]
    assert "Kinderopvang zoeken" in response.text


def test_age_filter_keeps_the_locations_that_take_a_child_of_that_age(client, offer):
    assert names(client.get(URL, {"leeftijd": "1"})) == ["Kinderdagverblijf De Kabouters"]
    assert names(client.get(URL, {"leeftijd": "6"})) == ["Buitenschoolse opvang De Speelvogel"]
    # 2 years: 24 to 35 months, both the daycare (to 35) and the out-of-school care (from 30).
    assert len(names(client.get(URL, {"leeftijd": "2"}))) == 2


def test_start_month_shows_free_places_first_and_can_keep_only_those(client, offer):
    month = f"{next_month():%Y-%m}"
    response = client.get(URL, {"start": month})
    assert names(response) == [
        "Kinderdagverblijf De Kabouters",
        "Buitenschoolse opvang De Speelvogel",
    ]
    assert "2 vrije plaatsen in" in response.text
    assert "Geen vrije plaats gemeld voor" in response.text
    only = client.get(URL, {"start": month, "vrij": "1"})
    assert names(only) == ["Kinderdagverblijf De Kabouters"]


def test_municipality_filter_uses_the_site_of_the_location(client, house, provider, offer):
    house.municipalities.add(Municipality.objects.get(name="Essen"))
    make_location(
        house=house,
        organisation=provider,
        name="Gezinsopvang Het Nestje",
        municipality="Essen",
        street="Kerkstraat 2",
        postcode="2910",
        kind="gezinsopvang",
        licensed_places=8,
    )
    essen = house.municipalities.get(name="Essen").nis_code
    assert names(client.get(URL, {"gemeente": essen})) == ["Gezinsopvang Het Nestje"]
    assert len(names(client.get(URL))) == 3


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"leeftijd": "abc"}, "Kies een leeftijd van 0 tot 14 jaar."),
        ({"leeftijd": "15"}, "Kies een leeftijd van 0 tot 14 jaar."),
        ({"start": "2001-01"}, "Kies een startmaand uit de lijst"),
        ({"start": "volgende maand"}, "Kies een startmaand uit de lijst"),
        ({"gemeente": "Kalmthout"}, "Die gemeente kennen we niet."),
        ({"soort": "crèche"}, "Die soort opvang kennen we niet."),
        ({"pagina": "0"}, "Dat paginanummer bestaat niet."),
    ],
)
def test_a_bad_link_says_what_was_wrong_and_still_shows_everything(client, offer, params, message):
    response = client.get(URL, params)
    assert response.status_code == 200
    assert message in response.text
    assert len(names(response)) == 2


def test_a_draft_service_and_another_house_are_not_shown(
    client, house, other_house, provider, offer
):
    make_location(house=house, organisation=provider, name="Nog niet open", status="draft")
    regional = OrganisationFactory(name="Kinderopvang De Sterrenpluk", houses=[other_house])
    make_location(
        house=other_house,
        organisation=regional,
        name="Kinderdagverblijf De Sterrenpluk",
        municipality="Zoersel",
        street="Boslaan 52",
        postcode="2980",
    )
    assert "Nog niet open" not in names(client.get(URL))
    assert "Kinderdagverblijf De Sterrenpluk" not in names(client.get(URL))
    regional_names = names(client.get("/zoersel-brecht-zandhoven-wijnegem-schilde/kinderopvang/"))
    assert regional_names == ["Kinderdagverblijf De Sterrenpluk"]


def test_the_list_reads_a_fixed_number_of_queries(client, house, provider, offer):
    params = {"start": f"{next_month():%Y-%m}", "leeftijd": "1"}
    with CaptureQueriesContext(connection) as few:
        client.get(URL, params)
    for n in range(5):
        make_location(house=house, organisation=provider, name=f"Extra opvang {n}")
    with CaptureQueriesContext(connection) as many:
        response = client.get(URL, params)
    assert len(names(response)) == 6
    assert len(many) == len(few)


def test_the_location_page_shows_the_facts_and_the_free_places(client, offer):
    kabouters = offer["kabouters"]
    response = client.get(f"{URL}{kabouters.pk}/")
    assert response.status_code == 200
    text = response.text
    assert "Kinderdagverblijf De Kabouters" in text
    assert "Heidestraat 41" in text
    assert "van 0 jaar tot 3 jaar" in text
    assert "18 vergunde plaatsen" in text
    assert "Inkomenstarief" in text
    assert "Nederlands, Frans" in text
    assert f"{next_month():%Y}" in text


def test_the_location_page_of_another_house_or_a_draft_is_not_found(
    client, house, other_house, provider, offer
):
    draft = make_location(house=house, organisation=provider, name="Concept", status="draft")
    assert client.get(f"{URL}{draft.pk}/").status_code == 404
    kabouters = offer["kabouters"]
    other = f"/zoersel-brecht-zandhoven-wijnegem-schilde/kinderopvang/{kabouters.pk}/"
    assert client.get(other).status_code == 404
    assert client.get(f"{URL}{kabouters.pk}/").status_code == 200
