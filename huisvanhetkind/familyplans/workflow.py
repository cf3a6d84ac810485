"""The states of a family plan and of each of its actions, and who may move them.

A plan runs from the round table until it is closed (final). An action is open, in progress,
done or dropped; a done or dropped action can be opened again. ``ensure_action_transition``
refuses any other move with a Dutch message naming both states.
"""

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.core import workflow


class PlanStatus(models.TextChoices):
    ACTIVE = "active", _("lopend")
    CLOSED = "closed", _("afgesloten")


class ActionStatus(models.TextChoices):
    OPEN = "open", _("open")
    IN_PROGRESS = "in_progress", _("bezig")
    DONE = "done", _("gedaan")
    DROPPED = "dropped", _("geschrapt")


A = ActionStatus

ALLOWED_ACTION_TRANSITIONS: dict[str, set[str]] = {
    A.OPEN: {A.IN_PROGRESS, A.DONE, A.DROPPED},
    A.IN_PROGRESS: {A.OPEN, A.DONE, A.DROPPED},
    A.DONE: {A.OPEN},
    A.DROPPED: {A.OPEN},
}
ALLOWED_PLAN_TRANSITIONS: dict[str, set[str]] = {PlanStatus.ACTIVE: {PlanStatus.CLOSED}}

# An action still to be done: it can be late.
RUNNING_ACTION_STATES = (A.OPEN, A.IN_PROGRESS)


def action_next_states(old: str) -> list[str]:
    return [state for state in A if state in ALLOWED_ACTION_TRANSITIONS.get(old, set())]


def ensure_action_transition(old: str, new: str) -> None:
    workflow.check_transition(
        ActionStatus,
        ALLOWED_ACTION_TRANSITIONS,
        old,
        new,
        gettext("Een actie met status “%(old)s” kan niet “%(new)s” worden."),
    )


def ensure_plan_transition(old: str, new: str) -> None:
    workflow.check_transition(
        PlanStatus,
        ALLOWED_PLAN_TRANSITIONS,
        old,
        new,
        gettext("Een gezinsplan met status “%(old)s” kan niet “%(new)s” worden."),
    )
