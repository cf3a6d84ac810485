"""The requests log in the browser: the coordinator logs a request received by phone, sees a
mistake refused in Dutch, takes it in hand and records the answer; the list shows it answered
on time. axe checks every page on the way, at 360 px."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from huisvanhetkind.network.models import Municipality, Role
from huisvanhetkind.privacy.models import RightsRequest
from huisvanhetkind.privacy.workflow import RequestStatus
from tests.browser.conftest import assert_accessible, assert_fits_phone, log_in, phone_context
from tests.conftest import with_second_factor
from tests.factories import HouseFactory, RoleFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def check(page):
    assert_accessible(page)
    assert_fits_phone(page)


def test_the_coordinator_logs_and_answers_a_request(live_server, browser):
    house = HouseFactory(
        slug="kalmthout",
        name="Huis van het Kind Kalmthout",
        municipalities=list(Municipality.objects.filter(name="Kalmthout")),
    )
    coordinator = with_second_factor(UserFactory(email="coordinator@kalmthout.example.be"))
    RoleFactory(user=coordinator, kind=Role.Kind.COORDINATOR, house=house)
    today = timezone.localdate()
    base = live_server.url + "/beheer/huis/kalmthout/privacyverzoeken/"

    page = phone_context(browser).new_page()
    log_in(page, live_server.url, coordinator)
    page.goto(base)
    expect(page.get_by_role("heading", name="Privacyverzoeken", exact=True)).to_be_visible()
    check(page)
    page.get_by_role("link", name="Een verzoek loggen").click()
    check(page)

    # A mistake: nothing about what it concerns.
    page.get_by_label("Naam van wie het vraagt").fill("Sarah Janssens")
    page.get_by_label("Hoe we antwoorden").fill("0470 12 34 56")
    page.get_by_label("Ontvangen via").select_option("phone")
    page.get_by_label("Soort verzoek").select_option("access")
    page.get_by_role("button", name="Loggen").click()
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.get_by_text("Beschrijf kort waarover het verzoek gaat.").first).to_be_visible()
    check(page)
    assert not RightsRequest.objects.exists()

    page.get_by_label("Waarover het gaat").fill("Wil weten welke partners haar gegevens lazen.")
    page.get_by_role("button", name="Loggen").click()
    expect(page.get_by_text("Het verzoek is gelogd.")).to_be_visible()
    check(page)
    page.get_by_role("button", name="In behandeling nemen").click()
    expect(page.get_by_text("Het verzoek is in behandeling.")).to_be_visible()

    page.locator("#id_answered_on").fill(today.isoformat())
    page.get_by_label("Antwoord verstuurd via").select_option("letter")
    page.get_by_label("Samenvatting van het antwoord").fill("Lijst van de inzages per post.")
    page.get_by_role("button", name="Antwoord bewaren").click()
    expect(page.get_by_text("Het antwoord is bewaard.")).to_be_visible()
    check(page)
    request = RightsRequest.objects.get()
    assert request.status == RequestStatus.ANSWERED and request.on_time

    page.goto(base + "?filter=beantwoord")
    expect(page.get_by_role("link", name="Inzage")).to_be_visible()
    expect(page.get_by_text("op tijd").first).to_be_visible()
    check(page)
    page.context.close()
