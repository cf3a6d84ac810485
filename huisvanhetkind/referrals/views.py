"""The professionals' referral pages: a new referral (fill in, check, send), the received and
the sent referrals, one referral with its actions, and the house's rules.

The journey stores nothing until "Verstuur": the form is checked by the services' own checks,
shown read-only with its values in hidden fields, and only then sent. The family's link and
short code exist in clear only in that moment: they are kept in the session until the next
page shows them once.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from huisvanhetkind.catalogue.models import Service
from huisvanhetkind.core.http import private_response
from huisvanhetkind.core.pagination import list_page
from huisvanhetkind.network.access import (
    get_house_for_coordinator,
    member_organisation_ids,
    professional_required,
)
from huisvanhetkind.questions.numbers import ascii_int
from huisvanhetkind.referrals import access, selectors, services
from huisvanhetkind.referrals.codes import format_short_code
from huisvanhetkind.referrals.forms import (
    AssignForm,
    DeclineForm,
    ListFilterForm,
    PolicyForm,
    ReferralForm,
    add_service_error,
)
from huisvanhetkind.referrals.workflow import Actor, ReferralStatus, next_states

S = ReferralStatus
PAGE_SIZE = 25
# The session key under which the family's link and code wait to be shown once.
JUST_SENT = "referrals_just_sent"
# What another page (a bridge worker's family) fills in for the next journey, once.
PREFILL = "referrals_prefill"


def prefill_journey(request, initial: dict) -> None:
    """Let the next new referral start with ``initial`` (field name to value) filled in."""
    request.session[PREFILL] = initial


# The actions of the detail page: the address's last part, the state it moves to, the button.
ACTIONS = {
    "aanvaarden": (S.ACCEPTED, gettext_lazy("Aanvaarden")),
    "weigeren": (S.DECLINED, gettext_lazy("Weigeren")),
    "contact-opgenomen": (S.CONTACTED, gettext_lazy("We namen contact op met het gezin")),
    "wachtlijst": (S.WAITLISTED, gettext_lazy("Het gezin staat op de wachtlijst")),
    "niet-bereikt": (S.NOT_REACHED, gettext_lazy("We kregen geen contact met het gezin")),
    "geholpen": (S.GOT_HELP, gettext_lazy("Het gezin is geholpen")),
    "niet-geholpen": (S.NO_HELP, gettext_lazy("We konden het gezin niet helpen")),
    "niet-meer-nodig": (S.NOT_INTERESTED, gettext_lazy("Het gezin heeft de hulp niet meer nodig")),
    "afsluiten": (S.CLOSED, gettext_lazy("Afsluiten")),
    "intrekken": (S.WITHDRAWN, gettext_lazy("Doorverwijzing intrekken")),
}
SLUG_OF_STATE = {state: slug for slug, (state, _label) in ACTIONS.items()}
# Moves the page offers no button for: opening the referral marks it received.
NO_BUTTON = {S.RECEIVED, S.DECLINED}


def _filtered(referrals, request):
    form = ListFilterForm(request.GET or None)
    if form.is_bound and form.is_valid():
        status = form.cleaned_data.get("status")
        if status == ListFilterForm.RUNNING:
            referrals = referrals.running()
        elif status:
            referrals = referrals.filter(status=status)
        if form.cleaned_data.get("laat"):
            referrals = referrals.late(timezone.localdate())
    return form, list_page(referrals, request.GET.get("pagina"), size=PAGE_SIZE)


def _list(request, *, received: bool):
    organisation_ids = member_organisation_ids(request.user)
    referrals = (
        selectors.received_referrals(organisation_ids)
        if received
        else selectors.sent_referrals(organisation_ids)
    )
    form, page = _filtered(referrals, request)
    return render(
        request,
        "referrals/inbox.html" if received else "referrals/sent.html",
        {
            "form": form,
            "page": page,
            "received": received,
            "today": timezone.localdate(),
        },
    )


@professional_required
def inbox(request):
    """The referrals the user's organisations received."""
    return _list(request, received=True)


@professional_required
def sent(request):
    """The referrals sent on behalf of the user's organisations."""
    return _list(request, received=False)


# --- The journey --------------------------------------------------------------------------------


def _service_from_query(request) -> Service | None:
    pk = ascii_int(request.GET.get("dienst", ""))
    if not pk:
        return None
    return Service.objects.select_related("organisation").filter(pk=pk).first()


def _check(form: ReferralForm, user) -> bool:
    """The form and the services' own checks (nothing is stored)."""
    if not form.is_valid():
        return False
    arguments = form.send_arguments()
    try:
        services.referral_check_target(
            actor=user,
            house=arguments["house"],
            from_organisation=arguments["from_organisation"],
            to_organisation=arguments["to_organisation"],
            service=arguments["service"],
        )
    except ValidationError as error:
        add_service_error(form, error)
    try:
        services.consent_check(
            **arguments["consent"],
            child_birth_date=(arguments["child"] or {}).get("birth_date"),
        )
    except ValidationError as error:
        add_service_error(form, error)
    return not form.errors


@professional_required
def new(request):
    """A new referral: one page to fill in, a page to check it, then "Verstuur"."""
    user = request.user
    service = _service_from_query(request) if request.method == "GET" else None
    initial = request.session.pop(PREFILL, None) if request.method == "GET" else None
    form = ReferralForm(request.POST or None, user=user, service=service, initial=initial)
    if not form.can_refer:
        return render(request, "referrals/new.html", {"form": form}, status=200)
    if service is not None and not form.offers(service):
        if service.organisation_id in member_organisation_ids(user):
            messages.error(
                request,
                _("Dit aanbod is van je eigen organisatie: verwijs door naar een andere partner."),
            )
        else:
            messages.error(
                request,
                _("Naar dit aanbod kan je niet doorverwijzen: kies een partner uit de lijst."),
            )
    step = request.POST.get("stap", "")
    if request.method != "POST" or step == "wijzigen":
        return render(request, "referrals/new.html", {"form": form})
    if not _check(form, user):
        return render(request, "referrals/new.html", {"form": form}, status=400)
    if step != "versturen":
        return private_response(
            render(request, "referrals/new_check.html", {"form": form, **form.review()})
        )
    try:
        referral, token, code = services.referral_send(actor=user, **form.send_arguments())
    except ValidationError as error:
        add_service_error(form, error)
        return render(request, "referrals/new.html", {"form": form}, status=400)
    request.session[JUST_SENT] = {"pk": referral.pk, "token": token, "code": code}
    messages.success(request, _("De doorverwijzing is verstuurd."))
    return redirect("referrals:detail", pk=referral.pk)


# --- One referral -------------------------------------------------------------------------------


def _just_sent(request, referral) -> dict | None:
    """The family's link and code, once, right after sending (then forgotten)."""
    sent_now = request.session.get(JUST_SENT)
    if not sent_now or sent_now.get("pk") != referral.pk:
        return None
    del request.session[JUST_SENT]
    return {
        "code": format_short_code(sent_now["code"]),
        "url": request.build_absolute_uri(services.family_url(referral, sent_now["token"])),
    }


def _actions(referral, side) -> list[tuple[str, str]]:
    return [
        (SLUG_OF_STATE[state], ACTIONS[SLUG_OF_STATE[state]][1])
        for state in next_states(referral.status, side)
        if state not in NO_BUTTON and state in SLUG_OF_STATE
    ]


def _render_detail(request, referral, side, *, status=200, **forms):
    user = request.user
    if side == Actor.RECEIVER:
        referral = services.referral_open(referral=referral, actor=user)
    else:
        selectors.referral_read(referral, user)
    running = referral.is_running and not referral.erased_at
    context = {
        "referral": referral,
        "side": side,
        "receiving": side == Actor.RECEIVER,
        "consent": referral.consent,
        "categories": services.shared_data(referral.consent),
        "history": selectors.referral_history(referral),
        "today": timezone.localdate(),
        "late": referral.is_late(),
        "actions": _actions(referral, side),
        "decline_form": None,
        "assign_form": None,
        "just_sent": _just_sent(request, referral) if side == Actor.REFERRER else None,
        "can_print_slip": side == Actor.REFERRER and running,
        "can_resend_link": side == Actor.REFERRER
        and running
        and bool(referral.family and referral.family.email),
    }
    if S.DECLINED in next_states(referral.status, side):
        context["decline_form"] = forms.get("decline_form") or DeclineForm()
    if side == Actor.RECEIVER and running:
        context["assign_form"] = forms.get("assign_form") or AssignForm(
            organisation=referral.to_organisation, initial={"handler": referral.handler_id}
        )
    # What the family shared (and, once, its link and code) is kept out of every cache.
    return private_response(render(request, "referrals/detail.html", context, status=status))


@professional_required
def detail(request, pk):
    referral, side = access.get_referral_for_user(request.user, pk)
    return _render_detail(request, referral, side)


@professional_required
@require_POST
def action(request, pk, action):
    referral, side = access.get_referral_for_user(request.user, pk)
    user = request.user
    forms = {}
    try:
        if action == "toewijzen":
            form = forms["assign_form"] = AssignForm(
                request.POST, organisation=referral.to_organisation
            )
            if form.is_valid():
                services.referral_assign(
                    referral=referral, handler=form.cleaned_data["handler"], actor=user
                )
                messages.success(request, _("De behandelaar is bewaard."))
        elif action == "nieuwe-link":
            services.referral_family_link_resend(referral=referral, actor=user)
            messages.success(request, _("Het gezin krijgt een nieuwe link per e-mail."))
        elif action in ACTIONS:
            to = ACTIONS[action][0]
            actor_kind = Actor.REFERRER if to == S.WITHDRAWN else Actor.RECEIVER
            arguments = {}
            if to == S.DECLINED:
                form = forms["decline_form"] = DeclineForm(request.POST)
                if not form.is_valid():
                    raise _FormRefused
                arguments = form.cleaned_data
            services.referral_transition(
                referral=referral,
                to=to,
                actor_kind=actor_kind,
                actor=user,
                expected=request.POST.get("expected", ""),
                **arguments,
            )
            messages.success(
                request,
                _("De doorverwijzing is nu “%(status)s”.") % {"status": ReferralStatus(to).label},
            )
        else:
            raise Http404
    except _FormRefused:
        pass
    except ValidationError as error:
        form = forms.get("decline_form")
        if form is not None and hasattr(error, "error_dict"):
            add_service_error(form, error)
        else:
            for message in error.messages:
                messages.error(request, message)
            return redirect("referrals:detail", pk=referral.pk)
    if any(form.errors for form in forms.values()):
        referral.refresh_from_db()
        return _render_detail(request, referral, side, status=400, **forms)
    return redirect("referrals:detail", pk=referral.pk)


class _FormRefused(Exception):
    """A form of the detail page did not validate: the page shows it again with its errors."""


# --- The house's rules --------------------------------------------------------------------------


@professional_required
def policy(request):
    """The coordinator sets within how many working days partners answer a referral."""
    house = get_house_for_coordinator(request.user, request.house)
    form = PolicyForm(
        request.POST or None, initial={"response_days": selectors.response_days(house)}
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.referral_policy_update(
                    house=house,
                    response_days=form.cleaned_data["response_days"],
                    actor=request.user,
                )
            except ValidationError as error:
                form.add_error("response_days", error)
            else:
                messages.success(request, _("De antwoordtermijn is bewaard."))
                return redirect("referrals:policy", house_slug=house.slug)
        status = 400
    return render(request, "referrals/policy.html", {"house": house, "form": form}, status=status)
