"""Who may see which family plan. Every access rule of the family plan lives here.

A professional sees a plan only on behalf of an organisation that takes part in it through a
current consent of the family (``care.sharing``, checked at every read); everybody else, a
coordinator included, gets the same 404 whether the plan exists or not. Within the plan, each
organisation sees the goals the family let it see (``selectors.plan_read``). The family sees its
whole plan through its link; a wrong or tampered link gives 404. The coordinator sees counts.
"""

from dataclasses import dataclass

from django.http import Http404
from django.utils import timezone

from huisvanhetkind.familyplans.models import Action, FamilyPlan, Goal
from huisvanhetkind.familyplans.selectors import plan_by_token
from huisvanhetkind.familyplans.services import (
    child_needs_agreement,
    current_partner_ids,
    goal_visible_to,
)
from huisvanhetkind.network.access import get_house_for_coordinator, member_organisation_ids
from huisvanhetkind.network.models import Organisation

LARGEST_ID = 2**31 - 1


@dataclass(frozen=True)
class PlanAccess:
    plan: FamilyPlan
    organisation: Organisation  # on whose behalf the user sees it


def _valid_id(pk) -> bool:
    try:
        return 0 < int(pk) <= LARGEST_ID
    except (TypeError, ValueError):
        return False


def get_plan_for_user(user, pk) -> PlanAccess:
    """The plan with the organisation the user sees it for (the plan's maker first), or Http404
    (the same for a plan that does not exist)."""
    if not user.is_authenticated or not _valid_id(pk):
        raise Http404
    mine = member_organisation_ids(user)
    if not mine:
        raise Http404
    plan = (
        FamilyPlan.objects.select_related("house", "organisation", "family", "keeper")
        .filter(pk=pk)
        .first()
    )
    if plan is None:
        raise Http404
    allowed = mine & current_partner_ids(plan, timezone.localdate())
    if not allowed:
        raise Http404
    chosen = plan.organisation_id if plan.organisation_id in allowed else min(allowed)
    return PlanAccess(plan=plan, organisation=Organisation.objects.get(pk=chosen))


def get_goal_of_plan(plan: FamilyPlan, pk) -> Goal:
    if not _valid_id(pk):
        raise Http404
    goal = plan.goals.select_related("child").filter(pk=pk).first()
    if goal is None:
        raise Http404
    return goal


def get_goal_for_partner(access: PlanAccess, pk) -> Goal:
    """A goal the partner sees (on its list, agreed by the young person it is about), or 404."""
    goal = get_goal_of_plan(access.plan, pk)
    if not goal_visible_to(goal, access.organisation.pk, timezone.localdate()):
        raise Http404
    return goal


def get_goal_awaiting_agreement(access: PlanAccess, pk) -> Goal:
    """A goal that waits for the agreement of the young person it is about, or 404."""
    goal = get_goal_of_plan(access.plan, pk)
    if not child_needs_agreement(goal, timezone.localdate()):
        raise Http404
    return goal


def get_action_for_partner(access: PlanAccess, pk) -> Action:
    """An action under a goal the partner sees, or 404."""
    if not _valid_id(pk):
        raise Http404
    action = access.plan.actions.select_related("goal__child").filter(pk=pk).first()
    if action is None or not goal_visible_to(
        action.goal, access.organisation.pk, timezone.localdate()
    ):
        raise Http404
    return action


def get_plan_for_family(house, token: str) -> FamilyPlan:
    plan = plan_by_token(house, token)
    if plan is None:
        raise Http404
    return plan


def get_house_for_counts(user, house):
    """The house whose counts the user (its coordinator) may see, or Http404."""
    if not user.is_authenticated:
        raise Http404
    return get_house_for_coordinator(user, house)
