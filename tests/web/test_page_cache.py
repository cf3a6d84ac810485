"""The page cache (core.page_cache): which responses the app marks for nginx to share, and that
nginx's configuration passes the same visitors by. The stack itself is checked by
deploy/check-shared-state (make prod-check)."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.views.decorators.cache import never_cache

from huisvanhetkind.core.page_cache import (
    HEADER,
    SharedPageCacheMiddleware,
    clear_form_pages,
    shared_page,
    visitor_cookies,
)
from huisvanhetkind.network.models import House
from tests.conftest import logged_in
from tests.factories import ActivityFactory, SessionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 30
    clear_form_pages()  # form pages kept in this process (shared_form_page)
    yield
    clear_form_pages()


ROOT = Path(__file__).resolve().parents[2]


def marked(response) -> bool:
    return response.get(HEADER) == "30"


@pytest.fixture
def public_pages(house, organisation):
    activity = ActivityFactory(house=house, organisations=[organisation])
    return [
        "/",
        f"/{house.slug}/",
        f"/{house.slug}/partners/",
        f"/{house.slug}/partners/{organisation.pk}/",
        f"/{house.slug}/aanbod/?q=opvoeding",
        f"/{house.slug}/activiteiten/",
        f"/{house.slug}/activiteiten/?weergave=week",
        f"/{house.slug}/activiteiten/{activity.pk}/",
        f"/{house.slug}/nieuws/",
        f"/{house.slug}/vraag/faq/",
    ]


def test_public_pages_are_shared_with_everyone_not_logged_in(parent_client, public_pages):
    for path in public_pages:
        response = parent_client.get(path)
        assert response.status_code == 200, path
        assert marked(response), path
        assert not response.cookies, path
        assert b"csrfmiddlewaretoken" not in response.content, path


def test_the_language_cookie_does_not_stop_sharing(parent_client, house):
    # nginx keys the cache on the language cookie, so each language has its own copy.
    parent_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    response = parent_client.get(f"/{house.slug}/")
    assert '<html lang="fr">' in response.content.decode() and marked(response)


@pytest.mark.parametrize("cookie", visitor_cookies())
def test_a_visitor_with_a_session_or_a_message_is_never_shared(parent_client, house, cookie):
    parent_client.cookies[cookie] = "x"
    assert not marked(parent_client.get(f"/{house.slug}/"))


def test_a_logged_in_professional_is_never_shared(worker, house, public_pages):
    client = logged_in(worker)
    for path in public_pages:
        assert not marked(client.get(path)), path


def test_forms_and_family_links_are_never_shared(parent_client, house, organisation):
    session = SessionFactory(
        activity=ActivityFactory(house=house, organisations=[organisation], registration="required")
    )
    for path in (
        f"/{house.slug}/vraag/",
        f"/{house.slug}/partner-worden/",
        f"/{house.slug}/activiteiten/moment/{session.pk}/inschrijven/",
        "/accounts/login/",
    ):
        response = parent_client.get(path)
        assert response.status_code == 200, path
        assert not marked(response), path


def test_the_question_form_is_kept_in_the_app_server_with_a_token_per_visitor(house):
    # Not by nginx (it sets the CSRF cookie): by core.page_cache.shared_form_page.
    token = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
    first = Client(enforce_csrf_checks=True).get(f"/{house.slug}/vraag/")
    House.objects.filter(pk=house.pk).update(name="Ander huis")
    visitor = Client(enforce_csrf_checks=True)
    second = visitor.get(f"/{house.slug}/vraag/")
    assert "Ander huis" not in second.content.decode()
    assert not marked(second) and "csrftoken" in second.cookies
    tokens = [token.search(page.content.decode()).group(1) for page in (first, second)]
    assert tokens[0] != tokens[1]
    response = visitor.post(f"/{house.slug}/vraag/", {"csrfmiddlewaretoken": tokens[1]})
    # The form's own errors, not a CSRF refusal (403).
    assert response.status_code == 200 and "error-summary" in response.content.decode()


def test_posts_errors_and_missing_pages_are_never_shared(parent_client, house):
    assert not marked(parent_client.get("/bestaat-niet/"))
    assert not marked(parent_client.get(f"/{house.slug}/activiteiten/999999/"))
    assert not marked(parent_client.post(f"/{house.slug}/", {}))


def test_nothing_is_shared_when_the_cache_is_off(parent_client, house, settings):
    settings.PAGE_CACHE_SECONDS = 0
    assert HEADER not in parent_client.get(f"/{house.slug}/")


def _through_middleware(view, request):
    middleware = SharedPageCacheMiddleware(lambda r: view(r))
    middleware.process_view(request, view, (), {})
    return middleware(request)


def test_a_shared_view_that_sets_a_cookie_or_says_private_is_not_shared():
    @shared_page
    def sets_cookie(request):
        response = HttpResponse("x")
        response.set_cookie("csrftoken", "secret")
        return response

    @shared_page
    @never_cache
    def private(request):
        return HttpResponse("x")

    @shared_page
    def plain(request):
        return HttpResponse("x")

    factory = RequestFactory()
    assert not marked(_through_middleware(sets_cookie, factory.get("/")))
    assert not marked(_through_middleware(private, factory.get("/")))
    assert marked(_through_middleware(plain, factory.get("/")))
    assert not marked(_through_middleware(plain, factory.head("/", HTTP_COOKIE="sessionid=1")))


def test_the_language_switch_needs_no_token(house):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/i18n/setlang/", {"language": "en", "next": f"/{house.slug}/"})
    assert response.status_code == 302 and response["Location"] == f"/{house.slug}/"
    assert '<html lang="en">' in client.get(f"/{house.slug}/").content.decode()
    # Only a path of this site: never a redirect elsewhere.
    response = client.post("/i18n/setlang/", {"language": "en", "next": "https://evil.example"})
    assert "evil" not in response.get("Location", "")


def test_nginx_passes_the_same_visitors_by_and_keys_on_the_language():
    conf = (ROOT / "deploy" / "nginx.conf.in").read_text()
    skip = next(line for line in conf.splitlines() if "~(^|;)" in line)
    for name in visitor_cookies():
        assert name in skip
    assert f"$cookie_{settings.LANGUAGE_COOKIE_NAME}" in conf
    assert "proxy_ignore_headers Cache-Control Expires Vary;" in conf
