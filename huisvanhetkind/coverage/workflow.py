"""The states of a gap as the coordinator marks it. A gap itself is computed, never stored; only
the coordinator's mark is (``GapStatus``). Every mark may become every other: marking is a
judgement, not a process, but it changes only through ``gap_status_set`` and this check."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.core import workflow


class GapState(models.TextChoices):
    KNOWN = "known", _("gekend")
    ACCEPTED = "accepted", _("aanvaard (we vullen dit hiaat bewust niet)")
    IN_PROGRESS = "in_progress", _("we werken eraan")


ALLOWED_TRANSITIONS = {
    state: tuple(other for other in GapState.values if other != state) for state in GapState.values
}


def ensure_transition(old: str, new: str) -> None:
    workflow.check_transition(GapState, ALLOWED_TRANSITIONS, old, new)
