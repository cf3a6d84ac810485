"""A parent reads the privacy statement; the coordinator reads the record of processing
activities and downloads it as CSV."""

import pytest
from playwright.sync_api import expect

from huisvanhetkind.network.models import Municipality, Role
from tests.browser.conftest import assert_accessible, assert_fits_phone
from tests.conftest import TOTP_SECRET, totp_code, with_second_factor
from tests.factories import PASSWORD, HouseFactory, RoleFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_statement_and_the_record_of_processing_activities(live_server, page):
    house = HouseFactory(
        slug="kalmthout",
        name="Huis van het Kind Kalmthout",
        municipalities=[Municipality.objects.get(name="Kalmthout")],
    )
    coordinator = with_second_factor(UserFactory(email="coordinator@kalmthout.example.be"))
    RoleFactory(user=coordinator, kind=Role.Kind.COORDINATOR, house=house)

    page.goto(f"{live_server.url}/kalmthout/")
    page.get_by_role("link", name="Privacyverklaring").click()
    page.wait_for_url("**/privacy/")
    expect(page.get_by_role("heading", name="Een vraag van een ouder beantwoorden")).to_be_visible()
    assert_accessible(page)
    assert_fits_phone(page)

    page.goto(f"{live_server.url}/accounts/login/")
    page.locator("#id_login").fill(coordinator.email)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    page.locator("#id_code").fill(totp_code(TOTP_SECRET))
    page.get_by_role("button", name="Aanmelden").click()
    page.wait_for_load_state()
    page.goto(f"{live_server.url}/beheer/huis/kalmthout/verwerkingsregister/")
    expect(page.get_by_role("heading", name="Verwerkingsregister")).to_be_visible()
    expect(page.get_by_role("rowheader").first).to_be_visible()
    assert_accessible(page)
    assert_fits_phone(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download als CSV").click()
    assert download.value.suggested_filename == "verwerkingsregister-kalmthout.csv"
