"""Signal index fixtures: ``worker`` of the Opvoedingspunt (``organisation``) and ``nurse`` of the
Kraamzorg (``other_organisation``) can both signal a child; ``third_party`` works for a third
partner of the same house and must learn nothing. Every number here is made up
(``fictitious_number``): it passes the checksum and belongs to nobody we know."""

from datetime import date

import pytest

from huisvanhetkind.care import services
from huisvanhetkind.care.numbers import fictitious_number
from huisvanhetkind.network.models import Role
from tests.conftest import with_second_factor
from tests.factories import OrganisationFactory, RoleFactory, UserFactory

CHILD = fictitious_number(date(2017, 7, 30), 33)
SIBLING = fictitious_number(date(2020, 2, 14), 101)
OTHER_CHILD = fictitious_number(date(2019, 11, 3), 57)
PARENT = fictitious_number(date(1988, 5, 12), 212)


@pytest.fixture
def nurse(other_organisation):
    user = with_second_factor(
        UserFactory(email="vroedvrouw@kraamzorg.example.be", first_name="Ine", last_name="Peeters")
    )
    RoleFactory(user=user, kind=Role.Kind.ORGANISATION_WORKER, organisation=other_organisation)
    return user


@pytest.fixture
def third_organisation(house):
    return OrganisationFactory(name="Sportdienst Kalmthout", houses=[house], domains=[])


@pytest.fixture
def third_party(third_organisation):
    user = with_second_factor(UserFactory(email="medewerker@sportdienst.example.be"))
    RoleFactory(user=user, kind=Role.Kind.ORGANISATION_WORKER, organisation=third_organisation)
    return user


def record(house, user, organisation, number=CHILD, **overrides):
    data = {
        "actor": user,
        "house": house,
        "organisation": organisation,
        "number": number,
        "child_name": "Lotte Janssens",
        "child_birth_date": "30/07/2017",
    }
    data.update(overrides)
    return services.signal_record(**data)


@pytest.fixture
def signal(house, worker, organisation):
    return record(house, worker, organisation)
