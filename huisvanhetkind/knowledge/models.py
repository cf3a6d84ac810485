"""The partners' library of a house, registrations for trainings for professionals, and the
monthly digest to partners."""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils.functional import LazyObject
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.activities.models import Session
from huisvanhetkind.network.models import Domain, House, Organisation


class PrivateStorage(LazyObject):
    """Documents of the library: under ``PRIVATE_FILES_ROOT/knowledge``, outside ``MEDIA_ROOT``
    (never served at /media/, but in the backups), without a URL; only ``views.document`` hands
    them out."""

    def _setup(self):
        self._wrapped = FileSystemStorage(
            location=Path(settings.PRIVATE_FILES_ROOT) / "knowledge", base_url=None
        )


private_storage = PrivateStorage()


def _storage():
    return private_storage


class LibraryItem(models.Model):
    class Kind(models.TextChoices):
        DOCUMENT = "document", _("document")
        LINK = "link", _("link")
        HOWTO = "howto", _("korte handleiding")
        CONTACT = "contact", _("wie vraag je wat")

    house = models.ForeignKey(House, on_delete=models.CASCADE, related_name="library_items")
    kind = models.CharField(_("soort"), max_length=10, choices=Kind.choices)
    title = models.CharField(_("titel"), max_length=200)
    topic = models.CharField(_("onderwerp"), max_length=100)
    domain = models.ForeignKey(
        Domain,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("beleidsdomein"),
    )
    body = models.TextField(_("tekst"), blank=True)
    url = models.URLField(_("webadres"), blank=True)
    file = models.FileField(_("bestand"), storage=_storage, upload_to="%Y/%m/", blank=True)
    file_name = models.CharField(_("bestandsnaam"), max_length=200, blank=True)
    contact_name = models.CharField(_("persoon of dienst"), max_length=200, blank=True)
    contact_organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("organisatie"),
    )
    contact_details = models.CharField(
        _("bereikbaar via (e-mail of telefoon)"), max_length=200, blank=True
    )
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="library_items",
        verbose_name=_("toegevoegd namens"),
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["topic", "title", "id"]
        indexes = [models.Index(fields=["house", "topic"], name="knowledge_item_topic_idx")]
        verbose_name = _("item van de bibliotheek")
        verbose_name_plural = _("bibliotheek voor partners")

    def __str__(self):
        return self.title


class TrainingRegistration(models.Model):
    """A professional registered for a session of a training (an activity for professionals);
    the organiser marks attendance, after which the professional downloads a certificate."""

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="professional_registrations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="training_registrations"
    )
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    attended = models.BooleanField(_("aanwezig"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "user"], name="knowledge_registration_once")
        ]
        ordering = ["session__starts_at", "id"]
        verbose_name = _("inschrijving voor een vorming")
        verbose_name_plural = _("inschrijvingen voor vormingen")

    def __str__(self):
        return f"Inschrijving #{self.pk}"


class DigestOptOut(models.Model):
    """A professional who does not want the monthly digest of the partners."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="knowledge_digest_opt_out"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("afmelding voor de maandelijkse nieuwsbrief")
        verbose_name_plural = _("afmeldingen voor de maandelijkse nieuwsbrief")

    def __str__(self):
        return f"Afmelding #{self.pk}"


class DigestSent(models.Model):
    """The monthly digest of a house went to a user: claimed before sending, so a second run
    in the same month sends nobody a second one."""

    house = models.ForeignKey(House, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    month = models.DateField(_("maand (eerste dag)"))
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["house", "user", "month"], name="knowledge_digest_once_a_month"
            )
        ]
        verbose_name = _("verstuurde maandelijkse nieuwsbrief")
        verbose_name_plural = _("verstuurde maandelijkse nieuwsbrieven")

    def __str__(self):
        return f"Nieuwsbrief {self.month:%Y-%m} #{self.pk}"
