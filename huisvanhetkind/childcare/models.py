"""The childcare offer of a house (Lokaal Loket Kinderopvang).

Each childcare location *is* a published service of the catalogue: its name, description,
contact, languages, prices and site (address, opening hours) live there, once. A
``ChildcareLocation`` adds only what childcare needs beyond that: the kind of care, the ages in
months, the price model, the licensed places, inclusive care, closing days, the Kind en Gezin
dossier number (the stable key of the official list) and the priority order that the
allocation rounds of a later slice apply. ``FreePlaces`` holds the places a provider has free
per start month; it is the capacity a round hands out.
"""

from datetime import timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.catalogue.models import Service
from huisvanhetkind.network.models import House, Location

# Free places are a promise to families: a provider confirms them at least this often.
PLACES_FRESH_FOR = timedelta(days=30)
# Holiday care goes up to 14 years (up to the day before the 15th birthday).
MAX_AGE_MONTHS = 15 * 12 - 1
# The three absolute priority criteria of Flemish childcare (see the allocation standard).
PRIORITY_CRITERIA = ("working", "sibling", "foster")


def age_label(months: int) -> str:
    """An age for families: ``3 maanden``, ``2,5 jaar``, ``3 jaar``."""
    if months % 12 == 0:
        return ngettext("%(n)s jaar", "%(n)s jaar", months // 12) % {"n": months // 12}
    if months < 24:
        return ngettext("%(n)s maand", "%(n)s maanden", months) % {"n": months}
    # Two years or more, in the language's own decimal separator (2,5 jaar; 2.5 years).
    years = number_format(round(months / 12, 1), decimal_pos=1)
    return ngettext("%(n)s jaar", "%(n)s jaar", 2) % {"n": years}


class ChildcareKind(models.TextChoices):
    DAYCARE = "kinderdagverblijf", _("kinderdagverblijf")
    FAMILY = "gezinsopvang", _("gezinsopvang (onthaalouder)")
    GROUP = "groepsopvang", _("groepsopvang")
    OUT_OF_SCHOOL = "buitenschoolse-opvang", _("buitenschoolse opvang")
    HOLIDAY = "vakantieopvang", _("vakantieopvang (3 tot 14 jaar)")


class PriceModel(models.TextChoices):
    INCOME_RELATED = "inkomenstarief", _("inkomenstarief (je betaalt volgens je inkomen)")
    OWN_PRICE = "vrije-prijs", _("vrije prijs (de opvang bepaalt de prijs)")


class ChildcareLocationQuerySet(models.QuerySet):
    def published_in(self, house: House):
        """The locations of ``house`` whose catalogue service is published by an active partner."""
        services = Service.objects.published().in_house(house)
        return self.filter(house=house, service__in=services.values("pk"))

    def places_stale(self, now=None):
        """Locations whose free places nobody confirmed for ``PLACES_FRESH_FOR``."""
        limit = (now or timezone.now()) - PLACES_FRESH_FOR
        return self.filter(Q(places_updated_at__lt=limit) | Q(places_updated_at__isnull=True))


class ChildcareLocation(models.Model):
    """The childcare-specific facts of one catalogue service (one site of a provider)."""

    service = models.OneToOneField(
        Service, on_delete=models.CASCADE, related_name="childcare", verbose_name=_("aanbod")
    )
    house = models.ForeignKey(
        House, on_delete=models.CASCADE, related_name="childcare_locations", verbose_name=_("huis")
    )
    location = models.ForeignKey(
        Location,
        on_delete=models.PROTECT,
        related_name="childcare_locations",
        verbose_name=_("adres"),
    )
    kind = models.CharField(_("soort opvang"), max_length=24, choices=ChildcareKind.choices)
    dossier_number = models.CharField(
        _("dossiernummer Kind en Gezin"),
        max_length=20,
        blank=True,
        help_text=_("Het nummer van de vergunning bij Opgroeien / Kind en Gezin."),
    )
    min_age_months = models.PositiveSmallIntegerField(
        _("vanaf (maanden)"), default=0, validators=[MaxValueValidator(MAX_AGE_MONTHS)]
    )
    max_age_months = models.PositiveSmallIntegerField(
        _("tot en met (maanden)"), default=35, validators=[MaxValueValidator(MAX_AGE_MONTHS)]
    )
    price_model = models.CharField(
        _("prijs"), max_length=16, choices=PriceModel.choices, default=PriceModel.INCOME_RELATED
    )
    licensed_places = models.PositiveSmallIntegerField(
        _("vergunde plaatsen"), validators=[MinValueValidator(1), MaxValueValidator(999)]
    )
    inclusive_care = models.BooleanField(
        _("inclusieve opvang"),
        default=False,
        help_text=_("Opvang voor kinderen met een specifieke zorgbehoefte."),
    )
    inclusive_care_description = models.CharField(
        _("uitleg bij inclusieve opvang"), max_length=300, blank=True
    )
    closing_days = models.CharField(
        _("sluitingsdagen"),
        max_length=500,
        blank=True,
        help_text=_(
            "Bijvoorbeeld: tussen Kerstmis en Nieuwjaar en de eerste twee weken van augustus."
        ),
    )
    # For the allocation rounds: the order in which an income-related location applies the
    # priority criteria (the standard's ``priority_order``); an own-price location applies none.
    priority_order = models.JSONField(
        _("volgorde van de voorrangsregels"), default=list, blank=True
    )
    places_updated_at = models.DateTimeField(
        _("vrije plaatsen nagekeken op"), null=True, blank=True
    )
    places_updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    places_reminder_sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ChildcareLocationQuerySet.as_manager()

    class Meta:
        ordering = ["service__name"]
        constraints = [
            models.CheckConstraint(
                name="childcare_age_range", condition=Q(min_age_months__lte=F("max_age_months"))
            ),
            models.UniqueConstraint(
                fields=["dossier_number"],
                condition=~Q(dossier_number=""),
                name="childcare_unique_dossier_number",
            ),
        ]
        indexes = [models.Index(fields=["house", "kind"])]
        verbose_name = _("opvanglocatie")
        verbose_name_plural = _("opvanglocaties")

    def __str__(self):
        return self.service.name

    @property
    def age_range_label(self) -> str:
        """``van 0 tot 3 jaar``: the upper bound is the first age no longer taken."""
        return gettext("van %(low)s tot %(high)s") % {
            "low": age_label(self.min_age_months),
            "high": age_label(self.max_age_months + 1),
        }

    @property
    def is_income_related(self) -> bool:
        return self.price_model == PriceModel.INCOME_RELATED

    @property
    def places_stale(self) -> bool:
        return (
            self.places_updated_at is None
            or self.places_updated_at < timezone.now() - PLACES_FRESH_FOR
        )


class FreePlaces(models.Model):
    """How many places a location has free for children starting in ``month`` (its first day)."""

    location = models.ForeignKey(
        ChildcareLocation, on_delete=models.CASCADE, related_name="free_places"
    )
    month = models.DateField(_("startmaand"))
    places = models.PositiveSmallIntegerField(_("vrije plaatsen"))
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["location", "month"]
        constraints = [
            models.UniqueConstraint(fields=["location", "month"], name="free_places_per_month")
        ]
        verbose_name = _("vrije plaatsen")
        verbose_name_plural = _("vrije plaatsen")

    def __str__(self):
        return f"{self.location_id} {self.month:%Y-%m}: {self.places}"


class ImportStatus(models.TextChoices):
    WAITING = "waiting", _("wacht")
    RUNNING = "running", _("loopt")
    DONE = "done", _("klaar")
    FAILED = "failed", _("mislukt")


class ChildcareImport(models.Model):
    """One import of the official list of locations by a house's desk: what it read and how far
    it got (the progress bar reads ``done`` of ``total``)."""

    house = models.ForeignKey(House, on_delete=models.CASCADE, related_name="childcare_imports")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    source = models.CharField(_("bestand"), max_length=200)
    content = models.TextField()
    status = models.CharField(
        max_length=10, choices=ImportStatus.choices, default=ImportStatus.WAITING
    )
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    outcome = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("import van opvanglocaties")
        verbose_name_plural = _("imports van opvanglocaties")

    def __str__(self):
        return f"{self.house} {self.source} {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def percent(self) -> int:
        return 100 if not self.total else min(100, self.done * 100 // self.total)
