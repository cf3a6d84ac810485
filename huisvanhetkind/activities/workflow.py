"""The states of a registration and the moves allowed between them."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("ingeschreven")
    WAITLISTED = "waitlisted", _("op de wachtlijst")
    CANCELLED = "cancelled", _("geannuleerd")


S = RegistrationStatus

ALLOWED_TRANSITIONS = {
    S.CONFIRMED: {S.CANCELLED},
    S.WAITLISTED: {S.CONFIRMED, S.CANCELLED},
    S.CANCELLED: set(),
}
ACTIVE_STATES = (S.CONFIRMED, S.WAITLISTED)


def ensure_transition(source: str, target: str) -> None:
    if target not in ALLOWED_TRANSITIONS.get(source, set()):
        raise ValidationError(_("Deze inschrijving kan niet meer gewijzigd worden."))
