"""The foundation's journeys in a real browser: a parent browses; a partner joins the network."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from huisvanhetkind.network.models import Invitation, Municipality, OpeningHours, PartnerApplication
from tests.browser.conftest import assert_accessible, assert_fits_phone
from tests.conftest import TOTP_SECRET, totp_code, with_second_factor
from tests.factories import (
    PASSWORD,
    HouseFactory,
    LocationFactory,
    OrganisationFactory,
    RoleFactory,
    UserFactory,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def kalmthout():
    house = HouseFactory(
        slug="kalmthout",
        name="Huis van het Kind Kalmthout",
        tagline="Voor elk gezin in Kalmthout",
        mission="Het Huis van het Kind Kalmthout is een open samenwerkingsverband.",
        municipalities=[Municipality.objects.get(name="Kalmthout")],
    )
    location = LocationFactory(house=house, name="Huis van het Kind Kalmthout")
    OpeningHours.objects.create(location=location, weekday=1, opens="09:00", closes="12:00")
    partner = OrganisationFactory(
        name="Opvoedingspunt Kalmthout",
        description="Met al je vragen over opvoeden kan je bij ons terecht.",
        houses=[house],
        domains=["opvoedingsondersteuning"],
    )
    partner.municipalities.set([Municipality.objects.get(name="Kalmthout")])
    LocationFactory(organisation=partner, name="Opvoedingspunt", street="Heuvel 5")
    OrganisationFactory(name="Kind en Gezin", houses=[house], domains=["gezondheid"])
    return house


def test_a_parent_finds_a_partner_from_the_landing_page(live_server, page, kalmthout):
    page.goto(live_server.url + "/")
    assert_accessible(page)
    assert_fits_phone(page)
    page.get_by_role("link", name="Huis van het Kind Kalmthout").click()
    page.wait_for_url("**/kalmthout/")
    expect(page.get_by_text("Kapellensteenweg 170")).to_be_visible()
    assert_accessible(page)
    assert_fits_phone(page)
    page.get_by_role("link", name="Alle partners bekijken").click()
    page.wait_for_url("**/kalmthout/partners/")
    assert_accessible(page)
    page.get_by_label("Domein").select_option("opvoedingsondersteuning")
    page.get_by_role("button", name="Toon partners").click()
    expect(page.get_by_text("1 partner gevonden")).to_be_visible()
    assert page.get_by_role("link", name="Kind en Gezin").count() == 0
    assert_accessible(page)
    page.get_by_role("link", name="Opvoedingspunt Kalmthout").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Opvoedingspunt Kalmthout"
    expect(page.get_by_text("Heuvel 5")).to_be_visible()
    assert_accessible(page)
    assert_fits_phone(page)


def _log_in(page, base_url, email, password, code):
    page.goto(base_url + "/accounts/login/")
    assert_accessible(page)
    page.locator("#id_login").fill(email)
    page.locator("#id_password").fill(password)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/accounts/2fa/authenticate/")
    assert_accessible(page)
    page.locator("#id_code").fill(code)
    page.locator("main form button[type=submit]").first.click()


def test_a_partner_applies_the_coordinator_approves_and_the_new_admin_logs_in_with_two_factors(
    live_server, page, kalmthout
):
    coordinator = with_second_factor(UserFactory(email="coordinator@kalmthout.example.be"))
    RoleFactory(user=coordinator, kind="coordinator", house=kalmthout)

    # 1. An organisation applies ("Partner worden"); a first try with a wrong KBO number fails.
    page.goto(live_server.url + "/kalmthout/partner-worden/")
    assert_accessible(page)
    page.get_by_label("Naam van de organisatie").fill("Speelpleinwerking De Heide")
    page.get_by_label("Soort organisatie").select_option("leisure")
    page.get_by_label("Ondernemingsnummer (KBO)").fill("0207.437.469")
    page.get_by_label("Wat doet jullie organisatie voor gezinnen?").fill("Speelplein in de zomer.")
    page.get_by_label("Sociale cohesie en vrije tijd").check()
    page.get_by_label("Kalmthout").check()
    page.get_by_label("Naam contactpersoon").fill("Lotte Janssens")
    page.get_by_label("E-mail contactpersoon").fill("lotte@speelplein.example.be")
    page.get_by_label(re.compile("We gaan akkoord")).check()
    page.get_by_role("button", name="Aanvraag versturen").click()
    expect(page.get_by_role("alert")).to_be_visible()
    assert "controlecijfers" in page.get_by_role("alert").inner_text()
    assert_accessible(page)
    assert PartnerApplication.objects.count() == 0
    page.get_by_label("Ondernemingsnummer (KBO)").fill("0207.437.468")
    page.get_by_label(re.compile("We gaan akkoord")).check()
    page.get_by_role("button", name="Aanvraag versturen").click()
    expect(page.get_by_role("heading", name="Bedankt voor jullie aanvraag")).to_be_visible()

    # 2. The coordinator logs in with two factors and approves.
    _log_in(page, live_server.url, coordinator.email, PASSWORD, totp_code(TOTP_SECRET))
    page.wait_for_url("**/beheer/")
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("aanvraag tot partnerschap te beoordelen")).click()
    assert_accessible(page)
    page.get_by_role("link", name="Speelpleinwerking De Heide").click()
    assert_accessible(page)
    page.get_by_role("button", name="Goedkeuren en uitnodigen").click()
    expect(page.get_by_text("is nu partner")).to_be_visible()
    page.get_by_role("button", name="Afmelden").click()

    # 3. The contact opens the invitation from the e-mail, sets a password and a second factor.
    invitation = Invitation.objects.get(email="lotte@speelplein.example.be")
    message = next(m for m in mail.outbox if m.to == ["lotte@speelplein.example.be"])
    link = re.search(r"https?://\S+/uitnodiging/\S+/", message.body).group(0)
    assert invitation.token in link
    page.goto(live_server.url + link[link.index("/uitnodiging/") :])
    assert_accessible(page)
    page.get_by_label("Voornaam").fill("Lotte")
    page.get_by_label("Familienaam").fill("Janssens")
    page.get_by_label("Kies een wachtwoord").fill("Zomer-op-de-heide-2026")
    page.get_by_label("Herhaal het wachtwoord").fill("Zomer-op-de-heide-2026")
    page.get_by_role("button", name="Account aanmaken").click()
    page.wait_for_url("**/accounts/2fa/totp/activate/")
    assert_accessible(page)
    secret = page.locator("#authenticator_secret").input_value()
    page.locator("#id_code").fill(totp_code(secret))
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url(re.compile(r".*/accounts/2fa/.*"))

    # 4. She logs out and in again: password and second factor, then her workspace.
    page.goto(live_server.url + "/beheer/")
    expect(page.get_by_role("heading", name="Mijn werkplek")).to_be_visible()
    page.get_by_role("button", name="Afmelden").click()
    _log_in(
        page,
        live_server.url,
        "lotte@speelplein.example.be",
        "Zomer-op-de-heide-2026",
        totp_code(secret, offset=1),
    )
    page.wait_for_url("**/beheer/")
    expect(page.get_by_text("Team van Speelpleinwerking De Heide")).to_be_visible()
    assert_accessible(page)
    assert_fits_phone(page)
