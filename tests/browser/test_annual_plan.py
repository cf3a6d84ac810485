"""The plan in a browser, at 360 px: the coordinator makes a plan period, a goal, this year's
annual plan and an action measured by a live indicator (the partners in the network); the
public plan page shows its progress. With JavaScript (axe on every page) and without."""

import re

import pytest
from django.utils import timezone

from huisvanhetkind.network.models import Domain, Municipality, Role
from huisvanhetkind.steering.models import Action
from tests.browser.conftest import check_page, log_in, phone_context
from tests.conftest import with_second_factor
from tests.factories import HouseFactory, OrganisationFactory, RoleFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_the_coordinator_adds_an_action_and_the_public_page_shows_its_progress(
    live_server, browser, javascript
):
    house = HouseFactory(
        slug="kalmthout",
        name="Huis van het Kind Kalmthout",
        municipalities=[Municipality.objects.get(name="Kalmthout")],
    )
    OrganisationFactory(name="Opvoedingspunt Kalmthout", houses=[house])
    OrganisationFactory(name="Kind en Preventie", houses=[house])
    coordinator = with_second_factor(UserFactory(email="coordinator@kalmthout.example.be"))
    RoleFactory(user=coordinator, kind=Role.Kind.COORDINATOR, house=house)
    year = timezone.localdate().year
    base = live_server.url

    context = phone_context(browser, javascript)
    page = context.new_page()
    log_in(page, base, coordinator)
    page.goto(f"{base}/beheer/huis/kalmthout/plan/")
    check_page(page, javascript)
    page.locator("#id_title").fill("Strategische nota")
    page.locator("#id_start_year").fill(str(year - 1))
    page.locator("#id_end_year").fill(str(year + 4))
    page.get_by_role("button", name="Beleidsperiode toevoegen").click()
    page.wait_for_url(re.compile(r".*/plan/periode/\d+/$"))
    check_page(page, javascript)

    page.locator("#id_domain").select_option(str(Domain.objects.get(slug="huis").pk))
    page.locator("#id_code").fill("2.1.1")
    page.locator("#id_title").fill("Het huis is bekend bij alle partners.")
    page.get_by_role("button", name="Doelstelling toevoegen").click()
    page.wait_for_url(re.compile(r".*/plan/periode/\d+/$"))
    assert "Het huis is bekend bij alle partners." in page.locator("main").inner_text()

    page.goto(f"{base}/beheer/huis/kalmthout/plan/")
    page.locator("#id_year").fill(str(year))
    page.get_by_role("button", name="Jaarplan maken").click()
    page.wait_for_url(f"**/plan/{year}/")
    check_page(page, javascript)

    page.locator("#id_goal").select_option(index=1)
    page.locator("#id_title").fill("Nieuwe partners laten aansluiten")
    page.locator("#id_indicator").select_option("partners_in_network")
    page.locator("#id_baseline").fill("0")
    page.locator("#id_target").fill("4")
    page.locator("#id_target_on").fill(f"{year}-12-31")
    page.get_by_role("button", name="Actie toevoegen").click()
    page.wait_for_url(re.compile(r".*/plan/actie/\d+/$"))
    check_page(page, javascript)
    action = Action.objects.get()
    assert action.indicator == "partners_in_network"
    assert "50 %" in page.locator("main").inner_text()
    context.close()

    # Anybody: the public page shows the goal and the action's progress, nothing internal.
    public = phone_context(browser, javascript)
    visitor = public.new_page()
    visitor.goto(f"{base}/kalmthout/")
    visitor.get_by_role("link", name="Onze doelen en hoe ver we staan").click()
    visitor.wait_for_url("**/kalmthout/plan/")
    check_page(visitor, javascript)
    main = visitor.locator("main")
    assert "Het huis is bekend bij alle partners." in main.inner_text()
    assert "Nieuwe partners laten aansluiten" in main.inner_text()
    assert visitor.locator("progress[value='50']").count() >= 1
    public.close()
