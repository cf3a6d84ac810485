"""The states of a partner application ("Partner worden") and the steps between them.

A new organisation: pending → approved (it becomes a partner, its contact is invited as admin)
or declined. An organisation that already exists on the platform: pending → awaiting
confirmation by its own admins → approved (confirmed: partner of the house) or declined
(refused). The audit trail is the history of each step."""

from huisvanhetkind.network.models import PartnerApplication

ApplicationStatus = PartnerApplication.Status

ALLOWED_TRANSITIONS = {
    ApplicationStatus.PENDING: {
        ApplicationStatus.APPROVED,
        ApplicationStatus.AWAITING_ORGANISATION,
        ApplicationStatus.DECLINED,
    },
    ApplicationStatus.AWAITING_ORGANISATION: {
        ApplicationStatus.APPROVED,
        ApplicationStatus.DECLINED,
    },
    ApplicationStatus.APPROVED: set(),
    ApplicationStatus.DECLINED: set(),
}

# Applications still being handled: a second one for the same organisation is refused.
OPEN_STATES = (ApplicationStatus.PENDING, ApplicationStatus.AWAITING_ORGANISATION)


def can_transition(current: str, target: str) -> bool:
    return ApplicationStatus(target) in ALLOWED_TRANSITIONS[ApplicationStatus(current)]
