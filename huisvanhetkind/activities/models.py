"""Activities with dated sessions, registrations without an account, and news."""

from django.conf import settings
from django.core.validators import FileExtensionValidator, MinValueValidator
from django.db import models, transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.activities.photos import PhotoField
from huisvanhetkind.activities.workflow import ActivityStatus, RegistrationStatus
from huisvanhetkind.core.crypto import EncryptedTextField
from huisvanhetkind.core.languages import LANGUAGE_CHOICES
from huisvanhetkind.core.models import PriceFields
from huisvanhetkind.network.models import AgeGroup, Domain, House, Location, Organisation

IMAGE_VALIDATORS = [FileExtensionValidator(["jpg", "jpeg", "png", "webp"])]


class ActivityQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=ActivityStatus.PUBLISHED)

    def public(self):
        """Published and meant for families: what the public calendar, search, feeds and home
        page show. Trainings for professionals (audience "professionals") stay with the
        partners (the knowledge app lists them)."""
        return self.published().filter(audience="families")


class Activity(PriceFields):
    class Audience(models.TextChoices):
        FAMILIES = "families", _("gezinnen")
        PROFESSIONALS = "professionals", _("professionals")

    class RegistrationMode(models.TextChoices):
        NONE = "none", _("niet nodig, vrij binnenlopen")
        REQUIRED = "required", _("inschrijven verplicht")

    class CapacityUnit(models.TextChoices):
        FAMILIES = "families", _("gezinnen")
        PERSONS = "persons", _("personen")

    Status = ActivityStatus

    house = models.ForeignKey(House, on_delete=models.CASCADE, related_name="activities")
    organisations = models.ManyToManyField(
        Organisation, related_name="activities", verbose_name=_("organiserende partners")
    )
    title = models.CharField(_("titel"), max_length=200)
    summary = models.CharField(_("korte samenvatting"), max_length=300, blank=True)
    description = models.TextField(_("beschrijving"), blank=True)
    domains = models.ManyToManyField(Domain, blank=True, verbose_name=_("domeinen"))
    age_groups = models.ManyToManyField(AgeGroup, blank=True, verbose_name=_("leeftijdsgroepen"))
    audience = models.CharField(
        _("voor wie"), max_length=15, choices=Audience.choices, default=Audience.FAMILIES
    )
    location = models.ForeignKey(
        Location,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="activities",
        verbose_name=_("locatie"),
    )
    place = models.CharField(
        _("plaats (als die geen locatie van een partner is)"), max_length=300, blank=True
    )
    online_url = models.URLField(_("online via"), blank=True)
    language = models.CharField(_("taal"), max_length=5, choices=LANGUAGE_CHOICES, default="nl")
    accessibility = models.TextField(_("toegankelijkheid"), blank=True)
    image = PhotoField(_("foto"), upload_to="activities/", blank=True, validators=IMAGE_VALIDATORS)
    image_alt = models.CharField(_("beschrijving van de foto"), max_length=200, blank=True)
    registration = models.CharField(
        _("inschrijven"),
        max_length=10,
        choices=RegistrationMode.choices,
        default=RegistrationMode.NONE,
    )
    capacity = models.PositiveIntegerField(
        _("plaatsen per moment"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    capacity_unit = models.CharField(
        _("plaatsen geteld in"),
        max_length=10,
        choices=CapacityUnit.choices,
        default=CapacityUnit.FAMILIES,
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ActivityStatus.choices,
        default=ActivityStatus.DRAFT,
        db_index=True,
    )
    # The recurrence the sessions were generated from (an RFC 5545 RRULE) and its exceptions.
    recurrence = models.CharField(_("herhaling (RRULE)"), max_length=300, blank=True)
    exception_dates = models.JSONField(_("uitzonderingsdata"), default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ActivityQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        indexes = [
            # A house's published activities, from the index alone (the calendar starts here).
            models.Index(fields=["house", "status", "id"], name="activity_house_status_idx"),
        ]
        verbose_name = _("activiteit")
        verbose_name_plural = _("activiteiten")

    def __str__(self):
        return self.title

    @property
    def needs_registration(self) -> bool:
        return self.registration == self.RegistrationMode.REQUIRED

    @property
    def where(self) -> str:
        if self.location_id:
            loc = self.location
            return f"{loc.name}, {loc.street}, {loc.postcode} {loc.municipality.name}"
        return self.place or self.online_url


class SessionQuerySet(models.QuerySet):
    def upcoming(self):
        return self.filter(ends_at__gte=timezone.now(), is_cancelled=False)

    def public(self, house):
        return self.filter(
            activity__house=house,
            activity__status=Activity.Status.PUBLISHED,
            activity__audience=Activity.Audience.FAMILIES,
        ).select_related("activity", "activity__location", "activity__location__municipality")

    def with_taken(self):
        """Annotate the places taken by confirmed registrations (families or persons)."""
        confirmed = models.Q(registrations__status=RegistrationStatus.CONFIRMED)
        return self.annotate(
            taken_registrations=models.Count("registrations", filter=confirmed),
            taken_persons=models.Sum(
                models.F("registrations__adults") + models.F("registrations__children"),
                filter=confirmed,
            ),
        )


class Session(models.Model):
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="sessions")
    starts_at = models.DateTimeField(_("begint om"))
    ends_at = models.DateTimeField(_("eindigt om"))
    capacity = models.PositiveIntegerField(
        _("plaatsen (anders dan de activiteit)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
    )
    registration_closes_at = models.DateTimeField(_("inschrijven kan tot"), null=True, blank=True)
    is_cancelled = models.BooleanField(_("afgelast"), default=False)
    note = models.CharField(_("opmerking bij dit moment"), max_length=300, blank=True)
    reminders_sent_at = models.DateTimeField(null=True, blank=True)
    erased_at = models.DateTimeField(null=True, blank=True)
    # For a session imported from an iCalendar feed: the start of the occurrence it stands for
    # (its RECURRENCE-ID), so that an override or a changed rule finds the same session again.
    ical_recurrence_id = models.DateTimeField(null=True, blank=True, editable=False)

    objects = SessionQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "id"]
        indexes = [
            # The next sessions of a set of activities (the calendar, the feeds, a detail
            # page): per activity a range on ends_at, holding all the query reads and sorts
            # on (id too: PostgreSQL then answers from the index alone). An index on
            # starts_at first would tempt PostgreSQL to walk every session since the first
            # one until it has found enough of a house's upcoming ones.
            models.Index(
                fields=["activity", "ends_at", "starts_at", "is_cancelled", "id"],
                name="session_upcoming_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gte=models.F("starts_at")), name="session_ends_after"
            ),
            models.UniqueConstraint(
                fields=["activity", "ical_recurrence_id"], name="session_unique_ical_occurrence"
            ),
        ]
        verbose_name = _("moment")
        verbose_name_plural = _("momenten")

    def __str__(self):
        local = timezone.localtime(self.starts_at)
        return f"{self.activity} · {local:%d/%m/%Y %H:%M}"

    @property
    def effective_capacity(self) -> int | None:
        return self.capacity or self.activity.capacity

    def places_needed(self, adults: int, children: int) -> int:
        if self.activity.capacity_unit == Activity.CapacityUnit.PERSONS:
            return adults + children
        return 1

    @property
    def free_places(self) -> int | None:
        """Free places, from the annotation of ``with_taken`` (None: no limit)."""
        capacity = self.effective_capacity
        if capacity is None:
            return None
        if self.activity.capacity_unit == Activity.CapacityUnit.PERSONS:
            taken = getattr(self, "taken_persons", None) or 0
        else:
            taken = getattr(self, "taken_registrations", None) or 0
        return max(capacity - taken, 0)

    @property
    def closes_at(self):
        return self.registration_closes_at or self.starts_at

    @property
    def is_open_for_registration(self) -> bool:
        return (
            self.activity.needs_registration
            and not self.is_cancelled
            and self.activity.status == Activity.Status.PUBLISHED
            and timezone.now() < self.closes_at
        )


class ImportedEvent(models.Model):
    """An activity that came from a partner's own iCalendar feed, known by the event's UID.

    Re-importing the feed finds the activity again by (house, organisation, UID), so nothing is
    duplicated; ``source`` is the URL or file name it was last imported from, so that events
    that disappeared from that feed can be found.
    """

    house = models.ForeignKey(House, on_delete=models.CASCADE, related_name="imported_events")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="imported_events"
    )
    uid = models.CharField(_("UID"), max_length=255)
    source = models.CharField(_("bron"), max_length=500)
    activity = models.OneToOneField(
        Activity, on_delete=models.CASCADE, related_name="imported_event"
    )
    first_imported_at = models.DateTimeField(default=timezone.now)
    last_seen_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["house", "organisation", "uid"], name="imported_event_unique_uid"
            )
        ]
        verbose_name = _("geïmporteerde activiteit")
        verbose_name_plural = _("geïmporteerde activiteiten")

    def __str__(self):
        return self.uid


class Registration(models.Model):
    Status = RegistrationStatus

    session = models.ForeignKey(Session, on_delete=models.PROTECT, related_name="registrations")
    token_hash = models.CharField(max_length=64, unique=True, null=True, editable=False)
    name = EncryptedTextField(_("naam"), blank=True)
    email = EncryptedTextField(_("e-mail"), blank=True)
    phone = EncryptedTextField(_("telefoon"), blank=True)
    # Keyed digests of the e-mail address and phone number (core.digests): they catch a second
    # registration for a session and let a family find its registrations, without decrypting.
    email_digest = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    phone_digest = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    adults = models.PositiveSmallIntegerField(_("volwassenen"), default=1)
    children = models.PositiveSmallIntegerField(_("kinderen"), default=0)
    children_ages = models.JSONField(_("leeftijden van de kinderen"), default=list, blank=True)
    social_tariff = models.BooleanField(_("sociaal tarief"), default=False)
    remarks = EncryptedTextField(_("opmerkingen"), blank=True)
    consent_at = models.DateTimeField(_("toestemming gegeven op"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=RegistrationStatus.choices, db_index=True
    )
    attended = models.BooleanField(_("aanwezig"), null=True, blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("ingeschreven op"), default=timezone.now)
    promoted_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    erased_at = models.DateTimeField(_("persoonsgegevens gewist op"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["session", "status", "created_at"])]
        constraints = [
            models.CheckConstraint(condition=models.Q(adults__gte=0), name="registration_adults"),
        ]
        verbose_name = _("inschrijving")
        verbose_name_plural = _("inschrijvingen")

    def __str__(self):
        # Never personal data: this label ends up in the audit trail.
        return f"Inschrijving #{self.pk}"

    @property
    def places(self) -> int:
        return self.session.places_needed(self.adults, self.children)


class NewsItemQuerySet(models.QuerySet):
    def public(self, house):
        return self.filter(house=house, is_published=True, published_at__lte=timezone.now())


class NewsItem(models.Model):
    house = models.ForeignKey(House, on_delete=models.CASCADE, related_name="news_items")
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="news_items",
        verbose_name=_("partner"),
    )
    title = models.CharField(_("titel"), max_length=200)
    body = models.TextField(_("tekst"))
    image = PhotoField(_("foto"), upload_to="news/", blank=True, validators=IMAGE_VALIDATORS)
    image_alt = models.CharField(_("beschrijving van de foto"), max_length=200, blank=True)
    published_at = models.DateTimeField(_("publicatiedatum"), default=timezone.now, db_index=True)
    is_published = models.BooleanField(_("gepubliceerd"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = NewsItemQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("nieuwsbericht")
        verbose_name_plural = _("nieuws")

    def __str__(self):
        return self.title


def delete_photo_on_commit(field_file) -> None:
    """Remove a photo from storage once the transaction that dropped it has committed (a
    rolled-back change keeps its photo). Nothing happens for an empty field."""
    if not field_file or not field_file.name:
        return
    storage, name = field_file.storage, field_file.name
    transaction.on_commit(lambda: storage.delete(name))


@receiver(post_delete, sender=Activity, dispatch_uid="activities.activity_photo_delete")
@receiver(post_delete, sender=NewsItem, dispatch_uid="activities.news_photo_delete")
def _delete_photo_with_its_record(sender, instance, **kwargs):
    """A deleted activity or news item (also through its house, or in the admin) takes its
    photo along."""
    delete_photo_on_commit(instance.image)
