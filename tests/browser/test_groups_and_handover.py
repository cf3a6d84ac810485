"""The coordinator sets up the house's groups, its Lokaal Loket Kinderopvang and a bridge
worker; the organisation's admin then revokes a worker, sees what moves and picks a colleague."""

from importlib import import_module

import pytest
from django.apps import apps
from playwright.sync_api import expect

from huisvanhetkind.network.models import Designation, GroupMembership, Municipality, Role
from tests.browser.conftest import assert_accessible, assert_fits_phone, log_in
from tests.conftest import with_second_factor
from tests.factories import (
    HouseFactory,
    OrganisationFactory,
    QuestionFactory,
    RoleFactory,
    UserFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def professional(email, **role):
    user = with_second_factor(UserFactory(email=email))
    RoleFactory(user=user, **role)
    return user


def test_the_coordinator_sets_up_groups_and_the_admin_hands_a_worker_over(
    live_server, page, browser
):
    import_module("huisvanhetkind.questions.migrations.0002_load_topics").load(apps, None)
    house = HouseFactory(
        slug="kalmthout",
        name="Huis van het Kind Kalmthout",
        municipalities=[Municipality.objects.get(name="Kalmthout")],
    )
    punt = OrganisationFactory(name="Opvoedingspunt Kalmthout", houses=[house])
    OrganisationFactory(name="Kinderopvang Kalmthout", houses=[house])
    coordinator = professional("coordinator@kalmthout.example.be", kind="coordinator", house=house)
    admin = professional("beheer@opvoedingspunt.example.be", kind="org_admin", organisation=punt)
    worker = professional(
        "medewerker@opvoedingspunt.example.be", kind="org_worker", organisation=punt
    )
    colleague = professional(
        "collega@opvoedingspunt.example.be", kind="org_worker", organisation=punt
    )
    question = QuestionFactory(house=house, organisation=punt, assignee=worker, status="assigned")

    # 1. The coordinator makes the steering group, with the worker as its lead.
    log_in(page, live_server.url, coordinator)
    page.goto(live_server.url + "/beheer/huis/kalmthout/groepen/")
    assert_accessible(page)
    assert_fits_phone(page)
    page.get_by_label("Soort groep").select_option("steering")
    page.get_by_label("Naam").fill("Stuurgroep")
    page.get_by_role("button", name="Groep maken").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Stuurgroep"
    assert_accessible(page)
    page.get_by_label("Nieuw lid").select_option(
        label=f"{worker.get_full_name()} ({worker.email}) — Opvoedingspunt Kalmthout"
    )
    page.get_by_label("Trekker van de groep").check()
    page.get_by_role("button", name="Toevoegen").click()
    expect(page.get_by_text(f"{worker.email} is nu lid van Stuurgroep")).to_be_visible()
    assert_accessible(page)
    assert_fits_phone(page)

    # 2. A partner becomes the house's Lokaal Loket Kinderopvang; the worker a bridge worker.
    page.get_by_role("link", name="Lokale Loketten Kinderopvang").click()
    assert_accessible(page)
    page.get_by_label("Partner").select_option(label="Kinderopvang Kalmthout")
    page.get_by_role("button", name="Aanduiden").click()
    expect(page.get_by_text("is nu een Lokaal Loket Kinderopvang")).to_be_visible()
    assert Designation.objects.get().organisation.name == "Kinderopvang Kalmthout"
    page.get_by_role("link", name="Brugfiguren").click()
    assert_accessible(page)
    page.get_by_label("Wie wordt brugfiguur?").select_option(
        label=f"{worker.get_full_name()} ({worker.email}) — Opvoedingspunt Kalmthout"
    )
    page.get_by_role("button", name="Aanduiden").click()
    expect(page.get_by_text(f"{worker.email} is nu brugfiguur")).to_be_visible()
    assert_accessible(page)

    # 3. The admin revokes the worker: the page shows what moves and asks for a colleague.
    admin_page = browser.new_context(
        viewport={"width": 360, "height": 780}, locale="nl-BE"
    ).new_page()
    log_in(admin_page, live_server.url, admin)
    admin_page.goto(live_server.url + f"/beheer/organisatie/{punt.pk}/team/")
    admin_page.get_by_role("button", name=f"Intrekken {worker.email}").first.click()
    # Each click loads a page: wait for it before looking (a busy machine is slower).
    admin_page.get_by_text("Vragen van ouders toegewezen aan deze persoon: 1").wait_for()
    expect(
        admin_page.get_by_text("Stuurgroep (Huis van het Kind Kalmthout) — trekker")
    ).to_be_visible()
    assert_accessible(admin_page)
    assert_fits_phone(admin_page)
    admin_page.get_by_role("button", name="Overdragen en intrekken").click()
    admin_page.locator("#id_successor_error").wait_for()
    assert Role.objects.filter(user=worker, kind="org_worker").exists()
    admin_page.get_by_label("Collega die overneemt").select_option(
        label=f"{colleague.get_full_name()} ({colleague.email})"
    )
    admin_page.get_by_role("button", name="Overdragen en intrekken").click()
    admin_page.get_by_text(f"{colleague.email} neemt over").wait_for()
    assert_accessible(admin_page)

    question.refresh_from_db()
    assert question.assignee == colleague
    assert GroupMembership.objects.get().user == colleague
    assert not Role.objects.filter(user=worker).exists()
