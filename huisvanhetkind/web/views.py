from django.core.paginator import Paginator
from django.db import connection
from django.http import Http404, JsonResponse
from django.shortcuts import render

from huisvanhetkind.network import selectors
from huisvanhetkind.network.forms import PartnerDirectoryFilterForm


def landing(request):
    return render(request, "web/landing.html", {"houses": selectors.houses_public()})


def house_home(request):
    house = request.house
    partners = selectors.house_partners(house=house)
    return render(
        request,
        "web/house.html",
        {
            "house": house,
            "locations": selectors.house_locations(house),
            "partners": partners[:12],
            "partner_count": partners.count(),
        },
    )


def partner_directory(request):
    house = request.house
    chosen = PartnerDirectoryFilterForm(request.GET).filters()
    partners = selectors.house_partners(
        house=house, domain=chosen["domain"], municipality=chosen["municipality"]
    )
    if chosen["unknown"]:  # a malformed filter is a filter that nothing matches
        partners = partners.none()
    page = Paginator(partners, 24).get_page(chosen["page"])
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


def partner_detail(request, pk):
    organisation = selectors.partner_in_house(house=request.house, pk=pk)
    if organisation is None:
        raise Http404
    return render(
        request, "web/partner_detail.html", {"house": request.house, "organisation": organisation}
    )


def accessibility_statement(request):
    return render(request, "web/accessibility.html")


def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # noqa: BLE001 - any database failure means unhealthy
        return JsonResponse({"status": "unavailable"}, status=503)
    return JsonResponse({"status": "ok"})
