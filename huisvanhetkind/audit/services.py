"""The one way to write the audit trail."""

from django.db import models

from huisvanhetkind.audit.models import AuditEvent


def audit_record(
    *,
    actor,
    action: str,
    target: models.Model,
    house=None,
    reason: str = "",
    changes: dict | None = None,
) -> AuditEvent:
    """Record that ``actor`` did ``action`` to ``target`` (in ``house``), and why."""
    is_person = actor is not None and getattr(actor, "is_authenticated", False)
    return AuditEvent.objects.create(
        actor=actor if is_person else None,
        actor_label=(actor.get_username() if is_person else "systeem"),
        house=house,
        action=action,
        target_type=target._meta.label_lower,
        target_id=str(target.pk),
        target_label=str(target)[:255],
        reason=reason,
        changes=changes or {},
    )
