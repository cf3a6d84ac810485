"""Office hours in the browser: the coordinator adds a desk and its hours (a bad rule first,
then a good one), and a family sees them on the public page without JavaScript. axe checks
every page on the way, at 360 px."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from huisvanhetkind.network.models import Municipality, Role
from huisvanhetkind.premises.models import OfficeHourRule
from tests.browser.conftest import assert_accessible, assert_fits_phone, log_in, phone_context
from tests.conftest import with_second_factor
from tests.factories import HouseFactory, OrganisationFactory, RoleFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def check(page):
    assert_accessible(page)
    assert_fits_phone(page)


def test_the_coordinator_adds_office_hours_and_a_family_sees_them(live_server, browser):
    house = HouseFactory(
        slug="kalmthout",
        name="Huis van het Kind Kalmthout",
        municipalities=list(Municipality.objects.filter(name="Kalmthout")),
    )
    OrganisationFactory(name="Lokaal Loket Kinderopvang Kalmthout", houses=[house])
    coordinator = with_second_factor(UserFactory(email="coordinator@kalmthout.example.be"))
    RoleFactory(user=coordinator, kind=Role.Kind.COORDINATOR, house=house)

    # 1. The coordinator adds a desk, a wrong rule (refused), then the right one.
    page = phone_context(browser).new_page()
    log_in(page, live_server.url, coordinator)
    page.goto(live_server.url + "/beheer/huis/kalmthout/permanenties/")
    check(page)
    page.get_by_role("link", name="Loket toevoegen").click()
    check(page)
    page.locator("#id_name").fill("Lokaal Loket Kinderopvang")
    page.get_by_label("Korte naam in de link").fill("loket-kinderopvang")
    page.get_by_label("Organisatie").select_option(label="Lokaal Loket Kinderopvang Kalmthout")
    page.get_by_role("button", name="Bewaren").click()
    expect(page.get_by_text("Het loket is toegevoegd")).to_be_visible()
    check(page)
    page.get_by_role("link", name="Uren toevoegen").click()
    check(page)
    page.get_by_label("een bepaalde weekdag van de maand", exact=True).check()
    page.get_by_label("donderdag", exact=True).check()
    page.locator("#id_starts").fill("12:00")
    page.locator("#id_ends").fill("09:00")
    page.get_by_label("op afspraak", exact=True).check()
    page.get_by_role("button", name="Bewaren").click()
    expect(page.get_by_role("heading", name="Controleer je invoer")).to_be_visible()
    expect(page.get_by_text("Het einde ligt na het begin.").first).to_be_visible()
    check(page)
    assert not OfficeHourRule.objects.exists()
    page.get_by_label("derde", exact=True).check()
    page.locator("#id_starts").fill("09:00")
    page.locator("#id_ends").fill("12:00")
    page.get_by_role("button", name="Bewaren").click()
    expect(page.get_by_text("De permanentie is toegevoegd.")).to_be_visible()
    expect(
        page.get_by_text("Elke derde donderdag van de maand, 9-12 u, op afspraak")
    ).to_be_visible()
    check(page)
    # Every other Tuesday: without a start date refused, with one saved.
    page.get_by_role("link", name="Uren toevoegen").click()
    page.get_by_label("dinsdag", exact=True).check()
    page.locator("#id_interval").select_option("2")
    page.locator("#id_starts").fill("13:00")
    page.locator("#id_ends").fill("16:00")
    page.get_by_role("button", name="Bewaren").click()
    expect(page.get_by_text("Geef een datum 'geldig vanaf'").first).to_be_visible()
    check(page)
    page.locator("#id_valid_from").fill(timezone.localdate().isoformat())
    page.get_by_role("button", name="Bewaren").click()
    expect(page.get_by_text("De permanentie is toegevoegd.")).to_be_visible()
    expect(page.get_by_text("Om de twee weken op dinsdag, 13-16 u, vrije inloop")).to_be_visible()
    check(page)
    assert OfficeHourRule.objects.get(kind="weekly").interval == 2
    page.context.close()

    # 2. A family, without an account, reads the hours on the house's home page and on the
    # hours page (axe and the width check run in the page, so with JavaScript) ...
    page = phone_context(browser).new_page()
    page.goto(live_server.url + "/kalmthout/")
    expect(
        page.get_by_text("Elke derde donderdag van de maand, 9-12 u, op afspraak")
    ).to_be_visible()
    check(page)
    page.get_by_role("link", name="Alle permanenties en sluitingsdagen").click()
    expect(page.get_by_role("heading", name="Permanenties", level=1)).to_be_visible()
    expect(page.get_by_role("heading", name="Lokaal Loket Kinderopvang")).to_be_visible()
    expect(page.get_by_text("Volgende:")).to_be_visible()
    check(page)
    page.context.close()

    # ... and the same without JavaScript.
    page = phone_context(browser, javascript=False).new_page()
    page.goto(live_server.url + "/kalmthout/")
    page.get_by_role("link", name="Alle permanenties en sluitingsdagen").click()
    expect(
        page.get_by_text("Elke derde donderdag van de maand, 9-12 u, op afspraak")
    ).to_be_visible()
    page.context.close()
