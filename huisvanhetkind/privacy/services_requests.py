"""Writes of the requests log (see ``models.RightsRequest``): log a request, take it in hand,
extend its deadline once, answer or refuse it, and erase the log after its retention.

The deadline is the GDPR's (art. 12(3)): one month from receipt, the same day of the next month
(or its last day when that month is shorter: 31 January gives 28 or 29 February); the house
may extend it once by two further months, with a reason it records and tells the family within
the first month. Every write is audited; the audit trail holds dates and states, never who asked
or what about (those are encrypted in the log itself).
"""

from datetime import date, datetime

from dateutil.relativedelta import relativedelta
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.audit.services import audit_record
from huisvanhetkind.network.models import House
from huisvanhetkind.privacy.models import RightsRequest
from huisvanhetkind.privacy.workflow import RequestStatus, ensure_transition

DEADLINE = relativedelta(months=1)
EXTENSION = relativedelta(months=2)
# The log is proof that the house answers on time (GDPR art. 5(2), accountability); five years
# after the answer covers the Belgian data protection authority's look-back in practice and the
# limitation period of a claim (art. 2262bis Civil Code: five years from knowing the damage).
REQUEST_RETENTION_YEARS = 5
PRESENT = "<present>"
MAX_TEXT = 4000


def deadline_for(received_on: date) -> date:
    """One month from receipt (GDPR art. 12(3))."""
    return received_on + DEADLINE


def _clean_text(value: str, field: str, message: str, *, required: bool = True) -> str:
    value = (value or "").strip()
    if required and not value:
        raise ValidationError({field: message})
    if len(value) > MAX_TEXT:
        raise ValidationError({field: _("Houd het korter dan %(n)s tekens.") % {"n": MAX_TEXT}})
    return value


def _audit(request: RightsRequest, *, actor, action: str, changes: dict, reason: str = ""):
    audit_record(
        actor=actor,
        action=action,
        target=request,
        house=request.house,
        reason=reason,
        changes=changes,
    )


def _locked(request: RightsRequest) -> RightsRequest:
    return RightsRequest.objects.select_for_update().select_related("house").get(pk=request.pk)


def _move(request: RightsRequest, new: str, *, actor, changes: dict, reason: str = ""):
    old = request.status
    ensure_transition(old, new)
    request.status = new
    request.save()
    _audit(
        request,
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        changes={"status": [old, new], **changes},
        reason=reason,
    )
    return request


@transaction.atomic
def request_log(
    *,
    actor,
    house: House,
    requester_name: str,
    requester_contact: str,
    received_on: date,
    channel: str,
    kind: str,
    subject: str,
    today: date | None = None,
) -> RightsRequest:
    """Log a request the house received; its deadline is one month from receipt."""
    today = today or timezone.localdate()
    errors = {}
    if received_on is None:
        errors["received_on"] = _("Vul de datum van ontvangst in.")
    elif received_on > today:
        errors["received_on"] = _("De datum van ontvangst ligt in de toekomst.")
    if channel not in RightsRequest.Channel.values:
        errors["channel"] = _("Kies hoe het verzoek binnenkwam.")
    if kind not in RightsRequest.Kind.values:
        errors["kind"] = _("Kies de soort verzoek.")
    texts = {
        "requester_name": (requester_name, _("Vul de naam in van wie het vraagt.")),
        "requester_contact": (
            requester_contact,
            _("Vul in hoe we kunnen antwoorden (e-mailadres, telefoon of adres)."),
        ),
        "subject": (subject, _("Beschrijf kort waarover het verzoek gaat.")),
    }
    cleaned = {}
    for field, (value, message) in texts.items():
        try:
            cleaned[field] = _clean_text(value, field, message)
        except ValidationError as error:
            errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    request = RightsRequest.objects.create(
        house=house,
        **cleaned,
        received_on=received_on,
        channel=channel,
        kind=kind,
        due_on=deadline_for(received_on),
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    _audit(
        request,
        actor=actor,
        action=AuditEvent.Action.CREATE,
        changes={
            "requester": [None, PRESENT],
            "subject": [None, PRESENT],
            "received_on": [None, received_on.isoformat()],
            "kind": [None, kind],
            "channel": [None, channel],
            "due_on": [None, request.due_on.isoformat()],
        },
    )
    return request


@transaction.atomic
def request_start(*, actor, request: RightsRequest) -> RightsRequest:
    """The coordinator takes the request in hand."""
    request = _locked(request)
    return _move(request, RequestStatus.IN_PROGRESS, actor=actor, changes={})


@transaction.atomic
def request_extend(
    *, actor, request: RightsRequest, reason: str, today: date | None = None
) -> RightsRequest:
    """Extend the deadline once by two months, with a reason (complex or many requests); only
    while the first month runs, since the family must be told within it (art. 12(3))."""
    today = today or timezone.localdate()
    request = _locked(request)
    if request.extended_at is not None:
        raise ValidationError(
            _("De termijn van dit verzoek is al eens verlengd; dat kan maar één keer.")
        )
    if not request.is_open:
        raise ValidationError(_("Dit verzoek is al afgehandeld."))
    reason = _clean_text(
        reason,
        "reason",
        _("Geef de reden van de verlenging: de wet vraagt ze aan het gezin te melden."),
    )
    if today > request.due_on:
        raise ValidationError(
            _("De termijn liep af op %(day)s: verlengen kan alleen binnen de eerste maand.")
            % {"day": request.due_on.strftime("%d/%m/%Y")}
        )
    old_due = request.due_on
    request.due_on = request.received_on + (DEADLINE + EXTENSION)  # three months from receipt
    request.extension_reason = reason
    request.extended_at = timezone.now()
    return _move(
        request,
        RequestStatus.EXTENDED,
        actor=actor,
        changes={
            "due_on": [old_due.isoformat(), request.due_on.isoformat()],
            "extension_reason": [None, PRESENT],
        },
    )


@transaction.atomic
def request_answer(
    *,
    actor,
    request: RightsRequest,
    answered_on: date,
    summary: str,
    channel: str,
    refused: bool = False,
    refusal_reason: str = "",
    today: date | None = None,
) -> RightsRequest:
    """Record the answer (or the refusal, with its reason: art. 12(4)) sent to the family."""
    today = today or timezone.localdate()
    request = _locked(request)
    if not request.is_open:
        raise ValidationError(_("Dit verzoek is al afgehandeld."))
    errors = {}
    if answered_on is None:
        errors["answered_on"] = _("Vul de datum van het antwoord in.")
    elif answered_on < request.received_on:
        errors["answered_on"] = _(
            "Het antwoord kan niet vóór de ontvangst van het verzoek (%(day)s) liggen."
        ) % {"day": request.received_on.strftime("%d/%m/%Y")}
    elif answered_on > today:
        errors["answered_on"] = _("De datum van het antwoord ligt in de toekomst.")
    if channel not in RightsRequest.Channel.values:
        errors["channel"] = _("Kies hoe het antwoord verstuurd werd.")
    try:
        summary = _clean_text(summary, "summary", _("Vat het antwoord kort samen."))
    except ValidationError as error:
        errors.update(error.message_dict)
    if refused:
        try:
            refusal_reason = _clean_text(
                refusal_reason,
                "refusal_reason",
                _("Geef de reden van de weigering: de wet vraagt ze aan het gezin te melden."),
            )
        except ValidationError as error:
            errors.update(error.message_dict)
    else:
        refusal_reason = ""
    if errors:
        raise ValidationError(errors)
    request.answered_on = answered_on
    request.answer_summary = summary
    request.answer_channel = channel
    request.refusal_reason = refusal_reason
    request.closed_at = timezone.now()
    changes = {
        "answered_on": [None, answered_on.isoformat()],
        "answer_summary": [None, PRESENT],
        "answer_channel": [None, channel],
    }
    if refused:
        changes["refusal_reason"] = [None, PRESENT]
    return _move(
        request,
        RequestStatus.REFUSED if refused else RequestStatus.ANSWERED,
        actor=actor,
        changes=changes,
    )


# --- Retention -----------------------------------------------------------------------------------


def requests_due(now: datetime):
    """The requests answered (or refused) more than five years ago."""
    cutoff = timezone.localdate(now) - relativedelta(years=REQUEST_RETENTION_YEARS)
    return RightsRequest.objects.filter(closed_at__isnull=False, answered_on__lt=cutoff)


def requests_erase_expired(*, now: datetime | None = None) -> int:
    """Delete the requests answered more than five years ago; the audit trail says they were."""
    now = now or timezone.now()
    count = 0
    with transaction.atomic():
        for request in requests_due(now).select_related("house").select_for_update(of=("self",)):
            _audit(
                request,
                actor=None,
                action=AuditEvent.Action.ERASE,
                changes={"request": [PRESENT, None]},
                reason=_("bewaartermijn"),
            )
            request.delete()
            count += 1
    return count
