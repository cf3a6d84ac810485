"""A parent searches the offer on a phone, filters, and opens a service."""

import pytest
from playwright.sync_api import expect

from huisvanhetkind.catalogue.search.services import rebuild_index
from huisvanhetkind.network.models import Municipality
from tests.browser.conftest import assert_accessible, assert_fits_phone
from tests.factories import HouseFactory, OrganisationFactory, ServiceFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def offer():
    house = HouseFactory(
        slug="kalmthout",
        name="Huis van het Kind Kalmthout",
        municipalities=[Municipality.objects.get(name="Kalmthout")],
    )
    punt = OrganisationFactory(name="Opvoedingspunt Kalmthout", houses=[house])
    gezin = OrganisationFactory(name="Kind en Gezin", houses=[house])
    ServiceFactory(
        organisation=punt,
        name="Slaapcoaching voor peuters",
        summary="Slaapt je peuter slecht? Samen zoeken we wat helpt.",
        description="Een opvoedingsondersteuner komt bij je thuis en luistert naar je vragen over slapen.",
        is_free=True,
        age_groups=["0-3"],
        application_process="Bel ons voor een eerste gesprek.",
        phone="03 000 00 77",
    )
    ServiceFactory(
        organisation=punt,
        name="Groepssessie slapen voor ouders van baby's",
        summary="Een avond over veilig slapen en slaapritme.",
        price="10.00",
        social_tariff=True,
        social_tariff_price="2.00",
        age_groups=["0-3"],
    )
    ServiceFactory(
        organisation=gezin,
        name="Consultatiebureau",
        summary="Gratis opvolging van de groei en de vaccinaties van je kind.",
        domains=["gezondheid"],
        is_free=True,
        age_groups=["0-3", "3-6"],
    )
    rebuild_index()
    return house


def test_a_parent_searches_filters_and_opens_a_service(live_server, page, offer):
    page.goto(live_server.url + "/kalmthout/")
    page.get_by_label("Waar zoek je hulp of informatie over?").fill("slaapproblemen peuter")
    page.get_by_role("button", name="Zoeken").click()
    page.wait_for_url("**/kalmthout/aanbod/?q=*")
    assert_accessible(page)
    assert_fits_phone(page)
    first = page.locator(".result h3 a").first
    assert first.inner_text() == "Slaapcoaching voor peuters"

    page.get_by_text("Verfijnen").click()
    page.get_by_label("Kostprijs").select_option("gratis")
    page.get_by_role("button", name="Toon resultaten").click()
    page.wait_for_url("**kost=gratis*")
    expect(page.locator(".result").first).to_be_visible()
    assert page.get_by_role("link", name="Groepssessie slapen voor ouders van baby's").count() == 0
    assert_accessible(page)

    page.get_by_role("link", name="Slaapcoaching voor peuters").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Slaapcoaching voor peuters"
    expect(page.get_by_text("Bel ons voor een eerste gesprek.")).to_be_visible()
    expect(page.get_by_text("Gratis", exact=True).first).to_be_visible()
    assert_accessible(page)
    assert_fits_phone(page)
