"""The plan's pages. For the coordinator and the steering group (who edit) and the house's
partners (who read), under ``/beheer/huis/<house>/plan/``: the periods and their goals, the
annual plan of a year, one action with its status history and progress notes. For everybody:
``/<house>/plan/``, the goals and their progress in plain words.

Views are thin: access in ``access``, writes in ``services``, reads in ``selectors``."""

import hashlib
from pathlib import Path

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from huisvanhetkind.core.forms import add_service_errors
from huisvanhetkind.network.access import professional_required
from huisvanhetkind.questions.numbers import ascii_int
from huisvanhetkind.steering import access, indicators, selectors, services
from huisvanhetkind.steering.forms import (
    ActionForm,
    AnnualPlanForm,
    GoalForm,
    NoteForm,
    PeriodForm,
    StatusForm,
)
from huisvanhetkind.steering.workflow import next_states

# The plan pages cache their rendering of the plan tree under the plan's stamp
# (``selectors.plan_page``): a change makes a new stamp, so this only bounds how long an unused
# rendering stays in the cache.
PLAN_CACHE_SECONDS = 24 * 3600
_HERE = Path(__file__).resolve().parent
# What renders the tree; its digest is part of the cache key, so that a release changing it
# never shows a rendering cached before.
PLAN_RENDERING = hashlib.sha256(
    b"".join(
        path.read_bytes()
        for path in (
            _HERE / "templates" / "steering" / "public_plan.html",
            _HERE / "templates" / "steering" / "annual_plan.html",
            _HERE / "templatetags" / "steering.py",
            _HERE / "selectors.py",
            _HERE / "indicators.py",
        )
    )
).hexdigest()[:12]


def _editing(request, house) -> bool:
    """A POST needs an editor (a reader gets the same 404 as an outsider)."""
    can_edit = access.can_edit_plan(request.user, house)
    if request.method == "POST" and not can_edit:
        raise Http404
    return can_edit


def _save(form, call, message, request):
    """Run ``call`` on a valid form; a refusal lands on the form. The saved thing, or None."""
    if not form.is_valid():
        return None
    try:
        saved = call()
    except ValidationError as error:
        add_service_errors(form, error)
        return None
    messages.success(request, message)
    return saved


# --- Periods and goals ------------------------------------------------------------------------


@professional_required
def manage(request):
    house = access.get_house_for_reader(request.user, request.house)
    can_edit = _editing(request, house)
    period_form = PeriodForm(request.POST if request.POST.get("form") == "period" else None)
    plan_form = AnnualPlanForm(
        request.POST if request.POST.get("form") == "plan" else None,
        initial={"year": timezone.localdate().year},
    )
    status = 200
    if request.method == "POST":
        status = 400
        if request.POST.get("form") == "period":
            saved = _save(
                period_form,
                lambda: services.period_create(
                    actor=request.user, house=house, data=period_form.cleaned_data
                ),
                _("De beleidsperiode is aangemaakt; voeg nu de doelstellingen toe."),
                request,
            )
            if saved:
                return redirect("steering:period", house_slug=house.slug, pk=saved.pk)
        else:
            saved = _save(
                plan_form,
                lambda: services.annual_plan_create(
                    actor=request.user, house=house, year=plan_form.cleaned_data["year"]
                ),
                _("Het jaarplan is aangemaakt; voeg nu de acties toe."),
                request,
            )
            if saved:
                return redirect("steering:annual_plan", house_slug=house.slug, year=saved.year)
    return render(
        request,
        "steering/manage.html",
        {
            "house": house,
            "can_edit": can_edit,
            "periods": selectors.periods(house),
            "plans": selectors.annual_plans(house),
            "period_form": period_form,
            "plan_form": plan_form,
        },
        status=status,
    )


@professional_required
def period(request, pk):
    house = access.get_house_for_reader(request.user, request.house)
    can_edit = _editing(request, house)
    period = access.get_period_for_user(request.user, house, pk, edit=request.method == "POST")
    which = request.POST.get("form")
    goal_form = GoalForm(request.POST if which == "goal" else None)
    period_form = PeriodForm(
        request.POST if which == "period" else None,
        initial={
            "title": period.title,
            "start_year": period.start_year,
            "end_year": period.end_year,
        },
        prefix="period",
    )
    status = 200
    if request.method == "POST":
        status = 400
        if which == "period":
            done = _save(
                period_form,
                lambda: (
                    services.period_update(
                        actor=request.user, period=period, data=period_form.cleaned_data
                    )
                    or True
                ),
                _("De beleidsperiode is bewaard."),
                request,
            )
        else:
            done = _save(
                goal_form,
                lambda: services.goal_create(
                    actor=request.user, period=period, data=goal_form.cleaned_data
                ),
                _("De doelstelling is toegevoegd."),
                request,
            )
        if done:
            return redirect("steering:period", house_slug=house.slug, pk=period.pk)
    return render(
        request,
        "steering/period.html",
        {
            "house": house,
            "can_edit": can_edit,
            "period": period,
            "tree": selectors.plan_tree(period),
            "goal_form": goal_form,
            "period_form": period_form,
        },
        status=status,
    )


@professional_required
def goal(request, pk):
    house = access.get_house_for_reader(request.user, request.house)
    can_edit = _editing(request, house)
    goal = access.get_goal_for_user(request.user, house, pk, edit=request.method == "POST")
    form = GoalForm(request.POST or None, initial=GoalForm.initial_for(goal))
    status = 200
    if request.method == "POST":
        status = 400
        done = _save(
            form,
            lambda: (
                services.goal_update(actor=request.user, goal=goal, data=form.cleaned_data) or True
            ),
            _("De doelstelling is bewaard."),
            request,
        )
        if done:
            return redirect("steering:period", house_slug=house.slug, pk=goal.period_id)
    return render(
        request,
        "steering/goal.html",
        {"house": house, "can_edit": can_edit, "goal": goal, "form": form},
        status=status,
    )


@professional_required
@require_POST
def goal_delete(request, pk):
    house = access.get_house_for_editor(request.user, request.house)
    goal = access.get_goal_for_user(request.user, house, pk, edit=True)
    try:
        services.goal_delete(actor=request.user, goal=goal)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("steering:goal", house_slug=house.slug, pk=goal.pk)
    messages.success(request, _("De doelstelling is verwijderd."))
    return redirect("steering:period", house_slug=house.slug, pk=goal.period_id)


# --- The annual plan and its actions ----------------------------------------------------------


def _action_form(house, period, data=None, initial=None):
    return ActionForm(
        data,
        initial=initial,
        goals=list(period.goals.select_related("domain")),
        partners=list(selectors.active_partners(house)),
        groups=list(selectors.working_groups(house)),
    )


@professional_required
def annual_plan(request, year):
    house = access.get_house_for_reader(request.user, request.house)
    can_edit = _editing(request, house)
    plan = access.get_annual_plan_for_user(request.user, house, year, edit=request.method == "POST")
    # The form to add an action, for an editor only (a reader's page does not show it).
    form = None
    if can_edit:
        form = _action_form(
            house,
            plan.period,
            request.POST or None,
            initial={"starts_on": f"{plan.year}-01-01", "ends_on": f"{plan.year}-12-31"},
        )
    status = 200
    if request.method == "POST":
        status = 400
        saved = _save(
            form,
            lambda: services.action_create(
                actor=request.user, plan=plan, data=form.data_for_service()
            ),
            _("De actie is toegevoegd aan het jaarplan."),
            request,
        )
        if saved:
            return redirect("steering:action", house_slug=house.slug, pk=saved.pk)
    return render(
        request,
        "steering/annual_plan.html",
        {
            "house": house,
            "can_edit": can_edit,
            "plan": plan,
            "page": selectors.plan_page(plan.period, plan, house=house),
            "cache_seconds": PLAN_CACHE_SECONDS,
            "rendering": PLAN_RENDERING,
            "action_base": reverse(
                "steering:action", kwargs={"house_slug": house.slug, "pk": 1}
            ).removesuffix("1/"),
            "form": form,
        },
        status=status,
    )


def _action_context(request, house, action, **forms):
    values = {}
    if action.indicator:
        values = indicators.indicator_values(house, action.plan.year, [action.indicator])
    progress, value = selectors.action_progress(action, values)
    can_edit = access.can_edit_plan(request.user, house)
    status_form = forms.get("status_form") or StatusForm()
    status_form.fields["status"].choices = [(s.value, s.label) for s in next_states(action.status)]
    return {
        "house": house,
        "can_edit": can_edit,
        "action": action,
        "row": selectors.ActionRow(action=action, progress=progress, value=value),
        "history": selectors.action_history(action),
        "notes": selectors.action_notes(action),
        "form": forms.get("form")
        or _action_form(house, action.plan.period, initial=ActionForm.initial_for(action)),
        "status_form": status_form,
        "note_form": forms.get("note_form")
        or NoteForm(initial={"written_on": timezone.localdate()}),
    }


@professional_required
def action(request, pk):
    house = access.get_house_for_reader(request.user, request.house)
    _editing(request, house)
    action = access.get_action_for_user(request.user, house, pk, edit=request.method == "POST")
    form = None
    status = 200
    if request.method == "POST":
        status = 400
        form = _action_form(house, action.plan.period, request.POST)
        done = _save(
            form,
            lambda: (
                services.action_update(
                    actor=request.user, action=action, data=form.data_for_service()
                )
                or True
            ),
            _("De actie is bewaard."),
            request,
        )
        if done:
            return redirect("steering:action", house_slug=house.slug, pk=action.pk)
    return render(
        request,
        "steering/action.html",
        _action_context(request, house, action, form=form),
        status=status,
    )


def _action_post(request, pk, form_class, save, message: str, form_name: str):
    """A form posted on an action's page: saved through ``save(action, cleaned_data)`` and back
    to the page, or the page again with the form's errors (400)."""
    house = access.get_house_for_editor(request.user, request.house)
    action = access.get_action_for_user(request.user, house, pk, edit=True)
    form = form_class(request.POST)
    if _save(form, lambda: save(action, form.cleaned_data), message, request):
        return redirect("steering:action", house_slug=house.slug, pk=action.pk)
    return render(
        request,
        "steering/action.html",
        _action_context(request, house, action, **{form_name: form}),
        status=400,
    )


@professional_required
@require_POST
def action_status(request, pk):
    return _action_post(
        request,
        pk,
        StatusForm,
        lambda action, data: services.action_status_change(
            actor=request.user, action=action, status=data["status"], note=data["note"]
        ),
        _("De status van de actie is gewijzigd."),
        "status_form",
    )


@professional_required
@require_POST
def action_note(request, pk):
    return _action_post(
        request,
        pk,
        NoteForm,
        lambda action, data: services.progress_note_add(
            actor=request.user, action=action, text=data["text"], written_on=data["written_on"]
        ),
        _("De notitie is toegevoegd."),
        "note_form",
    )


# --- The public page --------------------------------------------------------------------------


def public_plan(request):
    house = request.house
    period, plan = selectors.public_plan(house, ascii_int(request.GET.get("jaar", "")))
    return render(
        request,
        "steering/public_plan.html",
        {
            "house": house,
            "page": (
                selectors.plan_page(period, plan, house=house) if period is not None else None
            ),
            "cache_seconds": PLAN_CACHE_SECONDS,
            "rendering": PLAN_RENDERING,
            "years": list(selectors.annual_plans(house).values_list("year", flat=True)),
        },
    )
