"""The states of a babytheek loan and the moves between them.

A family reserves an item for a pick-up date; a volunteer hands it over (lent) and takes it
back (returned); the family or a volunteer cancels a reservation. "Overdue" is no state: a lent
item whose due date has passed (``Loan.is_overdue``). ``ensure_transition`` refuses any other
move with a Dutch message naming both states.
"""

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.core import workflow


class LoanStatus(models.TextChoices):
    RESERVED = "reserved", _("gereserveerd")
    LENT = "lent", _("uitgeleend")
    RETURNED = "returned", _("teruggebracht")
    CANCELLED = "cancelled", _("geannuleerd")


S = LoanStatus
ALLOWED_TRANSITIONS: dict[str, set[str]] = {
    S.RESERVED: {S.LENT, S.CANCELLED},
    S.LENT: {S.RETURNED},
}
# The states that hold an item: the database refuses two of them for one item at once
# (migration 0002).
HOLDS_ITEM = (S.RESERVED, S.LENT)


def ensure_transition(old: str, new: str) -> None:
    workflow.check_transition(
        LoanStatus,
        ALLOWED_TRANSITIONS,
        old,
        new,
        gettext("Een ontlening met status “%(old)s” kan niet “%(new)s” worden."),
    )
