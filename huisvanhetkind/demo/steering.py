"""The demo's strategic goals and the annual plan, read from ``data/steering.toml`` and written through the services
of the steering app. Written once: what the demo's visitors change is left alone.

Per house: each period with its goals when the house has no period starting that year; the
annual plan of the current year (under the period that covers it) with its actions, their
status path and progress notes when the house has no plan for that year yet. Kalmthout's
steering group when the house has no group of that name. A second run changes nothing."""

from datetime import date, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model

from huisvanhetkind.network import services_groups
from huisvanhetkind.network.models import Domain, Group, House
from huisvanhetkind.steering import services
from huisvanhetkind.steering.models import AnnualPlan, Goal, PlanPeriod


def _goal_data(row: dict, domains: dict) -> dict:
    return {
        "domain": domains[row["domain"]],
        "code": row["code"],
        "title": row["title"],
        "description": row.get("description", ""),
        "indicators": row.get("indicators", ""),
        "policy_objective_code": row.get("policy", ""),
        "action_plan_code": row.get("plan", ""),
        "weight": row.get("weight", 1),
    }


def _periods(row: dict, house: House, domains: dict) -> None:
    for spec in row["periods"]:
        if PlanPeriod.objects.filter(house=house, start_year=spec["start"]).exists():
            continue
        period = services.period_create(
            actor=None,
            house=house,
            data={"title": spec["title"], "start_year": spec["start"], "end_year": spec["end"]},
        )
        for goal in row["goals"]:
            services.goal_create(actor=None, period=period, data=_goal_data(goal, domains))


def _action_data(row: dict, goal: Goal, year: int, organisations: dict) -> dict:
    ends = date(year, *row["ends"]) if "ends" in row else date(year, 12, 31)
    measured = bool(row.get("indicator"))
    return {
        "goal": goal,
        "title": row["title"],
        "description": row.get("description", ""),
        "lead_organisation": organisations[row["lead"]] if row.get("lead") else None,
        "participants": [organisations[name] for name in row.get("participants", [])],
        "working_group": None,
        "starts_on": date(year, 1, 15),
        "ends_on": ends,
        "budget": Decimal(row["budget"]) if row.get("budget") else None,
        "weight": row.get("weight", 1),
        "progress": row.get("progress", 0),
        "indicator": row.get("indicator", ""),
        "baseline": Decimal(row["baseline"]) if measured else None,
        "target": Decimal(row["target"]) if measured else None,
        "target_on": date(year, 12, 31) if measured else None,
        "gap_ids": row.get("gaps", []),
    }


def _plan(row: dict, house: House, organisations: dict, today: date) -> None:
    year = today.year
    if not row.get("actions") or AnnualPlan.objects.filter(house=house, year=year).exists():
        return
    if not PlanPeriod.objects.filter(house=house, start_year__lte=year, end_year__gte=year):
        return
    plan = services.annual_plan_create(actor=None, house=house, year=year)
    goals = {goal.code: goal for goal in plan.period.goals.all()}
    for spec in row["actions"]:
        action = services.action_create(
            actor=None,
            plan=plan,
            data=_action_data(spec, goals[spec["goal"]], year, organisations),
        )
        for status in spec.get("status", []):
            services.action_status_change(actor=None, action=action, status=status)
        for days_ago, text in spec.get("notes", []):
            services.progress_note_add(
                actor=None,
                action=action,
                text=text,
                written_on=today - timedelta(days=days_ago),
            )


def _groups(data: dict, houses: dict, organisations: dict) -> None:
    users = get_user_model().objects
    for row in data.get("groups", []):
        house = houses[row["house"]]
        if Group.objects.filter(house=house, name=row["name"]).exists():
            continue
        group = services_groups.group_save(
            actor=None,
            house=house,
            data={"kind": row["kind"], "name": row["name"], "description": row["description"]},
        )
        for member in row.get("members", []):
            user = users.filter(email=member["email"]).first()
            if user is not None:
                services_groups.group_member_add(
                    actor=None,
                    group=group,
                    user=user,
                    organisation=organisations[member["organisation"]],
                )


def seed_steering(
    *, data: dict, houses: dict[str, House], organisations: dict, today: date
) -> None:
    """Write the demo's strategic goals and the annual plan once."""
    domains = {domain.slug: domain for domain in Domain.objects.all()}
    for row in data.get("houses", []):
        house = houses[row["house"]]
        _periods(row, house, domains)
        _plan(row, house, organisations, today)
    _groups(data, houses, organisations)
