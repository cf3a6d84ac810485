"""The API documentation is served from the platform itself: no script, style or image from
another host (no CDN), and Swagger UI does not call its online validator."""

import json
import re
from urllib.parse import urlsplit

from django.contrib.staticfiles import finders
from django.test import Client

ATTRIBUTE = re.compile(r"""\b(?:src|href|action|data-[\w-]*url)\s*=\s*["']([^"']*)["']""", re.I)


def test_the_api_docs_reference_no_other_host(db):
    response = Client().get("/api/docs")
    assert response.status_code == 200
    page = response.content.decode()
    references = ATTRIBUTE.findall(page) + re.findall(r"url\(\s*['\"]?([^'\")]+)", page)
    assert references  # the page does load its files (the control of the checks below)
    for reference in references:
        parts = urlsplit(reference)
        assert not parts.scheme and not parts.netloc, reference
        assert reference.startswith("/static/"), reference
    scripts = [ref for ref in references if ref.endswith(".js")]
    assert any("swagger-ui-bundle" in ref for ref in scripts), scripts
    for reference in references:
        assert finders.find(reference.removeprefix("/static/")), f"{reference} is not served"


def test_swagger_ui_does_not_call_its_online_validator(db):
    page = Client().get("/api/docs").content.decode()
    settings = json.loads(
        re.search(
            r'<script type="application/json" id="swagger-settings">(.*?)</script>', page, re.S
        ).group(1)
    )
    assert settings["validatorUrl"] is None
    assert settings["url"] == "/api/openapi.json"
