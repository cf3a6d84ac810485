"""The baby-gear library (babytheek) of a house: its items, the families' yearly memberships,
the loans (a reservation for a pick-up date that becomes a loan) and a waitlist per item.

An item is never held twice at once: a reserved or lent loan holds it from its pick-up date up
to (not including) its due date, and the database refuses an overlap (an exclusion constraint on
PostgreSQL, triggers on SQLite: migration 0002). A lent item whose due date has passed is
overdue; it holds the item until it comes back (checked by the services).
"""

from datetime import date

from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.activities.photos import PhotoField
from huisvanhetkind.babytheek.workflow import LoanStatus
from huisvanhetkind.core.crypto import EncryptedTextField
from huisvanhetkind.network.models import House


class Item(models.Model):
    class Category(models.TextChoices):
        ON_THE_ROAD = "road", _("onderweg")
        SLEEPING = "sleep", _("slapen")
        CARE = "care", _("verzorging en bad")
        EATING = "eat", _("eten")
        PLAYING = "play", _("spelen")
        OTHER = "other", _("andere")

    class Condition(models.TextChoices):
        NEW = "new", _("als nieuw")
        GOOD = "good", _("goed")
        USED = "used", _("gebruikt, met sporen")
        WORN = "worn", _("versleten")

    house = models.ForeignKey(House, on_delete=models.CASCADE, related_name="babytheek_items")
    name = models.CharField(_("naam"), max_length=120)
    category = models.CharField(
        _("soort"), max_length=10, choices=Category.choices, default=Category.OTHER
    )
    description = models.TextField(_("beschrijving"), blank=True)
    photo = PhotoField(_("foto"), upload_to="babytheek/", blank=True)
    photo_alt = models.CharField(_("beschrijving van de foto"), max_length=200, blank=True)
    condition = models.CharField(
        _("staat"), max_length=10, choices=Condition.choices, default=Condition.GOOD
    )
    deposit = models.DecimalField(_("waarborg (euro)"), max_digits=6, decimal_places=2, default=0)
    loan_weeks = models.PositiveSmallIntegerField(_("uitleentermijn (weken)"), default=4)
    is_active = models.BooleanField(_("uitleenbaar"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["house", "category", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(loan_weeks__gte=1) & Q(loan_weeks__lte=26),
                name="babytheek_item_loan_weeks",
                violation_error_message=_("De uitleentermijn is 1 tot 26 weken."),
            ),
            models.CheckConstraint(
                condition=Q(deposit__gte=0),
                name="babytheek_item_deposit_positive",
                violation_error_message=_("De waarborg kan niet negatief zijn."),
            ),
        ]
        verbose_name = _("babytheekartikel")
        verbose_name_plural = _("babytheekartikels")

    def __str__(self):
        return self.name


class Membership(models.Model):
    """A family's yearly membership of the house's babytheek. The social tariff is a box the
    family ticks itself: never shown, only counted."""

    house = models.ForeignKey(House, on_delete=models.CASCADE, related_name="babytheek_memberships")
    name = EncryptedTextField(_("naam"), blank=True)
    email = EncryptedTextField(_("e-mail"), blank=True)
    email_digest = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    phone = EncryptedTextField(_("telefoon"), blank=True)
    postcode = models.CharField(_("postcode"), max_length=4, blank=True)
    social_tariff = models.BooleanField(_("sociaal tarief"), default=False)
    fee_paid = models.BooleanField(_("lidgeld betaald"), default=False)
    valid_from = models.DateField(_("geldig vanaf"))
    valid_until = models.DateField(_("geldig tot"))
    created_at = models.DateTimeField(auto_now_add=True)
    # The family asked its erasure ("Mijn gegevens") while an item was still lent: the name and
    # contact stay until the item is back, then the nightly rule erases them (memberships_due).
    erase_requested_at = models.DateTimeField(null=True, blank=True, editable=False)
    erased_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-valid_until", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__gte=F("valid_from")),
                name="babytheek_membership_period",
                violation_error_message=_("Het einde van het lidmaatschap ligt na het begin."),
            )
        ]
        verbose_name = _("lidmaatschap van de babytheek")
        verbose_name_plural = _("lidmaatschappen van de babytheek")

    def __str__(self):
        return _("Lid #%(pk)s") % {"pk": self.pk}

    def covers(self, day: date) -> bool:
        return self.valid_from <= day <= self.valid_until


class Loan(models.Model):
    """A reservation of an item for a pick-up date, which becomes a loan when it is handed over."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="loans")
    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="loans")
    pickup_date = models.DateField(_("ophaaldatum"))
    due_date = models.DateField(_("terugbrengen tegen"))
    status = models.CharField(
        _("status"), max_length=10, choices=LoanStatus.choices, default=LoanStatus.RESERVED
    )
    lent_at = models.DateTimeField(null=True, blank=True)
    returned_at = models.DateTimeField(_("teruggebracht op"), null=True, blank=True)
    return_note = models.CharField(_("staat bij terugbrengen"), max_length=300, blank=True)
    reminded_on = models.DateField(null=True, blank=True, editable=False)
    token_hash = models.CharField(max_length=64, unique=True, null=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pickup_date", "pk"]
        indexes = [models.Index(fields=["item", "status", "pickup_date"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(due_date__gt=F("pickup_date")),
                name="babytheek_loan_due_after_pickup",
                violation_error_message=_("De terugbrengdatum ligt na de ophaaldatum."),
            )
        ]
        verbose_name = _("ontlening")
        verbose_name_plural = _("ontleningen")

    def __str__(self):
        return f"{self.item} {self.pickup_date:%Y-%m-%d}"

    @property
    def is_overdue(self) -> bool:
        return self.status == LoanStatus.LENT and self.due_date < timezone.localdate()


class WaitlistEntry(models.Model):
    """A family waiting for an item; the first one gets an e-mail when the item comes back."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="waitlist")
    name = EncryptedTextField(_("naam"), blank=True)
    email = EncryptedTextField(_("e-mail"), blank=True)
    email_digest = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    notified_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("plaats op de wachtlijst")
        verbose_name_plural = _("wachtlijst van de babytheek")

    def __str__(self):
        return _("Wachtlijst #%(pk)s") % {"pk": self.pk}
