"""While Redis is down the public pages serve and a parent's question is still accepted, with
its limits counted in the database (core.throttle); the log-in fails closed
(tests/core/test_throttle_fallback.py)."""

import pytest
from django.test import Client

from huisvanhetkind.core.models import ThrottleCount
from huisvanhetkind.questions.models import Question
from tests.core.unreachable_cache import SETTINGS as UNREACHABLE
from tests.questions.conftest import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_down(settings):
    settings.CACHES = UNREACHABLE


def test_pages_serve_and_the_question_limits_hold_in_the_database(
    house, sleep_topic, sleep_rule, redis_down
):
    client = Client(REMOTE_ADDR="10.1.2.3")
    assert client.get(f"/{house.slug}/").status_code == 200
    for n in range(5):
        response = client.post(
            f"/{house.slug}/vraag/", form_data(house, sleep_topic, email=f"ouder{n}@example.be")
        )
        assert response.status_code == 302
    response = client.post(
        f"/{house.slug}/vraag/", form_data(house, sleep_topic, email="nog@example.be")
    )
    assert response.status_code == 429
    assert "voorbije uur al veel vragen" in response.content.decode()
    assert Question.objects.count() == 5
    assert ThrottleCount.objects.filter(key__startswith="ratelimit:question-ip:").get().count == 6
