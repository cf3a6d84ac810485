"""The houses an app server keeps in memory (network.selectors, HOUSE_CACHE_SECONDS)."""

import pytest
from django.test import override_settings

from huisvanhetkind.network.models import House
from huisvanhetkind.network.selectors import forget_houses, house_by_domain, house_by_slug

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _kept_houses():
    forget_houses()
    with override_settings(HOUSE_CACHE_SECONDS=30):
        yield
    forget_houses()


def test_a_house_is_read_once(house, django_assert_num_queries):
    with django_assert_num_queries(1):
        first = house_by_slug(house.slug)
        second = house_by_slug(house.slug)
    assert first.pk == second.pk == house.pk


def test_every_request_gets_its_own_copy(house):
    first = house_by_slug(house.slug)
    first.name = "Veranderd maar niet bewaard"
    assert house_by_slug(house.slug).name == house.name


def test_a_saved_change_is_seen_at_once(house):
    house_by_slug(house.slug)
    house.name = "Huis van het Kind Nieuwe Naam"
    house.save()
    assert house_by_slug(house.slug).name == "Huis van het Kind Nieuwe Naam"
    house.is_active = False
    house.save()
    assert house_by_slug(house.slug) is None


def test_an_unknown_name_is_not_kept(house, django_assert_num_queries):
    with django_assert_num_queries(2):
        assert house_by_slug("bestaat-niet") is None
        assert house_by_slug("bestaat-niet") is None


def test_a_host_name_without_a_house_is_kept_until_a_house_takes_it(
    house, django_assert_num_queries
):
    with django_assert_num_queries(1):
        assert house_by_domain("huisvanhetkind.example.be") is None
        assert house_by_domain("huisvanhetkind.example.be") is None
    house.domain = "huisvanhetkind.example.be"
    house.save()
    assert house_by_domain("huisvanhetkind.example.be").pk == house.pk


def test_without_the_setting_every_lookup_reads(house, django_assert_num_queries):
    with override_settings(HOUSE_CACHE_SECONDS=0), django_assert_num_queries(2):
        house_by_slug(house.slug)
        house_by_slug(house.slug)
    assert House.objects.filter(slug=house.slug).exists()
