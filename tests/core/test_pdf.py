"""PDF from a template (core.pdf): the text of the template in a PDF, the platform's own static
files as its only source, never the network, and a safe file name."""

import io
import socket

import pytest
from django.test import RequestFactory
from pypdf import PdfReader

from huisvanhetkind.core.pdf import pdf_filename, pdf_response, render_pdf
from huisvanhetkind.core.pdf_fetcher import RefusedURL, StaticFilesFetcher

BASE = "http://testserver/"

SLIP = """<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Strookje</title>
<link rel="stylesheet" href="/static/web/site.css"></head>
<body><h1>Inschrijving Speelbabbel</h1><p>Sara Peeters · één volwassene</p>
{% for url in urls %}<img src="{{ url }}" alt="">{% endfor %}
<link rel="stylesheet" href="{{ css }}"></body></html>"""


@pytest.fixture
def templates(settings):
    """A template of the test's own beside the platform's templates."""
    engine = dict(settings.TEMPLATES[0])
    engine["APP_DIRS"] = False
    engine["OPTIONS"] = {
        **engine["OPTIONS"],
        "loaders": [
            ("django.template.loaders.locmem.Loader", {"test/slip.html": SLIP}),
            "django.template.loaders.app_directories.Loader",
        ],
    }
    settings.TEMPLATES = [engine]


@pytest.fixture
def no_network(monkeypatch):
    """Every attempt to open a connection is recorded and fails."""
    attempts = []

    def connect(self, address):
        attempts.append(address)
        raise OSError("no network in a PDF")

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(
        socket, "create_connection", lambda address, *a, **k: connect(None, address)
    )
    return attempts


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_a_template_becomes_a_pdf_with_its_text(templates, no_network):
    content = render_pdf("test/slip.html", {}, base_url=BASE)
    assert content.startswith(b"%PDF-")
    text = pdf_text(content)
    assert "Inschrijving Speelbabbel" in text
    assert "Sara Peeters · één volwassene" in text
    assert no_network == []
    # Tagged for screen readers, in the page's language.
    catalog = PdfReader(io.BytesIO(content)).trailer["/Root"]
    assert catalog["/MarkInfo"]["/Marked"] and catalog["/Lang"] == "nl"


def test_the_pdf_uses_debians_dejavu_font(templates):
    reader = PdfReader(io.BytesIO(render_pdf("test/slip.html", {}, base_url=BASE)))
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert fonts and all("DejaVu-Sans" in name for name in fonts)


def test_the_platforms_stylesheet_is_read_from_disk():
    response = StaticFilesFetcher(origin=BASE).fetch("http://testserver/static/web/site.css")
    assert response.content_type == "text/css"
    assert b"@media print" in response.read()


def test_a_hashed_production_name_is_read_from_static_root(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    (tmp_path / "web").mkdir()
    (tmp_path / "web" / "site.0123abcd.css").write_text("body { color: black; }")
    fetcher = StaticFilesFetcher(origin=BASE)
    assert fetcher.fetch(f"{BASE}static/web/site.0123abcd.css").read() == b"body { color: black; }"
    with pytest.raises(RefusedURL):
        fetcher.fetch(f"{BASE}static/web/site.ffffffff.css")


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/static/web/site.css",  # another site, even with a static path
        "http://testserver.example.org/static/web/site.css",
        "https://testserver/static/web/site.css",  # another scheme than the page's
        "http://testserver/beheer/",  # the platform itself, but not a static file
        "file:///etc/passwd",
        "file:///work/main/huisvanhetkind/web/static/web/site.css",
        "data:text/css,body{color:red}",
        "ftp://testserver/static/web/site.css",
        "http://testserver/static/../settings.py",
        "http://testserver/static/web/../../../../etc/passwd",
        "http://testserver/static/%2e%2e/%2e%2e/etc/passwd",
        "http://testserver/static//etc/passwd",
        "http://testserver/static/web/nothing-here.css",
    ],
)
def test_the_fetcher_refuses_everything_but_a_static_file(url, no_network):
    with pytest.raises(RefusedURL):
        StaticFilesFetcher(origin=BASE).fetch(url)
    assert no_network == []


def test_a_static_file_on_another_host_is_served_from_disk_only_for_that_host(settings):
    settings.STATIC_URL = "https://static.example.be/hvhk/"
    fetcher = StaticFilesFetcher(origin=BASE)
    assert b"@media print" in fetcher.fetch("https://static.example.be/hvhk/web/site.css").read()
    with pytest.raises(RefusedURL):
        fetcher.fetch("http://testserver/static/web/site.css")


def test_a_page_with_outside_resources_still_renders_without_touching_the_network(
    templates, no_network, caplog
):
    urls = [
        "https://tracker.example.org/pixel.png",
        "file:///etc/hostname",
        "http://testserver/media/photo.jpg",
    ]
    content = render_pdf(
        "test/slip.html", {"urls": urls, "css": "http://169.254.169.254/x.css"}, base_url=BASE
    )
    assert "Inschrijving Speelbabbel" in pdf_text(content)
    assert no_network == []
    refused = caplog.text
    for url in [*urls, "http://169.254.169.254/x.css"]:
        assert url in refused
    # Positive control: the platform's own stylesheet was not refused.
    assert "/static/web/site.css" not in refused


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Noden en behoeften 2025", "noden-en-behoeften-2025.pdf"),
        ("Speelbabbel: één keer/maand\r\nX-Header: x", "speelbabbel-een-keermaand-x-header-x.pdf"),
        ('../../etc/"passwd".pdf', "etcpasswd.pdf"),
        ("", "document.pdf"),
        ("🙂", "document.pdf"),
    ],
)
def test_the_file_name_is_safe(name, expected):
    assert pdf_filename(name) == expected


def test_the_response_is_a_download_or_shown_inline(templates):
    request = RequestFactory().get("/")
    response = pdf_response(request, "test/slip.html", {}, filename="Strookje van Sara")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="strookje-van-sara.pdf"'
    assert response.content.startswith(b"%PDF-")
    inline = pdf_response(request, "test/slip.html", {}, filename="x", inline=True)
    assert inline["Content-Disposition"] == 'inline; filename="x.pdf"'
