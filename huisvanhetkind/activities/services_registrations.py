"""Every write about registrations: a family registering, changing and cancelling, an organiser
registering a family, the waitlist moving up, attendance, and the background work on
registrations (reminders, erasing personal data after the retention period).

The writes about activities and their sessions are in ``services``, those about news and photos
in ``services_news``. This module imports neither of them.
"""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, F, Q, Sum
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from huisvanhetkind.activities import signing
from huisvanhetkind.activities.models import Activity, Registration, Session
from huisvanhetkind.activities.workflow import RegistrationStatus, ensure_registration_transition
from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.audit.services import audit_record
from huisvanhetkind.core.digests import EMAIL, PHONE, contact_digest, contact_digests
from huisvanhetkind.core.mail import send_templated_mail_on_commit
from huisvanhetkind.core.services import model_update
from huisvanhetkind.core.tokens import token_digest

S = RegistrationStatus
MAX_PERSONS = 20


def retention_days() -> int:
    return getattr(settings, "REGISTRATION_RETENTION_DAYS", 183)


def manage_url(registration: Registration, signed: str) -> str:
    house = registration.session.activity.house
    return reverse("activities:manage", kwargs={"house_slug": house.slug, "signed": signed})


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


def _lock_own_row(session: Session) -> Session:
    """As ``_lock``, for a new registration: only the session's own row is read again under the
    lock; its activity, house and place are those the caller read. A registration changes none
    of them, and cancelling an activity marks each of its sessions cancelled under this same
    lock, so the session's own row says whether it is still open."""
    locked = Session.objects.select_for_update().get(pk=session.pk)
    locked.activity = session.activity
    return locked


def _taken_places(session: Session):
    """The places taken by confirmed registrations, as an aggregate over a session's
    registrations (persons or families, as the activity counts)."""
    confirmed = Q(status=S.CONFIRMED)
    if session.activity.capacity_unit == Activity.CapacityUnit.PERSONS:
        return Coalesce(Sum(F("adults") + F("children"), filter=confirmed), 0)
    return Count("pk", filter=confirmed)


def _taken(session: Session, *, exclude=None) -> int:
    registrations = session.registrations.all()
    if exclude is not None:
        registrations = registrations.exclude(pk=exclude.pk)
    return registrations.aggregate(taken=_taken_places(session))["taken"]


def _fits(session: Session, places: int, taken: int) -> bool:
    capacity = session.effective_capacity
    return capacity is None or taken + places <= capacity


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
    email_hash, phone_hash = contact_digest(email, EMAIL), contact_digest(phone, PHONE)
    with transaction.atomic():
        session = _lock_own_row(session)
        _check_open(session)
        # Under every digest key: a registration made before the current key is caught too.
        same = Q()
        if email_hash:
            same |= Q(email_digest__in=contact_digests(email, EMAIL))
        if phone_hash:
            same |= Q(phone_digest__in=contact_digests(phone, PHONE))
        # One query for both: is this family registered already, and how many places are taken.
        held = session.registrations.filter(status__in=[S.CONFIRMED, S.WAITLISTED]).aggregate(
            same=Count("pk", filter=same), taken=_taken_places(session)
        )
        if held["same"]:
            raise ValidationError(
                _(
                    "Met dit e-mailadres of telefoonnummer is al iemand ingeschreven voor dit moment. "
                    "Gebruik de link uit je bevestigingsmail om je inschrijving te wijzigen."
                ),
                code="duplicate",
            )
        places = session.places_needed(adults, len(children_ages))
        status = S.CONFIRMED if _fits(session, places, held["taken"]) else S.WAITLISTED
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
        if registration.status == S.CONFIRMED and not _fits(
            session, places, _taken(session, exclude=registration)
        ):
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
        if not _fits(session, candidate.places, _taken(session)):
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
