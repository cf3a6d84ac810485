"""The babytheek's tasks run twice, after each other or beside each other, have the effect of
one run (tests/core/test_task_idempotency.py lists them)."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.babytheek import services, tasks
from huisvanhetkind.babytheek.models import Item, Membership, WaitlistEntry
from huisvanhetkind.babytheek.workflow import LoanStatus as S
from tests.babytheek.conftest import loan_of, today
from tests.core.interleave import another_run_before_the_first_write

pytestmark = pytest.mark.django_db


@pytest.fixture
def overdue(item, member):
    return loan_of(item, member, today() - timedelta(weeks=6), status=S.LENT)


def test_the_overdue_reminder_twice_is_one_e_mail(overdue, on_commit):
    with on_commit():
        assert tasks.send_overdue_reminders.call() == 1
        assert tasks.send_overdue_reminders.call() == 0
    assert [m.to for m in mail.outbox] == [["sara@example.be"]]


def test_the_overdue_reminder_beside_another_is_one_e_mail(overdue, on_commit, monkeypatch):
    with on_commit():
        other = another_run_before_the_first_write(
            monkeypatch, services, lambda: services.loans_remind_overdue()
        )
        assert tasks.send_overdue_reminders.call() == 0  # the other run sent it
    assert other.ran
    assert [m.to for m in mail.outbox] == [["sara@example.be"]]


@pytest.fixture
def waiting(house, item):
    return services.waitlist_join(
        actor=None, house=house, item=item, name="An", email="an@example.be"
    )


def test_the_waitlist_notice_twice_is_one_e_mail(waiting, on_commit):
    with on_commit():
        assert tasks.notify_waitlists.call() == 1
        assert tasks.notify_waitlists.call() == 0
    assert [m.to for m in mail.outbox] == [["an@example.be"]]


def test_the_waitlist_notice_beside_another_is_one_e_mail(waiting, on_commit, monkeypatch):
    with on_commit():
        other = another_run_before_the_first_write(
            monkeypatch, services, lambda: services.waitlists_notify()
        )
        assert tasks.notify_waitlists.call() == 0
    assert other.ran
    assert [m.to for m in mail.outbox] == [["an@example.be"]]


@pytest.fixture
def ended(house):
    return services.membership_create(
        actor=None,
        house=house,
        name="Oud lid",
        email="oud@example.be",
        valid_from=today() - timedelta(days=900),
        valid_until=today() - timedelta(days=500),
    )


def erasures(target) -> int:
    return AuditEvent.objects.filter(action="erase", target_id=str(target.pk)).count()


def test_erasing_memberships_twice_erases_once(ended):
    assert tasks.erase_expired_memberships.call() == 1
    assert tasks.erase_expired_memberships.call() == 0
    assert erasures(ended) == 1


def test_erasing_memberships_beside_another_erases_once(ended, monkeypatch):
    other = another_run_before_the_first_write(
        monkeypatch, services, lambda: services.memberships_erase_expired()
    )
    assert tasks.erase_expired_memberships.call() == 0
    assert other.ran
    assert Membership.objects.get(pk=ended.pk).name == ""
    assert erasures(ended) == 1


@pytest.fixture
def notified(waiting):
    WaitlistEntry.objects.filter(pk=waiting.pk).update(
        notified_at=timezone.now() - timedelta(days=30)
    )
    return waiting


def test_erasing_the_waitlist_twice_erases_once(notified):
    assert tasks.erase_expired_waitlist.call() == 1
    assert tasks.erase_expired_waitlist.call() == 0
    assert erasures(notified) == 1


def test_erasing_the_waitlist_beside_another_erases_once(notified, monkeypatch):
    other = another_run_before_the_first_write(
        monkeypatch, services, lambda: services.waitlist_erase_expired()
    )
    assert tasks.erase_expired_waitlist.call() == 0
    assert other.ran
    assert erasures(notified) == 1
    assert Item.objects.count() == 1
