"""The organiser's import page (upload or URL, preview, confirm), fetching a URL and the
``import-ical`` command."""

import contextlib
import threading
import time as clock
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from huisvanhetkind.activities import ical_import
from huisvanhetkind.activities.models import Activity, ImportedEvent
from tests.activities.test_ical_import import ics, snapshot, vevent
from tests.conftest import logged_in

pytestmark = pytest.mark.django_db

FEED = ics(vevent(), vevent("slaap@example.be", summary="Slaapworkshop"))


class Agenda(BaseHTTPRequestHandler):
    """A partner's web server: a feed, a web page, a huge file, an error and a slow answer."""

    def do_GET(self):
        if self.path == "/traag.ics":
            clock.sleep(1.5)
        bodies = {
            "/agenda.ics": (200, "text/calendar", FEED),
            "/traag.ics": (200, "text/calendar", FEED),
            "/pagina.html": (200, "text/html", b"<!doctype html><title>Agenda</title>"),
            "/groot.ics": (200, "text/calendar", b"BEGIN:VCALENDAR\r\n" + b"X" * (3 << 20)),
        }
        status, kind, body = bodies.get(self.path, (404, "text/plain", b"weg"))
        self.send_response(status)
        self.send_header("Content-Type", kind)
        if self.path != "/groot.ics":  # make the size check count, not trust the header
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def server(settings):
    settings.ICAL_IMPORT_ALLOW_PRIVATE_HOSTS = True
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Agenda)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def page_url(house, organisation, name="ical_import"):
    return reverse(
        f"activities:{name}", kwargs={"house_slug": house.slug, "organisation_pk": organisation.pk}
    )


def upload(client, house, organisation, **data):
    return client.post(page_url(house, organisation), data)


def ics_file(content=FEED, name="agenda.ics"):
    return SimpleUploadedFile(name, content, content_type="text/calendar")


# --- The page ---------------------------------------------------------------------------------


def test_worker_previews_then_confirms_and_a_second_import_changes_nothing(
    house, organisation, worker
):
    client = logged_in(worker)

    response = upload(client, house, organisation, file=ics_file())

    assert response.status_code == 302
    preview = client.get(response["Location"])
    html = preview.content.decode()
    assert "Als je bevestigt: 2 nieuw, 0 bijgewerkt" in html
    assert "Slaapworkshop" in html
    assert not Activity.objects.exists()  # nothing saved before the confirmation
    digest = preview.context["form"]["digest"].value()

    saved = client.post(page_url(house, organisation, "ical_import_confirm"), {"digest": digest})

    assert saved.status_code == 302
    assert Activity.objects.filter(status=Activity.Status.PUBLISHED).count() == 2
    assert ImportedEvent.objects.filter(source="agenda.ics").count() == 2
    before = snapshot()
    again = client.get(
        upload(client, house, organisation, file=ics_file())["Location"]
    ).content.decode()
    assert "0 nieuw, 0 bijgewerkt, 2 ongewijzigd" in again
    assert snapshot() == before


def test_coordinator_imports_from_a_url(house, organisation, coordinator, server):
    client = logged_in(coordinator)

    response = upload(client, house, organisation, url=f"{server}/agenda.ics")
    preview = client.get(response["Location"])
    client.post(
        page_url(house, organisation, "ical_import_confirm"),
        {"digest": preview.context["form"]["digest"].value()},
    )

    imported = ImportedEvent.objects.get(uid="slaap@example.be")
    assert imported.source == f"{server}/agenda.ics"
    assert list(imported.activity.organisations.all()) == [organisation]


def test_preview_lists_the_errors_and_offers_no_confirmation(house, organisation, worker):
    client = logged_in(worker)
    broken = ics(vevent(), vevent(uid=""))

    preview = client.get(upload(client, house, organisation, file=ics_file(broken))["Location"])

    html = preview.content.decode()
    assert "1 activiteit heeft een fout" in html
    assert "geen UID" in html
    assert "Bevestig en importeer" not in html
    response = client.post(
        page_url(house, organisation, "ical_import_confirm"),
        {"digest": preview.context["form"]["digest"].value()},
    )
    assert response.status_code == 400
    assert not Activity.objects.exists()


def test_confirm_without_the_previewed_calendar_saves_nothing(house, organisation, worker):
    client = logged_in(worker)
    upload(client, house, organisation, file=ics_file())

    response = client.post(page_url(house, organisation, "ical_import_confirm"), {"digest": "x"})

    assert response.status_code == 302
    assert not Activity.objects.exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Kies een .ics-bestand of geef het webadres van je agenda."),
        (
            {"file": "FILE", "url": "https://example.be/agenda.ics"},
            "Kies een bestand óf een webadres, niet allebei.",
        ),
        ({"file": ics_file(FEED, "agenda.pdf")}, "de naam eindigt op .ics"),
        ({"file": ics_file(b"Geen agenda")}, "geen iCalendar-bestand"),
        (
            {"file": ics_file(b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nkapot")},
            "beschadigd en kan niet gelezen worden",
        ),
        (
            {"file": ics_file(b"BEGIN:VCALENDAR\r\n" + b"X" * (ical_import.MAX_BYTES + 1))},
            "groter dan 2 MB",
        ),
        ({"url": "ftp://example.be/agenda.ics"}, "begint met http:// of https://"),
        ({"url": "file:///etc/passwd"}, "begint met http:// of https://"),
    ],
    ids=["nothing", "both", "not-ics-name", "not-ics", "broken", "too-big", "ftp", "file"],
)
def test_bad_input_gets_a_dutch_message_and_changes_nothing(
    house, organisation, worker, data, message
):
    data = {key: ics_file() if value == "FILE" else value for key, value in data.items()}
    before = snapshot()

    response = upload(logged_in(worker), house, organisation, **data)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert "Controleer je invoer" in response.content.decode()
    assert snapshot() == before


def test_unreachable_or_wrong_urls_get_a_dutch_message(house, organisation, worker, server):
    client = logged_in(worker)
    cases = {
        f"{server}/weg.ics": "de server antwoordt met foutcode 404",
        f"{server}/pagina.html": "geen iCalendar-bestand",
        f"{server}/groot.ics": "groter dan 2 MB",
        "http://127.0.0.1:9/agenda.ics": "de server is niet bereikbaar",
    }
    for url, message in cases.items():
        response = upload(client, house, organisation, url=url)
        assert response.status_code == 400, url
        assert message in response.content.decode(), url
    assert not Activity.objects.exists()


@pytest.mark.parametrize("name", ["ical_import", "ical_import_preview", "ical_import_confirm"])
def test_outsiders_cannot_import_for_an_organisation(
    house, organisation, worker, outsider, other_coordinator, name
):
    # The partner worker has a calendar waiting for confirmation.
    client = logged_in(worker)
    preview = client.get(upload(client, house, organisation, file=ics_file())["Location"])
    digest = preview.context["form"]["digest"].value()

    for user in (outsider, other_coordinator):
        other = logged_in(user)
        url = page_url(house, organisation, name)
        response = other.post(url, {"file": ics_file(), "digest": digest})
        assert response.status_code == 404
        assert other.get(url).status_code in (404, 405)
    assert not Activity.objects.exists()


def test_choose_page_lists_only_the_users_own_organisations(
    house, organisation, other_organisation, worker, coordinator, parent_client
):
    url = reverse("activities:ical_import_choose", kwargs={"house_slug": house.slug})

    mine = logged_in(worker).get(url)
    everyone = logged_in(coordinator).get(url).content.decode()

    assert mine["Location"] == page_url(house, organisation)
    assert organisation.name in everyone and other_organisation.name in everyone
    assert parent_client.get(url).status_code == 302


def test_the_page_shows_the_form(house, organisation, org_admin):
    response = logged_in(org_admin).get(page_url(house, organisation))

    assert response.status_code == 200
    assert "Agendabestand (.ics)" in response.content.decode()


# --- Fetching ---------------------------------------------------------------------------------


def test_fetch_refuses_addresses_outside_the_internet():
    for url in ("http://127.0.0.1/agenda.ics", "http://169.254.169.254/", "http://[::1]/x.ics"):
        with pytest.raises(ValidationError) as error:
            ical_import.fetch(url)
        assert "niet op het publieke internet" in error.value.messages[0]


def test_fetch_gives_up_on_a_slow_server(server, monkeypatch):
    monkeypatch.setattr(ical_import, "FETCH_TIMEOUT", 0.3)

    with pytest.raises(ValidationError) as error:
        ical_import.fetch(f"{server}/traag.ics")

    assert "te traag" in error.value.messages[0]


def test_fetch_takes_webcal_as_https(settings):
    settings.ICAL_IMPORT_ALLOW_PRIVATE_HOSTS = True

    assert ical_import._check_url("webcal://example.be/a.ics") == "https://example.be/a.ics"


# --- The command ------------------------------------------------------------------------------


def test_command_imports_a_file_and_a_dry_run_saves_nothing(house, organisation, tmp_path, capsys):
    path = tmp_path / "agenda.ics"
    path.write_bytes(FEED)
    args = [str(path), "--house", house.slug, "--organisation", str(organisation.pk)]

    call_command("import-ical", *args, "--dry-run")
    assert not Activity.objects.exists()
    call_command("import-ical", *args)
    call_command("import-ical", *args)

    out = capsys.readouterr().out
    assert "Proefdraaien: er is niets bewaard." in out
    assert "2 nieuw" in out and "2 ongewijzigd" in out
    assert Activity.objects.count() == 2


def test_command_imports_a_url(house, organisation, server):
    call_command(
        "import-ical",
        f"{server}/agenda.ics",
        "--house",
        house.slug,
        "--organisation",
        str(organisation.pk),
    )

    assert Activity.objects.count() == 2


def test_command_refuses_bad_input(house, organisation, other_house, tmp_path, capsys):
    broken = tmp_path / "kapot.ics"
    broken.write_bytes(ics(vevent(uid="")))
    cases = [
        ([str(broken), "--house", house.slug], "De agenda heeft fouten"),
        ([str(tmp_path / "weg.ics"), "--house", house.slug], "niet gevonden"),
        ([str(broken), "--house", "nergens"], "Er is geen Huis van het Kind"),
        ([str(broken), "--house", other_house.slug], "geen actieve partner"),
    ]
    for args, message in cases:
        with pytest.raises(CommandError) as error:
            call_command("import-ical", *args, "--organisation", str(organisation.pk))
        assert message in str(error.value)
    assert "Activiteit 1 (Speelbabbel): De activiteit heeft geen UID." in capsys.readouterr().out
    assert not Activity.objects.exists()


def test_the_activities_page_links_to_the_import_of_the_users_houses(
    house, other_house, organisation, worker
):
    url = reverse("activities:manage_activities")
    link = reverse("activities:ical_import_choose", kwargs={"house_slug": house.slug})
    elsewhere = reverse("activities:ical_import_choose", kwargs={"house_slug": other_house.slug})

    page = logged_in(worker).get(url).content.decode()

    assert link in page and elsewhere not in page
