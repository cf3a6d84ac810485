"""Helpers for the services of every app."""

from django.db import models


def model_update(*, instance: models.Model, data: dict, m2m: tuple[str, ...] = ()) -> dict:
    """Set ``data`` on ``instance`` and save only what changed.

    Returns what changed as ``{field: [before, after]}``, the shape of the audit trail; many-to-many
    fields (named in ``m2m``) compare and store sorted lists of their members' string forms.
    Nothing is saved when nothing changed.
    """
    changes = {}
    for field, value in data.items():
        if field in m2m:
            manager = getattr(instance, field)
            before = sorted(str(item) for item in manager.all())
            after = sorted(str(item) for item in value)
            if before != after:
                manager.set(value)
                changes[field] = [before, after]
            continue
        before = getattr(instance, field)
        if before != value:
            setattr(instance, field, value)
            changes[field] = [_plain(before), _plain(value)]
    saved = [field for field in changes if field not in m2m]
    if saved:
        if _has(instance, "updated_at"):
            saved.append("updated_at")
        instance.save(update_fields=saved)
    return changes


def _has(instance, name: str) -> bool:
    return any(field.name == name for field in instance._meta.concrete_fields)


def _plain(value):
    """A value as JSON can hold it: a related object by its primary key, others as text."""
    if isinstance(value, models.Model):
        return value.pk
    if value is None or isinstance(value, bool | int | float | str | list | dict):
        return value
    return str(value)
