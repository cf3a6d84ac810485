"""Every write of a referral and its consent: send, open, answer, follow up, withdraw, erase.

A status changes only in ``referral_transition``: it locks the row, checks the move and its
actor against ``workflow``, saves, appends to the history and the audit trail, and tells the
referrer when the referral is accepted, declined or ends. What the family shared (the link to
the family record, the child, the reason, the contact note) is erased as soon as the family
withdraws its consent, and 12 months after the referral ends (``referrals_erase_expired``).
"""

from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.audit.services import audit_record
from huisvanhetkind.catalogue.models import Service
from huisvanhetkind.catalogue.workflow import ServiceStatus
from huisvanhetkind.core.mail import send_templated_mail_on_commit
from huisvanhetkind.core.services import model_update
from huisvanhetkind.core.workdays import add_working_days
from huisvanhetkind.families.services import child_add, family_for_contact
from huisvanhetkind.network.access import acting_organisation, is_coordinator, works_for
from huisvanhetkind.network.models import Domain, House, Organisation, Partnership
from huisvanhetkind.referrals import selectors
from huisvanhetkind.referrals.codes import (
    new_short_code,
    new_token,
    short_code_digest,
    token_digest,
)
from huisvanhetkind.referrals.models import (
    REASON_MAX_LENGTH,
    Consent,
    Referral,
    ReferralEvent,
    ReferralPolicy,
)
from huisvanhetkind.referrals.workflow import (
    END_STATES,
    NOTIFY_REFERRER,
    Actor,
    DeclineReason,
    ReferralStatus,
    ensure_transition,
)

S = ReferralStatus
# A young person of this age or older consents for themselves.
YOUNG_PERSON_AGE = 12
# How long a consent for a referral may run at most.
LONGEST_CONSENT = timedelta(days=366)
# What the audit trail says of an erased detail: that it was there, never the value.
PRESENT = "<present>"
# What an erasure empties: the name in the audit trail and the field that holds it.
ERASED_FIELDS = {
    "family": "family_id",
    "child": "child_id",
    "reason": "reason",
    "contact_note": "contact_note",
    "decline_note": "decline_note",
    "family_link": "token_hash",
    "short_code": "short_code_hash",
}
CONSENT_FIELDS = ("given_by", "obtained_via", "purpose", "data_categories", "expires_on")


def retention_days() -> int:
    """Days after a referral ends before what the family shared is erased (12 months)."""
    return getattr(settings, "REFERRAL_RETENTION_DAYS", 365)


def family_url(referral: Referral, token: str) -> str:
    return reverse("referrals:family", kwargs={"house_slug": referral.house.slug, "token": token})


def _audit(referral, *, actor, action, changes=None, reason=""):
    audit_record(
        actor=actor,
        action=action,
        target=referral,
        house=referral.house,
        organisation=acting_organisation(
            actor, [referral.to_organisation, referral.from_organisation]
        ),
        changes=changes,
        reason=reason,
    )


def _is_active_partner(house: House, organisation: Organisation) -> bool:
    return Partnership.objects.filter(
        house=house, organisation=organisation, status=Partnership.Status.ACTIVE
    ).exists()


def _age_on(birth_date: date | None, day: date) -> int | None:
    if birth_date is None:
        return None
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


# --- Consent ------------------------------------------------------------------------------------


def consent_check(
    *,
    given_by: str,
    obtained_via: str,
    purpose: str,
    data_categories: list[str],
    expires_on: date | None,
    child_birth_date: date | None = None,
    today: date | None = None,
) -> None:
    """Refuse a consent that is not one (Dutch messages): no purpose, no data, no end date or
    one in the past or too far ahead, a parent consenting for a young person of 12 or older."""
    today = today or timezone.localdate()
    errors = {}
    if not (purpose or "").strip():
        errors["purpose"] = _("Zeg waarvoor het gezin toestemming geeft.")
    if not data_categories or any(c not in Consent.DataCategory.values for c in data_categories):
        errors["data_categories"] = _("Kies welke gegevens het gezin laat delen.")
    if obtained_via not in Consent.ObtainedVia.values:
        errors["obtained_via"] = _("Kies hoe de toestemming gegeven werd.")
    if given_by not in Consent.GivenBy.values:
        errors["given_by"] = _("Kies wie de toestemming geeft.")
    if expires_on is None or expires_on < today:
        errors["expires_on"] = _("Een toestemming loopt tot een datum in de toekomst.")
    elif expires_on > today + LONGEST_CONSENT:
        errors["expires_on"] = _("Een toestemming loopt hoogstens een jaar.")
    age = _age_on(child_birth_date, today)
    if age is not None and age >= YOUNG_PERSON_AGE and given_by != Consent.GivenBy.YOUNG_PERSON:
        errors["given_by"] = _(
            "Een jongere van 12 jaar of ouder geeft zelf toestemming, niet de ouder."
        )
    if given_by == Consent.GivenBy.YOUNG_PERSON and (age is None or age < YOUNG_PERSON_AGE):
        errors["given_by"] = _(
            "Alleen een jongere van 12 jaar of ouder geeft zelf toestemming; geef de "
            "geboortedatum van de jongere."
        )
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def consent_record(
    *,
    actor,
    house: House,
    family,
    recipient: Organisation,
    requested_by: Organisation,
    given_by: str,
    obtained_via: str,
    purpose: str,
    data_categories: list[str],
    expires_on: date | None,
    child_birth_date: date | None = None,
    now=None,
) -> Consent:
    """Record a family's consent on its own, for a use other than a referral (a bridge
    worker's guidance, care coordination): checked by ``consent_check``, then audited."""
    now = now or timezone.now()
    consent_check(
        given_by=given_by,
        obtained_via=obtained_via,
        purpose=purpose,
        data_categories=data_categories,
        expires_on=expires_on,
        child_birth_date=child_birth_date,
        today=timezone.localdate(now),
    )
    consent = Consent.objects.create(
        house=house,
        family=family,
        recipient=recipient,
        requested_by=requested_by,
        recorded_by=actor,
        given_by=given_by,
        obtained_via=obtained_via,
        purpose=purpose.strip(),
        data_categories=list(data_categories),
        given_at=now,
        expires_on=expires_on,
    )
    audit_record(
        actor=actor,
        action=AuditEvent.Action.CREATE,
        target=consent,
        house=house,
        organisation=requested_by,
        changes={"recipient": [None, recipient.pk], "expires_on": [None, str(expires_on)]},
    )
    return consent


@transaction.atomic
def consent_withdraw(*, consent: Consent, actor=None, reason: str = "", now=None) -> bool:
    """Record that the family withdrew a consent recorded with ``consent_record`` (final);
    returns False when it was withdrawn already."""
    now = now or timezone.now()
    if not Consent.objects.filter(pk=consent.pk, withdrawn_at__isnull=True).update(
        withdrawn_at=now
    ):
        return False
    audit_record(
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        target=consent,
        house=consent.house,
        organisation=consent.requested_by,
        reason=reason,
        changes={"withdrawn_at": [None, now.isoformat()]},
    )
    return True


def _consent_relied_on(consent: Consent) -> bool:
    """Whether a record still relies on this consent. The records that rest on a consent live
    in the apps above this one (plans, paths, guidance), so they are found through the model's
    meta: a record with a ``family`` link relies on it while that link is set (an erased
    referral or guidance keeps the consent with the link emptied); a record without one (a
    plan's partner) while it exists."""
    for relation in Consent._meta.related_objects:
        if relation.one_to_many or relation.one_to_one:
            related = relation.related_model._base_manager.filter(**{relation.field.name: consent})
            if any(field.name == "family" for field in relation.related_model._meta.fields):
                related = related.filter(family__isnull=False)
            if related.exists():
                return True
    return False


def consents_release(*, consent_ids, reason: str = "") -> int:
    """Empty the family link of the consents among ``consent_ids`` that no record relies on
    any more (after the record they served was erased or deleted): the purpose, recipient, data
    categories and dates stay, without a family, as proof of the consent; the family record is
    then erased by its own rule once nothing else links to it. Returns how many were emptied;
    a second call finds nothing left to do."""
    released = 0
    for consent in Consent.objects.filter(
        pk__in=[pk for pk in consent_ids if pk], family__isnull=False
    ).select_related("house", "requested_by"):
        if _consent_relied_on(consent):
            continue
        if Consent.objects.filter(pk=consent.pk, family__isnull=False).update(family=None):
            audit_record(
                actor=None,
                action=AuditEvent.Action.ERASE,
                target=consent,
                house=consent.house,
                organisation=consent.requested_by,
                reason=reason,
                changes={"family": [PRESENT, None]},
            )
            released += 1
    return released


def _consent_fields(consent: dict) -> dict:
    """The consent's fields as ``consent_check`` and the record take them: a missing field is
    empty (so that ``consent_check`` refuses it in Dutch), anything else is left out."""
    data = {field: consent.get(field) for field in CONSENT_FIELDS}
    data["given_by"] = data["given_by"] or ""
    data["obtained_via"] = data["obtained_via"] or ""
    data["purpose"] = (data["purpose"] or "").strip()
    data["data_categories"] = list(data["data_categories"] or [])
    return data


def shared_data(consent: Consent) -> list:
    """The labels of what the family agreed to share (translated when shown)."""
    return [
        Consent.DataCategory(category).label
        for category in consent.data_categories
        if category in Consent.DataCategory.values
    ]


def _mail_family_link(referral: Referral, token: str) -> None:
    """E-mail the family its link, in its own language: what is shared, with whom, until when."""
    send_templated_mail_on_commit(
        to=[referral.family.email],
        template="referrals/email/family_link",
        context={
            "referral": referral,
            "url": family_url(referral, token),
            "shared": shared_data(referral.consent),
        },
        language=referral.language,
    )


# --- Sending ------------------------------------------------------------------------------------


def referral_check_target(
    *,
    actor,
    house: House,
    from_organisation: Organisation,
    to_organisation: Organisation,
    service: Service | None = None,
) -> None:
    """Refuse a referral that may not be sent: the actor does not work for the sending partner,
    either side is not an active partner of the house, the service is another organisation's or
    not published, or both sides are the same organisation."""
    if not works_for(actor, from_organisation):
        raise ValidationError(_("Je werkt niet voor de partner die doorverwijst."), code="actor")
    if from_organisation.pk == to_organisation.pk:
        raise ValidationError(
            _("Verwijs door naar een andere partner dan je eigen organisatie."), code="same"
        )
    if not _is_active_partner(house, from_organisation) or not _is_active_partner(
        house, to_organisation
    ):
        raise ValidationError(
            _("Je kan alleen doorverwijzen tussen partners van hetzelfde Huis van het Kind."),
            code="house",
        )
    if service is not None and (
        service.organisation_id != to_organisation.pk or service.status != ServiceStatus.PUBLISHED
    ):
        raise ValidationError(
            _("Dit aanbod hoort niet bij de gekozen partner of is niet gepubliceerd."),
            code="service",
        )


@transaction.atomic
def referral_send(
    *,
    actor,
    house: House,
    from_organisation: Organisation,
    to_organisation: Organisation,
    service: Service | None = None,
    domain: Domain | None = None,
    family: dict,
    child: dict | None = None,
    consent: dict,
    contact_preference: str,
    contact_note: str = "",
    reason: str = "",
    now=None,
    notify: bool = True,
    token: str | None = None,
    short_code: str | None = None,
) -> tuple[Referral, str, str]:
    """Send a referral with the family's consent; returns it with the family's link token and
    short code (shown once: only their digests are kept).

    ``notify=False`` sends no e-mail (the demo seeder). ``token`` and ``short_code`` fix the
    family's link and code instead of drawing new ones (the demo, whose printed link must
    survive seeding again).

    ``family``: name, email, phone, address, language (the family record).
    ``child``: first_name and birth_date or due_date, or None.
    ``consent``: given_by, obtained_via, purpose, data_categories, expires_on.
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    referral_check_target(
        actor=actor,
        house=house,
        from_organisation=from_organisation,
        to_organisation=to_organisation,
        service=service,
    )
    if len(reason or "") > REASON_MAX_LENGTH:
        raise ValidationError(
            {"reason": _("Schrijf de reden in hoogstens 500 tekens.")}, code="reason"
        )
    if contact_preference not in Referral.ContactPreference.values:
        raise ValidationError(
            {"contact_preference": _("Kies hoe het gezin liefst gecontacteerd wordt.")}
        )
    child = child or {}
    consent = _consent_fields(consent)
    consent_check(**consent, child_birth_date=child.get("birth_date"), today=today)
    record, _created = family_for_contact(**family, actor=actor, reason=_("doorverwijzing"))
    child_record = None
    if child.get("birth_date") or child.get("due_date"):
        child_record = child_add(family=record, actor=actor, reason=_("doorverwijzing"), **child)
    if domain is None and service is not None:
        domain = service.domains.order_by("position", "id").first()
    consent_record = Consent.objects.create(
        house=house,
        family=record,
        recipient=to_organisation,
        requested_by=from_organisation,
        recorded_by=actor,
        given_at=now,
        **{**consent, "purpose": consent["purpose"].strip()},
    )
    token, code = token or new_token(), short_code or new_short_code()
    referral = Referral.objects.create(
        house=house,
        from_organisation=from_organisation,
        referrer=actor,
        to_organisation=to_organisation,
        service=service,
        domain=domain,
        consent=consent_record,
        family=record,
        child=child_record,
        contact_preference=contact_preference,
        contact_note=contact_note.strip(),
        reason=(reason or "").strip(),
        language=record.language,
        token_hash=token_digest(token),
        short_code_hash=short_code_digest(code),
        created_at=now,
        status_changed_at=now,
        due_on=add_working_days(today, selectors.response_days(house)),
    )
    ReferralEvent.objects.create(
        referral=referral,
        to_status=S.SENT,
        actor_kind=Actor.REFERRER,
        actor=actor,
        organisation=from_organisation,
        created_at=now,
    )
    audit_record(
        actor=actor,
        action=AuditEvent.Action.CREATE,
        target=consent_record,
        house=house,
        organisation=from_organisation,
        changes={
            "recipient": [None, to_organisation.pk],
            "expires_on": [None, str(consent["expires_on"])],
        },
    )
    _audit(
        referral, actor=actor, action=AuditEvent.Action.CREATE, changes={"status": [None, S.SENT]}
    )
    if notify:
        send_templated_mail_on_commit(
            to=selectors.receiver_emails(referral),
            template="referrals/email/received",
            context={"referral": referral},
        )
    if notify and record.email:
        _mail_family_link(referral, token)
    return referral, token, code


def _lock_for_referrer(referral: Referral, actor) -> Referral:
    referral = _lock(referral)
    if not works_for(actor, referral.from_organisation):
        raise ValidationError(_("Alleen de verwijzende partner kan dit."), code="actor")
    if not referral.is_running or referral.erased_at:
        raise ValidationError(_("Deze doorverwijzing loopt niet meer."), code="ended")
    return referral


@transaction.atomic
def referral_short_code_renew(*, referral: Referral, actor) -> str:
    """A new short code for a printed slip; the previous code stops working, the link the
    family got by e-mail keeps working. Returns the code (only its digest is kept)."""
    referral = _lock_for_referrer(referral, actor)
    code = new_short_code()
    Referral.objects.filter(pk=referral.pk).update(short_code_hash=short_code_digest(code))
    _audit(
        referral,
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        changes={"short_code": [None, "<renewed>"]},
    )
    return code


@transaction.atomic
def referral_family_link_resend(*, referral: Referral, actor) -> None:
    """E-mail the family a new link (the previous link stops working)."""
    referral = _lock_for_referrer(referral, actor)
    if referral.family is None or not referral.family.email:
        raise ValidationError(_("Van dit gezin is geen e-mailadres gekend."), code="email")
    token = new_token()
    Referral.objects.filter(pk=referral.pk).update(token_hash=token_digest(token))
    _audit(
        referral,
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        changes={"family_link": [None, "<renewed>"]},
    )
    _mail_family_link(referral, token)


# --- Status changes -----------------------------------------------------------------------------


def _lock(referral: Referral) -> Referral:
    return (
        Referral.objects.select_for_update(of=("self",))
        .select_related("house", "from_organisation", "to_organisation", "referrer", "handler")
        .get(pk=referral.pk)
    )


def _check_actor(referral: Referral, actor_kind: str, actor) -> Organisation | None:
    """The organisation on whose behalf ``actor`` moves the referral as ``actor_kind``."""
    if actor_kind == Actor.RECEIVER:
        if not works_for(actor, referral.to_organisation):
            raise ValidationError(_("Je werkt niet voor de partner die deze doorverwijzing kreeg."))
        return referral.to_organisation
    if actor_kind == Actor.REFERRER:
        if not works_for(actor, referral.from_organisation):
            raise ValidationError(_("Je werkt niet voor de partner die doorverwees."))
        return referral.from_organisation
    return None  # the family (through its link) and the system act without an account


@transaction.atomic
def referral_transition(
    *,
    referral: Referral,
    to: str,
    actor_kind: str,
    actor=None,
    expected: str | None = None,
    decline_reason: str = "",
    decline_note: str = "",
    note: str = "",
    now=None,
    notify: bool = True,
) -> Referral:
    """Move a referral to ``to`` as ``actor_kind`` (the one place its status changes).

    ``expected`` is the status the actor saw: when someone else changed it meanwhile the move
    is refused, so that of two simultaneous changes only the first wins.
    """
    now = now or timezone.now()
    referral = _lock(referral)
    old = referral.status
    if expected is not None and old != expected:
        raise ValidationError(
            _(
                "Iemand anders wijzigde deze doorverwijzing net (nu: “%(status)s”). Bekijk ze opnieuw."
            )
            % {"status": ReferralStatus(old).label},
            code="stale",
        )
    ensure_transition(old, to, actor_kind)
    organisation = _check_actor(referral, actor_kind, actor)
    fields = {"status": to, "status_changed_at": now}
    if to == S.DECLINED:
        if decline_reason not in DeclineReason.values:
            raise ValidationError(
                {"decline_reason": _("Kies waarom je de doorverwijzing weigert.")}, code="reason"
            )
        if len(decline_note) > REASON_MAX_LENGTH:
            raise ValidationError({"decline_note": _("Schrijf hoogstens 500 tekens.")})
        fields.update(decline_reason=decline_reason, decline_note=decline_note.strip())
    if to == S.RECEIVED:
        fields["received_at"] = now
    if to in (S.ACCEPTED, S.DECLINED):
        fields["answered_at"] = now
        fields["received_at"] = referral.received_at or now
    if to == S.ACCEPTED:
        fields["accepted_at"] = now
    if to in END_STATES:
        fields["closed_at"] = now
    for field, value in fields.items():
        setattr(referral, field, value)
    referral.save(
        update_fields=[
            *fields,
        ]
    )
    ReferralEvent.objects.create(
        referral=referral,
        from_status=old,
        to_status=to,
        actor_kind=actor_kind,
        actor=actor,
        organisation=organisation,
        note=(note or (DeclineReason(decline_reason).label if to == S.DECLINED else ""))[:200],
        created_at=now,
    )
    _audit(
        referral,
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        changes={"status": [old, to]},
        reason=str(Actor(actor_kind).label),
    )
    if notify and to in NOTIFY_REFERRER:
        recipients = selectors.referrer_emails(referral)
        if recipients:
            send_templated_mail_on_commit(
                to=recipients,
                template="referrals/email/status",
                context={"referral": referral, "old": ReferralStatus(old).label},
            )
    if to == S.CONSENT_WITHDRAWN:
        referral = _consent_withdraw(referral, now=now)
    elif to == S.EXPIRED:
        # Without a running consent nothing the family shared may stay with the partners.
        referral_erase(referral=referral, now=now, reason=_("toestemming verlopen"))
    return referral


def referral_open(*, referral: Referral, actor) -> Referral:
    """A professional of the receiving organisation opens a referral: the read is audited, and
    a referral still "sent" becomes "received"."""
    selectors.referral_read(referral, actor)
    if referral.status == S.SENT and works_for(actor, referral.to_organisation):
        try:
            return referral_transition(
                referral=referral,
                to=S.RECEIVED,
                actor_kind=Actor.RECEIVER,
                actor=actor,
                expected=S.SENT,
            )
        except ValidationError:
            referral.refresh_from_db()  # a colleague opened or answered it a moment ago
    return referral


@transaction.atomic
def referral_assign(*, referral: Referral, handler, actor) -> Referral:
    """Give a received referral to a person of the receiving organisation (or nobody)."""
    referral = _lock(referral)
    _check_actor(referral, Actor.RECEIVER, actor)
    if handler is not None and not works_for(handler, referral.to_organisation):
        raise ValidationError(_("Deze persoon werkt niet voor de ontvangende partner."))
    before = referral.handler_id
    if before != (handler.pk if handler else None):
        referral.handler = handler
        referral.save(update_fields=["handler"])
        _audit(
            referral,
            actor=actor,
            action=AuditEvent.Action.UPDATE,
            changes={"handler": [before, referral.handler_id]},
        )
    return referral


# --- The family ---------------------------------------------------------------------------------


def referral_family_outcome(*, referral: Referral, got_help: bool, now=None) -> Referral:
    """The family says, through its link, whether it got help. While the referral is being
    followed up this is its outcome; afterwards it is recorded beside the partner's."""
    now = now or timezone.now()
    with transaction.atomic():
        referral = _lock(referral)
        if referral.erased_at or referral.status in (
            S.DECLINED,
            S.WITHDRAWN,
            S.CONSENT_WITHDRAWN,
            S.EXPIRED,
        ):
            raise ValidationError(_("Deze doorverwijzing loopt niet meer."))
        if referral.status in (S.SENT, S.RECEIVED, S.ACCEPTED):
            raise ValidationError(
                _("Je kan dit zeggen zodra de partner contact met je opnam."), code="early"
            )
        outcome = Referral.Outcome.GOT_HELP if got_help else Referral.Outcome.NO_HELP
        before = referral.family_outcome or None
        referral.family_outcome = outcome
        referral.family_outcome_at = now
        referral.save(update_fields=["family_outcome", "family_outcome_at"])
        _audit(
            referral,
            actor=None,
            action=AuditEvent.Action.UPDATE,
            changes={"family_outcome": [before, outcome]},
            reason=str(Actor.FAMILY.label),
        )
        if referral.status in (S.CONTACTED, S.WAITLISTED):
            target = S.GOT_HELP if got_help else S.NO_HELP
            referral = referral_transition(
                referral=referral, to=target, actor_kind=Actor.FAMILY, now=now
            )
    return referral


def referral_consent_withdraw(*, referral: Referral, now=None, notify: bool = True) -> Referral:
    """The family withdraws its consent: the referral ends at once and what it shared is erased
    on the receiving side."""
    return referral_transition(
        referral=referral, to=S.CONSENT_WITHDRAWN, actor_kind=Actor.FAMILY, now=now, notify=notify
    )


def _consent_withdraw(referral: Referral, *, now) -> Referral:
    Consent.objects.filter(pk=referral.consent_id, withdrawn_at__isnull=True).update(
        withdrawn_at=now
    )
    audit_record(
        actor=None,
        action=AuditEvent.Action.UPDATE,
        target=referral.consent,
        house=referral.house,
        changes={"withdrawn_at": [None, now.isoformat()]},
        reason=str(Actor.FAMILY.label),
    )
    return referral_erase(referral=referral, now=now, reason=_("toestemming ingetrokken"))


@transaction.atomic
def referral_erase(*, referral: Referral, now=None, reason: str = "") -> Referral:
    """Erase what the family shared: the link to its record and child, the reason, the contact
    note, the decline note and the family's link and short code. Organisations, service,
    domain, statuses and dates stay for the counts. The audit trail names the fields that were
    filled, never their values; a referral erased before is left as it is."""
    now = now or timezone.now()
    referral = _lock(referral)
    if referral.erased_at is not None:
        return referral
    changes = {
        name: [PRESENT, None]
        for name, field in ERASED_FIELDS.items()
        if getattr(referral, field) not in (None, "")
    }
    Referral.objects.filter(pk=referral.pk).update(
        family=None,
        child=None,
        reason="",
        contact_note="",
        decline_note="",
        token_hash=None,
        short_code_hash=None,
        erased_at=now,
    )
    Consent.objects.filter(pk=referral.consent_id).update(family=None)
    audit_record(
        actor=None,
        action=AuditEvent.Action.ERASE,
        target=referral,
        house=referral.house,
        reason=reason,
        changes={**changes, "erased_at": [None, now.isoformat()]},
    )
    referral.refresh_from_db()
    return referral


# --- The house's rules --------------------------------------------------------------------------


@transaction.atomic
def referral_policy_update(*, house: House, response_days: int, actor) -> ReferralPolicy:
    """The house's coordinator sets within how many working days (1 to 30) its partners answer
    a referral; it holds for the referrals sent from then on."""
    if actor is not None and not is_coordinator(actor, house):
        raise ValidationError(_("Alleen de coördinator van het huis kan dit."), code="actor")
    if not isinstance(response_days, int) or not 1 <= response_days <= 30:
        raise ValidationError(_("Vul een aantal werkdagen in, van 1 tot 30."), code="response_days")
    policy = ReferralPolicy.objects.select_for_update().filter(house=house).first()
    if policy is None:
        policy = ReferralPolicy.objects.create(house=house, response_days=response_days)
        changes = {"response_days": [None, response_days]}
        action = AuditEvent.Action.CREATE
    else:
        changes = model_update(instance=policy, data={"response_days": response_days})
        action = AuditEvent.Action.UPDATE
    if changes:
        audit_record(actor=actor, action=action, target=policy, house=house, changes=changes)
    return policy
