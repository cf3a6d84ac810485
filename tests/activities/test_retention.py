"""Reminders the day before, and erasure of personal data after the retention period."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from huisvanhetkind.activities import selectors, services_registrations
from huisvanhetkind.activities.models import Registration
from huisvanhetkind.audit.models import AuditEvent
from tests.activities.conftest import make_session, register

pytestmark = pytest.mark.django_db


def test_reminder_is_sent_once_the_day_before(activity, on_commit):
    tomorrow = make_session(activity, days=1)
    later = make_session(activity, days=5)
    register(tomorrow, email="morgen@example.be")
    register(tomorrow, email="", phone="0470 00 00 00", name="Zonder mail")
    register(later, email="later@example.be")
    mail.outbox.clear()

    with on_commit():
        call_command("send_activity_reminders")
    with on_commit():
        call_command("send_activity_reminders")

    assert [m.to for m in mail.outbox] == [["morgen@example.be"]]
    assert "Morgen" in mail.outbox[0].subject


def test_personal_data_is_erased_after_retention_and_counts_remain(activity, settings):
    settings.REGISTRATION_RETENTION_DAYS = 30
    old = make_session(activity, days=1)
    recent = make_session(activity, days=2)
    register(old, name="Oud Gezin", remarks="rolstoel", social_tariff=True, children_ages=[1, 2])
    register(recent, name="Recent Gezin")
    old.starts_at -= timedelta(days=40)
    old.ends_at -= timedelta(days=40)
    old.save()

    call_command("erase_expired_registrations")

    erased = Registration.objects.get(session=old)
    kept = Registration.objects.get(session=recent)
    assert erased.erased_at is not None
    assert (erased.name, erased.email, erased.phone, erased.remarks) == ("", "", "", "")
    assert erased.token_hash is None and erased.children_ages == []
    assert erased.children == 2 and erased.social_tariff is True
    assert kept.name == "Recent Gezin"
    assert AuditEvent.objects.filter(action=AuditEvent.Action.ERASE).count() == 1
    figures = selectors.activity_figures(activity)
    assert figures["registrations"] == 2 and figures["social_tariff"] == 1


def test_retention_default_is_six_months(settings):
    del settings.REGISTRATION_RETENTION_DAYS

    assert services_registrations.retention_days() == 183


def test_erasure_runs_once(activity):
    session = make_session(activity, days=1)
    register(session)
    session.starts_at = timezone.now() - timedelta(days=400)
    session.ends_at = session.starts_at + timedelta(hours=1)
    session.save()

    assert services_registrations.registrations_erase_expired() == 1
    assert services_registrations.registrations_erase_expired() == 0
