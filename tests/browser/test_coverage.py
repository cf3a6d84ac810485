"""The coordinator reads the heat map and marks a gap in a real Chromium at 360 px, with
JavaScript (axe on every page, nothing wider than the screen) and without (nothing needs it)."""

import pytest
from playwright.sync_api import expect

from huisvanhetkind.coverage.models import GapStatus, PopulationFigure
from huisvanhetkind.network.models import Municipality, Role
from tests.browser.conftest import check_page, log_in, phone_context
from tests.conftest import with_second_factor
from tests.factories import (
    HouseFactory,
    OrganisationFactory,
    RoleFactory,
    ServiceFactory,
    UserFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

GAP = "gap-gezondheid-0-3-11022"


@pytest.fixture
def network():
    house = HouseFactory(
        slug="kalmthout-wuustwezel",
        name="Huis van het Kind Kalmthout-Wuustwezel",
        municipalities=list(Municipality.objects.filter(name__in=["Kalmthout", "Wuustwezel"])),
    )
    punt = OrganisationFactory(name="Opvoedingspunt", houses=[house])
    ServiceFactory(
        organisation=punt, domains=["opvoedingsondersteuning"], age_groups=["0-3"], is_free=True
    )
    ServiceFactory(
        organisation=punt,
        domains=["vrije-tijd-ontmoeting"],
        age_groups=["6-12"],
        service_areas=["Wuustwezel"],
    )
    coordinator = with_second_factor(UserFactory(email="coordinator@duo.example.be"))
    RoleFactory(user=coordinator, kind=Role.Kind.COORDINATOR, house=house)
    return house, coordinator


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_the_coordinator_reads_the_heat_map_and_marks_a_gap(
    live_server,
    browser,
    network,
    javascript,
):
    house, coordinator = network
    base = live_server.url
    context = phone_context(browser, javascript)
    page = context.new_page()
    log_in(page, base, coordinator)
    page.goto(f"{base}/beheer/huis/{house.slug}/aanbod-in-kaart/")
    assert page.locator("svg[role=img]").count() == 1
    expect(page.locator("table caption").first).to_be_visible()
    check_page(page, javascript)
    page.locator("#gemeente").select_option(label="Wuustwezel")
    page.get_by_role("button", name="Toon").click()
    page.wait_for_url("**gemeente=11053**")
    assert "Aantal aanbod in Wuustwezel" in page.content()
    check_page(page, javascript)
    page.locator(f"a[href$='/hiaten/{GAP}/']").click()
    page.wait_for_url(f"**/hiaten/{GAP}/")
    check_page(page, javascript)
    page.get_by_label("we werken eraan").check()
    page.get_by_label("Toelichting").fill("Overleg met de vroedvrouwen.")
    page.get_by_role("button", name="Bewaren").click()
    page.wait_for_url(f"**/beheer/huis/{house.slug}/aanbod-in-kaart/")
    assert "We werken eraan" in page.content()
    check_page(page, javascript)
    context.close()
    assert GapStatus.objects.get(house=house, gap_id=GAP).status == "in_progress"


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_the_coordinator_previews_and_imports_population_figures(
    live_server,
    browser,
    network,
    javascript,
):
    house, coordinator = network
    base = live_server.url
    context = phone_context(browser, javascript)
    page = context.new_page()
    log_in(page, base, coordinator)
    page.goto(f"{base}/beheer/huis/{house.slug}/aanbod-in-kaart/bevolking/")
    check_page(page, javascript)
    page.locator("#id_csv-text").fill("nis;leeftijd;aantal\n11022;0-3;510\n11053;0-3;600\n")
    page.get_by_role("button", name="Nakijken").click()
    page.wait_for_url("**/bevolking/importeren/")
    assert "Bevestigen en bewaren" in page.content()
    check_page(page, javascript)
    assert not PopulationFigure.objects.exists()
    page.get_by_role("button", name="Bevestigen en bewaren").click()
    page.wait_for_url("**/aanbod-in-kaart/bevolking/")
    check_page(page, javascript)
    context.close()
    assert PopulationFigure.objects.count() == 2
