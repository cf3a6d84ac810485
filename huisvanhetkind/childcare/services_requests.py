"""Every write of a childcare request (opvangvraag): filing it, changing it, withdrawing it,
confirming it is still needed, the reminders that ask so, closing it and erasing it.

A request's status changes only in ``request_status_change`` (the moves of ``workflow.py``);
every change is in the house's audit trail as ``{field: [before, after]}``, without personal
data (a changed free text is "<present>")."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.audit.services import audit_record
from huisvanhetkind.childcare import selectors_figures
from huisvanhetkind.childcare import selectors_requests as selectors
from huisvanhetkind.childcare.models import (
    CONFIRM_EVERY_MONTHS,
    CONFIRM_REMINDERS,
    MAX_WISHES,
    REQUEST_RETENTION_DAYS,
    ChildcareLocation,
    ChildcareRequest,
    Placement,
    RequestStatus,
    RequestWish,
)
from huisvanhetkind.childcare.months import add_months, first_of_month, start_months
from huisvanhetkind.childcare.services_placements import end_pending_placements
from huisvanhetkind.childcare.workflow import check_request_move
from huisvanhetkind.core.mail import send_templated_mail_on_commit
from huisvanhetkind.core.tokens import new_token, token_digest
from huisvanhetkind.families.services import child_add, family_for_contact
from huisvanhetkind.network.models import House, Municipality

PRESENT = "<present>"
# A month without an answer between the first and the second reminder, and after the second.
REMINDER_INTERVAL_MONTHS = 1
FREE_TEXTS = ("days_note", "care_needs", "note")
CHANGEABLE = ("wished_start", "half_days", "days_note", "working", "foster", "sworn")
END_STATES = (RequestStatus.PLACED, RequestStatus.WITHDRAWN, RequestStatus.CLOSED)


@dataclass(frozen=True)
class Wish:
    """One wished location as the form gives it: its rank (1 is the most wanted) and whether a
    brother or sister already goes there."""

    location: ChildcareLocation
    rank: int
    sibling: bool = False


def private_url(childcare_request: ChildcareRequest, token: str) -> str:
    return reverse(
        "childcare:request_private",
        kwargs={"house_slug": childcare_request.house.slug, "token": token},
    )


def family_language(childcare_request: ChildcareRequest) -> str:
    """The language of the family's e-mails: theirs when the platform speaks it, else Dutch."""
    language = childcare_request.language
    return language if language in dict(settings.LANGUAGES) else "nl"


def _presence(value) -> str | None:
    return PRESENT if value not in (None, "") else None


def _audit(childcare_request, *, actor, action, changes=None, reason=""):
    audit_record(
        actor=actor,
        action=action,
        target=childcare_request,
        house=childcare_request.house,
        reason=reason,
        changes=changes,
    )


def _mail_family(childcare_request, template: str, **context) -> None:
    email = childcare_request.family.email
    if not email:
        return
    token = childcare_request.token
    send_templated_mail_on_commit(
        to=[email],
        template=template,
        context={
            "childcare_request": childcare_request,
            "house": childcare_request.house,
            "url": private_url(childcare_request, token) if token else "",
            **context,
        },
        language=family_language(childcare_request),
    )


# --- Checks shared by filing and changing ----------------------------------------------------


def _check_start(wished_start: date, *, today: date) -> date:
    start = first_of_month(wished_start)
    if start not in start_months(today):
        raise ValidationError(
            {"wished_start": _("Kies een startmaand uit de lijst: deze maand of de 11 erna.")}
        )
    return start


def _check_wishes(
    wishes: list[Wish],
    *,
    house: House,
    municipality: Municipality,
    born: date,
    start: date,
) -> list[Wish]:
    """1 to 12 different locations with different ranks, each one the family may wish (the
    house's, published, near enough, for the child's age at the start); returned in order with
    ranks 1, 2, 3 ..."""
    if not wishes:
        raise ValidationError(_("Kies minstens één opvang: geef ze een nummer 1, 2, 3 ..."))
    if len(wishes) > MAX_WISHES:
        raise ValidationError(_("Kies hoogstens %(max)s opvanglocaties.") % {"max": MAX_WISHES})
    ranks = [wish.rank for wish in wishes]
    if len(set(ranks)) != len(ranks):
        raise ValidationError(_("Geef elke opvang een ander nummer: elk nummer één keer."))
    if len({wish.location.pk for wish in wishes}) != len(wishes):
        raise ValidationError(_("Kies elke opvang maar één keer."))
    if any(not 1 <= rank <= MAX_WISHES for rank in ranks):
        raise ValidationError(_("Geef een nummer van 1 tot %(max)s.") % {"max": MAX_WISHES})
    age = selectors.age_at_start(born, start)
    if age is None:
        raise ValidationError(
            {
                "wished_start": _(
                    "De startmaand ligt voor de geboorte van je kind. Kies een latere maand."
                )
            }
        )
    allowed = set(
        selectors.wishable_locations(house, municipality, age).values_list("pk", flat=True)
    )
    wrong = [wish.location for wish in wishes if wish.location.pk not in allowed]
    if wrong:
        raise ValidationError(
            _(
                "Deze opvang kan je niet kiezen voor deze startmaand, leeftijd of gemeente: "
                "%(names)s."
            )
            % {"names": ", ".join(str(location.service.name) for location in wrong)}
        )
    ordered = sorted(wishes, key=lambda wish: wish.rank)
    return [Wish(location=w.location, rank=n, sibling=w.sibling) for n, w in enumerate(ordered, 1)]


def _check_declarations(*, working: bool, foster: bool, wishes: list[Wish], sworn: bool) -> bool:
    """A priority declaration counts only as a sworn statement."""
    declared = working or foster or any(wish.sibling for wish in wishes)
    if declared and not sworn:
        raise ValidationError(
            {
                "sworn": _(
                    "Je duidde een voorrang aan. Vink aan dat je dit op eer verklaart, of "
                    "haal de voorrang weg."
                )
            }
        )
    return sworn and declared


def _born(child) -> date:
    return child.birth_date or child.due_date


def _save_wishes(childcare_request, wishes: list[Wish], *, new: bool = False) -> None:
    if not new:
        RequestWish.objects.filter(request=childcare_request).delete()
    RequestWish.objects.bulk_create(
        RequestWish(
            request=childcare_request, location=wish.location, rank=wish.rank, sibling=wish.sibling
        )
        for wish in wishes
    )


def _wish_summary(wishes) -> list:
    return [[wish.location.pk, wish.rank, wish.sibling] for wish in wishes]


def _same_child(family, first_name: str, birth_date, due_date):
    """The family's child with this first name and date, so that a second request for the
    same child does not add it to the family record twice."""
    dates = {"birth_date": birth_date} if birth_date else {"due_date": due_date}
    for child in family.children.filter(**dates):
        if child.first_name.strip().casefold() == first_name.strip().casefold():
            return child
    return None


# --- Filing (the family, no account) -----------------------------------------------------------


@transaction.atomic
def request_submit(
    *,
    house: House,
    municipality: Municipality,
    name: str,
    email: str,
    phone: str = "",
    language: str = "nl",
    child_first_name: str = "",
    birth_date: date | None = None,
    due_date: date | None = None,
    wished_start: date,
    half_days: int,
    days_note: str = "",
    wishes: list[Wish],
    working: bool = False,
    foster: bool = False,
    sworn: bool = False,
    social_tariff: bool = False,
    care_needs: str = "",
    note: str = "",
    today: date | None = None,
) -> tuple[ChildcareRequest, str]:
    """File a family's request for the whole house; return it with the key of its private link
    (stored only as a digest and, for e-mails, encrypted). The family and the child are found
    or added in the family record; the family gets a confirmation e-mail with the link."""
    today = today or timezone.localdate()
    if not email:
        raise ValidationError({"email": _("Vul je e-mailadres in: we sturen je de link.")})
    if not 1 <= half_days <= 10:
        raise ValidationError({"half_days": _("Kies 1 tot 10 halve dagen per week.")})
    start = _check_start(wished_start, today=today)
    born = birth_date or due_date
    if born is None:
        raise ValidationError(
            _("Geef de geboortedatum, of voor een kindje op komst de uitgerekende datum.")
        )
    wishes = _check_wishes(wishes, house=house, municipality=municipality, born=born, start=start)
    sworn = _check_declarations(working=working, foster=foster, wishes=wishes, sworn=sworn)
    reason = _("opvangvraag")
    family, _created = family_for_contact(
        name=name, email=email, phone=phone, language=language, reason=reason
    )
    child = _same_child(family, child_first_name, birth_date, due_date) or child_add(
        family=family,
        first_name=child_first_name,
        birth_date=birth_date,
        due_date=due_date if birth_date is None else None,
        reason=reason,
    )
    token = new_token()
    now = timezone.now()
    childcare_request = ChildcareRequest.objects.create(
        house=house,
        family=family,
        child=child,
        municipality=municipality,
        token_hash=token_digest(token),
        token=token,
        language=language,
        wished_start=start,
        half_days=half_days,
        days_note=days_note.strip(),
        working=working,
        foster=foster,
        sworn=sworn,
        social_tariff=social_tariff,
        care_needs=care_needs.strip(),
        note=note.strip(),
        requested_at=now,
        confirmed_at=now,
    )
    _save_wishes(childcare_request, wishes, new=True)
    _audit(
        childcare_request,
        actor=None,
        action=AuditEvent.Action.CREATE,
        changes={
            "status": [None, childcare_request.status],
            "wished_start": [None, start.isoformat()],
            "half_days": [None, half_days],
            "wishes": [None, _wish_summary(wishes)],
            "working": [None, working],
            "foster": [None, foster],
            "sworn": [None, sworn],
            "social_tariff": [None, social_tariff],
            **{f: [None, _presence(getattr(childcare_request, f))] for f in FREE_TEXTS},
        },
    )
    _mail_family(childcare_request, "childcare/email/request_received")
    return childcare_request, token


# --- The family's link: change, confirm, withdraw -----------------------------------------------


def _lock(childcare_request) -> ChildcareRequest:
    return (
        ChildcareRequest.objects.select_for_update(of=("self",))
        .select_related("house", "family", "child", "municipality")
        .get(pk=childcare_request.pk)
    )


def _ensure_active(childcare_request) -> None:
    if not childcare_request.is_active or childcare_request.erased_at:
        raise ValidationError(
            _("Deze opvangvraag is afgesloten (%(status)s): ze kan niet meer veranderen.")
            % {"status": childcare_request.get_status_display()}
        )


@transaction.atomic
def request_update(
    *,
    childcare_request: ChildcareRequest,
    wished_start: date,
    half_days: int,
    days_note: str,
    wishes: list[Wish],
    working: bool,
    foster: bool,
    sworn: bool,
    actor=None,
    today: date | None = None,
) -> dict:
    """The family (or the desk, ``actor``) changes an open request: start, half-days, days,
    wishes and declarations. The request keeps its date (its place in the queue). Returns the
    changes as ``{field: [before, after]}`` (free text as "<present>")."""
    today = today or timezone.localdate()
    childcare_request = _lock(childcare_request)
    _ensure_active(childcare_request)
    if not 1 <= half_days <= 10:
        raise ValidationError({"half_days": _("Kies 1 tot 10 halve dagen per week.")})
    start = first_of_month(wished_start)
    if start != childcare_request.wished_start:
        start = _check_start(wished_start, today=today)
    wishes = _check_wishes(
        wishes,
        house=childcare_request.house,
        municipality=childcare_request.municipality,
        born=_born(childcare_request.child),
        start=start,
    )
    sworn = _check_declarations(working=working, foster=foster, wishes=wishes, sworn=sworn)
    before_wishes = _wish_summary(
        childcare_request.wishes.select_related("location").order_by("rank")
    )
    new = {
        "wished_start": start,
        "half_days": half_days,
        "days_note": days_note.strip(),
        "working": working,
        "foster": foster,
        "sworn": sworn,
    }
    changes = {}
    for name, value in new.items():
        before = getattr(childcare_request, name)
        if before != value:
            if name in FREE_TEXTS:
                changes[name] = [_presence(before), _presence(value)]
            elif isinstance(value, date):
                changes[name] = [before.isoformat(), value.isoformat()]
            else:
                changes[name] = [before, value]
            setattr(childcare_request, name, value)
    after_wishes = _wish_summary(wishes)
    if after_wishes != before_wishes:
        changes["wishes"] = [before_wishes, after_wishes]
        _save_wishes(childcare_request, wishes)
    if changes:
        childcare_request.save()
        _audit(childcare_request, actor=actor, action=AuditEvent.Action.UPDATE, changes=changes)
    return changes


@transaction.atomic
def request_status_change(
    *,
    childcare_request: ChildcareRequest,
    target: str,
    actor=None,
    reason: str = "",
    now: datetime | None = None,
    fields: dict | None = None,
) -> ChildcareRequest:
    """The one place where a request's status changes (the moves of ``workflow.py``). Locks
    the row, checks the move, stamps ``ended_at`` and ``end_reason`` when the request ends
    (placed, withdrawn, closed), saves and writes ``{"status": [old, new]}`` to the trail. A
    request that ends takes back its offers still waiting (``end_pending_placements``).
    Returns the locked, changed request."""
    childcare_request = _lock(childcare_request)
    source = childcare_request.status
    check_request_move(source, target)
    now = now or timezone.now()
    childcare_request.status = target
    changes = {"status": [source, target]}
    if target in END_STATES:
        childcare_request.ended_at = now
        childcare_request.end_reason = reason[:200]
        changes["ended_at"] = [None, now.isoformat()]
    for name, value in (fields or {}).items():
        setattr(childcare_request, name, value)
    childcare_request.save()
    _audit(
        childcare_request,
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        changes=changes,
        reason=reason,
    )
    if target in END_STATES:
        end_pending_placements(childcare_request, actor=actor, reason=reason)
    return childcare_request


@transaction.atomic
def request_withdraw(
    *, childcare_request: ChildcareRequest, actor=None, reason: str = ""
) -> ChildcareRequest:
    """The family withdraws its request (through its link; the desk for it, ``actor``)."""
    _ensure_active(_lock(childcare_request))
    childcare_request = request_status_change(
        childcare_request=childcare_request,
        target=RequestStatus.WITHDRAWN,
        actor=actor,
        reason=reason or _("ingetrokken door het gezin"),
    )
    _mail_family(childcare_request, "childcare/email/request_withdrawn")
    return childcare_request


@transaction.atomic
def request_confirm(
    *, childcare_request: ChildcareRequest, now: datetime | None = None
) -> ChildcareRequest:
    """The family says the request is still needed: the 3 months start again, the reminders
    are answered."""
    childcare_request = _lock(childcare_request)
    _ensure_active(childcare_request)
    now = now or timezone.now()
    changes = {"confirmed_at": [childcare_request.confirmed_at.isoformat(), now.isoformat()]}
    if childcare_request.confirm_reminders_sent:
        changes["confirm_reminders_sent"] = [childcare_request.confirm_reminders_sent, 0]
    childcare_request.confirmed_at = now
    childcare_request.confirm_reminders_sent = 0
    childcare_request.save(update_fields=["confirmed_at", "confirm_reminders_sent", "updated_at"])
    _audit(childcare_request, actor=None, action=AuditEvent.Action.UPDATE, changes=changes)
    return childcare_request


# --- Every 3 months: still needed? -------------------------------------------------------------


def _months_before(now: datetime, months: int) -> datetime:
    """``now`` moved back by whole calendar months (the day clipped to the month's length)."""
    local = timezone.localtime(now)
    month = add_months(first_of_month(local.date()), -months)
    day = min(local.day, selectors.last_of_month(month).day)
    return local.replace(year=month.year, month=month.month, day=day)


def _reminder_due(now: datetime) -> Q:
    """No reminder yet and confirmed 3 months ago; or reminded and left unanswered a month."""
    return Q(
        confirm_reminders_sent=0, confirmed_at__lte=_months_before(now, CONFIRM_EVERY_MONTHS)
    ) | Q(
        confirm_reminders_sent__gte=1,
        last_reminder_at__lte=_months_before(now, REMINDER_INTERVAL_MONTHS),
    )


def requests_due_for_reminder(now: datetime):
    """Open requests (not one with an offer pending: the round's deadline asks the family then)
    whose family is to be reminded now (the first reminder 3 months after
    the last confirmation, the second a month after the first) or whose request closes (a month
    after the second reminder, unanswered)."""
    return ChildcareRequest.objects.filter(
        _reminder_due(now), status=RequestStatus.OPEN, erased_at__isnull=True
    ).order_by("pk")


@transaction.atomic
def request_remind_or_close(*, pk: int, now: datetime) -> str:
    """One step of the daily job for one request, under its lock: the first or second reminder,
    or closing it after two unanswered reminders (the family is told). Returns ``reminded``,
    ``closed`` or ``""`` when another run did it already: a second run sends nothing twice."""
    childcare_request = (
        ChildcareRequest.objects.select_for_update(of=("self",))
        .filter(_reminder_due(now), pk=pk, status=RequestStatus.OPEN, erased_at__isnull=True)
        .select_related("house", "family", "child", "municipality")
        .first()
    )
    if childcare_request is None:
        return ""
    if childcare_request.confirm_reminders_sent >= CONFIRM_REMINDERS:
        childcare_request = request_status_change(
            childcare_request=childcare_request,
            target=RequestStatus.CLOSED,
            reason=_("niet bevestigd na %(n)s herinneringen") % {"n": CONFIRM_REMINDERS},
            now=now,
        )
        _mail_family(childcare_request, "childcare/email/request_closed")
        return "closed"
    sent = childcare_request.confirm_reminders_sent + 1
    childcare_request.confirm_reminders_sent = sent
    childcare_request.last_reminder_at = now
    childcare_request.save(
        update_fields=["confirm_reminders_sent", "last_reminder_at", "updated_at"]
    )
    _audit(
        childcare_request,
        actor=None,
        action=AuditEvent.Action.UPDATE,
        changes={"confirm_reminders_sent": [sent - 1, sent]},
    )
    _mail_family(
        childcare_request, "childcare/email/request_reminder", last=sent >= CONFIRM_REMINDERS
    )
    return "reminded"


def requests_send_reminders(*, now: datetime | None = None) -> dict:
    """The daily job: remind, remind again, close. Returns the counts."""
    now = now or timezone.now()
    counts = {"reminded": 0, "closed": 0}
    for pk in list(requests_due_for_reminder(now).values_list("pk", flat=True)):
        outcome = request_remind_or_close(pk=pk, now=now)
        if outcome:
            counts[outcome] += 1
    return counts


# --- Retention ------------------------------------------------------------------------------------


def requests_due_for_erasure(now: datetime):
    """Requests that ended more than ``REQUEST_RETENTION_DAYS`` ago and are not erased yet."""
    return ChildcareRequest.objects.filter(
        erased_at__isnull=True,
        ended_at__lt=now - timedelta(days=REQUEST_RETENTION_DAYS),
    )


@transaction.atomic
def request_erase(*, pk: int, now: datetime) -> bool:
    """Empty a request that ended long enough ago: the free texts, the link, the wishes and the
    links to the family record and the child go (the family record is then erased by its own
    rule once nothing links to it); the status, dates, municipality, start, half-days,
    declarations and the social-tariff box stay for anonymous counts. False when another run
    erased it already."""
    childcare_request = (
        requests_due_for_erasure(now)
        .select_for_update(of=("self",))
        .select_related("house")
        .filter(pk=pk)
        .first()
    )
    if childcare_request is None:
        return False
    changes = {
        name: [_presence(getattr(childcare_request, name)), None]
        for name in (*FREE_TEXTS, "token")
        if getattr(childcare_request, name)
    }
    if childcare_request.family_id:
        changes["family"] = [PRESENT, None]
    wishes = RequestWish.objects.filter(request=childcare_request).delete()[0]
    if wishes:
        changes["wishes"] = [wishes, 0]
    # The places keep their status and dates for the counts; their free texts go.
    placements = (
        Placement.objects.filter(request=childcare_request)
        .exclude(refusal_reason="", advice_reference="")
        .update(refusal_reason="", advice_reference="")
    )
    if placements:
        changes["placements"] = [PRESENT, None]
    ChildcareRequest.objects.filter(pk=pk).update(
        age_band=selectors_figures.request_age_band(pk),
        family=None,
        child=None,
        days_note="",
        care_needs="",
        note="",
        token="",
        token_hash=None,
        erased_at=now,
        updated_at=now,
    )
    _audit(
        childcare_request,
        actor=None,
        action=AuditEvent.Action.ERASE,
        changes={**changes, "erased_at": [None, now.isoformat()]},
    )
    return True


def requests_erase_expired(*, now: datetime | None = None) -> int:
    """The retention rule: erase every request that ended 12 months ago. Returns how many."""
    now = now or timezone.now()
    pks = list(requests_due_for_erasure(now).values_list("pk", flat=True))
    return sum(request_erase(pk=pk, now=now) for pk in pks)
