"""The requests about a family's rights that the house handles itself: those a family cannot
serve through "Mijn gegevens" (by phone, by letter, about a signal, an objection). The
coordinator logs each with its legal deadline (one month from receipt, GDPR art. 12(3)), and
records the answer; the log shows the house answers every request on time (accountability).

Who asked and what it concerns are encrypted at rest; the log is deleted five years after the
answer (``services.REQUEST_RETENTION_YEARS``).
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.core.crypto import EncryptedTextField
from huisvanhetkind.network.models import House
from huisvanhetkind.privacy.workflow import CLOSED_STATES, OPEN_STATES, RequestStatus


class RightsRequest(models.Model):
    class Channel(models.TextChoices):
        PHONE = "phone", _("telefoon")
        LETTER = "letter", _("brief")
        EMAIL = "email", _("e-mail")
        DESK = "desk", _("aan de balie")
        PARTNER = "partner", _("via een partner")
        OTHER = "other", _("andere")

    class Kind(models.TextChoices):
        ACCESS = "access", _("inzage")
        CORRECTION = "correction", _("verbetering")
        ERASURE = "erasure", _("wissing")
        RESTRICTION = "restriction", _("beperking van de verwerking")
        OBJECTION = "objection", _("bezwaar")
        PORTABILITY = "portability", _("overdraagbaarheid")
        OTHER = "other", _("andere")

    house = models.ForeignKey(House, on_delete=models.CASCADE, related_name="rights_requests")
    requester_name = EncryptedTextField(_("naam van wie het vraagt"))
    requester_contact = EncryptedTextField(
        _("hoe we antwoorden"),
        help_text=_("Alleen wat nodig is om te antwoorden: een e-mailadres, telefoon of adres."),
    )
    received_on = models.DateField(_("ontvangen op"))
    channel = models.CharField(_("ontvangen via"), max_length=10, choices=Channel.choices)
    kind = models.CharField(_("soort verzoek"), max_length=12, choices=Kind.choices)
    subject = EncryptedTextField(_("waarover het gaat"))
    status = models.CharField(
        max_length=12, choices=RequestStatus.choices, default=RequestStatus.RECEIVED
    )
    due_on = models.DateField(_("te beantwoorden tegen"))
    extension_reason = EncryptedTextField(_("reden van de verlenging"), blank=True)
    extended_at = models.DateTimeField(null=True, blank=True)
    answered_on = models.DateField(_("beantwoord op"), null=True, blank=True)
    answer_summary = EncryptedTextField(_("samenvatting van het antwoord"), blank=True)
    answer_channel = models.CharField(
        _("antwoord verstuurd via"), max_length=10, choices=Channel.choices, blank=True
    )
    refusal_reason = EncryptedTextField(_("reden van de weigering"), blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due_on", "pk"]
        indexes = [models.Index(fields=["house", "status", "due_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(due_on__gt=F("received_on")),
                name="privacy_request_due_after_receipt",
            ),
            models.CheckConstraint(
                condition=Q(answered_on__isnull=True) | Q(answered_on__gte=F("received_on")),
                name="privacy_request_answered_after_receipt",
            ),
            models.CheckConstraint(
                condition=Q(status__in=list(OPEN_STATES), closed_at__isnull=True)
                | Q(status__in=list(CLOSED_STATES), closed_at__isnull=False),
                name="privacy_request_closed_when_answered",
            ),
        ]
        verbose_name = _("privacyverzoek")
        verbose_name_plural = _("privacyverzoeken")

    def __str__(self):
        return f"{self.get_kind_display()} ({self.received_on:%d/%m/%Y})"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATES

    @property
    def is_extended(self) -> bool:
        return self.extended_at is not None

    def is_late(self, today) -> bool:
        return self.is_open and self.due_on < today

    @property
    def on_time(self) -> bool | None:
        if self.answered_on is None:
            return None
        return self.answered_on <= self.due_on
