"""Every write of the signal index: record, name the lead, withdraw, give the parent a link, the
parent's removal request, handover, and the erasure of ended signals.

Recording checks the number (``care.numbers``), refuses someone aged 23 or older, re-keys every
signal of the same child (and parent) that was digested under an older key, and tells every
involved professional when another organisation signals the same child or a sibling: an e-mail
naming the others (organisation, contact, date), nothing else.
"""

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.audit.services import audit_record
from huisvanhetkind.care import selectors
from huisvanhetkind.care.models import Signal
from huisvanhetkind.care.numbers import Number, all_digests, current_digest, parse_number
from huisvanhetkind.core.mail import send_templated_mail_on_commit
from huisvanhetkind.core.tokens import new_token, token_digest
from huisvanhetkind.network.access import acting_organisation, works_for
from huisvanhetkind.network.models import Domain, House, Organisation, Partnership
from huisvanhetkind.network.selectors import organisation_admin_emails

# A signal ends this many years after it was made, and when the child turns this age.
SIGNAL_YEARS = 2
AGE_LIMIT = 23
PRESENT = "<present>"
NAME_MAX_LENGTH = 200


def _audit(signal, *, actor, action, changes=None, reason=""):
    audit_record(
        actor=actor,
        action=action,
        target=signal,
        house=signal.house,
        organisation=acting_organisation(actor, [signal.organisation]),
        changes=changes,
        reason=reason,
    )


def _years_later(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _rekey(*, number: Number, field: str) -> int:
    """Give every signal whose ``field`` digest of ``number`` was made under an older key the
    digest under the current key (the number is at hand now). Returns how many changed."""
    key_id, digest = current_digest(number)
    old = [d for d in all_digests(number) if d != digest]
    if not old:
        return 0
    changed = 0
    for signal in Signal.objects.select_for_update().filter(**{f"{field}_digest__in": old}):
        before = getattr(signal, f"{field}_key")
        Signal.objects.filter(pk=signal.pk).update(
            **{f"{field}_digest": digest, f"{field}_key": key_id}
        )
        _audit(
            signal,
            actor=None,
            action=AuditEvent.Action.UPDATE,
            changes={f"{field}_key": [before, key_id]},
        )
        changed += 1
    return changed


def _person(user) -> str:
    if user is None:
        return _("(niemand meer)")
    return user.get_full_name() or user.email


def _recipients(signal: Signal) -> list[str]:
    if signal.contact_id and signal.contact.email:
        return [signal.contact.email]
    return organisation_admin_emails(signal.organisation)


def _tell_match(signal: Signal, others: list[Signal]) -> None:
    """Tell each professional involved with the child (or a sibling) of ``signal`` who the
    others are (``others``: its matches), when another organisation is involved."""
    if not others:
        return
    involved = [signal, *others]
    for current in involved:
        named = [
            {
                "organisation": s.organisation.name,
                "contact": _person(s.contact),
                "email": s.contact.email if s.contact_id else "",
                "made_on": s.made_on,
            }
            for s in involved
            if s.pk != current.pk and s.organisation_id != current.organisation_id
        ]
        if not named:
            continue
        send_templated_mail_on_commit(
            to=_recipients(current),
            template="care/email/match",
            context={"signal": current, "others": named},
        )


def signal_record(
    *,
    actor,
    house: House,
    organisation: Organisation,
    number: str,
    child_name: str = "",
    child_birth_date: str = "",
    domain: Domain | None = None,
    parent_number: str = "",
    today: date | None = None,
    notify: bool = True,
) -> Signal:
    """Record that ``organisation`` is involved with the child of ``number``. ValidationError
    (Dutch, keyed by field) for a wrong number, someone aged 23 or older, a second live signal
    of the same organisation for the child, or an actor who does not work for it.
    ``notify=False`` sends no match e-mail (the demo seeder)."""
    today = today or timezone.localdate()
    if (
        not works_for(actor, organisation)
        or not Partnership.objects.filter(
            house=house, organisation=organisation, status=Partnership.Status.ACTIVE
        ).exists()
    ):
        raise ValidationError(
            _("U kunt alleen signaleren voor een partnerorganisatie waarvoor u werkt.")
        )
    errors = {}
    try:
        child = parse_number(number)
    except ValidationError as exc:
        errors["number"] = exc.messages
        child = None
    parent = None
    if parent_number.strip():
        try:
            parent = parse_number(parent_number)
        except ValidationError as exc:
            errors["parent_number"] = exc.messages
    if child is not None:
        age = child.age_on(today)
        if age is not None and age >= AGE_LIMIT:
            errors["number"] = [
                _(
                    "Dit nummer hoort bij iemand van %(age)s jaar of ouder: de signaalindex is er "
                    "alleen voor kinderen en jongeren tot 23 jaar."
                )
                % {"age": AGE_LIMIT}
            ]
        elif parent is not None and parent.compact == child.compact:
            errors["parent_number"] = [
                _("Het nummer van de ouder is hetzelfde als dat van het kind.")
            ]
    if len(child_name) > NAME_MAX_LENGTH:
        errors["child_name"] = [_("Gebruik voor de naam hoogstens 200 tekens.")]
    if errors:
        raise ValidationError(errors)

    with transaction.atomic():
        _rekey(number=child, field="child")
        if parent is not None:
            _rekey(number=parent, field="parent")
        child_key, child_digest = current_digest(child)
        parent_key, parent_digest = current_digest(parent) if parent else ("", "")
        mine = (
            Signal.objects.select_for_update(of=("self",))
            .live(today)
            .filter(organisation=organisation, child_digest=child_digest)
        )
        if mine.exists():
            raise ValidationError(
                {
                    "number": [
                        _(
                            "Uw organisatie heeft dit kind al gesignaleerd; u vindt het signaal "
                            "bij de signalen van uw organisatie."
                        )
                    ]
                }
            )
        ends_on = _years_later(today, SIGNAL_YEARS)
        turns = child.turns(AGE_LIMIT)
        if turns is not None:
            ends_on = min(ends_on, turns)
        signal = Signal.objects.create(
            house=house,
            organisation=organisation,
            contact=actor,
            child_digest=child_digest,
            child_key=child_key,
            parent_digest=parent_digest,
            parent_key=parent_key,
            reference_name=child_name.strip(),
            reference_birth_date=child_birth_date.strip(),
            domain=domain,
            made_on=today,
            ends_on=ends_on,
        )
        _audit(
            signal,
            actor=actor,
            action=AuditEvent.Action.CREATE,
            changes={
                "child": [None, PRESENT],
                "parent": [None, PRESENT if parent else None],
                "domain": [None, domain.slug if domain else None],
                "ends_on": [None, ends_on.isoformat()],
            },
        )
        # One read of the index for the lead and the e-mails: the live signals of other
        # organisations for the child (the organisation has no other live one: see ``mine``)
        # or a sibling.
        others = selectors.matches(signal, today)
        same = [s for s in others if not s.is_sibling]
        if same and not any(s.is_lead for s in same):
            first = min([signal, *same], key=lambda s: (s.made_on, s.pk))
            Signal.objects.filter(pk=first.pk).update(is_lead=True)
            first.is_lead = True
            _audit(
                first,
                actor=None,
                action=AuditEvent.Action.UPDATE,
                changes={"is_lead": [False, True]},
            )
        if notify:
            _tell_match(signal, others)
    return signal


def _ensure_involved(actor, signal: Signal, today: date) -> None:
    if not signal.is_live(today) or not any(
        works_for(actor, s.organisation) for s in selectors.same_child(signal, today)
    ):
        raise ValidationError(_("Alleen wie betrokken is bij dit kind kan dat doen."))


def signal_make_lead(*, actor, signal: Signal, lead: Signal, today: date | None = None) -> Signal:
    """Name the contact of ``lead`` (a live signal of the same child) regievoerder; any
    professional of an involved organisation may do it."""
    today = today or timezone.localdate()
    _ensure_involved(actor, signal, today)
    if lead.child_digest != signal.child_digest or not lead.is_live(today):
        raise ValidationError(_("Kies een betrokken organisatie van dit kind."))
    with transaction.atomic():
        for old in (
            selectors.same_child(signal, today).select_for_update(of=("self",)).filter(is_lead=True)
        ):
            if old.pk != lead.pk:
                Signal.objects.filter(pk=old.pk).update(is_lead=False)
                _audit(
                    old,
                    actor=actor,
                    action=AuditEvent.Action.UPDATE,
                    changes={"is_lead": [True, False]},
                )
        if not lead.is_lead:
            Signal.objects.filter(pk=lead.pk).update(is_lead=True)
            _audit(
                lead,
                actor=actor,
                action=AuditEvent.Action.UPDATE,
                changes={"is_lead": [False, True]},
            )
    lead.refresh_from_db()
    return lead


def signal_withdraw(
    *, actor, signal: Signal, reason: str = "", today: date | None = None
) -> Signal:
    """End ``signal`` now (its organisation is no longer involved). The lead, when it was
    this signal, goes to the oldest other live signal of the child."""
    today = today or timezone.localdate()
    if not works_for(actor, signal.organisation):
        raise ValidationError(_("Alleen de organisatie die signaleerde kan het signaal intrekken."))
    with transaction.atomic():
        signal = Signal.objects.select_for_update().get(pk=signal.pk)
        if signal.withdrawn_at is not None:
            raise ValidationError(_("Dit signaal is al ingetrokken."))
        was_lead = signal.is_lead
        signal.withdrawn_at = timezone.now()
        signal.is_lead = False
        signal.save(update_fields=["withdrawn_at", "is_lead"])
        _audit(
            signal,
            actor=actor,
            action=AuditEvent.Action.UPDATE,
            changes={"withdrawn_at": [None, signal.withdrawn_at.isoformat()]},
            reason=reason[:500],
        )
        if was_lead:
            rest = list(selectors.same_child(signal, today))
            if len({s.organisation_id for s in rest}) > 1:
                successor = rest[0]
                Signal.objects.filter(pk=successor.pk).update(is_lead=True)
                _audit(
                    successor,
                    actor=None,
                    action=AuditEvent.Action.UPDATE,
                    changes={"is_lead": [False, True]},
                )
    return signal


def signal_parent_link(*, actor, signal: Signal, today: date | None = None) -> str:
    """A new private link for the child's parent (the old one stops working). Returns the token
    (stored only as its digest)."""
    today = today or timezone.localdate()
    if not works_for(actor, signal.organisation) or not signal.is_live(today):
        raise ValidationError(_("Alleen de organisatie die signaleerde kan een link geven."))
    token = new_token()
    with transaction.atomic():
        had = bool(signal.parent_token_hash)
        signal.parent_token_hash = token_digest(token)
        signal.save(update_fields=["parent_token_hash"])
        _audit(
            signal,
            actor=actor,
            action=AuditEvent.Action.UPDATE,
            changes={"parent_link": [PRESENT if had else None, PRESENT]},
        )
    return token


def signal_request_removal(*, signal: Signal, today: date | None = None) -> Signal:
    """The parent asks (through their link) that the signal be removed: the recording
    organisation is told, and decides (it withdraws the signal)."""
    today = today or timezone.localdate()
    with transaction.atomic():
        signal = Signal.objects.select_for_update().get(pk=signal.pk)
        if signal.removal_requested_at is None and signal.is_live(today):
            signal.removal_requested_at = timezone.now()
            signal.save(update_fields=["removal_requested_at"])
            _audit(
                signal,
                actor=None,
                action=AuditEvent.Action.UPDATE,
                changes={"removal_requested_at": [None, signal.removal_requested_at.isoformat()]},
                reason="parent",
            )
            send_templated_mail_on_commit(
                to=_recipients(signal), template="care/email/removal", context={"signal": signal}
            )
    return signal


def handed_over_signals(*, user, organisation, today: date | None = None):
    today = today or timezone.localdate()
    return Signal.objects.live(today).filter(organisation=organisation, contact=user)


def signals_hand_over(*, actor, from_user, to_user, organisation) -> int:
    """Make ``to_user`` (a colleague) the contact of the live signals ``from_user`` holds for
    ``organisation``; the lead moves with them. Returns how many moved."""
    if to_user is None or to_user.pk == from_user.pk or not works_for(to_user, organisation):
        raise ValidationError(
            _("Kies een collega van %(name)s die de signalen overneemt.")
            % {"name": organisation.name}
        )
    note = _("Overgedragen aan %(to)s: %(from)s werkt niet meer voor %(name)s.") % {
        "to": to_user.email,
        "from": from_user.email,
        "name": organisation.name,
    }
    moved = 0
    with transaction.atomic():
        for signal in handed_over_signals(
            user=from_user, organisation=organisation
        ).select_for_update(of=("self",)):
            Signal.objects.filter(pk=signal.pk).update(contact=to_user)
            _audit(
                signal,
                actor=actor,
                action=AuditEvent.Action.UPDATE,
                changes={"contact": [from_user.pk, to_user.pk]},
                reason=note,
            )
            moved += 1
    return moved


def erasure_due(now: datetime):
    """The signals that ended (withdrawn, two years old, or the child is 23)."""
    return Signal.objects.ended(timezone.localdate(now))


def signals_erase_ended(now: datetime | None = None) -> int:
    """Delete every ended signal (nothing of it is kept; the audit trail says it was there)."""
    now = now or timezone.now()
    count = 0
    with transaction.atomic():
        for signal in (
            erasure_due(now).select_for_update(of=("self",)).select_related("house", "organisation")
        ):
            _audit(
                signal,
                actor=None,
                action=AuditEvent.Action.ERASE,
                changes={"child": [PRESENT, None]},
            )
            signal.delete()
            count += 1
    return count
