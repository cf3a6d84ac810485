"""The register of personal data: what each model holds about people, and why.

Every model of the platform (Django's and the libraries' included) is either declared here,
with its categories of personal data, purpose, legal basis, readers, retention and erasure, or
allowed with the reason it holds no personal data; a test fails on any other. Each app declares
its own models in its ``personal_data.py`` (found by ``autodiscover``, as the admin finds
``admin.py``); the ``privacy`` app declares the libraries' models and builds the privacy
statement, the record of processing activities (GDPR art. 30) and the retention runs from it.

The register lives in ``core`` so that every app can declare its models without importing the
app that reads them.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django.db import models
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.core.registry import discover


class Category(models.TextChoices):
    CONTACT = "contact", _("contactgegevens")
    CHILD = "child", _("gegevens over kinderen")
    HEALTH = "health", _("gezondheid")
    SOCIAL_SITUATION = "social_situation", _("sociale situatie")
    FREE_TEXT = "free_text", _("vrije tekst")
    PHOTO = "photo", _("foto's")
    PROFESSIONAL = "professional", _("gegevens van professionals")


# The categories that need a condition of GDPR art. 9 as well. Health is a special category of
# art. 9; a family's social situation is not, but the platform gives it the same protection.
SENSITIVE = (Category.HEALTH, Category.SOCIAL_SITUATION)


class Subject(models.TextChoices):
    FAMILIES = "families", _("gezinnen (ouders en kinderen)")
    PROFESSIONALS = "professionals", _("professionals van partnerorganisaties")
    ORGANISATIONS = "organisations", _("contactpersonen van organisaties")


class LegalBasis(models.TextChoices):
    """GDPR art. 6(1)."""

    CONSENT = "6.1.a", _("toestemming (AVG art. 6.1.a)")
    CONTRACT = "6.1.b", _("overeenkomst (AVG art. 6.1.b)")
    LEGAL_OBLIGATION = "6.1.c", _("wettelijke verplichting (AVG art. 6.1.c)")
    PUBLIC_TASK = "6.1.e", _("taak van algemeen belang (AVG art. 6.1.e)")
    LEGITIMATE_INTEREST = "6.1.f", _("gerechtvaardigd belang (AVG art. 6.1.f)")


class SpecialBasis(models.TextChoices):
    """GDPR art. 9(2): the condition for health (and, here, a family's social situation)."""

    EXPLICIT_CONSENT = "9.2.a", _("uitdrukkelijke toestemming (AVG art. 9.2.a)")
    SOCIAL_PROTECTION = "9.2.b", _("sociale bescherming (AVG art. 9.2.b)")
    PUBLIC_INTEREST = "9.2.g", _("zwaarwegend algemeen belang (AVG art. 9.2.g)")
    HEALTH_OR_SOCIAL_CARE = "9.2.h", _("gezondheidszorg of sociale diensten (AVG art. 9.2.h)")


class Erasure(models.TextChoices):
    ERASED = "erased", _("gewist (de persoonsgegevens worden leeggemaakt, het record blijft)")
    ANONYMISED = "anonymised", _("geanonimiseerd (alleen anonieme tellingen blijven)")
    DELETED = "deleted", _("verwijderd (het hele record)")


@dataclass(frozen=True)
class Rule:
    """A retention rule: what is due for erasure now, and the task that erases it.

    ``due(now)`` returns the records the task would erase at ``now``; ``task`` is a django-tasks
    task (run now with ``.call()``, or enqueued by the scheduler) whose result is a count or a
    dict of counts. The name is stable and unique: ``questions.erase_expired``.
    """

    name: str
    due: Callable[[datetime], QuerySet]
    task: object


Text = str | Callable[[], str]


def _text(value: Text) -> str:
    return str(value()) if callable(value) else str(value)


@dataclass(frozen=True)
class Declaration:
    model: str  # "questions.Question"
    subjects: tuple[Subject, ...]
    categories: tuple[Category, ...]
    data: str  # which personal data, in a few words
    purpose: str
    legal_basis: LegalBasis
    special_basis: SpecialBasis | None
    readers: str
    retention: Text  # a text, or a callable that says it with today's settings
    erasure: Erasure
    erasure_how: str
    rule: Rule | None

    @property
    def retention_text(self) -> str:
        return _text(self.retention)

    @property
    def sensitive(self) -> bool:
        return any(category in SENSITIVE for category in self.categories)


_DECLARED: dict[str, Declaration] = {}
_ALLOWED: dict[str, str] = {}


def declare(
    model_label: str,
    *,
    subjects: tuple[Subject, ...],
    categories: tuple[Category, ...],
    data: str,
    purpose: str,
    legal_basis: LegalBasis,
    special_basis: SpecialBasis | None = None,
    readers: str,
    retention: Text,
    erasure: Erasure,
    erasure_how: str,
    rule: Rule | None = None,
) -> Declaration:
    """Declare the personal data a model holds (at import time of an app's ``personal_data.py``)."""
    if model_label in _DECLARED or model_label in _ALLOWED:
        raise ValueError(f"{model_label} is in the register of personal data twice.")
    if not subjects or not categories:
        raise ValueError(f"{model_label}: name its data subjects and categories.")
    if any(category in SENSITIVE for category in categories) and special_basis is None:
        raise ValueError(
            f"{model_label} holds health or a family's social situation: name its condition "
            "of GDPR art. 9 (special_basis)."
        )
    if rule is not None and any(d.rule and d.rule.name == rule.name for d in _DECLARED.values()):
        raise ValueError(f"A retention rule named {rule.name!r} is declared twice.")
    declaration = Declaration(
        model=model_label,
        subjects=tuple(subjects),
        categories=tuple(categories),
        data=data,
        purpose=purpose,
        legal_basis=legal_basis,
        special_basis=special_basis,
        readers=readers,
        retention=retention,
        erasure=erasure,
        erasure_how=erasure_how,
        rule=rule,
    )
    _DECLARED[model_label] = declaration
    return declaration


def allow(model_label: str, reason: str) -> None:
    """Allow a model that holds no personal data, saying why."""
    if model_label in _DECLARED or model_label in _ALLOWED:
        raise ValueError(f"{model_label} is in the register of personal data twice.")
    if not reason.strip():
        raise ValueError(f"{model_label}: say why it holds no personal data.")
    _ALLOWED[model_label] = reason


def declarations() -> dict[str, Declaration]:
    """Every declared model, by label (the apps' ``personal_data.py`` are imported first)."""
    autodiscover()
    return dict(sorted(_DECLARED.items()))


def allowed() -> dict[str, str]:
    """Every model allowed without personal data, with its reason."""
    autodiscover()
    return dict(sorted(_ALLOWED.items()))


def rules() -> list[Declaration]:
    """The declarations that have a retention rule, by the rule's name."""
    return sorted(
        (d for d in declarations().values() if d.rule is not None), key=lambda d: d.rule.name
    )


def unregistered(model_labels) -> list[str]:
    """The labels among ``model_labels`` that are neither declared nor allowed."""
    known = declarations().keys() | allowed().keys()
    return sorted(label for label in model_labels if label not in known)


def autodiscover() -> None:
    discover("personal_data")
