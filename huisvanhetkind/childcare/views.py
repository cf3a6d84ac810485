"""The childcare offer: the public list and page of a location, the provider's pages to keep
its free places and facts current, and the desk's overview and import."""

import hashlib

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from huisvanhetkind.catalogue.csv_import import CsvFileError
from huisvanhetkind.childcare import access, csv_import, selectors, services, tasks
from huisvanhetkind.childcare.forms import (
    ChildcareDetailsForm,
    FreePlacesForm,
    ImportConfirmForm,
    ImportUploadForm,
)
from huisvanhetkind.childcare.models import ChildcareKind, ImportStatus
from huisvanhetkind.childcare.months import start_months
from huisvanhetkind.network.access import professional_required

PAGE_SIZE = 20
SESSION_KEY = "childcare_import"


# --- public -----------------------------------------------------------------------------------


def offer(request):
    """Public: the house's childcare locations by municipality, age and start month."""
    house = request.house
    today = timezone.localdate()
    filters = selectors.OfferFilters.from_request(request.GET, today=today)
    page = Paginator(selectors.search_offer(house, filters), PAGE_SIZE).get_page(filters.page)
    return render(
        request,
        "childcare/offer.html",
        {
            "house": house,
            "filters": filters,
            "page": page,
            "page_params": filters.as_params(),
            "municipalities": selectors.municipality_options(house),
            "ages": range(selectors.MAX_AGE_YEARS + 1),
            "months": start_months(today),
            "kinds": ChildcareKind.choices,
            "has_desk": selectors.house_has_desk(house),
        },
    )


def location(request, pk):
    house = request.house
    childcare = selectors.public_location(house, pk)
    if childcare is None:
        raise Http404
    return render(
        request,
        "childcare/location.html",
        {
            "house": house,
            "childcare": childcare,
            "service": childcare.service,
            "places": selectors.free_places_by_month(childcare, today=timezone.localdate()),
            "has_desk": selectors.house_has_desk(house),
        },
    )


# --- providers --------------------------------------------------------------------------------


@professional_required
def provider_locations(request):
    """The childcare locations of the user's own organisations."""
    locations = list(selectors.provider_locations(access.provider_locations_filter(request.user)))
    today = timezone.localdate()
    return render(
        request,
        "childcare/provider_locations.html",
        {
            "locations": locations,
            "months": start_months(today, 6),
            "rows": _rows(locations, today),
        },
    )


def _rows(locations, today):
    table = selectors.free_places_table(locations, today=today)
    return [(c, table[c.pk]) for c in locations]


@professional_required
def provider_places(request, pk):
    childcare = access.get_location_for_provider(request.user, pk)
    today = timezone.localdate()
    months = start_months(today)
    current = dict(selectors.free_places_by_month(childcare, today=today))
    form = FreePlacesForm(
        request.POST if request.method == "POST" else None,
        months=months,
        licensed_places=childcare.licensed_places,
        current={m: n for m, n in current.items() if n is not None},
    )
    if request.method == "POST" and form.is_valid():
        try:
            changes = services.free_places_set(
                childcare=childcare, actor=request.user, places=form.places(), today=today
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            if changes:
                messages.success(request, _("De vrije plaatsen zijn bewaard."))
            else:
                messages.success(
                    request, _("Bedankt: je bevestigde dat de vrije plaatsen nog kloppen.")
                )
            return redirect("childcare:provider_places", pk=childcare.pk)
    return render(
        request,
        "childcare/provider_places.html",
        {"childcare": childcare, "form": form},
        status=400 if form.is_bound and form.errors else 200,
    )


@professional_required
def provider_details(request, pk):
    childcare = access.get_location_for_provider(request.user, pk)
    form = ChildcareDetailsForm(
        request.POST if request.method == "POST" else None, instance=childcare
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.childcare_location_update(
                childcare=childcare, actor=request.user, data=form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(request, _("De gegevens van de opvang zijn bewaard."))
            return redirect("childcare:provider_details", pk=childcare.pk)
    childcare.refresh_from_db()
    return render(
        request,
        "childcare/provider_details.html",
        {"childcare": childcare, "form": form},
        status=400 if form.is_bound and form.errors else 200,
    )


# --- the desk ---------------------------------------------------------------------------------


@professional_required
def desk(request):
    house = access.get_house_for_desk(request.user, request.house)
    locations = list(selectors.house_locations(house))
    today = timezone.localdate()
    return render(
        request,
        "childcare/desk.html",
        {
            "house": house,
            "locations": locations,
            "months": start_months(today, 6),
            "rows": _rows(locations, today),
            "stale": sum(1 for c in locations if c.places_stale),
        },
    )


def _digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def _stored(request, house) -> tuple[bytes, str] | None:
    stored = request.session.get(SESSION_KEY)
    if not stored or stored.get("house") != house.pk:
        return None
    return stored["content"].encode("utf-8"), stored["source"]


@professional_required
def import_upload(request):
    house = access.get_house_for_desk(request.user, request.house)
    bound = request.method == "POST"
    form = ImportUploadForm(request.POST if bound else None, request.FILES if bound else None)
    if request.method == "POST":
        request.session.pop(SESSION_KEY, None)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            content = upload.read()
            try:
                csv_import.check(content, house=house, actor=request.user)
            except CsvFileError as error:
                form.add_error("file", str(error))
            else:
                request.session[SESSION_KEY] = {
                    "house": house.pk,
                    "content": content.decode("utf-8-sig"),
                    "source": upload.name[:200],
                }
                return redirect("childcare:import_preview", house_slug=house.slug)
    return render(
        request,
        "childcare/import_upload.html",
        {"house": house, "form": form, "columns": csv_import.COLUMNS},
        status=400 if form.is_bound and form.errors else 200,
    )


@professional_required
def import_preview(request):
    house = access.get_house_for_desk(request.user, request.house)
    stored = _stored(request, house)
    if stored is None:
        messages.info(request, _("Kies eerst het bestand met de opvanglocaties."))
        return redirect("childcare:import", house_slug=house.slug)
    content, source = stored
    checked = csv_import.check(content, house=house, actor=request.user)
    return render(
        request,
        "childcare/import_preview.html",
        {
            "house": house,
            "source": source,
            "checked": checked,
            "created": checked.count("created"),
            "updated": checked.count("updated"),
            "unchanged": checked.count("unchanged"),
            "form": ImportConfirmForm(initial={"digest": _digest(content)}),
        },
    )


@professional_required
@require_POST
def import_confirm(request):
    house = access.get_house_for_desk(request.user, request.house)
    stored = _stored(request, house)
    form = ImportConfirmForm(request.POST)
    if stored is None or not form.is_valid() or form.cleaned_data["digest"] != _digest(stored[0]):
        messages.error(
            request, _("Dit is niet (meer) het bestand dat je bekeek. Kies het opnieuw.")
        )
        return redirect("childcare:import", house_slug=house.slug)
    content, source = stored
    record = services.childcare_import_create(
        house=house, actor=request.user, source=source, content=content.decode("utf-8")
    )
    del request.session[SESSION_KEY]
    tasks.run_import.enqueue(import_id=record.pk, language=get_language())
    return redirect("childcare:import_status", house_slug=house.slug, pk=record.pk)


@professional_required
def import_status(request, pk):
    house = access.get_house_for_desk(request.user, request.house)
    record = access.get_import_for_desk(request.user, house, pk)
    running = record.status in (ImportStatus.WAITING, ImportStatus.RUNNING)
    response = render(
        request,
        "childcare/import_status.html",
        {"house": house, "record": record, "running": running, "outcome": record.outcome},
    )
    if running:
        response["Refresh"] = "2"  # the page shows the progress again, without JavaScript
    return response


@professional_required
def import_template(request):
    access.get_house_for_desk(request.user, request.house)
    response = HttpResponse(csv_import.template_bytes(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{csv_import.TEMPLATE_NAME}"'
    return response
