"""A room of the house in the browser: a partner accepts the usage agreement and books a room,
the coordinator approves the request. axe checks every page on the way, at 360 px."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from huisvanhetkind.network.models import Municipality, Role
from huisvanhetkind.premises.models import Booking, Room
from huisvanhetkind.premises.workflow import BookingStatus
from tests.browser.conftest import assert_accessible, assert_fits_phone, log_in, phone_context
from tests.conftest import with_second_factor
from tests.factories import HouseFactory, OrganisationFactory, RoleFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def check(page):
    assert_accessible(page)
    assert_fits_phone(page)


def test_a_partner_books_a_room_and_the_coordinator_approves_it(live_server, browser):
    house = HouseFactory(
        slug="kalmthout",
        name="Huis van het Kind Kalmthout",
        municipalities=list(Municipality.objects.filter(name="Kalmthout")),
    )
    partner = OrganisationFactory(name="Opvoedingspunt Kalmthout", houses=[house])
    worker = with_second_factor(UserFactory(email="opvoedingspunt@kalmthout.example.be"))
    RoleFactory(user=worker, kind=Role.Kind.ORGANISATION_WORKER, organisation=partner)
    coordinator = with_second_factor(UserFactory(email="coordinator@kalmthout.example.be"))
    RoleFactory(user=coordinator, kind=Role.Kind.COORDINATOR, house=house)
    room = Room.objects.create(house=house, name="Polyvalente zaal", capacity=40)
    today = timezone.localdate()
    day = today + timedelta(days=8 - today.weekday())  # a Tuesday, next week
    base = live_server.url + "/beheer/huis/kalmthout/zalen/"

    # 1. The partner accepts the usage agreement, then books.
    page = phone_context(browser).new_page()
    log_in(page, live_server.url, worker)
    page.goto(base)
    check(page)
    page.get_by_role("link", name="Gebruiksovereenkomst lezen en aanvaarden").click()
    check(page)
    page.get_by_label("Ik aanvaard de overeenkomst namens Opvoedingspunt Kalmthout.").check()
    page.get_by_role("button", name="Aanvaarden").click()
    page.get_by_role("link", name="Polyvalente zaal").click()
    check(page)
    page.get_by_role("link", name="Deze zaal reserveren").click()
    check(page)
    page.get_by_label("Waarvoor").fill("Oudergroep slapen")
    page.get_by_label("Aantal personen").fill("60")
    page.locator("#id_day").fill(day.isoformat())
    page.locator("#id_starts").fill("10:00")
    page.locator("#id_ends").fill("12:00")
    page.get_by_role("button", name="Aanvraag versturen").click()
    expect(page.get_by_text("plaats aan 40 personen").first).to_be_visible()
    check(page)
    page.get_by_label("Aantal personen").fill("14")
    page.get_by_role("button", name="Aanvraag versturen").click()
    expect(page.get_by_text("Je aanvraag is verstuurd")).to_be_visible()
    check(page)
    page.get_by_role("link", name="Agenda van mijn organisatie").click()
    page.goto(base + f"mijn-agenda/?week={day.isoformat()}")
    expect(page.get_by_text("Oudergroep slapen")).to_be_visible()
    check(page)
    # A secret link for a calendar program, shown once.
    page.goto(base + f"{room.pk}/")
    page.get_by_role("button", name="Link maken").click()
    expect(page.get_by_text("Je nieuwe link")).to_be_visible()
    check(page)
    url = page.locator(".message code").inner_text()
    assert "/kalmthout/zalen/agenda/" in url and url.endswith(".ics")
    page.context.close()

    # 2. The coordinator approves it.
    page = phone_context(browser).new_page()
    log_in(page, live_server.url, coordinator)
    page.goto(base)
    page.get_by_role("link", name="Aanvragen beoordelen").click()
    check(page)
    page.get_by_role("button", name="Goedkeuren").click()
    expect(page.get_by_text("De reservatie is goedgekeurd.")).to_be_visible()
    check(page)
    page.goto(base + f"{room.pk}/?week={day.isoformat()}")
    expect(page.get_by_text("Oudergroep slapen")).to_be_visible()
    check(page)
    # The coordinator's other pages: a room's form (with an error), its terms.
    for path in ("nieuw/", f"{room.pk}/bewerken/", "voorwaarden/"):
        page.goto(base + path)
        check(page)
    page.goto(base + "nieuw/")
    page.locator("#id_name").fill("Polyvalente zaal")
    page.locator("#id_capacity").fill("0")
    page.get_by_role("button", name="Bewaren").click()
    expect(page.get_by_text("minstens één persoon").first).to_be_visible()
    check(page)
    page.context.close()
    assert Booking.objects.get().status == BookingStatus.APPROVED

    # 3. The secret link opens the room's feed without a log-in, now with the approved booking.
    anonymous = browser.new_context()
    feed = anonymous.request.get(live_server.url + url[url.index("/kalmthout/") :])
    assert feed.status == 200 and "bezet" in feed.text()
    assert "Oudergroep slapen" not in feed.text()
    anonymous.close()
