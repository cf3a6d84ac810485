"""Every write of the appointments: a desk's settings and topics, booking, changing and
cancelling an appointment, the professional's marks (done, no-show, cancelled with a reason),
the reminders the day before and the erasure after the retention period.

Booking locks the desk's settings row (``select_for_update``; on SQLite every write transaction
is IMMEDIATE), then picks a free counter of the slot; the database refuses a second active
appointment on one counter of one slot (a partial unique constraint), so a slot with
``counters`` places is never booked more than ``counters`` times.
"""

from datetime import datetime, timedelta

from django.conf import settings as django_settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from huisvanhetkind.appointments import selectors
from huisvanhetkind.appointments.models import Appointment, AppointmentSettings, Topic
from huisvanhetkind.appointments.signing import new_link_token
from huisvanhetkind.appointments.workflow import TAKES_SLOT, ensure_transition
from huisvanhetkind.appointments.workflow import AppointmentStatus as S
from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.audit.services import audit_record
from huisvanhetkind.core.digests import EMAIL, contact_digest
from huisvanhetkind.core.mail import send_templated_mail_on_commit
from huisvanhetkind.core.services import model_update
from huisvanhetkind.core.tokens import token_digest
from huisvanhetkind.premises.models import Desk

A = AuditEvent.Action
SETTINGS_FIELDS = ("slot_minutes", "counters", "horizon_days", "notice_hours", "is_open")
TOPIC_FIELDS = ("title", "what_to_bring", "position", "is_active")
FAMILY_FIELDS = ("language", "interpreter", "wheelchair")


def retention_days() -> int:
    """How long the family's data of an appointment is kept after the appointment's time."""
    return getattr(django_settings, "APPOINTMENT_RETENTION_DAYS", 30)


# --- Settings and topics -----------------------------------------------------------------------


@transaction.atomic
def settings_save(*, actor, desk: Desk, data: dict) -> AppointmentSettings:
    fields = {k: v for k, v in data.items() if k in SETTINGS_FIELDS}
    current = AppointmentSettings.objects.select_for_update().filter(desk=desk).first()
    if current is None:
        current = AppointmentSettings(desk=desk, **fields)
        current.full_clean()
        current.save()
        audit_record(
            actor=actor,
            action=A.CREATE,
            target=current,
            house=desk.house,
            changes={k: [None, getattr(current, k)] for k in SETTINGS_FIELDS},
        )
        return current
    for field, value in fields.items():
        setattr(current, field, value)
    current.full_clean()
    current.refresh_from_db()
    changes = model_update(instance=current, data=fields)
    if changes:
        audit_record(
            actor=actor, action=A.UPDATE, target=current, house=desk.house, changes=changes
        )
    return current


@transaction.atomic
def topic_create(*, actor, desk: Desk, data: dict) -> Topic:
    topic = Topic(desk=desk, **{k: v for k, v in data.items() if k in TOPIC_FIELDS})
    topic.full_clean()
    topic.save()
    audit_record(
        actor=actor,
        action=A.CREATE,
        target=topic,
        house=desk.house,
        changes={k: [None, getattr(topic, k)] for k in TOPIC_FIELDS},
    )
    return topic


@transaction.atomic
def topic_update(*, actor, topic: Topic, data: dict) -> dict:
    fields = {k: v for k, v in data.items() if k in TOPIC_FIELDS}
    probe = Topic(
        pk=topic.pk,
        desk_id=topic.desk_id,
        **{k: fields.get(k, getattr(topic, k)) for k in TOPIC_FIELDS},
    )
    probe.full_clean()
    changes = model_update(instance=topic, data=fields)
    if changes:
        audit_record(
            actor=actor, action=A.UPDATE, target=topic, house=topic.desk.house, changes=changes
        )
    return changes


# --- Slots -------------------------------------------------------------------------------------


def _taken_error() -> ValidationError:
    return ValidationError(
        {
            "starts_at": _(
                "Dit tijdstip is net geboekt door een ander gezin. Kies een ander tijdstip."
            )
        },
        code="taken",
    )


def _settings_of(desk: Desk) -> AppointmentSettings:
    found = AppointmentSettings.objects.filter(desk=desk).first()
    if found is None or not found.is_open or not desk.is_active:
        raise ValidationError(
            {"desk": _("Bij dit loket kan je (nu) geen afspraak maken.")}, code="closed"
        )
    return found


def check_slot(
    desk: Desk, settings: AppointmentSettings, starts_at, *, now: datetime, exclude=None
) -> selectors.Slot:
    """The slot of ``desk`` at ``starts_at`` when a family may book it now; a Dutch
    ValidationError (past, too soon, too far ahead, outside the hours) otherwise. Whether a
    counter is still free is checked under the lock (``_free_counter``)."""
    if not isinstance(starts_at, datetime) or timezone.is_naive(starts_at):
        raise ValidationError({"starts_at": _("Kies een tijdstip uit de lijst.")}, code="invalid")
    if starts_at < now:
        raise ValidationError(
            {"starts_at": _("Dit tijdstip ligt in het verleden. Kies een ander tijdstip.")},
            code="past",
        )
    slot = selectors.find_slot(desk, settings, starts_at, now=now, exclude=exclude)
    if slot is None:
        raise ValidationError(
            {
                "starts_at": _(
                    "Op dit tijdstip heeft dit loket geen spreekuur op afspraak. Kies een "
                    "tijdstip uit de lijst."
                )
            },
            code="outside",
        )
    earliest, beyond = selectors.window(settings, now)
    if starts_at < earliest:
        raise ValidationError(
            {
                "starts_at": _(
                    "Maak je afspraak minstens %(hours)s uur op voorhand. Kies een later tijdstip."
                )
                % {"hours": settings.notice_hours}
            },
            code="notice",
        )
    if timezone.localtime(starts_at).date() >= beyond:
        raise ValidationError(
            {
                "starts_at": _("Je kunt hoogstens %(days)s dagen vooruit een afspraak maken.")
                % {"days": settings.horizon_days}
            },
            code="horizon",
        )
    return slot


def _free_counter(desk: Desk, settings: AppointmentSettings, starts_at, exclude=None) -> int:
    """Under the lock: the lowest counter of the slot nobody holds."""
    used = Appointment.objects.filter(desk=desk, starts_at=starts_at, status__in=TAKES_SLOT)
    if exclude is not None:
        used = used.exclude(pk=exclude.pk)
    held = set(used.values_list("counter", flat=True))
    for counter in range(1, settings.counters + 1):
        if counter not in held:
            return counter
    raise _taken_error()


def _lock(desk: Desk) -> AppointmentSettings:
    return AppointmentSettings.objects.select_for_update().get(desk=desk)


def _clean_contact(name: str, email: str) -> tuple[str, str]:
    name, email = (name or "").strip(), (email or "").strip()
    if not name:
        raise ValidationError({"name": _("Vul je naam in.")}, code="name")
    try:
        validate_email(email)
    except ValidationError:
        raise ValidationError(
            {"email": _("Dit e-mailadres is niet geldig. Controleer het even.")}, code="email"
        ) from None
    return name, email


def _link(appointment: Appointment, signed: str) -> str:
    return reverse(
        "appointments:mine",
        kwargs={"house_slug": appointment.desk.house.slug, "signed": signed},
    )


def appointment_book(
    *,
    actor,
    desk: Desk,
    topic: Topic | None,
    starts_at,
    name: str,
    email: str,
    phone: str = "",
    language: str = "nl",
    interpreter: bool = False,
    interpreter_language: str = "",
    wheelchair: bool = False,
    note: str = "",
    now: datetime | None = None,
) -> tuple[Appointment, str]:
    """Book the slot of ``desk`` at ``starts_at`` for a family. Returns the appointment and
    the signed token of its link, and e-mails the confirmation with what to bring."""
    now = now or timezone.now()
    settings = _settings_of(desk)
    if topic is None or topic.desk_id != desk.pk or not topic.is_active:
        raise ValidationError({"topic": _("Kies een onderwerp van dit loket.")}, code="topic")
    name, email = _clean_contact(name, email)
    if language not in Appointment.Language.values:
        raise ValidationError({"language": _("Kies een taal uit de lijst.")}, code="language")
    interpreter_language = (interpreter_language or "").strip()[:60]
    if interpreter and not interpreter_language:
        raise ValidationError(
            {"interpreter_language": _("Voor welke taal heb je een tolk nodig?")},
            code="interpreter_language",
        )
    slot = check_slot(desk, settings, starts_at, now=now)
    try:
        with transaction.atomic():
            settings = _lock(desk)
            counter = _free_counter(desk, settings, slot.starts_at)
            token, signed = new_link_token()
            appointment = Appointment.objects.create(
                desk=desk,
                topic=topic,
                starts_at=slot.starts_at,
                ends_at=slot.ends_at,
                counter=counter,
                name=name,
                email=email,
                email_digest=contact_digest(email, EMAIL),
                phone=(phone or "").strip()[:30],
                language=language,
                interpreter=interpreter,
                interpreter_language=interpreter_language if interpreter else "",
                wheelchair=wheelchair,
                note=(note or "").strip()[:500],
                token_hash=token_digest(token),
            )
            audit_record(
                actor=actor,
                action=A.CREATE,
                target=appointment,
                house=desk.house,
                changes={
                    "status": [None, S.BOOKED],
                    "starts_at": [None, slot.starts_at.isoformat()],
                    "topic": [None, topic.title],
                },
            )
            send_templated_mail_on_commit(
                to=[email],
                template="appointments/email/booked",
                context={
                    "appointment": appointment,
                    "desk": desk,
                    "topic": topic,
                    "house": desk.house,
                    "url": _link(appointment, signed),
                },
                language=language,
            )
    except IntegrityError as error:
        raise _taken_error() from error
    return appointment, signed


def _locked(appointment: Appointment) -> Appointment:
    _lock(appointment.desk)
    return (
        Appointment.objects.select_for_update()
        .select_related("desk__house", "topic")
        .get(pk=appointment.pk)
    )


def appointment_change(
    *, actor, appointment: Appointment, starts_at, now: datetime | None = None
) -> Appointment:
    """Move a booked appointment to another slot of its desk; its old slot is free again."""
    now = now or timezone.now()
    desk = appointment.desk
    if appointment.status != S.BOOKED:
        raise ValidationError(
            {"starts_at": _("Deze afspraak kan je niet meer wijzigen.")}, code="status"
        )
    settings = _settings_of(desk)
    slot = check_slot(desk, settings, starts_at, now=now, exclude=appointment)
    try:
        with transaction.atomic():
            settings = _lock(desk)
            appointment = _locked(appointment)
            if appointment.status != S.BOOKED:
                raise ValidationError(
                    {"starts_at": _("Deze afspraak kan je niet meer wijzigen.")}, code="status"
                )
            counter = _free_counter(desk, settings, slot.starts_at, exclude=appointment)
            old = appointment.starts_at
            appointment.starts_at, appointment.ends_at = slot.starts_at, slot.ends_at
            appointment.counter = counter
            appointment.reminded_at = None
            appointment.save(update_fields=["starts_at", "ends_at", "counter", "reminded_at"])
            audit_record(
                actor=actor,
                action=A.UPDATE,
                target=appointment,
                house=desk.house,
                changes={"starts_at": [old.isoformat(), slot.starts_at.isoformat()]},
            )
            send_templated_mail_on_commit(
                to=[appointment.email],
                template="appointments/email/changed",
                context={
                    "appointment": appointment,
                    "desk": desk,
                    "topic": appointment.topic,
                    "house": desk.house,
                },
                language=appointment.language,
            )
    except IntegrityError as error:
        raise _taken_error() from error
    return appointment


def _set_status(appointment: Appointment, new: str, *, actor, reason: str = "") -> None:
    old = appointment.status
    ensure_transition(old, new)
    appointment.status = new
    fields = ["status"]
    changes = {"status": [old, new]}
    if new == S.CANCELLED:
        appointment.token_hash = None  # the link only ever shows an open appointment
        appointment.cancel_reason = reason[:300]
        fields += ["token_hash", "cancel_reason"]
    appointment.save(update_fields=fields)
    audit_record(
        actor=actor,
        action=A.UPDATE,
        target=appointment,
        house=appointment.desk.house,
        reason=reason,
        changes=changes,
    )


@transaction.atomic
def appointment_cancel_by_family(*, appointment: Appointment) -> Appointment:
    appointment = _locked(appointment)
    _set_status(appointment, S.CANCELLED, actor=None)
    return appointment


@transaction.atomic
def appointment_cancel(*, actor, appointment: Appointment, reason: str) -> Appointment:
    """The professional cancels a booked appointment, with a reason the family reads in its
    e-mail."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(
            {"reason": _("Geef een reden: het gezin krijgt ze in een e-mail.")}, code="reason"
        )
    appointment = _locked(appointment)
    _set_status(appointment, S.CANCELLED, actor=actor, reason=reason)
    if appointment.email:
        send_templated_mail_on_commit(
            to=[appointment.email],
            template="appointments/email/cancelled",
            context={
                "appointment": appointment,
                "desk": appointment.desk,
                "house": appointment.desk.house,
                "reason": reason,
            },
            language=appointment.language,
        )
    return appointment


@transaction.atomic
def appointment_mark(*, actor, appointment: Appointment, status: str, now=None) -> Appointment:
    """Mark an appointment done or no-show, once its time has come."""
    now = now or timezone.now()
    if status not in (S.DONE, S.NO_SHOW):
        raise ValidationError(_("Kies “geweest” of “niet gekomen”."), code="status")
    appointment = _locked(appointment)
    if appointment.starts_at > now:
        raise ValidationError(
            _("Deze afspraak is nog niet begonnen: je kunt ze pas daarna aanduiden."),
            code="early",
        )
    _set_status(appointment, status, actor=actor)
    return appointment


# --- Reminders ---------------------------------------------------------------------------------


def appointments_remind(*, now: datetime | None = None) -> int:
    """E-mail every family with a booked appointment tomorrow, once. Each appointment is
    claimed by a conditional update first, so two runs at once send one e-mail."""
    now = now or timezone.now()
    tomorrow = timezone.localtime(now).date() + timedelta(days=1)
    due = Appointment.objects.filter(
        status=S.BOOKED,
        reminded_at__isnull=True,
        starts_at__gte=selectors.local_midnight(tomorrow),
        starts_at__lt=selectors.local_midnight(tomorrow + timedelta(days=1)),
    ).select_related("desk__house", "topic")
    sent = 0
    for appointment in due:
        with transaction.atomic():
            claimed = Appointment.objects.filter(
                pk=appointment.pk, reminded_at__isnull=True, status=S.BOOKED
            ).update(reminded_at=now)
            if not claimed or not appointment.email:
                continue
            send_templated_mail_on_commit(
                to=[appointment.email],
                template="appointments/email/reminder",
                context={
                    "appointment": appointment,
                    "desk": appointment.desk,
                    "topic": appointment.topic,
                    "house": appointment.desk.house,
                },
                language=appointment.language,
            )
            sent += 1
    return sent


# --- Retention ---------------------------------------------------------------------------------


def appointments_due(now):
    """Appointments whose time is more than the retention period ago, not erased yet."""
    return Appointment.objects.filter(
        erased_at__isnull=True, starts_at__lt=now - timedelta(days=retention_days())
    )


def _anonymise(appointment: Appointment, now: datetime) -> None:
    """Erase the family's name, contact, note and link; the desk, topic, time, status and the
    anonymous needs (interpreter, wheelchair) stay for the figures."""
    appointment.name = appointment.email = appointment.phone = appointment.note = ""
    appointment.email_digest = ""
    appointment.interpreter_language = appointment.cancel_reason = ""
    appointment.token_hash = None
    appointment.erased_at = now
    appointment.save(
        update_fields=[
            "name",
            "email",
            "email_digest",
            "phone",
            "note",
            "interpreter_language",
            "cancel_reason",
            "token_hash",
            "erased_at",
        ]
    )


def appointments_erase_expired(*, now=None) -> int:
    """Erase the family's name, contact and note of appointments due (``appointments_due``);
    the desk, topic, time, status and the anonymous needs (interpreter, wheelchair) stay."""
    now = now or timezone.now()
    count = 0
    with transaction.atomic():
        for appointment in appointments_due(now).select_for_update().select_related("desk__house"):
            _erase(appointment, now, reason=_("bewaartermijn verstreken"))
            count += 1
    return count


def _erase(appointment: Appointment, now, *, reason: str) -> None:
    _anonymise(appointment, now)
    audit_record(
        actor=None, action=A.ERASE, target=appointment, house=appointment.desk.house, reason=reason
    )


@transaction.atomic
def appointment_erase(*, appointment: Appointment, reason: str, now=None) -> Appointment:
    """The family asks its data erased ("Mijn gegevens"): a booked appointment still to come is
    cancelled first (its slot is free again for another family), then the name, contact and
    note are erased as the retention rule does. Nothing keeps them: the appointment is the
    family's own, and the desk keeps only what the figures need. An appointment erased before
    is left as it is."""
    now = now or timezone.now()
    appointment = _locked(appointment)
    if appointment.erased_at is not None:
        return appointment
    if appointment.status == S.BOOKED and appointment.starts_at > now:
        _set_status(appointment, S.CANCELLED, actor=None, reason=reason)
    _erase(appointment, now, reason=reason)
    return appointment
