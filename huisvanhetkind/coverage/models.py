"""What the coverage app keeps: population figures per municipality and age group (house
independent), and the coordinator's mark on a gap of the offer. Cells, gaps and overlaps are
computed from the live catalogue (``selectors.coverage_matrix``), never stored."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.coverage.workflow import GapState
from huisvanhetkind.network.models import AgeGroup, House, Municipality


class PopulationFigure(models.Model):
    """How many children of an age group live in a municipality in a year (Statbel or the
    municipality's own figures). The same for every house of that municipality."""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="population_figures",
        verbose_name=_("gemeente"),
    )
    age_group = models.ForeignKey(
        AgeGroup,
        on_delete=models.CASCADE,
        related_name="population_figures",
        verbose_name=_("leeftijdsgroep"),
    )
    year = models.PositiveSmallIntegerField(
        _("jaar"), validators=[MinValueValidator(1990), MaxValueValidator(2100)]
    )
    count = models.PositiveIntegerField(_("aantal kinderen"))
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["municipality__name", "age_group__position", "-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "age_group", "year"], name="one_population_figure"
            )
        ]
        verbose_name = _("bevolkingscijfer")
        verbose_name_plural = _("bevolkingscijfers")

    def __str__(self):
        return f"{self.municipality} {self.age_group} {self.year}: {self.count}"


class GapStatus(models.Model):
    """The coordinator's mark on one gap of the house, keyed by the gap's stable id (see
    ``selectors.gap_id``). A mark outlives the gap: when the offer fills it, the mark waits in
    case the gap comes back."""

    house = models.ForeignKey(House, on_delete=models.CASCADE, related_name="gap_statuses")
    gap_id = models.CharField(_("hiaat"), max_length=120)
    status = models.CharField(_("status"), max_length=12, choices=GapState.choices)
    note = models.TextField(_("toelichting"), blank=True, max_length=2000)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("gemarkeerd door"),
    )
    marked_at = models.DateTimeField(_("gemarkeerd op"))

    class Meta:
        ordering = ["house", "gap_id"]
        constraints = [
            models.UniqueConstraint(fields=["house", "gap_id"], name="one_status_per_gap")
        ]
        verbose_name = _("status van een hiaat")
        verbose_name_plural = _("statussen van hiaten")

    def __str__(self):
        return f"{self.gap_id}: {self.get_status_display()}"
