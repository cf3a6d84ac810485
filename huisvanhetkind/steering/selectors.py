"""The reads of the plan that the pages share: the plan tree with every action's progress and
its roll-up to goals and domains, computed from a fixed number of queries (the goals, the
actions, their participants, and each live indicator the plan uses once)."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Prefetch
from django.utils import timezone

from huisvanhetkind.network.models import Domain, Group, House, Organisation, Partnership
from huisvanhetkind.steering import indicators
from huisvanhetkind.steering.models import Action, AnnualPlan, Goal, PlanPeriod
from huisvanhetkind.steering.workflow import ActionStatus


def weighted(figures) -> int | None:
    """The weighted mean of ``(progress, weight)`` pairs, leaving out those without progress
    (Decidim's result tree: a parent is the weighted mean of its children)."""
    known = [(progress, weight) for progress, weight in figures if progress is not None]
    total = sum(weight for _progress, weight in known)
    if not total:
        return None
    return round(sum(progress * weight for progress, weight in known) / total)


@dataclass
class ActionRow:
    action: Action
    progress: int | None
    value: Decimal | None = None
    counted: bool = True  # a dropped action is shown but left out of the roll-up

    @property
    def shown_value(self) -> str:
        return indicators.shown_value(self.action.indicator, self.value)

    @property
    def indicator(self):
        return indicators.REGISTRY.get(self.action.indicator)


@dataclass
class GoalRow:
    goal: Goal
    actions: list[ActionRow] = field(default_factory=list)
    progress: int | None = None


@dataclass
class DomainRow:
    domain: Domain
    goals: list[GoalRow] = field(default_factory=list)
    progress: int | None = None
    weight: int = 1


@dataclass
class PlanTree:
    plan: AnnualPlan | None
    period: PlanPeriod
    domains: list[DomainRow]
    progress: int | None
    values: dict


def action_progress(action: Action, values: dict) -> tuple[int | None, Decimal | None]:
    """An action's progress and (when measured) its indicator's value."""
    if action.indicator:
        value = values.get(action.indicator)
        return indicators.progress_between(value, action.baseline, action.target), value
    if action.status == ActionStatus.DONE:
        return 100, None
    return action.progress, None


def plan_tree(period: PlanPeriod, plan: AnnualPlan | None = None, *, today: date | None = None):
    """The goals of ``period`` by domain, with the actions of ``plan`` under them and every
    figure rolled up; a goal without actions has no figure."""
    today = today or timezone.localdate()
    goals = list(period.goals.select_related("domain"))
    actions = []
    if plan is not None:
        actions = list(
            plan.actions.select_related("lead_organisation", "working_group").prefetch_related(
                Prefetch("participants", queryset=Organisation.objects.order_by("name"))
            )
        )
    values = {}
    if plan is not None:
        values = indicators.indicator_values(
            period.house, plan.year, [a.indicator for a in actions if a.indicator], today
        )
    rows: dict[int, GoalRow] = {goal.pk: GoalRow(goal=goal) for goal in goals}
    for action in actions:
        progress, value = action_progress(action, values)
        row = ActionRow(
            action=action,
            progress=progress,
            value=value,
            counted=action.status != ActionStatus.DROPPED,
        )
        if action.goal_id in rows:
            rows[action.goal_id].actions.append(row)
    domains: dict[int, DomainRow] = {}
    for goal in goals:
        row = rows[goal.pk]
        row.progress = weighted((a.progress, a.action.weight) for a in row.actions if a.counted)
        domain = domains.setdefault(goal.domain_id, DomainRow(domain=goal.domain))
        domain.goals.append(row)
    for domain in domains.values():
        domain.progress = weighted((g.progress, g.goal.weight) for g in domain.goals)
    ordered = sorted(domains.values(), key=lambda d: (d.domain.position, d.domain.name))
    return PlanTree(
        plan=plan,
        period=period,
        domains=ordered,
        progress=weighted((d.progress, d.weight) for d in ordered),
        values=values,
    )


def periods(house: House):
    return PlanPeriod.objects.filter(house=house)


def annual_plans(house: House):
    return AnnualPlan.objects.filter(house=house).select_related("period")


def public_plan(house: House, year: int | None = None, today: date | None = None):
    """The plan the public page shows: the year asked for, else this year's, else the latest;
    with the period that covers it (a period without an annual plan yet shows its goals)."""
    today = today or timezone.localdate()
    plans = annual_plans(house)
    plan = None
    if year is not None:
        plan = plans.filter(year=year).first()
    plan = (
        plan or plans.filter(year=today.year).first() or plans.filter(year__lte=today.year).first()
    )
    if plan is not None:
        return plan.period, plan
    period = (
        periods(house).filter(start_year__lte=today.year, end_year__gte=today.year).first()
        or periods(house).first()
    )
    return period, None


def working_groups(house: House):
    """The groups an action can name as its working group."""
    return Group.objects.filter(house=house).order_by("kind", "name")


def active_partners(house: House):
    """The organisations that can lead or take part in an action."""
    return Organisation.objects.filter(
        partnerships__house=house, partnerships__status=Partnership.Status.ACTIVE
    ).order_by("name")


def action_history(action: Action):
    return action.events.select_related("actor")


def action_notes(action: Action):
    return action.notes.select_related("author")
