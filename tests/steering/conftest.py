"""Steering fixtures: Kalmthout's coordinator made the period of this year with two goals and
this year's annual plan; ``member`` (of the Opvoedingspunt) sits in its steering group, the
``worker`` of the same partner only reads, ``outsider`` works for a partner of another house."""

from datetime import date

import pytest
from django.utils import timezone

from huisvanhetkind.network.models import Domain, Group, Role
from huisvanhetkind.steering import services
from tests.conftest import with_second_factor
from tests.factories import (
    GroupFactory,
    GroupMembershipFactory,
    OrganisationFactory,
    RoleFactory,
    UserFactory,
)


@pytest.fixture
def year():
    return timezone.localdate().year


@pytest.fixture
def period(house, year):
    return services.period_create(
        actor=None,
        house=house,
        data={"title": "Strategische nota", "start_year": year - 1, "end_year": year + 4},
    )


def goal_data(**overrides) -> dict:
    data = {
        "domain": Domain.objects.get(slug="opvoedingsondersteuning"),
        "code": "2.8.1",
        "title": "Het aanbod opvoedingsondersteuning is breed bekend.",
        "description": "Bij gezinnen en partners.",
        "indicators": "",
        "policy_objective_code": "BD3",
        "action_plan_code": "AP3.1",
        "weight": 1,
    }
    return {**data, **overrides}


@pytest.fixture
def goal(period):
    return services.goal_create(actor=None, period=period, data=goal_data())


@pytest.fixture
def other_goal(period):
    return services.goal_create(
        actor=None,
        period=period,
        data=goal_data(
            code="2.6.3",
            title="Laagdrempelige ontmoeting.",
            domain=Domain.objects.get(slug="vrije-tijd-ontmoeting"),
        ),
    )


@pytest.fixture
def plan(house, period, year):
    return services.annual_plan_create(actor=None, house=house, year=year)


def action_data(goal, year, **overrides) -> dict:
    data = {
        "goal": goal,
        "title": "Opvoedingspunt op de schoolpoort",
        "description": "",
        "lead_organisation": None,
        "participants": [],
        "working_group": None,
        "starts_on": date(year, 1, 1),
        "ends_on": date(year, 12, 31),
        "budget": None,
        "weight": 1,
        "progress": 0,
        "indicator": "",
        "baseline": None,
        "target": None,
        "target_on": None,
        "gap_ids": [],
    }
    return {**data, **overrides}


@pytest.fixture
def steering_group(house):
    return GroupFactory(house=house, kind=Group.Kind.STEERING, name="Stuurgroep")


@pytest.fixture
def member(organisation, steering_group):
    user = with_second_factor(UserFactory(email="stuurgroep@opvoedingspunt.example.be"))
    RoleFactory(user=user, kind=Role.Kind.ORGANISATION_WORKER, organisation=organisation)
    GroupMembershipFactory(group=steering_group, user=user, organisation=organisation)
    return user


@pytest.fixture
def far_outsider(other_house):
    """A worker of a partner of another house only."""
    organisation = OrganisationFactory(name="Opvoedingswinkel Zoersel", houses=[other_house])
    user = with_second_factor(UserFactory(email="medewerker@zoersel.example.be"))
    RoleFactory(user=user, kind=Role.Kind.ORGANISATION_WORKER, organisation=organisation)
    return user
