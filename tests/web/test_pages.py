"""Public pages: landing, house home, partner directory, organisation page, static pages (health
checks: test_health.py)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from huisvanhetkind.network.models import Municipality, OpeningHours, Partnership
from tests.factories import HouseFactory, LocationFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def test_landing_lists_the_houses(parent_client, house, other_house):
    content = parent_client.get("/").content.decode()
    assert house.name in content
    assert other_house.name in content
    assert f'href="/{house.slug}/"' in content


def test_house_home_shows_mission_address_hours_partners_and_contact(
    parent_client, house, organisation
):
    location = LocationFactory(house=house, name="Huis van het Kind Kalmthout")
    OpeningHours.objects.create(location=location, weekday=1, opens="09:00", closes="12:00")
    content = parent_client.get(f"/{house.slug}/").content.decode()
    assert house.mission in content
    assert "Kapellensteenweg 170" in content and "2920 Kalmthout" in content
    assert "Dinsdag" in content and "09:00–12:00" in content
    assert organisation.name in content
    assert house.email in content


def test_unknown_house_is_404(parent_client, db):
    assert parent_client.get("/bestaat-niet/").status_code == 404
    assert parent_client.get("/bestaat-niet/partners/").status_code == 404


def test_house_is_resolved_from_its_own_domain(parent_client, house, organisation):
    house.domain = "huisvanhetkind.kalmthout.example.be"
    house.save()
    from django.test import override_settings

    with override_settings(ALLOWED_HOSTS=["huisvanhetkind.kalmthout.example.be"]):
        home = parent_client.get("/", HTTP_HOST="huisvanhetkind.kalmthout.example.be")
        partners = parent_client.get("/partners/", HTTP_HOST="huisvanhetkind.kalmthout.example.be")
        slugged = parent_client.get(
            f"/{house.slug}/partners/", HTTP_HOST="huisvanhetkind.kalmthout.example.be"
        )
    assert home.status_code == 200 and house.name in home.content.decode()
    assert organisation.name in partners.content.decode()
    assert slugged.status_code == 200


def test_directory_shows_only_active_partners_of_this_house(
    parent_client, house, other_house, organisation
):
    elsewhere = OrganisationFactory(name="Enkel in de regio", houses=[other_house])
    ended = OrganisationFactory(name="Vroegere partner", houses=[house])
    Partnership.objects.filter(organisation=ended).update(status=Partnership.Status.ENDED)
    content = parent_client.get(
        reverse("web:partners", kwargs={"house_slug": house.slug})
    ).content.decode()
    assert organisation.name in content
    assert elsewhere.name not in content
    assert ended.name not in content
    other = parent_client.get(
        reverse("web:partner", kwargs={"house_slug": house.slug, "pk": elsewhere.pk})
    )
    assert other.status_code == 404


def test_directory_filters_by_domain_and_municipality(
    parent_client, house, organisation, other_organisation
):
    brasschaat = Municipality.objects.get(name="Brasschaat")
    kalmthout = Municipality.objects.get(name="Kalmthout")
    organisation.municipalities.set([brasschaat])
    other_organisation.municipalities.set([kalmthout])
    url = reverse("web:partners", kwargs={"house_slug": house.slug})
    by_domain = parent_client.get(url, {"domein": "opvoedingsondersteuning"}).content.decode()
    assert organisation.name in by_domain and other_organisation.name not in by_domain
    by_place = parent_client.get(url, {"gemeente": kalmthout.nis_code}).content.decode()
    assert other_organisation.name in by_place and organisation.name not in by_place
    assert "Opvoedingsondersteuning (1)" in by_place


def test_unknown_filter_values_give_an_empty_list_not_an_error(parent_client, house, organisation):
    url = reverse("web:partners", kwargs={"house_slug": house.slug})
    response = parent_client.get(url, {"domein": "<script>", "gemeente": "xx", "pagina": "-3"})
    assert response.status_code == 200
    assert "0 partners gevonden" in response.content.decode()
    assert "<script>" not in response.content.decode()


def test_organisation_page_shows_contact_domains_and_locations(parent_client, house, organisation):
    LocationFactory(organisation=organisation, name="Opvoedingspunt", street="Dorpsstraat 1")
    organisation.phone = "03 000 00 09"
    organisation.save()
    url = reverse("web:partner", kwargs={"house_slug": house.slug, "pk": organisation.pk})
    content = parent_client.get(url).content.decode()
    assert organisation.name in content
    assert "Dorpsstraat 1" in content
    assert "03 000 00 09" in content
    assert "Opvoedingsondersteuning" in content


def _directory_queries(client, house):
    url = reverse("web:partners", kwargs={"house_slug": house.slug})
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_directory_query_count_does_not_grow_with_the_data(parent_client, house):
    OrganisationFactory.create_batch(3, houses=[house], domains=["gezondheid"])
    few = _directory_queries(parent_client, house)
    for organisation in OrganisationFactory.create_batch(
        20, houses=[house], domains=["gezondheid", "onderwijs"]
    ):
        organisation.municipalities.set(Municipality.objects.all()[:3])
        LocationFactory(organisation=organisation)
    many = _directory_queries(parent_client, house)
    assert few == many
    assert many <= 10


def test_organisation_page_query_count_does_not_grow_with_locations(
    parent_client, house, organisation
):
    url = reverse("web:partner", kwargs={"house_slug": house.slug, "pk": organisation.pk})
    LocationFactory(organisation=organisation)
    with CaptureQueriesContext(connection) as few:
        parent_client.get(url)
    for _ in range(5):
        location = LocationFactory(organisation=organisation)
        OpeningHours.objects.create(location=location, weekday=0, opens="09:00", closes="17:00")
    with CaptureQueriesContext(connection) as many:
        parent_client.get(url)
    assert len(few) == len(many)


def test_house_home_query_count_does_not_grow_with_partners(parent_client, house):
    OrganisationFactory.create_batch(2, houses=[house], domains=["gezondheid"])
    with CaptureQueriesContext(connection) as few:
        parent_client.get(f"/{house.slug}/")
    OrganisationFactory.create_batch(15, houses=[house], domains=["gezondheid"])
    with CaptureQueriesContext(connection) as many:
        parent_client.get(f"/{house.slug}/")
    assert len(few) == len(many)


@pytest.mark.parametrize("path", ["/toegankelijkheid/", "/privacy/"])
def test_statement_pages_exist(parent_client, path, db):
    response = parent_client.get(path)
    assert response.status_code == 200
    assert "<h1>" in response.content.decode()


def test_every_page_has_a_skip_link_and_the_language_switch(parent_client, house):
    content = parent_client.get(f"/{house.slug}/").content.decode()
    assert 'class="skip-link" href="#inhoud"' in content
    assert 'id="inhoud"' in content
    assert 'name="language"' in content
    assert '<html lang="nl">' in content


def test_language_switch_works_without_javascript(parent_client, house):
    response = parent_client.post("/i18n/setlang/", {"language": "fr", "next": f"/{house.slug}/"})
    assert response.status_code == 302
    page = parent_client.get(f"/{house.slug}/").content.decode()
    assert '<html lang="fr">' in page


def test_a_house_never_shows_another_houses_applications_or_partners(
    parent_client, house, other_house
):
    ours = OrganisationFactory(name="Alleen hier", houses=[house])
    theirs = OrganisationFactory(name="Alleen daar", houses=[other_house])
    ours_page = parent_client.get(f"/{house.slug}/partners/").content.decode()
    theirs_page = parent_client.get(f"/{other_house.slug}/partners/").content.decode()
    assert ours.name in ours_page and theirs.name not in ours_page
    assert theirs.name in theirs_page and ours.name not in theirs_page


def test_inactive_house_is_hidden(parent_client, db):
    hidden = HouseFactory(slug="gesloten", is_active=False)
    assert parent_client.get(f"/{hidden.slug}/").status_code == 404
    assert hidden.name not in parent_client.get("/").content.decode()


def test_dutch_is_the_default_whatever_the_browser_asks(parent_client, house):
    page = parent_client.get(f"/{house.slug}/", HTTP_ACCEPT_LANGUAGE="fr-BE,fr;q=0.9,en;q=0.5")
    assert '<html lang="nl">' in page.content.decode()
    assert page["Content-Language"] == "nl"


def test_not_found_pages_are_in_dutch_with_a_way_back(parent_client, db):
    response = parent_client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "Deze pagina bestaat niet" in response.content.decode()
