"""The states of a survey and of the review of a free-text answer.

A survey is a *draft* until its author publishes it; a published survey is *scheduled* before
its opening moment, *open* between opening and closing, and *closed* after. Only the published
flag is stored: the other states follow from the clock (``survey_status``), so a survey closes
on time without a job. Publishing needs at least one question; a published survey goes back to
draft only while nobody answered it.

A free-text answer is *pending* until a person reviewed it for identifying details, then
*approved* (shown with the results) or *hidden*; a reviewer may change their mind.
"""

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.core import workflow


class SurveyStatus(models.TextChoices):
    DRAFT = "draft", _("ontwerp")
    SCHEDULED = "scheduled", _("gepland")
    OPEN = "open", _("open")
    CLOSED = "closed", _("gesloten")


class ReviewStatus(models.TextChoices):
    PENDING = "pending", _("na te lezen")
    APPROVED = "approved", _("goedgekeurd")
    HIDDEN = "hidden", _("verborgen")


S, R = SurveyStatus, ReviewStatus

# Publishing moves a draft to scheduled or open (by the clock); unpublishing the reverse.
ALLOWED_SURVEY_TRANSITIONS: dict[str, set[str]] = {
    S.DRAFT: {S.SCHEDULED, S.OPEN},
    S.SCHEDULED: {S.DRAFT},
    S.OPEN: {S.DRAFT},
}

ALLOWED_REVIEW_TRANSITIONS: dict[str, set[str]] = {
    R.PENDING: {R.APPROVED, R.HIDDEN},
    R.APPROVED: {R.HIDDEN},
    R.HIDDEN: {R.APPROVED},
}


def survey_status(*, published: bool, opens_at, closes_at, now) -> str:
    """The state of a survey at ``now``, from its published flag and its dates."""
    if not published:
        return S.DRAFT
    if now < opens_at:
        return S.SCHEDULED
    if now < closes_at:
        return S.OPEN
    return S.CLOSED


def ensure_survey_transition(old: str, new: str) -> None:
    workflow.check_transition(
        SurveyStatus,
        ALLOWED_SURVEY_TRANSITIONS,
        old,
        new,
        gettext("Een bevraging met status “%(old)s” kan niet “%(new)s” worden."),
    )


def ensure_review_transition(old: str, new: str) -> None:
    workflow.check_transition(
        ReviewStatus,
        ALLOWED_REVIEW_TRANSITIONS,
        old,
        new,
        gettext("Een antwoord met status “%(old)s” kan niet “%(new)s” worden."),
    )
