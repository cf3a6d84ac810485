"""Resolve the current house (the tenant) from the host name or the first path segment."""

from django.http import Http404

from huisvanhetkind.network.selectors import house_by_domain, house_by_slug

# Paths that belong to the platform, not to one house, even on a house's own domain.
PLATFORM_PREFIXES = (
    "/static/",
    "/media/",
    "/accounts/",
    "/admin/",
    "/beheer/",
    "/i18n/",
    "/api/",
    "/healthz",
    "/uitnodiging/",
    "/toegankelijkheid/",
    "/privacy/",
)

# Paths that never need the house (and must not touch the database for it).
NO_HOUSE_PREFIXES = ("/healthz", "/static/", "/media/")


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
