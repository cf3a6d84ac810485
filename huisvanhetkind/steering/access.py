"""Who may see and change the plan of a house. Every access rule of the steering app lives here.

- The house's coordinator and the members of its steering group (a network group of kind
  "stuurgroep") edit the periods, goals, annual plans and actions.
- The professionals of the house's active partner organisations read the whole plan (budgets
  and progress notes included).
- Everybody else (a partner of another house only, anonymous visitors) gets a 404 on the
  management pages; the public page ``/<house>/plan/`` shows goals and progress only.
"""

from django.db.models import Q
from django.http import Http404

from huisvanhetkind.network.access import (
    coordinated_house_ids,
    is_coordinator,
    is_platform_admin,
    member_organisation_ids,
)
from huisvanhetkind.network.models import Group, GroupMembership, House, Partnership
from huisvanhetkind.steering.models import Action, AnnualPlan, Goal, PlanPeriod

LARGEST_ID = 2**31 - 1


def is_steering_member(user, house: House) -> bool:
    if not user.is_authenticated:
        return False
    return GroupMembership.objects.filter(
        user=user, group__house=house, group__kind=Group.Kind.STEERING
    ).exists()


def can_edit_plan(user, house: House) -> bool:
    """The coordinator and the steering group of the house (``None``: the platform itself, for
    the demo seeder and commands)."""
    if user is None:
        return True
    if not user.is_authenticated:
        return False
    return is_coordinator(user, house) or is_steering_member(user, house)


def can_read_plan(user, house: House) -> bool:
    """Who edits it, and the professionals of the house's active partners."""
    if can_edit_plan(user, house):
        return True
    mine = member_organisation_ids(user)
    return (
        bool(mine)
        and Partnership.objects.filter(
            house=house, organisation_id__in=mine, status=Partnership.Status.ACTIVE
        ).exists()
    )


def _id(pk) -> int:
    if not 0 < int(pk) <= LARGEST_ID:
        raise Http404
    return int(pk)


def get_house_for_reader(user, house: House) -> House:
    if house is None or not can_read_plan(user, house):
        raise Http404
    return house


def get_house_for_editor(user, house: House) -> House:
    if house is None or not can_edit_plan(user, house):
        raise Http404
    return house


def _house_for(user, house, edit: bool) -> House:
    return get_house_for_editor(user, house) if edit else get_house_for_reader(user, house)


def get_period_for_user(user, house: House, pk, *, edit: bool = False) -> PlanPeriod:
    _house_for(user, house, edit)
    period = PlanPeriod.objects.filter(house=house, pk=_id(pk)).first()
    if period is None:
        raise Http404
    return period


def get_goal_for_user(user, house: House, pk, *, edit: bool = False) -> Goal:
    _house_for(user, house, edit)
    goal = (
        Goal.objects.select_related("period", "domain")
        .filter(period__house=house, pk=_id(pk))
        .first()
    )
    if goal is None:
        raise Http404
    return goal


def get_annual_plan_for_user(user, house: House, year, *, edit: bool = False) -> AnnualPlan:
    _house_for(user, house, edit)
    plan = AnnualPlan.objects.select_related("period").filter(house=house, year=_id(year)).first()
    if plan is None:
        raise Http404
    return plan


def get_action_for_user(user, house: House, pk, *, edit: bool = False) -> Action:
    _house_for(user, house, edit)
    action = (
        Action.objects.select_related(
            "plan__period", "goal__domain", "lead_organisation", "working_group"
        )
        .filter(plan__house=house, pk=_id(pk))
        .first()
    )
    if action is None:
        raise Http404
    return action


def houses_with_readable_plan(user) -> list[House]:
    """The houses whose plan the user reads (see ``can_read_plan``), by name, in one query."""
    if not user.is_authenticated:
        return []
    if is_platform_admin(user):
        return list(House.objects.filter(is_active=True).order_by("name"))
    mine = member_organisation_ids(user)
    return list(
        House.objects.filter(
            Q(pk__in=coordinated_house_ids(user))
            | Q(
                partnerships__organisation_id__in=mine,
                partnerships__status=Partnership.Status.ACTIVE,
            )
            | Q(groups__kind=Group.Kind.STEERING, groups__memberships__user=user)
        )
        .distinct()
        .order_by("name")
    )
