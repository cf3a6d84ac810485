"""The states of a parent's question and the transitions between them."""

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.core import workflow


class QuestionStatus(models.TextChoices):
    NEW = "new", _("nieuw")
    ASSIGNED = "assigned", _("toegewezen")
    IN_PROGRESS = "in_progress", _("in behandeling")
    ANSWERED = "answered", _("beantwoord")
    CLOSED = "closed", _("afgesloten")


S = QuestionStatus

ALLOWED_TRANSITIONS = {
    # NEW/ASSIGNED again: forwarded to another partner (with or without a person).
    S.NEW: {S.ASSIGNED, S.IN_PROGRESS, S.ANSWERED, S.CLOSED},
    S.ASSIGNED: {S.NEW, S.IN_PROGRESS, S.ANSWERED, S.CLOSED},
    S.IN_PROGRESS: {S.NEW, S.ASSIGNED, S.ANSWERED, S.CLOSED},
    # IN_PROGRESS again: the parent asked a follow-up question.
    S.ANSWERED: {S.IN_PROGRESS, S.CLOSED},
    S.CLOSED: {S.IN_PROGRESS},
}

OPEN_STATES = (S.NEW, S.ASSIGNED, S.IN_PROGRESS)
FORWARDABLE_STATES = OPEN_STATES


def can_transition(old: str, new: str) -> bool:
    return workflow.can_transition(ALLOWED_TRANSITIONS, old, new)


def ensure_transition(old: str, new: str) -> None:
    """Raise a ValidationError (in Dutch) when ``old`` may not become ``new``."""
    workflow.check_transition(
        QuestionStatus,
        ALLOWED_TRANSITIONS,
        old,
        new,
        gettext("Een vraag met status “%(old)s” kan niet “%(new)s” worden."),
    )
