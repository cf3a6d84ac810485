"""A parent finds an activity on a phone, registers without an account, opens the link from the
e-mail and cancels; the first family on the waitlist is promoted and told."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from huisvanhetkind.activities import services_registrations
from huisvanhetkind.activities.models import Activity, Registration, Session
from huisvanhetkind.activities.workflow import RegistrationStatus
from huisvanhetkind.network.models import Municipality
from tests.browser.conftest import assert_accessible, assert_fits_phone
from tests.factories import HouseFactory, OrganisationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def session():
    house = HouseFactory(
        slug="kalmthout",
        name="Huis van het Kind Kalmthout",
        municipalities=[Municipality.objects.get(name="Kalmthout")],
    )
    punt = OrganisationFactory(name="Opvoedingspunt Kalmthout", houses=[house])
    activity = Activity.objects.create(
        house=house,
        title="Speelbabbel",
        summary="Ontmoeting voor ouders met kinderen van 0 tot 3 jaar.",
        place="Huis van het Kind, Kerkstraat 1, Kalmthout",
        is_free=True,
        registration=Activity.RegistrationMode.REQUIRED,
        capacity=1,
        status=Activity.Status.PUBLISHED,
    )
    activity.organisations.add(punt)
    starts = timezone.now().replace(second=0, microsecond=0) + timedelta(days=3)
    return Session.objects.create(
        activity=activity, starts_at=starts, ends_at=starts + timedelta(hours=2)
    )


def test_register_open_the_link_cancel_and_the_waitlist_moves_up(live_server, page, session):
    page.goto(f"{live_server.url}/kalmthout/activiteiten/")
    assert_accessible(page)
    assert_fits_phone(page)
    page.get_by_role("link", name="Speelbabbel").first.click()
    page.wait_for_url("**/kalmthout/activiteiten/*/")
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("^Inschrijven")).first.click()
    page.wait_for_url("**/inschrijven/")
    assert_accessible(page)
    page.get_by_label("Naam").fill("Sara Peeters")
    page.get_by_label("E-mail").fill("sara@example.be")
    page.get_by_label("Aantal volwassenen").fill("1")
    page.get_by_label("Leeftijden van de kinderen die meekomen").fill("1")
    page.get_by_label("Ik geef toestemming").check()
    page.get_by_role("button", name="Inschrijven").click()
    page.wait_for_url("**/activiteiten/inschrijving/**")
    expect(page.get_by_text("Je bent ingeschreven.")).to_be_visible()
    assert_accessible(page)
    assert_fits_phone(page)

    waiting, _ = services_registrations.registration_create(
        session=session, name="Wachtende", email="wacht@example.be", adults=1, children_ages=[2]
    )
    assert waiting.status == RegistrationStatus.WAITLISTED

    link = re.search(r"http://\S+/inschrijving/\S+/", mail.outbox[0].body).group(0)
    path = link.split("://", 1)[1].split("/", 1)[1]
    page.goto(f"{live_server.url}/{path}")
    expect(page.get_by_text("Sara Peeters")).to_be_visible()
    # The slip: the page prints without its forms and links, and the same page comes as a PDF.
    page.emulate_media(media="print")
    assert not page.get_by_role("button", name="Mijn inschrijving annuleren").is_visible()
    written = page.get_by_text(f"{live_server.url}/{path}")
    expect(page.get_by_text("Sara Peeters")).to_be_visible()
    expect(written).to_be_visible()
    page.emulate_media(media="screen")
    slip = page.get_by_role("link", name="Afdrukken / PDF").get_attribute("href")
    pdf = page.request.get(live_server.url + slip)
    assert pdf.ok and pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF-")
    page.get_by_role("button", name="Mijn inschrijving annuleren").click()
    expect(page.get_by_text("Je inschrijving is geannuleerd.")).to_be_visible()
    assert_accessible(page)

    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.CONFIRMED
    assert Registration.objects.get(pk=waiting.pk - 1).status == RegistrationStatus.CANCELLED
    assert mail.outbox[-1].to == ["wacht@example.be"]
