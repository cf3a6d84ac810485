"""The offer (aanbod): the services partners offer families, aligned with Open Referral HSDS 3.0."""

from datetime import timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.catalogue.workflow import HSDS_STATUS, ServiceStatus
from huisvanhetkind.core.languages import LANGUAGE_NAMES
from huisvanhetkind.core.models import PriceFields
from huisvanhetkind.network.models import (
    AgeGroup,
    Domain,
    House,
    Location,
    Municipality,
    Organisation,
    Partnership,
    new_hsds_id,
)

VERIFICATION_INTERVAL = timedelta(days=365)


class TargetGroup(models.Model):
    """Who a service is meant for beyond age: kwetsbare gezinnen, aanstaande ouders, ..."""

    slug = models.SlugField(unique=True)
    name = models.CharField(_("naam"), max_length=100)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("doelgroep")
        verbose_name_plural = _("doelgroepen")

    def __str__(self):
        return self.name


class ServiceQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=ServiceStatus.PUBLISHED)

    def in_house(self, house: House):
        """Services of the active partners of ``house``.

        A subquery on the partnerships (not a join) lets the database start from the house's
        organisations and use the index on ``organisation``: a few hundred rows, not all of Flanders.
        """
        partners = Partnership.objects.filter(house=house, status=Partnership.Status.ACTIVE)
        return self.filter(organisation_id__in=partners.values("organisation_id"))

    def needing_verification(self, now=None):
        limit = (now or timezone.now()) - VERIFICATION_INTERVAL
        return self.exclude(status=ServiceStatus.ARCHIVED).filter(
            Q(last_verified_at__lt=limit) | Q(last_verified_at__isnull=True, created_at__lt=limit)
        )


class Service(PriceFields):
    """What a partner offers families; what it costs comes from ``PriceFields``."""

    hsds_id = models.CharField(max_length=64, unique=True, default=new_hsds_id, editable=False)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="services",
        verbose_name=_("organisatie"),
    )
    name = models.CharField(_("naam"), max_length=200)
    alternate_name = models.CharField(_("andere naam"), max_length=200, blank=True)
    summary = models.CharField(
        _("korte uitleg"),
        max_length=300,
        help_text=_("Eén of twee zinnen in eenvoudige taal: wat krijg je, voor wie?"),
    )
    description = models.TextField(_("volledige beschrijving"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=ServiceStatus.choices,
        default=ServiceStatus.DRAFT,
        db_index=True,
    )
    temporarily_closed = models.BooleanField(_("tijdelijk gesloten"), default=False)
    url = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    languages = models.JSONField(_("talen"), default=list, blank=True)
    application_process = models.TextField(
        _("hoe aanvragen of inschrijven"),
        blank=True,
        help_text=_("Wat moet een ouder doen om dit te krijgen?"),
    )
    eligibility_description = models.TextField(_("voor wie precies"), blank=True)
    for_expecting_parents = models.BooleanField(_("ook voor aanstaande ouders"), default=False)
    minimum_age = models.PositiveSmallIntegerField(
        _("vanaf leeftijd (jaar)"), null=True, blank=True, validators=[MaxValueValidator(120)]
    )
    maximum_age = models.PositiveSmallIntegerField(
        _("tot leeftijd (jaar)"), null=True, blank=True, validators=[MaxValueValidator(120)]
    )
    price_description = models.CharField(_("uitleg bij de prijs"), max_length=200, blank=True)
    social_tariff_description = models.CharField(
        _("uitleg bij het sociaal tarief"), max_length=200, blank=True
    )
    schedule_description = models.CharField(
        _("wanneer"),
        max_length=300,
        blank=True,
        help_text=_("Bijvoorbeeld: elke dinsdag van 9 tot 11 uur."),
    )
    service_areas = models.ManyToManyField(
        Municipality, blank=True, related_name="services", verbose_name=_("voor inwoners van")
    )
    locations = models.ManyToManyField(
        Location, blank=True, related_name="services", verbose_name=_("locaties")
    )
    contact_name = models.CharField(_("contactpersoon"), max_length=150, blank=True)
    contact_title = models.CharField(_("functie contactpersoon"), max_length=150, blank=True)
    contact_email = models.EmailField(_("e-mail contactpersoon"), blank=True)
    accessibility = models.TextField(_("toegankelijkheid"), blank=True)
    referral_criteria = models.TextField(
        _("wanneer doorverwijzen"),
        blank=True,
        help_text=_(
            "Alleen zichtbaar voor professionals: wanneer verwijs je een gezin hiernaar door?"
        ),
    )
    domains = models.ManyToManyField(
        Domain, blank=True, related_name="services", verbose_name=_("domeinen")
    )
    age_groups = models.ManyToManyField(
        AgeGroup, blank=True, related_name="services", verbose_name=_("leeftijdsgroepen")
    )
    target_groups = models.ManyToManyField(
        TargetGroup, blank=True, related_name="services", verbose_name=_("doelgroepen")
    )
    last_verified_at = models.DateTimeField(_("laatst nagekeken op"), null=True, blank=True)
    last_verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    verification_reminder_sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    objects = ServiceQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                name="service_age_range",
                condition=Q(minimum_age__isnull=True)
                | Q(maximum_age__isnull=True)
                | Q(minimum_age__lte=models.F("maximum_age")),
            )
        ]
        indexes = [models.Index(fields=["organisation", "status"])]
        verbose_name = _("aanbod")
        verbose_name_plural = _("aanbod")

    def __str__(self):
        return self.name

    def get_absolute_url(self, house: House | None = None):
        house = house or self.organisation.partnerships.first().house
        return reverse("catalogue:service", kwargs={"house_slug": house.slug, "pk": self.pk})

    @property
    def hsds_status(self) -> str:
        if self.temporarily_closed and self.status == ServiceStatus.PUBLISHED:
            return "temporarily closed"
        return HSDS_STATUS.get(self.status, "inactive")

    @property
    def language_names(self) -> list[str]:
        return [str(LANGUAGE_NAMES.get(code, code)) for code in self.languages]

    @property
    def needs_verification(self) -> bool:
        reference = self.last_verified_at or self.created_at
        return reference is not None and reference < timezone.now() - VERIFICATION_INTERVAL


class ServiceHistory(models.Model):
    """Append-only history of a service: who changed what, and status changes."""

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="history")
    at = models.DateTimeField(auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=20)
    status = models.CharField(max_length=12, choices=ServiceStatus.choices)
    changes = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("wijziging van aanbod")
        verbose_name_plural = _("wijzigingen van aanbod")

    def __str__(self):
        return f"{self.service} {self.action} {self.at:%Y-%m-%d %H:%M}"


class Synonym(models.Model):
    """Words a parent may type for the same thing (crèche, kinderdagverblijf, kinderopvang, ...).

    A house's coordinator maintains its own; rows without a house apply everywhere.
    """

    house = models.ForeignKey(
        House, null=True, blank=True, on_delete=models.CASCADE, related_name="synonyms"
    )
    terms = models.CharField(
        _("woorden met dezelfde betekenis"),
        max_length=500,
        help_text=_(
            "Gescheiden door komma's, bv. crèche, kinderdagverblijf, kinderopvang, onthaalouder"
        ),
    )

    class Meta:
        verbose_name = _("synoniemen")
        verbose_name_plural = _("synoniemen")

    def __str__(self):
        return self.terms

    @property
    def term_list(self) -> list[str]:
        return [t.strip() for t in self.terms.split(",") if t.strip()]


class CatalogueState(models.Model):
    """One row that tells every process whether its copy of the houses' offer is still valid.

    Every write that changes what the public catalogue filters or counts (a service, its domains,
    ages or municipalities, a partnership, a house's municipalities) draws a new random
    ``stamp`` in the same transaction (``catalogue.offer``); a rolled back write leaves the old
    stamp, so a copy read inside that transaction is never taken for a committed one.
    """

    stamp = models.BigIntegerField(default=0)
    # Drawn anew only by a change that concerns every house (a domain, an age group, a
    # municipality, a bulk load); a change of one house's offer draws that house's
    # ``HouseOfferState.stamp`` instead, so the other houses' copies stay valid.
    everything = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("status van het aanbod")
        verbose_name_plural = _("status van het aanbod")

    def __str__(self):
        return f"catalogue state {self.stamp}"


class HouseOfferState(models.Model):
    """The stamp of one house's offer: drawn anew in the transaction of every write that changes
    what its catalogue filters or counts (``catalogue.offer.changed``). No row: never changed
    on its own since the table was made (the copies then depend on ``everything`` only).

    Keyed by the house's id without a foreign key: deleting a house deletes its partnerships,
    whose signals draw its stamp in the same transaction, before the house itself goes. The row
    of a deleted house is a random number that nothing reads."""

    house_id = models.BigIntegerField(primary_key=True)
    stamp = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("status van het aanbod van een huis")
        verbose_name_plural = _("status van het aanbod van de huizen")

    def __str__(self):
        return f"offer state of house {self.house_id}: {self.stamp}"
