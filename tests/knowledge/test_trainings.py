"""Trainings for professionals: the partners-only page, registering, attendance by the organiser
and the attendance certificate as PDF; outsiders see nothing."""

import pytest
from django.urls import reverse

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.knowledge.models import TrainingRegistration
from tests.conftest import logged_in

pytestmark = pytest.mark.django_db


def url(house, name, **kwargs):
    return reverse(f"knowledge:{name}", kwargs={"house_slug": house.slug, **kwargs})


def test_partners_see_trainings_and_register(house, outsider, training_session, session_family):
    client = logged_in(outsider)
    page = client.get(url(house, "trainings"))
    assert page.status_code == 200
    assert "armoede herkennen" in page.content.decode()
    assert "Speelbabbel" not in page.content.decode()
    response = client.post(url(house, "register", pk=training_session.pk))
    assert response.status_code == 302
    registration = TrainingRegistration.objects.get()
    assert registration.user == outsider
    assert AuditEvent.objects.filter(action="create", target_id=str(registration.pk)).exists()
    # Twice: a clear message, still one registration.
    response = client.post(url(house, "register", pk=training_session.pk), follow=True)
    assert "al ingeschreven" in response.content.decode()
    assert TrainingRegistration.objects.count() == 1
    # A family activity is not a training: 404.
    assert client.post(url(house, "register", pk=session_family.pk)).status_code == 404
    assert client.post(url(house, "unregister", pk=training_session.pk)).status_code == 302
    assert not TrainingRegistration.objects.exists()


def test_a_full_training_refuses(house, outsider, worker, coordinator, training_session):
    logged_in(worker).post(url(house, "register", pk=training_session.pk))
    logged_in(coordinator).post(url(house, "register", pk=training_session.pk))
    response = logged_in(outsider).post(url(house, "register", pk=training_session.pk), follow=True)
    assert "volzet" in response.content.decode()
    assert TrainingRegistration.objects.count() == 2


def test_attendance_and_certificate(house, worker, outsider, training_session):
    logged_in(outsider).post(url(house, "register", pk=training_session.pk))
    registration = TrainingRegistration.objects.get()
    # No certificate before attendance is marked.
    assert logged_in(outsider).get(url(house, "certificate", pk=registration.pk)).status_code == 404
    # Only the organiser (worker of the organising partner) marks attendance.
    assert (
        logged_in(outsider).get(url(house, "attendance", pk=training_session.pk)).status_code == 404
    )
    client = logged_in(worker)
    assert client.get(url(house, "attendance", pk=training_session.pk)).status_code == 200
    bad = client.post(url(house, "attendance", pk=training_session.pk), {"present": ["999999"]})
    assert bad.status_code == 400
    assert "Kies alleen mensen die ingeschreven zijn." in bad.content.decode()
    registration.refresh_from_db()
    assert registration.attended is None
    response = client.post(
        url(house, "attendance", pk=training_session.pk), {"present": [str(registration.pk)]}
    )
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.attended is True
    assert AuditEvent.objects.filter(action="update", target_id=str(registration.pk)).exists()
    pdf = logged_in(outsider).get(url(house, "certificate", pk=registration.pk))
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    # Somebody else's certificate: 404, even for the organiser.
    assert client.get(url(house, "certificate", pk=registration.pk)).status_code == 404


def test_outsiders_see_no_trainings(
    house, training_session, foreign_partner, other_coordinator, parent_client, outsider
):
    logged_in(outsider).post(url(house, "register", pk=training_session.pk))
    registration = TrainingRegistration.objects.get()
    registration.attended = True
    registration.save()
    for user in (foreign_partner, other_coordinator):
        client = logged_in(user)
        assert client.get(url(house, "trainings")).status_code == 404
        assert client.post(url(house, "register", pk=training_session.pk)).status_code == 404
        assert client.get(url(house, "attendance", pk=training_session.pk)).status_code == 404
        assert client.get(url(house, "certificate", pk=registration.pk)).status_code == 404
    for page in (
        url(house, "trainings"),
        url(house, "attendance", pk=training_session.pk),
        url(house, "certificate", pk=registration.pk),
    ):
        assert parent_client.get(page).status_code == 302
    assert parent_client.post(url(house, "register", pk=training_session.pk)).status_code == 302
    assert TrainingRegistration.objects.count() == 1
