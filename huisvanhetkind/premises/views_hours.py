"""The office hours' pages.

Public (no account): the house's desks and their hours (``/<house>/permanenties/``), the hours
as JSON with HSDS 3.0 schedules (``/<house>/permanenties.json``) and an ``.ics`` feed per desk
(``/<house>/permanenties/<desk>.ics``).

The coordinator (``/beheer/huis/<house>/permanenties/``): desks, their rules and the closures.

Views are thin: access in ``access``, writes in ``services_hours``, reads in ``selectors_hours``.
"""

import json

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from huisvanhetkind.core.forms import add_service_errors
from huisvanhetkind.core.http import private_response
from huisvanhetkind.core.page_cache import shared_page
from huisvanhetkind.network.access import professional_required
from huisvanhetkind.premises import access, selectors_hours, services_hours
from huisvanhetkind.premises.forms_hours import ClosureForm, DeskForm, RuleForm
from huisvanhetkind.premises.models import Desk

# --- Public --------------------------------------------------------------------------------------


@shared_page
def hours(request):
    house = request.house
    return render(
        request,
        "premises/hours.html",
        {"house": house, "desks": selectors_hours.house_hours(house)},
    )


@shared_page
def hours_json(request):
    house = request.house
    response = HttpResponse(
        json.dumps(
            selectors_hours.house_schedules(house), cls=DjangoJSONEncoder, ensure_ascii=False
        ),
        content_type="application/json; charset=utf-8",
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


@shared_page
def desk_feed(request, desk):
    found = selectors_hours.public_desk(request.house, desk)
    if found is None:
        raise Http404
    response = HttpResponse(
        selectors_hours.desk_calendar(found, timezone.now()),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'inline; filename="permanenties-{found.slug}.ics"'
    return response


# --- The coordinator -----------------------------------------------------------------------------


def _render(request, template, context):
    return private_response(render(request, template, context))


def _to_manage(house):
    return redirect("premises:hours_manage", house_slug=house.slug)


@professional_required
def hours_manage(request):
    house = access.get_house_for_coordinator(request.user, request.house)
    desks, closures = selectors_hours.manage_hours(house)
    return _render(
        request,
        "premises/hours_manage.html",
        {
            "house": house,
            "desks": desks,
            "closures": closures,
            "closure_form": ClosureForm(house=house),
        },
    )


def _desk_form(request, house, desk: Desk | None):
    instance = desk or Desk(house=house)
    form = DeskForm(request.POST or None, instance=instance, house=house)
    if request.method == "POST" and form.is_valid():
        try:
            if desk is None:
                desk = services_hours.desk_create(
                    actor=request.user, house=house, data=form.cleaned_data
                )
                messages.success(request, _("Het loket is toegevoegd; geef het nu zijn uren."))
            else:
                services_hours.desk_update(
                    actor=request.user,
                    desk=Desk.objects.get(pk=desk.pk),
                    data=form.cleaned_data,
                )
                messages.success(request, _("Het loket is bewaard."))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect("premises:desk_manage", house_slug=house.slug, pk=desk.pk)
    return _render(
        request, "premises/hours_desk_form.html", {"house": house, "form": form, "desk": desk}
    )


@professional_required
def desk_new(request):
    house = access.get_house_for_coordinator(request.user, request.house)
    return _desk_form(request, house, None)


@professional_required
def desk_edit(request, pk):
    desk = access.get_desk_for_coordinator(request.user, request.house, pk)
    return _desk_form(request, desk.house, desk)


@professional_required
def desk_manage(request, pk):
    desk = access.get_desk_for_coordinator(request.user, request.house, pk)
    desks, closures = selectors_hours.manage_hours(desk.house)
    hours = next(h for h in desks if h.desk.pk == desk.pk)
    return _render(
        request,
        "premises/hours_desk.html",
        {
            "house": desk.house,
            "desk": hours.desk,
            "hours": hours,
            "closures": [c for c in closures if c.desk_id in (None, desk.pk)],
            "today": timezone.localdate(),
        },
    )


@professional_required
@require_POST
def desk_delete(request, pk):
    desk = access.get_desk_for_coordinator(request.user, request.house, pk)
    services_hours.desk_delete(actor=request.user, desk=desk)
    messages.success(request, _("Het loket en zijn permanenties zijn verwijderd."))
    return _to_manage(desk.house)


def _rule_form(request, desk, rule=None):
    initial = RuleForm.initial_of(rule) if rule else None
    form = RuleForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            if rule is None:
                services_hours.rule_create(actor=request.user, desk=desk, data=form.cleaned_data)
                messages.success(request, _("De permanentie is toegevoegd."))
            else:
                services_hours.rule_update(actor=request.user, rule=rule, data=form.cleaned_data)
                messages.success(request, _("De permanentie is bewaard."))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect("premises:desk_manage", house_slug=desk.house.slug, pk=desk.pk)
    return _render(
        request,
        "premises/hours_rule_form.html",
        {"house": desk.house, "desk": desk, "form": form, "rule": rule},
    )


@professional_required
def rule_new(request, pk):
    desk = access.get_desk_for_coordinator(request.user, request.house, pk)
    return _rule_form(request, desk)


@professional_required
def rule_edit(request, pk):
    rule = access.get_rule_for_coordinator(request.user, request.house, pk)
    return _rule_form(request, rule.desk, rule)


@professional_required
@require_POST
def rule_delete(request, pk):
    rule = access.get_rule_for_coordinator(request.user, request.house, pk)
    desk = rule.desk
    services_hours.rule_delete(actor=request.user, rule=rule)
    messages.success(request, _("De permanentie is verwijderd."))
    return redirect("premises:desk_manage", house_slug=desk.house.slug, pk=desk.pk)


@professional_required
def closure_new(request):
    house = access.get_house_for_coordinator(request.user, request.house)
    form = ClosureForm(request.POST or None, house=house)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services_hours.closure_create(
                actor=request.user,
                house=house,
                desk=data["desk"],
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
                reason=data["reason"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("De sluiting is toegevoegd."))
            return _to_manage(house)
    return _render(request, "premises/hours_closure_form.html", {"house": house, "form": form})


@professional_required
@require_POST
def closure_delete(request, pk):
    closure = access.get_closure_for_coordinator(request.user, request.house, pk)
    services_hours.closure_delete(actor=request.user, closure=closure)
    messages.success(request, _("De sluiting is verwijderd."))
    return _to_manage(closure.house)
