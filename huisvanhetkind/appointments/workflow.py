"""The states of an appointment and the moves between them.

A family books a slot (booked); the professional marks it done or no-show afterwards; the
family or the professional cancels a booked appointment. ``ensure_transition`` refuses any other
move with a Dutch message naming both states.
"""

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.core import workflow


class AppointmentStatus(models.TextChoices):
    BOOKED = "booked", _("geboekt")
    DONE = "done", _("geweest")
    NO_SHOW = "no_show", _("niet gekomen")
    CANCELLED = "cancelled", _("geannuleerd")


S = AppointmentStatus
ALLOWED_TRANSITIONS: dict[str, set[str]] = {
    S.BOOKED: {S.DONE, S.NO_SHOW, S.CANCELLED},
    S.DONE: {S.NO_SHOW},
    S.NO_SHOW: {S.DONE},
}
# The states that take a counter of a slot: the database refuses two of them on one counter of
# one slot (the partial unique constraint of Appointment).
TAKES_SLOT = (S.BOOKED, S.DONE, S.NO_SHOW)


def ensure_transition(old: str, new: str) -> None:
    workflow.check_transition(
        AppointmentStatus,
        ALLOWED_TRANSITIONS,
        old,
        new,
        gettext("Een afspraak met status “%(old)s” kan niet “%(new)s” worden."),
    )
