"""The states of a care path, of its steps and of a step's handover between partners, and who
may make each move.

A path runs until every step is done or skipped (completed), until the organisation that started
it stops it, or until nobody may see it any more because no taking part organisation has a
current consent of the family (lapsed, by the daily job). A step is open, done (its checklist
ticked) or skipped (with a reason); the organisation that holds it moves it, and may reopen a
skipped step. A handover is offered by the organisation that holds the step and accepted or
declined by the organisation it is offered to (which needs a current consent of the family); the
offering organisation may withdraw it while it is open, and the system ends it when the path
ends. ``ensure_*`` refuse any other move with a Dutch message.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.core import workflow


class PathStatus(models.TextChoices):
    RUNNING = "running", _("lopend")
    COMPLETED = "completed", _("afgerond")
    STOPPED = "stopped", _("gestopt")
    LAPSED = "lapsed", _("vervallen (geen geldige toestemming meer)")


class StepStatus(models.TextChoices):
    OPEN = "open", _("open")
    DONE = "done", _("gedaan")
    SKIPPED = "skipped", _("overgeslagen")


class HandoverStatus(models.TextChoices):
    OFFERED = "offered", _("aangeboden")
    ACCEPTED = "accepted", _("aanvaard")
    DECLINED = "declined", _("geweigerd")
    WITHDRAWN = "withdrawn", _("ingetrokken")
    ENDED = "ended", _("vervallen")


class Actor(models.TextChoices):
    STARTER = "starter", _("organisatie die het zorgpad startte")
    HOLDER = "holder", _("organisatie die de stap opvolgt")
    RECEIVER = "receiver", _("organisatie waaraan de stap aangeboden wordt")
    SYSTEM = "system", _("systeem")


P, S, H, A = PathStatus, StepStatus, HandoverStatus, Actor

PATH_TRANSITIONS: dict[tuple[str, str], frozenset[str]] = {
    (P.RUNNING, P.COMPLETED): frozenset({A.SYSTEM}),
    (P.RUNNING, P.STOPPED): frozenset({A.STARTER}),
    (P.RUNNING, P.LAPSED): frozenset({A.SYSTEM}),
}
STEP_TRANSITIONS: dict[tuple[str, str], frozenset[str]] = {
    (S.OPEN, S.DONE): frozenset({A.HOLDER}),
    (S.OPEN, S.SKIPPED): frozenset({A.HOLDER}),
    (S.SKIPPED, S.OPEN): frozenset({A.HOLDER}),
}
HANDOVER_TRANSITIONS: dict[tuple[str, str], frozenset[str]] = {
    (H.OFFERED, H.ACCEPTED): frozenset({A.RECEIVER}),
    (H.OFFERED, H.DECLINED): frozenset({A.RECEIVER}),
    (H.OFFERED, H.WITHDRAWN): frozenset({A.HOLDER}),
    (H.OFFERED, H.ENDED): frozenset({A.SYSTEM}),
}

PATH_END_STATES = (P.COMPLETED, P.STOPPED, P.LAPSED)
STEP_FINISHED = (S.DONE, S.SKIPPED)


def _allowed(transitions) -> dict[str, set[str]]:
    allowed: dict[str, set[str]] = {}
    for old, new in transitions:
        allowed.setdefault(old, set()).add(new)
    return allowed


ALLOWED_PATH_TRANSITIONS = _allowed(PATH_TRANSITIONS)
ALLOWED_STEP_TRANSITIONS = _allowed(STEP_TRANSITIONS)
ALLOWED_HANDOVER_TRANSITIONS = _allowed(HANDOVER_TRANSITIONS)


def _ensure(states, transitions, allowed, old, new, actor, message, actor_message):
    workflow.check_transition(states, allowed, old, new, message)
    if actor not in transitions[(old, new)]:
        raise ValidationError(
            actor_message % {"actor": Actor(actor).label, "new": states(new).label},
            code="actor",
        )


def ensure_path_transition(old: str, new: str, actor: str) -> None:
    _ensure(
        PathStatus,
        PATH_TRANSITIONS,
        ALLOWED_PATH_TRANSITIONS,
        old,
        new,
        actor,
        gettext("Een zorgpad met status “%(old)s” kan niet “%(new)s” worden."),
        gettext("De %(actor)s kan een zorgpad niet “%(new)s” maken."),
    )


def ensure_step_transition(old: str, new: str, actor: str) -> None:
    _ensure(
        StepStatus,
        STEP_TRANSITIONS,
        ALLOWED_STEP_TRANSITIONS,
        old,
        new,
        actor,
        gettext("Een stap met status “%(old)s” kan niet “%(new)s” worden."),
        gettext("De %(actor)s kan een stap niet “%(new)s” maken."),
    )


def ensure_handover_transition(old: str, new: str, actor: str) -> None:
    _ensure(
        HandoverStatus,
        HANDOVER_TRANSITIONS,
        ALLOWED_HANDOVER_TRANSITIONS,
        old,
        new,
        actor,
        gettext("Een overdracht met status “%(old)s” kan niet “%(new)s” worden."),
        gettext("De %(actor)s kan een overdracht niet “%(new)s” maken."),
    )
