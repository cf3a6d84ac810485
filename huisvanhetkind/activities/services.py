"""Every write about activities: sessions, registrations, the waitlist, news and retention."""

from datetime import datetime, timedelta

import nh3
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Max, Q
from django.db.models.fields.files import FieldFile
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from huisvanhetkind.activities import signing
from huisvanhetkind.activities.models import (
    Activity,
    ImportedEvent,
    NewsItem,
    Registration,
    Session,
    contact_digest,
    delete_photo_on_commit,
)
from huisvanhetkind.activities.recurrence import occurrences
from huisvanhetkind.activities.workflow import (
    ACTIVE_STATES as ACTIVE,
)
from huisvanhetkind.activities.workflow import (
    RegistrationStatus,
    ensure_activity_transition,
    ensure_registration_transition,
)
from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.audit.services import audit_record
from huisvanhetkind.core.mail import send_templated_mail_on_commit
from huisvanhetkind.core.services import model_update
from huisvanhetkind.core.tokens import token_digest

S = RegistrationStatus
MAX_PERSONS = 20
NEWS_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "h2", "h3", "blockquote"}


def retention_days() -> int:
    return getattr(settings, "REGISTRATION_RETENTION_DAYS", 183)


def manage_url(registration: Registration, signed: str) -> str:
    house = registration.session.activity.house
    return reverse("activities:manage", kwargs={"house_slug": house.slug, "signed": signed})


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
        changes[name] = [_plain(old) if before else None, _plain(value)]
    return changes


def _plain(value):
    if value is None or isinstance(value, bool | int | float | str | list | dict):
        return value
    return str(value)


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


# --- Registrations ------------------------------------------------------------------------------


def _lock(session: Session) -> Session:
    """The session row locked for the rest of the transaction: registrations of one session are
    decided one after the other (FOR UPDATE on PostgreSQL; on SQLite the write transaction
    started with BEGIN IMMEDIATE already serialises writers)."""
    return (
        Session.objects.select_for_update(of=("self",))
        .select_related("activity", "activity__house", "activity__location__municipality")
        .get(pk=session.pk)
    )


def _taken(session: Session, *, exclude=None) -> int:
    confirmed = session.registrations.filter(status=S.CONFIRMED)
    if exclude is not None:
        confirmed = confirmed.exclude(pk=exclude.pk)
    if session.activity.capacity_unit == Activity.CapacityUnit.PERSONS:
        return sum(a + c for a, c in confirmed.values_list("adults", "children"))
    return confirmed.count()


def _fits(session: Session, places: int, *, exclude=None) -> bool:
    capacity = session.effective_capacity
    return capacity is None or _taken(session, exclude=exclude) + places <= capacity


def _check_open(session: Session) -> None:
    activity = session.activity
    if not activity.needs_registration:
        raise ValidationError(_("Voor deze activiteit hoef je niet in te schrijven."))
    if session.is_cancelled or activity.status == Activity.Status.CANCELLED:
        raise ValidationError(_("Dit moment is afgelast. Inschrijven kan niet meer."))
    if activity.status != Activity.Status.PUBLISHED:
        raise ValidationError(_("Inschrijven voor deze activiteit kan nog niet."))
    now = timezone.now()
    if session.starts_at <= now:
        raise ValidationError(_("Dit moment is al voorbij. Inschrijven kan niet meer."))
    if session.closes_at <= now:
        raise ValidationError(_("De inschrijvingen voor dit moment zijn afgesloten."))


def _check_numbers(adults: int, children_ages: list[int]) -> None:
    if adults is None or adults < 0:
        raise ValidationError(_("Het aantal volwassenen kan niet negatief zijn."))
    if adults + len(children_ages) < 1:
        raise ValidationError(_("Schrijf minstens één persoon in."))
    if adults + len(children_ages) > MAX_PERSONS:
        raise ValidationError(
            _("Je kan met maximaal %(max)s personen inschrijven.") % {"max": MAX_PERSONS}
        )
    if any(age is None or age < 0 or age > 18 for age in children_ages):
        raise ValidationError(_("Geef voor elk kind een leeftijd tussen 0 en 18 jaar."))


def registration_create(
    *,
    session: Session,
    name: str,
    email: str = "",
    phone: str = "",
    adults: int = 1,
    children_ages: list[int] | None = None,
    social_tariff: bool = False,
    remarks: str = "",
    consent: bool = True,
    registered_by=None,
) -> tuple[Registration, str]:
    """Register a family for a session: confirmed when it fits, otherwise on the waitlist.

    Returns the registration and the signed manage link's token (for the e-mail)."""
    children_ages = list(children_ages or [])
    email, phone, name = email.strip(), phone.strip(), name.strip()
    if not name:
        raise ValidationError(_("Vul je naam in."))
    if not email and not phone:
        raise ValidationError(_("Geef een e-mailadres of een telefoonnummer."))
    if not consent:
        raise ValidationError(_("We hebben je toestemming nodig om je inschrijving te bewaren."))
    _check_numbers(adults, children_ages)
    token, signed = signing.new_token()
    email_hash, phone_hash = contact_digest(email), contact_digest(phone)
    with transaction.atomic():
        session = _lock(session)
        _check_open(session)
        same = Q()
        if email_hash:
            same |= Q(email_digest=email_hash)
        if phone_hash:
            same |= Q(phone_digest=phone_hash)
        if session.registrations.filter(same, status__in=[S.CONFIRMED, S.WAITLISTED]).exists():
            raise ValidationError(
                _(
                    "Met dit e-mailadres of telefoonnummer is al iemand ingeschreven voor dit moment. "
                    "Gebruik de link uit je bevestigingsmail om je inschrijving te wijzigen."
                ),
                code="duplicate",
            )
        places = session.places_needed(adults, len(children_ages))
        status = S.CONFIRMED if _fits(session, places) else S.WAITLISTED
        organiser = registered_by if getattr(registered_by, "is_authenticated", False) else None
        registration = Registration.objects.create(
            session=session,
            token_hash=token_digest(token),
            name=name,
            email=email,
            phone=phone,
            email_digest=email_hash,
            phone_digest=phone_hash,
            adults=adults,
            children=len(children_ages),
            children_ages=children_ages,
            social_tariff=social_tariff,
            remarks=remarks,
            consent_at=timezone.now(),
            status=status,
            registered_by=organiser,
        )
        # The first entry of the registration's history: its status (never personal data).
        audit_record(
            actor=registered_by,
            action=AuditEvent.Action.CREATE,
            target=registration,
            house=session.activity.house,
            reason=_("ingeschreven door een organisator") if registered_by is not None else "",
            changes={"status": [None, status]},
        )
        if email:
            send_templated_mail_on_commit(
                to=[email],
                template="activities/email/registered",
                context={
                    "registration": registration,
                    "session": session,
                    "url": manage_url(registration, signed),
                },
            )
    return registration, signed


def registration_by_link(*, house, signed: str) -> Registration:
    """The registration behind a signed link of this house, or a Dutch ValidationError."""
    token = signing.unsign(signed)
    registration = (
        Registration.objects.select_related("session__activity__house")
        .filter(token_hash=token_digest(token), session__activity__house=house)
        .first()
    )
    if registration is None or registration.erased_at is not None:
        raise ValidationError(_("Deze inschrijving bestaat niet (meer)."), code="missing")
    return registration


def registration_change(
    *, registration: Registration, adults: int, children_ages: list[int], actor=None
) -> Registration:
    """Change the numbers of a registration. A confirmed family asking for more places than are
    free is refused (it never loses its place by asking); fewer places free some for others."""
    children_ages = list(children_ages)
    _check_numbers(adults, children_ages)
    with transaction.atomic():
        session = _lock(registration.session)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status == S.CANCELLED:
            raise ValidationError(_("Deze inschrijving is geannuleerd."))
        if session.starts_at <= timezone.now():
            raise ValidationError(_("Dit moment is al voorbij. Wijzigen kan niet meer."))
        places = session.places_needed(adults, len(children_ages))
        if registration.status == S.CONFIRMED and not _fits(session, places, exclude=registration):
            raise ValidationError(
                _("Er zijn niet genoeg vrije plaatsen om met meer personen te komen.")
            )
        changes = model_update(
            instance=registration,
            data={"adults": adults, "children": len(children_ages), "children_ages": children_ages},
        )
        changes.pop("children_ages", None)  # the numbers are audited, not the children's ages
        registration.session = session
        audit_record(
            actor=actor,
            action=AuditEvent.Action.UPDATE,
            target=registration,
            house=session.activity.house,
            changes=changes,
        )
        _promote(session, actor=actor)
    return registration


def registration_cancel(*, registration: Registration, actor=None) -> list[Registration]:
    """Cancel a registration; the first on the waitlist move up. Returns those promoted."""
    with transaction.atomic():
        session = _lock(registration.session)
        registration.session = session
        _registration_move(
            registration, actor=actor, status=S.CANCELLED, cancelled_at=timezone.now()
        )
        return _promote(session, actor=actor)


def _registration_move(registration: Registration, *, actor, status: str, reason="", **stamps):
    """The one place where a registration's status changes: the row locked, the move checked
    against the workflow, saved (with ``stamps`` such as ``cancelled_at``) and appended to the
    audit trail as ``{"status": [old, new]}``. Call inside a transaction, with the session
    locked."""
    old = (
        Registration.objects.select_for_update()
        .values_list("status", flat=True)
        .get(pk=registration.pk)
    )
    ensure_registration_transition(old, status)
    registration.status = status
    for name, value in stamps.items():
        setattr(registration, name, value)
    registration.save(update_fields=["status", *stamps])
    audit_record(
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        target=registration,
        house=registration.session.activity.house,
        reason=reason,
        changes={"status": [old, status]},
    )
    return registration


def _promote(session: Session, *, actor=None) -> list[Registration]:
    """Move the first on the waitlist up while they fit, in order; tell each of them.
    Call with the session locked."""
    if (
        session.effective_capacity is None
        and not session.registrations.filter(status=S.WAITLISTED).exists()
    ):
        return []
    promoted = []
    for candidate in session.registrations.filter(status=S.WAITLISTED).order_by("created_at", "id"):
        if not _fits(session, candidate.places):
            break  # first come, first served: nobody jumps the queue
        candidate.session = session
        _registration_move(
            candidate,
            actor=actor,
            status=S.CONFIRMED,
            reason=_("een plaats kwam vrij"),
            promoted_at=timezone.now(),
        )
        promoted.append(candidate)
        if candidate.email:
            send_templated_mail_on_commit(
                to=[candidate.email],
                template="activities/email/promoted",
                context={"registration": candidate, "session": session},
            )
    return promoted


def registration_mark_attendance(*, session: Session, actor, present_ids) -> int:
    # Ids from a form: ASCII digits only (int() would take "٣" and fail on "²"); others ignored.
    present_ids = {
        int(pk) for pk in map(str, present_ids) if pk.isascii() and pk.isdigit() and len(pk) < 19
    }
    with transaction.atomic():
        registrations = list(session.registrations.filter(status=S.CONFIRMED))
        before = sorted(r.pk for r in registrations if r.attended)
        for registration in registrations:
            registration.attended = registration.pk in present_ids
        Registration.objects.bulk_update(registrations, ["attended"])
        after = sorted(r.pk for r in registrations if r.attended)
        audit_record(
            actor=actor,
            action=AuditEvent.Action.UPDATE,
            target=session,
            house=session.activity.house,
            # The registrations marked present, before and after.
            changes={"attended": [before, after]},
        )
    return len(registrations)


# --- Background work ----------------------------------------------------------------------------


def registrations_send_reminders(*, now=None) -> int:
    """E-mail everyone confirmed for a session that starts tomorrow (once)."""
    now = now or timezone.now()
    tomorrow = timezone.localdate(now) + timedelta(days=1)
    sent = 0
    sessions = Session.objects.filter(
        starts_at__date=tomorrow,
        is_cancelled=False,
        reminders_sent_at__isnull=True,
        activity__status=Activity.Status.PUBLISHED,
    ).select_related("activity__house", "activity__location__municipality")
    for session in sessions:
        with transaction.atomic():
            registrations = session.registrations.select_for_update().filter(
                status=S.CONFIRMED, reminder_sent_at__isnull=True
            )
            for registration in registrations:
                if registration.email:
                    send_templated_mail_on_commit(
                        to=[registration.email],
                        template="activities/email/reminder",
                        context={"registration": registration, "session": session},
                    )
                    sent += 1
            registrations.update(reminder_sent_at=now)
            Session.objects.filter(pk=session.pk).update(reminders_sent_at=now)
    return sent


def registrations_erase_expired(*, now=None) -> int:
    """Erase the personal data of registrations for sessions that ended more than the retention
    period ago. The numbers (adults, children, social tariff, attendance) stay, anonymous."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=retention_days())
    expired = Registration.objects.filter(session__ends_at__lt=cutoff, erased_at__isnull=True)
    count = 0
    with transaction.atomic():
        for registration in expired.select_related("session__activity__house"):
            registration.name = registration.email = registration.phone = registration.remarks = ""
            registration.email_digest = registration.phone_digest = ""
            registration.children_ages = []
            registration.token_hash = None
            registration.erased_at = now
            registration.save(
                update_fields=[
                    "name",
                    "email",
                    "phone",
                    "remarks",
                    "email_digest",
                    "phone_digest",
                    "children_ages",
                    "token_hash",
                    "erased_at",
                ]
            )
            audit_record(
                actor=None,
                action=AuditEvent.Action.ERASE,
                target=registration,
                house=registration.session.activity.house,
                reason=_("bewaartermijn verstreken"),
            )
            count += 1
    return count


# --- News ---------------------------------------------------------------------------------------


def clean_html(html: str) -> str:
    return nh3.clean(html, tags=NEWS_TAGS, attributes={"a": {"href"}})


def news_save(*, item: NewsItem, actor) -> NewsItem:
    with transaction.atomic():
        is_new = item.pk is None
        stored = None if is_new else NewsItem.objects.select_for_update().filter(pk=item.pk).first()
        item.body = clean_html(item.body)
        if is_new:
            item.created_by = actor if getattr(actor, "is_authenticated", False) else None
        before = _values(stored)
        item.save()
        audit_record(
            actor=actor,
            action=AuditEvent.Action.CREATE if is_new else AuditEvent.Action.UPDATE,
            target=item,
            house=item.house,
            changes=_changes(before, _values(item)),
        )
        _drop_replaced_photo(item.image, stored.image.name if stored else "")
    return item


# --- Photos -------------------------------------------------------------------------------------


def photo_retention_days() -> int:
    return getattr(settings, "ACTIVITY_PHOTO_RETENTION_DAYS", 365)


# A file in a photo folder that no record names is removed only when it is older than this: a
# photo being saved right now is written before its record.
ORPHAN_GRACE = timedelta(days=1)
PHOTO_FOLDERS = ("activities", "news")


def photos_erase_expired(*, now=None) -> dict:
    """Remove the photos that are no longer needed: those of activities whose last session
    ended more than ACTIVITY_PHOTO_RETENTION_DAYS ago (or, without sessions, that were not
    changed for as long), and files in the photo folders that no activity or news item names
    any more (left by a deleted or changed record). Returns how many of each were removed."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=photo_retention_days())
    expired = (
        Activity.objects.exclude(image="")
        .annotate(last_end=Max("sessions__ends_at"))
        .filter(Q(last_end__lt=cutoff) | Q(last_end__isnull=True, updated_at__lt=cutoff))
        .select_related("house")
    )
    activities = 0
    with transaction.atomic():
        for activity in expired:
            delete_photo_on_commit(activity.image)
            Activity.objects.filter(pk=activity.pk).update(image="", image_alt="")
            audit_record(
                actor=None,
                action=AuditEvent.Action.ERASE,
                target=activity,
                house=activity.house,
                reason=_("bewaartermijn van de foto verstreken"),
                changes={
                    "image": [activity.image.name, None],
                    "image_alt": [activity.image_alt, None],
                },
            )
            activities += 1
    return {"activities": activities, "orphans": _photos_erase_orphans(now=now)}


def _photos_erase_orphans(*, now) -> int:
    storage = Activity._meta.get_field("image").storage
    named = set(Activity.objects.exclude(image="").values_list("image", flat=True))
    named |= set(NewsItem.objects.exclude(image="").values_list("image", flat=True))
    removed = 0
    for folder in PHOTO_FOLDERS:
        try:
            _dirs, files = storage.listdir(folder)
        except FileNotFoundError:
            continue
        for file_name in files:
            name = f"{folder}/{file_name}"
            if name in named or storage.get_modified_time(name) > now - ORPHAN_GRACE:
                continue
            storage.delete(name)
            removed += 1
    return removed
