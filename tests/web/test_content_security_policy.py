"""A strict Content-Security-Policy on every page: only the platform's own scripts and styles."""

import re

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _policy(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in header.split(";"))


@pytest.mark.parametrize(
    "path", ["/", "/kalmthout/", "/kalmthout/aanbod/", "/accounts/login/", "/api/docs", "/nergens/"]
)
def test_every_page_has_a_strict_policy(house, path):
    response = Client().get(path)
    policy = _policy(response)
    assert policy["script-src"] == "'self'"
    assert policy["default-src"] == "'self'"
    assert policy["frame-ancestors"] == "'none'"
    assert policy["object-src"] == "'none'"
    assert "unsafe-inline" not in response["Content-Security-Policy"]


def test_the_house_colour_is_the_only_inline_style_and_carries_the_nonce(house):
    response = Client().get(reverse("web:house", kwargs={"house_slug": house.slug}))
    nonce = re.search(r"'nonce-([^']+)'", _policy(response)["style-src"]).group(1)
    html = response.content.decode()
    assert f'<style nonce="{nonce}">' in html
    assert html.count("<style") == 1
    assert ' style="' not in html
    # A new page, a new nonce.
    again = Client().get(reverse("web:house", kwargs={"house_slug": house.slug}))
    assert nonce not in again["Content-Security-Policy"]


def test_the_error_page_has_no_inline_style(settings):
    from django.template import loader

    assert "style=" not in loader.get_template("500.html").render()
