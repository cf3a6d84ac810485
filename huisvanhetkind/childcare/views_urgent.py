"""The urgent requests (dringende opvangvragen): the family's form and private page, the
professional's form, the desk's list and answer, and the providers' anonymised list."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from huisvanhetkind.childcare import access, selectors, selectors_urgent, services_urgent
from huisvanhetkind.childcare.forms_urgent import (
    UrgentNoPlaceForm,
    UrgentPlaceForm,
    UrgentProfessionalForm,
    UrgentPublicForm,
    UrgentWithdrawForm,
)
from huisvanhetkind.childcare.models import ChildcareLocation
from huisvanhetkind.core import throttle
from huisvanhetkind.core.forms import add_service_errors
from huisvanhetkind.core.http import private_response
from huisvanhetkind.network.access import professional_required
from huisvanhetkind.network.models import House, Municipality

IP_LIMIT = 5
WITHDRAW_LIMIT = 10


def _status(form) -> int:
    return 400 if form.is_bound and form.errors else 200


# --- The family (no account) ------------------------------------------------------------------


def urgent_new(request):
    house = access.get_house_for_urgent_form(request.house)
    form = UrgentPublicForm(
        request.POST if request.method == "POST" else None,
        municipalities=house.municipalities.order_by("name"),
    )
    status = 200
    if request.method == "POST":
        if not throttle.allow_client(request, "urgent-ip", limit=IP_LIMIT):
            form.is_valid()
            form.add_error(
                None,
                _(
                    "Vanaf dit adres werden het voorbije uur al veel vragen verstuurd. Probeer "
                    "het over een uur opnieuw, of bel het Huis van het Kind."
                ),
            )
            status = 429
        elif form.is_valid():
            data = form.cleaned_data
            try:
                urgent, token = services_urgent.urgent_submit(
                    house=house,
                    family=form.family(),
                    child=form.child(),
                    municipality=data["municipality"],
                    reason=data["reason"],
                    needed_from=data["needed_from"],
                    half_days=data["half_days"],
                    situation=data["situation"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Bedankt, je dringende vraag is verstuurd."))
                return redirect(services_urgent.private_url(urgent, token) + "?nieuw=1")
        status = status if status != 200 else _status(form)
    return render(
        request, "childcare/urgent/new.html", {"house": house, "form": form}, status=status
    )


def urgent_private(request, token):
    house = request.house
    urgent = access.get_urgent_by_token(house, token)
    return private_response(
        render(
            request,
            "childcare/urgent/private.html",
            {
                "house": house,
                "urgent": urgent,
                "form": UrgentWithdrawForm(),
                "token": token,
                "is_new": request.GET.get("nieuw") == "1",
                "link": request.build_absolute_uri(request.path),
            },
        )
    )


@require_POST
def urgent_withdraw(request, token):
    house = request.house
    urgent = access.get_urgent_by_token(house, token)
    form = UrgentWithdrawForm(request.POST)
    status = 200
    if not throttle.allow_client(request, "urgent-withdraw-ip", limit=WITHDRAW_LIMIT):
        form.is_valid()
        form.add_error(None, _("Probeer het over een uur opnieuw."))
        status = 429
    elif form.is_valid():
        try:
            services_urgent.urgent_withdraw(urgent=urgent)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Je vraag is ingetrokken."))
            return private_response(redirect(services_urgent.private_url(urgent, token)))
    urgent.refresh_from_db()
    return private_response(
        render(
            request,
            "childcare/urgent/private.html",
            {
                "house": house,
                "urgent": urgent,
                "token": token,
                "form": form,
                "is_new": False,
                "link": "",
            },
            status=status if status != 200 else 400,
        )
    )


# --- A professional files for a family --------------------------------------------------------


@professional_required
def urgent_file(request):
    houses = access.urgent_filing_houses(request.user)
    if not houses:
        raise Http404
    form = UrgentProfessionalForm(
        request.POST if request.method == "POST" else None,
        houses=House.objects.filter(pk__in=[h.pk for h in houses]).order_by("name"),
        municipalities=Municipality.objects.filter(houses__in=[h.pk for h in houses])
        .distinct()
        .order_by("name"),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        house = data["house"]
        try:
            services_urgent.urgent_submit(
                house=house,
                family=form.family(),
                child=form.child(),
                municipality=data["municipality"],
                reason=data["reason"],
                needed_from=data["needed_from"],
                half_days=data["half_days"],
                situation=data["situation"],
                actor=request.user,
                filed_by_organisation=access.urgent_filing_organisation(request.user, house),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "De dringende vraag is doorgegeven aan het Lokaal Loket Kinderopvang. Het "
                    "antwoordt binnen 5 werkdagen."
                ),
            )
            return redirect("childcare:urgent_file")
    return render(
        request,
        "childcare/urgent/file.html",
        {"form": form, "houses": houses},
        status=_status(form),
    )


# --- The desk ---------------------------------------------------------------------------------


@professional_required
def urgent_desk(request):
    house = access.get_house_for_desk(request.user, request.house)
    waiting, ended = selectors_urgent.desk_urgent_list(house)
    today = timezone.localdate()
    return render(
        request,
        "childcare/urgent/desk.html",
        {
            "house": house,
            "waiting": [(u, selectors_urgent.is_overdue(u, today)) for u in waiting],
            "ended": ended,
            "today": today,
        },
    )


def _detail_forms(urgent, post=None, which=None):
    offered_ids = {o.location_id for o in urgent.offers.all()}
    locations = ChildcareLocation.objects.filter(house=urgent.house).select_related("service")
    # Two forms on one page: their own ids (the field names stay as they are).
    place = UrgentPlaceForm(
        post if which == "place" else None,
        locations=locations,
        offered_ids=offered_ids,
        auto_id="place_%s",
    )
    no_place = UrgentNoPlaceForm(post if which == "no_place" else None, auto_id="no_place_%s")
    return place, no_place


def _render_detail(request, house, urgent, *, place=None, no_place=None, status=200):
    services_urgent.urgent_read(urgent=urgent, actor=request.user)
    default_place, default_no_place = _detail_forms(urgent)
    offers = list(urgent.offers.select_related("location__service", "offered_by"))
    return render(
        request,
        "childcare/urgent/detail.html",
        {
            "house": house,
            "urgent": urgent,
            "overdue": selectors_urgent.is_overdue(urgent),
            "offers": offers,
            "age": selectors_urgent.age_in_months(urgent.child, urgent.needed_from),
            "place_form": place or default_place,
            "no_place_form": no_place or default_no_place,
        },
        status=status,
    )


@professional_required
def urgent_detail(request, pk):
    house = access.get_house_for_desk(request.user, request.house)
    urgent = access.get_urgent_for_desk(request.user, house, pk)
    return _render_detail(request, house, urgent)


@professional_required
@require_POST
def urgent_place(request, pk):
    house = access.get_house_for_desk(request.user, request.house)
    urgent = access.get_urgent_for_desk(request.user, house, pk)
    place, _no_place = _detail_forms(urgent, request.POST, "place")
    if place.is_valid():
        try:
            services_urgent.urgent_place(
                urgent=urgent,
                actor=request.user,
                location=place.cleaned_data["location"],
                message=place.cleaned_data["message"],
            )
        except ValidationError as error:
            add_service_errors(place, error)
        else:
            messages.success(request, _("Het kind is geplaatst; het gezin krijgt het bericht."))
            return redirect("childcare:urgent_detail", house_slug=house.slug, pk=urgent.pk)
    urgent.refresh_from_db()
    return _render_detail(request, house, urgent, place=place, status=400)


@professional_required
@require_POST
def urgent_no_place(request, pk):
    house = access.get_house_for_desk(request.user, request.house)
    urgent = access.get_urgent_for_desk(request.user, house, pk)
    _place, no_place = _detail_forms(urgent, request.POST, "no_place")
    if no_place.is_valid():
        try:
            services_urgent.urgent_no_place(
                urgent=urgent, actor=request.user, message=no_place.cleaned_data["message"]
            )
        except ValidationError as error:
            add_service_errors(no_place, error)
        else:
            messages.success(request, _("Het antwoord is bewaard; het gezin krijgt het bericht."))
            return redirect("childcare:urgent_detail", house_slug=house.slug, pk=urgent.pk)
    urgent.refresh_from_db()
    return _render_detail(request, house, urgent, no_place=no_place, status=400)


# --- The providers ----------------------------------------------------------------------------


@professional_required
def urgent_provider(request):
    """Anonymised open urgent requests that fit the free places of the user's locations."""
    locations = list(selectors.provider_locations(access.provider_locations_filter(request.user)))
    return render(
        request,
        "childcare/urgent/provider.html",
        {"rows": selectors_urgent.provider_urgent_list(locations), "locations": locations},
    )


@professional_required
@require_POST
def urgent_offer(request, pk, location_pk):
    urgent, location = access.get_urgent_for_offer(request.user, pk, location_pk)
    try:
        services_urgent.urgent_offer_create(urgent=urgent, location=location, actor=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        response = redirect("childcare:urgent_provider")
        return response
    messages.success(
        request,
        _("Bedankt: het Lokaal Loket weet nu dat %(name)s dit kind kan opvangen.")
        % {"name": location.service.name},
    )
    return redirect("childcare:urgent_provider")
