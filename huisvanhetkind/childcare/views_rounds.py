"""The allocation rounds: the desk runs a round and reads its report, a provider confirms or
refuses its placements and places outside the rounds, a family answers an offer through its
private link. Thin: parse, call a service or selector, render."""

import json

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from huisvanhetkind.childcare import access, services_rounds
from huisvanhetkind.childcare import selectors_rounds as selectors
from huisvanhetkind.childcare.forms_rounds import (
    ACCEPT,
    OfferAnswerForm,
    OutsideRoundForm,
    RefuseForm,
    RoundMonthForm,
)
from huisvanhetkind.childcare.models import ChildcareLocation, PlacementStatus
from huisvanhetkind.childcare.months import start_months
from huisvanhetkind.core.http import private_response
from huisvanhetkind.network.access import professional_required

# The desk runs rounds for this month and the next ones (a round for a past month places no
# child in time).
ROUND_MONTHS = 12


def _round_months(today):
    return start_months(today, ROUND_MONTHS)


# --- the desk -----------------------------------------------------------------------------------


@professional_required
def rounds(request):
    """The house's rounds, and the form to run one (with a preview of what it would use)."""
    house = access.get_house_for_desk(request.user, request.house)
    months = _round_months(timezone.localdate())
    status = 200
    if request.method == "POST":
        form = RoundMonthForm(request.POST, months=months)
        if form.is_valid():
            month = form.cleaned_data["maand"]
            try:
                allocation_round = services_rounds.round_run(
                    house=house,
                    month=month,
                    actor=request.user,
                    expected_last=form.cleaned_data["vorige"] or 0,
                )
            except ValidationError as error:
                form.add_error(None, error.messages)
            else:
                if allocation_round.blocking_pairs:
                    messages.error(
                        request,
                        _(
                            "De controle vond een probleem in de verdeling: er werd niemand "
                            "geplaatst. Bekijk het rapport."
                        ),
                    )
                else:
                    messages.success(request, _("De ronde is verdeeld."))
                return redirect("childcare:round", house_slug=house.slug, pk=allocation_round.pk)
        status = 400
        preview = None
        if form.cleaned_data.get("maand"):
            preview = selectors.round_preview(house, form.cleaned_data["maand"])
    else:
        form = RoundMonthForm(request.GET or None, months=months)
        preview = None
        if form.is_bound:
            if form.is_valid():
                preview = selectors.round_preview(house, form.cleaned_data["maand"])
                last = preview.last_round
                form = RoundMonthForm(
                    initial={
                        "maand": f"{preview.month:%Y-%m}",
                        "vorige": last.pk if last else 0,
                    },
                    months=months,
                )
            else:
                status = 400
    return render(
        request,
        "childcare/rounds/list.html",
        {
            "house": house,
            "form": form,
            "preview": preview,
            "rounds": selectors.house_rounds(house).select_related("run_by")[:50],
            "quota": selectors.house_quota_table(house, timezone.localdate().year),
            "year": timezone.localdate().year,
        },
        status=status,
    )


@professional_required
@require_GET
def round_report(request, pk):
    house = access.get_house_for_desk(request.user, request.house)
    allocation_round = access.get_round_for_desk(request.user, house, pk)
    return render(
        request,
        "childcare/rounds/report.html",
        {
            "house": house,
            "round": allocation_round,
            "report": selectors.round_report(allocation_round),
            "quota": selectors.house_quota_table(house, allocation_round.month.year),
            "year": allocation_round.month.year,
        },
    )


def _download(request, pk, part):
    house = access.get_house_for_desk(request.user, request.house)
    allocation_round = access.get_round_for_desk(request.user, house, pk)
    data = selectors.round_file_read(
        allocation_round=allocation_round, actor=request.user, part=part
    )
    body = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    response = HttpResponse(body.encode("utf-8"), content_type="application/json; charset=utf-8")
    name = f"ronde-{allocation_round.month:%Y-%m}-{allocation_round.pk}-{part}.json"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response


@professional_required
@require_GET
def round_input(request, pk):
    return _download(request, pk, "input")


@professional_required
@require_GET
def round_result(request, pk):
    return _download(request, pk, "result")


# --- providers ----------------------------------------------------------------------------------


def _placements_page(request, *, outside_forms=None, status=200):
    allowed = access.provider_locations_filter(request.user)
    locations = list(
        ChildcareLocation.objects.filter(allowed)
        .select_related("service", "house")
        .order_by("service__name", "pk")
        .distinct()
    )
    year = timezone.localdate().year
    return render(
        request,
        "childcare/rounds/placements.html",
        {
            "placements": selectors.provider_placements(allowed)[:200],
            "quota": selectors.quota_table(locations, year),
            "year": year,
            "proposed": PlacementStatus.PROPOSED,
        },
        status=status,
    )


@professional_required
@require_GET
def provider_placements(request):
    """The placements at the provider's own locations, to confirm or refuse."""
    return _placements_page(request)


@professional_required
@require_POST
def placement_confirm(request, pk):
    placement = access.get_placement_for_provider(request.user, pk)
    try:
        services_rounds.placement_confirm(placement=placement, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("Plaatsing #%(n)s is bevestigd. Het gezin krijgt bericht.") % {"n": pk}
        )
    return redirect("childcare:placements")


@professional_required
def placement_refuse(request, pk):
    placement = access.get_placement_for_provider(request.user, pk)
    form = RefuseForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services_rounds.placement_refuse(
                placement=placement, actor=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(
                request,
                _("Plaatsing #%(n)s is geweigerd. De plaats telt mee in de volgende ronde.")
                % {"n": pk},
            )
            return redirect("childcare:placements")
    return render(
        request,
        "childcare/rounds/refuse.html",
        {"placement": placement, "form": form},
        status=400 if form.is_bound and form.errors else 200,
    )


@professional_required
def placement_outside(request, pk):
    """Place a child outside the rounds at one of the provider's locations."""
    childcare = access.get_location_for_provider(request.user, pk)
    today = timezone.localdate()
    form = OutsideRoundForm(
        request.POST if request.method == "POST" else None, months=start_months(today)
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            placement = services_rounds.placement_outside_round(
                childcare=childcare,
                request_number=data["request_number"],
                month=data["month"],
                advice_by=data["advice_by"],
                advice_reference=data["advice_reference"],
                actor=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(
                request,
                _("Plaatsing #%(n)s buiten de rondes is bewaard. Het gezin krijgt bericht.")
                % {"n": placement.pk},
            )
            return redirect("childcare:placements")
    quota = selectors.quota_table([childcare], today.year)[0]
    return render(
        request,
        "childcare/rounds/outside.html",
        {"childcare": childcare, "form": form, "quota": quota, "year": today.year},
        status=400 if form.is_bound and form.errors else 200,
    )


# --- the family ---------------------------------------------------------------------------------


def offer_answer(request, token, pk):
    """The family answers an offer: it chooses (on its private page or here), then confirms."""
    house = request.house
    if house is None:
        raise Http404
    childcare_request = access.get_request_by_token(house, token)
    placement = access.get_offer_for_family(childcare_request, pk)
    back = services_rounds.private_url(childcare_request) or request.path
    form = OfferAnswerForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if form.is_valid() and form.cleaned_data["confirmed"]:
            try:
                if form.cleaned_data["answer"] == ACCEPT:
                    services_rounds.placement_accept(placement=placement)
                    messages.success(request, _("Je aanvaardde de plaats. Welkom in de opvang!"))
                else:
                    services_rounds.placement_decline(
                        placement=placement, withdraw=form.cleaned_data["withdraw"]
                    )
                    messages.success(request, _("Je antwoord is bewaard: je wil deze plaats niet."))
            except ValidationError as error:
                form.add_error(None, error.messages)
                status = 400
            else:
                return redirect(back)
        elif not form.is_valid():
            status = 400
    return private_response(
        render(
            request,
            "childcare/rounds/family_offer.html",
            {
                "house": house,
                "childcare_request": childcare_request,
                "placement": placement,
                "deadline": services_rounds.offer_deadline(placement),
                "form": form,
                "confirming": request.method == "POST" and form.is_valid(),
                "back": back,
                "open_offer": placement.status == PlacementStatus.CONFIRMED,
            },
            status=status,
        )
    )
