"""The shared page cache: the reverse proxy keeps a public page for a few seconds and serves it
to the next family that asks for the same address (docs/operations.md, *The page cache*).

A view opts in with ``@shared_page``: the house's home page, the offer, the activity calendar,
news, the FAQ; never a form, a page behind a family's link, or a partner's page. Even then
``SharedPageCacheMiddleware`` marks a response as shareable only when nothing in it can belong
to one visitor:

- a GET or HEAD answered 200;
- the visitor sent no session and no messages cookie (so nobody is logged in and no message
  waits), the same rule by which nginx passes such requests by its cache;
- the response sets no cookie (a CSRF token or a message would set one) and does not say
  ``private`` or ``no-store``.

The mark is ``X-Accel-Expires: <PAGE_CACHE_SECONDS>``, which only nginx reads (and never passes
on to the browser); nginx keys the cache on the address and the visitor's language cookie.
``PAGE_CACHE_SECONDS = 0`` (the default with DEBUG) marks nothing.

A public form page cannot be shared by nginx: it carries the visitor's own CSRF token (and sets
its cookie). ``@shared_form_page`` keeps such a page in the app server instead, rendered once
per address and language for ``PAGE_CACHE_SECONDS``, with holes where the CSRF token and the
Content-Security-Policy nonce go; each visitor gets the page with a token and nonce of their
own. Same rules: a GET answered 200 to a visitor without a session or messages cookie, nothing
private. The posted form is always handled afresh.
"""

import re
import threading
import time
from dataclasses import dataclass
from functools import wraps

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import translation

HEADER = "X-Accel-Expires"


def shared_page(view):
    """Mark a view whose pages are the same for every visitor who is not logged in."""
    view.shared_page = True
    return view


def visitor_cookies() -> tuple[str, ...]:
    """The cookies that make a page one visitor's: nginx passes requests with one of these by
    its cache (deploy/nginx.conf.in's ``$page_cache_skip``)."""
    return (settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name)


def _private(response) -> bool:
    cache_control = response.get("Cache-Control", "")
    return "private" in cache_control or "no-store" in cache_control


def _has_visitor_cookie(request) -> bool:
    return any(name in request.COOKIES for name in visitor_cookies())


def shareable(request, response) -> bool:
    if request.method not in ("GET", "HEAD") or response.status_code != 200:
        return False
    if not getattr(request, "shared_page", False):
        return False
    if _has_visitor_cookie(request):
        return False
    if response.cookies or response.has_header(HEADER):
        return False
    return not _private(response)


class SharedPageCacheMiddleware:
    """Comes before the session, CSRF and messages middleware in MIDDLEWARE, so that it sees the
    cookies they set."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        seconds = settings.PAGE_CACHE_SECONDS
        if seconds > 0 and shareable(request, response):
            response[HEADER] = str(seconds)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        request.shared_page = getattr(view_func, "shared_page", False)
        return None


# --- Form pages, kept in the app server ----------------------------------------------------------

FORM_PAGE_LIMIT = 500  # pages per process (a form page is some 20 kB)
CSRF_HOLE, NONCE_HOLE = "\x00csrf-token\x00", "\x00csp-nonce\x00"
CSRF_FIELD = re.compile(r'(name="csrfmiddlewaretoken" value=")([^"]+)(")')


@dataclass(frozen=True)
class _FormPage:
    expires: float
    content: str  # with CSRF_HOLE and NONCE_HOLE
    headers: tuple[tuple[str, str], ...]


_form_pages: dict[tuple, _FormPage] = {}
_form_pages_lock = threading.Lock()


def clear_form_pages() -> None:
    with _form_pages_lock:
        _form_pages.clear()


def _nonce(request) -> str:
    return str(getattr(request, "csp_nonce", "") or "")


def _keep(request, response) -> _FormPage | None:
    if response.status_code != 200 or response.streaming or response.cookies:
        return None
    if _private(response) or getattr(getattr(request, "_messages", None), "added_new", False):
        return None
    content = CSRF_FIELD.sub(rf"\g<1>{CSRF_HOLE}\g<3>", response.content.decode(response.charset))
    nonce = _nonce(request)
    if nonce:
        content = content.replace(nonce, NONCE_HOLE)
    expires = time.monotonic() + settings.PAGE_CACHE_SECONDS
    return _FormPage(expires, content, tuple(response.headers.items()))


def _serve(request, page: _FormPage) -> HttpResponse:
    content = page.content.replace(CSRF_HOLE, get_token(request))
    response = HttpResponse(content.replace(NONCE_HOLE, _nonce(request)))
    for name, value in page.headers:
        response[name] = value
    return response


def shared_form_page(view):
    """Keep a public form page in this app server (see the module's docstring): the same for
    every visitor who is not logged in, but for the CSRF token and the nonce."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        seconds = settings.PAGE_CACHE_SECONDS
        if seconds <= 0 or request.method != "GET" or _has_visitor_cookie(request):
            return view(request, *args, **kwargs)
        key = (request.get_host(), request.get_full_path(), translation.get_language())
        page = _form_pages.get(key)
        if page is not None and page.expires > time.monotonic():
            return _serve(request, page)
        response = view(request, *args, **kwargs)
        page = _keep(request, response)
        if page is not None:
            with _form_pages_lock:
                if len(_form_pages) >= FORM_PAGE_LIMIT:
                    now = time.monotonic()
                    for old in [k for k, v in _form_pages.items() if v.expires <= now]:
                        del _form_pages[old]
                    while len(_form_pages) >= FORM_PAGE_LIMIT:
                        del _form_pages[next(iter(_form_pages))]
                _form_pages[key] = page
        return response

    return wrapper
