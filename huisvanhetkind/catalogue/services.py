"""Every write to the offer: create, change, publish, archive, verify and import services, and the
houses' synonyms.

Each write records the audit trail as ``{field: [before, after]}`` (a service's events in the
trail of every house its organisation is partner of) and a service's own history
(``ServiceHistory``); a status changes only in ``_move``, through the workflow."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.audit.services import audit_record
from huisvanhetkind.catalogue.models import Service, ServiceHistory, Synonym
from huisvanhetkind.catalogue.search.services import index_service
from huisvanhetkind.catalogue.workflow import ServiceStatus, ensure_transition
from huisvanhetkind.core.services import audit_value, model_update
from huisvanhetkind.network.models import House

RELATED_FIELDS = ("domains", "age_groups", "target_groups", "service_areas", "locations")


def _created(service: Service, data: dict) -> dict:
    """What a creation wrote: ``{field: [None, value]}``, leaving out what was left empty."""
    values = {"hsds_id": service.hsds_id, "organisation": service.organisation, **data}
    values["status"] = service.status
    plain = {
        field: sorted(str(item) for item in value)
        if field in RELATED_FIELDS
        else audit_value(value)
        for field, value in values.items()
    }
    return {field: [None, value] for field, value in plain.items() if value not in (None, "", [])}


def _person(actor):
    return actor if getattr(actor, "is_authenticated", False) else None


def _record(
    *, service: Service, actor, action: str, history: str, changes: dict, reason: str = ""
) -> None:
    """Append the change to the service's history and to the trail of each of its houses."""
    ServiceHistory.objects.create(
        service=service,
        actor=_person(actor),
        action=history,
        status=service.status,
        changes=changes if history != "create" else {},
    )
    houses = House.objects.filter(partnerships__organisation_id=service.organisation_id)
    for house in list(houses.distinct()) or [None]:
        audit_record(
            actor=actor, action=action, target=service, house=house, reason=reason, changes=changes
        )


def _reindex_on_commit(service_id: int) -> None:
    def reindex():
        service = Service.objects.filter(pk=service_id).first()
        if service is not None:
            index_service(service)

    transaction.on_commit(reindex)


def _new(*, service: Service, data: dict) -> None:
    """Fill in and save a new service (status draft), then its related records."""
    for field, value in data.items():
        if field not in RELATED_FIELDS:
            setattr(service, field, value)
    service.full_clean(exclude=["organisation"])
    service.save()
    for field in RELATED_FIELDS:
        if field in data:
            getattr(service, field).set(data[field])


def _move(*, service: Service, actor, to: str, reason: str = "") -> Service:
    """The one place a service's status changes: the workflow decides, a published service
    needs a domain; the change goes to the history and the trail as ``{"status": [old, new]}``.
    ``service`` is locked by the caller."""
    ensure_transition(service.status, to)
    if to == ServiceStatus.PUBLISHED and not service.domains.exists():
        raise ValidationError(_("Kies minstens één domein voor je het aanbod publiceert."))
    before = service.status
    service.status = to
    service.save(update_fields=["status", "updated_at"])
    _record(
        service=service,
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        history="status",
        changes={"status": [before, to]},
        reason=reason,
    )
    return service


@transaction.atomic
def service_create(*, organisation, actor, data: dict, reason: str = "") -> Service:
    """A new service, as a draft; creating it counts as verifying it."""
    service = Service(organisation=organisation, status=ServiceStatus.DRAFT)
    data = {**data, "last_verified_at": timezone.now(), "last_verified_by": _person(actor)}
    _new(service=service, data=data)
    _record(
        service=service,
        actor=actor,
        action=AuditEvent.Action.CREATE,
        history="create",
        changes=_created(service, data),
        reason=reason,
    )
    _reindex_on_commit(service.pk)
    return service


@transaction.atomic
def service_update(*, service: Service, actor, data: dict, reason: str = "") -> Service:
    """Change a service; saving it also counts as verifying it is still correct."""
    service = Service.objects.select_for_update().get(pk=service.pk)
    changes = model_update(instance=service, data=data, m2m=RELATED_FIELDS)
    service.full_clean()  # refused: the transaction undoes the change
    service.last_verified_at = timezone.now()
    service.last_verified_by = _person(actor)
    service.save(update_fields=["last_verified_at", "last_verified_by", "updated_at"])
    if changes:
        _record(
            service=service,
            actor=actor,
            action=AuditEvent.Action.UPDATE,
            history="update",
            changes=changes,
            reason=reason,
        )
    _reindex_on_commit(service.pk)
    return service


@transaction.atomic
def service_transition(*, service: Service, actor, to: str, reason: str = "") -> Service:
    """Publish, archive or take back a service to draft, as the workflow allows."""
    service = Service.objects.select_for_update().get(pk=service.pk)
    service = _move(service=service, actor=actor, to=to, reason=reason)
    _reindex_on_commit(service.pk)
    return service


@transaction.atomic
def service_upsert(
    *,
    hsds_id: str,
    organisation,
    actor,
    data: dict,
    status: str,
    modified_at: datetime | None = None,
    reason: str = "",
) -> tuple[Service, str]:
    """Create or change the service an outside source (an HSDS import) knows as ``hsds_id`` and
    bring it to ``status`` through the workflow.

    What the services refuse elsewhere is refused here too, as a ValidationError: a move the
    workflow does not allow (archived to published) and a published service without a domain.
    Unlike a partner's edit, an import does not count as verifying: ``last_verified_at`` changes
    only when ``data`` holds it. ``modified_at`` (the source's last change) becomes our
    ``updated_at``. Nothing is saved or recorded when nothing changed. Returns the service and
    "created", "updated" or "unchanged"."""
    service = Service.objects.select_for_update().filter(hsds_id=hsds_id).first()
    if service is None:
        service = Service(hsds_id=hsds_id, organisation=organisation, status=ServiceStatus.DRAFT)
        _new(service=service, data=data)
        outcome = "created"
        _record(
            service=service,
            actor=actor,
            action=AuditEvent.Action.CREATE,
            history="import",
            changes=_created(service, data),
            reason=reason,
        )
    else:
        changes = model_update(
            instance=service, data={"organisation": organisation, **data}, m2m=RELATED_FIELDS
        )
        outcome = "updated" if changes else "unchanged"
        if changes:
            service.full_clean()  # refused: the transaction undoes the change
            _record(
                service=service,
                actor=actor,
                action=AuditEvent.Action.UPDATE,
                history="import",
                changes=changes,
                reason=reason,
            )
    if service.status != status:
        _move(service=service, actor=actor, to=status, reason=reason)
        outcome = "created" if outcome == "created" else "updated"
    elif status == ServiceStatus.PUBLISHED and not service.domains.exists():
        raise ValidationError(_("Kies minstens één domein voor je het aanbod publiceert."))
    if outcome != "unchanged":
        if modified_at is not None:
            Service.objects.filter(pk=service.pk).update(updated_at=modified_at)
        _reindex_on_commit(service.pk)
    return service, outcome


@transaction.atomic
def service_verify(*, service: Service, actor) -> Service:
    """The partner confirms the service is still correct as it is."""
    service = Service.objects.select_for_update().get(pk=service.pk)
    before = service.last_verified_at
    service.last_verified_at = timezone.now()
    service.last_verified_by = _person(actor)
    service.verification_reminder_sent_at = None
    service.save(
        update_fields=["last_verified_at", "last_verified_by", "verification_reminder_sent_at"]
    )
    _record(
        service=service,
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        history="verify",
        changes={"last_verified_at": [audit_value(before), audit_value(service.last_verified_at)]},
    )
    return service


# --- synonyms -------------------------------------------------------------------------------


@transaction.atomic
def synonym_save(*, house, actor, terms: str, synonym: Synonym | None = None) -> Synonym:
    """Create a house's synonyms (``synonym`` None) or change them; the trail records the words
    before and after (nothing when nothing changed)."""
    words = [t.strip().lower() for t in terms.split(",") if t.strip()]
    if len(words) < 2:
        raise ValidationError(_("Geef minstens twee woorden, gescheiden door een komma."))
    text = ", ".join(dict.fromkeys(words))
    if synonym is None:
        synonym = Synonym.objects.create(house=house, terms=text)
        action, changes = AuditEvent.Action.CREATE, {"terms": [None, text]}
    else:
        synonym = Synonym.objects.select_for_update().get(pk=synonym.pk)
        action, changes = (
            AuditEvent.Action.UPDATE,
            model_update(instance=synonym, data={"terms": text}),
        )
    if changes:
        audit_record(
            actor=actor, action=action, target=synonym, house=synonym.house, changes=changes
        )
    return synonym


@transaction.atomic
def synonym_delete(*, synonym: Synonym, actor) -> None:
    audit_record(
        actor=actor,
        action=AuditEvent.Action.DELETE,
        target=synonym,
        house=synonym.house,
        changes={"terms": [synonym.terms, None]},
    )
    synonym.delete()
