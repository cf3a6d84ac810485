"""A parent asks a question on a phone, the partner answers it in the inbox, the parent reads the
answer through the private link."""

import pytest
from playwright.sync_api import expect

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.network.models import Municipality, Role
from huisvanhetkind.questions.models import Question, Topic
from tests.browser.conftest import assert_accessible, assert_fits_phone
from tests.conftest import TOTP_SECRET, totp_code, with_second_factor
from tests.factories import (
    PASSWORD,
    HouseFactory,
    OrganisationFactory,
    RoleFactory,
    RoutingRuleFactory,
    UserFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def network():
    from importlib import import_module

    from django.apps import apps

    import_module("huisvanhetkind.questions.migrations.0002_load_topics").load(apps, None)
    house = HouseFactory(
        slug="kalmthout",
        name="Huis van het Kind Kalmthout",
        municipalities=[Municipality.objects.get(name="Kalmthout")],
    )
    punt = OrganisationFactory(name="Opvoedingspunt Kalmthout", houses=[house])
    RoutingRuleFactory(
        house=house, name="Slapen", topic=Topic.objects.get(slug="slapen"), organisation=punt
    )
    worker = with_second_factor(UserFactory(email="medewerker@opvoedingspunt.example.be"))
    RoleFactory(user=worker, kind=Role.Kind.ORGANISATION_WORKER, organisation=punt)
    return house, worker


def test_a_parent_asks_the_partner_answers_and_the_parent_reads_it(
    live_server, page, browser, network
):
    house, worker = network
    page.goto(f"{live_server.url}/kalmthout/vraag/")
    assert_accessible(page)
    assert_fits_phone(page)
    page.get_by_label("Wat is je vraag?").fill(
        "Onze peuter wordt elke nacht wakker. Wat kunnen we doen?"
    )
    page.get_by_label("Over mijn kind").check()
    page.get_by_label("Leeftijd van je kind (in jaren)").fill("2")
    page.get_by_label("Waarover gaat je vraag?").select_option(label="Slapen")
    page.get_by_label("Alleen op mijn persoonlijke pagina (anoniem)").check()
    page.get_by_label("Ik ga akkoord").check()
    page.get_by_role("button", name="Vraag versturen").click()
    page.wait_for_url("**/kalmthout/vraag/antwoord/**")
    expect(page.get_by_text("Bewaar deze pagina")).to_be_visible()
    private_link = page.get_by_label("Jouw persoonlijke link").input_value()
    assert_accessible(page)
    assert_fits_phone(page)

    partner = browser.new_context(
        viewport={"width": 1024, "height": 800}, locale="nl-BE"
    ).new_page()
    partner.goto(live_server.url + "/accounts/login/")
    partner.locator("#id_login").fill(worker.email)
    partner.locator("#id_password").fill(PASSWORD)
    partner.locator("main form button[type=submit]").first.click()
    partner.wait_for_url("**/accounts/2fa/authenticate/")
    partner.locator("#id_code").fill(totp_code(TOTP_SECRET))
    partner.locator("main form button[type=submit]").first.click()
    partner.wait_for_url("**/beheer/**")
    partner.goto(live_server.url + "/beheer/vragen/")
    assert_accessible(partner)
    partner.locator("table a").first.click()
    expect(partner.get_by_text("Onze peuter wordt elke nacht wakker.")).to_be_visible()
    assert_accessible(partner)
    partner.get_by_label("Antwoord aan de ouder").fill(
        "Een vast slaapritueel helpt. Kom gerust langs."
    )
    partner.get_by_role("button", name="Antwoord versturen").click()
    expect(partner.get_by_text("Je antwoord is verstuurd.")).to_be_visible()
    partner.context.close()
    # The partner saw the family's question twice (before and after answering): two reads.
    question = Question.objects.get()
    reads = AuditEvent.objects.filter(action=AuditEvent.Action.READ, target_id=str(question.pk))
    assert [r.actor for r in reads] == [worker, worker]

    page.goto(private_link)
    expect(page.get_by_text("Een vast slaapritueel helpt. Kom gerust langs.")).to_be_visible()
    assert_accessible(page)
    assert_fits_phone(page)
