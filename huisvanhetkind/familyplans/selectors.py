"""Reads of family plans that pages, services and jobs share. A professional's read of a plan is
audited here (``plan_read``), where it is handed out, with the organisation it is read for; so
is the family's read through its link (``family_read``)."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Prefetch, Q, QuerySet

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.audit.services import audit_record
from huisvanhetkind.care.sharing import current_consent_q
from huisvanhetkind.core.tokens import token_digest
from huisvanhetkind.familyplans.models import Action, ActionEvent, Comment, FamilyPlan, Goal
from huisvanhetkind.familyplans.services import child_needs_agreement, current_partner_ids
from huisvanhetkind.familyplans.workflow import ActionStatus, PlanStatus
from huisvanhetkind.network.models import House, Organisation

TOKEN_MAX_LENGTH = 100


def _goals(plan: FamilyPlan) -> QuerySet[Goal]:
    return plan.goals.select_related(
        "child", "visibility_set_by", "child_agreed_by"
    ).prefetch_related(
        "visible_to",
        Prefetch(
            "actions",
            queryset=Action.objects.select_related("organisation", "person").prefetch_related(
                Prefetch("events", queryset=ActionEvent.objects.select_related("organisation"))
            ),
        ),
        Prefetch("comments", queryset=Comment.objects.order_by("created_at", "id")),
    )


def plans_for_organisations(organisation_ids, today: date) -> QuerySet[FamilyPlan]:
    """The plans these organisations take part in through a current consent, review first."""
    return (
        FamilyPlan.objects.filter(
            Q(partners__organisation_id__in=organisation_ids)
            & current_consent_q(today, "partners__consent__")
        )
        .select_related("house", "organisation", "family", "keeper")
        .distinct()
        .order_by("status", "review_on", "id")
    )


def plans_listed(*, actor, organisation_ids, today: date) -> list[FamilyPlan]:
    """The plans of the professional's organisations with the family's name, audited."""
    plans = list(plans_for_organisations(organisation_ids, today))
    for plan in plans:
        audit_record(
            actor=actor,
            action=AuditEvent.Action.READ,
            target=plan,
            house=plan.house,
            organisation=Organisation.objects.filter(
                pk__in=set(organisation_ids) & current_partner_ids(plan, today)
            )
            .order_by("pk")
            .first(),
            reason="list of family plans",
        )
    return plans


@dataclass
class PlanView:
    """What one reader sees of a plan."""

    plan: FamilyPlan
    goals: list[Goal]
    hidden: int = 0  # goals this organisation may not see
    awaiting_agreement: list[Goal] = field(default_factory=list)  # 12+, no agreement yet
    comments: list[Comment] = field(default_factory=list)  # on the whole plan
    partners: list = field(default_factory=list)
    current_partner_ids: set = field(default_factory=set)
    late: int = 0


def _partners(plan: FamilyPlan, today: date):
    parts = list(plan.partners.select_related("organisation", "consent").order_by("added_at", "id"))
    for part in parts:
        part.is_current = part.consent.is_valid_on(today)
    return parts


def plan_read(*, actor, plan: FamilyPlan, organisation: Organisation, today: date) -> PlanView:
    """The plan as ``organisation`` (a partner with a current consent) sees it: the goals on its
    list (and agreed by the young person they are about), their agreements and the family's
    comments on them; the others only counted. Audited."""
    visible, hidden, awaiting = [], 0, []
    for goal in _goals(plan):
        if child_needs_agreement(goal, today):
            awaiting.append(goal)
        elif any(o.pk == organisation.pk for o in goal.visible_to.all()):
            visible.append(goal)
        else:
            hidden += 1
    view = PlanView(
        plan=plan,
        goals=visible,
        hidden=hidden,
        awaiting_agreement=awaiting,
        comments=list(plan.comments.filter(goal__isnull=True)),
        partners=_partners(plan, today),
        current_partner_ids=current_partner_ids(plan, today),
        late=sum(1 for g in visible for a in g.actions.all() if a.is_late(today)),
    )
    audit_record(
        actor=actor,
        action=AuditEvent.Action.READ,
        target=plan,
        house=plan.house,
        organisation=organisation,
        reason=f"family plan, {len(visible)} of {len(visible) + hidden + len(awaiting)} goal(s)",
    )
    return view


def family_read(*, plan: FamilyPlan, today: date) -> PlanView:
    """The whole plan for the family through its link, audited."""
    goals = list(_goals(plan))
    view = PlanView(
        plan=plan,
        goals=goals,
        awaiting_agreement=[g for g in goals if child_needs_agreement(g, today)],
        comments=list(plan.comments.filter(goal__isnull=True)),
        partners=_partners(plan, today),
        current_partner_ids=current_partner_ids(plan, today),
        late=sum(1 for g in goals for a in g.actions.all() if a.is_late(today)),
    )
    audit_record(
        actor=None,
        action=AuditEvent.Action.READ,
        target=plan,
        house=plan.house,
        reason="family link",
    )
    return view


def plan_by_token(house: House, token: str) -> FamilyPlan | None:
    if not token or len(token) > TOKEN_MAX_LENGTH:
        return None
    return (
        FamilyPlan.objects.select_related("house", "organisation", "family")
        .filter(house=house, token_hash=token_digest(token))
        .first()
    )


@dataclass(frozen=True)
class HouseCounts:
    active: int
    closed: int
    review_due: int
    partners: int
    actions: dict
    late_actions: int


def house_counts(house: House, today: date) -> HouseCounts:
    """Counts only, for the coordinator: plans running and closed, plans past their review
    date, organisations taking part (current consent), actions per status and late actions."""
    plans = FamilyPlan.objects.filter(house=house)
    actions = Action.objects.filter(plan__house=house)
    per_status = dict(actions.values_list("status").annotate(n=Count("id")))
    return HouseCounts(
        active=plans.filter(status=PlanStatus.ACTIVE).count(),
        closed=plans.filter(status=PlanStatus.CLOSED).count(),
        review_due=plans.filter(status=PlanStatus.ACTIVE, review_on__lte=today).count(),
        partners=plans.filter(current_consent_q(today, "partners__consent__"))
        .values("partners__organisation")
        .distinct()
        .count(),
        actions={status: per_status.get(status.value, 0) for status in ActionStatus},
        late_actions=actions.filter(plan__status=PlanStatus.ACTIVE).late(today).count(),
    )
