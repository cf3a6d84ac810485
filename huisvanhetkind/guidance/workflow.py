"""The states of a family's guidance and of its help questions (see ``core.workflow``)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.core.workflow import check_transition


class GuidanceStatus(models.TextChoices):
    ACTIVE = "active", _("in begeleiding")
    ENDED = "ended", _("begeleiding beëindigd")


GUIDANCE_TRANSITIONS = {GuidanceStatus.ACTIVE: (GuidanceStatus.ENDED,)}


class HelpQuestionStatus(models.TextChoices):
    OPEN = "open", _("open")
    ANSWERED = "answered", _("beantwoord")


HELP_QUESTION_TRANSITIONS = {
    HelpQuestionStatus.OPEN: (HelpQuestionStatus.ANSWERED,),
    # A question that comes back (the answer did not hold) is opened again.
    HelpQuestionStatus.ANSWERED: (HelpQuestionStatus.OPEN,),
}


def ensure_guidance_transition(old: str, new: str) -> None:
    check_transition(GuidanceStatus, GUIDANCE_TRANSITIONS, old, new)


def ensure_help_question_transition(old: str, new: str) -> None:
    check_transition(HelpQuestionStatus, HELP_QUESTION_TRANSITIONS, old, new)
