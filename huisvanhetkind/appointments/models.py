"""Appointments at a desk of the house (premises.Desk): the desk's appointment settings, its
topics (each with what to bring) and the families' appointments.

A slot is a piece of ``slot_minutes`` of the desk's office hours by appointment; it has
``counters`` places (families seen at once). An appointment takes one counter of one slot, and
the database refuses two active appointments on the same counter of the same slot (a partial
unique constraint), so a slot is never booked twice.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.appointments.workflow import TAKES_SLOT, AppointmentStatus
from huisvanhetkind.core.crypto import EncryptedTextField
from huisvanhetkind.premises.models import Desk


class AppointmentSettings(models.Model):
    desk = models.OneToOneField(Desk, on_delete=models.CASCADE, related_name="appointment_settings")
    slot_minutes = models.PositiveSmallIntegerField(
        _("duur van een afspraak (minuten)"), default=20
    )
    counters = models.PositiveSmallIntegerField(
        _("aantal gezinnen tegelijk"),
        default=1,
        help_text=_("Hoeveel gezinnen tegelijk terechtkunnen, bv. het aantal medewerkers."),
    )
    horizon_days = models.PositiveSmallIntegerField(_("hoe ver vooruit boeken (dagen)"), default=60)
    notice_hours = models.PositiveSmallIntegerField(
        _("minstens zoveel uur op voorhand boeken"), default=12
    )
    is_open = models.BooleanField(_("gezinnen kunnen online een afspraak maken"), default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(slot_minutes__gte=5) & Q(slot_minutes__lte=240),
                name="appointments_settings_slot_minutes",
                violation_error_message=_("Een afspraak duurt 5 tot 240 minuten."),
            ),
            models.CheckConstraint(
                condition=Q(counters__gte=1) & Q(counters__lte=20),
                name="appointments_settings_counters",
                violation_error_message=_("Er kunnen 1 tot 20 gezinnen tegelijk terecht."),
            ),
            models.CheckConstraint(
                condition=Q(horizon_days__gte=1) & Q(horizon_days__lte=366),
                name="appointments_settings_horizon",
                violation_error_message=_("Boeken kan 1 tot 366 dagen vooruit."),
            ),
            models.CheckConstraint(
                condition=Q(notice_hours__lte=336),
                name="appointments_settings_notice",
                violation_error_message=_("Hoogstens 336 uur (twee weken) op voorhand."),
            ),
        ]
        verbose_name = _("afsprakeninstellingen")
        verbose_name_plural = _("afsprakeninstellingen")

    def __str__(self):
        return str(self.desk)


class Topic(models.Model):
    """What a family comes for, with what to bring (e.g. the childcare income certificate)."""

    desk = models.ForeignKey(Desk, on_delete=models.CASCADE, related_name="appointment_topics")
    title = models.CharField(_("onderwerp"), max_length=150)
    what_to_bring = models.TextField(_("wat breng je mee?"), blank=True)
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    is_active = models.BooleanField(_("kan gekozen worden"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["desk", "position", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["desk", "title"],
                name="appointments_topic_unique_title",
                violation_error_message=_("Dit loket heeft al een onderwerp met die titel."),
            )
        ]
        verbose_name = _("onderwerp van een afspraak")
        verbose_name_plural = _("onderwerpen van afspraken")

    def __str__(self):
        return self.title


class Appointment(models.Model):
    class Language(models.TextChoices):
        NL = "nl", _("Nederlands")
        FR = "fr", _("Frans")
        EN = "en", _("Engels")

    desk = models.ForeignKey(Desk, on_delete=models.CASCADE, related_name="appointments")
    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, related_name="appointments")
    starts_at = models.DateTimeField(_("begin"))
    ends_at = models.DateTimeField(_("einde"))
    counter = models.PositiveSmallIntegerField(default=1)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=AppointmentStatus.choices,
        default=AppointmentStatus.BOOKED,
    )
    name = EncryptedTextField(_("naam"), blank=True)
    email = EncryptedTextField(_("e-mail"), blank=True)
    # The keyed digest of the e-mail address (core.digests): "Mijn gegevens" finds the family's
    # appointments by it without decrypting a row.
    email_digest = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    phone = EncryptedTextField(_("telefoon"), blank=True)
    language = models.CharField(
        _("taal"), max_length=2, choices=Language.choices, default=Language.NL
    )
    interpreter = models.BooleanField(_("tolk nodig"), default=False)
    interpreter_language = models.CharField(_("taal van de tolk"), max_length=60, blank=True)
    wheelchair = models.BooleanField(_("rolstoeltoegankelijke ruimte nodig"), default=False)
    note = EncryptedTextField(_("opmerking"), blank=True)
    cancel_reason = models.CharField(_("reden van annuleren"), max_length=300, blank=True)
    token_hash = models.CharField(max_length=64, unique=True, null=True, editable=False)
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    erased_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["starts_at", "counter", "pk"]
        indexes = [models.Index(fields=["desk", "starts_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["desk", "starts_at", "counter"],
                condition=Q(status__in=TAKES_SLOT),
                name="appointments_one_family_per_counter",
                violation_error_message=_("Dit tijdstip is net geboekt."),
            ),
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")),
                name="appointments_ends_after_start",
                violation_error_message=_("Het einde ligt na het begin."),
            ),
        ]
        verbose_name = _("afspraak")
        verbose_name_plural = _("afspraken")

    def __str__(self):
        return _("Afspraak #%(pk)s") % {"pk": self.pk}
