"""Every write about urgent requests (dringende opvangvragen): filing (by the family or by a
professional), the providers' offers, the desk's answer (a place or no place), the family's
withdrawal and the erasure after the retention period.

The status changes only in ``_status_change`` (through ``workflow.check_urgent_move``); every
change and every read of the family's data by a professional is in the house's audit trail,
never with the family's data itself.
"""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.audit.services import audit_record
from huisvanhetkind.childcare import selectors_urgent
from huisvanhetkind.childcare.models import (
    REQUEST_RETENTION_DAYS,
    URGENT_ANSWER_WORKING_DAYS,
    ChildcareLocation,
    UrgentOffer,
    UrgentReason,
    UrgentRequest,
    UrgentStatus,
)
from huisvanhetkind.childcare.workflow import check_urgent_move
from huisvanhetkind.core.mail import send_templated_mail_on_commit
from huisvanhetkind.core.tokens import new_token, token_digest
from huisvanhetkind.core.workdays import add_working_days
from huisvanhetkind.families.services import LONGEST_PREGNANCY, child_add, family_for_contact
from huisvanhetkind.network.access import acting_organisation
from huisvanhetkind.network.models import House, Municipality

SITUATION_MAX = 1000
MESSAGE_MAX = 2000
PRESENT = "<present>"


def private_url(urgent: UrgentRequest, token: str) -> str:
    return reverse(
        "childcare:urgent_private", kwargs={"house_slug": urgent.house.slug, "token": token}
    )


def family_language(urgent: UrgentRequest) -> str:
    """The language of the family's e-mails: its own, when the site speaks it, else Dutch."""
    language = urgent.family.language
    return language if language in dict(settings.LANGUAGES) else "nl"


def answer_due_for(day: date) -> date:
    return add_working_days(day, URGENT_ANSWER_WORKING_DAYS)


def _audit(urgent, *, actor, action, changes=None, reason=""):
    organisations = [urgent.filed_by_organisation] if urgent.filed_by_organisation_id else []
    audit_record(
        actor=actor,
        action=action,
        target=urgent,
        house=urgent.house,
        organisation=acting_organisation(actor, organisations),
        reason=reason,
        changes=changes,
    )


def _lock(urgent: UrgentRequest) -> UrgentRequest:
    return (
        UrgentRequest.objects.select_for_update(of=("self",))
        .select_related("house", "family", "child", "municipality")
        .get(pk=urgent.pk)
    )


def _status_change(urgent, *, actor, target, fields=None, changes=None):
    """The one place where an urgent request's status changes; the caller holds the row."""
    source = urgent.status
    check_urgent_move(source, target)
    urgent.status = target
    for name, value in (fields or {}).items():
        setattr(urgent, name, value)
    urgent.save()
    _audit(
        urgent,
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        changes={"status": [source, target], **(changes or {})},
    )


# --- Filing -----------------------------------------------------------------------------------


def _check(*, house, municipality, reason, needed_from, half_days, situation, child, today):
    errors = {}
    if municipality is None or not house.municipalities.filter(pk=municipality.pk).exists():
        errors["municipality"] = _("Kies een gemeente van dit Huis van het Kind.")
    if reason not in UrgentReason.values:
        errors["reason"] = _("Kies de reden uit de lijst.")
    if needed_from is None or needed_from < today:
        errors["needed_from"] = _("De datum vanaf wanneer je opvang nodig hebt, ligt niet voorbij.")
    elif child.get("due_date") and needed_from < child["due_date"]:
        errors["needed_from"] = _(
            "Opvang is pas nodig na de geboorte: kies een datum na de uitgerekende datum."
        )
    if half_days is None or not 1 <= half_days <= 10:
        errors["half_days"] = _("Geef 1 tot 10 halve dagen per week.")
    if len(situation or "") > SITUATION_MAX:
        errors["situation"] = _("Schrijf hoogstens 1000 tekens.")
    due = child.get("due_date")
    if due and due > today + LONGEST_PREGNANCY:
        errors["child_due_date"] = _(
            "Een uitgerekende datum ligt hoogstens 42 weken in de toekomst."
        )
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def urgent_submit(
    *,
    house: House,
    family: dict,
    child: dict,
    municipality: Municipality,
    reason: str,
    needed_from: date,
    half_days: int,
    situation: str = "",
    actor=None,
    filed_by_organisation=None,
    today: date | None = None,
) -> tuple[UrgentRequest, str]:
    """File an urgent request; return it with the key of its private link.

    ``family``: name, email, phone, language (found or created in the family record).
    ``child``: first_name and birth_date or due_date (a new child of that family).
    ``actor`` is the professional who files it for the family (desk-side form), else None."""
    today = today or timezone.localdate()
    _check(
        house=house,
        municipality=municipality,
        reason=reason,
        needed_from=needed_from,
        half_days=half_days,
        situation=situation,
        child=child,
        today=today,
    )
    why = _("dringende opvangvraag")
    record, _created = family_for_contact(**family, actor=actor, reason=why)
    child_record = child_add(family=record, actor=actor, reason=why, **child)
    token = new_token()
    urgent = UrgentRequest.objects.create(
        house=house,
        family=record,
        child=child_record,
        municipality=municipality,
        token_hash=token_digest(token),
        token=token,
        language=family.get("language") or "nl",
        reason=reason,
        needed_from=needed_from,
        half_days=half_days,
        situation=(situation or "").strip(),
        filed_by=actor,
        filed_by_organisation=filed_by_organisation,
        answer_due=answer_due_for(today),
    )
    _audit(
        urgent,
        actor=actor,
        action=AuditEvent.Action.CREATE,
        changes={
            "status": [None, urgent.status],
            "reason": [None, reason],
            "answer_due": [None, urgent.answer_due.isoformat()],
            "situation": [None, PRESENT if urgent.situation else None],
        },
    )
    if record.email:
        send_templated_mail_on_commit(
            to=[record.email],
            template="childcare/urgent/email/received",
            context={"urgent": urgent, "url": private_url(urgent, token)},
            language=family_language(urgent),
        )
    return urgent, token


# --- Reading (the desk) -----------------------------------------------------------------------


def urgent_read(*, urgent: UrgentRequest, actor) -> UrgentRequest:
    """The desk opens an urgent request with the family's data: recorded in the trail."""
    _audit(urgent, actor=actor, action=AuditEvent.Action.READ)
    return urgent


# --- The providers' offers --------------------------------------------------------------------


@transaction.atomic
def urgent_offer_create(
    *, urgent: UrgentRequest, location: ChildcareLocation, actor, note: str = ""
) -> UrgentOffer:
    """A provider's "I can take this child" for one of its locations; once per location."""
    urgent = _lock(urgent)
    if urgent.status != UrgentStatus.NEW or urgent.erased_at is not None:
        raise ValidationError(
            _(
                "Deze dringende vraag is al beantwoord of ingetrokken: een aanbod is niet meer nodig."
            )
        )
    if location.house_id != urgent.house_id or not selectors_urgent.urgent_fits_location(
        urgent, location
    ):
        raise ValidationError(
            _("Deze vraag past niet (meer) bij de vrije plaatsen of de leeftijden van deze opvang.")
        )
    if UrgentOffer.objects.filter(urgent=urgent, location=location).exists():
        raise ValidationError(_("Deze opvang bood al een plaats aan voor deze vraag."))
    try:
        with transaction.atomic():
            offer = UrgentOffer.objects.create(
                urgent=urgent, location=location, offered_by=actor, note=(note or "").strip()
            )
    except IntegrityError as error:
        raise ValidationError(_("Deze opvang bood al een plaats aan voor deze vraag.")) from error
    audit_record(
        actor=actor,
        action=AuditEvent.Action.CREATE,
        target=offer,
        house=urgent.house,
        organisation=acting_organisation(actor, [location.service.organisation]),
        changes={"location": [None, location.pk]},
    )
    return offer


# --- The desk's answer ------------------------------------------------------------------------


def _tell_family(urgent: UrgentRequest) -> None:
    if urgent.family.email:
        send_templated_mail_on_commit(
            to=[urgent.family.email],
            template="childcare/urgent/email/answered",
            context={
                "urgent": urgent,
                "url": private_url(urgent, urgent.token) if urgent.token else "",
            },
            language=family_language(urgent),
        )


@transaction.atomic
def urgent_place(
    *, urgent: UrgentRequest, actor, location: ChildcareLocation, message: str = ""
) -> UrgentRequest:
    """The desk places the child at a location of the house and tells the family."""
    urgent = _lock(urgent)
    if urgent.status != UrgentStatus.NEW:
        raise ValidationError(_("Deze dringende vraag is al beantwoord of ingetrokken."))
    if location.house_id != urgent.house_id:
        raise ValidationError({"location": _("Kies een opvanglocatie van dit huis.")})
    message = (message or "").strip()
    if len(message) > MESSAGE_MAX:
        raise ValidationError({"message": _("Schrijf hoogstens 2000 tekens.")})
    now = timezone.now()
    _status_change(
        urgent,
        actor=actor,
        target=UrgentStatus.PLACED,
        fields={
            "placed_at": location,
            "outcome": message,
            "answered_at": now,
            "answered_by": actor,
            "ended_at": now,
        },
        changes={
            "placed_at": [None, location.pk],
            "outcome": [None, PRESENT if message else None],
        },
    )
    _tell_family(urgent)
    return urgent


@transaction.atomic
def urgent_no_place(*, urgent: UrgentRequest, actor, message: str) -> UrgentRequest:
    """The desk found no place: the family gets the desk's message (what else it can do)."""
    urgent = _lock(urgent)
    if urgent.status != UrgentStatus.NEW:
        raise ValidationError(_("Deze dringende vraag is al beantwoord of ingetrokken."))
    message = (message or "").strip()
    if not message:
        raise ValidationError(
            {"message": _("Schrijf het gezin wat het nu kan doen, ook als er geen plaats is.")}
        )
    if len(message) > MESSAGE_MAX:
        raise ValidationError({"message": _("Schrijf hoogstens 2000 tekens.")})
    now = timezone.now()
    _status_change(
        urgent,
        actor=actor,
        target=UrgentStatus.NO_PLACE,
        fields={"outcome": message, "answered_at": now, "answered_by": actor, "ended_at": now},
        changes={"outcome": [None, PRESENT]},
    )
    _tell_family(urgent)
    return urgent


# --- The family -------------------------------------------------------------------------------


@transaction.atomic
def urgent_withdraw(*, urgent: UrgentRequest) -> UrgentRequest:
    """The family withdraws its request on its private page."""
    urgent = _lock(urgent)
    if urgent.status != UrgentStatus.NEW:
        raise ValidationError(_("Deze vraag is al beantwoord of ingetrokken."))
    _status_change(
        urgent, actor=None, target=UrgentStatus.WITHDRAWN, fields={"ended_at": timezone.now()}
    )
    return urgent


# --- Retention --------------------------------------------------------------------------------

ERASED_FIELDS = ("situation", "outcome", "token", "token_hash")


def urgent_requests_erase_ended(*, now=None) -> int:
    """Erase the urgent requests that ended more than 12 months ago; a second run finds
    nothing left to do."""
    now = now or timezone.now()
    erased = 0
    for pk in list(selectors_urgent.urgent_due(now).values_list("pk", flat=True)):
        if urgent_erase(urgent=UrgentRequest(pk=pk), now=now):
            erased += 1
    return erased


@transaction.atomic
def urgent_erase(*, urgent: UrgentRequest, now) -> bool:
    """Empty one ended urgent request (its situation, the answer, the link, the links to the
    family record and the child) and delete the offers made for it; the reason, municipality,
    dates and status stay for the figures. The trail names what was erased, never the values.
    False when another run erased it first."""
    urgent = _lock(urgent)
    if urgent.erased_at is not None:
        return False
    changes = {
        name: [PRESENT, None] for name in ERASED_FIELDS if getattr(urgent, name) not in (None, "")
    }
    if urgent.family_id:
        changes["family"] = [PRESENT, None]
    offers = UrgentOffer.objects.filter(urgent_id=urgent.pk)
    if offers.exists():
        changes["offers"] = [PRESENT, None]
    offers.delete()
    UrgentRequest.objects.filter(pk=urgent.pk).update(
        family=None,
        child=None,
        situation="",
        outcome="",
        token="",
        token_hash=None,
        erased_at=now,
    )
    audit_record(
        actor=None,
        action=AuditEvent.Action.ERASE,
        target=urgent,
        house=urgent.house,
        reason=_("Bewaartermijn van %(days)s dagen verstreken.") % {"days": REQUEST_RETENTION_DAYS},
        changes=changes,
    )
    return True
