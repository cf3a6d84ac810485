"""Childcare requests: the family's two-step form and private link (no account), the desk's
list and detail, the providers' list and detail."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from huisvanhetkind.childcare import access, selectors_requests, services_requests
from huisvanhetkind.childcare.forms_requests import (
    RequestChangeForm,
    RequestDetailsForm,
    RequestStartForm,
    WithdrawForm,
)
from huisvanhetkind.childcare.models import RequestStatus
from huisvanhetkind.childcare.selectors_requests import RequestFilters
from huisvanhetkind.core import throttle
from huisvanhetkind.core.forms import add_service_errors
from huisvanhetkind.core.http import private_response
from huisvanhetkind.network.access import professional_required

# New requests per client address per hour.
IP_LIMIT = 5


def _service_error(form, error: ValidationError) -> None:
    add_service_errors(form, error)


# --- The family: the form ------------------------------------------------------------------------


def request_new(request):
    """Step 1 (GET, or POST ``stap=1``), step 2 (POST ``stap=2``, carrying step 1 in hidden
    fields). A change of step 1 (``terug``) shows step 1 again with what was filled in."""
    house = request.house
    today = timezone.localdate()
    step = request.POST.get("stap", "1") if request.method == "POST" else "1"
    start = RequestStartForm(
        request.POST if request.method == "POST" else None, house=house, today=today
    )
    if request.method != "POST" or "terug" in request.POST or not start.is_valid():
        return _step_one(request, house, start)
    locations = start.locations()
    details = RequestDetailsForm(request.POST if step == "2" else None, locations=locations)
    if step == "2" and details.is_valid():
        if not throttle.allow_client(request, "childcare-request-ip", limit=IP_LIMIT):
            details.add_error(
                None,
                _(
                    "Vanaf dit adres werden het voorbije uur al veel opvangvragen verstuurd. "
                    "Probeer het over een uur opnieuw, of neem contact op met het loket."
                ),
            )
            return _step_two(request, house, start, details, status=429)
        first, second = start.cleaned_data, details.cleaned_data
        try:
            childcare_request, token = services_requests.request_submit(
                house=house,
                municipality=first["municipality"],
                name=second["name"],
                email=second["email"],
                phone=second["phone"],
                language=second["language"],
                child_first_name=first["child_first_name"],
                birth_date=first["birth_date"],
                due_date=first["due_date"],
                wished_start=first["wished_start"],
                half_days=second["half_days"],
                days_note=second["days_note"],
                wishes=second["wishes"],
                working=second["working"],
                foster=second["foster"],
                sworn=second["sworn"],
                social_tariff=second["social_tariff"],
                care_needs=second["care_needs"],
                note=second["note"],
                today=today,
            )
        except ValidationError as error:
            _service_error(details, error)
        else:
            messages.success(
                request,
                _("Bedankt, je opvangvraag is ingediend. We stuurden je een e-mail met deze link."),
            )
            return redirect(services_requests.private_url(childcare_request, token) + "?nieuw=1")
    return _step_two(request, house, start, details)


def _step_one(request, house, start):
    return render(
        request,
        "childcare/requests/new_start.html",
        {"house": house, "form": start},
        status=400 if start.is_bound and start.errors and "terug" not in request.POST else 200,
    )


def _step_two(request, house, start, details, status=None):
    if status is None:
        status = 400 if details.is_bound and details.errors else 200
    return render(
        request,
        "childcare/requests/new_details.html",
        {"house": house, "start": start, "form": details, "first": start.cleaned_data},
        status=status,
    )


# --- The family: the private link ---------------------------------------------------------------


def _private(request, template, context, status=200):
    return private_response(render(request, template, context, status=status))


def request_private(request, token):
    house = request.house
    childcare_request = access.get_request_by_token(house, token)
    wishes = selectors_requests.request_wishes(childcare_request)
    return _private(
        request,
        "childcare/requests/private.html",
        {
            "house": house,
            "childcare_request": childcare_request,
            "wishes": wishes,
            "has_sibling": any(wish.sibling for wish in wishes),
            "token": token,
            "is_new": request.GET.get("nieuw") == "1",
            "link": request.build_absolute_uri(request.path),
        },
    )


def _change_locations(childcare_request, wishes):
    born = childcare_request.child.birth_date or childcare_request.child.due_date
    age = selectors_requests.age_at_start(born, childcare_request.wished_start) or 0
    fitting = list(
        selectors_requests.wishable_locations(
            childcare_request.house, childcare_request.municipality, age
        )
    )
    known = {location.pk for location in fitting}
    return fitting + [wish.location for wish in wishes if wish.location_id not in known]


def request_change(request, token):
    house = request.house
    childcare_request = access.get_request_by_token(house, token)
    if not childcare_request.is_active:
        messages.info(request, _("Deze opvangvraag is afgesloten: ze kan niet meer veranderen."))
        return redirect("childcare:request_private", house_slug=house.slug, token=token)
    wishes = selectors_requests.request_wishes(childcare_request)
    form = RequestChangeForm(
        request.POST if request.method == "POST" else None,
        childcare_request=childcare_request,
        locations=_change_locations(childcare_request, wishes),
        wishes=wishes,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            changes = services_requests.request_update(
                childcare_request=childcare_request,
                wished_start=data["wished_start"],
                half_days=data["half_days"],
                days_note=data["days_note"],
                wishes=data["wishes"],
                working=data["working"],
                foster=data["foster"],
                sworn=data["sworn"],
            )
        except ValidationError as error:
            _service_error(form, error)
        else:
            messages.success(
                request,
                _("Je opvangvraag is gewijzigd.") if changes else _("Er veranderde niets."),
            )
            return redirect("childcare:request_private", house_slug=house.slug, token=token)
    return _private(
        request,
        "childcare/requests/change.html",
        {"house": house, "childcare_request": childcare_request, "form": form, "token": token},
        status=400 if form.is_bound and form.errors else 200,
    )


def request_withdraw(request, token):
    """A confirmation page (GET) and the withdrawal (POST with the box ticked)."""
    house = request.house
    childcare_request = access.get_request_by_token(house, token)
    if not childcare_request.is_active:
        messages.info(request, _("Deze opvangvraag is al afgesloten."))
        return redirect("childcare:request_private", house_slug=house.slug, token=token)
    form = WithdrawForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services_requests.request_withdraw(childcare_request=childcare_request)
        except ValidationError as error:
            _service_error(form, error)
        else:
            messages.success(request, _("Je opvangvraag is ingetrokken."))
            return redirect("childcare:request_private", house_slug=house.slug, token=token)
    return _private(
        request,
        "childcare/requests/withdraw.html",
        {"house": house, "childcare_request": childcare_request, "form": form, "token": token},
        status=400 if form.is_bound and form.errors else 200,
    )


@require_POST
def request_confirm(request, token):
    """ "Nog steeds nodig": the family confirms with one button."""
    house = request.house
    childcare_request = access.get_request_by_token(house, token)
    try:
        services_requests.request_confirm(childcare_request=childcare_request)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("Bedankt: je opvangvraag blijft staan. We vragen het je over 3 maanden opnieuw."),
        )
    return redirect("childcare:request_private", house_slug=house.slug, token=token)


STATUS_LABELS = dict(RequestStatus.choices)


def _rows(page) -> list[dict]:
    """The cells of a list, formatted here once: a list of 50 rows renders in a fraction of
    the time the same lookups and filters take in the template."""
    today = timezone.localdate()
    labels = {
        "working": _("werk"),
        "sibling": _("broer/zus"),
        "foster": _("pleegkind"),
    }
    rows = []
    for r in page:
        declared = [
            labels[name]
            for name, value in (
                ("working", r.working),
                ("sibling", r.has_sibling),
                ("foster", r.foster),
            )
            if value
        ]
        rows.append(
            {
                "pk": r.pk,
                "erased": r.erased_at is not None,
                "age": selectors_requests.child_age_text(r.child, today),
                "start": date_format(r.wished_start, "M Y"),
                "half_days": r.half_days,
                "wishes": r.wish_count,
                "first_wish": r.first_wish or "–",
                "declared": " ".join(declared) or "–",
                "status": STATUS_LABELS[r.status],
                "requested": date_format(timezone.localtime(r.requested_at), "j M Y"),
                "provider_rank": getattr(r, "provider_rank", None),
                "provider_location": getattr(r, "provider_location", ""),
            }
        )
    return rows


# --- The desk -------------------------------------------------------------------------------------


@professional_required
def desk_requests(request):
    house = access.get_house_for_desk(request.user, request.house)
    filters = RequestFilters.from_request(request.GET)
    page = selectors_requests.list_page(
        selectors_requests.desk_requests(house, filters),
        filters.page,
        # The index counts one status of the house; a municipality or month needs every row.
        count=filters.start is None and not filters.municipality,
    )
    return render(
        request,
        "childcare/requests/desk_list.html",
        {
            "house": house,
            "filters": filters,
            "page": page,
            "rows": _rows(page),
            "detail_base": reverse("childcare:desk_requests", kwargs={"house_slug": house.slug}),
            "page_params": filters.as_params(),
            "statuses": RequestStatus.choices,
            "municipalities": house.municipalities.order_by("name").values_list("nis_code", "name"),
            "today": timezone.localdate(),
        },
    )


@professional_required
def desk_request(request, pk):
    house = access.get_house_for_desk(request.user, request.house)
    childcare_request = selectors_requests.request_read_by_desk(
        user=request.user,
        childcare_request=access.get_request_for_desk(request.user, house, pk),
    )
    wishes = selectors_requests.request_wishes(childcare_request)
    return render(
        request,
        "childcare/requests/desk_detail.html",
        {
            "house": house,
            "childcare_request": childcare_request,
            "wishes": wishes,
            "has_sibling": any(wish.sibling for wish in wishes),
            "age": selectors_requests.child_age_text(childcare_request.child, timezone.localdate()),
        },
    )


# --- Providers ------------------------------------------------------------------------------------


@professional_required
def provider_requests(request):
    organisation_ids = access.provider_request_organisation_ids(request.user)
    page = selectors_requests.list_page(
        selectors_requests.provider_requests(organisation_ids), request.GET.get("pagina") or "1"
    )
    return render(
        request,
        "childcare/requests/provider_list.html",
        {"page": page, "rows": _rows(page), "detail_base": reverse("childcare:provider_requests")},
    )


@professional_required
def provider_request(request, pk):
    childcare_request = access.get_request_for_provider(request.user, pk)
    organisation_ids = access.provider_request_organisation_ids(request.user)
    wishes = selectors_requests.provider_wishes(childcare_request, organisation_ids)
    childcare_request = selectors_requests.request_read_by_provider(
        user=request.user,
        childcare_request=childcare_request,
        organisations=[wish.location.service.organisation for wish in wishes],
    )
    return render(
        request,
        "childcare/requests/provider_detail.html",
        {
            "childcare_request": childcare_request,
            "wishes": wishes,
            "has_sibling": any(wish.sibling for wish in wishes),
            "age": selectors_requests.child_age_text(childcare_request.child, timezone.localdate()),
        },
    )
