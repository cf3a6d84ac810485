"""The catalogue and the day list take the same number of queries whatever the number of items
and loans."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from huisvanhetkind.babytheek.models import Item
from tests.babytheek.conftest import reserve, today
from tests.conftest import logged_in

pytestmark = pytest.mark.django_db


def add_items(house, count, start):
    for i in range(count):
        item = Item.objects.create(house=house, name=f"Artikel {start + i}")
        reserve(house, item, today() + timedelta(days=i % 3))


def queries(client, path) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


@pytest.mark.parametrize("page", ["/kalmthout/babytheek/", "/beheer/huis/kalmthout/babytheek/"])
def test_a_page_takes_the_same_queries_for_more_items(house, member, coordinator, page):
    client = logged_in(coordinator)
    add_items(house, 2, 0)
    client.get(page)  # warm the caches
    few = queries(client, page)
    add_items(house, 6, 2)
    assert queries(client, page) == few
