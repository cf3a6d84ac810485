"""The demo's family plan in Kalmthout, read from ``data/familyplans.toml`` and written through
the family plan's services: the family Vermeulen (fictitious) made its plan at a round table with
the Opvoedingspunt; Kind en Gezin and the OCMW joined with the family's consent (three partners
in all). One goal is seen by all three, one only by the Opvoedingspunt and the OCMW; the goal
about Jens (13) carries his own agreement. One agreement is late (it shows in the Opvoedingspunt's
to-do list), one is done. The family's link is the same in every demo database
(``demo_family_plan_token``).

Written once: when the house has a family plan, the seeder leaves the plans and whatever the
demo's visitors did with them alone.
"""

import base64
import hashlib
from datetime import date, timedelta

from django.contrib.auth import get_user_model

from huisvanhetkind.families.services import child_add
from huisvanhetkind.familyplans import services as plan_services
from huisvanhetkind.familyplans.models import FamilyPlan
from huisvanhetkind.network.models import House, Organisation
from huisvanhetkind.referrals.models import Consent


def demo_family_plan_token(key: str) -> str:
    """The family link's token of a demo plan, the same in every demo database."""
    digest = hashlib.sha256(f"huisvanhetkind-demo-family-plan:{key}".encode()).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def _consent(today: date) -> dict:
    return {
        "given_by": Consent.GivenBy.PARENT,
        "obtained_via": Consent.ObtainedVia.IN_PERSON,
        "expires_on": today + timedelta(days=330),
    }


def seed_family_plans(
    *, data: dict, houses: dict[str, House], organisations: dict, today: date
) -> None:
    """Write the demo's family plan once."""
    house = houses[data["house"]]
    if FamilyPlan.objects.filter(house=house).exists():
        return
    users = get_user_model().objects.in_bulk(list(data["accounts"].values()), field_name="username")

    def organisation(name: str) -> Organisation:
        return organisations.get(name) or Organisation.objects.get(name=name)

    def account(name: str):
        return users[data["accounts"][name]]

    row = data["plan"]
    made_on = today - timedelta(days=row["days_ago"])
    maker = account(row["by"])
    plan = plan_services.plan_make(
        actor=maker,
        house=house,
        organisation=organisation(row["by"]),
        family_name=row["family"],
        email=row["email"],
        language=row["language"],
        consent=_consent(today),
        family_present=True,
        today=made_on,
    )
    for name in row["partners"]:
        plan_services.plan_partner_add(
            actor=maker,
            plan=plan,
            organisation=organisation(name),
            consent=_consent(today),
            family_present=True,
        )
    children = {
        child["key"]: child_add(
            family=plan.family,
            first_name=child["first_name"],
            birth_date=child["born"],
            actor=maker,
            reason="demo",
        )
        for child in row["children"]
    }
    goals = []
    for goal_row in row["goals"]:
        goal = plan_services.goal_add(
            actor=maker,
            plan=plan,
            text=goal_row["text"],
            child=children.get(goal_row.get("child", "")),
            visible_to=[organisation(name) for name in goal_row["visible_to"]],
            family_present=True,
            child_agrees=goal_row.get("child_agreed", False),
        )
        goals.append(goal)
        for action_row in goal_row.get("actions", []):
            who = organisation(action_row["who"])
            action = plan_services.action_add(
                actor=maker,
                plan=plan,
                goal=goal,
                what=action_row["what"],
                organisation=who,
                person=account(action_row["who"]),
                due_on=today + timedelta(days=action_row["due_in"]),
                support=action_row["support"],
            )
            for step in action_row["steps"]:
                action = plan_services.action_transition(
                    actor=account(action_row["who"]), action=action, status=step
                )
    for comment in row.get("comments", []):
        plan_services.comment_add(plan=plan, text=comment["text"], goal=goals[comment["goal"] - 1])
    plan_services.plan_family_link(actor=maker, plan=plan, token=demo_family_plan_token(row["key"]))
