"""Every write of the office hours: a house's desks, their rules and the closures.

Each write is checked here (the same rules for the coordinator's pages, the demo and any later
importer), runs in a transaction and is written to the audit trail in the house's trail.
A desk links only to things of its own house: an active partner, a service of an active
partner, a room of the house, a location of the house or of a partner.
"""

from datetime import date, time

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.audit.services import audit_record
from huisvanhetkind.catalogue.models import Service
from huisvanhetkind.catalogue.workflow import ServiceStatus
from huisvanhetkind.core.services import audit_value, model_update
from huisvanhetkind.network.models import House, Location, Organisation, Partnership
from huisvanhetkind.premises import recurrence
from huisvanhetkind.premises.models import Closure, Desk, OfficeHourRule, Room

A = AuditEvent.Action
DESK_FIELDS = (
    "name",
    "slug",
    "description",
    "organisation",
    "service",
    "room",
    "location",
    "is_active",
)
RULE_FIELDS = (
    "kind",
    "weekdays",
    "positions",
    "dates",
    "interval",
    "starts",
    "ends",
    "mode",
    "valid_from",
    "valid_until",
    "note",
)
MAX_DATES = 60


# --- What a desk may link to -------------------------------------------------------------------


def partner_organisations(house: House):
    return Organisation.objects.filter(
        partnerships__house=house, partnerships__status=Partnership.Status.ACTIVE
    ).order_by("name")


def linkable_services(house: House):
    return (
        Service.objects.in_house(house)
        .exclude(status=ServiceStatus.ARCHIVED)
        .select_related("organisation")
        .order_by("name")
    )


def linkable_rooms(house: House):
    return Room.objects.filter(house=house).order_by("name")


def linkable_locations(house: House):
    partners = Partnership.objects.filter(house=house, status=Partnership.Status.ACTIVE)
    return Location.objects.filter(
        Q(house=house) | Q(organisation_id__in=partners.values("organisation_id"))
    ).order_by("name")


def _check_links(house: House, data: dict) -> None:
    errors = {}
    organisation = data.get("organisation")
    if organisation and not partner_organisations(house).filter(pk=organisation.pk).exists():
        errors["organisation"] = _("Kies een actieve partner van dit huis.")
    service = data.get("service")
    if service and not linkable_services(house).filter(pk=service.pk).exists():
        errors["service"] = _("Kies aanbod van een partner van dit huis.")
    room = data.get("room")
    if room and room.house_id != house.pk:
        errors["room"] = _("Kies een zaal van dit huis.")
    location = data.get("location")
    if location and not linkable_locations(house).filter(pk=location.pk).exists():
        errors["location"] = _("Kies een adres van dit huis of van een partner.")
    if errors:
        raise ValidationError(errors, code="link")


def _check_unique(house: House, data: dict, exclude: Desk | None = None) -> None:
    others = Desk.objects.filter(house=house)
    if exclude is not None:
        others = others.exclude(pk=exclude.pk)
    errors = {}
    if others.filter(name=data.get("name")).exists():
        errors["name"] = _("Dit huis heeft al een loket met die naam.")
    if others.filter(slug=data.get("slug")).exists():
        errors["slug"] = _("Dit huis heeft al een loket met die korte naam.")
    if errors:
        raise ValidationError(errors, code="unique")


# --- Desks -------------------------------------------------------------------------------------


@transaction.atomic
def desk_create(*, actor, house: House, data: dict) -> Desk:
    values = {k: v for k, v in data.items() if k in DESK_FIELDS}
    _check_links(house, values)
    _check_unique(house, values)
    desk = Desk(house=house, **values)
    desk.full_clean()
    desk.save()
    audit_record(
        actor=actor,
        action=A.CREATE,
        target=desk,
        house=house,
        changes={k: [None, audit_value(getattr(desk, k))] for k in DESK_FIELDS},
    )
    return desk


@transaction.atomic
def desk_update(*, actor, desk: Desk, data: dict) -> dict:
    values = {k: v for k, v in data.items() if k in DESK_FIELDS}
    _check_links(desk.house, values)
    _check_unique(desk.house, {"name": desk.name, "slug": desk.slug} | values, exclude=desk)
    changes = model_update(instance=desk, data=values)
    if changes:
        audit_record(actor=actor, action=A.UPDATE, target=desk, house=desk.house, changes=changes)
    return changes


@transaction.atomic
def desk_delete(*, actor, desk: Desk) -> None:
    audit_record(
        actor=actor,
        action=A.DELETE,
        target=desk,
        house=desk.house,
        changes={"name": [desk.name, None]},
    )
    desk.delete()


# --- Rules -------------------------------------------------------------------------------------

MESSAGES = {
    "kind": ("kind", gettext_lazy("Kies elke week, een weekdag van de maand of bepaalde datums.")),
    "mode": ("mode", gettext_lazy("Kies vrije inloop of op afspraak.")),
    "order": ("ends", gettext_lazy("Het einde ligt na het begin.")),
    "weekdays": ("weekdays", gettext_lazy("Kies minstens één weekdag.")),
    "positions": (
        "positions",
        gettext_lazy("Kies de eerste, tweede, derde, vierde, vijfde of laatste van de maand."),
    ),
    "dates": ("dates", gettext_lazy("Geef minstens één datum.")),
    "validity": ("valid_until", gettext_lazy("De geldigheid eindigt niet voor ze begint.")),
    "interval": (
        "interval",
        gettext_lazy("Kies elke week, om de twee weken, om de drie weken of om de vier weken."),
    ),
    "anchor": (
        "valid_from",
        gettext_lazy(
            "Geef een datum 'geldig vanaf': om de twee, drie of vier weken telt vanaf de week "
            "van die dag."
        ),
    ),
}


def _interval(value) -> int:
    """Every how many weeks (1 when left empty); the engine checks the range."""
    if value in (None, ""):
        return 1
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ValidationError({"interval": str(MESSAGES["interval"][1])}, code="interval") from None


def _ints(values, field: str) -> list[int]:
    try:
        return sorted({int(v) for v in values or ()})
    except (TypeError, ValueError):
        raise ValidationError({field: str(MESSAGES[field][1])}, code=field) from None


def _dates(values) -> list[date]:
    found = set()
    for value in values or ():
        if isinstance(value, str):
            try:
                value = date.fromisoformat(value)
            except ValueError:
                raise ValidationError(
                    {"dates": _("Schrijf een datum als dd-mm-jjjj.")}, code="date"
                ) from None
        found.add(value)
    return sorted(found)


def rule_clean(data: dict) -> dict:
    """The rule's fields, normalised (sorted lists, only what its kind uses), or a
    ``ValidationError`` in Dutch on the field at fault."""
    values = {k: data.get(k) for k in RULE_FIELDS}
    kind = values["kind"]
    weekly_or_monthly = kind in (recurrence.WEEKLY_RULE, recurrence.MONTHLY_RULE)
    values["weekdays"] = _ints(values["weekdays"], "weekdays") if weekly_or_monthly else []
    monthly = kind == recurrence.MONTHLY_RULE
    values["positions"] = _ints(values["positions"], "positions") if monthly else []
    # only a weekly rule skips weeks
    values["interval"] = _interval(values["interval"]) if kind == recurrence.WEEKLY_RULE else 1
    dates = _dates(values["dates"]) if kind == recurrence.DATES_RULE else []
    if len(dates) > MAX_DATES:
        raise ValidationError(
            {"dates": _("Geef hoogstens %(max)s datums.") % {"max": MAX_DATES}}, code="dates"
        )
    values["dates"] = [d.isoformat() for d in dates]
    values["note"] = (values["note"] or "").strip()
    for name in ("starts", "ends"):
        if isinstance(values[name], str):
            try:
                values[name] = time.fromisoformat(values[name])
            except ValueError:
                values[name] = None
    if values["starts"] is None or values["ends"] is None:
        raise ValidationError({"starts": _("Geef een begin- en een einduur.")}, code="time")
    engine_rule = recurrence.Rule(
        kind=kind,
        starts=values["starts"],
        ends=values["ends"],
        mode=values["mode"],
        weekdays=tuple(values["weekdays"]),
        positions=tuple(values["positions"]),
        dates=tuple(dates),
        valid_from=values["valid_from"],
        valid_until=values["valid_until"],
        interval=values["interval"],
    )
    problems = recurrence.problems(engine_rule)
    if problems:
        errors = {}
        for problem in problems:
            field, message = MESSAGES[problem]
            errors.setdefault(field, str(message))
        raise ValidationError(errors, code="rule")
    return values


def _rule_changes(rule: OfficeHourRule, before: dict | None) -> dict:
    after = {k: audit_value(getattr(rule, k)) for k in RULE_FIELDS}
    if before is None:
        return {k: [None, v] for k, v in after.items()}
    return {k: [before[k], after[k]] for k in RULE_FIELDS if before[k] != after[k]}


@transaction.atomic
def rule_create(*, actor, desk: Desk, data: dict) -> OfficeHourRule:
    rule = OfficeHourRule.objects.create(desk=desk, **rule_clean(data))
    audit_record(
        actor=actor,
        action=A.CREATE,
        target=rule,
        house=desk.house,
        changes=_rule_changes(rule, None),
    )
    return rule


@transaction.atomic
def rule_update(*, actor, rule: OfficeHourRule, data: dict) -> dict:
    values = rule_clean(data)
    before = {k: audit_value(getattr(rule, k)) for k in RULE_FIELDS}
    for field, value in values.items():
        setattr(rule, field, value)
    changes = _rule_changes(rule, before)
    if changes:
        rule.save(update_fields=list(changes))
        audit_record(
            actor=actor, action=A.UPDATE, target=rule, house=rule.desk.house, changes=changes
        )
    return changes


@transaction.atomic
def rule_delete(*, actor, rule: OfficeHourRule) -> None:
    audit_record(
        actor=actor,
        action=A.DELETE,
        target=rule,
        house=rule.desk.house,
        changes={"desk": [rule.desk.name, None], "kind": [rule.kind, None]},
    )
    rule.delete()


# --- Closures ----------------------------------------------------------------------------------


@transaction.atomic
def closure_create(
    *,
    actor,
    house: House,
    starts_on: date,
    ends_on: date,
    desk: Desk | None = None,
    reason: str = "",
) -> Closure:
    """Close one desk, or (``desk`` None) every desk of the house, from ``starts_on`` to
    ``ends_on`` (both included)."""
    if desk is not None and desk.house_id != house.pk:
        raise ValidationError({"desk": _("Kies een loket van dit huis.")}, code="house")
    if starts_on is None or ends_on is None:
        raise ValidationError({"starts_on": _("Geef een eerste en een laatste dag.")}, code="day")
    if ends_on < starts_on:
        raise ValidationError(
            {"ends_on": _("De laatste dag ligt niet voor de eerste dag.")}, code="order"
        )
    closure = Closure.objects.create(
        house=house, desk=desk, starts_on=starts_on, ends_on=ends_on, reason=reason.strip()
    )
    audit_record(
        actor=actor,
        action=A.CREATE,
        target=closure,
        house=house,
        changes={
            "desk": [None, desk.name if desk else None],
            "starts_on": [None, starts_on.isoformat()],
            "ends_on": [None, ends_on.isoformat()],
            "reason": [None, closure.reason],
        },
    )
    return closure


@transaction.atomic
def closure_delete(*, actor, closure: Closure) -> None:
    audit_record(
        actor=actor,
        action=A.DELETE,
        target=closure,
        house=closure.house,
        changes={
            "starts_on": [closure.starts_on.isoformat(), None],
            "ends_on": [closure.ends_on.isoformat(), None],
        },
    )
    closure.delete()
