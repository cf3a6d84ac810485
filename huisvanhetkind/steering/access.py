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
    is_steering_member,
    member_organisation_ids,
)
from huisvanhetkind.network.models import Group, GroupMembership, House, Partnership
from huisvanhetkind.steering.models import Action, AnnualPlan, Goal, Meeting, PlanPeriod

LARGEST_ID = 2**31 - 1


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


# --- Meetings of the groups ------------------------------------------------------------------
# Members of a group (and the house's coordinator) see its meetings, minutes and documents and
# add agenda points; the group's lead (trekker) and the coordinator plan and edit meetings.
# Everybody else gets a 404, as for a meeting that does not exist.


def is_group_member(user, group: Group) -> bool:
    return user.is_authenticated and GroupMembership.objects.filter(group=group, user=user).exists()


def can_read_group(user, group: Group) -> bool:
    if user is None:
        return True
    if not user.is_authenticated:
        return False
    return is_coordinator(user, group.house) or is_group_member(user, group)


def can_edit_meetings(user, group: Group) -> bool:
    if user is None:
        return True
    if not user.is_authenticated:
        return False
    return (
        is_coordinator(user, group.house)
        or GroupMembership.objects.filter(group=group, user=user, is_lead=True).exists()
    )


def get_group_for_user(user, house: House, pk, *, edit: bool = False) -> Group:
    if house is None:
        raise Http404
    group = Group.objects.filter(house=house, pk=_id(pk)).first()
    if group is None or not (can_edit_meetings if edit else can_read_group)(user, group):
        raise Http404
    return group


def get_meeting_for_user(user, house: House, pk, *, edit: bool = False):
    if house is None:
        raise Http404
    meeting = (
        Meeting.objects.select_related("group__house")
        .filter(group__house=house, pk=_id(pk))
        .first()
    )
    if meeting is None or not (can_edit_meetings if edit else can_read_group)(user, meeting.group):
        raise Http404
    return meeting


def readable_groups(user, house: House) -> list[Group]:
    """The groups of the house whose meetings the user sees."""
    if house is None or not user.is_authenticated:
        return []
    groups = Group.objects.filter(house=house)
    if not is_coordinator(user, house):
        groups = groups.filter(memberships__user=user)
    return list(groups.distinct().order_by("kind", "name"))


def feedback_organisations(user, house: House):
    """The house's active partners the user answers the consultation for."""
    if house is None or not user.is_authenticated:
        return []
    return list(
        Partnership.objects.filter(
            house=house,
            organisation_id__in=member_organisation_ids(user),
            status=Partnership.Status.ACTIVE,
        )
        .select_related("organisation")
        .order_by("organisation__name")
    )
