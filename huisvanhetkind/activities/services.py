"""Every write about activities and their sessions: saving an activity, its status and its
cancellation, generating, changing, cancelling and importing sessions, and messages to the
families registered for a session.

The writes about registrations and the waitlist are in ``services_registrations`` (this module
uses its session lock and waitlist promotion), those about news and photos in ``services_news``.
"""

from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.db.models.fields.files import FieldFile
from django.utils import timezone
from django.utils.translation import gettext as _

from huisvanhetkind.activities.models import (
    Activity,
    ImportedEvent,
    Registration,
    Session,
    delete_photo_on_commit,
)
from huisvanhetkind.activities.recurrence import occurrences
from huisvanhetkind.activities.services_registrations import _lock, _promote
from huisvanhetkind.activities.workflow import (
    ACTIVE_STATES as ACTIVE,
)
from huisvanhetkind.activities.workflow import (
    RegistrationStatus,
    ensure_activity_transition,
)
from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.audit.services import audit_record
from huisvanhetkind.core.mail import send_templated_mail_on_commit
from huisvanhetkind.core.services import audit_value, model_update

S = RegistrationStatus


# --- Activities and their sessions -------------------------------------------------------------


# Fields of an activity or news item that are not written to the audit trail (they change on every save, or
# are large texts whose change the trail marks without copying them).
UNAUDITED = {"id", "created_at", "updated_at", "created_by"}
LONG_TEXTS = {"description", "accessibility", "body"}
M2M = ("organisations", "domains", "age_groups")


def _values(instance) -> dict:
    """The audited fields of a record as they are now (empty for no record)."""
    if instance is None:
        return {}
    values = {}
    for model_field in instance._meta.concrete_fields:
        if model_field.name in UNAUDITED:
            continue
        value = model_field.value_from_object(instance)
        if isinstance(value, FieldFile):
            value = value.name or ""
        values[model_field.name] = value
    return values


def _changes(before: dict, after: dict) -> dict:
    """What changed as ``{field: [before, after]}`` (``None`` before a creation); a long text
    is marked as changed without copying it."""
    changes = {}
    for name, value in after.items():
        old = before.get(name) if before else None
        if before and old == value:
            continue
        if not before and value in ("", None, [], False):
            continue
        if name in LONG_TEXTS:
            changes[name] = [None if not before else "…", "…"]
            continue
        changes[name] = [audit_value(old) if before else None, audit_value(value)]
    return changes


def activity_save(*, activity: Activity, actor, organisations=None, domains=None, age_groups=None):
    """Create or change an activity (its many-to-many fields given separately).

    A new status is set through ``activity_transition`` (or, to 'cancelled', through
    ``activity_cancel``: its coming sessions are cancelled and every family registered for one
    is told)."""
    with transaction.atomic():
        is_new = activity.pk is None
        stored = (
            None if is_new else Activity.objects.select_for_update().filter(pk=activity.pk).first()
        )
        wanted_status = activity.status
        if stored is not None:
            activity.status = stored.status  # a status changes only in activity_transition
        if is_new:
            activity.created_by = actor if getattr(actor, "is_authenticated", False) else None
        activity.full_clean(exclude=["created_by"])
        before = _values(stored)
        before_m2m = {
            name: sorted(str(item) for item in getattr(stored, name).all()) if stored else []
            for name in M2M
        }
        activity.save()
        changes = _changes(before, _values(activity))
        for name, value in zip(M2M, (organisations, domains, age_groups), strict=True):
            if value is None:
                continue
            getattr(activity, name).set(value)
            after = sorted(str(item) for item in value)
            if after != before_m2m[name]:
                changes[name] = [before_m2m[name] if stored else None, after]
        audit_record(
            actor=actor,
            action=AuditEvent.Action.CREATE if is_new else AuditEvent.Action.UPDATE,
            target=activity,
            house=activity.house,
            changes=changes,
        )
        if stored is not None and wanted_status != stored.status:
            if wanted_status == Activity.Status.CANCELLED:
                activity_cancel(activity=activity, actor=actor)
            else:
                activity_transition(activity=activity, actor=actor, status=wanted_status)
        _drop_replaced_photo(activity.image, stored.image.name if stored else "")
    return activity


def _drop_replaced_photo(field_file, stored_name: str) -> None:
    """After a save: the photo stored before, when it was replaced or removed, leaves storage
    (once the transaction commits)."""
    if stored_name and stored_name != (field_file.name or ""):
        delete_photo_on_commit(FieldFile(field_file.instance, field_file.field, stored_name))


def activity_transition(*, activity: Activity, actor, status: str, changes=None) -> Activity:
    """The one place where an activity's status changes: the row locked, the move checked
    against the workflow, saved, and appended to the audit trail as ``{"status": [old, new]}``
    (with ``changes``, what else the move did)."""
    with transaction.atomic():
        old = (
            Activity.objects.select_for_update()
            .filter(pk=activity.pk)
            .values_list("status", flat=True)
            .get()
        )
        ensure_activity_transition(old, status)
        activity.status = status
        Activity.objects.filter(pk=activity.pk).update(status=status, updated_at=timezone.now())
        audit_record(
            actor=actor,
            action=AuditEvent.Action.UPDATE,
            target=activity,
            house=activity.house,
            changes={"status": [old, status], **(changes or {})},
        )
    return activity


def activity_cancel(*, activity: Activity, actor, message: str = "") -> int:
    """Cancel an activity: its status, each of its coming sessions, and a message to every
    family registered for one of them (confirmed or on the waitlist, who gave an e-mail
    address), as ``session_cancel`` does for one session. Returns how many were e-mailed."""
    with transaction.atomic():
        current = (
            Activity.objects.select_for_update()
            .filter(pk=activity.pk)
            .values_list("status", flat=True)
            .get()
        )
        sessions = {
            session.pk: session
            for session in Session.objects.select_for_update().filter(
                activity=activity, is_cancelled=False, starts_at__gt=timezone.now()
            )
        }
        Session.objects.filter(pk__in=list(sessions)).update(is_cancelled=True)
        registrations = list(
            Registration.objects.filter(
                session__in=list(sessions), status__in=[S.CONFIRMED, S.WAITLISTED]
            ).order_by("session__starts_at", "created_at", "id")
        )
        told = 0
        for registration in registrations:
            session = sessions[registration.session_id]
            session.activity, session.is_cancelled = activity, True
            registration.session = session
            if registration.email:
                send_templated_mail_on_commit(
                    to=[registration.email],
                    template="activities/email/message",
                    context={
                        "registration": registration,
                        "session": session,
                        "message": message,
                        "cancelled": True,
                    },
                )
                told += 1
        # What the cancellation did: None before, what it cancelled and told after.
        done = {
            "sessions_cancelled": [None, sorted(sessions)],
            "registrations_told": [None, told],
            "registrations_without_email": [None, len(registrations) - told],
        }
        if current != Activity.Status.CANCELLED:
            activity_transition(
                activity=activity, actor=actor, status=Activity.Status.CANCELLED, changes=done
            )
        elif sessions:  # sessions added to an activity that was cancelled already
            audit_record(
                actor=actor,
                action=AuditEvent.Action.UPDATE,
                target=activity,
                house=activity.house,
                changes=done,
            )
        activity.status = Activity.Status.CANCELLED
    return told


def sessions_generate(
    *,
    activity: Activity,
    actor,
    rule: str,
    first_day,
    starts,
    ends,
    until=None,
    exceptions=(),
    close_hours_before: int = 0,
    capacity: int | None = None,
) -> list[Session]:
    """Add the sessions of a recurrence rule (e.g. ``FREQ=WEEKLY;BYDAY=TU``), skipping the
    exception dates (these and the ones the activity already keeps, such as school holidays)
    and any start time the activity already has."""
    exceptions = sorted({str(d) for d in exceptions} | set(activity.exception_dates))
    starts_list = occurrences(
        rule=rule, first_day=first_day, starts=starts, until=until, exceptions=exceptions
    )
    duration = datetime.combine(first_day, ends) - datetime.combine(first_day, starts)
    if duration <= timedelta(0):
        raise ValidationError(_("Het einduur moet na het beginuur liggen."))
    with transaction.atomic():
        existing = set(activity.sessions.values_list("starts_at", flat=True))
        new = [
            Session(
                activity=activity,
                starts_at=moment,
                ends_at=moment + duration,
                capacity=capacity,
                registration_closes_at=(
                    moment - timedelta(hours=close_hours_before) if close_hours_before else None
                ),
            )
            for moment in starts_list
            if moment not in existing
        ]
        Session.objects.bulk_create(new)
        changes = model_update(
            instance=activity, data={"recurrence": rule, "exception_dates": exceptions}
        )
        audit_record(
            actor=actor,
            action=AuditEvent.Action.UPDATE,
            target=activity,
            house=activity.house,
            changes={**changes, "sessions_added": [None, len(new)]},
        )
    return new


def session_change(
    *,
    session: Session,
    actor,
    series: bool = False,
    shift: timedelta = timedelta(0),
    duration: timedelta | None = None,
    capacity: int | None = None,
    note: str | None = None,
) -> int:
    """Change one session, or (``series``) this one and every later session of the activity:
    move by ``shift``, set a new duration, capacity or note. Returns how many changed."""
    with transaction.atomic():
        sessions = Session.objects.select_for_update().filter(pk=session.pk)
        if series:
            sessions = Session.objects.select_for_update().filter(
                activity=session.activity, starts_at__gte=session.starts_at
            )
        changed = list(sessions.select_related("activity"))
        chosen = next((item for item in changed if item.pk == session.pk), None)
        before = _session_values(chosen)
        for item in changed:
            length = duration or (item.ends_at - item.starts_at)
            item.starts_at += shift
            item.ends_at = item.starts_at + length
            if item.registration_closes_at:
                item.registration_closes_at += shift
            if capacity is not None:
                item.capacity = capacity
            if note is not None:
                item.note = note
        Session.objects.bulk_update(
            changed, ["starts_at", "ends_at", "registration_closes_at", "capacity", "note"]
        )
        if capacity is not None:
            for item in changed:
                _promote(item, actor=actor)
        after = _session_values(chosen)
        audit_record(
            actor=actor,
            action=AuditEvent.Action.UPDATE,
            target=session.activity,
            house=session.activity.house,
            changes={
                # The chosen session's fields before and after, and every session changed.
                **{
                    name: [before[name], after[name]]
                    for name in after
                    if before[name] != after[name]
                },
                "sessions_changed": [None, sorted(item.pk for item in changed)],
            },
        )
    return len(changed)


def _session_values(session: Session | None) -> dict:
    if session is None:
        return {}
    return {
        "starts_at": session.starts_at.isoformat(),
        "ends_at": session.ends_at.isoformat(),
        "capacity": session.capacity,
        "note": session.note,
    }


def session_cancel(*, session: Session, actor, message: str = "") -> int:
    """Cancel a session and tell everyone registered (confirmed or waitlisted). A session
    that is cancelled already (with its activity, say) is left as it is: nobody is told twice."""
    with transaction.atomic():
        session = _lock(session)
        if session.is_cancelled:
            return 0
        session.is_cancelled = True
        session.save(update_fields=["is_cancelled"])
        registrations = list(session.registrations.filter(status__in=[S.CONFIRMED, S.WAITLISTED]))
        audit_record(
            actor=actor,
            action=AuditEvent.Action.UPDATE,
            target=session.activity,
            house=session.activity.house,
            changes={"sessions_cancelled": [None, [session.pk]]},
        )
        session_message(session=session, actor=actor, message=message, cancelled=True)
    return len(registrations)


# The fields of a session that an import keeps in step with its feed.
SYNCED_SESSION_FIELDS = ("starts_at", "ends_at", "is_cancelled", "note", "ical_recurrence_id")


def sessions_sync(
    *,
    activity: Activity,
    actor,
    source: str,
    add: list[Session] = (),
    change: list[Session] = (),
    cancel: list[Session] = (),
) -> None:
    """Keep an activity's sessions in step with a feed (``source``): save the new sessions
    ``add`` and the changed ``change`` (their start, end, note, occurrence and whether they are
    cancelled), and cancel ``cancel``: quietly when nobody is registered, otherwise through
    ``session_cancel``, which tells everyone."""
    if not (add or change or cancel):
        return
    with transaction.atomic():
        Session.objects.bulk_create(add)
        Session.objects.bulk_update(change, SYNCED_SESSION_FIELDS)
        registered = set(
            Session.objects.filter(pk__in=[s.pk for s in cancel])
            .annotate(active=Count("registrations", filter=Q(registrations__status__in=ACTIVE)))
            .filter(active__gt=0)
            .values_list("pk", flat=True)
        )
        quiet = [s for s in cancel if s.pk not in registered]
        for session in quiet:
            session.is_cancelled = True
        Session.objects.bulk_update(quiet, ["is_cancelled"])
        for session in cancel:
            if session.pk in registered:
                session_cancel(
                    session=session,
                    actor=actor,
                    message=_("Dit moment is afgelast in de agenda van de organisator."),
                )
        audit_record(
            actor=actor,
            action=AuditEvent.Action.UPDATE,
            target=activity,
            house=activity.house,
            reason=_("geïmporteerd uit %(source)s") % {"source": source},
            changes={
                "sessions_added": [None, len(add)],
                "sessions_changed": [None, len(change)],
                "sessions_cancelled": [None, len(cancel)],
            },
        )


def imported_event_record(
    *,
    source: str,
    imported: ImportedEvent | None = None,
    now=None,
    house=None,
    organisation=None,
    uid: str = "",
    activity: Activity | None = None,
) -> ImportedEvent:
    """Remember which feed event an activity came from: a new ``ImportedEvent`` (of ``house``,
    ``organisation``, ``uid`` and ``activity``), or for a known one (``imported``) the feed it
    was last read from and, with ``now``, when it was last seen there."""
    if imported is None:
        now = now or timezone.now()
        return ImportedEvent.objects.create(
            house=house,
            organisation=organisation,
            uid=uid,
            source=source,
            activity=activity,
            first_imported_at=now,
            last_seen_at=now,
        )
    data = {"source": source}
    if now is not None:
        data["last_seen_at"] = now
    model_update(instance=imported, data=data)
    return imported


def session_message(*, session: Session, actor, message: str, cancelled: bool = False) -> int:
    """Send a message to everyone registered for a session (who gave an e-mail address)."""
    registrations = [
        r for r in session.registrations.filter(status__in=[S.CONFIRMED, S.WAITLISTED]) if r.email
    ]
    for registration in registrations:
        send_templated_mail_on_commit(
            to=[registration.email],
            template="activities/email/message",
            context={
                "registration": registration,
                "session": session,
                "message": message,
                "cancelled": cancelled,
            },
        )
    return len(registrations)
