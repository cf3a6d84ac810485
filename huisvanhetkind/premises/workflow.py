"""The states of a room booking and the moves between them.

A partner requests a booking; the house's coordinator approves or declines it; the partner that
requested it (before the house's cut-off) or the coordinator cancels it. ``ensure_transition``
refuses any other move with a Dutch message naming both states.
"""

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.core import workflow


class BookingStatus(models.TextChoices):
    REQUESTED = "requested", _("aangevraagd")
    APPROVED = "approved", _("goedgekeurd")
    DECLINED = "declined", _("afgewezen")
    CANCELLED = "cancelled", _("geannuleerd")


S = BookingStatus
ALLOWED_TRANSITIONS: dict[str, set[str]] = {
    S.REQUESTED: {S.APPROVED, S.DECLINED, S.CANCELLED},
    S.APPROVED: {S.CANCELLED},
}
# The states that hold a room: only approved bookings block it (the database constraint).
HOLDS_ROOM = (S.APPROVED,)
OPEN_STATES = (S.REQUESTED, S.APPROVED)


def ensure_transition(old: str, new: str) -> None:
    workflow.check_transition(
        BookingStatus,
        ALLOWED_TRANSITIONS,
        old,
        new,
        gettext("Een reservatie met status “%(old)s” kan niet “%(new)s” worden."),
    )
