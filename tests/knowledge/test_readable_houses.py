"""The houses whose library a professional reads (the dashboard's links): one query however many
houses the platform serves."""

import pytest

from huisvanhetkind.knowledge.access import readable_houses
from huisvanhetkind.network.models import Partnership
from tests.factories import HouseFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_a_partner_reads_the_houses_of_its_active_partnerships(worker, house, other_house):
    assert readable_houses(worker) == [house]


def test_an_ended_partnership_is_no_longer_read(worker, house, organisation):
    Partnership.objects.filter(organisation=organisation, house=house).update(
        status=Partnership.Status.ENDED
    )
    assert readable_houses(worker) == []


def test_a_coordinator_reads_their_own_house(coordinator, house, other_house):
    assert readable_houses(coordinator) == [house]


def test_an_outsider_and_a_family_read_none(foreign_partner, house, other_house, parent_client):
    assert other_house in readable_houses(foreign_partner)
    assert house not in readable_houses(foreign_partner)
    assert readable_houses(UserFactory()) == []


def test_a_platform_admin_reads_every_house(house, other_house):
    admin = UserFactory(is_staff=True, is_superuser=True)
    assert set(readable_houses(admin)) == {house, other_house}


def test_one_query_however_many_houses(worker, house, django_assert_max_num_queries):
    for _ in range(20):
        HouseFactory()
    with django_assert_max_num_queries(2):  # the user's roles, then the houses
        assert readable_houses(worker) == [house]
