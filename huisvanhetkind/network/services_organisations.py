"""Every write to the network's houses, organisations, partnerships and locations, and the
helpers the other network services share to record them: an event about an organisation goes to
the trail of every house it is partner of.

``actor=None`` is the platform itself (the demo seeder, an import, a command): the trail records
it as "systeem"."""

from collections.abc import Iterable
from datetime import time

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.audit.services import audit_record
from huisvanhetkind.core.services import audit_value, model_update
from huisvanhetkind.network import access
from huisvanhetkind.network.models import House, Location, OpeningHours, Organisation, Partnership
from huisvanhetkind.network.validators import normalise_enterprise_number

ORGANISATION_RELATIONS = ("domains", "age_groups", "municipalities")
# One line of opening hours: weekday (0 is Monday), opens, closes, note.
OpeningHoursRow = tuple[int, time, time, str]


def audit_organisation_event(
    *,
    actor,
    action: str,
    target,
    organisation: Organisation,
    context_house: House | None = None,
    reason: str = "",
    changes: dict | None = None,
) -> None:
    """Record an event about an organisation's people once in the trail of every house it is
    partner of (each of those houses' families is concerned); an organisation of no house yet
    records it in the house where it happened, if any."""
    houses = list(House.objects.filter(partnerships__organisation=organisation).distinct())
    for house in houses or [context_house]:
        audit_record(
            actor=actor, action=action, target=target, house=house, reason=reason, changes=changes
        )


def _created(data: dict) -> dict:
    """What a creation wrote, in the trail's shape: ``{field: [None, value]}``; fields left
    empty are left out."""
    plain = {field: audit_value(value) for field, value in data.items()}
    return {field: [None, value] for field, value in plain.items() if value not in (None, "", [])}


# --- houses ---------------------------------------------------------------------------------


@transaction.atomic
def house_save(*, actor, house: House | None = None, data: dict) -> House:
    """Create a house (``house`` None) or change it: its fields and, under ``municipalities``,
    the municipalities it serves. A platform admin creates houses; a coordinator may change their
    own. Nothing is saved, and nothing recorded, when nothing changed."""
    if not access.can_save_house(actor, house):
        raise PermissionDenied(_("Alleen een platformbeheerder maakt of wijzigt dit huis."))
    fields = {field: value for field, value in data.items() if field != "municipalities"}
    if house is None:
        house = House(**fields)
        house.full_clean()
        house.save()
        if "municipalities" in data:
            house.municipalities.set(data["municipalities"])
        action, changes = AuditEvent.Action.CREATE, _created(data)
    else:
        house = House.objects.select_for_update().get(pk=house.pk)
        changes = model_update(instance=house, data=data, m2m=("municipalities",))
        if changes:
            house.full_clean()  # refused: the transaction undoes the change
        action = AuditEvent.Action.UPDATE
    if changes:
        audit_record(actor=actor, action=action, target=house, house=house, changes=changes)
    return house


# --- organisations and partnerships ---------------------------------------------------------


@transaction.atomic
def organisation_create(
    *, actor, data: dict, houses: Iterable[House] = (), hsds_id: str = ""
) -> Organisation:
    """Create an organisation, partner of ``houses``: by a platform admin, or by the coordinator
    of those houses (approving an application, importing an offer). ``data`` holds its fields
    and, under ``domains``, ``age_groups`` and ``municipalities``, its related records;
    ``hsds_id`` keeps the identifier an HSDS source (or the demo) gave it. Recorded in the trail
    of each of its houses."""
    houses = list(houses)
    if not access.can_create_organisation(actor, houses):
        raise PermissionDenied(
            _("Alleen een platformbeheerder of de coördinator van het huis maakt een organisatie.")
        )
    fields = {field: value for field, value in data.items() if field not in ORGANISATION_RELATIONS}
    number = fields.get("enterprise_number")
    fields["enterprise_number"] = normalise_enterprise_number(number) if number else None
    organisation = Organisation(**fields)
    if hsds_id:
        organisation.hsds_id = hsds_id
    organisation.full_clean()
    organisation.save()
    for field in ORGANISATION_RELATIONS:
        if field in data:
            getattr(organisation, field).set(data[field])
    changes = _created({"hsds_id": organisation.hsds_id, **data, **fields})
    for house in houses or [None]:
        audit_record(
            actor=actor,
            action=AuditEvent.Action.CREATE,
            target=organisation,
            house=house,
            changes=changes,
        )
    for house in houses:
        partnership_create(actor=actor, organisation=organisation, house=house)
    return organisation


@transaction.atomic
def organisation_update(*, organisation: Organisation, actor, data: dict) -> Organisation:
    """Change an organisation's public profile; the trail of each of its houses records what
    changed (nothing is saved or recorded when nothing did)."""
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    changes = model_update(instance=organisation, data=data, m2m=ORGANISATION_RELATIONS)
    if changes:
        audit_organisation_event(
            actor=actor,
            action=AuditEvent.Action.UPDATE,
            target=organisation,
            organisation=organisation,
            changes=changes,
        )
    return organisation


@transaction.atomic
def partnership_create(*, actor, organisation: Organisation, house: House) -> Partnership:
    """Make the organisation a partner of the house; a partnership that exists (whatever its
    status) is returned as it is, without a trail.

    Who may is the step that calls it: a coordinator's approval of a new organisation, the
    organisation's own confirmation of a coordinator's approval, the creation of an organisation
    by a platform admin or coordinator, an import by the coordinator, the demo seeder."""
    partnership, created = Partnership.objects.get_or_create(organisation=organisation, house=house)
    if created:
        audit_organisation_event(
            actor=actor,
            action=AuditEvent.Action.CREATE,
            target=partnership,
            organisation=organisation,
            context_house=house,
            changes={
                "organisation_id": [None, organisation.pk],
                "house_id": [None, house.pk],
                "status": [None, partnership.status],
                "since": [None, str(partnership.since)],
            },
        )
    return partnership


# --- locations ------------------------------------------------------------------------------


def _hours_as_text(rows: list[OpeningHoursRow]) -> list[list]:
    return [[day, f"{opens:%H:%M}", f"{closes:%H:%M}", note] for day, opens, closes, note in rows]


@transaction.atomic
def location_save(
    *,
    actor,
    location: Location | None = None,
    data: dict,
    opening_hours: Iterable[OpeningHoursRow] | None = None,
    hsds_id: str = "",
) -> Location:
    """Create a location (``location`` None; ``hsds_id`` keeps the identifier an HSDS source or
    the demo gave it) or change it; ``data`` holds its fields, its owner under ``house`` or
    ``organisation``. ``opening_hours`` (when given) replace the location's hours if they differ.
    Recorded in the trail of the owner's houses; nothing is recorded when nothing changed."""
    owners = [location] if location is not None else []
    owners.append(
        Location(
            house=data.get("house", location.house if location else None),
            organisation=data.get("organisation", location.organisation if location else None),
        )
    )
    for owner in owners:
        if not access.can_save_location(actor, house=owner.house, organisation=owner.organisation):
            raise PermissionDenied(
                _("Alleen wie het aanbod van de eigenaar bijhoudt, wijzigt deze locatie.")
            )
    hours = None if opening_hours is None else sorted(tuple(row) for row in opening_hours)
    for day, opens, closes, _note in hours or []:
        if closes <= opens:
            raise ValidationError(
                _("Een openingsuur sluit na het openen, niet %(day)s van %(opens)s tot %(closes)s.")
                % {
                    "day": OpeningHours.Weekday(day).label,
                    "opens": f"{opens:%H:%M}",
                    "closes": f"{closes:%H:%M}",
                }
            )
    if location is None:
        location = Location(**data)
        if hsds_id:
            location.hsds_id = hsds_id
        location.full_clean()
        location.save()
        action = AuditEvent.Action.CREATE
        changes = _created({"hsds_id": location.hsds_id, **data})
        current = None
    else:
        location = Location.objects.select_for_update().get(pk=location.pk)
        action = AuditEvent.Action.UPDATE
        changes = model_update(instance=location, data=data)
        if changes:
            location.full_clean()  # refused: the transaction undoes the change
        current = sorted(
            (h.weekday, h.opens, h.closes, h.note) for h in location.opening_hours.all()
        )
    if hours is not None and hours != current:
        location.opening_hours.all().delete()
        OpeningHours.objects.bulk_create(
            OpeningHours(location=location, weekday=day, opens=opens, closes=closes, note=note)
            for day, opens, closes, note in hours
        )
        changes["opening_hours"] = [
            None if current is None else _hours_as_text(current),
            _hours_as_text(hours),
        ]
    if changes:
        if location.organisation_id:
            audit_organisation_event(
                actor=actor,
                action=action,
                target=location,
                organisation=location.organisation,
                changes=changes,
            )
        else:
            audit_record(
                actor=actor, action=action, target=location, house=location.house, changes=changes
            )
    return location
