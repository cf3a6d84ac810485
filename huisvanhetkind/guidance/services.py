"""Every write of a bridge worker's caseload and of signals to policy.

A bridge worker starts guiding a family with its consent (``caseload_start``), keeps its help
questions and a timeline of contacts, plans the next contact and ends the guidance. What the
family shared (the link to its record, the help questions' text, the contact notes) is erased at
once when the family withdraws its consent, when the consent expires, and 12 months after the
guidance ended (``caseloads_erase_expired``). When a bridge worker leaves their organisation,
their caseload moves to a colleague bridge worker (``caseloads_hand_over``).
"""

from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.audit.services import audit_record
from huisvanhetkind.families.services import family_for_contact
from huisvanhetkind.guidance.models import (
    CONTACT_NOTE_MAX_LENGTH,
    GUIDANCE_PURPOSE,
    HELP_QUESTION_MAX_LENGTH,
    SIGNAL_MAX_LENGTH,
    CaseloadEntry,
    Contact,
    HelpQuestion,
    LifeDomain,
    PolicySignal,
)
from huisvanhetkind.guidance.workflow import (
    GuidanceStatus,
    HelpQuestionStatus,
    ensure_guidance_transition,
    ensure_help_question_transition,
)
from huisvanhetkind.network.access import is_bridge_worker, roles_of
from huisvanhetkind.network.models import (
    AgeGroup,
    Domain,
    House,
    Municipality,
    Organisation,
    Partnership,
    Role,
)
from huisvanhetkind.referrals.services import (
    consent_check,
    consent_record,
    consent_withdraw,
    consents_release,
)

G = GuidanceStatus
H = HelpQuestionStatus
# What the audit trail says of a personal detail: that it was there, never the value.
PRESENT = "<present>"
# The reasons a bridge worker ends a guidance with; the consent's reasons are the platform's.
BRIDGE_WORKER_END_REASONS = (
    CaseloadEntry.EndReason.DONE,
    CaseloadEntry.EndReason.FAMILY_STOPPED,
    CaseloadEntry.EndReason.HANDED_OVER,
    CaseloadEntry.EndReason.MOVED,
    CaseloadEntry.EndReason.NO_CONTACT,
    CaseloadEntry.EndReason.OTHER,
)
# How far ahead a next contact can be planned.
LONGEST_PLANNING = timedelta(days=366)


def retention_days() -> int:
    """Days after a guidance ended before what the family shared is erased (12 months)."""
    return getattr(settings, "GUIDANCE_RETENTION_DAYS", 365)


def _audit(target, *, house, organisation, actor, action, changes=None, reason=""):
    audit_record(
        actor=actor,
        action=action,
        target=target,
        house=house,
        organisation=organisation,
        changes=changes,
        reason=reason,
    )


def _audit_entry(entry: CaseloadEntry, *, actor, action, changes=None, reason=""):
    _audit(
        entry,
        house=entry.house,
        organisation=entry.organisation,
        actor=actor,
        action=action,
        changes=changes,
        reason=reason,
    )


def _bridge_worker_role(actor, house: House) -> Role:
    """The actor's role of bridge worker in ``house`` (one per house), or a Dutch refusal."""
    role = next(
        (
            r
            for r in roles_of(actor)
            if r.kind == Role.Kind.BRIDGE_WORKER and r.house_id == house.pk
        ),
        None,
    )
    if role is None:
        raise ValidationError(_("Je bent geen brugfiguur in dit Huis van het Kind."), code="actor")
    if not Partnership.objects.filter(
        house=house, organisation_id=role.organisation_id, status=Partnership.Status.ACTIVE
    ).exists():
        raise ValidationError(
            _("Je organisatie is geen actieve partner meer van dit Huis van het Kind."),
            code="partner",
        )
    return role


def _lock(entry: CaseloadEntry) -> CaseloadEntry:
    return (
        CaseloadEntry.objects.select_for_update(of=("self",))
        .select_related("house", "organisation", "bridge_worker", "consent")
        .get(pk=entry.pk)
    )


def _ensure_guides(entry: CaseloadEntry, actor) -> None:
    """Only the bridge worker who guides the family, while they are bridge worker of the house
    for that organisation, changes the guidance."""
    if (
        actor is None
        or entry.bridge_worker_id != actor.pk
        or not is_bridge_worker(actor, entry.house, entry.organisation)
    ):
        raise ValidationError(
            _("Alleen de brugfiguur die dit gezin begeleidt, kan dit."), code="actor"
        )


def _ensure_active(entry: CaseloadEntry) -> None:
    if not entry.is_active or entry.erased_at:
        raise ValidationError(_("Deze begeleiding is beëindigd."), code="ended")


def _lock_for_bridge_worker(entry: CaseloadEntry, actor) -> CaseloadEntry:
    entry = _lock(entry)
    _ensure_guides(entry, actor)
    _ensure_active(entry)
    return entry


def _check_next_contact(next_contact_on: date | None, today: date) -> None:
    if next_contact_on is None:
        return
    if next_contact_on < today:
        raise ValidationError(
            {"next_contact_on": _("Plan het volgende contact vandaag of later.")},
            code="next_contact",
        )
    if next_contact_on > today + LONGEST_PLANNING:
        raise ValidationError(
            {"next_contact_on": _("Plan het volgende contact binnen het jaar.")},
            code="next_contact",
        )


def _consent_fields(consent: dict) -> dict:
    """The consent as the referrals' ``consent_check`` and ``consent_record`` take it, with the
    purpose of guidance."""
    return {
        "given_by": consent.get("given_by", ""),
        "obtained_via": consent.get("obtained_via", ""),
        "purpose": GUIDANCE_PURPOSE,
        "data_categories": list(consent.get("data_categories") or []),
        "expires_on": consent.get("expires_on"),
        "child_birth_date": consent.get("child_birth_date"),
    }


# --- Starting and ending guidance ---------------------------------------------------------------


@transaction.atomic
def caseload_start(
    *,
    actor,
    house: House,
    family: dict,
    consent: dict,
    next_contact_on: date | None = None,
    now=None,
) -> CaseloadEntry:
    """A bridge worker starts guiding a family, with its consent, on behalf of the organisation
    they are bridge worker for in ``house``.

    ``family``: name, email, phone, address, language (the family record).
    ``consent``: given_by, obtained_via, data_categories, expires_on, and child_birth_date when
    a young person of 12 or older consents for themselves. The purpose is guidance.
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    role = _bridge_worker_role(actor, house)
    organisation = role.organisation
    fields = _consent_fields(consent)
    consent_check(**fields, today=today)
    _check_next_contact(next_contact_on, today)
    record, _created = family_for_contact(**family, actor=actor, reason=_("begeleiding"))
    duplicate = _("Dit gezin wordt al begeleid door een brugfiguur van %(organisation)s.") % {
        "organisation": organisation.name
    }
    if (
        CaseloadEntry.objects.active()
        .filter(family=record, organisation=organisation, house=house)
        .exists()
    ):
        raise ValidationError(duplicate, code="duplicate")
    given = consent_record(
        actor=actor,
        house=house,
        family=record,
        recipient=organisation,
        requested_by=organisation,
        now=now,
        **fields,
    )
    try:
        with transaction.atomic():
            entry = CaseloadEntry.objects.create(
                house=house,
                organisation=organisation,
                bridge_worker=actor,
                family=record,
                consent=given,
                started_on=today,
                next_contact_on=next_contact_on,
                created_at=now,
            )
    except IntegrityError:
        # A colleague started guiding the same family a moment ago.
        raise ValidationError(duplicate, code="duplicate") from None
    _audit_entry(
        entry,
        actor=actor,
        action=AuditEvent.Action.CREATE,
        changes={
            "status": [None, G.ACTIVE],
            "family": [None, record.pk],
            "bridge_worker": [None, actor.pk],
            "consent": [None, given.pk],
            "next_contact_on": [None, str(next_contact_on) if next_contact_on else None],
        },
    )
    return entry


def _end(entry: CaseloadEntry, *, actor, reason: str, now) -> dict:
    """End a locked guidance: ``{field: [before, after]}`` of what changed."""
    ensure_guidance_transition(entry.status, G.ENDED)
    ended_on = max(timezone.localdate(now), entry.started_on)
    changes = {
        "status": [entry.status, G.ENDED],
        "ended_on": [None, str(ended_on)],
        "end_reason": [entry.end_reason or None, reason],
    }
    if entry.next_contact_on:
        changes["next_contact_on"] = [str(entry.next_contact_on), None]
    entry.status = G.ENDED
    entry.ended_on = ended_on
    entry.end_reason = reason
    entry.next_contact_on = None
    entry.save(update_fields=["status", "ended_on", "end_reason", "next_contact_on", "updated_at"])
    _audit_entry(entry, actor=actor, action=AuditEvent.Action.UPDATE, changes=changes)
    return changes


@transaction.atomic
def caseload_end(*, entry: CaseloadEntry, actor, reason: str, now=None) -> CaseloadEntry:
    """The bridge worker ends the guidance, with a reason from the list."""
    now = now or timezone.now()
    if reason not in BRIDGE_WORKER_END_REASONS:
        raise ValidationError({"reason": _("Kies waarom de begeleiding stopt.")}, code="reason")
    entry = _lock_for_bridge_worker(entry, actor)
    _end(entry, actor=actor, reason=reason, now=now)
    return entry


@transaction.atomic
def caseload_next_contact_set(
    *, entry: CaseloadEntry, actor, next_contact_on: date | None, now=None
) -> CaseloadEntry:
    """Plan (or clear) the next contact with the family."""
    today = timezone.localdate(now or timezone.now())
    _check_next_contact(next_contact_on, today)
    entry = _lock_for_bridge_worker(entry, actor)
    before = entry.next_contact_on
    if before != next_contact_on:
        entry.next_contact_on = next_contact_on
        entry.save(update_fields=["next_contact_on", "updated_at"])
        _audit_entry(
            entry,
            actor=actor,
            action=AuditEvent.Action.UPDATE,
            changes={
                "next_contact_on": [
                    str(before) if before else None,
                    str(next_contact_on) if next_contact_on else None,
                ]
            },
        )
    return entry


# --- Help questions and contacts ----------------------------------------------------------------


def _clean_text(text: str, *, field: str, limit: int, required_message: str = "") -> str:
    text = (text or "").strip()
    if required_message and not text:
        raise ValidationError({field: required_message}, code="required")
    if len(text) > limit:
        raise ValidationError(
            {field: _("Schrijf dit in hoogstens %(limit)s tekens.") % {"limit": limit}},
            code="max_length",
        )
    return text


@transaction.atomic
def help_question_add(
    *, entry: CaseloadEntry, actor, domain: str, text: str, now=None
) -> HelpQuestion:
    """Note what the family asks help with, in one life domain."""
    now = now or timezone.now()
    if domain not in LifeDomain.values:
        raise ValidationError({"domain": _("Kies een levensdomein.")}, code="domain")
    text = _clean_text(
        text,
        field="text",
        limit=HELP_QUESTION_MAX_LENGTH,
        required_message=_("Schrijf kort wat de hulpvraag is."),
    )
    entry = _lock_for_bridge_worker(entry, actor)
    question = HelpQuestion.objects.create(
        entry=entry, domain=domain, text=text, created_by=actor, created_at=now
    )
    _audit(
        question,
        house=entry.house,
        organisation=entry.organisation,
        actor=actor,
        action=AuditEvent.Action.CREATE,
        changes={
            "entry": [None, entry.pk],
            "domain": [None, domain],
            "status": [None, H.OPEN],
            "text": [None, PRESENT],
        },
    )
    return question


def _help_question_move(question: HelpQuestion, *, actor, to: str, now) -> HelpQuestion:
    entry = _lock_for_bridge_worker(question.entry, actor)
    question = HelpQuestion.objects.select_for_update().get(pk=question.pk, entry=entry)
    ensure_help_question_transition(question.status, to)
    before = question.status
    question.status = to
    question.answered_at = now if to == H.ANSWERED else None
    question.save(update_fields=["status", "answered_at"])
    _audit(
        question,
        house=entry.house,
        organisation=entry.organisation,
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        changes={"status": [before, to]},
    )
    return question


@transaction.atomic
def help_question_answer(*, question: HelpQuestion, actor, now=None) -> HelpQuestion:
    """The help question is answered (the family found its way)."""
    return _help_question_move(question, actor=actor, to=H.ANSWERED, now=now or timezone.now())


@transaction.atomic
def help_question_reopen(*, question: HelpQuestion, actor, now=None) -> HelpQuestion:
    """An answered help question comes back."""
    return _help_question_move(question, actor=actor, to=H.OPEN, now=now or timezone.now())


@transaction.atomic
def contact_add(
    *,
    entry: CaseloadEntry,
    actor,
    happened_on: date | None,
    kind: str,
    note: str = "",
    next_contact_on: date | None = None,
    now=None,
) -> Contact:
    """Add a contact with the family to the timeline; optionally plan the next one."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    if kind not in Contact.Kind.values:
        raise ValidationError({"kind": _("Kies het soort contact.")}, code="kind")
    if happened_on is None or happened_on > today:
        raise ValidationError(
            {"happened_on": _("Geef de datum van het contact: vandaag of vroeger.")}, code="date"
        )
    note = _clean_text(note, field="note", limit=CONTACT_NOTE_MAX_LENGTH)
    _check_next_contact(next_contact_on, today)
    entry = _lock_for_bridge_worker(entry, actor)
    if happened_on < entry.started_on:
        raise ValidationError(
            {"happened_on": _("Het contact valt voor het begin van de begeleiding.")},
            code="date",
        )
    contact = Contact.objects.create(
        entry=entry,
        happened_on=happened_on,
        kind=kind,
        note=note,
        recorded_by=actor,
        created_at=now,
    )
    _audit(
        contact,
        house=entry.house,
        organisation=entry.organisation,
        actor=actor,
        action=AuditEvent.Action.CREATE,
        changes={
            "entry": [None, entry.pk],
            "happened_on": [None, str(happened_on)],
            "kind": [None, kind],
            "note": [None, PRESENT if note else None],
        },
    )
    if next_contact_on is not None and next_contact_on != entry.next_contact_on:
        before = entry.next_contact_on
        entry.next_contact_on = next_contact_on
        entry.save(update_fields=["next_contact_on", "updated_at"])
        _audit_entry(
            entry,
            actor=actor,
            action=AuditEvent.Action.UPDATE,
            changes={"next_contact_on": [str(before) if before else None, str(next_contact_on)]},
        )
    return contact


# --- Consent ------------------------------------------------------------------------------------


@transaction.atomic
def caseload_consent_renew(
    *, entry: CaseloadEntry, actor, consent: dict, now=None
) -> CaseloadEntry:
    """The family gives its consent again (before the previous one expires): the guidance goes
    on under the new consent."""
    now = now or timezone.now()
    fields = _consent_fields(consent)
    consent_check(**fields, today=timezone.localdate(now))
    entry = _lock_for_bridge_worker(entry, actor)
    if entry.family_id is None:
        raise ValidationError(_("Van dit gezin zijn geen gegevens meer."), code="erased")
    given = consent_record(
        actor=actor,
        house=entry.house,
        family=entry.family,
        recipient=entry.organisation,
        requested_by=entry.organisation,
        now=now,
        **fields,
    )
    before = entry.consent_id
    entry.consent = given
    entry.save(update_fields=["consent", "updated_at"])
    _audit_entry(
        entry,
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        changes={"consent": [before, given.pk]},
    )
    return entry


@transaction.atomic
def caseload_consent_withdraw(*, entry: CaseloadEntry, actor, now=None) -> CaseloadEntry:
    """The family withdraws its consent: the guidance ends and what it shared is erased at once."""
    now = now or timezone.now()
    entry = _lock(entry)
    _ensure_guides(entry, actor)
    if entry.erased_at:
        raise ValidationError(_("De gegevens van dit gezin zijn al gewist."), code="erased")
    consent_withdraw(
        consent=entry.consent,
        actor=actor,
        reason=_("het gezin trok zijn toestemming in"),
        now=now,
    )
    return _erase(entry, now=now, actor=actor, reason=CaseloadEntry.EndReason.CONSENT_WITHDRAWN)


# --- Erasure ------------------------------------------------------------------------------------


def caseloads_due(now) -> QuerySet[CaseloadEntry]:
    """The entries ``caseloads_erase_expired`` erases at ``now``: ended longer than the
    retention period ago, or whose consent was withdrawn or expired."""
    today = timezone.localdate(now)
    cutoff = today - timedelta(days=retention_days())
    return CaseloadEntry.objects.filter(erased_at__isnull=True).filter(
        Q(status=G.ENDED, ended_on__lt=cutoff)
        | Q(consent__withdrawn_at__isnull=False)
        | Q(consent__expires_on__lt=today)
    )


def _erase(entry: CaseloadEntry, *, now, actor=None, reason: str = "") -> CaseloadEntry:
    """Erase a locked entry's family data: the link to the family record, the help questions'
    text and the contact notes; its consent loses the family link too once no other record
    relies on it. Domains, statuses, kinds and dates stay for the counts. An active guidance
    ends first."""
    if entry.is_active:
        _end(entry, actor=actor, reason=reason or CaseloadEntry.EndReason.CONSENT_EXPIRED, now=now)
    changes = {}
    if entry.family_id:
        changes["family"] = [PRESENT, None]
    if HelpQuestion.objects.filter(entry=entry).exclude(text="").update(text=""):
        changes["help_questions"] = [PRESENT, None]
    if Contact.objects.filter(entry=entry).exclude(note="").update(note=""):
        changes["contacts"] = [PRESENT, None]
    entry.family = None
    entry.next_contact_on = None
    entry.erased_at = now
    entry.save(update_fields=["family", "next_contact_on", "erased_at", "updated_at"])
    consents_release(consent_ids=[entry.consent_id], reason="bewaartermijn van de begeleiding")
    _audit_entry(
        entry,
        actor=actor,
        action=AuditEvent.Action.ERASE,
        changes=changes,
        reason=str(CaseloadEntry.EndReason(reason).label) if reason else "",
    )
    return entry


@transaction.atomic
def caseload_erase(*, entry: CaseloadEntry, now=None, reason: str = "") -> CaseloadEntry:
    """Erase one entry's family data (the retention rule; see ``caseloads_due``); an entry erased
    a moment ago (by a second run of the task) is left as it is."""
    entry = _lock(entry)
    if entry.erased_at is not None:
        return entry
    return _erase(entry, now=now or timezone.now(), reason=reason)


def caseloads_erase_expired(*, now=None) -> int:
    """Erase every entry past its retention or whose consent ended; returns how many."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    erased = 0
    for entry in caseloads_due(now).select_related("consent").order_by("pk"):
        if entry.consent.withdrawn_at is not None:
            reason = CaseloadEntry.EndReason.CONSENT_WITHDRAWN
        elif entry.consent.expires_on < today:
            reason = CaseloadEntry.EndReason.CONSENT_EXPIRED
        else:
            reason = ""
        caseload_erase(entry=entry, now=now, reason=reason)
        erased += 1
    return erased


# --- Another bridge worker ----------------------------------------------------------------------


def _ensure_colleague_bridge_worker(entry: CaseloadEntry, to_user) -> None:
    if to_user is None or not is_bridge_worker(to_user, entry.house, entry.organisation):
        raise ValidationError(
            _(
                "Kies een collega die brugfiguur is voor %(organisation)s in %(house)s; de "
                "coördinator van het huis duidt brugfiguren aan."
            )
            % {"organisation": entry.organisation.name, "house": entry.house.name},
            code="successor",
        )


def _move(entry: CaseloadEntry, *, to_user, actor, reason: str = "") -> None:
    before = entry.bridge_worker_id
    entry.bridge_worker = to_user
    entry.save(update_fields=["bridge_worker", "updated_at"])
    _audit_entry(
        entry,
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        changes={"bridge_worker": [before, to_user.pk]},
        reason=reason,
    )


@transaction.atomic
def caseload_reassign(*, entry: CaseloadEntry, actor, to_user) -> CaseloadEntry:
    """The organisation's admin gives a guided family to another bridge worker of the
    organisation in the same house."""
    entry = _lock(entry)
    if not any(
        r.kind == Role.Kind.ORGANISATION_ADMIN and r.organisation_id == entry.organisation_id
        for r in roles_of(actor)
    ):
        raise ValidationError(
            _("Alleen een beheerder van %(organisation)s kan een gezin overdragen.")
            % {"organisation": entry.organisation.name},
            code="actor",
        )
    _ensure_active(entry)
    if to_user is not None and to_user.pk == entry.bridge_worker_id:
        raise ValidationError(_("Deze brugfiguur begeleidt het gezin al."), code="same")
    _ensure_colleague_bridge_worker(entry, to_user)
    _move(entry, to_user=to_user, actor=actor)
    return entry


def handed_over_entries(*, user, organisation: Organisation):
    """What a person holds as bridge worker for an organisation: the entries they hold whose
    family data is not erased yet."""
    return CaseloadEntry.objects.filter(
        bridge_worker=user, organisation=organisation, erased_at__isnull=True
    )


@transaction.atomic
def caseloads_hand_over(*, actor, from_user, to_user, organisation: Organisation) -> int:
    """A leaving bridge worker's caseload moves to a colleague bridge worker of the same
    organisation (see ``core.handover``): each running guidance needs a colleague who is bridge
    worker in its house; ended guidance (kept until its erasure) moves with it. Returns how many
    moved."""
    entries = list(
        handed_over_entries(user=from_user, organisation=organisation)
        .select_for_update(of=("self",))
        .select_related("house", "organisation")
        .order_by("pk")
    )
    for entry in entries:
        if entry.is_active:
            _ensure_colleague_bridge_worker(entry, to_user)
    for entry in entries:
        _move(entry, to_user=to_user, actor=actor, reason=_("overdracht"))
    return len(entries)


# --- Signals to policy --------------------------------------------------------------------------


@transaction.atomic
def policy_signal_record(
    *,
    actor,
    house: House,
    domain: Domain | None,
    age_group: AgeGroup | None,
    municipality: Municipality | None,
    text: str,
    observed_on: date | None = None,
    now=None,
) -> PolicySignal:
    """A bridge worker signals a gap in the offer to policy: a domain, an age group, a
    municipality of the house and a short text, never a family."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    role = _bridge_worker_role(actor, house)
    errors = {}
    if domain is None:
        errors["domain"] = _("Kies een beleidsdomein.")
    if age_group is None:
        errors["age_group"] = _("Kies een leeftijdsgroep.")
    if municipality is None or not house.municipalities.filter(pk=municipality.pk).exists():
        errors["municipality"] = _("Kies een gemeente van dit Huis van het Kind.")
    observed_on = observed_on or today
    if observed_on > today:
        errors["observed_on"] = _("Kies een datum van vandaag of vroeger.")
    try:
        text = _clean_text(
            text,
            field="text",
            limit=SIGNAL_MAX_LENGTH,
            required_message=_("Beschrijf kort wat ontbreekt."),
        )
    except ValidationError as error:
        errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    signal = PolicySignal.objects.create(
        house=house,
        organisation=role.organisation,
        recorded_by=actor,
        domain=domain,
        age_group=age_group,
        municipality=municipality,
        text=text,
        observed_on=observed_on,
        created_at=now,
    )
    _audit(
        signal,
        house=house,
        organisation=role.organisation,
        actor=actor,
        action=AuditEvent.Action.CREATE,
        changes={
            "domain": [None, domain.pk],
            "age_group": [None, age_group.pk],
            "municipality": [None, municipality.pk],
            "observed_on": [None, str(observed_on)],
        },
    )
    return signal
