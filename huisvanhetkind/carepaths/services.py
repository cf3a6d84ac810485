"""Every write of the care paths: the coordinator's templates (with copy on change once a path
uses one), starting a path for a family, ticking, finishing and skipping steps, handing a step
over to another partner, stopping a path, and the daily job that lets paths without a current
consent lapse and erases ended paths after the retention period.

Every change is audited with the acting organisation and appended to the path's history
(``PathEvent``); a status changes only through ``workflow.ensure_*``. The one access rule is
``care.sharing``: an organisation takes part only through a current consent of the family, so a
step is handed only to a partner that has one, and accepted only while it still has.
"""

from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.audit.services import audit_record
from huisvanhetkind.care.sharing import consenting_organisation_ids, current_consent_q
from huisvanhetkind.carepaths.models import (
    CHECKLIST_ITEM_MAX_LENGTH,
    CHECKLIST_MAX_ITEMS,
    LONGEST_OFFSET_DAYS,
    LONGEST_WINDOW_DAYS,
    NOTE_MAX_LENGTH,
    CarePath,
    PathEvent,
    PathStep,
    PathTemplate,
    ReferenceKind,
    StepHandover,
    StepTemplate,
    Track,
)
from huisvanhetkind.carepaths.workflow import (
    STEP_FINISHED,
    Actor,
    HandoverStatus,
    PathStatus,
    StepStatus,
    ensure_handover_transition,
    ensure_path_transition,
    ensure_step_transition,
)
from huisvanhetkind.core.services import model_update
from huisvanhetkind.families.services import family_for_contact
from huisvanhetkind.network.access import is_coordinator, works_for
from huisvanhetkind.network.models import House, Organisation, Partnership
from huisvanhetkind.referrals.models import Consent
from huisvanhetkind.referrals.services import consent_record, consents_release

PRESENT = "<present>"
# A path may be started for a reference date this far in the past or the future.
EARLIEST_REFERENCE = timedelta(days=2 * 366)
LATEST_REFERENCE = timedelta(days=300)
# What a consent recorded from a care path lets the partner see.
PATH_DATA = [Consent.DataCategory.CONTACT, Consent.DataCategory.CHILD]


def retention_days() -> int:
    """Days after a path ends (completed, stopped or lapsed) before it is erased (12 months)."""
    return getattr(settings, "CARE_PATH_RETENTION_DAYS", 365)


def _audit(target, *, actor, action, house, organisation=None, changes=None, reason=""):
    audit_record(
        actor=actor,
        action=action,
        target=target,
        house=house,
        organisation=organisation,
        changes=changes,
        reason=reason,
    )


def _is_active_partner(house: House, organisation: Organisation) -> bool:
    return Partnership.objects.filter(
        house=house, organisation=organisation, status=Partnership.Status.ACTIVE
    ).exists()


# --- Templates (the coordinator) ----------------------------------------------------------------


def _check_coordinator(actor, house: House) -> None:
    if actor is not None and not is_coordinator(actor, house):
        raise ValidationError(_("Alleen de coördinator van het huis beheert de zorgpaden."))


def _clean_template(data: dict) -> dict:
    errors = {}
    name = (data.get("name") or "").strip()
    description = (data.get("description") or "").strip()
    if not name:
        errors["name"] = _("Geef het zorgpad een naam.")
    elif len(name) > 120:
        errors["name"] = _("Gebruik voor de naam hoogstens 120 tekens.")
    if len(description) > 2000:
        errors["description"] = _("Gebruik voor de beschrijving hoogstens 2000 tekens.")
    if data.get("reference_kind") not in ReferenceKind.values:
        errors["reference_kind"] = _("Kies vanaf welke datum de stappen gepland worden.")
    if errors:
        raise ValidationError(errors)
    return {"name": name, "description": description, "reference_kind": data["reference_kind"]}


def _check_unique_name(house: House, name: str, lineage=None) -> None:
    others = PathTemplate.objects.current().filter(house=house, name__iexact=name)
    if lineage is not None:
        others = others.exclude(lineage=lineage)
    if others.exists():
        raise ValidationError({"name": _("Dit huis heeft al een zorgpad met deze naam.")})


def _clean_checklist(value) -> list[str]:
    if isinstance(value, str):
        value = value.splitlines()
    items = [str(item).strip() for item in (value or []) if str(item).strip()]
    if len(items) > CHECKLIST_MAX_ITEMS:
        raise ValidationError(
            {
                "checklist": _("Een checklist heeft hoogstens %(n)s punten.")
                % {"n": CHECKLIST_MAX_ITEMS}
            }
        )
    if any(len(item) > CHECKLIST_ITEM_MAX_LENGTH for item in items):
        raise ValidationError(
            {"checklist": _("Een punt van de checklist heeft hoogstens 200 tekens.")}
        )
    return items


def _clean_step(data: dict) -> dict:
    errors = {}
    title = (data.get("title") or "").strip()
    if not title:
        errors["title"] = _("Geef de stap een titel.")
    elif len(title) > 150:
        errors["title"] = _("Gebruik voor de titel hoogstens 150 tekens.")
    if data.get("track") not in Track.values:
        errors["track"] = _("Kies het spoor: medisch of geestelijk welbevinden.")
    if data.get("partner_kind") not in Organisation.Kind.values:
        errors["partner_kind"] = _("Kies welke soort partner verantwoordelijk is.")
    offset = data.get("offset_days")
    if not isinstance(offset, int) or abs(offset) > LONGEST_OFFSET_DAYS:
        errors["offset_days"] = _("De stap valt hoogstens drie jaar voor of na de referentiedatum.")
    window = data.get("window_days")
    if not isinstance(window, int) or not 0 <= window <= LONGEST_WINDOW_DAYS:
        errors["window_days"] = _("Het venster is 0 tot 366 dagen.")
    try:
        checklist = _clean_checklist(data.get("checklist"))
    except ValidationError as error:
        errors.update(error.message_dict)
        checklist = []
    if errors:
        raise ValidationError(errors)
    return {
        "title": title,
        "track": data["track"],
        "partner_kind": data["partner_kind"],
        "offset_days": offset,
        "window_days": window,
        "checklist": checklist,
    }


@transaction.atomic
def template_create(*, actor, house: House, data: dict) -> PathTemplate:
    """A new template of ``house`` (name, description, reference kind), without steps yet."""
    _check_coordinator(actor, house)
    fields = _clean_template(data)
    _check_unique_name(house, fields["name"])
    template = PathTemplate.objects.create(house=house, **fields)
    _audit(
        template,
        actor=actor,
        action=AuditEvent.Action.CREATE,
        house=house,
        changes={field: [None, value] for field, value in fields.items()},
    )
    return template


def template_in_use(template: PathTemplate) -> bool:
    return template.paths.exists()


def _editable(*, actor, template: PathTemplate) -> PathTemplate:
    """The version of ``template`` a change goes into: itself while no path uses it; else a new
    version (a copy with its steps) that replaces it for new paths (copy on change)."""
    template = PathTemplate.objects.select_for_update().get(pk=template.pk)
    if template.retired_at is not None:
        raise ValidationError(
            _("Deze versie van het zorgpad is vervangen; pas de nieuwste versie aan.")
        )
    if not template_in_use(template):
        return template
    now = timezone.now()
    template.retired_at = now
    template.save(update_fields=["retired_at"])
    copy = PathTemplate.objects.create(
        house=template.house,
        lineage=template.lineage,
        version=template.version + 1,
        name=template.name,
        description=template.description,
        reference_kind=template.reference_kind,
        created_at=now,
    )
    StepTemplate.objects.bulk_create(
        StepTemplate(
            template=copy,
            title=step.title,
            track=step.track,
            partner_kind=step.partner_kind,
            offset_days=step.offset_days,
            window_days=step.window_days,
            checklist=list(step.checklist),
        )
        for step in template.steps.all()
    )
    _audit(
        copy,
        actor=actor,
        action=AuditEvent.Action.CREATE,
        house=template.house,
        reason=f"nieuwe versie van sjabloon #{template.pk} (in gebruik)",
        changes={"version": [template.version, copy.version]},
    )
    return copy


@transaction.atomic
def template_update(*, actor, template: PathTemplate, data: dict) -> PathTemplate:
    """Change name, description or reference kind; returns the version that holds the change
    (a new one when paths use ``template``). Nothing changes when nothing differs."""
    _check_coordinator(actor, template.house)
    fields = _clean_template(data)
    _check_unique_name(template.house, fields["name"], lineage=template.lineage)
    if all(getattr(template, field) == value for field, value in fields.items()):
        return template
    target = _editable(actor=actor, template=template)
    changes = model_update(instance=target, data=fields)
    _audit(
        target, actor=actor, action=AuditEvent.Action.UPDATE, house=target.house, changes=changes
    )
    return target


def _same_step(template: PathTemplate, version: PathTemplate, step: StepTemplate) -> StepTemplate:
    """``step`` of ``template`` as it is in ``version`` (itself, or its copy)."""
    if version.pk == template.pk:
        return step
    position = list(template.steps.values_list("pk", flat=True)).index(step.pk)
    return list(version.steps.all())[position]


@transaction.atomic
def step_template_save(
    *, actor, template: PathTemplate, data: dict, step: StepTemplate | None = None
) -> StepTemplate:
    """Add a step to ``template`` or change ``step``; the change goes into a new version when
    paths use the template. Returns the saved step."""
    _check_coordinator(actor, template.house)
    if step is not None and step.template_id != template.pk:
        raise ValidationError(_("Deze stap hoort niet bij dit zorgpad."))
    fields = _clean_step(data)
    if step is None and template.steps.count() >= 40:
        raise ValidationError(_("Een zorgpad heeft hoogstens 40 stappen."))
    if step is not None and all(getattr(step, f) == v for f, v in fields.items()):
        return step
    version = _editable(actor=actor, template=template)
    if step is None:
        saved = StepTemplate.objects.create(template=version, **fields)
        changes = {field: [None, value] for field, value in fields.items()}
        action = AuditEvent.Action.CREATE
    else:
        saved = _same_step(template, version, step)
        changes = model_update(instance=saved, data=fields)
        action = AuditEvent.Action.UPDATE
    _audit(saved, actor=actor, action=action, house=template.house, changes=changes)
    return saved


@transaction.atomic
def step_template_delete(*, actor, template: PathTemplate, step: StepTemplate) -> PathTemplate:
    """Remove ``step`` (from a new version when paths use the template); returns that version."""
    _check_coordinator(actor, template.house)
    if step.template_id != template.pk:
        raise ValidationError(_("Deze stap hoort niet bij dit zorgpad."))
    version = _editable(actor=actor, template=template)
    gone = _same_step(template, version, step)
    _audit(
        gone,
        actor=actor,
        action=AuditEvent.Action.DELETE,
        house=template.house,
        changes={"title": [gone.title, None]},
    )
    gone.delete()
    return version


# --- Paths -------------------------------------------------------------------------------------


def _event(path, *, kind, old, new, actor, organisation, step=None, other=None, now=None):
    PathEvent.objects.create(
        path=path,
        step=step,
        kind=kind,
        from_status=old or "",
        to_status=new,
        actor=actor,
        organisation=organisation,
        other_organisation=other,
        created_at=now or timezone.now(),
    )


def _check_works_for(actor, organisation: Organisation) -> None:
    if actor is not None and not works_for(actor, organisation):
        raise ValidationError(_("Je werkt niet voor %(name)s.") % {"name": organisation.name})


def has_current_consent(*, path: CarePath, organisation: Organisation, today: date) -> bool:
    if path.family_id is None:
        return False
    return organisation.pk in consenting_organisation_ids(
        family_id=path.family_id, house_id=path.house_id, today=today
    )


@transaction.atomic
def family_consent_record(
    *,
    actor,
    house: House,
    organisation: Organisation,
    name: str,
    email: str,
    phone: str,
    obtained_via: str,
    expires_on: date | None,
    purpose: str,
) -> Consent:
    """Record a family (found by its e-mail or phone, or new) and its consent for
    ``organisation``, to start a care path for it."""
    _check_works_for(actor, organisation)
    errors = {}
    if not (name or "").strip():
        errors["name"] = _("Geef de naam van het gezin.")
    if not (email or "").strip() and not (phone or "").strip():
        errors["email"] = _("Geef een e-mailadres of een telefoonnummer.")
    if errors:
        raise ValidationError(errors)
    family, _created = family_for_contact(
        name=name, email=email, phone=phone, actor=actor, reason="zorgpad"
    )
    return consent_record(
        actor=actor,
        house=house,
        family=family,
        recipient=organisation,
        requested_by=organisation,
        given_by=Consent.GivenBy.PARENT,
        obtained_via=obtained_via,
        purpose=purpose,
        data_categories=list(PATH_DATA),
        expires_on=expires_on,
    )


@transaction.atomic
def path_start(
    *,
    actor,
    template: PathTemplate,
    consent: Consent | None,
    reference_date: date | None,
    organisation: Organisation,
    today: date | None = None,
    now=None,
) -> CarePath:
    """Start a path of ``template`` for the family of ``consent`` (a current consent of the
    family for ``organisation``): its steps are dated from ``reference_date`` and held by
    ``organisation`` until they are handed over."""
    now = now or timezone.now()
    today = today or timezone.localdate(now)
    house = template.house
    _check_works_for(actor, organisation)
    if not _is_active_partner(house, organisation):
        raise ValidationError(
            _("%(name)s is geen actieve partner van dit huis.") % {"name": organisation.name}
        )
    errors = {}
    if template.retired_at is not None:
        errors["template"] = _("Dit zorgpad is vervangen door een nieuwere versie.")
    elif not template.steps.exists():
        errors["template"] = _("Dit zorgpad heeft nog geen stappen.")
    if (
        consent is None
        or consent.family_id is None
        or consent.house_id != house.pk
        or consent.recipient_id != organisation.pk
        or not consent.is_valid_on(today)
    ):
        errors["consent"] = _(
            "Kies een gezin dat je organisatie een geldige toestemming gaf in dit huis."
        )
    if reference_date is None:
        errors["reference_date"] = _("Vul de referentiedatum in (dd/mm/jjjj).")
    elif not today - EARLIEST_REFERENCE <= reference_date <= today + LATEST_REFERENCE:
        errors["reference_date"] = _(
            "De referentiedatum ligt hoogstens twee jaar terug en hoogstens 300 dagen vooruit."
        )
    if errors:
        raise ValidationError(errors)
    running = CarePath.objects.running().filter(
        house=house, family_id=consent.family_id, template__lineage=template.lineage
    )
    if running.exists():
        raise ValidationError({"template": _("Dit gezin volgt dit zorgpad al.")})
    path = CarePath.objects.create(
        house=house,
        template=template,
        family_id=consent.family_id,
        reference_date=reference_date,
        started_by_organisation=organisation,
        started_by=actor,
        consent=consent,
        started_at=now,
    )
    PathStep.objects.bulk_create(
        PathStep(
            path=path,
            title=step.title,
            track=step.track,
            partner_kind=step.partner_kind,
            checklist=list(step.checklist),
            planned_on=reference_date + timedelta(days=step.offset_days),
            due_on=reference_date + timedelta(days=step.offset_days + step.window_days),
            organisation=organisation,
        )
        for step in template.steps.all()
    )
    _event(
        path,
        kind=PathEvent.Kind.PATH,
        old="",
        new=PathStatus.RUNNING,
        actor=actor,
        organisation=organisation,
        now=now,
    )
    _audit(
        path,
        actor=actor,
        action=AuditEvent.Action.CREATE,
        house=house,
        organisation=organisation,
        changes={
            "template": [None, template.pk],
            "family": [None, PRESENT],
            "reference_date": [None, str(reference_date)],
        },
        reason="zorgpad gestart met toestemming",
    )
    return path


@transaction.atomic
def path_consent_record(
    *,
    actor,
    path: CarePath,
    organisation: Organisation,
    recipient: Organisation,
    obtained_via: str,
    expires_on: date | None,
) -> Consent:
    """Record, on behalf of ``organisation`` (which takes part in the path), that the family
    agreed that ``recipient`` takes part in its path too."""
    _check_works_for(actor, organisation)
    if path.family_id is None or not path.is_running:
        raise ValidationError(_("Dit zorgpad loopt niet meer."))
    if not _is_active_partner(path.house, recipient):
        raise ValidationError({"recipient": _("Kies een partner van dit huis.")})
    return consent_record(
        actor=actor,
        house=path.house,
        family=path.family,
        recipient=recipient,
        requested_by=organisation,
        given_by=Consent.GivenBy.PARENT,
        obtained_via=obtained_via,
        purpose=_("deelnemen aan het zorgpad “%(name)s”") % {"name": path.template.name},
        data_categories=list(PATH_DATA),
        expires_on=expires_on,
    )


def _lock_step(step: PathStep) -> PathStep:
    return (
        PathStep.objects.select_for_update(of=("self",))
        .select_related("path__house", "path__template", "organisation")
        .get(pk=step.pk)
    )


def _check_holder(actor, step: PathStep, today: date) -> None:
    if not step.path.is_running:
        raise ValidationError(_("Dit zorgpad loopt niet meer."))
    _check_works_for(actor, step.organisation)
    if not has_current_consent(path=step.path, organisation=step.organisation, today=today):
        raise ValidationError(
            _("Het gezin heeft %(name)s geen geldige toestemming (meer) gegeven.")
            % {"name": step.organisation.name}
        )


@transaction.atomic
def step_tick(*, actor, step: PathStep, ticked: list[int], today: date | None = None) -> PathStep:
    """Save which points of the step's checklist are done."""
    today = today or timezone.localdate()
    step = _lock_step(step)
    _check_holder(actor, step, today)
    if step.status != StepStatus.OPEN:
        raise ValidationError(_("Alleen een open stap vink je af."))
    valid = range(len(step.checklist))
    if any(index not in valid for index in ticked):
        raise ValidationError({"ticked": _("Kies alleen punten van de checklist.")})
    changes = model_update(instance=step, data={"ticked": sorted(set(ticked))})
    if changes:
        _audit(
            step,
            actor=actor,
            action=AuditEvent.Action.UPDATE,
            house=step.path.house,
            organisation=step.organisation,
            changes=changes,
        )
    return step


def _maybe_complete(path: CarePath, *, now) -> None:
    if path.steps.exclude(status__in=STEP_FINISHED).exists():
        return
    path = CarePath.objects.select_for_update().get(pk=path.pk)
    if not path.is_running:
        return
    path_transition(path=path, to=PathStatus.COMPLETED, actor_kind=Actor.SYSTEM, now=now)


@transaction.atomic
def step_transition(
    *, actor, step: PathStep, to: str, reason: str = "", today: date | None = None, now=None
) -> PathStep:
    """Move a step to done (its whole checklist ticked), skipped (with a reason) or open again
    (a skipped step), as the organisation that holds it."""
    now = now or timezone.now()
    today = today or timezone.localdate(now)
    step = _lock_step(step)
    _check_holder(actor, step, today)
    old = step.status
    ensure_step_transition(old, to, Actor.HOLDER)
    reason = (reason or "").strip()
    fields = {"status": to}
    if to == StepStatus.DONE:
        if len(step.ticked) < len(step.checklist):
            raise ValidationError({"ticked": _("Vink eerst alle punten van de checklist af.")})
        fields["finished_on"] = today
    elif to == StepStatus.SKIPPED:
        if not reason:
            raise ValidationError({"reason": _("Zeg waarom de stap overgeslagen wordt.")})
        if len(reason) > NOTE_MAX_LENGTH:
            raise ValidationError({"reason": _("Schrijf hoogstens 500 tekens.")})
        fields.update(finished_on=today, skip_reason=reason)
    else:
        fields.update(finished_on=None, skip_reason="")
    for field, value in fields.items():
        setattr(step, field, value)
    step.save(update_fields=list(fields))
    _event(
        step.path,
        step=step,
        kind=PathEvent.Kind.STEP,
        old=old,
        new=to,
        actor=actor,
        organisation=step.organisation,
        now=now,
    )
    _audit(
        step,
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        house=step.path.house,
        organisation=step.organisation,
        changes={"status": [old, to], **({"skip_reason": [None, PRESENT]} if reason else {})},
    )
    if to in STEP_FINISHED:
        _maybe_complete(step.path, now=now)
    return step


@transaction.atomic
def step_finish(*, actor, step: PathStep, ticked: list[int], now=None) -> PathStep:
    """Save the ticked checklist and mark the step done, or change nothing (the checklist is
    not whole, or the step cannot be done)."""
    step_tick(actor=actor, step=step, ticked=ticked)
    return step_transition(actor=actor, step=step, to=StepStatus.DONE, now=now)


@transaction.atomic
def path_transition(
    *, path: CarePath, to: str, actor_kind: str, actor=None, reason: str = "", now=None
) -> CarePath:
    """The one place a path's status changes; an end ends every open offer of its steps."""
    now = now or timezone.now()
    path = (
        CarePath.objects.select_for_update()
        .select_related("house", "started_by_organisation")
        .get(pk=path.pk)
    )
    old = path.status
    ensure_path_transition(old, to, actor_kind)
    organisation = None
    if actor_kind == Actor.STARTER:
        organisation = path.started_by_organisation
        _check_works_for(actor, organisation)
        reason = (reason or "").strip()
        if not reason:
            raise ValidationError({"reason": _("Zeg waarom het zorgpad stopt.")})
        if len(reason) > 200:
            raise ValidationError({"reason": _("Schrijf hoogstens 200 tekens.")})
        path.stop_reason = reason
    path.status = to
    path.ended_at = now
    path.save(update_fields=["status", "ended_at", "stop_reason"])
    for handover in StepHandover.objects.select_for_update().filter(
        step__path=path, status=HandoverStatus.OFFERED
    ):
        _handover_move(
            handover,
            to=HandoverStatus.ENDED,
            actor_kind=Actor.SYSTEM,
            actor=None,
            organisation=None,
            now=now,
        )
    _event(
        path,
        kind=PathEvent.Kind.PATH,
        old=old,
        new=to,
        actor=actor,
        organisation=organisation,
        now=now,
    )
    _audit(
        path,
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        house=path.house,
        organisation=organisation,
        changes={"status": [old, to]},
        reason=str(Actor(actor_kind).label),
    )
    return path


def path_stop(*, actor, path: CarePath, reason: str, now=None) -> CarePath:
    return path_transition(
        path=path,
        to=PathStatus.STOPPED,
        actor_kind=Actor.STARTER,
        actor=actor,
        reason=reason,
        now=now,
    )


# --- Handover of a step ------------------------------------------------------------------------


def _handover_move(handover, *, to, actor_kind, actor, organisation, now):
    old = handover.status
    ensure_handover_transition(old, to, actor_kind)
    handover.status = to
    if to in (HandoverStatus.ACCEPTED, HandoverStatus.DECLINED):
        handover.answered_by = actor
        handover.answered_at = now
    handover.save(update_fields=["status", "answered_by", "answered_at"])
    step = handover.step
    _event(
        step.path,
        step=step,
        kind=PathEvent.Kind.HANDOVER,
        old=old,
        new=to,
        actor=actor,
        organisation=organisation,
        other=handover.to_organisation
        if organisation != handover.to_organisation
        else handover.from_organisation,
        now=now,
    )
    _audit(
        handover,
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        house=step.path.house,
        organisation=organisation,
        changes={"status": [old, to]},
        reason=str(Actor(actor_kind).label),
    )


@transaction.atomic
def handover_offer(
    *,
    actor,
    step: PathStep,
    to_organisation: Organisation | None,
    note: str = "",
    today=None,
    now=None,
) -> StepHandover:
    """Offer ``step`` to another partner of the house that has a current consent of the family,
    as the organisation that holds it."""
    now = now or timezone.now()
    today = today or timezone.localdate(now)
    step = _lock_step(step)
    _check_holder(actor, step, today)
    if step.status != StepStatus.OPEN:
        raise ValidationError(_("Alleen een open stap draag je over."))
    note = (note or "").strip()
    errors = {}
    if to_organisation is None or not _is_active_partner(step.path.house, to_organisation):
        errors["to_organisation"] = _("Kies een partner van dit huis.")
    elif to_organisation.pk == step.organisation_id:
        errors["to_organisation"] = _(
            "Je organisatie volgt deze stap al op; kies een andere partner."
        )
    elif not has_current_consent(path=step.path, organisation=to_organisation, today=today):
        errors["to_organisation"] = _(
            "Het gezin gaf %(name)s geen geldige toestemming. Noteer eerst die toestemming."
        ) % {"name": to_organisation.name}
    if len(note) > NOTE_MAX_LENGTH:
        errors["note"] = _("Schrijf hoogstens 500 tekens.")
    if errors:
        raise ValidationError(errors)
    if step.handovers.filter(status=HandoverStatus.OFFERED).exists():
        raise ValidationError(_("Deze stap is al aangeboden aan een partner."))
    handover = StepHandover.objects.create(
        step=step,
        from_organisation=step.organisation,
        to_organisation=to_organisation,
        note=note,
        offered_by=actor,
        offered_at=now,
    )
    _event(
        step.path,
        step=step,
        kind=PathEvent.Kind.HANDOVER,
        old="",
        new=HandoverStatus.OFFERED,
        actor=actor,
        organisation=step.organisation,
        other=to_organisation,
        now=now,
    )
    _audit(
        handover,
        actor=actor,
        action=AuditEvent.Action.CREATE,
        house=step.path.house,
        organisation=step.organisation,
        changes={
            "to_organisation": [None, to_organisation.pk],
            **({"note": [None, PRESENT]} if note else {}),
        },
    )
    return handover


def _lock_handover(handover: StepHandover) -> StepHandover:
    return (
        StepHandover.objects.select_for_update(of=("self",))
        .select_related(
            "step__path__house", "step__organisation", "from_organisation", "to_organisation"
        )
        .get(pk=handover.pk)
    )


@transaction.atomic
def handover_answer(
    *, actor, handover: StepHandover, accept: bool, today=None, now=None
) -> StepHandover:
    """The partner a step is offered to accepts it (and from then on holds the step: it needs a
    current consent of the family at this moment) or declines it."""
    now = now or timezone.now()
    today = today or timezone.localdate(now)
    handover = _lock_handover(handover)
    receiver = handover.to_organisation
    _check_works_for(actor, receiver)
    step = _lock_step(handover.step)
    if not step.path.is_running:
        raise ValidationError(_("Dit zorgpad loopt niet meer."))
    to = HandoverStatus.ACCEPTED if accept else HandoverStatus.DECLINED
    ensure_handover_transition(handover.status, to, Actor.RECEIVER)
    if accept and not has_current_consent(path=step.path, organisation=receiver, today=today):
        raise ValidationError(
            _(
                "Het gezin heeft %(name)s geen geldige toestemming (meer) gegeven; je kunt de stap niet aanvaarden."
            )
            % {"name": receiver.name}
        )
    handover.step = step
    _handover_move(
        handover, to=to, actor_kind=Actor.RECEIVER, actor=actor, organisation=receiver, now=now
    )
    if accept:
        changes = model_update(instance=step, data={"organisation": receiver})
        _audit(
            step,
            actor=actor,
            action=AuditEvent.Action.UPDATE,
            house=step.path.house,
            organisation=receiver,
            changes=changes,
        )
    return handover


@transaction.atomic
def handover_withdraw(*, actor, handover: StepHandover, now=None) -> StepHandover:
    """The offering organisation takes its offer back before it is answered."""
    now = now or timezone.now()
    handover = _lock_handover(handover)
    _check_works_for(actor, handover.from_organisation)
    _handover_move(
        handover,
        to=HandoverStatus.WITHDRAWN,
        actor_kind=Actor.HOLDER,
        actor=actor,
        organisation=handover.from_organisation,
        now=now,
    )
    return handover


# --- Retention ---------------------------------------------------------------------------------


def lapse_due(today: date):
    """Running paths that no taking part organisation may see any more: the family has no
    current consent in the house with the organisation that started the path, with any
    organisation that holds one of its steps, or with one it is offered to."""
    current = Consent.objects.filter(current_consent_q(today)).filter(
        family_id=OuterRef("family_id"), house_id=OuterRef("house_id")
    )
    return CarePath.objects.running().exclude(
        Q(Exists(current.filter(recipient_id=OuterRef("started_by_organisation_id"))))
        | Q(Exists(current.filter(recipient__care_path_steps__path=OuterRef("pk"))))
        | Q(
            Exists(
                current.filter(
                    recipient__care_step_handovers__step__path=OuterRef("pk"),
                    recipient__care_step_handovers__status=HandoverStatus.OFFERED,
                )
            )
        )
    )


def erasure_due(now):
    """Paths that ended more than the retention period ago."""
    return CarePath.objects.exclude(status=PathStatus.RUNNING).filter(
        ended_at__lt=now - timedelta(days=retention_days())
    )


def paths_lapse(*, now=None) -> int:
    now = now or timezone.now()
    count = 0
    for path in lapse_due(timezone.localdate(now)):
        path_transition(path=path, to=PathStatus.LAPSED, actor_kind=Actor.SYSTEM, now=now)
        count += 1
    return count


@transaction.atomic
def paths_erase_ended(*, now=None) -> int:
    """Delete the paths that ended more than 12 months ago, with their steps, handovers and
    history; the audit trail keeps that they existed. The consent of a path loses its family
    link once no other record relies on it (``referrals.services.consents_release``)."""
    now = now or timezone.now()
    count = 0
    for path in erasure_due(now).select_related("house"):
        _audit(
            path,
            actor=None,
            action=AuditEvent.Action.ERASE,
            house=path.house,
            reason=f"bewaartermijn ({retention_days()} dagen na het einde)",
            changes={"family": [PRESENT, None]},
        )
        consent_id = path.consent_id
        path.delete()
        consents_release(consent_ids=[consent_id], reason="bewaartermijn van het zorgpad")
        count += 1
    return count


def care_paths_retention(*, now=None) -> dict:
    """The daily job: let paths without a current consent lapse, erase ended paths."""
    now = now or timezone.now()
    return {"lapsed": paths_lapse(now=now), "erased": paths_erase_ended(now=now)}
