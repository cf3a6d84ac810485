"""The states of an activity and of a registration, and the moves allowed between them.

Two things have a workflow here, so each name says whose it is: ``ACTIVITY_TRANSITIONS`` with
``ensure_activity_transition``, ``REGISTRATION_TRANSITIONS`` with
``ensure_registration_transition`` (the ``ALLOWED_TRANSITIONS`` and ``ensure_transition`` of
the house style, once per thing)."""

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.core.workflow import check_transition


class ActivityStatus(models.TextChoices):
    DRAFT = "draft", _("ontwerp")
    PUBLISHED = "published", _("gepubliceerd")
    CANCELLED = "cancelled", _("afgelast")


A = ActivityStatus

# An organiser may publish, take back, cancel and publish again (an imported event that returns
# to its feed is published again).
ACTIVITY_TRANSITIONS = {
    A.DRAFT: {A.PUBLISHED, A.CANCELLED},
    A.PUBLISHED: {A.DRAFT, A.CANCELLED},
    A.CANCELLED: {A.DRAFT, A.PUBLISHED},
}


def ensure_activity_transition(old: str, new: str) -> None:
    check_transition(ActivityStatus, ACTIVITY_TRANSITIONS, old, new)


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("ingeschreven")
    WAITLISTED = "waitlisted", _("op de wachtlijst")
    CANCELLED = "cancelled", _("geannuleerd")


S = RegistrationStatus

REGISTRATION_TRANSITIONS = {
    S.CONFIRMED: {S.CANCELLED},
    S.WAITLISTED: {S.CONFIRMED, S.CANCELLED},
    S.CANCELLED: set(),
}
ACTIVE_STATES = (S.CONFIRMED, S.WAITLISTED)


def ensure_registration_transition(old: str, new: str) -> None:
    check_transition(
        RegistrationStatus,
        REGISTRATION_TRANSITIONS,
        old,
        new,
        message=gettext("Deze inschrijving kan niet meer gewijzigd worden."),
    )
