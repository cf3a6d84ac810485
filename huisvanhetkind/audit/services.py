"""The one way to write the audit trail."""

from django.db import models

from huisvanhetkind.audit.models import AuditEvent


def _check_changes(changes: dict) -> dict:
    """``changes`` is always ``{field: [before, after]}`` (``None`` for nothing)."""
    for field, pair in changes.items():
        if not isinstance(field, str) or not isinstance(pair, list | tuple) or len(pair) != 2:
            raise ValueError(
                f"Audit changes must be {{field: [before, after]}}; {field!r} is {pair!r}."
            )
    return {field: list(pair) for field, pair in changes.items()}


def audit_event(
    *,
    actor,
    action: str,
    target: models.Model,
    house=None,
    organisation=None,
    reason: str = "",
    changes: dict | None = None,
) -> AuditEvent:
    """The unsaved event that ``audit_record`` saves (``audit_record_many`` saves a list of them
    in one insert)."""
    if action not in AuditEvent.Action.values:
        raise ValueError(f"Unknown audit action {action!r}: use one of AuditEvent.Action.")
    is_person = actor is not None and getattr(actor, "is_authenticated", False)
    return AuditEvent(
        actor=actor if is_person else None,
        actor_label=(actor.get_username() if is_person else "systeem"),
        house=house,
        organisation=organisation,
        organisation_label=str(organisation)[:255] if organisation is not None else "",
        action=action,
        target_type=target._meta.label_lower,
        target_id=str(target.pk),
        target_label=str(target)[:255],
        reason=reason,
        changes=_check_changes(changes or {}),
    )


def audit_record(
    *,
    actor,
    action: str,
    target: models.Model,
    house=None,
    organisation=None,
    reason: str = "",
    changes: dict | None = None,
) -> AuditEvent:
    """Record that ``actor`` did ``action`` to ``target`` (in ``house``, on behalf of
    ``organisation``), and why; ``changes`` as ``{field: [before, after]}``."""
    event = audit_event(
        actor=actor,
        action=action,
        target=target,
        house=house,
        organisation=organisation,
        reason=reason,
        changes=changes,
    )
    event.save(force_insert=True)
    return event


def audit_record_many(events: list[AuditEvent]) -> list[AuditEvent]:
    """Record many events of ``audit_event`` in one insert (a list of reads, for instance)."""
    return AuditEvent.objects.bulk_create(events)
