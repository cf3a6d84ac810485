"""The requests log of a house (``/beheer/huis/<house>/privacyverzoeken/``), for its coordinator:
the list (open, late, answered this year, all) with the yearly count, logging a request, and one
request with its steps (take in hand, extend once, answer or refuse).

Views are thin: access in ``access``, writes in ``services_requests``, reads in
``selectors_requests`` (which audit the reads)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from huisvanhetkind.core.forms import add_service_errors
from huisvanhetkind.core.http import private_response
from huisvanhetkind.network.access import professional_required
from huisvanhetkind.privacy import access, selectors_requests, services_requests
from huisvanhetkind.privacy.forms_requests import AnswerForm, ExtendForm, RequestForm


def _render(request, template, context, status=200):
    return private_response(render(request, template, context, status=status))


@professional_required
def requests(request):
    house = access.get_house_for_requests(request.user, request.house)
    today = timezone.localdate()
    which = request.GET.get("filter", "open")
    if which not in selectors_requests.FILTERS:
        which = "open"
    return _render(
        request,
        "privacy/requests/list.html",
        {
            "house": house,
            "which": which,
            "filters": selectors_requests.FILTERS,
            "page": selectors_requests.requests_read(
                actor=request.user,
                house=house,
                which=which,
                page=request.GET.get("pagina"),
                today=today,
            ),
            "counts": selectors_requests.open_counts(house, today),
            "years": selectors_requests.year_counts(house, today),
            "today": today,
        },
    )


@professional_required
def request_new(request):
    house = access.get_house_for_requests(request.user, request.house)
    form = RequestForm(request.POST or None, initial={"received_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            logged = services_requests.request_log(
                actor=request.user, house=house, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Het verzoek is gelogd. Te beantwoorden tegen %(day)s.")
                % {"day": logged.due_on.strftime("%d/%m/%Y")},
            )
            return redirect("privacy:request", house_slug=house.slug, pk=logged.pk)
    return _render(
        request,
        "privacy/requests/new.html",
        {"house": house, "form": form},
        status=400 if form.errors else 200,
    )


def _detail(request, rights_request, *, extend_form=None, answer_form=None, status=200):
    today = timezone.localdate()
    return _render(
        request,
        "privacy/requests/detail.html",
        {
            "house": rights_request.house,
            "item": selectors_requests.request_read(actor=request.user, request=rights_request),
            "late": rights_request.is_late(today),
            "extend_form": extend_form or ExtendForm(),
            "answer_form": answer_form or AnswerForm(initial={"answered_on": today}),
        },
        status=status,
    )


@professional_required
def request_detail(request, pk):
    return _detail(request, access.get_request_for_user(request.user, request.house, pk))


@professional_required
@require_POST
def request_start(request, pk):
    rights_request = access.get_request_for_user(request.user, request.house, pk)
    try:
        services_requests.request_start(actor=request.user, request=rights_request)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Het verzoek is in behandeling."))
    return redirect("privacy:request", house_slug=rights_request.house.slug, pk=rights_request.pk)


@professional_required
@require_POST
def request_extend(request, pk):
    rights_request = access.get_request_for_user(request.user, request.house, pk)
    form = ExtendForm(request.POST)
    if form.is_valid():
        try:
            services_requests.request_extend(
                actor=request.user, request=rights_request, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("De termijn is met twee maanden verlengd."))
            return redirect(
                "privacy:request", house_slug=rights_request.house.slug, pk=rights_request.pk
            )
    return _detail(request, rights_request, extend_form=form, status=400)


@professional_required
@require_POST
def request_answer(request, pk):
    rights_request = access.get_request_for_user(request.user, request.house, pk)
    form = AnswerForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services_requests.request_answer(
                actor=request.user,
                request=rights_request,
                answered_on=data["answered_on"],
                summary=data["summary"],
                channel=data["channel"],
                refused=data["outcome"] == "refused",
                refusal_reason=data["refusal_reason"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Het antwoord is bewaard."))
            return redirect(
                "privacy:request", house_slug=rights_request.house.slug, pk=rights_request.pk
            )
    return _detail(request, rights_request, answer_form=form, status=400)
