"""Steering fixtures: Kalmthout's coordinator made the period of this year with two goals and
this year's annual plan; ``member`` (of the Opvoedingspunt) sits in its steering group, the
``worker`` of the same partner only reads, ``outsider`` works for a partner of another house."""

from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from huisvanhetkind.network.models import Domain, Group, Role
from huisvanhetkind.steering import services, services_meetings
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


# --- Meetings ---------------------------------------------------------------------------------

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def private_dir(settings, tmp_path):
    settings.VAR_DIR = tmp_path / "var"
    settings.PRIVATE_FILES_ROOT = settings.VAR_DIR / "private"
    return settings.VAR_DIR


@pytest.fixture
def lead(organisation, steering_group):
    user = with_second_factor(
        UserFactory(email="trekker@opvoedingspunt.example.be", first_name="Tine", last_name="Trek")
    )
    RoleFactory(user=user, kind=Role.Kind.ORGANISATION_WORKER, organisation=organisation)
    GroupMembershipFactory(group=steering_group, user=user, organisation=organisation, is_lead=True)
    return user


def meeting_data(days=7, **overrides):
    start = timezone.now().replace(microsecond=0) + timedelta(days=days)
    data = {
        "title": "Stuurgroep maart",
        "starts_at": start,
        "ends_at": start + timedelta(hours=2),
        "place": "Huis van het Kind, vergaderzaal",
        "video_url": "",
        "agenda_deadline": start - timedelta(days=2),
    }
    return {**data, **overrides}


@pytest.fixture
def meeting(steering_group, lead, member):
    return services_meetings.meeting_save(actor=None, group=steering_group, data=meeting_data())


@pytest.fixture
def past_meeting(steering_group, lead, member):
    return services_meetings.meeting_save(
        actor=None, group=steering_group, data=meeting_data(days=-3, title="Stuurgroep januari")
    )


@pytest.fixture
def document(meeting, member):
    return services_meetings.document_add(
        actor=member,
        meeting=meeting,
        upload=SimpleUploadedFile("agenda.pdf", PDF, content_type="application/pdf"),
    )
