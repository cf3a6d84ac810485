"""The physical house: its rooms, the terms for using them, the usage agreement each partner
organisation accepts once, and the bookings.

Office hours (permanenties): a house's desks (``Desk``, e.g. the Lokaal Loket Kinderopvang), the
rules of each desk (``OfficeHourRule``: weekly, nth weekday of the month, or a list of dates) and
the closures (``Closure``: one desk, or the whole house). ``recurrence`` expands them.

An approved booking never overlaps another approved booking of the same room, buffers included:
``blocked_from``/``blocked_until`` hold the booking with its buffers, and the database refuses an
overlap (an exclusion constraint on PostgreSQL, triggers on SQLite: migration 0002).
"""

from datetime import date, time, timedelta

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.catalogue.models import Service
from huisvanhetkind.network.models import House, Location, Organisation
from huisvanhetkind.premises import recurrence
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


# --- Office hours ------------------------------------------------------------------------------


class Desk(models.Model):
    """A desk (loket) of the house where families come during office hours: the Lokaal Loket
    Kinderopvang, the Opvoedingspunt, a child-benefit desk day."""

    house = models.ForeignKey(House, on_delete=models.CASCADE, related_name="desks")
    name = models.CharField(_("naam"), max_length=150)
    slug = models.SlugField(
        _("korte naam in de link"),
        max_length=60,
        help_text=_("Kleine letters, cijfers en koppeltekens, bv. loket-kinderopvang."),
    )
    description = models.TextField(_("wat kan je er doen?"), blank=True)
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="desks",
        verbose_name=_("organisatie"),
    )
    service = models.ForeignKey(
        Service,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="desks",
        verbose_name=_("aanbod"),
    )
    room = models.ForeignKey(
        Room,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="desks",
        verbose_name=_("zaal"),
    )
    location = models.ForeignKey(
        Location,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="desks",
        verbose_name=_("adres"),
    )
    is_active = models.BooleanField(_("toon de permanenties"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["house", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["house", "slug"],
                name="premises_desk_unique_slug",
                violation_error_message=_("Dit huis heeft al een loket met die korte naam."),
            ),
            models.UniqueConstraint(
                fields=["house", "name"],
                name="premises_desk_unique_name",
                violation_error_message=_("Dit huis heeft al een loket met die naam."),
            ),
        ]
        verbose_name = _("loket")
        verbose_name_plural = _("loketten")

    def __str__(self):
        return self.name


class OfficeHourRule(models.Model):
    """When a desk is open: every given weekday (or every 2nd to 4th week, counted from the week
    of ``valid_from``), the nth weekday of the month, or on listed dates; from ``starts`` to
    ``ends`` (wall clock, Europe/Brussels), walk-in or by appointment, within an optional
    validity."""

    class Kind(models.TextChoices):
        WEEKLY = recurrence.WEEKLY_RULE, _("elke week")
        MONTHLY = recurrence.MONTHLY_RULE, _("een bepaalde weekdag van de maand")
        DATES = recurrence.DATES_RULE, _("op bepaalde datums")

    class Mode(models.TextChoices):
        WALK_IN = recurrence.WALK_IN, _("vrije inloop")
        APPOINTMENT = recurrence.APPOINTMENT, _("op afspraak")

    desk = models.ForeignKey(Desk, on_delete=models.CASCADE, related_name="rules")
    kind = models.CharField(_("soort"), max_length=10, choices=Kind.choices)
    weekdays = models.JSONField(_("weekdagen"), default=list, blank=True)  # 0 = Monday
    positions = models.JSONField(_("welke in de maand"), default=list, blank=True)  # 1-5, -1
    dates = models.JSONField(_("datums"), default=list, blank=True)  # ISO dates
    interval = models.PositiveSmallIntegerField(_("om de hoeveel weken"), default=1)
    starts = models.TimeField(_("van"))
    ends = models.TimeField(_("tot"))
    mode = models.CharField(_("hoe"), max_length=12, choices=Mode.choices, default=Mode.WALK_IN)
    valid_from = models.DateField(_("geldig vanaf"), null=True, blank=True)
    valid_until = models.DateField(_("geldig tot en met"), null=True, blank=True)
    note = models.CharField(_("opmerking"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["desk", "kind", "starts", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends__gt=F("starts")),
                name="premises_hours_ends_after_start",
                violation_error_message=_("Het einde ligt na het begin."),
            ),
            models.CheckConstraint(
                condition=Q(valid_from__isnull=True)
                | Q(valid_until__isnull=True)
                | Q(valid_until__gte=F("valid_from")),
                name="premises_hours_valid_range",
                violation_error_message=_("De geldigheid eindigt niet voor ze begint."),
            ),
            models.CheckConstraint(
                condition=Q(interval__gte=1, interval__lte=4)
                & (Q(interval=1) | Q(kind=recurrence.WEEKLY_RULE, valid_from__isnull=False)),
                name="premises_hours_interval",
                violation_error_message=_(
                    "Om de twee, drie of vier weken kan alleen bij elke week, met een datum "
                    "'geldig vanaf'."
                ),
            ),
        ]
        verbose_name = _("permanentie")
        verbose_name_plural = _("permanenties")

    def __str__(self):
        return f"{self.desk}: {self.get_kind_display()} {self.starts:%H:%M}-{self.ends:%H:%M}"

    def as_rule(self) -> recurrence.Rule:
        """The rule for the engine."""
        return recurrence.Rule(
            kind=self.kind,
            starts=self.starts,
            ends=self.ends,
            mode=self.mode,
            weekdays=tuple(self.weekdays or ()),
            positions=tuple(self.positions or ()),
            dates=tuple(date.fromisoformat(d) for d in self.dates or ()),
            valid_from=self.valid_from,
            valid_until=self.valid_until,
            interval=self.interval,
            key=self.pk,
            desk=self.desk_id,
        )


class Closure(models.Model):
    """Days a desk (or, without a desk, every desk of the house) is closed: holidays, a
    training day. Inclusive of both days."""

    house = models.ForeignKey(House, on_delete=models.CASCADE, related_name="desk_closures")
    desk = models.ForeignKey(
        Desk,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="closures",
        verbose_name=_("loket"),
    )
    starts_on = models.DateField(_("eerste dag"))
    ends_on = models.DateField(_("laatste dag"))
    reason = models.CharField(_("waarom"), max_length=150, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["house", "starts_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")),
                name="premises_closure_range",
                violation_error_message=_("De laatste dag ligt niet voor de eerste dag."),
            ),
        ]
        indexes = [models.Index(fields=["house", "ends_on"])]
        verbose_name = _("sluiting")
        verbose_name_plural = _("sluitingen")

    def __str__(self):
        return f"{self.desk or self.house}: {self.starts_on}-{self.ends_on}"

    def as_closure(self) -> recurrence.Closure:
        return recurrence.Closure(self.starts_on, self.ends_on, self.desk_id, self.reason)


# --- Subscribable calendars --------------------------------------------------------------------


class CalendarLink(models.Model):
    """A secret address at which a calendar program subscribes to a room's taken times or to an
    organisation's bookings in the house's rooms, without logging in.

    The address holds a random token; only its digest is kept (``core.tokens``), so it is shown
    once, when it is made. Each professional has at most one working link per room and per
    organisation: making a new one revokes the old one. A link is revoked, never deleted (the
    audit trail names it), and stops working as soon as its maker no longer sees the house's
    rooms (``access.get_calendar_link``)."""

    house = models.ForeignKey(House, on_delete=models.CASCADE, related_name="calendar_links")
    room = models.ForeignKey(
        Room, null=True, blank=True, on_delete=models.CASCADE, related_name="calendar_links"
    )
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="room_calendar_links",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="room_calendar_links"
    )
    digest = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["house", "-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(room__isnull=True, organisation__isnull=False)
                | Q(room__isnull=False, organisation__isnull=True),
                name="premises_calendar_link_one_target",
            ),
            models.UniqueConstraint(
                fields=["created_by", "room"],
                condition=Q(revoked_at__isnull=True, room__isnull=False),
                name="premises_calendar_link_one_per_room",
            ),
            models.UniqueConstraint(
                fields=["created_by", "house", "organisation"],
                condition=Q(revoked_at__isnull=True, organisation__isnull=False),
                name="premises_calendar_link_one_per_organisation",
            ),
        ]
        verbose_name = _("agendalink")
        verbose_name_plural = _("agendalinks")

    def __str__(self):
        # Ends up in the audit trail: what it shows, never the token.
        target = self.room.name if self.room_id else self.organisation.name
        return f"Agendalink {target}"
