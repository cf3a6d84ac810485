"""Every write to the offer: create, change, publish, archive and verify services."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext as _

from huisvanhetkind.catalogue.models import Service, ServiceHistory, Synonym
from huisvanhetkind.catalogue.search.services import index_service
from huisvanhetkind.catalogue.workflow import ServiceStatus, can_transition

RELATED_FIELDS = ("domains", "age_groups", "target_groups", "service_areas", "locations")


def _plain(value):
    """A JSON-friendly form of a field value for the history."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Model):
        return str(value)
    return value


def _reindex_on_commit(service_id: int) -> None:
    def reindex():
        service = Service.objects.filter(pk=service_id).first()
        if service is not None:
            index_service(service)

    transaction.on_commit(reindex)


def _apply(service: Service, data: dict) -> dict:
    """Set plain and related fields from ``data``; return what changed as {field: [before, after]}."""
    changes = {}
    for field, value in data.items():
        if field in RELATED_FIELDS:
            continue
        before = getattr(service, field)
        if before != value:
            changes[field] = [_plain(before), _plain(value)]
            setattr(service, field, value)
    return changes


def _apply_related(service: Service, data: dict) -> dict:
    changes = {}
    for field in RELATED_FIELDS:
        if field not in data:
            continue
        manager = getattr(service, field)
        before = sorted(str(x) for x in manager.all())
        after = sorted(str(x) for x in data[field])
        if before != after:
            changes[field] = [before, after]
            manager.set(data[field])
    return changes


@transaction.atomic
def service_create(*, organisation, actor, data: dict) -> Service:
    service = Service(organisation=organisation, status=ServiceStatus.DRAFT)
    _apply(service, data)
    service.last_verified_at = timezone.now()
    service.last_verified_by = actor
    service.full_clean(exclude=["organisation"])
    service.save()
    _apply_related(service, data)
    ServiceHistory.objects.create(
        service=service, actor=actor, action="create", status=service.status
    )
    _reindex_on_commit(service.pk)
    return service


@transaction.atomic
def service_update(*, service: Service, actor, data: dict) -> Service:
    """Change a service; saving it also counts as verifying it is still correct."""
    service = Service.objects.select_for_update().get(pk=service.pk)
    changes = _apply(service, data)
    service.full_clean()
    service.last_verified_at = timezone.now()
    service.last_verified_by = actor
    service.save()
    changes.update(_apply_related(service, data))
    if changes:
        ServiceHistory.objects.create(
            service=service, actor=actor, action="update", status=service.status, changes=changes
        )
    _reindex_on_commit(service.pk)
    return service


@transaction.atomic
def service_transition(*, service: Service, actor, to: str) -> Service:
    service = Service.objects.select_for_update().get(pk=service.pk)
    if not can_transition(service.status, to):
        raise ValidationError(
            _("Van '%(from)s' naar '%(to)s' kan niet.")
            % {"from": service.get_status_display(), "to": ServiceStatus(to).label}
        )
    if to == ServiceStatus.PUBLISHED and not service.domains.exists():
        raise ValidationError(_("Kies minstens één domein voor je het aanbod publiceert."))
    before = service.status
    service.status = to
    service.save(update_fields=["status", "updated_at"])
    ServiceHistory.objects.create(
        service=service, actor=actor, action="status", status=to, changes={"status": [before, to]}
    )
    _reindex_on_commit(service.pk)
    return service


@transaction.atomic
def service_verify(*, service: Service, actor) -> Service:
    """The partner confirms the service is still correct as it is."""
    service = Service.objects.select_for_update().get(pk=service.pk)
    service.last_verified_at = timezone.now()
    service.last_verified_by = actor
    service.verification_reminder_sent_at = None
    service.save(
        update_fields=["last_verified_at", "last_verified_by", "verification_reminder_sent_at"]
    )
    ServiceHistory.objects.create(
        service=service, actor=actor, action="verify", status=service.status
    )
    return service


@transaction.atomic
def synonym_save(*, house, actor, terms: str, synonym: Synonym | None = None) -> Synonym:
    words = [t.strip().lower() for t in terms.split(",") if t.strip()]
    if len(words) < 2:
        raise ValidationError(_("Geef minstens twee woorden, gescheiden door een komma."))
    synonym = synonym or Synonym(house=house)
    synonym.terms = ", ".join(dict.fromkeys(words))
    synonym.save()
    return synonym


@transaction.atomic
def synonym_delete(*, synonym: Synonym, actor) -> None:
    synonym.delete()
