"""The appointments' tasks run twice, after each other or beside each other, have the effect of
one run (tests/core/test_task_idempotency.py lists them)."""

from datetime import timedelta

import pytest
from django.core import mail

from huisvanhetkind.appointments import services, tasks
from huisvanhetkind.appointments.models import Appointment
from huisvanhetkind.audit.models import AuditEvent
from tests.appointments.conftest import book
from tests.core.interleave import another_run_before_the_first_write

pytestmark = pytest.mark.django_db


@pytest.fixture
def tomorrow(desk):
    appointment, _ = book(desk)
    return appointment


def test_the_reminder_twice_is_one_e_mail(tomorrow, on_commit, monkeypatch):
    day_before = tomorrow.starts_at - timedelta(days=1)
    monkeypatch.setattr(services.timezone, "now", lambda: day_before)
    with on_commit():
        assert tasks.send_reminders.call() == 1
        assert tasks.send_reminders.call() == 0
    assert [m.to for m in mail.outbox] == [["sara@example.be"]]


def test_the_reminder_beside_another_is_one_e_mail(tomorrow, on_commit, monkeypatch):
    day_before = tomorrow.starts_at - timedelta(days=1)
    monkeypatch.setattr(services.timezone, "now", lambda: day_before)
    with on_commit():
        other = another_run_before_the_first_write(
            monkeypatch, services, lambda: services.appointments_remind()
        )
        assert tasks.send_reminders.call() == 0  # the other run sent it
    assert other.ran
    assert [m.to for m in mail.outbox] == [["sara@example.be"]]


def test_the_erasure_twice_erases_once(tomorrow):
    Appointment.objects.filter(pk=tomorrow.pk).update(
        starts_at=tomorrow.starts_at - timedelta(days=400),
        ends_at=tomorrow.ends_at - timedelta(days=400),
    )
    assert tasks.erase_expired_appointments.call() == 1
    assert tasks.erase_expired_appointments.call() == 0
    assert AuditEvent.objects.filter(action="erase", target_id=str(tomorrow.pk)).count() == 1
