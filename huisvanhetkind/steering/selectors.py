"""The reads of the plan that the pages share: the plan tree with every action's progress and
its roll-up to goals and domains, computed from a fixed number of queries (the goals, the
actions, and each live indicator the plan uses once), and the stamp that the plan pages cache
their rendering of the tree under (``PlanPage``; docs/performance.md, *The plan*)."""

import hashlib
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cached_property

from django.db.models import Count, Max, Prefetch
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


# What a plan page does not show of an action (its own page does): left out of the plan tree,
# whose pages list hundreds of actions (docs/performance.md, *The plan*).
TREE_DEFERRED = ("description", "gap_ids", "created_at", "updated_at")


def plan_tree(
    period: PlanPeriod,
    plan: AnnualPlan | None = None,
    *,
    today: date | None = None,
    participants: bool = False,
    values: dict | None = None,
):
    """The goals of ``period`` by domain, with the actions of ``plan`` under them and every
    figure rolled up; a goal without actions has no figure. A fixed number of queries: the
    goals with their domains, the actions with their lead partner, one per live indicator the
    plan uses (``indicators.indicator_values``; none when ``values`` gives them already) and,
    with ``participants``, the participating partners of every action in one more. An action's
    description, gaps and dates of the record are not read (its own page shows them)."""
    today = today or timezone.localdate()
    goals = list(period.goals.select_related("domain"))
    actions = []
    if plan is not None:
        actions = plan.actions.select_related("lead_organisation").defer(*TREE_DEFERRED)
        if participants:
            actions = actions.prefetch_related(
                Prefetch("participants", queryset=Organisation.objects.order_by("name"))
            )
        actions = list(actions)
    if values is None and plan is None:
        values = {}
    if values is None:
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


@dataclass
class PlanPage:
    """The plan a page shows, for caching its rendering: ``stamp`` changes whenever what the
    tree shows changes (a goal or action added, changed or removed, the period renamed, a lead
    partner renamed, an indicator's value moved); ``tree`` is computed only when read, i.e. when
    the cache has no rendering under the stamp yet."""

    period: PlanPeriod
    plan: AnnualPlan | None
    values: dict
    stamp: str
    today: date

    @cached_property
    def tree(self) -> PlanTree:
        return plan_tree(self.period, self.plan, today=self.today, values=self.values)


def plan_page(
    period: PlanPeriod,
    plan: AnnualPlan | None = None,
    *,
    house: House | None = None,
    today: date | None = None,
):
    """The stamp of the plan tree of ``period`` (of ``house``) and ``plan`` and the live
    indicators' values, in a fixed number of queries: the goals' count, highest id and last
    change; the same of the actions with their lead partners' last change; the indicators the
    plan uses; one per indicator when the cache has not kept their values
    (``indicators.cached_indicator_values``, a few minutes)."""
    today = today or timezone.localdate()
    house = house or period.house
    goals = period.goals.aggregate(count=Count("id"), top=Max("id"), last=Max("updated_at"))
    parts = [period.pk, period.updated_at, sorted(goals.items())]
    values = {}
    if plan is not None:
        actions = plan.actions.aggregate(
            count=Count("id"),
            top=Max("id"),
            last=Max("updated_at"),
            lead=Max("lead_organisation__updated_at"),
        )
        names = plan.actions.exclude(indicator="").values_list("indicator", flat=True).distinct()
        values = indicators.cached_indicator_values(house, plan.year, list(names), today)
        parts += [plan.pk, sorted(actions.items()), sorted(values.items())]
    stamp = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    return PlanPage(period=period, plan=plan, values=values, stamp=stamp, today=today)


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
