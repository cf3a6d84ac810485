"""The houses and their filters' reference lists an app server keeps in memory
(network.selectors, HOUSE_CACHE_SECONDS)."""

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from huisvanhetkind.network.models import AgeGroup, Domain, House, Municipality
from huisvanhetkind.network.selectors import (
    forget_houses,
    forget_reference_lists,
    house_by_domain,
    house_by_slug,
    house_reference_lists,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _kept_houses():
    forget_houses()
    forget_reference_lists()
    with override_settings(HOUSE_CACHE_SECONDS=30):
        yield
    forget_houses()
    forget_reference_lists()


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


def test_the_reference_lists_are_read_once_per_house(house, other_house, django_assert_num_queries):
    with django_assert_num_queries(3):
        lists = house_reference_lists(house)
        assert house_reference_lists(house) is lists
    assert [m.name for m in lists["municipalities"]] == ["Kalmthout"]
    assert [d.slug for d in lists["domains"]] == list(Domain.objects.values_list("slug", flat=True))
    assert [a.slug for a in lists["age_groups"]] == list(
        AgeGroup.objects.values_list("slug", flat=True)
    )
    with django_assert_num_queries(3):  # another house has its own
        assert len(house_reference_lists(other_house)["municipalities"]) == 5


def test_a_changed_reference_list_is_seen_at_once(house):
    house_reference_lists(house)
    domain = Domain.objects.get(slug="gezondheid")
    domain.name = "Gezondheid en welzijn"
    domain.save()
    assert "Gezondheid en welzijn" in [d.name for d in house_reference_lists(house)["domains"]]
    house.municipalities.add(Municipality.objects.get(name="Essen"))
    names = [m.name for m in house_reference_lists(house)["municipalities"]]
    assert names == ["Essen", "Kalmthout"]


def test_the_calendar_reads_its_filters_from_the_kept_lists(house, parent_client):
    age_group = AgeGroup.objects.order_by("position").last()
    url = reverse("activities:calendar", kwargs={"house_slug": house.slug})
    url += f"?leeftijd={age_group.slug}"

    def page_queries():
        with CaptureQueriesContext(connection) as captured:
            response = parent_client.get(url)
        assert response.status_code == 200
        assert f'<option value="{age_group.slug}" selected>' in response.content.decode()
        return len(captured)

    page_queries()  # the house is read and kept, and the lists
    forget_reference_lists()
    reading = page_queries()  # the lists are read again
    assert page_queries() == reading - 3


def test_without_the_setting_the_lists_are_read_each_time(house, django_assert_num_queries):
    with override_settings(HOUSE_CACHE_SECONDS=0), django_assert_num_queries(6):
        house_reference_lists(house)
        house_reference_lists(house)
