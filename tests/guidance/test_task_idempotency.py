"""Guidance's retention runs at least once (core.requeue): a second run, after the first or
beside it, erases and audits nothing twice."""

from datetime import timedelta

import pytest
from django.utils import timezone

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.guidance import services, tasks
from huisvanhetkind.guidance.models import CaseloadEntry
from tests.core.interleave import another_run_before_the_first_call
from tests.guidance.conftest import family_data, start

pytestmark = pytest.mark.django_db


@pytest.fixture
def ended_long_ago(house, bridge_worker):
    entry = start(house, bridge_worker, family=family_data(email="oud@example.be"))
    services.caseload_end(entry=entry, actor=bridge_worker, reason="done")
    ended = timezone.localdate() - timedelta(days=400)
    CaseloadEntry.objects.filter(pk=entry.pk).update(ended_on=ended, started_on=ended)
    return entry


def erasures_of(entry) -> int:
    return AuditEvent.objects.filter(
        action=AuditEvent.Action.ERASE,
        target_type="guidance.caseloadentry",
        target_id=str(entry.pk),
    ).count()


def test_the_retention_twice_erases_and_audits_once(ended_long_ago):
    assert tasks.erase_expired_caseloads.call() == 1
    assert tasks.erase_expired_caseloads.call() == 0
    assert erasures_of(ended_long_ago) == 1


def test_the_retention_beside_another_run_audits_once(ended_long_ago, monkeypatch):
    other = another_run_before_the_first_call(
        monkeypatch, services, "caseload_erase", lambda: services.caseloads_erase_expired()
    )
    services.caseloads_erase_expired()
    assert other["ran"]
    ended_long_ago.refresh_from_db()
    assert ended_long_ago.erased_at is not None and ended_long_ago.family_id is None
    assert erasures_of(ended_long_ago) == 1
