"""A care path in a browser, at 360 px: the coordinator makes a template with a step, a worker
of the Opvoedingspunt records a family's consent and starts the path, notes that the family
also agreed to the Kraamzorg and hands a step over to it, and the Kraamzorg accepts the step.
With JavaScript (axe on every page) and without (the journey needs none)."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from huisvanhetkind.carepaths.models import CarePath, PathTemplate, StepHandover
from huisvanhetkind.carepaths.workflow import HandoverStatus
from huisvanhetkind.network.models import Municipality, Organisation, Role
from tests.browser.conftest import (
    check_page,
    log_in,
    phone_context,
)
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
    punt = OrganisationFactory(
        name="Opvoedingspunt Kalmthout", houses=[house], kind=Organisation.Kind.PARENTING
    )
    kraamzorg = OrganisationFactory(
        name="Kraamzorg Kalmthout", houses=[house], kind=Organisation.Kind.PREVENTIVE_HEALTH
    )
    coordinator = with_second_factor(UserFactory(email="coordinator@kalmthout.example.be"))
    RoleFactory(user=coordinator, kind=Role.Kind.COORDINATOR, house=house)
    worker = with_second_factor(UserFactory(email="medewerker@opvoedingspunt.example.be"))
    RoleFactory(user=worker, kind=Role.Kind.ORGANISATION_WORKER, organisation=punt)
    nurse = with_second_factor(UserFactory(email="vroedvrouw@kraamzorg.example.be"))
    RoleFactory(user=nurse, kind=Role.Kind.ORGANISATION_WORKER, organisation=kraamzorg)
    return house, kraamzorg, coordinator, worker, nurse


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_a_step_of_a_care_path_is_handed_over_and_accepted(
    live_server, browser, network, javascript
):
    house, kraamzorg, coordinator, worker, nurse = network
    base = live_server.url
    in_a_year = (timezone.localdate() + timedelta(days=300)).isoformat()

    # The coordinator makes the template and its step.
    coordinating = phone_context(browser, javascript)
    page = coordinating.new_page()
    log_in(page, base, coordinator)
    page.goto(f"{base}/beheer/huis/kalmthout/zorgpaden/")
    check_page(page, javascript)
    page.locator("#id_name").fill("Eerste 1000 dagen")
    page.locator("input[name=reference_kind][value=birth_date]").check()
    page.get_by_role("button", name="Zorgpad aanmaken").click()
    page.wait_for_url(re.compile(r".*/beheer/huis/kalmthout/zorgpaden/\d+/$"))
    check_page(page, javascript)
    page.locator("#id_title").fill("Huisbezoek na de geboorte")
    page.locator("input[name=track][value=medical]").check()
    page.locator("#id_partner_kind").select_option("health")
    page.locator("#id_amount").fill("2")
    page.locator("#id_unit").select_option("weeks")
    page.locator("#id_checklist").fill("Gewicht en groei\nVoeding besproken")
    page.get_by_role("button", name="Stap toevoegen").click()
    check_page(page, javascript)
    assert "Huisbezoek na de geboorte" in page.locator("main").inner_text()
    assert PathTemplate.objects.get().steps.count() == 1

    # The Opvoedingspunt records the family's consent and starts the path.
    starting = phone_context(browser, javascript)
    worker_page = starting.new_page()
    log_in(worker_page, base, worker)
    worker_page.goto(f"{base}/beheer/zorgpaden/starten/")
    check_page(worker_page, javascript)
    worker_page.locator("#id_name").fill("Sarah Janssens")
    worker_page.locator("#id_email").fill("sarah@example.be")
    worker_page.locator("input[name=obtained_via][value=in_person]").check()
    worker_page.locator("#id_expires_on").fill(in_a_year)
    worker_page.get_by_role("button", name="Gezin en toestemming noteren").click()
    check_page(worker_page, javascript)
    worker_page.locator("#id_template").select_option(str(PathTemplate.objects.get().pk))
    assert "Sarah Janssens" in worker_page.locator("#id_consent").inner_text()
    worker_page.locator("#id_reference_date").fill(timezone.localdate().isoformat())
    worker_page.get_by_role("button", name="Zorgpad starten").click()
    worker_page.wait_for_url(re.compile(r".*/beheer/zorgpaden/\d+/$"))
    check_page(worker_page, javascript)
    path = CarePath.objects.get()

    # The family agreed to the Kraamzorg too; the step is offered to it.
    worker_page.locator("#id_recipient").select_option(str(kraamzorg.pk))
    worker_page.locator("input[name=obtained_via][value=in_person]").check()
    worker_page.locator("#id_expires_on").fill(in_a_year)
    worker_page.get_by_role("button", name="Toestemming noteren").click()
    check_page(worker_page, javascript)
    worker_page.get_by_text("Stap overdragen aan een andere partner").click()
    worker_page.locator("select[name$=to_organisation]").select_option(str(kraamzorg.pk))
    worker_page.get_by_role("button", name="Stap aanbieden").click()
    check_page(worker_page, javascript)
    assert "Aangeboden aan Kraamzorg Kalmthout" in worker_page.locator("main").inner_text()

    # The Kraamzorg sees the offer and accepts the step.
    receiving = phone_context(browser, javascript)
    nurse_page = receiving.new_page()
    log_in(nurse_page, base, nurse)
    nurse_page.goto(f"{base}/beheer/zorgpaden/")
    check_page(nurse_page, javascript)
    nurse_page.get_by_role("link", name=re.compile("Huisbezoek na de geboorte")).click()
    check_page(nurse_page, javascript)
    assert "Sarah Janssens" in nurse_page.locator("main").inner_text()
    nurse_page.get_by_role("button", name="Stap aanvaarden").click()
    check_page(nurse_page, javascript)
    assert "opgevolgd door Kraamzorg Kalmthout" in nurse_page.locator("main").inner_text()
    expect(nurse_page.get_by_role("button", name="Stap afronden")).to_be_visible()
    step = path.steps.get()
    assert step.organisation == kraamzorg
    assert StepHandover.objects.get().status == HandoverStatus.ACCEPTED
    for context in (coordinating, starting, receiving):
        context.close()
