"""Family plan fixtures: ``worker`` of the Opvoedingspunt (``organisation``) makes the plan with
the family; ``nurse`` of the Kraamzorg (``other_organisation``) and ``social_worker`` of the
OCMW (``third_organisation``) join with the family's consent; ``outsider_worker`` of a fourth
partner of the same house takes no part and must learn nothing. Every family here is made up."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from huisvanhetkind.familyplans import services
from huisvanhetkind.network.models import Role
from huisvanhetkind.referrals.models import Consent
from tests.conftest import with_second_factor
from tests.factories import OrganisationFactory, RoleFactory, UserFactory


@pytest.fixture
def nurse(other_organisation):
    user = with_second_factor(UserFactory(email="vroedvrouw@kraamzorg.example.be"))
    RoleFactory(user=user, kind=Role.Kind.ORGANISATION_WORKER, organisation=other_organisation)
    return user


@pytest.fixture
def third_organisation(house):
    return OrganisationFactory(name="OCMW Kalmthout", houses=[house], domains=[])


@pytest.fixture
def social_worker(third_organisation):
    user = with_second_factor(UserFactory(email="maatschappelijk.werker@ocmw.example.be"))
    RoleFactory(user=user, kind=Role.Kind.ORGANISATION_WORKER, organisation=third_organisation)
    return user


@pytest.fixture
def fourth_organisation(house):
    return OrganisationFactory(name="Sportdienst Kalmthout", houses=[house], domains=[])


@pytest.fixture
def outsider_worker(fourth_organisation):
    """A worker of a partner of the same house that takes no part in the plan."""
    user = with_second_factor(UserFactory(email="medewerker@sportdienst.example.be"))
    RoleFactory(user=user, kind=Role.Kind.ORGANISATION_WORKER, organisation=fourth_organisation)
    return user


def consent(**overrides) -> dict:
    data = {
        "given_by": Consent.GivenBy.PARENT,
        "obtained_via": Consent.ObtainedVia.IN_PERSON,
        "expires_on": timezone.localdate() + timedelta(days=300),
    }
    return {**data, **overrides}


def make_plan(house, user, organisation, **overrides):
    data = {
        "actor": user,
        "house": house,
        "organisation": organisation,
        "family_name": "Gezin Peeters",
        "email": "gezin.peeters@example.be",
        "language": "nl",
        "consent": consent(),
        "family_present": True,
    }
    data.update(overrides)
    return services.plan_make(**data)


@pytest.fixture
def plan(house, worker, organisation):
    return make_plan(house, worker, organisation)


@pytest.fixture
def full_plan(plan, worker, nurse, other_organisation, third_organisation, organisation):
    """The plan with the Kraamzorg and the OCMW taking part, one goal all three see (with an
    agreement for the Kraamzorg) and one goal only the Opvoedingspunt and the OCMW see."""
    for partner in (other_organisation, third_organisation):
        services.plan_partner_add(
            actor=worker, plan=plan, organisation=partner, consent=consent(), family_present=True
        )
    shared = services.goal_add(
        actor=worker,
        plan=plan,
        text="We willen dat Noor beter slaapt",
        visible_to=[organisation, other_organisation, third_organisation],
        family_present=True,
    )
    private = services.goal_add(
        actor=worker,
        plan=plan,
        text="Onze schulden onder controle krijgen",
        visible_to=[organisation, third_organisation],
        family_present=True,
    )
    services.action_add(
        actor=worker,
        plan=plan,
        goal=shared,
        what="Slaapritueel oefenen bij het huisbezoek",
        organisation=other_organisation,
        person=nurse,
        due_on=timezone.localdate() + timedelta(days=30),
        support="Een slaapdagboek",
    )
    plan.shared_goal, plan.private_goal = shared, private
    return plan


TEENAGER_BORN = date(2010, 1, 15)
