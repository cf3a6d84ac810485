"""The childcare offer in the browser: a parent finds childcare by municipality, age and start
month without an account; a provider updates its free places (a wrong number is refused first);
the desk imports the official list with a preview and a progress bar. axe checks every page."""

import re

import pytest
from django.utils import timezone, translation
from playwright.sync_api import expect

from huisvanhetkind.childcare import services
from huisvanhetkind.childcare.csv_import import COLUMNS
from huisvanhetkind.childcare.models import ChildcareLocation, FreePlaces
from huisvanhetkind.childcare.months import add_months, first_of_month, month_label
from huisvanhetkind.network.models import Municipality, Role
from tests.browser.conftest import assert_accessible, assert_fits_phone, log_in
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


@pytest.fixture
def kalmthout():
    house = HouseFactory(
        slug="kalmthout",
        name="Huis van het Kind Kalmthout",
        municipalities=list(Municipality.objects.filter(name__in=["Kalmthout", "Essen"])),
    )
    provider = OrganisationFactory(
        name="Landelijke Kinderopvang Stekelbees", houses=[house], domains=["kinderopvang"]
    )
    kabouters = make_location(house=house, organisation=provider, dossier_number="900001")
    make_location(
        house=house,
        organisation=provider,
        name="Gezinsopvang Het Nestje",
        municipality="Essen",
        street="Kerkstraat 2",
        postcode="2910",
        kind="gezinsopvang",
        licensed_places=8,
    )
    make_location(
        house=house,
        organisation=provider,
        name="Buitenschoolse opvang De Speelvogel",
        kind="buitenschoolse-opvang",
        min_age_months=30,
        max_age_months=155,
        licensed_places=40,
    )
    services.free_places_set(childcare=kabouters, actor=None, places={next_month(): 2})
    return house, provider, kabouters


def test_a_parent_finds_childcare_by_municipality_age_and_start_month(live_server, page, kalmthout):
    page.goto(live_server.url + "/kalmthout/kinderopvang/")
    expect(page.get_by_role("heading", name="Kinderopvang zoeken")).to_be_visible()
    expect(page.get_by_text("3 opvanglocaties")).to_be_visible()
    assert_accessible(page)
    assert_fits_phone(page)

    page.get_by_label("Gemeente", exact=True).select_option(label="Kalmthout")
    page.get_by_label("Leeftijd van je kind bij de start").select_option(label="1 jaar")
    page.get_by_label("Startmaand", exact=True).select_option(value=f"{next_month():%Y-%m}")
    page.get_by_label("Alleen opvang met een vrije plaats").check()
    page.get_by_role("button", name="Toon de opvang").click()
    page.wait_for_url(re.compile(r"start="))
    expect(page.get_by_text("1 opvanglocatie", exact=True)).to_be_visible()
    expect(page.get_by_text(re.compile(r"2 vrije plaatsen in"))).to_be_visible()
    assert page.get_by_role("link", name="Gezinsopvang Het Nestje").count() == 0
    assert_accessible(page)

    page.get_by_role("link", name="Kinderdagverblijf De Kabouters").click()
    page.wait_for_url(re.compile(r"/kinderopvang/\d+/$"))
    expect(
        page.get_by_role("heading", level=1, name="Kinderdagverblijf De Kabouters")
    ).to_be_visible()
    expect(page.get_by_text("Heidestraat 41").first).to_be_visible()
    assert_accessible(page)
    assert_fits_phone(page)


def test_a_provider_updates_its_free_places(live_server, browser, kalmthout):
    _house, provider, kabouters = kalmthout
    worker = with_second_factor(UserFactory(email="onthaal@stekelbees.example.be"))
    RoleFactory(user=worker, kind=Role.Kind.ORGANISATION_WORKER, organisation=provider)
    page = browser.new_context(viewport={"width": 1024, "height": 800}, locale="nl-BE").new_page()
    log_in(page, live_server.url, worker)

    page.goto(live_server.url + "/beheer/kinderopvang/")
    assert_accessible(page)
    page.get_by_role("link", name="Kinderdagverblijf De Kabouters").click()
    page.wait_for_url("**/plaatsen/")
    assert_accessible(page)

    later = add_months(next_month(), 1)
    with translation.override("nl"):
        label = month_label(later)
    page.get_by_label(label, exact=True).fill("25")
    page.get_by_role("button", name="Bewaar de vrije plaatsen").click()
    expect(
        page.get_by_text("Dat is meer dan de 18 vergunde plaatsen van deze opvang.").first
    ).to_be_visible()
    assert_accessible(page)
    assert not FreePlaces.objects.filter(month=later).exists()

    page.get_by_label(label, exact=True).fill("3")
    page.get_by_role("button", name="Bewaar de vrije plaatsen").click()
    expect(page.get_by_text("De vrije plaatsen zijn bewaard.")).to_be_visible()
    assert_accessible(page)
    assert FreePlaces.objects.get(location=kabouters, month=later).places == 3
    page.context.close()


def test_the_desk_imports_the_official_list_with_a_preview_and_a_progress_bar(
    live_server, browser, kalmthout
):
    house, _provider, _kabouters = kalmthout
    desk = OrganisationFactory(name="Lokaal Loket Kinderopvang Kalmthout", houses=[house])
    DesignationFactory(house=house, organisation=desk)
    person = with_second_factor(UserFactory(email="loket@kalmthout.example.be"))
    RoleFactory(user=person, kind=Role.Kind.ORGANISATION_WORKER, organisation=desk)
    page = browser.new_context(viewport={"width": 1024, "height": 800}, locale="nl-BE").new_page()
    log_in(page, live_server.url, person)

    page.goto(live_server.url + "/beheer/huis/kalmthout/kinderopvang/")
    assert_accessible(page)
    page.get_by_role("link", name="Lijst van opvanglocaties importeren (CSV)").click()
    assert_accessible(page)
    row = (
        "900002;Kinderdagverblijf Het Bosuiltje;kinderdagverblijf;Landelijke Kinderopvang "
        "Stekelbees;Statiestraat 12;2920;Kalmthout;18;0;35;inkomenstarief;;ja;nl;nee;;"
    )
    content = ";".join(COLUMNS) + "\n" + row + "\n"
    page.get_by_label("Lijst van opvanglocaties (CSV)").set_input_files(
        {"name": "lijst.csv", "mimeType": "text/csv", "buffer": content.encode()}
    )
    page.get_by_role("button", name="Bekijk wat er zal gebeuren").click()
    page.wait_for_url("**/voorbeeld/")
    expect(
        page.get_by_text("Als je bevestigt: 1 nieuw, 0 bijgewerkt, 0 ongewijzigd.")
    ).to_be_visible()
    assert_accessible(page)
    assert not ChildcareLocation.objects.filter(dossier_number="900002").exists()

    page.get_by_role("button", name="Bevestig en importeer").click()
    page.wait_for_url(re.compile(r"/importeren/\d+/$"))
    expect(page.get_by_text("De import is klaar: 1 nieuw")).to_be_visible()
    expect(page.locator("progress")).to_be_visible()
    assert_accessible(page)
    assert ChildcareLocation.objects.filter(dossier_number="900002").exists()
    page.context.close()
