"""The organiser's import page (upload or URL, preview, confirm), fetching a URL and the
``import-ical`` command."""

import contextlib
import ipaddress
import socket
import threading
import time as clock
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django_tasks_db.management.commands import db_worker

from huisvanhetkind.activities import ical_fetch, ical_import, tasks
from huisvanhetkind.activities.models import Activity, ImportedEvent
from tests.activities.test_ical_import import ics, snapshot, vevent
from tests.conftest import logged_in

pytestmark = pytest.mark.django_db

FEED = ics(vevent(), vevent("slaap@example.be", summary="Slaapworkshop"))


class Agenda(BaseHTTPRequestHandler):
    """A partner's web server: a feed, a web page, a huge file, an error, a slow answer, a
    trickling one and redirects. It notes the Host header of every request it answers."""

    seen: list[str] = []

    def do_GET(self):
        Agenda.seen.append(self.headers.get("Host", ""))
        if self.path == "/traag.ics":
            clock.sleep(1.5)
        if self.path.startswith("/druppel"):
            return self.trickle()
        if self.path == "/eenmaal.ics":  # the feed once, then gone
            Agenda.served_once = getattr(Agenda, "served_once", 0) + 1
            self.path = "/agenda.ics" if Agenda.served_once == 1 else "/weg.ics"
        if self.path.startswith("/naar/"):  # /naar/<host>: a redirect to that host, same port
            host = self.path.removeprefix("/naar/")
            self.send_response(302)
            self.send_header("Location", f"http://{host}:{self.server.server_port}/agenda.ics")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
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
        return None

    def trickle(self):
        """The feed, one byte every 50 ms (/druppel-kop: the headers too), for at most 6 s."""
        body = FEED[:120]
        head = (
            b"HTTP/1.1 200 OK\r\nContent-Type: text/calendar\r\n"
            + f"Content-Length: {len(body)}\r\n\r\n".encode()
        )
        slow = head + body if self.path == "/druppel-kop.ics" else body
        if slow is body:
            self.wfile.write(head)
        with contextlib.suppress(OSError):
            for byte in slow:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                clock.sleep(0.05)
        self.close_connection = True

    def log_message(self, *args):
        pass


@pytest.fixture
def server(settings):
    settings.ICAL_IMPORT_ALLOW_PRIVATE_HOSTS = True
    Agenda.seen = []
    Agenda.served_once = 0
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Agenda)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


PUBLIC = "93.184.215.14"  # an address on the internet; tests never really connect to it


class Resolver:
    """Answers the test gives for some host names: ``answers[name]`` is a list of addresses,
    one taken at each lookup (the last one stays); ``lookups`` lists the names looked up."""

    def __init__(self, real):
        self.real = real
        self.answers: dict[str, list[str]] = {}
        self.lookups: list[str] = []

    def getaddrinfo(self, host, port, *args, **kwargs):
        if host not in self.answers:
            return self.real(host, port, *args, **kwargs)
        self.lookups.append(host)
        queue = self.answers[host]
        addresses = [queue.pop(0) if len(queue) > 1 else queue[0]]
        if isinstance(addresses[0], tuple):  # several addresses in one answer
            addresses = list(addresses[0])
        infos = []
        for address in addresses:
            if ":" in address:
                infos.append((socket.AF_INET6, socket.SOCK_STREAM, 6, "", (address, port, 0, 0)))
            else:
                infos.append((socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port)))
        return infos


@pytest.fixture
def dns(monkeypatch):
    resolver = Resolver(socket.getaddrinfo)
    monkeypatch.setattr(socket, "getaddrinfo", resolver.getaddrinfo)
    return resolver


@pytest.fixture
def connections(monkeypatch, server):
    """Every address a socket connects to; PUBLIC stands for the test server (on 127.0.0.1)."""
    made: list[str] = []
    real = socket.socket.connect
    port = int(server.rsplit(":", 1)[1])

    def connect(sock, address):
        made.append(address[0])
        if address[0] == PUBLIC:
            return real(sock, ("127.0.0.1", port))
        return real(sock, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    return made


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


# --- The import of a URL runs in the background ------------------------------------------------


def preview_url(client, house, organisation, url):
    response = upload(client, house, organisation, url=url)
    assert response.status_code == 302, response.content.decode()
    return client.get(response["Location"])


def confirm(client, house, organisation, preview):
    return client.post(
        page_url(house, organisation, "ical_import_confirm"),
        {"digest": preview.context["form"]["digest"].value()},
    )


def test_confirming_a_url_import_starts_it_in_the_background_and_shows_the_result(
    house, organisation, worker, server
):
    client = logged_in(worker)
    preview = preview_url(client, house, organisation, f"{server}/agenda.ics")
    assert "op de achtergrond ingelezen" in preview.content.decode()

    response = confirm(client, house, organisation, preview)

    assert response.status_code == 302
    assert f"/importeren/{organisation.pk}/import/" in response["Location"]
    page = client.get(response["Location"]).content.decode()
    assert "De agenda is geïmporteerd: 2 nieuw" in page
    assert Activity.objects.count() == 2


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_the_status_page_says_the_import_is_running_until_the_worker_did_it(
    house, organisation, worker, outsider, other_coordinator, server, database_tasks, monkeypatch
):
    client = logged_in(worker)
    preview = preview_url(client, house, organisation, f"{server}/agenda.ics")
    status_url = confirm(client, house, organisation, preview)["Location"]

    waiting = client.get(status_url).content.decode()
    assert "De import staat klaar" in waiting
    assert "Toon de stand van de import" in waiting
    assert not Activity.objects.exists()
    for user in (outsider, other_coordinator):
        assert logged_in(user).get(status_url).status_code == 404

    # The worker drops connections in an unusual state: inside the test's transaction that is
    # the test's own connection on PostgreSQL. Here it runs in that transaction instead.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)

    done = client.get(status_url).content.decode()
    assert "De agenda is geïmporteerd: 2 nieuw" in done
    assert Activity.objects.count() == 2


def test_a_status_page_of_another_organisation_or_an_unknown_import_is_not_found(
    house, organisation, other_organisation, coordinator, server, database_tasks
):
    client = logged_in(coordinator)
    preview = preview_url(client, house, organisation, f"{server}/agenda.ics")
    status_url = confirm(client, house, organisation, preview)["Location"]
    result_id = status_url.rstrip("/").rsplit("/", 1)[1]

    elsewhere = reverse(
        "activities:ical_import_status",
        kwargs={
            "house_slug": house.slug,
            "organisation_pk": other_organisation.pk,
            "result_id": result_id,
        },
    )
    unknown = status_url.replace(result_id, "00000000-0000-0000-0000-000000000000")

    assert client.get(status_url).status_code == 200
    assert client.get(elsewhere).status_code == 404
    assert client.get(unknown).status_code == 404


def test_a_feed_gone_since_the_preview_gets_a_dutch_message_and_nothing_is_saved(
    house, organisation, worker, server
):
    client = logged_in(worker)
    preview = preview_url(client, house, organisation, f"{server}/eenmaal.ics")

    page = client.get(confirm(client, house, organisation, preview)["Location"])

    html = page.content.decode()
    assert "De agenda kon niet geïmporteerd worden" in html
    assert "de server antwoordt met foutcode 404" in html
    assert "Er is niets bewaard." in html
    assert not Activity.objects.exists()


def test_an_import_that_crashes_is_reported_as_failed(
    house, organisation, worker, server, monkeypatch
):
    client = logged_in(worker)
    preview = preview_url(client, house, organisation, f"{server}/agenda.ics")

    def crash(**kwargs):
        raise RuntimeError

    monkeypatch.setattr(ical_import, "ical_import_url", crash)
    page = client.get(confirm(client, house, organisation, preview)["Location"])

    assert "De import is mislukt" in page.content.decode()
    assert not Activity.objects.exists()


def test_the_background_import_checks_the_persons_right_again(
    house, organisation, worker, outsider, server
):
    arguments = {
        "house_id": house.pk,
        "organisation_id": organisation.pk,
        "url": f"{server}/agenda.ics",
        "language": "nl",
    }

    refused = tasks.import_ical_url.call(user_id=outsider.pk, **arguments)
    done = tasks.import_ical_url.call(user_id=worker.pk, **arguments)

    assert "niet (meer) importeren" in refused["error"]
    assert done["saved"] and Activity.objects.count() == 2


# --- Fetching ---------------------------------------------------------------------------------


def test_fetch_refuses_addresses_outside_the_internet():
    for url in ("http://127.0.0.1/agenda.ics", "http://169.254.169.254/", "http://[::1]/x.ics"):
        with pytest.raises(ValidationError) as error:
            ical_import.fetch(url)
        assert "niet op het publieke internet" in error.value.messages[0]


DENIED = [
    "127.0.0.1",
    "10.1.2.3",
    "172.16.0.1",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "192.0.0.9",
    "192.0.0.170",
    "0.0.0.0",
    "224.0.0.1",
    "239.255.255.250",
    "240.0.0.1",
    "255.255.255.255",
    "198.18.0.1",
    "::1",
    "::",
    "fe80::1",
    "fc00::1",
    "ff02::1",
    "::ffff:127.0.0.1",  # IPv4-mapped
    "::ffff:10.0.0.1",
    "::ffff:192.0.0.9",
    "::7f00:1",  # IPv4-compatible
    "2002:7f00:1::1",  # 6to4 of 127.0.0.1
    "2002:c0a8:101::1",  # 6to4 of 192.168.1.1
    "64:ff9b::7f00:1",  # NAT64 of 127.0.0.1
    "64:ff9b::a00:1",  # NAT64 of 10.0.0.1
    "64:ff9b:1::1",  # local-use NAT64
    "2001::1",  # Teredo
    "2001:0:4136:e378:8000:63bf:3fff:fdd2",
    "2001:db8::1",
]


@pytest.mark.parametrize("address", DENIED)
def test_fetch_refuses_every_range_outside_the_internet(settings, dns, address):
    settings.ICAL_IMPORT_ALLOW_PRIVATE_HOSTS = False
    dns.answers["agenda.example"] = [address]

    with pytest.raises(ValidationError) as error:
        ical_fetch.fetch("http://agenda.example/agenda.ics")

    assert "niet op het publieke internet" in error.value.messages[0]


@pytest.mark.parametrize(
    "address",
    [PUBLIC, "8.8.8.8", "2606:4700::1111", "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1"],
)
def test_addresses_on_the_internet_are_allowed(address):
    assert ical_fetch.address_allowed(ipaddress.ip_address(address))
    assert not ical_fetch.address_allowed(ipaddress.ip_address(DENIED[0]))


def test_fetch_refuses_a_name_with_one_private_address_among_public_ones(settings, dns):
    settings.ICAL_IMPORT_ALLOW_PRIVATE_HOSTS = False
    dns.answers["agenda.example"] = [(PUBLIC, "10.0.0.1")]

    with pytest.raises(ValidationError) as error:
        ical_fetch.fetch("http://agenda.example/agenda.ics")

    assert "niet op het publieke internet" in error.value.messages[0]


def test_fetch_connects_to_the_address_it_checked_not_to_a_second_answer(
    settings, server, dns, connections
):
    # DNS rebinding: the name is public when checked and 127.0.0.1 when looked up again.
    settings.ICAL_IMPORT_ALLOW_PRIVATE_HOSTS = False
    port = server.rsplit(":", 1)[1]
    dns.answers["agenda.example"] = [PUBLIC, "127.0.0.1"]

    content = ical_fetch.fetch(f"http://agenda.example:{port}/agenda.ics")

    assert content == FEED  # PUBLIC stands for the test server
    assert dns.lookups == ["agenda.example"]
    assert connections == [PUBLIC]
    assert Agenda.seen == [f"agenda.example:{port}"]  # the Host header is the name


def test_a_rebound_name_never_reaches_the_local_server(settings, server, dns, monkeypatch):
    settings.ICAL_IMPORT_ALLOW_PRIVATE_HOSTS = False
    port = server.rsplit(":", 1)[1]
    dns.answers["agenda.example"] = [PUBLIC, "127.0.0.1"]
    real = socket.socket.connect

    def refused_outside(sock, address):  # no test reaches the internet
        if address[0] == PUBLIC:
            raise ConnectionRefusedError
        return real(sock, address)

    monkeypatch.setattr(socket.socket, "connect", refused_outside)

    with pytest.raises(ValidationError) as error:
        ical_fetch.fetch(f"http://agenda.example:{port}/agenda.ics")

    assert "de server is niet bereikbaar" in error.value.messages[0]
    assert Agenda.seen == []
    # Positive control: allowed to, the same fetch reaches the local server.
    settings.ICAL_IMPORT_ALLOW_PRIVATE_HOSTS = True
    dns.answers["agenda.example"] = ["127.0.0.1"]
    assert ical_fetch.fetch(f"http://agenda.example:{port}/agenda.ics") == FEED
    assert Agenda.seen == [f"agenda.example:{port}"]


def test_every_redirect_is_checked_like_the_first_address(settings, server, dns, connections):
    settings.ICAL_IMPORT_ALLOW_PRIVATE_HOSTS = False
    port = server.rsplit(":", 1)[1]
    dns.answers["agenda.example"] = [PUBLIC]
    dns.answers["andere.example"] = [PUBLIC]
    dns.answers["intern.example"] = ["10.0.0.1"]

    moved = ical_fetch.fetch(f"http://agenda.example:{port}/naar/andere.example")
    with pytest.raises(ValidationError) as error:
        ical_fetch.fetch(f"http://agenda.example:{port}/naar/intern.example")

    assert moved == FEED
    assert "niet op het publieke internet" in error.value.messages[0]
    assert "10.0.0.1" not in connections
    assert Agenda.seen == [f"agenda.example:{port}", f"andere.example:{port}"] + [
        f"agenda.example:{port}"
    ]


def test_fetch_gives_up_on_a_slow_server(server, monkeypatch):
    monkeypatch.setattr(ical_fetch, "FETCH_SECONDS", 0.3)

    with pytest.raises(ValidationError) as error:
        ical_fetch.fetch(f"{server}/traag.ics")

    assert "te traag" in error.value.messages[0]


@pytest.mark.parametrize("path", ["/druppel.ics", "/druppel-kop.ics"], ids=["body", "headers"])
def test_a_trickling_server_is_cut_off_at_the_deadline(server, path):
    # One byte every 50 ms never trips a per-read timeout; the deadline covers the whole fetch.
    started = clock.monotonic()

    with pytest.raises(ValidationError) as error:
        ical_fetch.fetch(f"{server}{path}", seconds=1)

    assert "te traag" in error.value.messages[0]
    assert clock.monotonic() - started < 2.5
    # Positive control: with time enough, the same server delivers.
    assert ical_fetch.fetch(f"{server}{path}", seconds=30) == FEED[:120]


def test_the_preview_of_a_trickling_url_says_the_server_is_too_slow(
    house, organisation, worker, server, monkeypatch
):
    monkeypatch.setattr(ical_fetch, "FETCH_SECONDS", 1)

    response = upload(logged_in(worker), house, organisation, url=f"{server}/druppel.ics")

    assert response.status_code == 400
    assert "de server antwoordt te traag" in response.content.decode()


def test_fetch_takes_webcal_as_https(settings):
    assert ical_fetch.check_url("webcal://example.be/a.ics") == "https://example.be/a.ics"


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
