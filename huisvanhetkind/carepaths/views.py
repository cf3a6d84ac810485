"""The care paths' pages. For professionals (``/beheer/zorgpaden/``): their organisations'
paths, starting one for a family, one path with its steps (tick, finish, skip, hand over,
answer an offer), recording a consent for another partner, stopping. For the coordinator
(``/beheer/huis/<house>/zorgpaden/``): the templates and their steps, and the figures.

Views are thin: access in ``access``, writes in ``services``, audited reads in ``selectors``."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from huisvanhetkind.carepaths import access, selectors, services
from huisvanhetkind.carepaths.forms import (
    ConsentForm,
    FamilyConsentForm,
    OfferForm,
    SkipForm,
    StartForm,
    StepTemplateForm,
    StopForm,
    TemplateForm,
    TickForm,
)
from huisvanhetkind.carepaths.workflow import StepStatus
from huisvanhetkind.core.forms import add_service_errors
from huisvanhetkind.core.http import private_response
from huisvanhetkind.network.access import (
    active_member_organisations,
    member_organisation_ids,
    professional_required,
)
from huisvanhetkind.network.models import Organisation, Partnership


def _partnerships(organisations) -> list[Partnership]:
    return list(
        Partnership.objects.filter(organisation__in=organisations, status=Partnership.Status.ACTIVE)
        .select_related("organisation", "house")
        .order_by("organisation__name", "house__name")
    )


def _house_ids(organisations) -> set[int]:
    return set(
        Partnership.objects.filter(
            organisation__in=organisations, status=Partnership.Status.ACTIVE
        ).values_list("house_id", flat=True)
    )


# --- Professionals -----------------------------------------------------------------------------


@professional_required
def index(request):
    today = timezone.localdate()
    mine = member_organisation_ids(request.user)
    paths = selectors.paths_listed(
        actor=request.user, organisation_ids=mine, today=today, page=request.GET.get("pagina")
    )
    offers = list(selectors.offers_to(mine, today)[:50])
    return private_response(
        render(
            request,
            "carepaths/index.html",
            {"paths": paths, "offers": offers, "today": today},
        )
    )


def _start_forms(request, organisations, *, start_form=None, family_form=None):
    today = timezone.localdate()
    houses = _house_ids(organisations)
    templates = list(selectors.current_templates(houses).filter(step_count__gt=0))
    consents = selectors.consents_read(
        actor=request.user,
        consents=list(
            selectors.consent_candidates([o.pk for o in organisations], houses, today)[:200]
        ),
    )
    initial = {}
    chosen = request.GET.get("toestemming", "")
    if chosen.isdigit():
        initial["consent"] = int(chosen)
    return (
        {
            "start_form": start_form
            or StartForm(initial=initial, templates=templates, consents=consents),
            "family_form": family_form
            or FamilyConsentForm(partnerships=_partnerships(organisations)),
            "can_start": bool(organisations),
            "has_templates": bool(templates),
        },
        templates,
        consents,
    )


@professional_required
def start(request):
    organisations = active_member_organisations(request.user)
    context, templates, consents = _start_forms(request, organisations)
    status = 200
    if request.method == "POST":
        form = StartForm(request.POST, templates=templates, consents=consents)
        context["start_form"] = form
        status = 400
        if form.is_valid():
            template = next(t for t in templates if t.pk == form.cleaned_data["template"])
            consent = next(c for c in consents if c.pk == form.cleaned_data["consent"])
            try:
                path = services.path_start(
                    actor=request.user,
                    template=template,
                    consent=consent,
                    reference_date=form.cleaned_data["reference_date"],
                    organisation=consent.recipient,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Het zorgpad is gestart."))
                return redirect("carepaths:detail", pk=path.pk)
    return private_response(render(request, "carepaths/start.html", context, status=status))


@professional_required
@require_POST
def family(request):
    """Record a family and its consent for the user's organisation, to start a path for it."""
    organisations = active_member_organisations(request.user)
    partnerships = _partnerships(organisations)
    form = FamilyConsentForm(request.POST, partnerships=partnerships)
    if form.is_valid():
        partnership = next(p for p in partnerships if p.pk == form.cleaned_data["partnership"])
        try:
            consent = services.family_consent_record(
                actor=request.user,
                house=partnership.house,
                organisation=partnership.organisation,
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
                phone=form.cleaned_data["phone"],
                obtained_via=form.cleaned_data["obtained_via"],
                expires_on=form.cleaned_data["expires_on"],
                purpose=_("een zorgpad volgen met het Huis van het Kind"),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("De toestemming van het gezin is genoteerd."))
            return redirect(f"{reverse('carepaths:start')}?toestemming={consent.pk}")
    context, _templates, _consents = _start_forms(request, organisations, family_form=form)
    return private_response(render(request, "carepaths/start.html", context, status=400))


def _step_forms(step, partners, bound=None):
    """The forms of one step (prefixed by the step so that the page's ids stay unique);
    ``bound`` replaces one of them with the form that was posted."""
    prefix = f"stap{step.pk}"
    forms = {
        "tick": TickForm(step=step, prefix=prefix),
        "skip": SkipForm(prefix=prefix),
        "offer": OfferForm(
            prefix=prefix, partners=partners, holder_id=step.organisation_id, kind=step.partner_kind
        ),
    }
    if bound is not None and bound[0] == step.pk:
        forms[bound[1]] = bound[2]
    return forms


def _detail(request, path, organisations, *, bound=None, consent_form=None, stop_form=None):
    today = timezone.localdate()
    seeing = {o.pk for o in organisations}
    view = selectors.path_read(actor=request.user, path=path, organisation=organisations[0])
    partners = list(selectors.house_partners(path.house))
    for step in view.steps:
        step.overdue = step.is_overdue(today)
        step.mine = step.organisation_id in seeing and path.is_running
        step.offer = step.open_offers[0] if step.open_offers else None
        step.offer_to_me = step.offer is not None and step.offer.to_organisation_id in seeing
        step.offered_by_me = step.offer is not None and step.offer.from_organisation_id in seeing
        if step.mine and step.status == StepStatus.OPEN:
            step.forms = _step_forms(step, partners, bound)
    return {
        "path": path,
        "steps": view.steps,
        "events": view.events,
        "organisations": organisations,
        "started_by_me": path.started_by_organisation_id in seeing,
        "consent_form": consent_form or ConsentForm(partners=partners),
        "stop_form": stop_form or StopForm(),
        "today": today,
    }


def _render_detail(request, path, organisations, status=200, **kwargs):
    return private_response(
        render(
            request,
            "carepaths/detail.html",
            _detail(request, path, organisations, **kwargs),
            status=status,
        )
    )


@professional_required
def detail(request, pk):
    path, organisations = access.get_path_for_user(request.user, pk)
    return _render_detail(request, path, organisations)


def _step_action(request, pk, step_pk, form_name, make_form, act, done_message):
    step, path, organisations = access.get_step_for_user(request.user, pk, step_pk)
    form = make_form(step, path)
    if form.is_valid():
        try:
            act(step, form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, done_message)
            return redirect("carepaths:detail", pk=path.pk)
    return _render_detail(
        request, path, organisations, status=400, bound=(step.pk, form_name, form)
    )


@professional_required
@require_POST
def step_tick(request, pk, step_pk):
    finish = request.POST.get("action") == "done"

    def act(step, data):
        if finish:
            services.step_finish(actor=request.user, step=step, ticked=data["ticked"])
        else:
            services.step_tick(actor=request.user, step=step, ticked=data["ticked"])

    return _step_action(
        request,
        pk,
        step_pk,
        "tick",
        lambda step, path: TickForm(request.POST, step=step, prefix=f"stap{step.pk}"),
        act,
        _("De stap is afgerond.") if finish else _("De checklist is bewaard."),
    )


@professional_required
@require_POST
def step_skip(request, pk, step_pk):
    return _step_action(
        request,
        pk,
        step_pk,
        "skip",
        lambda step, path: SkipForm(request.POST, prefix=f"stap{step.pk}"),
        lambda step, data: services.step_transition(
            actor=request.user, step=step, to=StepStatus.SKIPPED, reason=data["reason"]
        ),
        _("De stap is overgeslagen."),
    )


@professional_required
@require_POST
def step_reopen(request, pk, step_pk):
    step, path, organisations = access.get_step_for_user(request.user, pk, step_pk)
    try:
        services.step_transition(actor=request.user, step=step, to=StepStatus.OPEN)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("De stap staat weer open."))
    return redirect("carepaths:detail", pk=path.pk)


@professional_required
@require_POST
def step_offer(request, pk, step_pk):
    def make(step, path):
        return OfferForm(
            request.POST,
            prefix=f"stap{step.pk}",
            partners=list(selectors.house_partners(path.house)),
            holder_id=step.organisation_id,
            kind=step.partner_kind,
        )

    def act(step, data):
        services.handover_offer(
            actor=request.user,
            step=step,
            to_organisation=Organisation.objects.filter(pk=data["to_organisation"]).first(),
            note=data["note"],
        )

    return _step_action(
        request, pk, step_pk, "offer", make, act, _("De stap is aangeboden aan de partner.")
    )


@professional_required
@require_POST
def handover_answer(request, pk, handover_pk):
    handover, path, organisations = access.get_handover_for_user(request.user, pk, handover_pk)
    action = request.POST.get("action")
    if action not in ("accept", "decline", "withdraw"):
        messages.error(request, _("Kies aanvaarden of weigeren."))
        return redirect("carepaths:detail", pk=path.pk)
    try:
        if action == "withdraw":
            services.handover_withdraw(actor=request.user, handover=handover)
        else:
            services.handover_answer(
                actor=request.user, handover=handover, accept=action == "accept"
            )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            {
                "accept": _("Je organisatie volgt deze stap nu op."),
                "decline": _("Je hebt de stap geweigerd."),
                "withdraw": _("Het aanbod is ingetrokken."),
            }[action],
        )
    try:
        access.get_path_for_user(request.user, path.pk)
    except Http404:
        return redirect("carepaths:index")
    return redirect("carepaths:detail", pk=path.pk)


@professional_required
@require_POST
def consent(request, pk):
    path, organisations = access.get_path_for_user(request.user, pk)
    partners = list(selectors.house_partners(path.house))
    form = ConsentForm(request.POST, partners=partners)
    if form.is_valid():
        try:
            services.path_consent_record(
                actor=request.user,
                path=path,
                organisation=organisations[0],
                recipient=next(p for p in partners if p.pk == form.cleaned_data["recipient"]),
                obtained_via=form.cleaned_data["obtained_via"],
                expires_on=form.cleaned_data["expires_on"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("De toestemming van het gezin is genoteerd."))
            return redirect("carepaths:detail", pk=path.pk)
    return _render_detail(request, path, organisations, status=400, consent_form=form)


@professional_required
@require_POST
def stop(request, pk):
    path, organisations = access.get_path_for_user(request.user, pk)
    form = StopForm(request.POST)
    if form.is_valid():
        try:
            services.path_stop(actor=request.user, path=path, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Het zorgpad is gestopt."))
            return redirect("carepaths:detail", pk=path.pk)
    return _render_detail(request, path, organisations, status=400, stop_form=form)


# --- The coordinator ---------------------------------------------------------------------------


@professional_required
def templates(request):
    house = access.get_house_for_templates(request.user, request.house)
    form = TemplateForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                template = services.template_create(
                    actor=request.user, house=house, data=form.cleaned_data
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Het zorgpad is aangemaakt; voeg nu de stappen toe."))
                return redirect("carepaths:template", house_slug=house.slug, pk=template.pk)
    return render(
        request,
        "carepaths/templates.html",
        {"house": house, "templates": selectors.current_templates([house.pk]), "form": form},
        status=status,
    )


def _template_context(house, template, *, form=None, step_form=None):
    return {
        "house": house,
        "template": template,
        "steps": list(template.steps.all()),
        "in_use": services.template_in_use(template),
        "form": form
        or TemplateForm(
            initial={
                "name": template.name,
                "description": template.description,
                "reference_kind": template.reference_kind,
            }
        ),
        "step_form": step_form or StepTemplateForm(),
    }


@professional_required
def template(request, pk):
    house = access.get_house_for_templates(request.user, request.house)
    template = access.get_template_for_coordinator(request.user, house, pk)
    form = step_form = None
    status = 200
    if request.method == "POST":
        status = 400
        if request.POST.get("action") == "step":
            step_form = StepTemplateForm(request.POST)
            if step_form.is_valid():
                try:
                    saved = services.step_template_save(
                        actor=request.user, template=template, data=step_form.data_for_service()
                    )
                except ValidationError as error:
                    add_service_errors(step_form, error)
                else:
                    messages.success(request, _("De stap is toegevoegd."))
                    return redirect(
                        "carepaths:template", house_slug=house.slug, pk=saved.template_id
                    )
        else:
            form = TemplateForm(request.POST)
            if form.is_valid():
                try:
                    saved = services.template_update(
                        actor=request.user, template=template, data=form.cleaned_data
                    )
                except ValidationError as error:
                    add_service_errors(form, error)
                else:
                    messages.success(request, _("Het zorgpad is bewaard."))
                    return redirect("carepaths:template", house_slug=house.slug, pk=saved.pk)
    return render(
        request,
        "carepaths/template.html",
        _template_context(house, template, form=form, step_form=step_form),
        status=status,
    )


@professional_required
def step_template(request, pk, step_pk):
    house = access.get_house_for_templates(request.user, request.house)
    template, step = access.get_step_template_for_coordinator(request.user, house, pk, step_pk)
    form = StepTemplateForm(request.POST or None, initial=StepTemplateForm.initial_for(step))
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                saved = services.step_template_save(
                    actor=request.user, template=template, step=step, data=form.data_for_service()
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("De stap is bewaard."))
                return redirect("carepaths:template", house_slug=house.slug, pk=saved.template_id)
    return render(
        request,
        "carepaths/step_template.html",
        {
            "house": house,
            "template": template,
            "step": step,
            "form": form,
            "in_use": services.template_in_use(template),
        },
        status=status,
    )


@professional_required
@require_POST
def step_template_delete(request, pk, step_pk):
    house = access.get_house_for_templates(request.user, request.house)
    template, step = access.get_step_template_for_coordinator(request.user, house, pk, step_pk)
    try:
        version = services.step_template_delete(actor=request.user, template=template, step=step)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("carepaths:template", house_slug=house.slug, pk=template.pk)
    messages.success(request, _("De stap is verwijderd."))
    return redirect("carepaths:template", house_slug=house.slug, pk=version.pk)


@professional_required
def figures(request):
    house = access.get_house_for_templates(request.user, request.house)
    return render(
        request,
        "carepaths/figures.html",
        {
            "house": house,
            "rows": selectors.template_figures(house, timezone.localdate()),
            "small": selectors.SMALL,
        },
    )
