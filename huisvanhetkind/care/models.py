"""The signal index: which organisations are involved with a child, and nothing else.

A ``Signal`` says that an organisation (through one professional, its contact) is involved with a
child since a date, optionally in a policy domain. The child is known only by a keyed digest of
their national number (``care.numbers``), and a parent's number, for siblings, the same way. The
child's name and birth date as the professional typed them are encrypted, for the recording
organisation only. A signal ends two years after it was made, when the child turns 23, or when
it is withdrawn; the daily job deletes it then.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.core.crypto import EncryptedTextField
from huisvanhetkind.network.models import Domain, House, Organisation


class SignalQuerySet(models.QuerySet):
    def live(self, today):
        """Not withdrawn and not ended on ``today``."""
        return self.filter(withdrawn_at__isnull=True, ends_on__gt=today)

    def ended(self, today):
        return self.filter(Q(withdrawn_at__isnull=False) | Q(ends_on__lte=today))


class Signal(models.Model):
    house = models.ForeignKey(House, on_delete=models.PROTECT, related_name="care_signals")
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="care_signals",
        verbose_name=_("organisatie"),
    )
    contact = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("contactpersoon"),
    )
    # HMAC-SHA256 (hex) of the child's number, and the id of the key that made it.
    child_digest = models.CharField(max_length=64, db_index=True)
    child_key = models.CharField(max_length=32)
    parent_digest = models.CharField(max_length=64, blank=True, db_index=True)
    parent_key = models.CharField(max_length=32, blank=True)
    # As the professional typed them, for their own organisation only.
    reference_name = EncryptedTextField(_("naam van het kind"), blank=True)
    reference_birth_date = EncryptedTextField(_("geboortedatum van het kind"), blank=True)
    domain = models.ForeignKey(
        Domain,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("beleidsdomein"),
    )
    made_on = models.DateField(_("gesignaleerd op"), default=timezone.localdate)
    ends_on = models.DateField(_("loopt af op"))
    withdrawn_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    is_lead = models.BooleanField(_("regievoerder"), default=False)
    parent_token_hash = models.CharField(max_length=64, blank=True, db_index=True)
    removal_requested_at = models.DateTimeField(
        _("ouder vroeg verwijdering op"), null=True, blank=True
    )

    objects = SignalQuerySet.as_manager()

    class Meta:
        ordering = ["made_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gt=models.F("made_on")), name="signal_ends_after_made"
            ),
        ]
        verbose_name = _("signaal")
        verbose_name_plural = _("signalen")

    def __str__(self):
        # Never personal data: this label ends up in the audit trail.
        return f"Signaal #{self.pk}"

    def is_live(self, today) -> bool:
        return self.withdrawn_at is None and self.ends_on > today
