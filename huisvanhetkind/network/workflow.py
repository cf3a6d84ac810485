"""The states of a partner application ("Partner worden") and the steps between them.

A new organisation: pending → approved (it becomes a partner, its contact is invited as admin)
or declined. An organisation that already exists on the platform: pending → awaiting
confirmation by its own admins → approved (confirmed: partner of the house) or declined
(refused). The coordinator of the house takes the first step, the organisation's admins the
second; the audit trail is the history of each step."""

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.core.workflow import check_transition


class ApplicationStatus(models.TextChoices):
    PENDING = "pending", _("te beoordelen")
    # Approved by the coordinator for an organisation that already exists: its own admins
    # (or a platform admin) confirm the partnership; the applicant gets nothing on it.
    AWAITING_ORGANISATION = "awaiting", _("wacht op bevestiging door de organisatie")
    APPROVED = "approved", _("goedgekeurd")
    DECLINED = "declined", _("afgewezen")


# The coordinator of the house decides a pending application ...
COORDINATOR_STEPS = {
    ApplicationStatus.PENDING: {
        ApplicationStatus.APPROVED,
        ApplicationStatus.AWAITING_ORGANISATION,
        ApplicationStatus.DECLINED,
    },
}
# ... and the admins of an existing organisation answer the coordinator's approval.
ORGANISATION_STEPS = {
    ApplicationStatus.AWAITING_ORGANISATION: {
        ApplicationStatus.APPROVED,
        ApplicationStatus.DECLINED,
    },
}
ALLOWED_TRANSITIONS = {
    state: COORDINATOR_STEPS.get(state, set()) | ORGANISATION_STEPS.get(state, set())
    for state in ApplicationStatus
}

# Applications still being handled: a second one for the same organisation is refused.
OPEN_STATES = (ApplicationStatus.PENDING, ApplicationStatus.AWAITING_ORGANISATION)


def ensure_transition(old: str, new: str, *, steps: dict = ALLOWED_TRANSITIONS) -> None:
    """Refuse a move the workflow (or the part of it named by ``steps``, the coordinator's or the
    organisation's) does not allow; every refused move is one about a decided application."""
    check_transition(
        ApplicationStatus, steps, old, new, message=gettext("Over deze aanvraag is al beslist.")
    )
