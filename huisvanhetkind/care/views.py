"""The signal index's pages: record a signal, the organisation's signals with their matches,
one signal (matches, lead, withdraw, parent link), the parent's page and the coordinator's
counts. Views are thin: access in ``access``, writes in ``services``, audited reads in
``selectors``."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from huisvanhetkind.care import access, selectors, services
from huisvanhetkind.care.forms import LeadForm, SignalForm, WithdrawForm
from huisvanhetkind.core.forms import add_service_errors
from huisvanhetkind.core.http import private_response
from huisvanhetkind.network.access import (
    active_member_organisations,
    member_organisation_ids,
    professional_required,
)
from huisvanhetkind.network.models import House, Partnership

# The session key under which a new parent link waits to be shown once.
JUST_LINKED = "care_parent_link"


@professional_required
def index(request):
    today = timezone.localdate()
    signals = selectors.signals_read(
        actor=request.user,
        signals=list(selectors.organisation_signals(member_organisation_ids(request.user), today)),
        today=today,
    )
    return render(request, "care/index.html", {"signals": signals})


@professional_required
def new(request):
    organisations = active_member_organisations(request.user)
    form = SignalForm(request.POST or None, organisations=organisations)
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
        try:
            signal = services.signal_record(
                actor=request.user,
                house=house,
                organisation=organisation,
                number=form.cleaned_data["number"],
                child_name=form.cleaned_data["child_name"],
                child_birth_date=form.cleaned_data["child_birth_date"],
                domain=form.cleaned_data["domain"],
                parent_number=form.cleaned_data["parent_number"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Het signaal is bewaard."))
            return redirect("care:detail", pk=signal.pk)
    if form.is_bound:
        # Never send a national number back to the browser.
        data = form.data.copy()
        data["number"] = data["parent_number"] = ""
        form.data = data
    return render(request, "care/new.html", {"form": form, "can_signal": bool(organisations)})


def _detail_context(request, signal, **forms):
    today = timezone.localdate()
    matched = selectors.signal_read(actor=request.user, signal=signal, today=today)
    group = list(selectors.same_child(signal, today))
    return {
        "signal": signal,
        "matches": matched,
        "lead": next((s for s in group if s.is_lead), None),
        "live": signal.is_live(today),
        "lead_form": forms.get("lead_form") or LeadForm(candidates=group),
        "can_choose_lead": len({s.organisation_id for s in group}) > 1,
        "withdraw_form": forms.get("withdraw_form") or WithdrawForm(),
        "parent_link": request.session.pop(JUST_LINKED, {}).get(str(signal.pk)),
    }


@professional_required
def detail(request, pk):
    signal = access.get_signal_for_user(request.user, pk)
    return private_response(render(request, "care/detail.html", _detail_context(request, signal)))


@professional_required
@require_POST
def withdraw(request, pk):
    signal = access.get_signal_for_user(request.user, pk)
    form = WithdrawForm(request.POST)
    if form.is_valid():
        try:
            services.signal_withdraw(
                actor=request.user, signal=signal, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(request, _("Het signaal is ingetrokken."))
            return redirect("care:index")
    return render(
        request,
        "care/detail.html",
        _detail_context(request, signal, withdraw_form=form),
        status=400,
    )


@professional_required
@require_POST
def lead(request, pk):
    signal = access.get_signal_for_user(request.user, pk)
    today = timezone.localdate()
    form = LeadForm(request.POST, candidates=list(selectors.same_child(signal, today)))
    if form.is_valid():
        chosen = selectors.same_child(signal, today).filter(pk=form.cleaned_data["lead"]).first()
        try:
            services.signal_make_lead(actor=request.user, signal=signal, lead=chosen)
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(request, _("De regievoerder is aangepast."))
            return redirect("care:detail", pk=signal.pk)
    return render(
        request, "care/detail.html", _detail_context(request, signal, lead_form=form), status=400
    )


@professional_required
@require_POST
def parent_link(request, pk):
    signal = access.get_signal_for_user(request.user, pk)
    try:
        token = services.signal_parent_link(actor=request.user, signal=signal)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        request.session[JUST_LINKED] = {
            str(signal.pk): request.build_absolute_uri(
                reverse("care:parent", kwargs={"house_slug": signal.house.slug, "token": token})
            )
        }
    return redirect("care:detail", pk=signal.pk)


def parent(request, token):
    """The parent's page: which organisations signalled their child, and since when."""
    signal = access.get_signal_for_parent(request.house.slug, token)
    today = timezone.localdate()
    asked = False
    if request.method == "POST" and request.POST.get("action") == "remove":
        services.signal_request_removal(signal=signal)
        asked = True
    signal.refresh_from_db()
    involved = selectors.parent_read(signal=signal, today=today)
    return private_response(
        render(
            request,
            "care/parent.html",
            {"signal": signal, "involved": involved, "asked": asked, "house": signal.house},
        )
    )


@professional_required
def counts(request):
    house = access.get_house_for_counts(request.user, request.house)
    return render(
        request,
        "care/counts.html",
        {"house": house, "counts": selectors.house_counts(house, timezone.localdate())},
    )
