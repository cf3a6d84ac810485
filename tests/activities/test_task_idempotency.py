"""The tasks of activities run at least once (core.requeue): a second run, after the first or
beside it, has no second effect."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from huisvanhetkind.activities import ical_import, services_registrations, tasks
from huisvanhetkind.activities.models import Activity, ImportedEvent, Registration, Session
from huisvanhetkind.audit.models import AuditEvent
from tests.activities.conftest import make_session, register
from tests.activities.test_ical_import import ics, vevent
from tests.core.interleave import another_run_before_the_first_write

pytestmark = pytest.mark.django_db


@pytest.fixture
def tomorrow(activity):
    session = make_session(activity, days=1)
    register(session, email="morgen@example.be")
    mail.outbox.clear()
    return session


def test_the_reminders_twice_are_one_e_mail(tomorrow, on_commit):
    with on_commit():
        assert tasks.send_activity_reminders.call() == 1
        assert tasks.send_activity_reminders.call() == 0
    assert [m.to for m in mail.outbox] == [["morgen@example.be"]]


def test_the_reminders_beside_another_run_are_one_e_mail(tomorrow, on_commit, monkeypatch):
    with on_commit():
        other = another_run_before_the_first_write(
            monkeypatch,
            services_registrations,
            lambda: services_registrations.registrations_send_reminders(),
        )
        assert tasks.send_activity_reminders.call() == 0  # the other run sent it
    assert other.ran
    assert [m.to for m in mail.outbox] == [["morgen@example.be"]]


def test_registrations_erased_twice_are_erased_and_audited_once(activity, settings):
    settings.REGISTRATION_RETENTION_DAYS = 30
    old = make_session(activity, days=1)
    register(old, name="Oud Gezin")
    Session.objects.filter(pk=old.pk).update(
        starts_at=old.starts_at - timedelta(days=40), ends_at=old.ends_at - timedelta(days=40)
    )
    assert tasks.erase_expired_registrations.call() == 1
    assert tasks.erase_expired_registrations.call() == 0
    assert Registration.objects.get().name == ""
    assert AuditEvent.objects.filter(action=AuditEvent.Action.ERASE).count() == 1


def test_a_photo_erased_twice_is_erased_and_audited_once(activity, settings):
    settings.ACTIVITY_PHOTO_RETENTION_DAYS = 30
    Activity.objects.filter(pk=activity.pk).update(
        image="activities/oud.jpg", updated_at=timezone.now() - timedelta(days=60)
    )
    assert tasks.erase_expired_photos.call()["activities"] == 1
    assert tasks.erase_expired_photos.call()["activities"] == 0
    activity.refresh_from_db()
    assert not activity.image
    assert AuditEvent.objects.filter(action=AuditEvent.Action.ERASE).count() == 1


def test_a_feed_imported_twice_is_imported_once(house, organisation, worker, monkeypatch):
    monkeypatch.setattr(ical_import, "fetch", lambda url: ics(vevent()))
    arguments = {
        "house_id": house.pk,
        "organisation_id": organisation.pk,
        "user_id": worker.pk,
        "url": "https://opvoedingspunt.example.be/agenda.ics",
        "language": "nl",
    }
    first = tasks.import_ical_url.call(**arguments)
    assert first["saved"], first
    counts = (Activity.objects.count(), Session.objects.count(), ImportedEvent.objects.count())
    assert counts == (1, 1, 1)
    tasks.import_ical_url.call(**arguments)
    assert (
        Activity.objects.count(),
        Session.objects.count(),
        ImportedEvent.objects.count(),
    ) == counts
