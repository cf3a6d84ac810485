"""Every write to the childcare offer: a location's childcare facts and its free places.

What a location shares with the rest of the offer (name, description, address, opening hours,
prices, languages) is written by the catalogue's and the network's services; here only the
childcare part. Each write is recorded in the audit trail of the location's house as
``{field: [before, after]}``.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.audit.services import audit_record
from huisvanhetkind.catalogue.models import Service
from huisvanhetkind.childcare.models import (
    PRIORITY_CRITERIA,
    ChildcareImport,
    ChildcareLocation,
    FreePlaces,
    PriceModel,
)
from huisvanhetkind.childcare.months import MONTHS_AHEAD, month_label, start_months
from huisvanhetkind.core.services import audit_value, model_update
from huisvanhetkind.network.models import House, Location, Partnership

FIELDS = (
    "kind",
    "dossier_number",
    "min_age_months",
    "max_age_months",
    "price_model",
    "licensed_places",
    "inclusive_care",
    "inclusive_care_description",
    "closing_days",
    "priority_order",
)


def _person(actor):
    return actor if getattr(actor, "is_authenticated", False) else None


def _check(childcare: ChildcareLocation) -> None:
    """What the model's validators cannot say, in Dutch; raises ValidationError."""
    if childcare.min_age_months > childcare.max_age_months:
        raise ValidationError(
            _("De leeftijd 'vanaf' moet kleiner zijn dan of gelijk aan 'tot en met'.")
        )
    order = childcare.priority_order
    if childcare.price_model == PriceModel.OWN_PRICE:
        if order:
            raise ValidationError(
                _("Een opvang met een vrije prijs past geen voorrangsregels toe.")
            )
    elif sorted(order) != sorted(PRIORITY_CRITERIA):
        raise ValidationError(
            _("Een opvang met inkomenstarief past elk van de drie voorrangsregels één keer toe.")
        )
    if childcare.dossier_number:
        clash = ChildcareLocation.objects.filter(dossier_number=childcare.dossier_number)
        if clash.exclude(pk=childcare.pk).exists():
            raise ValidationError(
                _("Er is al een opvanglocatie met dossiernummer %(number)s.")
                % {"number": childcare.dossier_number}
            )
    if not childcare.service.locations.filter(pk=childcare.location_id).exists():
        raise ValidationError(_("Het adres moet een locatie van dit aanbod zijn."))
    is_partner = Partnership.objects.filter(
        house=childcare.house,
        organisation_id=childcare.service.organisation_id,
        status=Partnership.Status.ACTIVE,
    ).exists()
    if not is_partner:
        raise ValidationError(
            _("%(name)s is geen partner van %(house)s.")
            % {"name": childcare.service.organisation.name, "house": childcare.house.name}
        )


def default_priority_order(price_model: str) -> list[str]:
    return list(PRIORITY_CRITERIA) if price_model == PriceModel.INCOME_RELATED else []


@transaction.atomic
def childcare_location_create(
    *, service: Service, house: House, location: Location, actor, data: dict
) -> ChildcareLocation:
    """Make a catalogue service a childcare location of ``house``."""
    data = {**data}
    data.setdefault(
        "priority_order", default_priority_order(data.get("price_model", PriceModel.INCOME_RELATED))
    )
    childcare = ChildcareLocation(service=service, house=house, location=location)
    for field in FIELDS:
        if field in data:
            setattr(childcare, field, data[field])
    childcare.full_clean(exclude=["service", "house", "location"])
    _check(childcare)
    childcare.save()
    changes = {
        "service": [None, service.pk],
        "location": [None, location.pk],
        **{f: [None, audit_value(getattr(childcare, f))] for f in FIELDS},
    }
    audit_record(
        actor=actor, action=AuditEvent.Action.CREATE, target=childcare, house=house, changes=changes
    )
    return childcare


@transaction.atomic
def childcare_location_update(
    *, childcare: ChildcareLocation, actor, data: dict
) -> ChildcareLocation:
    """Change the childcare facts of a location; a change of price model takes the default
    priority order with it unless ``data`` names one."""
    childcare = ChildcareLocation.objects.select_for_update().get(pk=childcare.pk)
    data = {key: value for key, value in data.items() if key in FIELDS or key == "location"}
    new_model = data.get("price_model", childcare.price_model)
    if "priority_order" not in data and new_model != childcare.price_model:
        data["priority_order"] = default_priority_order(new_model)
    changes = model_update(instance=childcare, data=data)
    if changes:
        childcare.full_clean(exclude=["service", "house", "location"])
        _check(childcare)  # refused: the transaction undoes the change
        audit_record(
            actor=actor,
            action=AuditEvent.Action.UPDATE,
            target=childcare,
            house=childcare.house,
            changes=changes,
        )
    return childcare


@transaction.atomic
def free_places_set(
    *, childcare: ChildcareLocation, actor, places: dict[date, int], today: date | None = None
) -> dict:
    """The provider's free places per start month (the first day of each month); months left
    out keep what they had. Saving, even without a change, confirms the places are current.
    Returns the changes as ``{"YYYY-MM": [before, after]}``."""
    today = today or timezone.localdate()
    allowed = set(start_months(today, MONTHS_AHEAD))
    childcare = ChildcareLocation.objects.select_for_update().get(pk=childcare.pk)
    for month, count in places.items():
        if month not in allowed:
            raise ValidationError(
                _("Vrije plaatsen geef je voor deze maand en de %(n)s maanden erna.")
                % {"n": MONTHS_AHEAD - 1}
            )
        if not isinstance(count, int) or count < 0:
            raise ValidationError(_("Het aantal vrije plaatsen is een geheel getal, 0 of meer."))
        if count > childcare.licensed_places:
            raise ValidationError(
                _(
                    "%(month)s: %(count)s vrije plaatsen is meer dan de %(licensed)s vergunde "
                    "plaatsen."
                )
                % {
                    "month": month_label(month),
                    "count": count,
                    "licensed": childcare.licensed_places,
                }
            )
    current = {row.month: row for row in FreePlaces.objects.filter(location=childcare)}
    changes = {}
    for month, count in sorted(places.items()):
        row = current.get(month)
        if row is None:
            FreePlaces.objects.create(location=childcare, month=month, places=count)
            changes[f"{month:%Y-%m}"] = [None, count]
        elif row.places != count:
            changes[f"{month:%Y-%m}"] = [row.places, count]
            row.places = count
            row.save(update_fields=["places", "updated_at"])
    before = childcare.places_updated_at
    childcare.places_updated_at = timezone.now()
    childcare.places_updated_by = _person(actor)
    childcare.places_reminder_sent_at = None
    childcare.save(
        update_fields=[
            "places_updated_at",
            "places_updated_by",
            "places_reminder_sent_at",
            "updated_at",
        ]
    )
    audit_record(
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        target=childcare,
        house=childcare.house,
        reason=_("vrije plaatsen bijgewerkt"),
        changes={
            "places_updated_at": [audit_value(before), audit_value(childcare.places_updated_at)],
            **{f"free_places_{month}": change for month, change in changes.items()},
        },
    )
    return changes


@transaction.atomic
def childcare_import_create(*, house: House, actor, source: str, content: str) -> ChildcareImport:
    """Record the import the desk confirmed; the background task ``tasks.run_import`` runs it."""
    record = ChildcareImport.objects.create(
        house=house, actor=_person(actor), source=source[:200], content=content
    )
    audit_record(
        actor=actor,
        action=AuditEvent.Action.CREATE,
        target=record,
        house=house,
        reason=_("import van de lijst van opvanglocaties"),
        changes={"source": [None, record.source]},
    )
    return record
