"""Shared pieces of the needs, reach and open-data tests: a steering-group member of the house
and a reader of the numbers a page shows."""

import re

import pytest

from huisvanhetkind.network.models import Group, Role
from tests.conftest import with_second_factor
from tests.factories import GroupFactory, GroupMembershipFactory, RoleFactory, UserFactory


@pytest.fixture
def steering_member(house, organisation):
    user = with_second_factor(UserFactory(email="stuurgroep@example.be"))
    RoleFactory(user=user, kind=Role.Kind.ORGANISATION_WORKER, organisation=organisation)
    group = GroupFactory(house=house, kind=Group.Kind.STEERING, name="Stuurgroep")
    GroupMembershipFactory(group=group, user=user, organisation=organisation)
    return user


def numbers_in_cells(html: str) -> list[int]:
    """Every plain number shown in a table cell of the page."""
    return [int(n) for n in re.findall(r"<td>(\d+)</td>", html)]
