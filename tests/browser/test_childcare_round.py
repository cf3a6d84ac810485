"""The childcare desk's round in the browser: a parent files a request for the whole house
without an account, the desk runs an allocation round for next month, the provider confirms the
place and the parent accepts it through the private link. axe checks every page on the way, at
the width of a cheap phone."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from huisvanhetkind.childcare import services
from huisvanhetkind.childcare.models import (
    AllocationRound,
    ChildcareRequest,
    Placement,
    PlacementStatus,
    RequestStatus,
)
from huisvanhetkind.childcare.months import add_months, first_of_month, month_label
from huisvanhetkind.network.models import Municipality, Role
from tests.browser.conftest import assert_accessible, assert_fits_phone, log_in, phone_context
from tests.childcare.conftest import make_location
from tests.conftest import with_second_factor
from tests.factories import (
    DesignationFactory,
    HouseFactory,
    OrganisationFactory,
    RoleFactory,
    UserFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def next_month():
    return add_months(first_of_month(timezone.localdate()), 1)


def check(page):
    assert_accessible(page)
    assert_fits_phone(page)


@pytest.fixture
def kalmthout():
    house = HouseFactory(
        slug="kalmthout",
        name="Huis van het Kind Kalmthout",
        municipalities=list(Municipality.objects.filter(name="Kalmthout")),
    )
    provider = OrganisationFactory(
        name="Landelijke Kinderopvang Stekelbees", houses=[house], domains=["kinderopvang"]
    )
    heide = make_location(
        house=house, organisation=provider, name="Kinderdagverblijf Stekelbees Heide"
    )
    services.free_places_set(childcare=heide, actor=None, places={next_month(): 1})
    desk = OrganisationFactory(
        name="Lokaal Loket Kinderopvang Kalmthout", houses=[house], domains=["kinderopvang"]
    )
    DesignationFactory(house=house, organisation=desk)
    desk_worker = with_second_factor(UserFactory(email="kinderopvang@kalmthout.example.be"))
    RoleFactory(user=desk_worker, kind=Role.Kind.ORGANISATION_WORKER, organisation=desk)
    provider_worker = with_second_factor(UserFactory(email="onthaal@stekelbees.example.be"))
    RoleFactory(user=provider_worker, kind=Role.Kind.ORGANISATION_WORKER, organisation=provider)
    return house, heide, desk_worker, provider_worker


def test_a_parent_files_a_request_the_desk_runs_a_round_the_provider_confirms_the_parent_accepts(
    live_server, page, browser, kalmthout
):
    house, heide, desk_worker, provider_worker = kalmthout
    month = next_month()

    # 1. The parent files one request for the whole house, in two steps, without an account.
    page.goto(live_server.url + "/kalmthout/kinderopvang/aanvraag/")
    check(page)
    page.get_by_label("In welke gemeente woont je gezin?").select_option(label="Kalmthout")
    page.get_by_label("Voornaam van je kind").fill("Mila")
    page.get_by_label("Geboortedatum").fill(
        (timezone.localdate() - timedelta(days=200)).isoformat()
    )
    page.get_by_label("Vanaf welke maand heb je opvang nodig?").select_option(f"{month:%Y-%m}")
    page.get_by_role("button", name="Verder: kies de opvang").click()
    page.get_by_role("button", name="Opvangvraag indienen").wait_for()
    check(page)
    page.get_by_label("Voorkeur (nummer) Kinderdagverblijf Stekelbees Heide").select_option("1")
    page.get_by_label("Hoeveel halve dagen per week?").select_option("8")
    page.get_by_label("Wij werken of studeren allebei").check()
    page.get_by_label("Ik verklaar op eer").check()
    page.get_by_label("Je naam").fill("Sarah Janssens")
    page.get_by_label("Je e-mailadres").fill("sarah.janssens@example.be")
    page.get_by_role("button", name="Opvangvraag indienen").click()
    page.wait_for_url(re.compile(r"/kinderopvang/aanvraag/[^/]+/\?nieuw=1$"))
    private_url = page.url.split("?")[0]
    expect(page.get_by_text("Bedankt, je opvangvraag is ingediend.")).to_be_visible()
    check(page)
    childcare_request = ChildcareRequest.objects.get()
    assert childcare_request.status == RequestStatus.OPEN
    assert childcare_request.working and childcare_request.sworn

    # 2. The desk previews and runs the round for next month, and reads its report.
    desk = phone_context(browser).new_page()
    log_in(desk, live_server.url, desk_worker)
    desk.goto(live_server.url + "/beheer/huis/kalmthout/kinderopvang/rondes/")
    check(desk)
    desk.get_by_label("Startmaand").select_option(f"{month:%Y-%m}")
    desk.get_by_role("button", name="Bekijk wat de ronde zou gebruiken").click()
    run = desk.get_by_role("button", name=f"Verdeel de plaatsen van {month_label(month)}")
    run.wait_for()
    check(desk)
    run.click()
    desk.wait_for_url(re.compile(r"/rondes/\d+/$"))
    check(desk)
    allocation_round = AllocationRound.objects.get()
    assert allocation_round.blocking_pairs == 0
    assert allocation_round.result["assignments"] == {f"r-{childcare_request.pk}": f"l-{heide.pk}"}
    desk.context.close()

    # 3. The provider confirms the proposed place.
    provider = phone_context(browser).new_page()
    log_in(provider, live_server.url, provider_worker)
    provider.goto(live_server.url + "/beheer/kinderopvang/plaatsingen/")
    check(provider)
    placement = Placement.objects.get()
    provider.get_by_role("button", name=f"Bevestig plaatsing #{placement.pk}").click()
    provider.wait_for_load_state()
    check(provider)
    placement.refresh_from_db()
    assert placement.status == PlacementStatus.CONFIRMED
    provider.context.close()

    # 4. The parent accepts the place through the private link, after a confirmation step.
    page.goto(private_url)
    check(page)
    page.get_by_label("Ik aanvaard deze plaats").check()
    page.get_by_role("button", name="Verder").click()
    page.get_by_role("button", name="Ja, ik aanvaard de plaats").click()
    page.wait_for_url(re.compile(re.escape(private_url) + r"$"))
    check(page)
    placement.refresh_from_db()
    childcare_request.refresh_from_db()
    assert placement.status == PlacementStatus.ACCEPTED
    assert childcare_request.status == RequestStatus.PLACED
