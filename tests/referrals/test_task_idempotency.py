"""The clock of referrals runs at least once (core.requeue): a second run, after the first or
beside it, sends no second e-mail and writes nothing twice."""

from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.referrals import services, services_clock, tasks
from huisvanhetkind.referrals.models import Referral
from huisvanhetkind.referrals.workflow import Actor, ReferralStatus
from tests.core.interleave import (
    another_run_before_the_first_call,
    another_run_before_the_first_write,
)
from tests.referrals.helpers import consent_data, send

pytestmark = pytest.mark.django_db

SENT = timezone.make_aware(datetime(2026, 6, 8, 10, 0))  # a Monday: due Monday 15 June
FRIDAY = date(2026, 6, 12)
TUESDAY = date(2026, 6, 16)


@pytest.fixture
def june(house, worker, organisation, receiving_organisation, receiving_service, receiver):
    referral, _token, _code = send(
        house,
        worker,
        organisation,
        receiving_organisation,
        receiving_service,
        consent=consent_data(expires_on=date(2026, 9, 1)),
        now=SENT,
    )
    return referral


def remind(day):
    return services_clock.referrals_send_reminders(
        today=day, now=timezone.make_aware(datetime(day.year, day.month, day.day, 7, 10))
    )


@pytest.mark.parametrize(("day", "kind"), [(FRIDAY, "reminders"), (TUESDAY, "escalations")])
def test_the_reminder_and_escalation_beside_another_run_are_one_e_mail(
    june, receiver, coordinator, day, kind, mailoutbox, on_commit, monkeypatch
):
    with on_commit():
        other = another_run_before_the_first_write(monkeypatch, services_clock, lambda: remind(day))
        assert remind(day)[kind] == 0  # the other run sent it
    assert other.ran
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ([receiver.email] if kind == "reminders" else [coordinator.email])


def test_an_expiry_twice_expires_once(june):
    later = timezone.make_aware(datetime(2026, 9, 2, 7, 0))
    assert services_clock.referrals_expire(today=later.date(), now=later) == 1
    assert services_clock.referrals_expire(today=later.date(), now=later) == 0
    june.refresh_from_db()
    assert june.status == ReferralStatus.EXPIRED


def test_an_expiry_beside_another_run_expires_once(june, monkeypatch):
    later = timezone.make_aware(datetime(2026, 9, 2, 7, 0))
    other = another_run_before_the_first_call(
        monkeypatch,
        services,
        "referral_transition",
        lambda: services_clock.referrals_expire(today=later.date(), now=later),
    )
    assert services_clock.referrals_expire(today=later.date(), now=later) == 0
    assert other["ran"]
    june.refresh_from_db()
    assert june.status == ReferralStatus.EXPIRED


@pytest.fixture
def old_ended(june, receiver):
    services.referral_transition(
        referral=june,
        to=ReferralStatus.DECLINED,
        actor_kind=Actor.RECEIVER,
        actor=receiver,
        decline_reason="no_capacity",
        decline_note="Volzet tot september.",
        now=timezone.now() - timedelta(days=400),
    )
    return june


def erasures_of(referral) -> int:
    return AuditEvent.objects.filter(
        action=AuditEvent.Action.ERASE, target_id=str(referral.pk)
    ).count()


def test_an_erasure_twice_and_beside_another_run_erases_and_audits_once(old_ended, monkeypatch):
    other = another_run_before_the_first_call(
        monkeypatch, services, "referral_erase", lambda: tasks.erase_expired_referrals.call()
    )
    tasks.erase_expired_referrals.call()
    assert other["ran"]
    assert tasks.erase_expired_referrals.call() == 0
    assert Referral.objects.get(pk=old_ended.pk).erased_at is not None
    assert erasures_of(old_ended) == 1
