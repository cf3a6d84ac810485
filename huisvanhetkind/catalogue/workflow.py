"""The states of a service (aanbod) and the transitions between them."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.core import workflow


class ServiceStatus(models.TextChoices):
    DRAFT = "draft", _("concept")
    PUBLISHED = "published", _("gepubliceerd")
    ARCHIVED = "archived", _("gearchiveerd")


ALLOWED_TRANSITIONS = {
    ServiceStatus.DRAFT: {ServiceStatus.PUBLISHED, ServiceStatus.ARCHIVED},
    ServiceStatus.PUBLISHED: {ServiceStatus.DRAFT, ServiceStatus.ARCHIVED},
    ServiceStatus.ARCHIVED: {ServiceStatus.DRAFT},
}

# How our states appear in Open Referral HSDS 3.0 (drafts are never exported).
HSDS_STATUS = {ServiceStatus.PUBLISHED: "active", ServiceStatus.ARCHIVED: "inactive"}


def can_transition(current: str, target: str) -> bool:
    return workflow.can_transition(ALLOWED_TRANSITIONS, current, target)


def ensure_transition(old: str, new: str) -> None:
    """Raise a ValidationError (Dutch, naming both states) when ``old`` may not become ``new``."""
    workflow.check_transition(ServiceStatus, ALLOWED_TRANSITIONS, old, new)
