"""A referral from start to end in a browser, at 360 px: the referrer refers a family from the
service page, the receiving partner accepts and records contact, the family says through its
own link that it got help, and the referrer sees it. With JavaScript (axe on every page) and
without (the journey needs none)."""

import re

import pytest
from playwright.sync_api import expect

from huisvanhetkind.network.models import Municipality, Role
from huisvanhetkind.referrals.models import Referral
from huisvanhetkind.referrals.workflow import ReferralStatus
from tests.browser.conftest import (
    check_page,
    log_in,
    phone_context,
)
from tests.conftest import with_second_factor
from tests.factories import (
    HouseFactory,
    OrganisationFactory,
    RoleFactory,
    ServiceFactory,
    UserFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def network():
    house = HouseFactory(
        slug="kalmthout",
        name="Huis van het Kind Kalmthout",
        municipalities=[Municipality.objects.get(name="Kalmthout")],
    )
    punt = OrganisationFactory(name="Opvoedingspunt Kalmthout", houses=[house])
    kraamzorg = OrganisationFactory(name="Kraamzorg Kalmthout", houses=[house])
    service = ServiceFactory(organisation=kraamzorg, name="Kraamzorg aan huis")
    referrer = with_second_factor(UserFactory(email="verwijzer@opvoedingspunt.example.be"))
    RoleFactory(user=referrer, kind=Role.Kind.ORGANISATION_WORKER, organisation=punt)
    receiver = with_second_factor(UserFactory(email="onthaal@kraamzorg.example.be"))
    RoleFactory(user=receiver, kind=Role.Kind.ORGANISATION_WORKER, organisation=kraamzorg)
    return house, service, referrer, receiver


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_refer_accept_and_the_family_confirms_it_got_help(
    live_server, browser, network, javascript
):
    house, service, referrer, receiver = network
    base = live_server.url

    # The referrer, from the service page.
    sending = phone_context(browser, javascript)
    page = sending.new_page()
    log_in(page, base, referrer)
    page.goto(f"{base}/beheer/doorverwijzingen/nieuw/?dienst={service.pk}")
    check_page(page, javascript)
    expect(page.get_by_text("1712").first).to_be_visible()
    page.get_by_label("Waarvoor geeft het gezin toestemming?").fill("Kraamzorg na de bevalling")
    page.locator("input[name=data_categories][value=contact]").check()
    page.locator("input[name=data_categories][value=reason]").check()
    page.locator("input[name=obtained_via][value=in_person]").check()
    page.locator("input[name=family_agreed]").check()
    page.get_by_label("Naam van de ouder of jongere").fill("Sarah Janssens")
    page.get_by_label("E-mailadres").fill("sarah@example.be")
    page.get_by_label("Telefoonnummer").fill("0470 12 34 56")
    page.locator("input[name=contact_preference][value=phone]").check()
    page.locator("textarea[name=reason]").fill("Mama is erg moe en wil hulp thuis.")
    page.get_by_role("button", name="Controleren").click()
    check_page(page, javascript)
    assert "Sarah Janssens" in page.locator("main").inner_text()
    assert not Referral.objects.exists()  # the check page stores nothing
    page.get_by_role("button", name="Verstuur").click()
    page.wait_for_url(re.compile(r".*/beheer/doorverwijzingen/\d+/$"))
    check_page(page, javascript)
    family_link = re.search(r"/kalmthout/doorverwijzing/[A-Za-z0-9_-]+/", page.content()).group(0)
    referral = Referral.objects.get()
    assert referral.status == ReferralStatus.SENT

    # The receiving partner opens, accepts and records contact.
    receiving = phone_context(browser, javascript)
    partner = receiving.new_page()
    log_in(partner, base, receiver)
    partner.goto(base + "/beheer/doorverwijzingen/")
    check_page(partner, javascript)
    partner.locator("table a").first.click()
    expect(partner.get_by_text("Mama is erg moe en wil hulp thuis.")).to_be_visible()
    check_page(partner, javascript)
    partner.get_by_role("button", name="Aanvaarden").click()
    partner.get_by_role("button", name="We namen contact op met het gezin").click()
    check_page(partner, javascript)
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.CONTACTED

    # The family, through its own link, on its own phone.
    family_context = phone_context(browser, javascript)
    family = family_context.new_page()
    family.goto(base + family_link)
    check_page(family, javascript)
    expect(family.get_by_text("Kraamzorg Kalmthout").first).to_be_visible()
    family.get_by_role("button", name="Ik kreeg hulp").click()
    check_page(family, javascript)
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.GOT_HELP
    assert referral.family_outcome == Referral.Outcome.GOT_HELP

    # The referrer sees it, without the family's reason.
    page.goto(f"{base}/beheer/doorverwijzingen/verstuurd/")
    check_page(page, javascript)
    assert "geholpen" in page.locator("table").inner_text()
    page.goto(f"{base}/beheer/doorverwijzingen/{referral.pk}/")
    assert "Mama is erg moe" not in page.content()
    for context in (sending, receiving, family_context):
        context.close()
