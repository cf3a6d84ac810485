"""Every write of a family plan: make it at the round table, add a partner with the family's
consent, add goals and agreements, move an action's status, set who sees a goal and record a
young person's agreement, the family's comments and erasure request, the family's link, the
review, closing, handover and the erasure of expired plans.

Every write is audited with the acting organisation and a reason. A professional writes only on
behalf of an organisation that takes part in the plan through a current consent of the family
(``care.sharing``). What the family decides (who sees a goal, a young person's agreement) is
recorded with how it was decided: by the family through its link, or by the professional with
the family present (and by whom).
"""

from datetime import date, datetime, timedelta

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.audit.services import audit_record
from huisvanhetkind.care.sharing import current_consent_q
from huisvanhetkind.core.tokens import new_token, token_digest
from huisvanhetkind.families.models import Child
from huisvanhetkind.families.services import child_add, family_for_contact
from huisvanhetkind.familyplans.models import (
    TEXT_MAX_LENGTH,
    Action,
    ActionEvent,
    Comment,
    FamilyPlan,
    Goal,
    PlanPartner,
    SetVia,
)
from huisvanhetkind.familyplans.workflow import (
    ActionStatus,
    PlanStatus,
    ensure_action_transition,
    ensure_plan_transition,
)
from huisvanhetkind.network.access import member_organisation_ids, works_for
from huisvanhetkind.network.models import House, Organisation, Partnership
from huisvanhetkind.referrals.models import Consent
from huisvanhetkind.referrals.services import consent_record, consents_release

# The purpose of every consent that lets a partner take part in a family plan.
PURPOSE = "Deelnemen aan het gezinsplan (1Gezin-1Plan) van het gezin"
# The review comes this long after the plan was made, unless the table chose another date.
REVIEW_AFTER = relativedelta(months=4)
# A goal about a child of this age or older needs the child's own agreement.
YOUNG_PERSON_AGE = 12
PRESENT = "<present>"
# What a new consent lets the partner read by default.
DEFAULT_DATA = [Consent.DataCategory.CONTACT, Consent.DataCategory.SITUATION]


def retention_days() -> int:
    """Days after a plan is closed (or its last consent ended) before it is erased (12 months)."""
    return getattr(settings, "FAMILY_PLAN_RETENTION_DAYS", 365)


def default_review_on(made_on: date) -> date:
    return made_on + REVIEW_AFTER


def age_on(child: Child | None, day: date) -> int | None:
    if child is None or child.birth_date is None:
        return None
    born = child.birth_date
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def child_needs_agreement(goal: Goal, today: date) -> bool:
    """A goal about a child of 12 or older, who has not agreed yet."""
    age = age_on(goal.child, today)
    return age is not None and age >= YOUNG_PERSON_AGE and goal.child_agreed_at is None


def _audit(plan, *, actor, organisation, action, target=None, changes=None, reason=""):
    audit_record(
        actor=actor,
        action=action,
        target=target or plan,
        house=plan.house,
        organisation=organisation,
        changes=changes,
        reason=reason,
    )


def current_partner_ids(plan: FamilyPlan, today: date) -> set[int]:
    """The organisations that take part in the plan through a current consent."""
    return set(
        plan.partners.filter(current_consent_q(today, "consent__")).values_list(
            "organisation_id", flat=True
        )
    )


def acting_partner(actor, plan: FamilyPlan, today: date) -> Organisation:
    """The organisation on whose behalf ``actor`` acts in the plan: one of theirs with a current
    consent of the family (the plan's maker first); otherwise a ValidationError."""
    mine = member_organisation_ids(actor) & current_partner_ids(plan, today)
    if not mine:
        raise ValidationError(
            _(
                "U neemt niet (meer) deel aan dit gezinsplan: het gezin gaf geen lopende toestemming."
            ),
            code="actor",
        )
    chosen = plan.organisation_id if plan.organisation_id in mine else min(mine)
    return Organisation.objects.get(pk=chosen)


def _ensure_active(plan: FamilyPlan) -> None:
    if not plan.is_active:
        raise ValidationError(_("Dit gezinsplan is afgesloten; het verandert niet meer."))


def _ensure_present(family_present: bool) -> None:
    if not family_present:
        raise ValidationError(
            {
                "family_present": _(
                    "Dit beslist het gezin: duid aan dat het gezin erbij is, of laat het gezin "
                    "het zelf doen via de eigen link."
                )
            }
        )


def _clean_text(value: str, field: str, *, required: bool = True, label: str = "") -> str:
    value = (value or "").strip()
    if required and not value:
        raise ValidationError({field: label or _("Vul dit in.")})
    if len(value) > TEXT_MAX_LENGTH:
        raise ValidationError(
            {field: _("Hoogstens %(n)s tekens, alstublieft.") % {"n": TEXT_MAX_LENGTH}}
        )
    return value


def _is_active_partner(house: House, organisation: Organisation) -> bool:
    return Partnership.objects.filter(
        house=house, organisation=organisation, status=Partnership.Status.ACTIVE
    ).exists()


def _consent_for(*, actor, plan_house, family, recipient, requested_by, consent: dict) -> Consent:
    return consent_record(
        actor=actor,
        house=plan_house,
        family=family,
        recipient=recipient,
        requested_by=requested_by,
        given_by=consent.get("given_by") or "",
        obtained_via=consent.get("obtained_via") or "",
        purpose=PURPOSE,
        data_categories=list(consent.get("data_categories") or DEFAULT_DATA),
        expires_on=consent.get("expires_on"),
    )


# --- The plan ------------------------------------------------------------------------------------


@transaction.atomic
def plan_make(
    *,
    actor,
    house: House,
    organisation: Organisation,
    family_name: str,
    email: str = "",
    phone: str = "",
    language: str = "nl",
    consent: dict,
    family_present: bool,
    review_on: date | None = None,
    today: date | None = None,
) -> FamilyPlan:
    """Make a family's plan at the round table: the family (found by its e-mail address or phone
    number, or new), its consent for ``organisation`` and the plan with that organisation as its
    first partner. One plan per family per house."""
    today = today or timezone.localdate()
    if not (works_for(actor, organisation) and _is_active_partner(house, organisation)):
        raise ValidationError(
            {
                "organisation": _(
                    "Kies een organisatie waarvoor u werkt en die partner is van dit huis."
                )
            }
        )
    _ensure_present(family_present)
    family_name = _clean_text(family_name, "family_name", label=_("Vul de naam van het gezin in."))
    if not (email or "").strip() and not (phone or "").strip():
        raise ValidationError(
            {"email": _("Geef een e-mailadres of een telefoonnummer van het gezin.")}
        )
    review_on = review_on or default_review_on(today)
    if review_on <= today:
        raise ValidationError({"review_on": _("De evaluatie ligt na vandaag.")})
    if review_on > today + relativedelta(years=1):
        raise ValidationError({"review_on": _("Evalueer het plan binnen het jaar.")})
    try:
        family, _created = family_for_contact(
            name=family_name,
            email=email,
            phone=phone,
            language=language,
            actor=actor,
            reason=_("gezinsplan"),
        )
    except ValidationError as error:
        raise ValidationError({"email": error.messages}) from error
    if FamilyPlan.objects.filter(house=house, family=family).exists():
        raise ValidationError(
            _(
                "Dit gezin heeft in dit huis al een gezinsplan. Er is één plan per gezin: vraag "
                "een partner van dat plan om uw organisatie toe te voegen, met de toestemming van "
                "het gezin."
            ),
            code="exists",
        )
    given = _consent_for(
        actor=actor,
        plan_house=house,
        family=family,
        recipient=organisation,
        requested_by=organisation,
        consent=consent,
    )
    try:
        with transaction.atomic():
            plan = FamilyPlan.objects.create(
                house=house,
                family=family,
                organisation=organisation,
                keeper=actor,
                made_on=today,
                review_on=review_on,
                language=language if language in dict(settings.LANGUAGES) else "nl",
            )
    except IntegrityError as error:
        raise ValidationError(_("Dit gezin heeft in dit huis al een gezinsplan.")) from error
    PlanPartner.objects.create(plan=plan, organisation=organisation, consent=given, added_by=actor)
    _audit(
        plan,
        actor=actor,
        organisation=organisation,
        action=AuditEvent.Action.CREATE,
        changes={"family": [None, PRESENT], "review_on": [None, review_on.isoformat()]},
        reason=_("ronde tafel met het gezin"),
    )
    return plan


@transaction.atomic
def plan_partner_add(
    *,
    actor,
    plan: FamilyPlan,
    organisation: Organisation,
    consent: dict,
    family_present: bool,
    today: date | None = None,
) -> PlanPartner:
    """Let ``organisation`` take part with the family's consent (recorded now, with the family
    present). A partner whose consent ended takes part again with the new consent."""
    today = today or timezone.localdate()
    plan = FamilyPlan.objects.select_for_update().get(pk=plan.pk)
    acting = acting_partner(actor, plan, today)
    _ensure_active(plan)
    _ensure_present(family_present)
    if organisation is None or not _is_active_partner(plan.house, organisation):
        raise ValidationError({"organisation": _("Kies een partner van dit huis.")})
    existing = plan.partners.filter(organisation=organisation).first()
    if existing is not None and organisation.pk in current_partner_ids(plan, today):
        raise ValidationError(
            {"organisation": _("Deze organisatie neemt al deel aan het gezinsplan.")}
        )
    given = _consent_for(
        actor=actor,
        plan_house=plan.house,
        family=plan.family,
        recipient=organisation,
        requested_by=acting,
        consent=consent,
    )
    if existing is None:
        part = PlanPartner.objects.create(
            plan=plan, organisation=organisation, consent=given, added_by=actor
        )
        before = None
    else:
        before = existing.consent_id
        PlanPartner.objects.filter(pk=existing.pk).update(consent=given, added_by=actor)
        part = PlanPartner.objects.get(pk=existing.pk)
    _audit(
        plan,
        actor=actor,
        organisation=acting,
        action=AuditEvent.Action.UPDATE,
        changes={f"partner:{organisation.pk}": [before, given.pk]},
        reason=_("partner toegevoegd met toestemming van het gezin"),
    )
    return part


@transaction.atomic
def plan_review(
    *, actor, plan: FamilyPlan, review_on: date | None, today: date | None = None
) -> FamilyPlan:
    """The table reviewed the plan: the next review date (within a year)."""
    today = today or timezone.localdate()
    plan = FamilyPlan.objects.select_for_update().get(pk=plan.pk)
    acting = acting_partner(actor, plan, today)
    _ensure_active(plan)
    if review_on is None or review_on <= today:
        raise ValidationError({"review_on": _("De volgende evaluatie ligt na vandaag.")})
    if review_on > today + relativedelta(years=1):
        raise ValidationError({"review_on": _("Evalueer het plan binnen het jaar.")})
    before = plan.review_on
    FamilyPlan.objects.filter(pk=plan.pk).update(review_on=review_on)
    plan.review_on = review_on
    _audit(
        plan,
        actor=actor,
        organisation=acting,
        action=AuditEvent.Action.UPDATE,
        changes={"review_on": [before.isoformat(), review_on.isoformat()]},
        reason=_("evaluatie"),
    )
    return plan


@transaction.atomic
def plan_close(*, actor, plan: FamilyPlan, today: date | None = None) -> FamilyPlan:
    """Close the plan (final); it is erased after the retention period."""
    today = today or timezone.localdate()
    plan = FamilyPlan.objects.select_for_update().get(pk=plan.pk)
    acting = acting_partner(actor, plan, today)
    return _close(plan, actor=actor, organisation=acting, reason=_("afgesloten"))


def _close(plan: FamilyPlan, *, actor, organisation, reason: str) -> FamilyPlan:
    ensure_plan_transition(plan.status, PlanStatus.CLOSED)
    plan.status = PlanStatus.CLOSED
    plan.closed_at = timezone.now()
    plan.save(update_fields=["status", "closed_at"])
    _audit(
        plan,
        actor=actor,
        organisation=organisation,
        action=AuditEvent.Action.UPDATE,
        changes={"status": [PlanStatus.ACTIVE.value, PlanStatus.CLOSED.value]},
        reason=reason,
    )
    return plan


@transaction.atomic
def plan_family_link(
    *, actor, plan: FamilyPlan, today: date | None = None, token: str | None = None
) -> str:
    """A new link for the family (an older one stops working); only its digest is kept.
    ``token`` is for the demo only, whose link is the same in every database."""
    today = today or timezone.localdate()
    plan = FamilyPlan.objects.select_for_update().get(pk=plan.pk)
    acting = acting_partner(actor, plan, today)
    token = token or new_token()
    FamilyPlan.objects.filter(pk=plan.pk).update(token_hash=token_digest(token))
    _audit(
        plan,
        actor=actor,
        organisation=acting,
        action=AuditEvent.Action.UPDATE,
        changes={"family_link": [PRESENT if plan.token_hash else None, PRESENT]},
        reason=_("link voor het gezin"),
    )
    return token


@transaction.atomic
def plan_child_add(
    *, actor, plan: FamilyPlan, first_name: str, birth_date: date | None, today=None
) -> Child:
    """A child of the family, for the goals about that child."""
    today = today or timezone.localdate()
    acting = acting_partner(actor, plan, today)
    _ensure_active(plan)
    first_name = _clean_text(first_name, "first_name", label=_("Vul de voornaam van het kind in."))
    if birth_date is None:
        raise ValidationError({"birth_date": _("Vul de geboortedatum van het kind in.")})
    try:
        child = child_add(
            family=plan.family,
            first_name=first_name,
            birth_date=birth_date,
            actor=actor,
            reason=_("gezinsplan"),
        )
    except ValidationError as error:
        raise ValidationError({"birth_date": error.messages}) from error
    _audit(
        plan,
        actor=actor,
        organisation=acting,
        action=AuditEvent.Action.UPDATE,
        changes={"child": [None, PRESENT]},
        reason=_("kind toegevoegd"),
    )
    return child


# --- Goals -------------------------------------------------------------------------------------


def _partners_only(plan: FamilyPlan, organisations) -> list[Organisation]:
    partners = set(plan.partners.values_list("organisation_id", flat=True))
    chosen = list(organisations or [])
    if any(o.pk not in partners for o in chosen):
        raise ValidationError(
            {
                "visible_to": _(
                    "Alleen organisaties die deelnemen aan het plan kunnen een doel zien."
                )
            }
        )
    return chosen


@transaction.atomic
def goal_add(
    *,
    actor,
    plan: FamilyPlan,
    text: str,
    visible_to,
    family_present: bool,
    child: Child | None = None,
    child_agrees: bool = False,
    today: date | None = None,
) -> Goal:
    """A goal in the family's own words, with the partners that may see it, chosen with the
    family present; for a child of 12 or older, with the child's agreement when given now."""
    today = today or timezone.localdate()
    plan = FamilyPlan.objects.select_for_update().get(pk=plan.pk)
    acting = acting_partner(actor, plan, today)
    _ensure_active(plan)
    _ensure_present(family_present)
    text = _clean_text(text, "text", label=_("Schrijf het doel op in de woorden van het gezin."))
    if child is not None and child.family_id != plan.family_id:
        raise ValidationError({"child": _("Kies een kind van dit gezin.")})
    chosen = _partners_only(plan, visible_to)
    now = timezone.now()
    goal = Goal.objects.create(
        plan=plan,
        text=text,
        child=child,
        visibility_set_by=actor,
        visibility_set_via=SetVia.WITH_FAMILY,
        visibility_set_at=now,
    )
    goal.visible_to.set(chosen)
    changes = {
        "goal": [None, PRESENT],
        "visible_to": [None, sorted(o.pk for o in chosen)],
    }
    if child_agrees and child_needs_agreement(goal, today):
        Goal.objects.filter(pk=goal.pk).update(
            child_agreed_at=now, child_agreed_via=SetVia.WITH_FAMILY, child_agreed_by=actor
        )
        goal.refresh_from_db()
        changes["child_agreed"] = [None, SetVia.WITH_FAMILY.value]
    _audit(
        plan,
        actor=actor,
        organisation=acting,
        action=AuditEvent.Action.CREATE,
        target=goal,
        changes=changes,
        reason=_("doel toegevoegd met het gezin erbij"),
    )
    return goal


@transaction.atomic
def goal_visibility_set(
    *,
    goal: Goal,
    organisations,
    via: str,
    actor=None,
    family_present: bool = False,
    today: date | None = None,
) -> Goal:
    """Who may see the goal, set by the family through its link (``via`` family link, no actor)
    or by a professional with the family present."""
    today = today or timezone.localdate()
    plan = FamilyPlan.objects.select_for_update().get(pk=goal.plan_id)
    acting = _chooser(plan, actor=actor, via=via, family_present=family_present, today=today)
    _ensure_active(plan)
    chosen = _partners_only(plan, organisations)
    goal = Goal.objects.select_for_update().get(pk=goal.pk)
    before = sorted(goal.visible_to.values_list("pk", flat=True))
    goal.visible_to.set(chosen)
    Goal.objects.filter(pk=goal.pk).update(
        visibility_set_by=actor, visibility_set_via=via, visibility_set_at=timezone.now()
    )
    goal.refresh_from_db()
    _audit(
        plan,
        actor=actor,
        organisation=acting,
        action=AuditEvent.Action.UPDATE,
        target=goal,
        changes={"visible_to": [before, sorted(o.pk for o in chosen)], "set_via": [None, via]},
        reason=SetVia(via).label,
    )
    return goal


def _chooser(plan, *, actor, via, family_present, today):
    """The acting organisation of a choice of the family (None through the family's link)."""
    if via == SetVia.FAMILY_LINK and actor is None:
        return None
    if via != SetVia.WITH_FAMILY or actor is None:
        raise ValidationError(_("Dit beslist het gezin, zelf of met de professional erbij."))
    acting = acting_partner(actor, plan, today)
    _ensure_present(family_present)
    return acting


@transaction.atomic
def goal_child_agree(
    *,
    goal: Goal,
    via: str,
    actor=None,
    family_present: bool = False,
    today: date | None = None,
) -> Goal:
    """The young person (12 or older) agrees with a goal about them: through the family's link
    or with the professional, the young person present. Only then do partners see it."""
    today = today or timezone.localdate()
    plan = FamilyPlan.objects.select_for_update().get(pk=goal.plan_id)
    acting = _chooser(plan, actor=actor, via=via, family_present=family_present, today=today)
    _ensure_active(plan)
    goal = Goal.objects.select_for_update(of=("self",)).select_related("child").get(pk=goal.pk)
    if not child_needs_agreement(goal, today):
        raise ValidationError(_("Dit doel vraagt geen akkoord (meer) van een jongere."))
    Goal.objects.filter(pk=goal.pk).update(
        child_agreed_at=timezone.now(), child_agreed_via=via, child_agreed_by=actor
    )
    goal.refresh_from_db()
    _audit(
        plan,
        actor=actor,
        organisation=acting,
        action=AuditEvent.Action.UPDATE,
        target=goal,
        changes={"child_agreed": [None, via]},
        reason=SetVia(via).label,
    )
    return goal


def goal_visible_to(goal: Goal, organisation_id: int, today: date) -> bool:
    """Whether a partner organisation (with a current consent: checked by the caller) may see
    the goal: on its list, and agreed by the young person it is about when they are 12+."""
    if child_needs_agreement(goal, today):
        return False
    return any(o.pk == organisation_id for o in goal.visible_to.all())


# --- Actions -----------------------------------------------------------------------------------


@transaction.atomic
def action_add(
    *,
    actor,
    plan: FamilyPlan,
    goal: Goal | None,
    what: str,
    organisation: Organisation | None,
    person=None,
    due_on: date | None = None,
    support: str = "",
    today: date | None = None,
) -> Action:
    """An agreement under a goal: what, which organisation (one that takes part and sees the
    goal) and optionally which of its people, by when, with what support."""
    today = today or timezone.localdate()
    plan = FamilyPlan.objects.select_for_update().get(pk=plan.pk)
    acting = acting_partner(actor, plan, today)
    _ensure_active(plan)
    if goal is None or goal.plan_id != plan.pk or not goal_visible_to(goal, acting.pk, today):
        raise ValidationError({"goal": _("Kies een doel van dit plan.")})
    what = _clean_text(what, "what", label=_("Zeg wat er afgesproken is."))
    support = _clean_text(support, "support", required=False)
    if organisation is None or organisation.pk not in current_partner_ids(plan, today):
        raise ValidationError(
            {"organisation": _("Kies een organisatie die met toestemming deelneemt aan het plan.")}
        )
    if not goal_visible_to(goal, organisation.pk, today):
        raise ValidationError(
            {
                "organisation": _(
                    "Deze organisatie mag dit doel niet zien. Het gezin beslist wie een doel ziet."
                )
            }
        )
    if person is not None and not works_for(person, organisation):
        raise ValidationError({"person": _("Kies iemand die voor deze organisatie werkt.")})
    if due_on is not None and due_on < plan.made_on:
        raise ValidationError({"due_on": _("Deze datum ligt voor het plan gemaakt werd.")})
    action = Action.objects.create(
        plan=plan,
        goal=goal,
        what=what,
        organisation=organisation,
        person=person,
        due_on=due_on,
        support=support,
    )
    ActionEvent.objects.create(
        action=action, to_status=ActionStatus.OPEN, actor=actor, organisation=acting
    )
    _audit(
        plan,
        actor=actor,
        organisation=acting,
        action=AuditEvent.Action.CREATE,
        target=action,
        changes={"action": [None, PRESENT], "organisation": [None, organisation.pk]},
        reason=_("afspraak toegevoegd"),
    )
    return action


@transaction.atomic
def action_transition(*, actor, action: Action, status: str, today: date | None = None) -> Action:
    """Move an action to ``status`` (workflow), appending to its history."""
    today = today or timezone.localdate()
    plan = FamilyPlan.objects.select_for_update().get(pk=action.plan_id)
    acting = acting_partner(actor, plan, today)
    _ensure_active(plan)
    action = Action.objects.select_for_update().select_related("goal").get(pk=action.pk)
    if not goal_visible_to(action.goal, acting.pk, today):
        raise ValidationError(_("U ziet deze afspraak niet."), code="actor")
    if status not in ActionStatus.values:
        raise ValidationError({"status": _("Kies een status uit de lijst.")})
    old = action.status
    ensure_action_transition(old, status)
    action.status = status
    action.status_changed_at = timezone.now()
    action.save(update_fields=["status", "status_changed_at"])
    ActionEvent.objects.create(
        action=action, from_status=old, to_status=status, actor=actor, organisation=acting
    )
    _audit(
        plan,
        actor=actor,
        organisation=acting,
        action=AuditEvent.Action.UPDATE,
        target=action,
        changes={"status": [old, status]},
        reason=_("status van een afspraak"),
    )
    return action


# --- The family, through its link --------------------------------------------------------------


@transaction.atomic
def comment_add(*, plan: FamilyPlan, text: str, goal: Goal | None = None) -> Comment:
    """The family's comment through its link, on the plan or on one of its goals."""
    plan = FamilyPlan.objects.select_for_update().get(pk=plan.pk)
    _ensure_active(plan)
    text = _clean_text(text, "text", label=_("Schrijf je opmerking."))
    if goal is not None and goal.plan_id != plan.pk:
        raise ValidationError({"goal": _("Kies een doel van je plan.")})
    comment = Comment.objects.create(plan=plan, goal=goal, text=text)
    _audit(
        plan,
        actor=None,
        organisation=None,
        action=AuditEvent.Action.CREATE,
        target=comment,
        changes={"comment": [None, PRESENT]},
        reason=_("opmerking van het gezin via de link"),
    )
    return comment


@transaction.atomic
def plan_erase_request(*, plan: FamilyPlan) -> FamilyPlan:
    """The family asks, through its link, that its plan be erased: the plan closes now and the
    next daily run erases it."""
    plan = FamilyPlan.objects.select_for_update().get(pk=plan.pk)
    if plan.erase_requested_at is not None:
        return plan
    if plan.is_active:
        _close(plan, actor=None, organisation=None, reason=_("het gezin vroeg het wissen"))
    plan.erase_requested_at = timezone.now()
    plan.save(update_fields=["erase_requested_at"])
    _audit(
        plan,
        actor=None,
        organisation=None,
        action=AuditEvent.Action.UPDATE,
        changes={"erase_requested_at": [None, plan.erase_requested_at.isoformat()]},
        reason=_("het gezin vroeg het wissen via de link"),
    )
    return plan


# --- Handover ----------------------------------------------------------------------------------


def held_plans(*, user, organisation):
    return FamilyPlan.objects.filter(
        organisation=organisation, keeper=user, status=PlanStatus.ACTIVE
    )


def held_actions(*, user, organisation):
    return Action.objects.running().filter(
        organisation=organisation, person=user, plan__status=PlanStatus.ACTIVE
    )


def plans_hand_over(*, actor, from_user, to_user, organisation) -> int:
    """Make ``to_user`` (a colleague) the contact of the plans and the person of the actions
    ``from_user`` holds for ``organisation``. Returns how many moved."""
    if to_user is None or to_user.pk == from_user.pk or not works_for(to_user, organisation):
        raise ValidationError(
            _("Kies een collega van %(name)s die de gezinsplannen overneemt.")
            % {"name": organisation.name}
        )
    note = _("Overgedragen aan %(to)s: %(from)s werkt niet meer voor %(name)s.") % {
        "to": to_user.email,
        "from": from_user.email,
        "name": organisation.name,
    }
    moved = 0
    with transaction.atomic():
        for plan in held_plans(user=from_user, organisation=organisation).select_for_update():
            FamilyPlan.objects.filter(pk=plan.pk).update(keeper=to_user)
            _audit(
                plan,
                actor=actor,
                organisation=organisation,
                action=AuditEvent.Action.UPDATE,
                changes={"keeper": [from_user.pk, to_user.pk]},
                reason=note,
            )
            moved += 1
        for action in held_actions(user=from_user, organisation=organisation).select_related(
            "plan__house"
        ):
            Action.objects.filter(pk=action.pk).update(person=to_user)
            _audit(
                action.plan,
                actor=actor,
                organisation=organisation,
                action=AuditEvent.Action.UPDATE,
                target=action,
                changes={"person": [from_user.pk, to_user.pk]},
                reason=note,
            )
            moved += 1
    return moved


# --- Retention ---------------------------------------------------------------------------------


def _ended_on(consent: Consent) -> date:
    """The last day a consent ran: its end date, or the day it was withdrawn when earlier."""
    if consent.withdrawn_at is not None:
        return min(consent.expires_on, timezone.localdate(consent.withdrawn_at))
    return consent.expires_on


def erasure_due(now: datetime):
    """The plans to erase: asked by the family; closed longer than the retention period ago; or
    still open while no partner's consent has run for that long (nobody may see them)."""
    today = timezone.localdate(now)
    cutoff = now - timedelta(days=retention_days())
    day_cutoff = today - timedelta(days=retention_days())
    unseen = (
        FamilyPlan.objects.filter(status=PlanStatus.ACTIVE)
        .exclude(
            pk__in=PlanPartner.objects.filter(current_consent_q(today, "consent__")).values(
                "plan_id"
            )
        )
        .prefetch_related("partners__consent")
    )
    forgotten = [
        plan.pk
        for plan in unseen
        if max((_ended_on(p.consent) for p in plan.partners.all()), default=today) < day_cutoff
    ]
    return FamilyPlan.objects.filter(
        Q(erase_requested_at__isnull=False)
        | Q(status=PlanStatus.CLOSED, closed_at__lt=cutoff)
        | Q(pk__in=forgotten)
    )


def plans_erase_expired(now: datetime | None = None) -> int:
    """Delete every plan that is due (its goals, agreements, history and comments go with it).
    The consents of its partners stay as proof, without the family link once no other record
    relies on them (``referrals.services.consents_release``); the family record goes under its
    own rule. The audit trail says it existed."""
    now = now or timezone.now()
    count = 0
    with transaction.atomic():
        for plan in erasure_due(now).select_related("house").select_for_update(of=("self",)):
            _audit(
                plan,
                actor=None,
                organisation=None,
                action=AuditEvent.Action.ERASE,
                changes={"plan": [PRESENT, None]},
                reason=_("bewaartermijn")
                if plan.erase_requested_at is None
                else _("op vraag van het gezin"),
            )
            consent_ids = list(plan.partners.values_list("consent_id", flat=True))
            plan.delete()
            consents_release(consent_ids=consent_ids, reason="bewaartermijn van het gezinsplan")
            count += 1
    return count
