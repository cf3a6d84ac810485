"""Declined partner applications lose their personal data PARTNER_APPLICATION_RETENTION_DAYS
after the decision."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.network import services
from huisvanhetkind.network.models import PartnerApplication
from huisvanhetkind.network.workflow import ApplicationStatus
from tests.factories import PartnerApplicationFactory

pytestmark = pytest.mark.django_db

PERSONAL = {
    "contact_name": "An Peeters",
    "contact_email": "an@vereniging.example.be",
    "email": "info@vereniging.example.be",
    "phone": "03 000 00 01",
    "description": "Speelnamiddagen, gegeven door An.",
    "motivation": "An wil ouders bereiken.",
}


def decided(house, status, days_ago, **fields):
    application = PartnerApplicationFactory(house=house, status=status, **PERSONAL, **fields)
    PartnerApplication.objects.filter(pk=application.pk).update(
        decided_at=timezone.now() - timedelta(days=days_ago),
        decision_reason="Jullie werken niet in Kalmthout, zegt An.",
    )
    return application


def test_a_declined_application_is_erased_a_year_after_the_decision_and_audited(house, settings):
    settings.PARTNER_APPLICATION_RETENTION_DAYS = 365
    old = decided(house, ApplicationStatus.DECLINED, 366)
    call_command("erase_expired_applications")
    old.refresh_from_db()
    assert old.erased_at is not None
    for field in PERSONAL:
        assert getattr(old, field) == "", field
    assert old.decision_reason == ""
    # What the coordinator still needs to know: who applied, when, and that it was declined.
    assert old.organisation_name.startswith("Nieuwe vereniging")
    assert old.status == ApplicationStatus.DECLINED
    assert old.decided_at and old.submitted_at
    event = AuditEvent.objects.get(action="erase", target_id=str(old.pk))
    assert event.house == house
    assert event.actor is None
    assert "365" in event.reason


def test_recent_pending_and_approved_applications_keep_their_data(house, settings):
    """The negative side: only declined applications past the retention period are erased."""
    settings.PARTNER_APPLICATION_RETENTION_DAYS = 365
    recent = decided(house, ApplicationStatus.DECLINED, 300)
    approved = decided(house, ApplicationStatus.APPROVED, 800)
    pending = PartnerApplicationFactory(house=house, **PERSONAL)
    old = decided(house, ApplicationStatus.DECLINED, 400)
    assert services.applications_erase_expired() == 1  # the positive control: ``old``
    old.refresh_from_db()
    assert old.contact_email == ""
    for application in (recent, approved, pending):
        application.refresh_from_db()
        assert application.contact_email == PERSONAL["contact_email"]
        assert application.erased_at is None
    assert services.applications_erase_expired() == 0  # nothing twice
    assert AuditEvent.objects.filter(action="erase").count() == 1


def test_the_retention_period_is_a_setting(house, settings):
    application = decided(house, ApplicationStatus.DECLINED, 40)
    settings.PARTNER_APPLICATION_RETENTION_DAYS = 60
    assert services.applications_erase_expired() == 0
    settings.PARTNER_APPLICATION_RETENTION_DAYS = 30
    assert services.applications_erase_expired() == 1
    application.refresh_from_db()
    assert application.contact_email == ""
