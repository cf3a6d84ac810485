"""The network: a declined partner application past its retention."""

from huisvanhetkind.network.models import PartnerApplication
from huisvanhetkind.network.workflow import ApplicationStatus
from tests.factories import PartnerApplicationFactory

LABEL = "network.PartnerApplication"


def seed_application(sweep):
    marker = sweep.marker(LABEL)
    application = PartnerApplicationFactory(
        house=sweep.house,
        status=ApplicationStatus.DECLINED,
        email=sweep.email(LABEL),
        phone=sweep.phone(LABEL),
        contact_name=marker,
        contact_email=sweep.email(LABEL),
        motivation=f"Motivatie van {sweep.marker(LABEL)}",
        decision_reason=f"Geweigerd, zei {sweep.marker(LABEL)}",
    )
    PartnerApplication.objects.filter(pk=application.pk).update(decided_at=sweep.days_ago())


SEEDERS = {LABEL: seed_application}

KEPT = {
    "network.Organisation": "kept as long as the organisation is on the platform",
    "network.Role": "kept as long as the role; a revocation stays in the audit trail",
    "network.GroupMembership": "kept as long as the membership",
    "network.Invitation": "kept as proof of who invited whom (the link expires after 14 days)",
}
