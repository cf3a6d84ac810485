"""The states of a request about a family's rights that the house handles (GDPR art. 15-22).

The coordinator logs a request as received, takes it in hand, may extend its deadline once (by
two months, with a reason: art. 12(3)), and answers or refuses it (with a reason: art. 12(4)).
``ensure_transition`` refuses any other move with a Dutch message naming both states.
"""

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.core import workflow


class RequestStatus(models.TextChoices):
    RECEIVED = "received", _("ontvangen")
    IN_PROGRESS = "in_progress", _("in behandeling")
    EXTENDED = "extended", _("termijn verlengd")
    ANSWERED = "answered", _("beantwoord")
    REFUSED = "refused", _("geweigerd")


S = RequestStatus
ALLOWED_TRANSITIONS: dict[str, set[str]] = {
    S.RECEIVED: {S.IN_PROGRESS, S.EXTENDED, S.ANSWERED, S.REFUSED},
    S.IN_PROGRESS: {S.EXTENDED, S.ANSWERED, S.REFUSED},
    S.EXTENDED: {S.ANSWERED, S.REFUSED},
}
OPEN_STATES = (S.RECEIVED, S.IN_PROGRESS, S.EXTENDED)
CLOSED_STATES = (S.ANSWERED, S.REFUSED)


def ensure_transition(old: str, new: str) -> None:
    workflow.check_transition(
        RequestStatus,
        ALLOWED_TRANSITIONS,
        old,
        new,
        gettext("Een verzoek met status “%(old)s” kan niet “%(new)s” worden."),
    )
