"""The states of an action of the annual plan and the moves between them.

An action is planned, then running, then done; it can be postponed (and picked up again) or
dropped. A done or dropped action can be reopened (running) when the steering group decides so.
``ensure_transition`` refuses any other move with a Dutch message naming both states.
"""

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.core import workflow


class ActionStatus(models.TextChoices):
    PLANNED = "planned", _("gepland")
    RUNNING = "running", _("lopend")
    DONE = "done", _("afgerond")
    POSTPONED = "postponed", _("uitgesteld")
    DROPPED = "dropped", _("geschrapt")


S = ActionStatus

ALLOWED_TRANSITIONS: dict[str, set[str]] = {
    S.PLANNED: {S.RUNNING, S.POSTPONED, S.DROPPED},
    S.RUNNING: {S.DONE, S.POSTPONED, S.DROPPED},
    S.POSTPONED: {S.PLANNED, S.RUNNING, S.DROPPED},
    S.DONE: {S.RUNNING},
    S.DROPPED: {S.PLANNED},
}


def ensure_transition(old: str, new: str) -> None:
    workflow.check_transition(
        ActionStatus,
        ALLOWED_TRANSITIONS,
        old,
        new,
        gettext("Een actie met status “%(old)s” kan niet “%(new)s” worden."),
    )


def next_states(old: str) -> list[ActionStatus]:
    return [state for state in ActionStatus if state in ALLOWED_TRANSITIONS.get(old, ())]
