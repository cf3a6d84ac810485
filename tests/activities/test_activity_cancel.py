"""Cancelling a whole activity tells every family registered for one of its coming sessions."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse

from huisvanhetkind.activities import services, services_registrations
from huisvanhetkind.activities.models import Activity
from huisvanhetkind.audit.models import AuditEvent
from tests.activities.conftest import fill, make_session, register
from tests.conftest import logged_in

pytestmark = pytest.mark.django_db


def edit(client, activity, organisation, **changes):
    data = {
        "title": activity.title,
        "organisations": [organisation.pk],
        "audience": "families",
        "place": activity.place,
        "is_free": "on",
        "language": "nl",
        "registration": "required",
        "capacity": "2",
        "capacity_unit": "families",
        "status": "published",
    }
    data.update(changes)
    return client.post(reverse("activities:activity_edit", kwargs={"pk": activity.pk}), data)


def test_cancelling_an_activity_in_its_form_tells_every_family_of_its_coming_sessions(
    worker, activity, organisation, on_commit
):
    activity.capacity = 2
    activity.save()
    first, second = make_session(activity, days=2), make_session(activity, days=9)
    fill(first, 3, prefix="eerste")  # two confirmed, one on the waitlist
    register(second, email="tweede@example.be")
    register(second, email="", phone="0470 12 34 56", name="Zonder mail")
    gone, _signed = register(second, email="geannuleerd@example.be")
    services_registrations.registration_cancel(registration=gone)
    past = make_session(activity, days=-3)
    mail.outbox.clear()
    client = logged_in(worker)

    with on_commit():
        response = edit(client, activity, organisation, status="cancelled")

    assert response.status_code == 302
    told = sorted(address for message in mail.outbox for address in message.to)
    assert told == ["eerste0@example.be", "eerste1@example.be", "eerste2@example.be"] + [
        "tweede@example.be"
    ]
    assert all(m.subject == "Afgelast: Speelbabbel" for m in mail.outbox)
    assert "gaat helaas niet door" in mail.outbox[0].body
    activity.refresh_from_db()
    assert activity.status == Activity.Status.CANCELLED
    first.refresh_from_db(), second.refresh_from_db(), past.refresh_from_db()
    assert first.is_cancelled and second.is_cancelled and not past.is_cancelled
    event = AuditEvent.objects.filter(changes__has_key="sessions_cancelled").get()
    assert event.actor == worker
    assert event.changes["status"] == ["published", "cancelled"]
    assert event.changes["sessions_cancelled"] == [None, [first.pk, second.pk]]
    assert event.changes["registrations_told"] == [None, 4]
    assert event.changes["registrations_without_email"] == [None, 1]
    page = client.get(response["Location"])
    assert "De activiteit is afgelast" in page.content.decode()


def test_editing_an_activity_without_cancelling_it_tells_nobody(
    worker, activity, organisation, session, on_commit
):
    register(session)
    mail.outbox.clear()

    with on_commit():
        response = edit(logged_in(worker), activity, organisation, title="Speelbabbel XL")

    assert response.status_code == 302
    assert not mail.outbox
    session.refresh_from_db()
    assert not session.is_cancelled


def test_saving_a_cancelled_activity_again_tells_nobody_twice(
    worker, activity, organisation, session, on_commit
):
    register(session)
    client = logged_in(worker)
    with on_commit():
        edit(client, activity, organisation, status="cancelled")
    mail.outbox.clear()

    with on_commit():
        edit(client, activity, organisation, status="cancelled", title="Speelbabbel (afgelast)")
        services.session_cancel(session=session, actor=None)

    assert not mail.outbox


def test_the_service_cancels_and_tells_without_the_form(activity, session, on_commit):
    register(session, email="sara@example.be")
    mail.outbox.clear()

    with on_commit():
        told = services.activity_cancel(activity=activity, actor=None, message="Zaal onder water.")

    assert told == 1
    assert "Zaal onder water." in mail.outbox[0].body
    session.refresh_from_db()
    assert session.is_cancelled
    assert not services.activity_cancel(activity=activity, actor=None)


def test_an_outsider_cannot_cancel_an_activity(outsider, activity, organisation, session):
    register(session)

    response = edit(logged_in(outsider), activity, organisation, status="cancelled")

    assert response.status_code == 404
    activity.refresh_from_db()
    assert activity.status == Activity.Status.PUBLISHED
    assert not any(m.subject.startswith("Afgelast") for m in mail.outbox)


def test_a_session_that_started_already_is_not_cancelled(activity, on_commit):
    running = make_session(activity, days=0)
    running.starts_at -= timedelta(hours=3)
    running.save()

    services.activity_cancel(activity=activity, actor=None)

    running.refresh_from_db()
    assert not running.is_cancelled
