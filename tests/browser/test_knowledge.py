"""Knowledge sharing in the browser: a partner's professional opens the library from the
dashboard, adds a how-to, finds it by topic, registers for a training for professionals, and the
organiser marks attendance. axe checks every page on the way, at the width of a cheap phone."""

from datetime import timedelta

import pytest
from django.core.files.storage import FileSystemStorage
from django.utils import timezone
from playwright.sync_api import expect

from huisvanhetkind.activities.models import Activity
from huisvanhetkind.knowledge.models import LibraryItem, TrainingRegistration, private_storage
from huisvanhetkind.network.models import Municipality, Role
from tests.browser.conftest import assert_accessible, assert_fits_phone, log_in, phone_context
from tests.conftest import with_second_factor
from tests.factories import (
    ActivityFactory,
    HouseFactory,
    OrganisationFactory,
    RoleFactory,
    SessionFactory,
    UserFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def check(page):
    assert_accessible(page)
    assert_fits_phone(page)


@pytest.fixture
def kalmthout(tmp_path, monkeypatch):
    monkeypatch.setattr(private_storage, "_wrapped", FileSystemStorage(location=tmp_path))
    house = HouseFactory(
        slug="kalmthout",
        name="Huis van het Kind Kalmthout",
        municipalities=list(Municipality.objects.filter(name="Kalmthout")),
    )
    organiser = OrganisationFactory(name="Opvoedingspunt Kalmthout", houses=[house])
    partner = OrganisationFactory(name="Kind en Gezin", houses=[house])
    organiser_worker = with_second_factor(UserFactory(email="opvoedingspunt@kalmthout.example.be"))
    RoleFactory(user=organiser_worker, kind=Role.Kind.ORGANISATION_WORKER, organisation=organiser)
    partner_worker = with_second_factor(
        UserFactory(
            email="lien.claes@kind-en-gezin.example.be", first_name="Lien", last_name="Claes"
        )
    )
    RoleFactory(user=partner_worker, kind=Role.Kind.ORGANISATION_WORKER, organisation=partner)
    activity = ActivityFactory(
        house=house,
        organisations=[organiser],
        title="Vorming: kinderarmoede herkennen",
        audience=Activity.Audience.PROFESSIONALS,
    )
    starts = timezone.now().replace(microsecond=0) + timedelta(days=7)
    session = SessionFactory(
        activity=activity, starts_at=starts, ends_at=starts + timedelta(hours=3)
    )
    return house, session, organiser_worker, partner_worker


def test_a_partner_adds_a_library_item_and_registers_for_a_training(
    live_server, browser, kalmthout
):
    house, session, organiser_worker, partner_worker = kalmthout
    base = live_server.url + f"/beheer/huis/{house.slug}/kennis/"

    page = phone_context(browser).new_page()
    log_in(page, live_server.url, partner_worker)
    page.goto(live_server.url + "/beheer/")
    page.get_by_role("link", name="Bibliotheek van Huis van het Kind Kalmthout").click()
    page.wait_for_url(base)
    check(page)

    # A form with an empty title: a clear message, nothing saved.
    page.get_by_role("link", name="Iets toevoegen").click()
    check(page)
    page.get_by_label("Soort").select_option("howto")
    page.get_by_role("button", name="Bewaren").click()
    expect(page.get_by_text("Geef een titel.").first).to_be_visible()
    check(page)
    page.get_by_label("Titel").fill("Zo vraag je een schooltoelage aan")
    page.get_by_label("Onderwerp").fill("armoede")
    page.get_by_label("Tekst").fill("Stap 1: surf naar www.groeipakket.be.")
    page.get_by_role("button", name="Bewaren").click()
    page.wait_for_url(base)
    assert LibraryItem.objects.filter(title="Zo vraag je een schooltoelage aan").exists()
    page.goto(base + "?onderwerp=armoede")
    check(page)
    page.get_by_role("link", name="Zo vraag je een schooltoelage aan", exact=True).click()
    check(page)

    # The trainings page: register.
    page.goto(base + "vormingen/")
    check(page)
    page.get_by_role("button", name="Inschrijven voor Vorming: kinderarmoede herkennen").click()
    page.wait_for_url(base + "vormingen/")
    expect(page.get_by_text("Je bent ingeschreven.").first).to_be_visible()
    check(page)
    assert TrainingRegistration.objects.filter(user=partner_worker).exists()
    page.context.close()

    # The organiser marks attendance.
    organiser = phone_context(browser).new_page()
    log_in(organiser, live_server.url, organiser_worker)
    organiser.goto(base + f"vormingen/{session.pk}/aanwezigheden/")
    check(organiser)
    organiser.get_by_label("Lien Claes").check()
    organiser.get_by_role("button", name="Aanwezigheden bewaren").click()
    expect(organiser.get_by_text("De aanwezigheden zijn bewaard.").first).to_be_visible()
    check(organiser)
    organiser.context.close()
    assert TrainingRegistration.objects.get().attended is True
