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
from huisvanhetkind.core.crypto import EncryptedTextField
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


# --- Requests (opvangvragen), urgent requests, allocation rounds, placements, tariffs ---------
#
# A family's request for the whole house (``ChildcareRequest``) names up to ``MAX_WISHES``
# locations in order (``RequestWish``). The desk hands out free places in allocation rounds
# (``AllocationRound``, the engine in ``allocation.py``); each place a round or a provider gives
# is a ``Placement``. An urgent request (``UrgentRequest``) is answered within
# ``URGENT_ANSWER_WORKING_DAYS`` and providers offer a place for it (``UrgentOffer``). The
# income-related tariff that the estimates use is entered by the desk per year
# (``TariffYear``). The family itself is a ``families.Family`` with its ``families.Child``; no
# copy of its contact details is kept here.

MAX_WISHES = 12
URGENT_ANSWER_WORKING_DAYS = 5
# A family confirms every 3 months that its request is still needed; after two unanswered
# reminders the request closes.
CONFIRM_EVERY_MONTHS = 3
CONFIRM_REMINDERS = 2
# Requests are erased this long after they end (the register's rule).
REQUEST_RETENTION_DAYS = 365
# A provider may place children outside the rounds (with the written advice of a family
# service) for at most this share of its licensed places per calendar year.
OUTSIDE_ROUND_SHARE_PERCENT = 10


class RequestStatus(models.TextChoices):
    OPEN = "open", _("wacht op een plaats")
    OFFERED = "offered", _("plaats aangeboden")
    PLACED = "placed", _("plaats gevonden")
    WITHDRAWN = "withdrawn", _("ingetrokken")
    CLOSED = "closed", _("afgesloten")


class ChildcareRequest(models.Model):
    """One family's request for childcare for one child, for the whole house (opvangvraag)."""

    house = models.ForeignKey(
        House, on_delete=models.PROTECT, related_name="childcare_requests", verbose_name=_("huis")
    )
    # Emptied when the request is erased: the family record then no longer hangs on to it.
    family = models.ForeignKey(
        "families.Family",
        null=True,
        on_delete=models.SET_NULL,
        related_name="childcare_requests",
    )
    child = models.ForeignKey(
        "families.Child",
        null=True,
        on_delete=models.SET_NULL,
        related_name="childcare_requests",
    )
    municipality = models.ForeignKey(
        "network.Municipality",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("gemeente waar het gezin woont"),
    )
    # The private link: its digest to find the request, and the link encrypted for e-mails.
    token_hash = models.CharField(max_length=64, unique=True, null=True, editable=False)
    token = EncryptedTextField(blank=True, editable=False)
    language = models.CharField(max_length=5, default="nl")

    wished_start = models.DateField(_("gewenste startmaand"))
    half_days = models.PositiveSmallIntegerField(
        _("halve dagen per week"), validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    days_note = EncryptedTextField(_("welke dagen"), blank=True)
    # The three priority declarations, sworn by the family (the standard's criteria).
    working = models.BooleanField(_("wij werken of studeren minstens 4/5"), default=False)
    foster = models.BooleanField(_("het is een pleegkind"), default=False)
    sworn = models.BooleanField(_("op eer verklaard"), default=False)
    # Counted in the figures, never used to rank.
    social_tariff = models.BooleanField(_("wij denken recht te hebben op het sociaal tarief"))
    care_needs = EncryptedTextField(_("specifieke zorgbehoefte"), blank=True)
    note = EncryptedTextField(_("opmerking"), blank=True)

    status = models.CharField(
        _("status"), max_length=10, choices=RequestStatus.choices, default=RequestStatus.OPEN
    )
    # The standard's ``requested_at``: local time, the tie-break after the priority tier.
    requested_at = models.DateTimeField(_("aangevraagd op"), default=timezone.now)
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    confirmed_at = models.DateTimeField(_("laatst bevestigd op"), default=timezone.now)
    confirm_reminders_sent = models.PositiveSmallIntegerField(default=0)
    last_reminder_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(_("afgesloten op"), null=True, blank=True)
    end_reason = models.CharField(_("reden van afsluiten"), max_length=200, blank=True)
    erased_at = models.DateTimeField(null=True, blank=True)
    # The child's age band at the wished start (0: under 1, 1, 2, 3: 3 or older), kept when the
    # request is erased and its child link emptied, for the figures (no date of birth stays).
    age_band = models.PositiveSmallIntegerField(null=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["requested_at", "id"]
        indexes = [
            models.Index(fields=["house", "status", "requested_at"]),
            models.Index(fields=["status", "confirmed_at"]),
            models.Index(fields=["ended_at"]),
        ]
        verbose_name = _("opvangvraag")
        verbose_name_plural = _("opvangvragen")

    def __str__(self):
        # Never personal data: this label ends up in the audit trail.
        return f"Opvangvraag #{self.pk}"

    @property
    def is_active(self) -> bool:
        return self.status in (RequestStatus.OPEN, RequestStatus.OFFERED)


class RequestWish(models.Model):
    """One wished location of a request, ``rank`` 1 being the most wanted."""

    request = models.ForeignKey(ChildcareRequest, on_delete=models.CASCADE, related_name="wishes")
    location = models.ForeignKey(ChildcareLocation, on_delete=models.CASCADE, related_name="wishes")
    rank = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(MAX_WISHES)]
    )
    # A brother or sister already goes to this location (the ``sibling`` criterion).
    sibling = models.BooleanField(_("broer of zus gaat hier al"), default=False)

    class Meta:
        ordering = ["request", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["request", "rank"], name="wish_rank_once"),
            models.UniqueConstraint(fields=["request", "location"], name="wish_location_once"),
        ]
        verbose_name = _("gewenste opvang")
        verbose_name_plural = _("gewenste opvang")

    def __str__(self):
        return f"{self.request_id} #{self.rank}: {self.location_id}"


class UrgentReason(models.TextChoices):
    WORK = "work", _("werk of opleiding gevonden")
    CRISIS = "crisis", _("een crisis in het gezin")
    CARE = "care", _("het gezin krijgt hulp (jeugdhulp, pleegzorg)")
    OTHER = "other", _("een andere dringende reden")


class UrgentStatus(models.TextChoices):
    NEW = "new", _("nieuw")
    PLACED = "placed", _("plaats gevonden")
    NO_PLACE = "no_place", _("geen plaats gevonden")
    WITHDRAWN = "withdrawn", _("ingetrokken")


class UrgentRequest(models.Model):
    """An urgent request for childcare (dringende opvangvraag), answered within
    ``URGENT_ANSWER_WORKING_DAYS`` working days. Filed by the family or by a professional."""

    house = models.ForeignKey(
        House, on_delete=models.PROTECT, related_name="urgent_requests", verbose_name=_("huis")
    )
    # Emptied when the request is erased: the family record then no longer hangs on to it.
    family = models.ForeignKey(
        "families.Family",
        null=True,
        on_delete=models.SET_NULL,
        related_name="urgent_childcare_requests",
    )
    child = models.ForeignKey(
        "families.Child",
        null=True,
        on_delete=models.SET_NULL,
        related_name="urgent_childcare_requests",
    )
    municipality = models.ForeignKey(
        "network.Municipality", on_delete=models.PROTECT, related_name="+"
    )
    token_hash = models.CharField(max_length=64, unique=True, null=True, editable=False)
    token = EncryptedTextField(blank=True, editable=False)
    language = models.CharField(max_length=5, default="nl")
    reason = models.CharField(_("reden"), max_length=10, choices=UrgentReason.choices)
    needed_from = models.DateField(_("opvang nodig vanaf"))
    half_days = models.PositiveSmallIntegerField(
        _("halve dagen per week"), validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    situation = EncryptedTextField(_("situatie"), blank=True)
    # A professional who files it for a family (desk-side form), and their organisation.
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    filed_by_organisation = models.ForeignKey(
        "network.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=UrgentStatus.choices, default=UrgentStatus.NEW
    )
    answer_due = models.DateField(_("antwoord ten laatste op"))
    answered_at = models.DateTimeField(_("beantwoord op"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    placed_at = models.ForeignKey(
        ChildcareLocation, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    outcome = EncryptedTextField(_("antwoord aan het gezin"), blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    erased_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["answer_due", "created_at", "id"]
        indexes = [models.Index(fields=["house", "status", "answer_due"])]
        verbose_name = _("dringende opvangvraag")
        verbose_name_plural = _("dringende opvangvragen")

    def __str__(self):
        return f"Dringende opvangvraag #{self.pk}"


class UrgentOffer(models.Model):
    """A provider's "I can take this child" for an urgent request (which it sees anonymised)."""

    urgent = models.ForeignKey(UrgentRequest, on_delete=models.CASCADE, related_name="offers")
    location = models.ForeignKey(
        ChildcareLocation, on_delete=models.CASCADE, related_name="urgent_offers"
    )
    offered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.CharField(_("opmerking"), max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["urgent", "location"], name="urgent_offer_once")
        ]

    def __str__(self):
        return f"{self.urgent_id}: {self.location_id}"


class RoundStatus(models.TextChoices):
    DONE = "done", _("verdeeld")
    CLOSED = "closed", _("afgesloten")


class AllocationRound(models.Model):
    """One allocation round of a house for a start month: its input and result exactly in the
    format of the allocation standard, and the audit (blocking pairs, which must be none)."""

    house = models.ForeignKey(House, on_delete=models.CASCADE, related_name="allocation_rounds")
    month = models.DateField(_("startmaand"))
    status = models.CharField(max_length=10, choices=RoundStatus.choices, default=RoundStatus.DONE)
    input = models.JSONField(default=dict)
    result = models.JSONField(default=dict)
    blocking_pairs = models.PositiveIntegerField(default=0)
    offer_deadline = models.DateField(_("antwoorden ten laatste op"))
    run_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    run_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-run_at", "-id"]
        indexes = [models.Index(fields=["house", "month"])]
        verbose_name = _("verdeelronde")
        verbose_name_plural = _("verdeelrondes")

    def __str__(self):
        return f"{self.house_id} {self.month:%Y-%m} #{self.pk}"


class PlacementStatus(models.TextChoices):
    PROPOSED = "proposed", _("voorgesteld, wacht op de opvang")
    CONFIRMED = "confirmed", _("bevestigd door de opvang, wacht op het gezin")
    REFUSED = "refused", _("geweigerd door de opvang")
    ACCEPTED = "accepted", _("aanvaard door het gezin")
    DECLINED = "declined", _("afgewezen door het gezin")
    EXPIRED = "expired", _("niet beantwoord")


class Placement(models.Model):
    """A place at a location for a request: from a round, or given by the provider outside the
    rounds with the written advice of a family service (``outside_round``)."""

    request = models.ForeignKey(
        ChildcareRequest, on_delete=models.CASCADE, related_name="placements"
    )
    location = models.ForeignKey(
        ChildcareLocation, on_delete=models.PROTECT, related_name="placements"
    )
    round = models.ForeignKey(
        AllocationRound, null=True, blank=True, on_delete=models.CASCADE, related_name="placements"
    )
    month = models.DateField(_("startmaand"))
    wish_rank = models.PositiveSmallIntegerField(null=True, blank=True)
    status = models.CharField(
        max_length=10, choices=PlacementStatus.choices, default=PlacementStatus.PROPOSED
    )
    refusal_reason = models.CharField(_("reden van weigering"), max_length=500, blank=True)
    outside_round = models.BooleanField(default=False)
    advice_by = models.CharField(_("advies van"), max_length=200, blank=True)
    advice_reference = models.CharField(_("kenmerk van het advies"), max_length=100, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    provider_answered_at = models.DateTimeField(null=True, blank=True)
    family_answered_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["location", "status"]),
            models.Index(fields=["outside_round", "location", "created_at"]),
        ]
        verbose_name = _("plaatsing")
        verbose_name_plural = _("plaatsingen")

    def __str__(self):
        return f"Plaatsing #{self.pk}"


class TariffYear(models.Model):
    """The income-related tariff of one year as the desk enters it (no amount is hard-coded):
    below ``income_floor`` a family pays ``price_min`` per day, above ``income_ceiling``
    ``price_max``, in between ``price_min`` plus ``rate_percent`` of the income above the floor
    divided by ``income_divisor``; a day share is priced by its hours; each further child in
    care at the same time lowers the price by ``sibling_discount_percent``."""

    house = models.ForeignKey(House, on_delete=models.CASCADE, related_name="tariff_years")
    year = models.PositiveSmallIntegerField(_("jaar"))
    income_floor = models.DecimalField(
        _("inkomen ondergrens (per maand)"), max_digits=9, decimal_places=2
    )
    income_ceiling = models.DecimalField(
        _("inkomen bovengrens (per maand)"), max_digits=9, decimal_places=2
    )
    price_min = models.DecimalField(_("minimumprijs per dag"), max_digits=6, decimal_places=2)
    price_max = models.DecimalField(_("maximumprijs per dag"), max_digits=6, decimal_places=2)
    rate_percent = models.DecimalField(
        _("percentage van het inkomen"), max_digits=6, decimal_places=3
    )
    income_divisor = models.PositiveSmallIntegerField(_("gedeeld door (dagen)"), default=22)
    short_day_hours = models.DecimalField(
        _("korter dan (uur): een halve dag"), max_digits=4, decimal_places=2
    )
    long_day_hours = models.DecimalField(
        _("langer dan (uur): een lange dag"), max_digits=4, decimal_places=2
    )
    short_day_percent = models.DecimalField(
        _("halve dag: % van de dagprijs"), max_digits=5, decimal_places=2
    )
    long_day_percent = models.DecimalField(
        _("lange dag: % van de dagprijs"), max_digits=5, decimal_places=2
    )
    sibling_discount_percent = models.DecimalField(
        _("korting per ander kind in de opvang (%)"), max_digits=5, decimal_places=2
    )
    social_tariff_percent = models.DecimalField(
        _("sociaal tarief: % van de minimumprijs"), max_digits=5, decimal_places=2, default=0
    )
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["house", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["house", "year"], name="tariff_year_once"),
            models.CheckConstraint(
                name="tariff_income_bounds", condition=Q(income_floor__lt=F("income_ceiling"))
            ),
            models.CheckConstraint(
                name="tariff_price_bounds", condition=Q(price_min__lte=F("price_max"))
            ),
        ]
        verbose_name = _("inkomenstarief")
        verbose_name_plural = _("inkomenstarieven")

    def __str__(self):
        return f"{self.house_id} {self.year}"
