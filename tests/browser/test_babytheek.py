"""Families reserve babytheek items in the browser, without an account, at 360 px (one with
JavaScript, where axe checks every page, one without); the volunteer sees them on the day list
and hands an item over."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from huisvanhetkind.babytheek.models import Item, Loan
from huisvanhetkind.babytheek.workflow import LoanStatus as S
from huisvanhetkind.network.models import Municipality, Role
from tests.browser.conftest import assert_accessible, assert_fits_phone, log_in, phone_context
from tests.conftest import with_second_factor
from tests.factories import HouseFactory, RoleFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def check(page):
    assert_accessible(page)
    assert_fits_phone(page)


def test_a_family_reserves_an_item_and_the_volunteer_hands_it_over(live_server, browser):
    house = HouseFactory(
        slug="kalmthout",
        name="Huis van het Kind Kalmthout",
        municipalities=list(Municipality.objects.filter(name="Kalmthout")),
    )
    coordinator = with_second_factor(UserFactory(email="coordinator@kalmthout.example.be"))
    RoleFactory(user=coordinator, kind=Role.Kind.COORDINATOR, house=house)
    pram = Item.objects.create(
        house=house,
        name="Kinderwagen",
        category="road",
        description="Kinderwagen met reiswieg.",
        deposit=40,
        loan_weeks=8,
    )
    bath = Item.objects.create(house=house, name="Badje", category="care", deposit=10)
    today = timezone.localdate()

    # 1. A family (axe checks every page): a date in the past first, then today.
    page = phone_context(browser).new_page()
    page.goto(live_server.url + "/kalmthout/babytheek/")
    expect(page.get_by_role("heading", name="Kinderwagen")).to_be_visible()
    check(page)
    page.locator(f"a[href$='/{pram.pk}/reserveren/']").click()
    expect(page.get_by_role("heading", name="Kinderwagen reserveren")).to_be_visible()
    check(page)
    page.locator("#id_pickup_date").fill((today - timedelta(days=1)).isoformat())
    page.locator("#id_name").fill("Fatima El Amrani")
    page.locator("#id_email").fill("fatima@example.be")
    page.locator("#id_membership_1").check()
    page.locator("#id_postcode").fill("2920")
    page.locator("#id_social_tariff").check()
    page.locator("#id_consent").check()
    page.get_by_role("button", name="Reserveren").click()
    expect(page.get_by_text("Deze datum ligt in het verleden.").first).to_be_visible()
    check(page)
    assert not Loan.objects.exists()
    page.locator("#id_pickup_date").fill(today.isoformat())
    page.locator("#id_consent").check()
    page.get_by_role("button", name="Reserveren").click()
    expect(page.get_by_text("Je reservatie is bevestigd.")).to_be_visible()
    expect(page.get_by_text("Fatima El Amrani")).to_be_visible()
    check(page)
    page.context.close()
    loan = Loan.objects.get()
    assert loan.status == S.RESERVED and loan.membership.social_tariff

    # 2. Another family, without JavaScript, reserves the badje.
    page = phone_context(browser, javascript=False).new_page()
    page.goto(live_server.url + "/kalmthout/babytheek/")
    page.locator(f"a[href$='/{bath.pk}/reserveren/']").click()
    expect(page.get_by_role("heading", name="Badje reserveren")).to_be_visible()
    page.locator("#id_pickup_date").fill(today.isoformat())
    page.locator("#id_name").fill("Jeroen Peeters")
    page.locator("#id_email").fill("jeroen@example.be")
    page.locator("#id_membership_1").check()
    page.locator("#id_consent").check()
    page.get_by_role("button", name="Reserveren").click()
    expect(page.get_by_text("Je reservatie is bevestigd.")).to_be_visible()
    page.context.close()
    assert Loan.objects.count() == 2

    # 3. The volunteer hands the kinderwagen over from the day list.
    page = phone_context(browser).new_page()
    log_in(page, live_server.url, coordinator)
    page.goto(live_server.url + "/beheer/huis/kalmthout/babytheek/")
    expect(page.get_by_text("Fatima El Amrani")).to_be_visible()
    check(page)
    page.locator(f"form[action$='/ontleningen/{loan.pk}/uitlenen/'] button").click()
    expect(page.get_by_text("Uitgeleend: Kinderwagen.")).to_be_visible()
    check(page)
    page.context.close()
    loan.refresh_from_db()
    assert loan.status == S.LENT
    assert Loan.objects.filter(status=S.RESERVED).count() == 1
