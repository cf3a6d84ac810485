"""The registration form kept in the app server (core.page_cache.shared_form_page): every family
gets the page with a CSRF token and a nonce of its own and can post it; a logged-in professional,
a visitor with a session or a message, another language or a refused post never gets a kept page."""

import re

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from huisvanhetkind.activities.models import Activity, Registration
from huisvanhetkind.core import page_cache
from huisvanhetkind.core.page_cache import clear_form_pages, visitor_cookies
from tests.activities.conftest import make_session
from tests.conftest import logged_in

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
NONCE = re.compile(r'<style nonce="([^"]+)"')


@pytest.fixture(autouse=True)
def _form_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 30
    clear_form_pages()
    yield
    clear_form_pages()


def url(session) -> str:
    house_slug = session.activity.house.slug
    return reverse("activities:register", kwargs={"house_slug": house_slug, "pk": session.pk})


def family() -> Client:
    return Client(enforce_csrf_checks=True)


def test_the_second_family_gets_the_kept_page_with_its_own_token_and_nonce(session):
    first = family().get(url(session))
    second_client = family()
    with CaptureQueriesContext(connection) as queries:
        second = second_client.get(url(session))
    assert not [q for q in queries.captured_queries if "activities_" in q["sql"]]  # kept
    assert second.status_code == 200
    first_html, second_html = first.content.decode(), second.content.decode()
    assert TOKEN.sub("", first_html) == TOKEN.sub("", second_html).replace(
        NONCE.search(second_html).group(1), NONCE.search(first_html).group(1)
    )
    assert TOKEN.search(first_html).group(1) != TOKEN.search(second_html).group(1)
    nonce = NONCE.search(second_html).group(1)
    assert f"'nonce-{nonce}'" in second["Content-Security-Policy"]
    assert settings.CSRF_COOKIE_NAME in second.cookies

    # The kept page's token is valid for its own visitor: the registration goes through.
    response = second_client.post(
        url(session),
        {
            "csrfmiddlewaretoken": TOKEN.search(second_html).group(1),
            "name": "Sara Peeters",
            "email": "sara@example.be",
            "adults": "1",
            "children_ages": "1",
            "consent": "on",
        },
    )
    assert response.status_code == 302
    assert Registration.objects.filter(session=session).count() == 1


def test_a_token_of_another_visitor_is_refused(session):
    stranger = family()
    html = stranger.get(url(session)).content.decode()
    visitor = family()
    visitor.get(url(session))  # the kept page, with a cookie of its own
    response = visitor.post(
        url(session),
        {"csrfmiddlewaretoken": TOKEN.search(html).group(1), "name": "X", "consent": "on"},
    )
    assert response.status_code == 403
    assert not Registration.objects.exists()


def test_each_language_has_its_own_page(session):
    family().get(url(session))
    french = family()
    french.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    assert '<html lang="fr">' in french.get(url(session)).content.decode()


@pytest.mark.parametrize("cookie", visitor_cookies())
def test_a_visitor_with_a_session_or_a_message_is_never_served_a_kept_page(session, cookie):
    family().get(url(session))
    client = family()
    client.cookies[cookie] = "x"
    Activity.objects.filter(pk=session.activity_id).update(title="Babbelonië")
    assert "Babbelonië" in client.get(url(session)).content.decode()


def test_a_logged_in_professional_and_an_outsider_always_get_a_fresh_page(
    session, worker, outsider
):
    family().get(url(session))
    Activity.objects.filter(pk=session.activity_id).update(title="Babbelonië")
    for user in (worker, outsider):
        page = logged_in(user).get(url(session)).content.decode()
        assert "Babbelonië" in page
        assert "Afmelden" in page  # their own menu, never a family's page
    assert "Babbelonië" not in family().get(url(session)).content.decode()  # kept 30 s


def test_a_refused_post_is_never_kept(session):
    client = family()
    html = client.get(url(session)).content.decode()
    refused = client.post(
        url(session),
        {"csrfmiddlewaretoken": TOKEN.search(html).group(1), "name": "", "consent": "on"},
    )
    assert refused.status_code == 400
    assert "error-summary" not in family().get(url(session)).content.decode()


def test_switched_off_with_no_seconds(session, settings):
    settings.PAGE_CACHE_SECONDS = 0
    family().get(url(session))
    Activity.objects.filter(pk=session.activity_id).update(title="Babbelonië")
    assert "Babbelonië" in family().get(url(session)).content.decode()


def test_a_page_not_found_is_not_kept(session):
    missing = url(session).replace(str(session.pk), str(session.pk + 1000))
    assert family().get(missing).status_code == 404
    assert family().get(missing).status_code == 404


def test_no_more_pages_are_kept_than_the_limit(activity, monkeypatch):
    monkeypatch.setattr(page_cache, "FORM_PAGE_LIMIT", 3)
    for days in range(2, 7):
        family().get(url(make_session(activity, days=days)))
    assert len(page_cache._form_pages) == 3
