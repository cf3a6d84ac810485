"""A family plan in a browser, at 360 px: a professional of the Opvoedingspunt makes the plan
at the round table with the family's consent, adds the Kraamzorg with its own consent, a goal
the family lets both see and an agreement for the Kraamzorg, and makes the family's link; the
family reads its plan through that link and comments; the Kraamzorg sees the goal. With
JavaScript (axe on every page) and without (the journey needs none)."""

import re

import pytest

from huisvanhetkind.familyplans.models import Comment, FamilyPlan
from huisvanhetkind.network.models import Municipality, Role
from tests.browser.conftest import assert_accessible, assert_fits_phone, log_in, phone_context
from tests.conftest import with_second_factor
from tests.factories import HouseFactory, OrganisationFactory, RoleFactory, UserFactory

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
    worker = with_second_factor(UserFactory(email="medewerker@opvoedingspunt.example.be"))
    RoleFactory(user=worker, kind=Role.Kind.ORGANISATION_WORKER, organisation=punt)
    nurse = with_second_factor(UserFactory(email="vroedvrouw@kraamzorg.example.be"))
    RoleFactory(user=nurse, kind=Role.Kind.ORGANISATION_WORKER, organisation=kraamzorg)
    return house, kraamzorg, worker, nurse


def _check(page, javascript: bool):
    if javascript:
        assert_accessible(page)
        assert_fits_phone(page)


def _submit(page, action_end: str):
    page.locator(f"form[action$='{action_end}'] button[type=submit]").click()


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_a_family_plan_is_made_with_consent_and_read_through_the_familys_link(
    live_server, browser, network, javascript
):
    house, kraamzorg, worker, nurse = network
    base = live_server.url

    # The round table: the plan, with the family's consent for the Opvoedingspunt.
    table = phone_context(browser, javascript)
    page = table.new_page()
    log_in(page, base, worker)
    page.goto(base + "/beheer/gezinsplannen/nieuw/")
    _check(page, javascript)
    page.locator("#id_family_name").fill("Gezin Wouters")
    page.locator("#id_email").fill("gezin.wouters@example.be")
    # Without the family present nothing is made, and the page says why.
    _submit(page, "/nieuw/")
    assert "gezin erbij" in page.locator(".error-summary").inner_text()
    _check(page, javascript)
    assert not FamilyPlan.objects.exists()
    page.locator("#id_family_present").check()
    _submit(page, "/nieuw/")
    page.wait_for_url(re.compile(r".*/beheer/gezinsplannen/\d+/$"))
    _check(page, javascript)
    plan = FamilyPlan.objects.get()

    # The Kraamzorg joins with its own consent of the family.
    page.locator("#id_partner-organisation").select_option(label="Kraamzorg Kalmthout")
    page.locator("#id_partner-family_present").check()
    _submit(page, "/partner/")
    page.wait_for_url(re.compile(r".*/beheer/gezinsplannen/\d+/$"))
    assert plan.partners.count() == 2

    # A goal in the family's words that both may see, and an agreement for the Kraamzorg.
    page.locator("#id_doel-text").fill("We willen meer rust bij het slapengaan")
    for box in page.locator("input[name='doel-visible_to']").all():
        box.check()
    page.locator("#id_doel-family_present").check()
    _submit(page, "/doel/")
    page.wait_for_url(re.compile(r".*/beheer/gezinsplannen/\d+/$"))
    page.locator("#id_afspraak-what").fill("Huisbezoek over het avondritueel")
    page.locator("#id_afspraak-organisation").select_option(label="Kraamzorg Kalmthout")
    _submit(page, "/afspraak/")
    page.wait_for_url(re.compile(r".*/beheer/gezinsplannen/\d+/$"))
    _check(page, javascript)
    assert "Huisbezoek over het avondritueel" in page.locator("main").inner_text()

    # The family's link, shown once.
    _submit(page, "/gezinslink/")
    page.wait_for_url(re.compile(r".*/beheer/gezinsplannen/\d+/$"))
    family_link = re.search(r"/kalmthout/gezinsplan/[A-Za-z0-9_-]+/", page.content()).group(0)

    # The family reads its plan through its link, on its own phone, and comments.
    family_context = phone_context(browser, javascript)
    family = family_context.new_page()
    family.goto(base + family_link)
    _check(family, javascript)
    text = family.locator("main").inner_text()
    assert "We willen meer rust bij het slapengaan" in text
    assert "Kraamzorg Kalmthout" in text
    family.locator("#id_opmerking-text").fill("Het avondritueel lukt al beter.")
    family.locator("button[value=comment]").click()
    family.wait_for_url("**" + family_link)
    _check(family, javascript)
    assert "Het avondritueel lukt al beter." in family.locator("main").inner_text()
    assert Comment.objects.count() == 1
    # A tampered link shows nothing of the plan.
    response = family.goto(base + family_link[:-3] + "xx/")
    assert response.status == 404
    assert "slapengaan" not in family.content()

    # The Kraamzorg sees the goal and its agreement.
    partner_context = phone_context(browser, javascript)
    partner = partner_context.new_page()
    log_in(partner, base, nurse)
    partner.goto(f"{base}/beheer/gezinsplannen/{plan.pk}/")
    _check(partner, javascript)
    assert "Huisbezoek over het avondritueel" in partner.locator("main").inner_text()
    for context in (table, family_context, partner_context):
        context.close()
