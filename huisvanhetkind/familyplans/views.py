"""The professionals' pages of the family plan: the plans of their organisations, a new plan at
the round table, one plan (goals the organisation may see, agreements and their status, partners,
the family's comments, the forms of the table), its PDF and the coordinator's counts. Views are
thin: access in ``access``, writes in ``services``, audited reads in ``selectors``."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from huisvanhetkind.core.forms import add_service_errors
from huisvanhetkind.core.http import private_response
from huisvanhetkind.core.pdf import pdf_response
from huisvanhetkind.familyplans import access, selectors, services
from huisvanhetkind.familyplans.forms import (
    ActionForm,
    AgreementForm,
    ChildForm,
    GoalForm,
    PartnerForm,
    PlanForm,
    ReviewForm,
    StatusForm,
    VisibilityForm,
)
from huisvanhetkind.familyplans.models import Goal, SetVia
from huisvanhetkind.familyplans.workflow import ActionStatus, action_next_states
from huisvanhetkind.network.access import (
    active_member_organisations,
    member_organisation_ids,
    professional_required,
)
from huisvanhetkind.network.models import House, Organisation, Partnership
from huisvanhetkind.network.selectors import organisation_members

# The session key under which a new family link waits to be shown once.
JUST_LINKED = "familyplan_family_link"


@professional_required
def index(request):
    today = timezone.localdate()
    plans = selectors.plans_listed(
        actor=request.user, organisation_ids=member_organisation_ids(request.user), today=today
    )
    return private_response(
        render(
            request,
            "familyplans/index.html",
            {
                "plans": plans,
                "today": today,
                "can_make": bool(active_member_organisations(request.user)),
            },
        )
    )


@professional_required
def new(request):
    organisations = active_member_organisations(request.user)
    form = PlanForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        organisation = form.cleaned_data["organisation"]
        house = (
            House.objects.filter(
                partnerships__organisation=organisation,
                partnerships__status=Partnership.Status.ACTIVE,
            )
            .order_by("pk")
            .first()
        )
        data = form.cleaned_data
        try:
            plan = services.plan_make(
                actor=request.user,
                house=house,
                organisation=organisation,
                family_name=data["family_name"],
                email=data["email"],
                phone=data["phone"],
                language=data["language"],
                consent=form.consent(),
                family_present=data["family_present"],
                review_on=data["review_on"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Het gezinsplan is gemaakt."))
            return redirect("familyplans:detail", pk=plan.pk)
    status = 400 if form.is_bound else 200
    return private_response(
        render(
            request,
            "familyplans/new.html",
            {"form": form, "can_make": bool(organisations)},
            status=status,
        )
    )


def _people(partner_ids):
    choices = []
    for organisation in Organisation.objects.filter(pk__in=partner_ids).order_by("name"):
        for person in organisation_members(organisation):
            name = person.get_full_name() or person.email
            choices.append((person.pk, f"{name} ({organisation.name})"))
    return choices


def _context(request, seen: access.PlanAccess, **forms) -> dict:
    today = timezone.localdate()
    plan = seen.plan
    view = selectors.plan_read(
        actor=request.user, plan=plan, organisation=seen.organisation, today=today
    )
    current = Organisation.objects.filter(pk__in=view.current_partner_ids)
    candidates = (
        Organisation.objects.filter(
            partnerships__house=plan.house, partnerships__status=Partnership.Status.ACTIVE
        )
        .exclude(pk__in=view.current_partner_ids)
        .order_by("name")
    )
    goals = Goal.objects.filter(pk__in=[g.pk for g in view.goals])
    for goal in view.goals:
        goal.visibility_form = (
            forms.get("visibility_form")
            if forms.get("visibility_goal") == goal.pk
            else VisibilityForm(
                prefix=f"zicht-{goal.pk}",
                partners=current,
                initial={"visible_to": list(goal.visible_to.all())},
            )
        )
        for action in goal.actions.all():
            action.next_states = [ActionStatus(s) for s in action_next_states(action.status)]
            action.late = action.is_late(today)
    for goal in view.awaiting_agreement:
        goal.agreement_form = (
            forms.get("agreement_form")
            if forms.get("agreement_goal") == goal.pk
            else AgreementForm(prefix=f"akkoord-{goal.pk}")
        )
    return {
        "plan": plan,
        "view": view,
        "organisation": seen.organisation,
        "today": today,
        "active": plan.is_active,
        "partner_form": forms.get("partner_form") or PartnerForm(organisations=candidates),
        "can_add_partner": candidates.exists(),
        "child_form": forms.get("child_form") or ChildForm(),
        "goal_form": forms.get("goal_form")
        or GoalForm(children=plan.family.children.all(), partners=current),
        "action_form": forms.get("action_form")
        or ActionForm(goals=goals, partners=current, people=_people(view.current_partner_ids)),
        "review_form": forms.get("review_form")
        or ReviewForm(initial={"review_on": services.default_review_on(today)}),
        "status_errors": forms.get("status_errors"),
        "family_link": request.session.pop(JUST_LINKED, {}).get(str(plan.pk)),
    }


def _page(request, seen, *, status=200, **forms):
    return private_response(
        render(request, "familyplans/detail.html", _context(request, seen, **forms), status=status)
    )


@professional_required
def detail(request, pk):
    return _page(request, access.get_plan_for_user(request.user, pk))


@professional_required
def pdf(request, pk):
    """The plan as this organisation sees it, as a PDF."""
    seen = access.get_plan_for_user(request.user, pk)
    today = timezone.localdate()
    view = selectors.plan_read(
        actor=request.user, plan=seen.plan, organisation=seen.organisation, today=today
    )
    response = pdf_response(
        request,
        "familyplans/plan_pdf.html",
        {"plan": seen.plan, "view": view, "today": today, "for_family": False},
        filename=_("gezinsplan"),
    )
    return private_response(response)


def _post(request, pk, form, call, *, key, success, extra=None):
    """One form of the plan's page: valid and accepted by the service, back to the page with a
    message; otherwise the page again with the errors (400), nothing changed."""
    seen = access.get_plan_for_user(request.user, pk)
    if form.is_valid():
        try:
            call(seen, form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, success)
            return redirect("familyplans:detail", pk=seen.plan.pk)
    return _page(request, seen, status=400, **{key: form}, **(extra or {}))


@professional_required
@require_POST
def partner_add(request, pk):
    candidates = Organisation.objects.filter(
        partnerships__status=Partnership.Status.ACTIVE
    ).distinct()
    form = PartnerForm(request.POST, organisations=list(candidates))
    return _post(
        request,
        pk,
        form,
        lambda seen, data: services.plan_partner_add(
            actor=request.user,
            plan=seen.plan,
            organisation=data["organisation"],
            consent=form.consent(),
            family_present=data["family_present"],
        ),
        key="partner_form",
        success=_("De partner neemt deel aan het gezinsplan."),
    )


@professional_required
@require_POST
def child_add(request, pk):
    return _post(
        request,
        pk,
        ChildForm(request.POST),
        lambda seen, data: services.plan_child_add(
            actor=request.user,
            plan=seen.plan,
            first_name=data["first_name"],
            birth_date=data["birth_date"],
        ),
        key="child_form",
        success=_("Het kind is toegevoegd."),
    )


def _all_partners(plan):
    return Organisation.objects.filter(family_plan_parts__plan=plan)


@professional_required
@require_POST
def goal_add(request, pk):
    seen = access.get_plan_for_user(request.user, pk)
    form = GoalForm(
        request.POST,
        children=seen.plan.family.children.all(),
        partners=_all_partners(seen.plan),
    )
    return _post(
        request,
        pk,
        form,
        lambda seen, data: services.goal_add(
            actor=request.user,
            plan=seen.plan,
            text=data["text"],
            child=data["child"],
            visible_to=list(data["visible_to"]),
            family_present=data["family_present"],
            child_agrees=data["child_agrees"],
        ),
        key="goal_form",
        success=_("Het doel is toegevoegd."),
    )


@professional_required
@require_POST
def goal_visibility(request, pk, goal_pk):
    seen = access.get_plan_for_user(request.user, pk)
    goal = access.get_goal_for_partner(seen, goal_pk)
    form = VisibilityForm(
        request.POST, prefix=f"zicht-{goal.pk}", partners=_all_partners(seen.plan)
    )
    return _post(
        request,
        pk,
        form,
        lambda seen, data: services.goal_visibility_set(
            goal=goal,
            organisations=list(data["visible_to"]),
            via=SetVia.WITH_FAMILY,
            actor=request.user,
            family_present=data["family_present"],
        ),
        key="visibility_form",
        success=_("Het gezin koos wie het doel ziet."),
        extra={"visibility_goal": goal.pk},
    )


@professional_required
@require_POST
def goal_agreement(request, pk, goal_pk):
    seen = access.get_plan_for_user(request.user, pk)
    goal = access.get_goal_awaiting_agreement(seen, goal_pk)
    return _post(
        request,
        pk,
        AgreementForm(request.POST, prefix=f"akkoord-{goal.pk}"),
        lambda seen, data: services.goal_child_agree(
            goal=goal,
            via=SetVia.WITH_FAMILY,
            actor=request.user,
            family_present=data["young_person_present"],
        ),
        key="agreement_form",
        success=_("Het akkoord van de jongere is genoteerd."),
        extra={"agreement_goal": goal.pk},
    )


@professional_required
@require_POST
def action_add(request, pk):
    seen = access.get_plan_for_user(request.user, pk)
    today = timezone.localdate()
    partner_ids = services.current_partner_ids(seen.plan, today)
    form = ActionForm(
        request.POST,
        goals=seen.plan.goals.all(),
        partners=Organisation.objects.filter(pk__in=partner_ids),
        people=_people(partner_ids),
    )

    def call(seen, data):
        person = None
        if data["person"]:
            person = organisation_members(data["organisation"]).filter(pk=data["person"]).first()
            if person is None:
                raise ValidationError({"person": _("Kies iemand die voor deze organisatie werkt.")})
        services.action_add(
            actor=request.user,
            plan=seen.plan,
            goal=data["goal"],
            what=data["what"],
            organisation=data["organisation"],
            person=person,
            due_on=data["due_on"],
            support=data["support"],
        )

    return _post(
        request, pk, form, call, key="action_form", success=_("De afspraak is toegevoegd.")
    )


@professional_required
@require_POST
def action_status(request, pk, action_pk):
    seen = access.get_plan_for_user(request.user, pk)
    action = access.get_action_for_partner(seen, action_pk)
    form = StatusForm(request.POST)
    if form.is_valid():
        try:
            services.action_transition(
                actor=request.user, action=action, status=form.cleaned_data["status"]
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(request, _("De status van de afspraak is aangepast."))
            return redirect(
                reverse("familyplans:detail", kwargs={"pk": seen.plan.pk})
                + f"#afspraak-{action.pk}"
            )
    errors = [e for errors in form.errors.values() for e in errors]
    return _page(request, seen, status=400, status_errors={"action": action.pk, "errors": errors})


@professional_required
@require_POST
def review(request, pk):
    return _post(
        request,
        pk,
        ReviewForm(request.POST),
        lambda seen, data: services.plan_review(
            actor=request.user, plan=seen.plan, review_on=data["review_on"]
        ),
        key="review_form",
        success=_("De evaluatie is genoteerd."),
    )


@professional_required
@require_POST
def family_link(request, pk):
    seen = access.get_plan_for_user(request.user, pk)
    try:
        token = services.plan_family_link(actor=request.user, plan=seen.plan)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        request.session[JUST_LINKED] = {
            str(seen.plan.pk): request.build_absolute_uri(
                reverse(
                    "familyplans:family",
                    kwargs={"house_slug": seen.plan.house.slug, "token": token},
                )
            )
        }
    return redirect("familyplans:detail", pk=seen.plan.pk)


@professional_required
@require_POST
def close(request, pk):
    seen = access.get_plan_for_user(request.user, pk)
    if request.POST.get("confirm") != "ja":
        messages.error(request, _("Bevestig dat u het plan wil afsluiten."))
        return redirect("familyplans:detail", pk=seen.plan.pk)
    try:
        services.plan_close(actor=request.user, plan=seen.plan)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Het gezinsplan is afgesloten."))
    return redirect("familyplans:detail", pk=seen.plan.pk)


@professional_required
def counts(request):
    house = access.get_house_for_counts(request.user, request.house)
    return render(
        request,
        "familyplans/counts.html",
        {"house": house, "counts": selectors.house_counts(house, timezone.localdate())},
    )
