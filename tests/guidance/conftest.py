"""Guidance fixtures: ``bridge_worker`` works for the Opvoedingspunt (``organisation``) and is its
bridge worker in ``house``; ``colleague`` is another bridge worker of the same organisation;
``org_admin`` administers the organisation (reads its caseloads); ``worker`` works for it without
being a bridge worker; ``third_party`` works for a third partner. Only the first three may see a
caseload; the coordinator sees counts only."""

from datetime import timedelta

import pytest
from django.utils import timezone

from huisvanhetkind.guidance import services
from huisvanhetkind.network.models import Role
from huisvanhetkind.referrals.models import Consent
from tests.conftest import with_second_factor
from tests.factories import OrganisationFactory, RoleFactory, UserFactory


def make_bridge_worker(email, organisation, house, *, admin=False):
    user = with_second_factor(UserFactory(email=email))
    RoleFactory(
        user=user,
        kind=Role.Kind.ORGANISATION_ADMIN if admin else Role.Kind.ORGANISATION_WORKER,
        organisation=organisation,
    )
    RoleFactory(user=user, kind=Role.Kind.BRIDGE_WORKER, house=house, organisation=organisation)
    return user


@pytest.fixture
def bridge_worker(house, organisation):
    return make_bridge_worker("brugfiguur@opvoedingspunt.example.be", organisation, house)


@pytest.fixture
def colleague(house, organisation):
    return make_bridge_worker("collega@opvoedingspunt.example.be", organisation, house)


@pytest.fixture
def third_organisation(house):
    return OrganisationFactory(name="Sportdienst Kalmthout", houses=[house], domains=[])


@pytest.fixture
def third_party(third_organisation):
    user = with_second_factor(UserFactory(email="medewerker@sportdienst.example.be"))
    RoleFactory(user=user, kind=Role.Kind.ORGANISATION_WORKER, organisation=third_organisation)
    return user


@pytest.fixture
def other_bridge_worker(house, third_organisation):
    """A bridge worker of another organisation in the same house."""
    return make_bridge_worker("brugfiguur@sportdienst.example.be", third_organisation, house)


def consent_data(**overrides) -> dict:
    data = {
        "given_by": Consent.GivenBy.PARENT,
        "obtained_via": Consent.ObtainedVia.IN_PERSON,
        "data_categories": [Consent.DataCategory.CONTACT, Consent.DataCategory.SITUATION],
        "expires_on": timezone.localdate() + timedelta(days=180),
    }
    return {**data, **overrides}


def family_data(**overrides) -> dict:
    data = {
        "name": "Familie El Amrani",
        "email": "el.amrani@example.be",
        "phone": "0470 11 22 33",
        "address": "Heuvel 3, 2920 Kalmthout",
        "language": "nl",
    }
    return {**data, **overrides}


def start(house, actor, **overrides):
    data = {
        "actor": actor,
        "house": house,
        "family": family_data(),
        "consent": consent_data(),
        "next_contact_on": timezone.localdate() + timedelta(days=3),
    }
    data.update(overrides)
    return services.caseload_start(**data)


@pytest.fixture
def entry(house, bridge_worker):
    return start(house, bridge_worker)
