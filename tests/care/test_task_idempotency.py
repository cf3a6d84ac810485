"""The signal index's retention runs at least once (core.requeue): a second run deletes and
audits nothing twice."""

from datetime import timedelta

import pytest
from django.utils import timezone

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.care import tasks
from huisvanhetkind.care.models import Signal
from tests.care.conftest import record

pytestmark = pytest.mark.django_db


def test_the_retention_twice_erases_and_audits_once(house, worker, organisation):
    record(house, worker, organisation, today=timezone.localdate() - timedelta(days=731))
    assert tasks.erase_ended_signals.call() == 1
    assert tasks.erase_ended_signals.call() == 0
    assert not Signal.objects.exists()
    assert (
        AuditEvent.objects.filter(action=AuditEvent.Action.ERASE, target_type="care.signal").count()
        == 1
    )
