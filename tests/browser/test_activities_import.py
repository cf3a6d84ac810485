"""A partner worker imports the organisation's own calendar (.ics), checks the preview and
confirms; the weekly activity appears in the public calendar."""

import re
import threading
from datetime import datetime, time, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from huisvanhetkind.activities.models import Activity
from huisvanhetkind.network.models import Municipality, Role
from tests.browser.conftest import assert_accessible
from tests.conftest import TOTP_SECRET, totp_code, with_second_factor
from tests.factories import PASSWORD, HouseFactory, OrganisationFactory, RoleFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def worker():
    house = HouseFactory(
        slug="kalmthout",
        name="Huis van het Kind Kalmthout",
        municipalities=[Municipality.objects.get(name="Kalmthout")],
    )
    punt = OrganisationFactory(name="Opvoedingspunt Kalmthout", houses=[house])
    user = with_second_factor(UserFactory(email="medewerker@opvoedingspunt.example.be"))
    RoleFactory(user=user, kind=Role.Kind.ORGANISATION_WORKER, organisation=punt)
    return user


def first_tuesday():
    today = timezone.localdate()
    return today + timedelta(days=(1 - today.weekday()) % 7 + 7)


def feed() -> bytes:
    tuesday = first_tuesday()
    start = datetime.combine(tuesday, time(9, 30)).strftime("%Y%m%dT%H%M%S")
    end = datetime.combine(tuesday, time(11, 30)).strftime("%Y%m%dT%H%M%S")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Opvoedingspunt//agenda//NL",
        "BEGIN:VEVENT",
        "UID:speelbabbel@opvoedingspunt.example.be",
        f"DTSTART;TZID=Europe/Brussels:{start}",
        f"DTEND;TZID=Europe/Brussels:{end}",
        "RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=8",
        "SUMMARY:Speelbabbel",
        "DESCRIPTION:Ontmoeting voor ouders met kinderen van 0 tot 3 jaar.",
        "LOCATION:Huis van het Kind\\, Kerkstraat 1\\, Kalmthout",
        "END:VEVENT",
        "END:VCALENDAR",
        "",
    ]
    return "\r\n".join(lines).encode()


def test_a_partner_imports_the_calendar_checks_the_preview_and_confirms(
    live_server, browser, worker
):
    page = browser.new_context(viewport={"width": 1024, "height": 800}, locale="nl-BE").new_page()
    page.goto(live_server.url + "/accounts/login/")
    page.locator("#id_login").fill(worker.email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/accounts/2fa/authenticate/")
    page.locator("#id_code").fill(totp_code(TOTP_SECRET))
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/beheer/**")

    page.goto(live_server.url + "/beheer/huis/kalmthout/activiteiten/importeren/")
    page.wait_for_url(re.compile(r"/importeren/\d+/$"))
    assert_accessible(page)
    page.get_by_role("button", name="Bekijk wat er zal gebeuren").click()
    expect(
        page.get_by_text("Kies een .ics-bestand of geef het webadres van je agenda.").first
    ).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Agendabestand (.ics)").set_input_files(
        {"name": "agenda.ics", "mimeType": "text/calendar", "buffer": feed()}
    )
    page.get_by_role("button", name="Bekijk wat er zal gebeuren").click()
    page.wait_for_url("**/voorbeeld/")
    expect(page.get_by_text("Als je bevestigt: 1 nieuw, 0 bijgewerkt")).to_be_visible()
    assert_accessible(page)
    assert not Activity.objects.exists()

    page.get_by_role("button", name="Bevestig en importeer").click()
    page.wait_for_url("**/beheer/activiteiten/")
    expect(page.get_by_text("De agenda is geïmporteerd: 1 nieuw")).to_be_visible()
    assert_accessible(page)
    assert Activity.objects.get().sessions.count() == 8

    # The week of the first session (8 to 13 days ahead: not always next week).
    page.goto(
        f"{live_server.url}/kalmthout/activiteiten/?weergave=week&week={first_tuesday():%G-W%V}"
    )
    expect(page.get_by_role("link", name="Speelbabbel")).to_be_visible()
    page.context.close()


@pytest.fixture
def feed_server(settings):
    """The partner's own web server, on 127.0.0.1 (allowed for this test only)."""
    settings.ICAL_IMPORT_ALLOW_PRIVATE_HOSTS = True

    class Agenda(BaseHTTPRequestHandler):
        def do_GET(self):
            body = feed()
            self.send_response(200)
            self.send_header("Content-Type", "text/calendar")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Agenda)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/agenda.ics"
    httpd.shutdown()
    httpd.server_close()


def test_a_partner_imports_the_calendar_from_its_url_and_sees_the_result(
    live_server, browser, worker, feed_server
):
    page = browser.new_context(viewport={"width": 360, "height": 800}, locale="nl-BE").new_page()
    page.goto(live_server.url + "/accounts/login/")
    page.locator("#id_login").fill(worker.email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/accounts/2fa/authenticate/")
    page.locator("#id_code").fill(totp_code(TOTP_SECRET))
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/beheer/**")

    page.goto(live_server.url + "/beheer/huis/kalmthout/activiteiten/importeren/")
    page.wait_for_url(re.compile(r"/importeren/\d+/$"))
    page.get_by_label("Of het webadres van je agenda").fill(feed_server)
    page.get_by_role("button", name="Bekijk wat er zal gebeuren").click()
    page.wait_for_url("**/voorbeeld/")
    expect(page.get_by_text("op de achtergrond ingelezen")).to_be_visible()

    page.get_by_role("button", name="Bevestig en importeer").click()
    page.wait_for_url(re.compile(r"/import/[^/]+/$"))
    expect(page.get_by_text("De agenda is geïmporteerd: 1 nieuw")).to_be_visible()
    assert_accessible(page)
    assert Activity.objects.get().sessions.count() == 8
    page.context.close()
