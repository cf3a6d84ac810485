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
"""

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage

HEADER = "X-Accel-Expires"


def shared_page(view):
    """Mark a view whose pages are the same for every visitor who is not logged in."""
    view.shared_page = True
    return view


def visitor_cookies() -> tuple[str, ...]:
    """The cookies that make a page one visitor's: nginx passes requests with one of these by
    its cache (deploy/nginx.conf.in's ``$page_cache_skip``)."""
    return (settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name)


def shareable(request, response) -> bool:
    if request.method not in ("GET", "HEAD") or response.status_code != 200:
        return False
    if not getattr(request, "shared_page", False):
        return False
    if any(name in request.COOKIES for name in visitor_cookies()):
        return False
    if response.cookies or response.has_header(HEADER):
        return False
    cache_control = response.get("Cache-Control", "")
    return "private" not in cache_control and "no-store" not in cache_control


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
