"""The demo's strategic goals and the annual plan, read from ``data/steering.toml`` and written through the services
of the steering app. Written once: what the demo's visitors change is left alone.

Per house: each period with its goals when the house has no period starting that year; the
annual plan of the current year (under the period that covers it) with its actions, their
status path and progress notes when the house has no plan for that year yet. Kalmthout's
steering group when the house has no group of that name. A second run changes nothing."""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from huisvanhetkind.network import services_groups
from huisvanhetkind.network.models import Domain, Group, House
from huisvanhetkind.steering import services, services_meetings
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
                    is_lead=member.get("lead", False),
                )


def _meetings(data: dict, houses: dict, today: date) -> None:
    """Each group's demo meetings, when the group had none before this run."""
    seeded = set()
    for row in data.get("meetings", []):
        group = Group.objects.filter(house=houses[row["house"]], name=row["group"]).first()
        if group is None:
            continue
        if group.pk not in seeded and group.meetings.exists():
            continue
        seeded.add(group.pk)
        _meeting(row, group, today)


def _meeting(row: dict, group: Group, today: date) -> None:
    day = today + timedelta(days=row["days"])
    starts = timezone.make_aware(datetime.combine(day, time(19, 30)))
    meeting = services_meetings.meeting_save(
        actor=None,
        group=group,
        data={
            "title": row["title"],
            "starts_at": starts,
            "ends_at": starts + timedelta(hours=2),
            "place": row.get("place", ""),
            "video_url": row.get("video_url", ""),
            "agenda_deadline": starts - timedelta(days=2),
        },
    )
    members = {m.user.email: m.user for m in group.memberships.select_related("user")}
    lead = next((m.user for m in group.memberships.filter(is_lead=True)), None)
    for title in row.get("agenda", []):
        services_meetings.agenda_item_add(actor=lead, meeting=meeting, title=title)
    statuses = {
        members[email].pk: status
        for email, status in row.get("attendance", {}).items()
        if email in members
    }
    if statuses:
        services_meetings.attendance_record(actor=None, meeting=meeting, statuses=statuses)
    if row.get("minutes"):
        services_meetings.minutes_save(actor=None, meeting=meeting, minutes=row["minutes"])
    plan = AnnualPlan.objects.filter(house=group.house, year=today.year).first()
    goal = plan.period.goals.first() if plan else None
    for spec in row.get("decisions", []):
        owner = members.get(spec.get("owner", ""))
        if owner is not None and goal is not None:
            due = min(today + timedelta(days=spec["days"]), date(today.year, 12, 31))
            services_meetings.decision_add(
                actor=None,
                meeting=meeting,
                text=spec["text"],
                goal=goal,
                owner=owner,
                due_on=max(due, day),
            )
        else:
            services_meetings.decision_add(actor=None, meeting=meeting, text=spec["text"])


def seed_steering(
    *, data: dict, houses: dict[str, House], organisations: dict, today: date
) -> None:
    """Write the demo's strategic goals, the annual plan and the groups' meetings once."""
    domains = {domain.slug: domain for domain in Domain.objects.all()}
    for row in data.get("houses", []):
        house = houses[row["house"]]
        _periods(row, house, domains)
        _plan(row, house, organisations, today)
    _groups(data, houses, organisations)
    _meetings(data, houses, today)
