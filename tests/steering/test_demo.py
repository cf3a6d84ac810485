"""The demo's plan: Kalmthout's goals of its strategic note in the seven policy domains and the
house itself, this year's annual plan with measured and hand-reported actions, the regional
house's goals from its vision text, a steering group; a second run changes nothing."""

import pytest
from django.utils import timezone

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.demo.services import demo_seed
from huisvanhetkind.network.models import Group, GroupMembership, House
from huisvanhetkind.steering import selectors
from huisvanhetkind.steering.access import can_edit_plan
from huisvanhetkind.steering.models import (
    Action,
    ActionEvent,
    Goal,
    Meeting,
    PlanPeriod,
    ProgressNote,
)

pytestmark = pytest.mark.django_db


def test_the_demo_has_the_goals_and_this_years_plan_written_once():
    demo_seed()
    kalmthout = House.objects.get(slug="kalmthout")
    regional = House.objects.get(slug="zoersel-brecht-zandhoven-wijnegem-schilde")
    note = PlanPeriod.objects.get(house=kalmthout, start_year=2020)
    assert note.end_year == 2025
    assert set(note.goals.values_list("domain__slug", flat=True)) == {
        "huis",
        "onderwijs",
        "gezondheid",
        "kinderopvang",
        "welbevinden-jeugdhulp",
        "vrije-tijd-ontmoeting",
        "kinderarmoede",
        "opvoedingsondersteuning",
    }
    assert PlanPeriod.objects.get(house=regional).goals.count() == 11
    year = timezone.localdate().year
    plan = kalmthout.annual_plans.get(year=year)
    # Nine actions of the plan, and the follow-up action of the demo's past meeting.
    assert plan.actions.filter(decisions__isnull=False).count() == 1
    actions = list(plan.actions.filter(decisions__isnull=True))
    assert len(actions) == 9
    assert sum(bool(a.indicator) for a in actions) == 5
    assert {a.status for a in actions} == {"planned", "running", "done", "postponed"}
    tree = selectors.plan_tree(plan.period, plan)
    assert tree.progress is not None
    member = GroupMembership.objects.get(
        group__house=kalmthout, group__name="Stuurgroep", is_lead=True
    ).user
    assert can_edit_plan(member, kalmthout)

    def counts():
        trail = AuditEvent.objects.filter(target_type__startswith="steering.").count()
        models = (PlanPeriod, Goal, Action, ActionEvent, ProgressNote, GroupMembership)
        return [Model.objects.count() for Model in models] + [trail]

    before = counts()
    demo_seed()
    assert counts() == before


def test_the_demo_has_a_past_and_an_upcoming_meeting_of_the_steering_group():
    demo_seed()
    kalmthout = House.objects.get(slug="kalmthout")
    steering = Meeting.objects.filter(group__house=kalmthout, group__name="Stuurgroep")
    meetings = list(steering.order_by("starts_at"))
    assert len(meetings) == 2
    past, upcoming = meetings
    now = timezone.now()
    assert past.ends_at < now < upcoming.agenda_deadline
    assert past.agenda.count() == 3 and past.minutes
    assert set(past.attendance.values_list("status", flat=True)) == {"present", "excused"}
    follow_up = past.decisions.exclude(action=None).get()
    assert follow_up.owner.email == "opvoedingspunt@kalmthout.example.be"
    assert follow_up.action.plan.year == timezone.localdate().year
    assert past.decisions.count() == 2
    assert upcoming.agenda.count() == 1 and upcoming.video_url
    demo_seed()
    assert steering.count() == 2


def test_the_demo_has_an_intervision_group_with_two_members_and_a_meeting():
    demo_seed()
    group = Group.objects.get(house__slug="kalmthout", kind=Group.Kind.INTERVISION)
    assert set(group.memberships.values_list("user__email", "is_lead")) == {
        ("jonas.goossens@kalmthout.example.be", True),
        ("brugfiguur@kalmthout.example.be", False),
    }
    meeting = group.meetings.get()
    assert meeting.ends_at < timezone.now()
    assert meeting.minutes and meeting.decisions.count() == 1
    demo_seed()
    assert group.meetings.count() == 1 and group.memberships.count() == 2
