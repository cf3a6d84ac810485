"""The family's side of its plan, behind the signed link a professional of the plan gives it.

The token in the address is the key (only its digest is stored); an unknown, tampered or
replaced link, or a plan that was erased, gives the same 404. The family reads its whole plan
(every goal, agreement and status, which organisations take part and which see each goal),
comments on it or on one goal, chooses who sees each goal, lets a young person of 12 or older
agree with a goal about them, prints the plan as a PDF, and can ask that the plan be erased
(after a confirmation step). The pages are in the family's language until the visitor picks
another one; every answer carries the private-page headers.
"""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from huisvanhetkind.core.http import private_response
from huisvanhetkind.core.pdf import pdf_response
from huisvanhetkind.familyplans import access, selectors, services
from huisvanhetkind.familyplans.forms import CommentForm, FamilyVisibilityForm
from huisvanhetkind.familyplans.models import FamilyPlan, SetVia
from huisvanhetkind.network.models import Organisation


def _language(request, plan: FamilyPlan) -> str:
    if settings.LANGUAGE_COOKIE_NAME not in request.COOKIES and plan.language in dict(
        settings.LANGUAGES
    ):
        return plan.language
    return request.LANGUAGE_CODE


def _in_language(request, plan, render_page):
    language = _language(request, plan)
    with translation.override(language):
        request.LANGUAGE_CODE = language
        response = render_page()
    response["Content-Language"] = language
    return response


def _plan(request, token) -> FamilyPlan:
    try:
        return access.get_plan_for_family(request.house, token)
    except Http404:
        raise Http404 from None


def _invalid(request):
    return private_response(
        render(request, "familyplans/family_invalid.html", {"house": request.house}, status=404)
    )


def family(request, token):
    try:
        plan = _plan(request, token)
    except Http404:
        return _invalid(request)
    return _in_language(request, plan, lambda: _family_page(request, plan))


def _partners(plan):
    return Organisation.objects.filter(family_plan_parts__plan=plan)


def _handle_post(request, plan, forms: dict):
    """One of the family's actions; returns a response, or None to show the page with the
    errors in ``forms``."""
    action = request.POST.get("action")
    if action == "comment":
        form = CommentForm(request.POST, goals=plan.goals.all())
        if form.is_valid():
            try:
                services.comment_add(
                    plan=plan, text=form.cleaned_data["text"], goal=form.cleaned_data["goal"]
                )
            except ValidationError as error:
                form.add_error(None, error.messages)
            else:
                messages.success(request, _("Bedankt. Je opmerking staat bij je plan."))
                return redirect(request.path)
        forms["comment_form"] = form
        return None
    if action in ("visibility", "agree"):
        goal = plan.goals.filter(pk=_int(request.POST.get("goal"))).first()
        if goal is None:
            return redirect(request.path)
        try:
            if action == "agree":
                services.goal_child_agree(goal=goal, via=SetVia.FAMILY_LINK)
                messages.success(request, _("Bedankt. Je akkoord is genoteerd."))
                return redirect(request.path)
            form = FamilyVisibilityForm(
                request.POST, prefix=f"zicht-{goal.pk}", partners=_partners(plan)
            )
            if form.is_valid():
                services.goal_visibility_set(
                    goal=goal,
                    organisations=list(form.cleaned_data["visible_to"]),
                    via=SetVia.FAMILY_LINK,
                )
                messages.success(request, _("Bewaard. Alleen wie je aanvinkte, ziet dit doel."))
                return redirect(request.path)
            forms["visibility"] = {goal.pk: form}
            return None
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(request.path)
    if action == "erase" and request.POST.get("confirm") == "ja":
        services.plan_erase_request(plan=plan)
        return private_response(
            render(request, "familyplans/family_erased.html", {"house": request.house})
        )
    return redirect(request.path)


def _int(value) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return 0
    return number if 0 < number < 2**31 else 0


def _family_page(request, plan):
    forms: dict = {}
    status = 200
    if request.method == "POST":
        response = _handle_post(request, plan, forms)
        if response is not None:
            return response
        status = 400
    today = timezone.localdate()
    if request.GET.get("stap") == "wissen" and plan.erase_requested_at is None:
        return private_response(
            render(request, "familyplans/family_erase.html", {"house": plan.house, "plan": plan})
        )
    plan.refresh_from_db()
    view = selectors.family_read(plan=plan, today=today)
    partners = _partners(plan)
    chosen = forms.get("visibility", {})
    for goal in view.goals:
        goal.needs_agreement = goal in view.awaiting_agreement
        goal.form = chosen.get(goal.pk) or FamilyVisibilityForm(
            prefix=f"zicht-{goal.pk}",
            partners=partners,
            initial={"visible_to": list(goal.visible_to.all())},
        )
    context = {
        "house": plan.house,
        "plan": plan,
        "view": view,
        "today": today,
        "comment_form": forms.get("comment_form") or CommentForm(goals=plan.goals.all()),
    }
    return private_response(render(request, "familyplans/family.html", context, status=status))


def family_pdf(request, token):
    try:
        plan = _plan(request, token)
    except Http404:
        return _invalid(request)

    def page():
        today = timezone.localdate()
        view = selectors.family_read(plan=plan, today=today)
        return pdf_response(
            request,
            "familyplans/plan_pdf.html",
            {"plan": plan, "view": view, "today": today, "for_family": True},
            filename=_("ons gezinsplan"),
        )

    return private_response(_in_language(request, plan, page))
