"""Helpers for the services of every app, and the writes of core's own tables."""

from django.db import models, transaction
from django.utils import timezone, translation

from huisvanhetkind.core import todo
from huisvanhetkind.core.mail import send_templated_mail_on_commit
from huisvanhetkind.core.models import NotificationPreference


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
            changes[field] = [audit_value(before), audit_value(value)]
    saved = [field for field in changes if field not in m2m]
    if saved:
        if _has(instance, "updated_at"):
            saved.append("updated_at")
        instance.save(update_fields=saved)
    return changes


def notification_preference_set(*, user, daily_digest: bool) -> dict:
    """A professional turns the daily e-mail of their to-do list on or off; returns what
    changed. Their own setting, no family's data: it is not in the audit trail."""
    with transaction.atomic():
        preference, _ = NotificationPreference.objects.select_for_update().get_or_create(user=user)
        return model_update(instance=preference, data={"daily_digest": daily_digest})


def todo_digests_send() -> int:
    """E-mail each professional who asked for it their to-do list, in Dutch, once a day and only
    when something waits; returns how many e-mails were sent. A second run on the same day (a
    missed run caught up) sends nobody a second one."""
    today = timezone.localdate()
    sent = 0
    for preference in todo.digest_subscribers().exclude(digest_sent_on=today):
        user = preference.user
        with translation.override("nl"):
            waiting = todo.todo_list(user)
        if not waiting or not user.email:
            continue
        with transaction.atomic():
            # Claimed by a conditional update: a run beside this one (a task requeued while its
            # first worker still ran) finds it claimed and sends nothing.
            claimed = (
                NotificationPreference.objects.filter(pk=preference.pk)
                .exclude(digest_sent_on=today)
                .update(digest_sent_on=today)
            )
            if not claimed:
                continue
            send_templated_mail_on_commit(
                to=[user.email], template="core/email/todo_digest", context={"todo": waiting}
            )
        sent += 1
    return sent


def _has(instance, name: str) -> bool:
    return any(field.name == name for field in instance._meta.concrete_fields)


def audit_value(value):
    """A value as the audit trail holds it (JSON): a record by its primary key, related records
    (a queryset, set or tuple, or a list of records) as the sorted list of their names, other
    lists item by item, times, dates and amounts as text."""
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, models.QuerySet | set | tuple) or (
        isinstance(value, list) and any(isinstance(item, models.Model) for item in value)
    ):
        return sorted(str(item) for item in value)
    if isinstance(value, list):
        return [audit_value(item) for item in value]
    if value is None or isinstance(value, bool | int | float | str | dict):
        return value
    return str(value)
