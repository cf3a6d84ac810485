"""The family record: a family as the platform knows it, with its children.

A family belongs to no house: the same family asks a question in one house and registers for an
activity in another. Its contact details are encrypted at rest; keyed digests of its e-mail
address and phone number (``core.digests``) find it without decrypting every row. Every later
capability that keeps data about a family links to this record and keeps no copy of its
contact details.
"""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.core.crypto import EncryptedTextField
from huisvanhetkind.core.languages import LANGUAGE_CHOICES


class Family(models.Model):
    name = EncryptedTextField(_("naam"), blank=True)
    email = EncryptedTextField(_("e-mail"), blank=True)
    phone = EncryptedTextField(_("telefoon"), blank=True)
    address = EncryptedTextField(_("adres"), blank=True)
    language = models.CharField(
        _("voorkeurstaal"), max_length=5, choices=LANGUAGE_CHOICES, default="nl"
    )
    # Set by the services from ``email`` and ``phone``; empty when there is none.
    email_digest = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    phone_digest = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    created_at = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            # One family per e-mail address (under one key; the services match every key).
            models.UniqueConstraint(
                fields=["email_digest"],
                condition=~Q(email_digest=""),
                name="family_unique_email_digest",
            ),
        ]
        verbose_name = _("gezin")
        verbose_name_plural = _("gezinnen")

    def __str__(self):
        # Never personal data: this label ends up in the audit trail.
        return f"Gezin #{self.pk}"


class Child(models.Model):
    """A child of a family, born (birth date) or expected (due date): exactly one of the two."""

    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="children")
    first_name = EncryptedTextField(_("voornaam"), blank=True)
    birth_date = models.DateField(_("geboortedatum"), null=True, blank=True)
    due_date = models.DateField(_("uitgerekende datum"), null=True, blank=True)
    created_at = models.DateTimeField(_("aangemaakt op"), default=timezone.now)

    class Meta:
        ordering = ["family", "created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(birth_date__isnull=False, due_date__isnull=True)
                    | Q(birth_date__isnull=True, due_date__isnull=False)
                ),
                name="child_birth_date_or_due_date",
            )
        ]
        verbose_name = _("kind")
        verbose_name_plural = _("kinderen")

    def __str__(self):
        # Never personal data: this label ends up in the audit trail.
        return f"Kind #{self.pk}"

    @property
    def is_expected(self) -> bool:
        return self.birth_date is None
