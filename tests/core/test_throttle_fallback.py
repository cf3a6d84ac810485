"""The limits of core.throttle fall back to counters in the database while the shared cache
(Redis) cannot be reached; the limits of the log-in (allauth's) fail closed. The public form of
a question shows both sides: tests/questions/test_cache_unreachable.py."""

import hashlib
from datetime import timedelta

import pytest
from django.contrib.auth import SESSION_KEY
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from huisvanhetkind.core import register, scheduler, throttle
from huisvanhetkind.core.models import ThrottleCount
from huisvanhetkind.core.tasks import erase_expired_throttle_counts
from tests.core.unreachable_cache import SETTINGS as UNREACHABLE
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_down(settings):
    settings.CACHES = UNREACHABLE


def test_with_the_cache_the_database_counts_nothing():
    assert throttle.allow("test-scope", "ouder@example.be", limit=1)
    assert not throttle.allow("test-scope", "ouder@example.be", limit=1)
    assert not ThrottleCount.objects.exists()


def test_without_the_cache_the_same_limit_is_counted_in_the_database(redis_down, caplog):
    assert [throttle.allow("test-scope", "ouder@example.be", limit=2) for _ in range(3)] == [
        True,
        True,
        False,
    ]
    # Someone else is counted apart.
    assert throttle.allow("test-scope", "ander@example.be", limit=2)
    row = ThrottleCount.objects.get(count=3)
    digest = hashlib.sha256(b"ouder@example.be").hexdigest()
    assert row.key == f"ratelimit:test-scope:{digest}"  # the address itself is not kept
    assert row.expires_at == row.window_start + timedelta(hours=1)
    assert "counted in the database" in caplog.text


def test_the_database_counter_starts_again_in_the_next_window():
    now = timezone.now()
    assert throttle.count_in_database("k", 60, now=now) == 1
    assert throttle.count_in_database("k", 60, now=now) == 2
    assert throttle.count_in_database("k", 60, now=now + timedelta(seconds=60)) == 1


def test_expired_counters_are_erased_by_a_daily_rule_of_the_register():
    now = timezone.now()
    throttle.count_in_database("old", 60, now=now - timedelta(hours=2))
    throttle.count_in_database("current", 3600, now=now)
    assert erase_expired_throttle_counts.call() == 1
    assert erase_expired_throttle_counts.call() == 0  # a second run erases nothing
    assert list(ThrottleCount.objects.values_list("key", flat=True)) == ["current"]
    assert "core.ThrottleCount" in register.declarations()
    job = scheduler.jobs()["core.erase_expired_throttle_counts"]
    assert job.task is erase_expired_throttle_counts


def test_the_log_in_fails_closed_without_the_cache(worker, redis_down):
    client = Client(raise_request_exception=False)
    response = client.post(reverse("account_login"), {"login": worker.email, "password": PASSWORD})
    assert response.status_code == 500
    page = response.content.decode()
    assert "Er ging iets mis" in page and "Traceback" not in page
    assert SESSION_KEY not in client.session


def test_the_log_in_works_again_when_the_cache_is_back(worker):
    """The positive control of the test above: the same log-in with the cache."""
    client = Client()
    response = client.post(reverse("account_login"), {"login": worker.email, "password": PASSWORD})
    assert response.status_code == 302
