"""A family books an appointment at a desk in the browser, without an account, at 360 px (axe
checks every page with assert_accessible and assert_fits_phone, through ``check_page``), sees it
behind its signed link and cancels it; without JavaScript too."""

import pytest
from playwright.sync_api import expect

from huisvanhetkind.appointments.models import Appointment
from huisvanhetkind.appointments.workflow import AppointmentStatus as S
from huisvanhetkind.network.models import Municipality
from tests.appointments.conftest import make_appointment_desk
from tests.browser.conftest import check_page, phone_context
from tests.factories import HouseFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("javascript", [True, False])
def test_a_family_books_an_appointment_and_cancels_it(live_server, browser, javascript):
    house = HouseFactory(
        slug="kalmthout",
        name="Huis van het Kind Kalmthout",
        municipalities=list(Municipality.objects.filter(name="Kalmthout")),
    )
    make_appointment_desk(house)
    page = phone_context(browser, javascript=javascript).new_page()

    page.goto(live_server.url + "/kalmthout/afspraak/")
    expect(page.get_by_role("heading", name="Een afspraak maken")).to_be_visible()
    check_page(page, javascript)  # axe and the width check where JavaScript runs
    page.get_by_role("link", name="Lokaal Loket Kinderopvang").click()
    expect(page.get_by_text("aanslagbiljet")).to_be_visible()
    check_page(page, javascript)
    page.get_by_role("link", name="Kies een tijdstip").first.click()
    expect(page.get_by_role("heading", name="Kies een tijdstip")).to_be_visible()
    check_page(page, javascript)
    page.locator(".slot-list a").first.click()
    expect(page.get_by_role("heading", name="Je afspraak")).to_be_visible()
    check_page(page, javascript)

    # An invalid e-mail first: a Dutch message and nothing booked.
    page.locator("#id_name").fill("Fatima El Amrani")
    page.locator("#id_email").fill("fatima-at-example")
    page.locator("#id_interpreter").check()
    page.locator("#id_interpreter_language").fill("Arabisch")
    page.locator("#id_wheelchair").check()
    page.locator("#id_consent").check()
    page.get_by_role("button", name="Afspraak maken").click()
    expect(page.get_by_text("Dit e-mailadres is niet geldig").first).to_be_visible()
    check_page(page, javascript)
    assert not Appointment.objects.exists()

    page.locator("#id_email").fill("fatima@example.be")
    page.locator("#id_consent").check()
    page.get_by_role("button", name="Afspraak maken").click()
    expect(page.get_by_text("Je afspraak is geboekt.")).to_be_visible()
    expect(page.get_by_text("Fatima El Amrani")).to_be_visible()
    check_page(page, javascript)
    assert Appointment.objects.get().status == S.BOOKED

    page.get_by_role("button", name="Mijn afspraak annuleren").click()
    expect(page.get_by_text("Je afspraak is geannuleerd.")).to_be_visible()
    check_page(page, javascript)
    assert Appointment.objects.get().status == S.CANCELLED
    page.context.close()
