"""Fields that several apps' models share (abstract: no table of their own)."""

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
