""" "Mijn gegevens": a family sees, exports, corrects and erases everything the platform holds
about its e-mail address, in every house, through a signed link it gets by e-mail.

The family is found through the keyed digest of its e-mail address (``families_by_email``);
its records are those linked to its family record (referrals, consents, childcare requests,
family plans, care paths) or carrying the same e-mail digest (questions, registrations, and the
physical house's appointments and babytheek records: ``my_data_house``). A
phone number, a child's first name or a postcode never finds anything: two families sharing
them never see each other's data. Signals of the care app are never shown here (an e-mail
address does not identify a child): the professional's link shows them.

Links are signed (``TimestampSigner``), never stored: the overview link is valid 30 minutes and
names the family and its e-mail digest (a changed address ends it); the erasure link is valid
30 minutes and works once (its use is an audit event, which the next use finds).

A family that only ever asked a question, registered for an activity, booked an appointment or
joined the babytheek has no family record: when such a record carries the digest of the address
typed in, asking a link makes the family record (``families.services.family_for_contact``), so
the link can name it. Nothing links to that record, so the families' own rule deletes it 30 days
later (``families.erase_orphaned``).
"""

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from django.core import signing
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from huisvanhetkind.activities import services_registrations as registration_services
from huisvanhetkind.activities.models import Registration
from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.audit.services import audit_record
from huisvanhetkind.babytheek.models import Membership
from huisvanhetkind.carepaths import services as carepath_services
from huisvanhetkind.carepaths.models import CarePath
from huisvanhetkind.childcare.models import (
    REQUEST_RETENTION_DAYS,
    ChildcareRequest,
    UrgentRequest,
    UrgentStatus,
)
from huisvanhetkind.childcare.services_urgent import urgent_erase
from huisvanhetkind.core import throttle
from huisvanhetkind.core.digests import EMAIL, contact_digests, normalise_email
from huisvanhetkind.core.mail import send_templated_mail_on_commit
from huisvanhetkind.families.models import Family
from huisvanhetkind.families.selectors import families_by_email, family_children
from huisvanhetkind.families.services import family_for_contact
from huisvanhetkind.familyplans.models import FamilyPlan
from huisvanhetkind.familyplans.services import plan_erase_request
from huisvanhetkind.network.models import Role
from huisvanhetkind.privacy import my_data_house
from huisvanhetkind.questions.models import Question
from huisvanhetkind.questions.services import question_erase
from huisvanhetkind.referrals import services as referral_services
from huisvanhetkind.referrals.codes import short_code_digest
from huisvanhetkind.referrals.models import Consent, Referral
from huisvanhetkind.referrals.workflow import RUNNING_STATES

LINK_MAX_AGE = timedelta(minutes=30)
VIEW_SALT = "privacy.my-data.view"
ERASE_SALT = "privacy.my-data.erase"
# The audit reason that marks an erasure link as used (and the request of the family).
ERASE_REASON = "mijn gegevens: wissen gevraagd door het gezin"


class LinkInvalid(Exception):
    """A tampered link, or one for a family that no longer matches: answered with 404."""


class LinkExpired(Exception):
    """A genuine link older than 30 minutes (or an erasure link used before)."""


# --- Links ---------------------------------------------------------------------------------------


def _view_value(family: Family) -> str:
    return f"{family.pk}:{family.email_digest[:16]}"


def view_link_token(family: Family) -> str:
    return signing.TimestampSigner(salt=VIEW_SALT).sign(_view_value(family))


def family_for_view_link(token: str) -> Family:
    """The family of an overview link; LinkInvalid or LinkExpired."""
    signer = signing.TimestampSigner(salt=VIEW_SALT)
    try:
        value = signer.unsign(token, max_age=LINK_MAX_AGE)
    except signing.SignatureExpired as error:
        raise LinkExpired from error
    except signing.BadSignature as error:
        raise LinkInvalid from error
    pk, _sep, digest = value.partition(":")
    family = Family.objects.filter(pk=pk).first() if pk.isdigit() else None
    if family is None or not family.email_digest or family.email_digest[:16] != digest:
        raise LinkInvalid
    return family


def erase_link_token(family: Family) -> str:
    return signing.TimestampSigner(salt=ERASE_SALT).sign(_view_value(family))


def family_for_erase_link(token: str) -> tuple[Family, datetime]:
    """The family of an erasure link and when the link was made; LinkExpired once it was used."""
    signer = signing.TimestampSigner(salt=ERASE_SALT)
    try:
        value = signer.unsign(token, max_age=LINK_MAX_AGE)
    except signing.SignatureExpired as error:
        raise LinkExpired from error
    except signing.BadSignature as error:
        raise LinkInvalid from error
    # The signature checked out: the time it carries is the one it was made at.
    made = datetime.fromtimestamp(signing.b62_decode(token.rsplit(signer.sep, 2)[1]), tz=UTC)
    pk, _sep, digest = value.partition(":")
    family = Family.objects.filter(pk=pk).first() if pk.isdigit() else None
    if family is None or not family.email_digest or family.email_digest[:16] != digest:
        raise LinkInvalid
    if _erase_used_since(family, made):
        raise LinkExpired
    return family, made


def _erase_used_since(family: Family, made: datetime) -> bool:
    # The signature's time has whole seconds: an erasure in the same second counts as a use.
    return AuditEvent.objects.filter(
        action=AuditEvent.Action.DELETE,
        target_type=family._meta.label_lower,
        target_id=str(family.pk),
        reason=ERASE_REASON,
        created_at__gte=made - timedelta(seconds=1),
    ).exists()


def _records_held(email: str) -> bool:
    """Whether a record found by the address's digest (a question, a registration, an
    appointment, a babytheek record) exists, without a family record."""
    digests = contact_digests(email, EMAIL)
    return bool(digests) and (
        Question.objects.filter(email_digest__in=digests, erased_at__isnull=True).exists()
        or Registration.objects.filter(email_digest__in=digests, erased_at__isnull=True).exists()
        or my_data_house.house_records_held(digests)
    )


def _page_language() -> str:
    language = (translation.get_language() or "nl")[:2]
    return language if language in ("nl", "fr", "en") else "nl"


def link_request(*, email: str, url_for) -> None:
    """E-mail the overview link to ``email`` when a family has it, or when a record carries its
    digest (then the family record is made, see the module's docstring); do nothing otherwise
    (the page says the same in every case). ``url_for(token)`` makes the absolute URL."""
    family = families_by_email(email).first()
    if family is None and _records_held(email):
        family, _created = family_for_contact(
            email=email,
            language=_page_language(),
            actor=None,
            reason=_("mijn gegevens: link gevraagd"),
        )
    if family is None:
        return
    audit_record(
        actor=None,
        action=AuditEvent.Action.READ,
        target=family,
        reason=_("mijn gegevens: link gevraagd"),
    )
    send_templated_mail_on_commit(
        to=[family.email],
        template="privacy/my_data/email/link",
        context={"url": url_for(view_link_token(family)), "minutes": 30},
        language=family.language,
    )


def link_request_by_code(*, code: str, url_for, address_limit: int) -> None:
    """The short code of a printed slip (a referral's, ``referrals.codes``) instead of an
    e-mail address: the code names its record, and the overview link goes to the e-mail address
    held on the family record it belongs to, never to the screen. An unknown or erased code, or
    a family without an e-mail address, sends nothing (the page says the same in every case).
    The address counts towards its own hourly limit (``address_limit``), as when it is typed in:
    codes do not flood a family's mailbox."""
    referral = (
        Referral.objects.filter(short_code_hash=short_code_digest(code), erased_at__isnull=True)
        .select_related("family")
        .first()
    )
    family = referral.family if referral is not None else None
    if family is None or not family.email:
        return
    if not throttle.allow(
        "privacy.my_data.email", normalise_email(family.email), limit=address_limit
    ):
        return
    audit_record(
        actor=None,
        action=AuditEvent.Action.READ,
        target=family,
        house=referral.house,
        reason=_("mijn gegevens: link gevraagd met de code van een strookje"),
    )
    send_templated_mail_on_commit(
        to=[family.email],
        template="privacy/my_data/email/link",
        context={"url": url_for(view_link_token(family)), "minutes": 30},
        language=family.language,
    )


# --- What is held --------------------------------------------------------------------------------


@dataclass
class Holdings:
    family: Family
    children: list = field(default_factory=list)
    questions: list = field(default_factory=list)
    registrations: list = field(default_factory=list)
    referrals: list = field(default_factory=list)
    consents: list = field(default_factory=list)
    childcare_requests: list = field(default_factory=list)
    urgent_requests: list = field(default_factory=list)
    family_plans: list = field(default_factory=list)
    care_paths: list = field(default_factory=list)
    appointments: list = field(default_factory=list)
    babytheek_memberships: list = field(default_factory=list)
    babytheek_loans: list = field(default_factory=list)
    babytheek_waitlist: list = field(default_factory=list)

    def targets(self):
        """Every record of the family (for the audit trail)."""
        yield self.family
        for name in (
            "children",
            "questions",
            "registrations",
            "referrals",
            "consents",
            "childcare_requests",
            "urgent_requests",
            "family_plans",
            "care_paths",
            "appointments",
            "babytheek_memberships",
            "babytheek_loans",
            "babytheek_waitlist",
        ):
            yield from getattr(self, name)


def holdings(family: Family) -> Holdings:
    """Everything held about this family, in every house (never care signals)."""
    digests = contact_digests(family.email, EMAIL) if family.email else []
    return Holdings(
        family=family,
        children=list(family_children(family)),
        questions=list(
            Question.objects.filter(email_digest__in=digests, erased_at__isnull=True)
            .select_related("house", "topic", "organisation")
            .order_by("-created_at")
        )
        if digests
        else [],
        registrations=list(
            Registration.objects.filter(email_digest__in=digests, erased_at__isnull=True)
            .select_related("session__activity__house")
            .order_by("-created_at")
        )
        if digests
        else [],
        referrals=list(
            Referral.objects.filter(family=family)
            .select_related("house", "from_organisation", "to_organisation", "consent")
            .order_by("-id")
        ),
        consents=list(
            Consent.objects.filter(family=family)
            .select_related("house", "recipient", "requested_by")
            .order_by("-given_at")
        ),
        childcare_requests=list(
            ChildcareRequest.objects.filter(family=family, erased_at__isnull=True)
            .select_related("house", "child")
            .order_by("-id")
        ),
        urgent_requests=list(
            UrgentRequest.objects.filter(family=family, erased_at__isnull=True)
            .select_related("house", "child")
            .order_by("-id")
        ),
        family_plans=list(
            FamilyPlan.objects.filter(family=family).select_related("house", "organisation")
        ),
        care_paths=list(
            CarePath.objects.filter(family=family)
            .select_related("house", "template", "started_by_organisation")
            .order_by("-started_at")
        ),
        **my_data_house.house_holdings(digests),
    )


def holdings_read(*, family: Family, reason: str) -> Holdings:
    """``holdings``, with the read recorded on the family record (actor None: the family)."""
    held = holdings(family)
    audit_record(actor=None, action=AuditEvent.Action.READ, target=family, reason=reason)
    return held


def _when(value) -> str | None:
    return value.isoformat() if value else None


def export_data(held: Holdings) -> dict:
    """Everything held, as JSON-ready data (one key per kind)."""
    family = held.family
    return {
        "family": {
            "name": family.name,
            "email": family.email,
            "phone": family.phone,
            "address": family.address,
            "language": family.language,
            "created_at": _when(family.created_at),
        },
        "children": [
            {
                "first_name": child.first_name,
                "birth_date": _when(child.birth_date),
                "due_date": _when(child.due_date),
            }
            for child in held.children
        ],
        "questions": [
            {
                "house": question.house.name,
                "text": question.text,
                "topic": str(question.topic),
                "status": question.get_status_display(),
                "name": question.name,
                "email": question.email,
                "phone": question.phone,
                "created_at": _when(question.created_at),
            }
            for question in held.questions
        ],
        "registrations": [
            {
                "house": registration.session.activity.house.name,
                "activity": str(registration.session.activity.title),
                "starts_at": _when(registration.session.starts_at),
                "status": registration.get_status_display(),
                "name": registration.name,
                "email": registration.email,
                "phone": registration.phone,
                "adults": registration.adults,
                "children": registration.children,
                "remarks": registration.remarks,
            }
            for registration in held.registrations
        ],
        "referrals": [
            {
                "house": referral.house.name,
                "from": referral.from_organisation.name,
                "to": referral.to_organisation.name,
                "status": referral.get_status_display(),
                "reason": referral.reason,
                "created_at": _when(getattr(referral, "created_at", None)),
            }
            for referral in held.referrals
        ],
        "consents": [
            {
                "house": consent.house.name,
                "recipient": consent.recipient.name,
                "purpose": consent.purpose,
                "data": referral_services.shared_data(consent),
                "given_at": _when(consent.given_at),
                "expires_on": _when(consent.expires_on),
                "withdrawn_at": _when(consent.withdrawn_at),
            }
            for consent in held.consents
        ],
        "childcare_requests": [
            {
                "house": request.house.name,
                "child": request.child.first_name,
                "wished_start": _when(request.wished_start),
                "half_days": request.half_days,
                "days_note": request.days_note,
                "care_needs": request.care_needs,
                "note": request.note,
                "status": request.get_status_display(),
            }
            for request in held.childcare_requests
        ],
        "urgent_requests": [
            {
                "house": urgent.house.name,
                "child": urgent.child.first_name,
                "reason": urgent.get_reason_display(),
                "needed_from": _when(urgent.needed_from),
                "situation": urgent.situation,
                "status": urgent.get_status_display(),
            }
            for urgent in held.urgent_requests
        ],
        "family_plans": [
            {
                "house": plan.house.name,
                "made_by": plan.organisation.name,
                "made_on": _when(plan.made_on),
                "status": plan.get_status_display(),
                "goals": [goal.text for goal in plan.goals.all()],
            }
            for plan in held.family_plans
        ],
        "care_paths": [
            {
                "house": path.house.name,
                "path": str(path.template),
                "started_by": path.started_by_organisation.name,
                "started_at": _when(path.started_at),
                "status": path.get_status_display(),
            }
            for path in held.care_paths
        ],
        **my_data_house.export_house(held),
    }


# --- Who read my data ----------------------------------------------------------------------------

# Target types never shown in "who read my data" (see docs/privacy.md): the care app's signals
# and everything about them may be withheld while a safeguarding case runs.
WITHHELD_PREFIXES = ("care.",)


@dataclass
class Reading:
    at: datetime
    organisation: str
    role: str
    action: str
    what: str


def readings(held: Holdings, *, limit: int = 300) -> list[Reading]:
    """Who (organisation, role) read or changed one of the family's records, and when; the
    family's own actions and the system's are left out, and so are the withheld kinds."""
    pairs = {}
    for record in held.targets():
        pairs.setdefault(record._meta.label_lower, set()).add(str(record.pk))
    events = AuditEvent.objects.none()
    for target_type, ids in pairs.items():
        if target_type.startswith(WITHHELD_PREFIXES):
            continue
        events = events | AuditEvent.objects.filter(target_type=target_type, target_id__in=ids)
    events = events.filter(actor__isnull=False).select_related("organisation", "house")[:limit]
    roles = {}
    result = []
    for event in events:
        key = (event.actor_id, event.organisation_id, event.house_id)
        if key not in roles:
            roles[key] = _role_label(event)
        result.append(
            Reading(
                at=event.created_at,
                organisation=event.organisation_label
                or (str(event.house.name) if event.house else _("het platform")),
                role=roles[key],
                action=event.get_action_display(),
                what=event.target_label,
            )
        )
    return result


def _role_label(event: AuditEvent) -> str:
    role = Role.objects.filter(user_id=event.actor_id)
    if event.organisation_id:
        role = role.filter(organisation_id=event.organisation_id)
    elif event.house_id:
        role = role.filter(house_id=event.house_id)
    role = role.first()
    return str(role.get_kind_display()) if role else _("medewerker")


# --- Erasure -------------------------------------------------------------------------------------


@dataclass
class ErasurePlan:
    now: list = field(default_factory=list)  # (record, what) erased at once
    later: list = field(default_factory=list)  # (record, what, why, date) kept by a rule


def _months(days: int) -> int:
    return max(1, round(days / 30.4))


def erasure_plan(held: Holdings, now: datetime | None = None) -> ErasurePlan:
    """What an erasure does now and what a rule keeps, with why and until when (plain Dutch)."""
    now = now or timezone.now()
    plan = ErasurePlan()
    for question in held.questions:
        plan.now.append((question, _("je vraag aan %(house)s") % {"house": question.house.name}))
    for registration in held.registrations:
        session = registration.session
        days = _registration_days()
        date = max(session.ends_at, now) + timedelta(days=days)
        plan.later.append(
            (
                registration,
                _("je inschrijving voor %(activity)s") % {"activity": session.activity.title},
                _(
                    "de organisator houdt inschrijvingen bij voor de telling van de deelnemers; "
                    "ze wordt %(days)s dagen na de activiteit gewist"
                )
                % {"days": days},
                date.date(),
            )
        )
    referral_days = referral_services.retention_days()
    for referral in held.referrals:
        if referral.erased_at is not None:
            continue
        if referral.status in RUNNING_STATES:
            plan.later.append(
                (
                    referral,
                    _("je doorverwijzing naar %(org)s") % {"org": referral.to_organisation.name},
                    _(
                        "je doorverwijzing loopt nog; ze wordt %(months)s maanden na het "
                        "afsluiten gewist (trek je toestemming in om ze nu te stoppen en te wissen)"
                    )
                    % {"months": _months(referral_days)},
                    None,
                )
            )
        else:
            plan.now.append(
                (
                    referral,
                    _("je doorverwijzing naar %(org)s") % {"org": referral.to_organisation.name},
                )
            )
    for request in held.childcare_requests:
        ended = request.ended_at
        plan.later.append(
            (
                request,
                _("je opvangvraag voor %(child)s") % {"child": request.child.first_name},
                _(
                    "het huis bewaart opvangvragen voor de toewijzing en een eventueel bezwaar; "
                    "ze wordt %(months)s maanden na het afsluiten gewist"
                )
                % {"months": _months(REQUEST_RETENTION_DAYS)},
                (ended + timedelta(days=REQUEST_RETENTION_DAYS)).date() if ended else None,
            )
        )
    for urgent in held.urgent_requests:
        if urgent.status == UrgentStatus.NEW:
            plan.later.append(
                (
                    urgent,
                    _("je dringende opvangvraag"),
                    _(
                        "je dringende vraag loopt nog; ze wordt %(months)s maanden na het "
                        "afsluiten gewist (trek ze in op je eigen pagina)"
                    )
                    % {"months": _months(REQUEST_RETENTION_DAYS)},
                    None,
                )
            )
        else:
            plan.now.append((urgent, _("je dringende opvangvraag")))
    for family_plan in held.family_plans:
        if family_plan.erase_requested_at is None:
            plan.now.append(
                (
                    family_plan,
                    _("je gezinsplan in %(house)s (het wordt nu afgesloten en vannacht gewist)")
                    % {"house": family_plan.house.name},
                )
            )
    path_days = carepath_services.retention_days()
    for path in held.care_paths:
        plan.later.append(
            (
                path,
                _("je zorgpad %(path)s") % {"path": path.template},
                _(
                    "de partners houden het zorgpad bij zolang het loopt; het wordt %(months)s "
                    "maanden na het einde gewist"
                )
                % {"months": _months(path_days)},
                (path.ended_at + timedelta(days=path_days)).date() if path.ended_at else None,
            )
        )
    my_data_house.plan_house(held, plan, now)
    return plan


def _registration_days() -> int:
    return registration_services.retention_days()


def erase_link_send(*, family: Family, url_for) -> None:
    """E-mail the family a link that confirms its erasure (valid 30 minutes, works once)."""
    audit_record(
        actor=None,
        action=AuditEvent.Action.READ,
        target=family,
        reason=_("mijn gegevens: wissen aangevraagd, bevestiging gemaild"),
    )
    send_templated_mail_on_commit(
        to=[family.email],
        template="privacy/my_data/email/erase",
        context={"url": url_for(erase_link_token(family)), "minutes": 30},
        language=family.language,
    )


@transaction.atomic
def erase_confirm(*, family: Family, made: datetime, now: datetime | None = None) -> ErasurePlan:
    """Erase at once what no rule keeps, with each app's own erasure; return the plan (what was
    erased, what a rule keeps). The link that asked it is used up."""
    now = now or timezone.now()
    Family.objects.select_for_update().filter(pk=family.pk).first()
    if _erase_used_since(family, made):
        raise LinkExpired
    held = holdings(family)
    plan = erasure_plan(held, now)
    for record, _what in plan.now:
        if isinstance(record, Question):
            question_erase(question=record, now=now, days=0)
        elif isinstance(record, Referral):
            referral_services.referral_erase(
                referral=record, now=now, reason=_("het gezin vroeg het wissen")
            )
        elif isinstance(record, UrgentRequest):
            urgent_erase(urgent=record, now=now)
        elif isinstance(record, FamilyPlan):
            plan_erase_request(plan=record)
        else:
            my_data_house.erase_house_record(record, now)
    for record, *_kept in plan.later:
        # A babytheek membership kept while an item is lent: its reservations are cancelled
        # now, and it is erased the night after the last item comes back.
        if isinstance(record, Membership):
            my_data_house.erase_house_record(record, now)
    audit_record(
        actor=None,
        action=AuditEvent.Action.DELETE,
        target=family,
        reason=ERASE_REASON,
        changes={"erased_now": [None, len(plan.now)], "kept_by_a_rule": [None, len(plan.later)]},
    )
    return plan


# --- Consents ------------------------------------------------------------------------------------


def consent_withdraw(*, family: Family, consent_pk: int) -> Consent | None:
    """The family withdraws one of its consents: a running referral on it closes and what it
    shared is erased (the referrals app's service); None when it is not this family's."""
    consent = Consent.objects.filter(pk=consent_pk, family=family).first()
    if consent is None:
        return None
    referral = Referral.objects.filter(consent=consent).first()
    if referral is not None and referral.status in RUNNING_STATES:
        referral_services.referral_consent_withdraw(referral=referral)
    else:
        referral_services.consent_withdraw(
            consent=consent, actor=None, reason=_("ingetrokken via mijn gegevens")
        )
    return consent
