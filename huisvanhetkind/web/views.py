from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from huisvanhetkind.core import health
from huisvanhetkind.core.page_cache import shared_page
from huisvanhetkind.network import selectors
from huisvanhetkind.network.forms import PartnerDirectoryFilterForm


@shared_page
def landing(request):
    return render(request, "web/landing.html", {"houses": selectors.houses_public()})


@shared_page
def house_home(request):
    house = request.house
    partners = selectors.house_partners(house=house)
    return render(
        request,
        "web/house.html",
        {
            "house": house,
            "locations": selectors.house_locations(house),
            "partners": selectors.partner_cards(partners[:12]),
            "partner_count": partners.count(),
        },
    )


@shared_page
def partner_directory(request):
    house = request.house
    chosen = PartnerDirectoryFilterForm(request.GET).filters()
    partners = selectors.house_partners(
        house=house, domain=chosen["domain"], municipality=chosen["municipality"]
    )
    if chosen["unknown"]:  # a malformed filter is a filter that nothing matches
        partners = partners.none()
    page = Paginator(partners, 24).get_page(chosen["page"])
    page.object_list = selectors.partner_cards(page.object_list)
    return render(
        request,
        "web/partners.html",
        {
            "house": house,
            "page": page,
            "filters": selectors.directory_filters(house),
            "filter_errors": chosen["errors"],
            "selected_domain": chosen["domain"],
            "selected_municipality": chosen["municipality"],
        },
    )


@shared_page
def partner_detail(request, pk):
    organisation = selectors.partner_in_house(house=request.house, pk=pk)
    if organisation is None:
        raise Http404
    return render(
        request, "web/partner_detail.html", {"house": request.house, "organisation": organisation}
    )


def accessibility_statement(request):
    return render(request, "web/accessibility.html")


@never_cache
def healthz(request):
    """Liveness: the process answers. It touches neither the database nor the cache, so that a
    database outage does not make every app server look dead (``/readyz`` reports that)."""
    return JsonResponse({"status": "ok"})


@never_cache
def readyz(request):
    """Readiness: database, cache, migrations and the heartbeats of the scheduler and the task
    worker (``core.health``); 200 when every check passes, 503 otherwise, always as JSON."""
    ready, checks = health.readiness()
    return JsonResponse(
        {"status": "ok" if ready else "unavailable", "checks": checks}, status=200 if ready else 503
    )
