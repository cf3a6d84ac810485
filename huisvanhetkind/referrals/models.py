"""Warm referrals between partners, the family's consent behind each one, and their history.

A referral carries a family from a professional of one partner to a service (or organisation)
of another partner of the same house. It needs a consent of its own (``Consent``, modelled on
the OSLO application profile "Contactvoorkeuren": who consents, to whom, for which purpose,
which data, until when, how it was obtained); without one there is no referral. What the family
shares is encrypted at rest and erased when the consent is withdrawn or the retention ends.
"""

from django.conf import settings
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.catalogue.models import Service
from huisvanhetkind.core.crypto import EncryptedTextField
from huisvanhetkind.families.models import Child, Family
from huisvanhetkind.network.models import Domain, House, Organisation
from huisvanhetkind.referrals.workflow import (
    AWAITING_ANSWER,
    END_STATES,
    Actor,
    DeclineReason,
    ReferralStatus,
)

REASON_MAX_LENGTH = 500


class ReferralPolicy(models.Model):
    """A house's rules for referrals between its partners."""

    house = models.OneToOneField(House, on_delete=models.CASCADE, related_name="referral_policy")
    response_days = models.PositiveSmallIntegerField(
        _("antwoordtermijn in werkdagen"),
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(30)],
        help_text=_(
            "Binnen hoeveel werkdagen de ontvangende partner een doorverwijzing beantwoordt."
        ),
    )

    class Meta:
        verbose_name = _("regels voor doorverwijzingen")
        verbose_name_plural = _("regels voor doorverwijzingen")

    def __str__(self):
        return f"Doorverwijsregels van {self.house}"


class Consent(models.Model):
    """A family's consent to share its data with one organisation for one purpose, until a date.

    The terms follow OSLO "Contactvoorkeuren" (Toestemming): ``family`` is the person who
    consents (or, with ``given_by`` young person, the young person of 12 or older themselves),
    ``recipient`` the organisation it is given to, ``purpose`` the doel, ``data_categories`` the
    categories of personal data, ``obtained_via`` the channel. Withdrawn is final.
    """

    class GivenBy(models.TextChoices):
        PARENT = "parent", _("de ouder of voogd")
        YOUNG_PERSON = "young_person", _("de jongere zelf (12 jaar of ouder)")

    class ObtainedVia(models.TextChoices):
        IN_PERSON = "in_person", _("persoonlijk gesprek")
        PHONE = "phone", _("telefoon")
        FAMILY_ONLINE = "family_online", _("door het gezin online")
        YOUNG_PERSON = "young_person", _("door de jongere zelf")

    class DataCategory(models.TextChoices):
        CONTACT = "contact", _("contactgegevens")
        CHILD = "child", _("gegevens over het kind (voornaam, leeftijd)")
        REASON = "reason", _("de reden van de doorverwijzing")
        SITUATION = "situation", _("de gezinssituatie")

    house = models.ForeignKey(House, on_delete=models.PROTECT, related_name="consents")
    family = models.ForeignKey(
        Family, null=True, blank=True, on_delete=models.SET_NULL, related_name="consents"
    )
    given_by = models.CharField(
        _("wie geeft toestemming"), max_length=20, choices=GivenBy.choices, default=GivenBy.PARENT
    )
    recipient = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="consents_received",
        verbose_name=_("ontvanger"),
    )
    requested_by = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="consents_requested",
        verbose_name=_("gevraagd door"),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    purpose = models.CharField(_("doel"), max_length=300)
    data_categories = models.JSONField(_("welke gegevens"), default=list)
    obtained_via = models.CharField(_("hoe verkregen"), max_length=20, choices=ObtainedVia.choices)
    given_at = models.DateTimeField(_("gegeven op"), default=timezone.now)
    expires_on = models.DateField(_("geldig tot"))
    withdrawn_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)

    class Meta:
        ordering = ["-given_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(withdrawn_at__isnull=True) | Q(withdrawn_at__gte=models.F("given_at")),
                name="consent_withdrawn_after_given",
            ),
        ]
        verbose_name = _("toestemming")
        verbose_name_plural = _("toestemmingen")

    def __str__(self):
        # Never personal data: this label ends up in the audit trail.
        return f"Toestemming #{self.pk}"

    def is_valid_on(self, day) -> bool:
        return self.withdrawn_at is None and day <= self.expires_on


class ReferralQuerySet(models.QuerySet):
    def running(self):
        return self.exclude(status__in=END_STATES)

    def awaiting_answer(self):
        return self.filter(status__in=AWAITING_ANSWER)

    def late(self, today):
        return self.awaiting_answer().filter(due_on__lt=today)


class Referral(models.Model):
    class ContactPreference(models.TextChoices):
        PHONE = "phone", _("telefoon")
        EMAIL = "email", _("e-mail")
        TEXT = "text", _("sms")
        VISIT = "visit", _("een gesprek ter plaatse")
        TOGETHER = "together", _("samen met de verwijzer (warme overdracht)")

    class Outcome(models.TextChoices):
        GOT_HELP = "got_help", _("geholpen")
        NO_HELP = "no_help", _("niet geholpen")

    house = models.ForeignKey(House, on_delete=models.PROTECT, related_name="referrals")
    # Sending side: the organisation on whose behalf the referrer acts, and the referrer.
    from_organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="referrals_sent",
        verbose_name=_("verwijzende partner"),
    )
    referrer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="referrals_made",
        verbose_name=_("verwijzer"),
    )
    # Receiving side: the organisation, the service when one was chosen, who handles it there.
    to_organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="referrals_received",
        verbose_name=_("ontvangende partner"),
    )
    service = models.ForeignKey(
        Service,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="referrals",
        verbose_name=_("aanbod"),
    )
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="referrals_handled",
        verbose_name=_("behandelaar"),
    )
    domain = models.ForeignKey(
        Domain,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="referrals",
        verbose_name=_("beleidsdomein"),
    )
    consent = models.OneToOneField(
        Consent, on_delete=models.PROTECT, related_name="referral", verbose_name=_("toestemming")
    )
    # What is shared, as long as the consent runs: the family record, the child it is about,
    # how the family wants to be contacted, and why (only the receiving organisation reads it).
    family = models.ForeignKey(
        Family, null=True, blank=True, on_delete=models.SET_NULL, related_name="referrals"
    )
    child = models.ForeignKey(
        Child, null=True, blank=True, on_delete=models.SET_NULL, related_name="referrals"
    )
    contact_preference = models.CharField(
        _("liefst contact via"), max_length=10, choices=ContactPreference.choices
    )
    contact_note = EncryptedTextField(_("bereikbaarheid"), blank=True)
    reason = EncryptedTextField(
        _("waarom"), blank=True, validators=[MaxLengthValidator(REASON_MAX_LENGTH)]
    )
    language = models.CharField(_("taal van het gezin"), max_length=5, default="nl")

    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ReferralStatus.choices,
        default=ReferralStatus.SENT,
        db_index=True,
    )
    decline_reason = models.CharField(
        _("reden van weigering"), max_length=20, choices=DeclineReason.choices, blank=True
    )
    decline_note = models.TextField(_("toelichting bij de weigering"), blank=True)
    # The family's own answer through its link (besides the receiving side's outcome).
    family_outcome = models.CharField(max_length=10, choices=Outcome.choices, blank=True)
    family_outcome_at = models.DateTimeField(null=True, blank=True)

    # The family's link: only digests, never the link or the code in clear.
    token_hash = models.CharField(max_length=64, unique=True, null=True, editable=False)
    short_code_hash = models.CharField(max_length=64, unique=True, null=True, editable=False)

    created_at = models.DateTimeField(_("verstuurd op"), default=timezone.now, db_index=True)
    due_on = models.DateField(_("te beantwoorden tegen"))
    received_at = models.DateTimeField(null=True, blank=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)  # accepted or declined
    closed_at = models.DateTimeField(null=True, blank=True)  # reached an end state
    status_changed_at = models.DateTimeField(default=timezone.now)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    escalated_at = models.DateTimeField(null=True, blank=True)
    erased_at = models.DateTimeField(_("persoonsgegevens gewist op"), null=True, blank=True)

    objects = ReferralQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            # The lists: an organisation's newest first, whatever its houses.
            models.Index(fields=["to_organisation", "-created_at", "-id"]),
            models.Index(fields=["from_organisation", "-created_at", "-id"]),
            # The to-do list: what waits for the receiver's answer, by due date.
            models.Index(fields=["to_organisation", "status", "due_on"]),
            models.Index(fields=["house", "status", "due_on"]),
            models.Index(fields=["referrer", "-created_at", "-id"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(from_organisation=models.F("to_organisation")),
                name="referral_between_two_organisations",
            ),
        ]
        verbose_name = _("doorverwijzing")
        verbose_name_plural = _("doorverwijzingen")

    def __str__(self):
        # Never personal data: this label ends up in the audit trail.
        return f"Doorverwijzing #{self.pk}"

    @property
    def is_running(self) -> bool:
        return self.status not in END_STATES

    @property
    def awaits_answer(self) -> bool:
        return self.status in AWAITING_ANSWER

    def is_late(self, today=None) -> bool:
        return self.awaits_answer and self.due_on < (today or timezone.localdate())


class ReferralEvent(models.Model):
    """The append-only history of a referral: every status change, by whom and on whose
    behalf. A row is never changed or deleted while the referral exists."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(max_length=20, choices=ReferralStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=ReferralStatus.choices)
    actor_kind = models.CharField(max_length=10, choices=Actor.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.CharField(max_length=200, blank=True)  # never personal data
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["referral", "created_at", "id"])]
        verbose_name = _("stap van een doorverwijzing")
        verbose_name_plural = _("stappen van doorverwijzingen")

    def __str__(self):
        return f"{self.from_status or '-'} -> {self.to_status}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("The history of a referral is append-only.")
        super().save(*args, **kwargs)
