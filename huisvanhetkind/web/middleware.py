"""Resolve the current house (the tenant) from the host name or the first path segment; the
language; undelivered e-mail; the Content-Security-Policy of every page."""

import secrets

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from huisvanhetkind.core.mail import collect_undelivered
from huisvanhetkind.core.paths import NO_HOUSE_PREFIXES, PLATFORM_PREFIXES
from huisvanhetkind.network.selectors import house_by_domain, house_by_slug


class HouseMiddleware:
    """Sets ``request.house``.

    On a house's own domain (``House.domain``) every house path is served without the slug, by
    prefixing it internally. Otherwise the path fallback ``/<house-slug>/...`` applies, and views
    receive the house from the ``house_slug`` URL parameter.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.house = None
        if request.path_info.startswith(NO_HOUSE_PREFIXES):
            return self.get_response(request)
        host = request.get_host().split(":")[0].lower()
        house = house_by_domain(host) if host not in ("127.0.0.1", "localhost") else None
        if house is not None:
            request.house = house
            path = request.path_info
            if not path.startswith(PLATFORM_PREFIXES) and not path.startswith(f"/{house.slug}/"):
                request.path_info = f"/{house.slug}{path}"
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        slug = view_kwargs.pop("house_slug", None)
        if slug is None:
            return None
        if request.house is None or request.house.slug != slug:
            request.house = house_by_slug(slug)
        if request.house is None:
            raise Http404
        return None


class LanguageMiddleware:
    """Dutch unless the visitor chose another language with the language switch (a cookie).

    Flemish local governments speak Dutch first; French and English are a service on request,
    so the browser's Accept-Language header does not switch the language by itself.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ("Cookie",))
        return response


class UndeliveredMailMiddleware:
    """A request whose data was saved but whose e-mail could not be sent (the mail server is
    down, refuses the address) answers as usual and says so, instead of an error page that
    would suggest nothing was saved. The failure is logged (``core.mail``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with collect_undelivered() as undelivered:
            response = self.get_response(request)
        if undelivered:
            messages.warning(
                request,
                _(
                    "Alles is bewaard, maar de e-mail naar %(to)s kon niet verstuurd worden. "
                    "Probeer het later opnieuw of neem contact op met het Huis van het Kind."
                )
                % {"to": ", ".join(dict.fromkeys(undelivered))},
            )
        return response


def content_security_policy(nonce: str) -> str:
    """Only the platform's own scripts, styles, images and forms; no frames, plugins or base
    tags. The one inline style (a house's accent colour) carries the request's nonce; images may
    be data: URLs (the QR code of the second-factor set-up)."""
    return "; ".join(
        (
            "default-src 'self'",
            "script-src 'self'",
            f"style-src 'self' 'nonce-{nonce}'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
            "base-uri 'none'",
            "object-src 'none'",
        )
    )


class ContentSecurityPolicyMiddleware:
    """A strict Content-Security-Policy on every response (``request.csp_nonce`` for templates)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        nonce = secrets.token_urlsafe(16)
        request.csp_nonce = SimpleLazyObject(lambda: nonce)
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", content_security_policy(nonce))
        return response
