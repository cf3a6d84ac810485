"""A worker logs in on a phone, sees in the navigation how much waits, finds the question
assigned to them on Mijn werkplek, turns on the daily e-mail and opens the question."""

import pytest
from playwright.sync_api import expect

from huisvanhetkind.core.models import NotificationPreference
from huisvanhetkind.network.models import Municipality, Role
from tests.browser.conftest import assert_accessible, assert_fits_phone
from tests.conftest import TOTP_SECRET, totp_code, with_second_factor
from tests.factories import (
    PASSWORD,
    HouseFactory,
    OrganisationFactory,
    QuestionFactory,
    RoleFactory,
    UserFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def waiting():
    from importlib import import_module

    from django.apps import apps

    import_module("huisvanhetkind.questions.migrations.0002_load_topics").load(apps, None)
    house = HouseFactory(
        slug="kalmthout",
        name="Huis van het Kind Kalmthout",
        municipalities=[Municipality.objects.get(name="Kalmthout")],
    )
    punt = OrganisationFactory(name="Opvoedingspunt Kalmthout", houses=[house])
    worker = with_second_factor(UserFactory(email="medewerker@opvoedingspunt.example.be"))
    RoleFactory(user=worker, kind=Role.Kind.ORGANISATION_WORKER, organisation=punt)
    question = QuestionFactory(house=house, organisation=punt, status="assigned", assignee=worker)
    return worker, question


def test_the_worker_finds_what_waits_on_mijn_werkplek(live_server, page, waiting):
    worker, question = waiting
    page.goto(live_server.url + "/accounts/login/")
    page.locator("#id_login").fill(worker.email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/accounts/2fa/authenticate/")
    page.locator("#id_code").fill(totp_code(TOTP_SECRET))
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/beheer/**")

    page.goto(live_server.url + "/beheer/")
    workplace = page.get_by_role("link", name="Mijn werkplek (1 taak te doen)")
    expect(workplace).to_be_visible()
    expect(page.get_by_role("heading", name="Te doen")).to_be_visible()
    expect(page.get_by_role("heading", name="Vragen van ouders")).to_be_visible()
    expect(page.get_by_text("aan jou toegewezen")).to_be_visible()
    assert_accessible(page)
    assert_fits_phone(page)

    page.get_by_role("button", name="Stuur me elke ochtend een e-mail").click()
    page.wait_for_url("**/beheer/")
    expect(
        page.get_by_text("Je krijgt voortaan elke ochtend een e-mail met je takenlijst.")
    ).to_be_visible()
    expect(page.get_by_role("button", name="Geen dagelijkse e-mail meer")).to_be_visible()
    assert NotificationPreference.objects.get(user=worker).daily_digest
    assert_accessible(page)

    page.get_by_role("link", name=f"Vraag #{question.pk} · Slapen").click()
    page.wait_for_url(f"**/beheer/vragen/{question.pk}/")
    expect(page.get_by_text("Mijn peuter slaapt slecht.")).to_be_visible()
