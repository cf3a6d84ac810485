"""Fields that several apps' models share (abstract: no table of their own), and the few tables
of core itself."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class PriceFields(models.Model):
    """What taking part costs: free, a normal price, and a social tariff (or UiTPAS) with its
    own price. Used by activities and by the services of the catalogue."""

    is_free = models.BooleanField(_("gratis"), default=False)
    price = models.DecimalField(
        _("normale prijs (euro)"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    social_tariff = models.BooleanField(_("sociaal tarief of UiTPAS-kansentarief"), default=False)
    social_tariff_price = models.DecimalField(
        _("sociaal tarief (euro)"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )

    class Meta:
        abstract = True


class NotificationPreference(models.Model):
    """What a professional wants by e-mail: for now, their to-do list every morning."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preference",
    )
    daily_digest = models.BooleanField(_("elke dag een e-mail met mijn takenlijst"), default=False)
    # The day the last digest went out: a job that runs twice in a day sends it once.
    digest_sent_on = models.DateField(null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("meldingsvoorkeur")
        verbose_name_plural = _("meldingsvoorkeuren")

    def __str__(self):
        return f"Meldingsvoorkeur #{self.pk}"
