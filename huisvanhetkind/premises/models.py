"""The physical house: its rooms, the terms for using them, the usage agreement each partner
organisation accepts once, and the bookings.

An approved booking never overlaps another approved booking of the same room, buffers included:
``blocked_from``/``blocked_until`` hold the booking with its buffers, and the database refuses an
overlap (an exclusion constraint on PostgreSQL, triggers on SQLite: migration 0002).
"""

from datetime import time, timedelta

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.network.models import House, Organisation
from huisvanhetkind.premises.workflow import BookingStatus


class Room(models.Model):
    house = models.ForeignKey(House, on_delete=models.CASCADE, related_name="rooms")
    name = models.CharField(_("naam"), max_length=120)
    capacity = models.PositiveSmallIntegerField(_("capaciteit (personen)"))
    facilities = models.TextField(_("voorzieningen"), blank=True)
    accessibility = models.TextField(_("toegankelijkheid"), blank=True)
    wheelchair_accessible = models.BooleanField(_("rolstoeltoegankelijk"), default=False)
    divisible = models.BooleanField(_("deelbaar"), default=False)
    usage_rules = models.TextField(_("gebruiksregels"), blank=True)
    # Used when the house's own location has no opening hours.
    bookable_from = models.TimeField(_("reserveerbaar vanaf"), default=time(8, 0))
    bookable_until = models.TimeField(_("reserveerbaar tot"), default=time(22, 0))
    is_active = models.BooleanField(_("in gebruik"), default=True)

    class Meta:
        ordering = ["house", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["house", "name"],
                name="premises_room_unique_name",
                violation_error_message=_("Dit huis heeft al een zaal met die naam."),
            ),
            models.CheckConstraint(
                condition=Q(capacity__gt=0),
                name="premises_room_capacity_positive",
                violation_error_message=_("Een zaal biedt plaats aan minstens één persoon."),
            ),
            models.CheckConstraint(
                condition=Q(bookable_until__gt=F("bookable_from")),
                name="premises_room_bookable_hours",
                violation_error_message=_("Het einde van de reserveerbare uren ligt na het begin."),
            ),
        ]
        verbose_name = _("zaal")
        verbose_name_plural = _("zalen")

    def __str__(self):
        return self.name


class RoomTerms(models.Model):
    """A house's cancellation terms and usage agreement for its rooms."""

    house = models.OneToOneField(House, on_delete=models.CASCADE, related_name="room_terms")
    cancellation_terms = models.TextField(_("annuleringsvoorwaarden"), blank=True)
    cancellation_cutoff_hours = models.PositiveSmallIntegerField(
        _("annuleren kan tot zoveel uur vooraf"), default=48
    )
    usage_agreement = models.TextField(_("gebruiksovereenkomst"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("voorwaarden voor de zalen")
        verbose_name_plural = _("voorwaarden voor de zalen")

    def __str__(self):
        return str(self.house)

    @property
    def cutoff(self) -> timedelta:
        return timedelta(hours=self.cancellation_cutoff_hours)


class AgreementAcceptance(models.Model):
    """An organisation accepted the house's usage agreement: once, by whom, when."""

    house = models.ForeignKey(House, on_delete=models.CASCADE, related_name="+")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    accepted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["house", "organisation"], name="premises_one_acceptance"
            )
        ]
        verbose_name = _("aanvaarding van de gebruiksovereenkomst")
        verbose_name_plural = _("aanvaardingen van de gebruiksovereenkomst")

    def __str__(self):
        return f"{self.organisation} @ {self.house}"


class Booking(models.Model):
    class Category(models.TextChoices):
        # The house's priority order, highest first (services.CATEGORY_PRIORITY).
        HOUSE = "house", _("eigen werking van het huis")
        PARTNER = "partner", _("partner")
        MUNICIPALITY = "municipality", _("gemeente")
        OTHER = "other", _("andere")

    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="bookings")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="room_bookings"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="room_bookings",
    )
    title = models.CharField(_("waarvoor"), max_length=150)
    attendees = models.PositiveSmallIntegerField(_("aantal personen"))
    starts_at = models.DateTimeField(_("begin"))
    ends_at = models.DateTimeField(_("einde"))
    buffer_before = models.PositiveSmallIntegerField(_("buffer vooraf (minuten)"), default=0)
    buffer_after = models.PositiveSmallIntegerField(_("buffer achteraf (minuten)"), default=0)
    blocked_from = models.DateTimeField(editable=False)
    blocked_until = models.DateTimeField(editable=False)
    category = models.CharField(
        _("categorie"), max_length=20, choices=Category.choices, default=Category.PARTNER
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=BookingStatus.choices,
        default=BookingStatus.REQUESTED,
    )
    series = models.UUIDField(null=True, blank=True, db_index=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    reason = models.CharField(_("reden"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["starts_at", "pk"]
        indexes = [models.Index(fields=["room", "status", "blocked_from"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="premises_booking_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(blocked_until__gt=F("blocked_from")),
                name="premises_booking_blocked_range",
            ),
        ]
        verbose_name = _("reservatie")
        verbose_name_plural = _("reservaties")

    def __str__(self):
        return f"{self.room} {self.starts_at:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        self.blocked_from = self.starts_at - timedelta(minutes=self.buffer_before)
        self.blocked_until = self.ends_at + timedelta(minutes=self.buffer_after)
        super().save(*args, **kwargs)
