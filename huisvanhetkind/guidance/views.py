"""The pages of bridge workers (their caseload, one family, signals to policy) and the
coordinator's counts. Thin: access in ``access``, reads in ``selectors``, writes in ``services``."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from huisvanhetkind.core.forms import add_service_errors
from huisvanhetkind.core.http import private_response
from huisvanhetkind.guidance import access, selectors, services
from huisvanhetkind.guidance.forms import (
    CaseloadStartForm,
    ConsentForm,
    ContactForm,
    EndForm,
    HelpQuestionForm,
    NextContactForm,
    PolicySignalForm,
    ReassignForm,
    WithdrawForm,
)
from huisvanhetkind.network.access import is_coordinator, professional_required
from huisvanhetkind.questions.numbers import ascii_int, page_number
from huisvanhetkind.referrals.views import prefill_journey

PAGE_SIZE = 25

# The forms of a family's page, by the action that posts them: (form class, prefix).
FORMS = {
    "hulpvraag": (HelpQuestionForm, "hulpvraag"),
    "contact": (ContactForm, "contact"),
    "volgend-contact": (NextContactForm, "volgend"),
    "afsluiten": (EndForm, "einde"),
    "toestemming-intrekken": (WithdrawForm, "intrekken"),
    "toestemming-verlengen": (ConsentForm, "verlengen"),
}


# --- The bridge worker's caseload ---------------------------------------------------------------


@professional_required
def caseload(request):
    """The families a bridge worker guides (an organisation's admin: the organisation's), by
    their next contact; ``?beeindigd=1`` shows the ended guidance."""
    user = request.user
    if not access.has_caseload_page(user):
        raise Http404
    ended = request.GET.get("beeindigd") == "1"
    entries = selectors.caseload_list(access.caseload_for_user(user), ended=ended)
    page = Paginator(entries, PAGE_SIZE).get_page(page_number(request.GET.get("pagina")))
    page.object_list = selectors.caseload_list_read(page.object_list, user)
    roles = access.bridge_worker_roles(user)
    return private_response(
        render(
            request,
            "guidance/caseload.html",
            {
                "page": page,
                "ended": ended,
                "roles": roles,
                "is_admin": bool(access.admin_organisation_ids(user)),
                "today": timezone.localdate(),
            },
        )
    )


@professional_required
def caseload_new(request):
    """A bridge worker starts guiding a family, with its consent."""
    house = request.house
    role = access.get_bridge_worker_role_for_user(request.user, house)
    form = CaseloadStartForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                entry = services.caseload_start(
                    actor=request.user,
                    house=house,
                    family=form.family(),
                    consent=form.consent(),
                    next_contact_on=form.cleaned_data.get("next_contact_on"),
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Het gezin staat nu in je begeleiding."))
                return redirect("guidance:detail", pk=entry.pk)
        status = 400
    return private_response(
        render(
            request,
            "guidance/caseload_new.html",
            {"house": house, "role": role, "form": form},
            status=status,
        )
    )


def _render_detail(request, entry, *, status=200, **bound):
    """One family's guidance: ``caseload_read`` hands it out and audits the read, also when a
    refused form shows the page again."""
    shown = selectors.caseload_read(entry, request.user)
    guides = access.guides(request.user, entry)
    can_guide = guides and entry.is_active
    # The family can withdraw its consent as long as its data is kept, also after the end.
    can_withdraw = guides and entry.erased_at is None
    forms = {}
    if can_guide:
        for form_class, prefix in FORMS.values():
            forms[prefix] = bound.get(prefix) or form_class(prefix=prefix)
        if "volgend" not in bound:
            forms["volgend"] = NextContactForm(
                prefix="volgend", initial={"next_contact_on": entry.next_contact_on}
            )
    elif can_withdraw:
        forms["intrekken"] = bound.get("intrekken") or WithdrawForm(prefix="intrekken")
    reassign_form = None
    if access.administers(request.user, entry) and entry.is_active:
        reassign_form = bound.get("overdragen") or ReassignForm(
            prefix="overdragen", colleagues=selectors.colleague_bridge_workers(entry)
        )
    return private_response(
        render(
            request,
            "guidance/caseload_detail.html",
            {
                "entry": shown.entry,
                "page": shown,
                "can_guide": can_guide,
                "can_withdraw": can_withdraw,
                "forms": forms,
                "reassign_form": reassign_form,
                "today": timezone.localdate(),
            },
            status=status,
        )
    )


@professional_required
def caseload_detail(request, pk):
    entry = access.get_caseload_entry_for_user(request.user, pk)
    return _render_detail(request, entry)


@professional_required
def caseload_refer(request, pk):
    """Start a referral of this family with what the guidance knows filled in."""
    entry = access.get_caseload_entry_for_bridge_worker(request.user, pk)
    prefill_journey(request, selectors.referral_prefill(entry, request.user))
    return redirect("referrals:new")


@professional_required
@require_POST
def caseload_action(request, pk, action):
    """The bridge worker's changes to a guidance (and the admin's handing over)."""
    user = request.user
    if action == "overdragen":
        entry = access.get_caseload_entry_for_admin(user, pk)
        form = ReassignForm(
            request.POST, prefix="overdragen", colleagues=selectors.colleague_bridge_workers(entry)
        )
        bound = {"overdragen": form}
    elif action in ("hulpvraag-beantwoord", "hulpvraag-heropenen"):
        question = access.get_help_question_for_bridge_worker(
            user, pk, ascii_int(request.POST.get("vraag", ""))
        )
        entry = question.entry
        form, bound = None, {}
    elif action in FORMS:
        entry = access.get_caseload_entry_for_bridge_worker(user, pk)
        form_class, prefix = FORMS[action]
        form = form_class(request.POST, prefix=prefix)
        bound = {prefix: form}
    else:
        raise Http404
    if form is not None and not form.is_valid():
        return _render_detail(request, entry, status=400, **bound)
    data = form.cleaned_data if form is not None else {}
    try:
        if action == "hulpvraag":
            services.help_question_add(entry=entry, actor=user, **data)
            messages.success(request, _("De hulpvraag is bewaard."))
        elif action == "hulpvraag-beantwoord":
            services.help_question_answer(question=question, actor=user)
            messages.success(request, _("De hulpvraag staat op beantwoord."))
        elif action == "hulpvraag-heropenen":
            services.help_question_reopen(question=question, actor=user)
            messages.success(request, _("De hulpvraag staat weer open."))
        elif action == "contact":
            services.contact_add(entry=entry, actor=user, **data)
            messages.success(request, _("Het contact is bewaard."))
        elif action == "volgend-contact":
            services.caseload_next_contact_set(
                entry=entry, actor=user, next_contact_on=data["next_contact_on"]
            )
            messages.success(request, _("Het volgende contact is gepland."))
        elif action == "afsluiten":
            services.caseload_end(entry=entry, actor=user, reason=data["reason"])
            messages.success(request, _("De begeleiding is beëindigd."))
        elif action == "toestemming-intrekken":
            services.caseload_consent_withdraw(entry=entry, actor=user)
            messages.success(
                request,
                _(
                    "De toestemming is ingetrokken: de begeleiding stopt en de gegevens zijn gewist."
                ),
            )
        elif action == "toestemming-verlengen":
            services.caseload_consent_renew(entry=entry, actor=user, consent=form.consent())
            messages.success(request, _("De nieuwe toestemming is bewaard."))
        elif action == "overdragen":
            services.caseload_reassign(entry=entry, actor=user, to_user=data["to_user"])
            messages.success(request, _("Het gezin is overgedragen."))
    except ValidationError as error:
        entry.refresh_from_db()
        # The form is shown again with the refusal on it when the page still has that form.
        if form is not None and (entry.is_active or action == "toestemming-intrekken"):
            add_service_errors(form, error)
            return _render_detail(request, entry, status=400, **bound)
        for message in error.messages:
            messages.error(request, message)
        return redirect("guidance:detail", pk=entry.pk)
    return redirect("guidance:detail", pk=entry.pk)


# --- Signals to policy --------------------------------------------------------------------------


@professional_required
def signals(request):
    """A house's signals to policy: all of them for its coordinator, a bridge worker's own."""
    house = request.house
    signals = access.get_policy_signals_for_user(request.user, house)
    page = Paginator(
        signals.select_related("domain", "age_group", "municipality", "organisation").order_by(
            "-observed_on", "-id"
        ),
        PAGE_SIZE,
    ).get_page(page_number(request.GET.get("pagina")))
    return render(
        request,
        "guidance/signals.html",
        {
            "house": house,
            "page": page,
            "is_coordinator": is_coordinator(request.user, house),
            "can_record": any(
                r.house_id == house.pk for r in access.bridge_worker_roles(request.user)
            ),
        },
    )


@professional_required
def signal_new(request):
    house = request.house
    access.get_bridge_worker_role_for_user(request.user, house)
    form = PolicySignalForm(request.POST or None, house=house)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.policy_signal_record(actor=request.user, house=house, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Je signaal is bewaard. Dank je wel."))
                return redirect("guidance:signals", house_slug=house.slug)
        status = 400
    return render(
        request, "guidance/signal_new.html", {"house": house, "form": form}, status=status
    )


# --- The coordinator: counts only ---------------------------------------------------------------


@professional_required
def figures(request):
    house = access.get_house_for_guidance_figures(request.user, request.house)
    today = timezone.localdate()
    return render(
        request,
        "guidance/figures.html",
        {"house": house, "counts": selectors.guidance_counts(house, today), "today": today},
    )
