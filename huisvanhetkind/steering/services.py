"""Every write of the steering app: periods, goals, annual plans, actions, their status and
progress notes. Each runs in a transaction, refuses bad input with a Dutch message (nothing
changes) and writes the audit trail in the house of the plan."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.audit.services import audit_record
from huisvanhetkind.core.services import audit_value, model_update
from huisvanhetkind.coverage import selectors as coverage_selectors
from huisvanhetkind.network.models import House, Partnership
from huisvanhetkind.steering import indicators
from huisvanhetkind.steering.access import can_edit_plan
from huisvanhetkind.steering.models import (
    GAP_ID,
    MAX_GAPS,
    Action,
    ActionEvent,
    AnnualPlan,
    Goal,
    PlanPeriod,
    ProgressNote,
)
from huisvanhetkind.steering.workflow import ActionStatus, ensure_transition

A = AuditEvent.Action
FIRST_YEAR, LAST_YEAR = 2000, 2100

PERIOD_FIELDS = ("start_year", "end_year", "title")
GOAL_FIELDS = (
    "domain",
    "code",
    "title",
    "description",
    "indicators",
    "policy_objective_code",
    "action_plan_code",
    "weight",
)
ACTION_FIELDS = (
    "goal",
    "title",
    "description",
    "lead_organisation",
    "working_group",
    "starts_on",
    "ends_on",
    "budget",
    "weight",
    "progress",
    "indicator",
    "baseline",
    "target",
    "target_on",
    "gap_ids",
)


def _ensure_editor(actor, house: House) -> None:
    if not can_edit_plan(actor, house):
        raise ValidationError(_("Alleen de coördinator en de stuurgroep passen het plan aan."))


def _created(actor, target, house, data: dict) -> None:
    audit_record(
        actor=actor,
        action=A.CREATE,
        target=target,
        house=house,
        changes={field: [None, audit_value(value)] for field, value in data.items()},
    )


def _updated(actor, target, house, changes: dict, reason: str = "") -> None:
    if changes:
        audit_record(
            actor=actor, action=A.UPDATE, target=target, house=house, changes=changes, reason=reason
        )


def _check_weight(errors: dict, weight) -> None:
    if weight is None or int(weight) < 1 or int(weight) > 100:
        errors["weight"] = _("Het gewicht is een geheel getal van 1 tot 100.")


# --- Periods ----------------------------------------------------------------------------------


def _validate_period(house: House, data: dict, period: PlanPeriod | None = None) -> None:
    errors = {}
    start, end = data.get("start_year"), data.get("end_year")
    if not (data.get("title") or "").strip():
        errors["title"] = _("Geef de beleidsperiode een titel.")
    for field, value in (("start_year", start), ("end_year", end)):
        if value is None or not FIRST_YEAR <= value <= LAST_YEAR:
            errors[field] = _("Vul een jaar in tussen %(first)s en %(last)s.") % {
                "first": FIRST_YEAR,
                "last": LAST_YEAR,
            }
    if not errors and end < start:
        errors["end_year"] = _("Het eindjaar ligt voor het beginjaar.")
    if not errors:
        overlapping = PlanPeriod.objects.filter(
            house=house, start_year__lte=end, end_year__gte=start
        )
        if period is not None:
            overlapping = overlapping.exclude(pk=period.pk)
            outside = period.annual_plans.exclude(year__gte=start, year__lte=end)
            if outside.exists():
                errors["end_year"] = _(
                    "Er zijn jaarplannen buiten deze jaren; de periode moet ze blijven omvatten."
                )
        if overlapping.exists():
            errors["start_year"] = _("Deze jaren overlappen met een andere beleidsperiode.")
    if errors:
        raise ValidationError(errors)


def period_create(*, actor, house: House, data: dict) -> PlanPeriod:
    _ensure_editor(actor, house)
    data = {field: data.get(field) for field in PERIOD_FIELDS}
    with transaction.atomic():
        _validate_period(house, data)
        period = PlanPeriod.objects.create(house=house, **data)
        _created(actor, period, house, data)
    return period


def period_update(*, actor, period: PlanPeriod, data: dict) -> dict:
    _ensure_editor(actor, period.house)
    data = {field: data.get(field) for field in PERIOD_FIELDS}
    with transaction.atomic():
        period = PlanPeriod.objects.select_for_update().get(pk=period.pk)
        _validate_period(period.house, data, period)
        changes = model_update(instance=period, data=data)
        _updated(actor, period, period.house, changes)
    return changes


# --- Goals ------------------------------------------------------------------------------------


def _validate_goal(data: dict) -> None:
    errors = {}
    if not (data.get("title") or "").strip():
        errors["title"] = _("Beschrijf de doelstelling in één zin.")
    if data.get("domain") is None:
        errors["domain"] = _("Kies het beleidsdomein van de doelstelling.")
    _check_weight(errors, data.get("weight"))
    if errors:
        raise ValidationError(errors)


def _goal_data(data: dict) -> dict:
    cleaned = {field: data.get(field, "") for field in GOAL_FIELDS}
    cleaned["weight"] = data.get("weight", 1)
    return cleaned


def goal_create(*, actor, period: PlanPeriod, data: dict) -> Goal:
    _ensure_editor(actor, period.house)
    data = _goal_data(data)
    _validate_goal(data)
    with transaction.atomic():
        goal = Goal.objects.create(period=period, **data)
        _created(actor, goal, period.house, data)
    return goal


def goal_update(*, actor, goal: Goal, data: dict) -> dict:
    house = goal.period.house
    _ensure_editor(actor, house)
    data = _goal_data(data)
    _validate_goal(data)
    with transaction.atomic():
        goal = Goal.objects.select_for_update().get(pk=goal.pk)
        changes = model_update(instance=goal, data=data)
        _updated(actor, goal, house, changes)
    return changes


def goal_delete(*, actor, goal: Goal) -> None:
    house = goal.period.house
    _ensure_editor(actor, house)
    with transaction.atomic():
        if goal.actions.exists():
            raise ValidationError(
                _("Aan deze doelstelling hangen acties; verplaats of verwijder die eerst.")
            )
        audit_record(
            actor=actor,
            action=A.DELETE,
            target=goal,
            house=house,
            changes={"title": [goal.title, None]},
        )
        goal.delete()


# --- Annual plans -----------------------------------------------------------------------------


def annual_plan_create(*, actor, house: House, year: int) -> AnnualPlan:
    """The plan of ``year``, under the period that covers it."""
    _ensure_editor(actor, house)
    with transaction.atomic():
        period = PlanPeriod.objects.filter(
            house=house, start_year__lte=year, end_year__gte=year
        ).first()
        if period is None:
            raise ValidationError(
                {
                    "year": _("Geen beleidsperiode omvat het jaar %(year)s; maak ze eerst aan.")
                    % {"year": year}
                }
            )
        if AnnualPlan.objects.filter(house=house, year=year).exists():
            raise ValidationError(
                {"year": _("Er is al een jaarplan voor %(year)s.") % {"year": year}}
            )
        plan = AnnualPlan.objects.create(house=house, year=year, period=period)
        _created(actor, plan, house, {"year": year, "period": str(period)})
    return plan


# --- Actions ----------------------------------------------------------------------------------


def _validate_action(plan: AnnualPlan, data: dict) -> None:
    errors = {}
    house = plan.house
    if not (data.get("title") or "").strip():
        errors["title"] = _("Beschrijf de actie in één zin.")
    goal = data.get("goal")
    if goal is None or goal.period_id != plan.period_id:
        errors["goal"] = _("Kies een doelstelling van de beleidsperiode van dit jaarplan.")
    starts_on, ends_on = data.get("starts_on"), data.get("ends_on")
    if starts_on is None:
        errors["starts_on"] = _("Vul de startdatum in.")
    if ends_on is None:
        errors["ends_on"] = _("Vul de einddatum in.")
    if starts_on and ends_on:
        if ends_on < starts_on:
            errors["ends_on"] = _("De einddatum ligt voor de startdatum.")
        elif ends_on.year != plan.year:
            errors["ends_on"] = _("De einddatum ligt buiten het planjaar %(year)s.") % {
                "year": plan.year
            }
        elif starts_on.year > plan.year:
            errors["starts_on"] = _("De startdatum ligt na het planjaar %(year)s.") % {
                "year": plan.year
            }
    _check_weight(errors, data.get("weight"))
    budget = data.get("budget")
    if budget is not None and budget < 0:
        errors["budget"] = _("Het budget kan niet negatief zijn.")
    progress = data.get("progress")
    if progress is None or not 0 <= progress <= 100:
        errors["progress"] = _("De voortgang is een percentage van 0 tot 100.")
    partners = set(
        Partnership.objects.filter(house=house, status=Partnership.Status.ACTIVE).values_list(
            "organisation_id", flat=True
        )
    )
    lead = data.get("lead_organisation")
    if lead is not None and lead.pk not in partners:
        errors["lead_organisation"] = _("De trekker moet een actieve partner van het huis zijn.")
    if any(o.pk not in partners for o in data.get("participants") or []):
        errors["participants"] = _("Kies alleen actieve partners van het huis.")
    group = data.get("working_group")
    if group is not None and group.house_id != house.pk:
        errors["working_group"] = _("Kies een groep van dit huis.")
    name = data.get("indicator") or ""
    if name:
        if name not in indicators.REGISTRY:
            errors["indicator"] = _("Deze indicator bestaat niet; kies er een uit de lijst.")
        baseline, target = data.get("baseline"), data.get("target")
        if baseline is None:
            errors["baseline"] = _("Een gemeten actie heeft een beginwaarde.")
        if target is None:
            errors["target"] = _("Een gemeten actie heeft een streefwaarde.")
        if baseline is not None and target is not None and baseline == target:
            errors["target"] = _("De streefwaarde moet verschillen van de beginwaarde.")
        if data.get("target_on") is None:
            errors["target_on"] = _("Een gemeten actie heeft een streefdatum.")
    gaps = data.get("gap_ids") or []
    if len(gaps) > MAX_GAPS:
        errors["gap_ids"] = _("Noem hoogstens %(n)s lacunes.") % {"n": MAX_GAPS}
    bad = [gap for gap in gaps if not isinstance(gap, str) or not GAP_ID.fullmatch(gap)]
    if bad:
        errors["gap_ids"] = _(
            "“%(gap)s” is geen geldige lacune; die ziet eruit als "
            "gap-<domein>-<leeftijdsgroep>-<NIS-code>, bv. gap-kinderopvang-0-3-11022."
        ) % {"gap": bad[0]}
    else:
        unknown = [gap for gap in gaps if coverage_selectors.gap_cell(house, gap) is None]
        if unknown:
            errors["gap_ids"] = _(
                "“%(gap)s” is geen lacune van dit huis: het beleidsdomein, de leeftijdsgroep of "
                "de gemeente (NIS-code) bestaat niet of hoort niet bij het huis."
            ) % {"gap": unknown[0]}
    if errors:
        raise ValidationError(errors)


def _action_data(data: dict) -> dict:
    cleaned = {field: data.get(field) for field in ACTION_FIELDS}
    for field in ("title", "description", "indicator"):
        cleaned[field] = (cleaned[field] or "").strip()
    cleaned["weight"] = data.get("weight", 1)
    cleaned["progress"] = data.get("progress", 0) or 0
    cleaned["gap_ids"] = list(dict.fromkeys(data.get("gap_ids") or []))
    if not cleaned["indicator"]:
        cleaned.update(baseline=None, target=None, target_on=None)
    return cleaned


def action_create(*, actor, plan: AnnualPlan, data: dict) -> Action:
    _ensure_editor(actor, plan.house)
    participants = list(data.get("participants") or [])
    fields = _action_data(data)
    _validate_action(plan, {**fields, "participants": participants})
    with transaction.atomic():
        action = Action.objects.create(plan=plan, **fields)
        action.participants.set(participants)
        ActionEvent.objects.create(action=action, to_status=action.status, actor=_person(actor))
        _created(
            actor,
            action,
            plan.house,
            {**fields, "participants": sorted(str(o) for o in participants)},
        )
    return action


def action_update(*, actor, action: Action, data: dict) -> dict:
    plan = action.plan
    _ensure_editor(actor, plan.house)
    participants = list(data.get("participants") or [])
    fields = _action_data(data)
    _validate_action(plan, {**fields, "participants": participants})
    with transaction.atomic():
        action = Action.objects.select_for_update().get(pk=action.pk)
        changes = model_update(
            instance=action,
            data={**fields, "participants": participants},
            m2m=("participants",),
        )
        _updated(actor, action, plan.house, changes)
    return changes


def _person(actor):
    return actor if actor is not None and actor.is_authenticated else None


def action_status_change(*, actor, action: Action, status: str, note: str = "") -> Action:
    """Move the action to ``status`` (only along the workflow), with its history."""
    house = action.plan.house
    _ensure_editor(actor, house)
    note = (note or "").strip()
    if len(note) > 500:
        raise ValidationError({"note": _("Gebruik voor de toelichting hoogstens 500 tekens.")})
    with transaction.atomic():
        action = Action.objects.select_for_update().get(pk=action.pk)
        old = action.status
        if status not in ActionStatus.values:
            raise ValidationError({"status": _("Kies een status uit de lijst.")})
        ensure_transition(old, status)
        action.status = status
        action.save(update_fields=["status", "updated_at"])
        ActionEvent.objects.create(
            action=action, from_status=old, to_status=status, actor=_person(actor), note=note
        )
        audit_record(
            actor=actor,
            action=A.UPDATE,
            target=action,
            house=house,
            reason=note,
            changes={"status": [old, status]},
        )
    return action


def progress_note_add(*, actor, action: Action, text: str, written_on: date | None = None):
    house = action.plan.house
    _ensure_editor(actor, house)
    text = (text or "").strip()
    written_on = written_on or timezone.localdate()
    errors = {}
    if not text:
        errors["text"] = _("Schrijf kort hoe de actie loopt.")
    elif len(text) > 4000:
        errors["text"] = _("Gebruik hoogstens 4000 tekens.")
    if written_on > timezone.localdate():
        errors["written_on"] = _("De datum van een notitie ligt niet in de toekomst.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        note = ProgressNote.objects.create(
            action=action, text=text, written_on=written_on, author=_person(actor)
        )
        _created(actor, note, house, {"written_on": written_on, "text": text})
    return note
