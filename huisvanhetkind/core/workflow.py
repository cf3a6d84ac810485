"""The one way a thing changes state: a TextChoices of states, a map of allowed moves, and a check
that refuses any other move with a Dutch message naming both states."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext


def can_transition(allowed: dict, old: str, new: str) -> bool:
    return new in allowed.get(old, ())


def check_transition(
    states: type[models.TextChoices], allowed: dict, old: str, new: str, message: str = ""
) -> None:
    """Raise a ValidationError when ``old`` may not become ``new`` under ``allowed``.

    ``message`` (already translated, with ``%(old)s`` and ``%(new)s``) replaces the generic one.
    """
    if can_transition(allowed, old, new):
        return
    labels = {"old": states(old).label, "new": states(new).label}
    raise ValidationError(
        (message or gettext("De status “%(old)s” kan niet “%(new)s” worden.")) % labels,
        code="transition",
    )
