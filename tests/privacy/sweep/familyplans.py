"""Family plans: a plan closed longer than its retention ago, with a goal, an action that
changed status, and a comment of the family."""

from datetime import timedelta

from django.utils import timezone

from huisvanhetkind.familyplans import services
from huisvanhetkind.familyplans.models import FamilyPlan
from tests.familyplans.conftest import consent

PLAN = "familyplans.FamilyPlan"


def seed_plan(sweep):
    plan = services.plan_make(
        actor=sweep.worker,
        house=sweep.house,
        organisation=sweep.organisation,
        family_name=sweep.marker("families.Family"),
        email=sweep.email("families.Family"),
        phone=sweep.phone("families.Family"),
        consent=consent(),
        family_present=True,
    )
    goal = services.goal_add(
        actor=sweep.worker,
        plan=plan,
        text=f"{sweep.marker('familyplans.Goal')} slaapt beter",
        visible_to=[sweep.organisation],
        family_present=True,
    )
    action = services.action_add(
        actor=sweep.worker,
        plan=plan,
        goal=goal,
        what=f"Slaapritueel met {sweep.marker('familyplans.Action')}",
        organisation=sweep.organisation,
        due_on=timezone.localdate() + timedelta(days=30),
        support=f"Dagboek van {sweep.marker('familyplans.Action')}",
    )
    services.action_transition(actor=sweep.worker, action=action, status="done")
    services.comment_add(
        plan=plan, goal=goal, text=f"Groetjes, {sweep.marker('familyplans.Comment')}"
    )
    FamilyPlan.objects.filter(pk=plan.pk).update(status="closed", closed_at=sweep.days_ago())


SEEDERS = {
    PLAN: seed_plan,
    "familyplans.Goal": seed_plan,
    "familyplans.Action": seed_plan,
    "familyplans.Comment": seed_plan,
}

# Deleted with the plan (cascade); they hold no text of their own.
WITH_THE_PLAN = "no text of its own: statuses and links, deleted with the plan (seeded with it)"

KEPT = {
    "familyplans.ActionEvent": WITH_THE_PLAN,
    "familyplans.PlanPartner": WITH_THE_PLAN,
    "familyplans.Goal_visible_to": WITH_THE_PLAN,
}
