"""Bridge workers (brugfiguren): the families they guide, and their signals to policy.

A bridge worker is a person of a partner organisation whom the house's coordinator designated
(the network's ``Role`` of kind bridge worker, with a house and an organisation). They keep a
caseload: one ``CaseloadEntry`` per family they guide, with the family's consent (the
referrals' ``Consent``), its help questions per life domain and a timeline of contacts. What the
family shared is encrypted at rest and erased when the consent ends or 12 months after the
guidance ended. A ``PolicySignal`` names a gap in the offer for policy, without a family.
"""

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.core.crypto import EncryptedTextField
from huisvanhetkind.families.models import Family
from huisvanhetkind.guidance.workflow import GuidanceStatus, HelpQuestionStatus
from huisvanhetkind.network.models import AgeGroup, Domain, House, Municipality, Organisation
from huisvanhetkind.referrals.models import Consent

HELP_QUESTION_MAX_LENGTH = 300
CONTACT_NOTE_MAX_LENGTH = 500
SIGNAL_MAX_LENGTH = 300
GUIDANCE_PURPOSE = "begeleiding door een brugfiguur"


class LifeDomain(models.TextChoices):
    """The life domains of a family's help questions."""

    FINANCES = "finances", _("financiën")
    HOUSING = "housing", _("wonen")
    SCHOOL = "school", _("school")
    HEALTH = "health", _("gezondheid")
    LEISURE = "leisure", _("vrije tijd")
    PAPERWORK = "paperwork", _("papieren en administratie")


class CaseloadEntryQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=GuidanceStatus.ACTIVE)

    def overdue(self, today):
        """Active guidance whose next contact was planned before ``today``."""
        return self.active().filter(next_contact_on__lt=today)


class CaseloadEntry(models.Model):
    """A family a bridge worker guides, on behalf of their organisation, in one house."""

    class EndReason(models.TextChoices):
        DONE = "done", _("de hulpvragen zijn opgelost")
        FAMILY_STOPPED = "family_stopped", _("het gezin wil stoppen")
        HANDED_OVER = "handed_over", _("overgedragen aan een andere hulpverlener")
        MOVED = "moved", _("het gezin is verhuisd")
        NO_CONTACT = "no_contact", _("geen contact meer mogelijk")
        CONSENT_WITHDRAWN = "consent_withdrawn", _("het gezin trok zijn toestemming in")
        CONSENT_EXPIRED = "consent_expired", _("de toestemming is verlopen")
        OTHER = "other", _("een andere reden")

    house = models.ForeignKey(House, on_delete=models.PROTECT, related_name="caseload_entries")
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="caseload_entries",
        verbose_name=_("organisatie"),
    )
    bridge_worker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="caseload_entries",
        verbose_name=_("brugfiguur"),
    )
    family = models.ForeignKey(
        Family,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="caseload_entries",
        verbose_name=_("gezin"),
    )
    consent = models.ForeignKey(
        Consent,
        on_delete=models.PROTECT,
        related_name="caseload_entries",
        verbose_name=_("toestemming"),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=GuidanceStatus.choices,
        default=GuidanceStatus.ACTIVE,
    )
    started_on = models.DateField(_("begeleiding gestart op"), default=timezone.localdate)
    ended_on = models.DateField(_("begeleiding beëindigd op"), null=True, blank=True)
    end_reason = models.CharField(
        _("reden van het einde"), max_length=20, choices=EndReason.choices, blank=True
    )
    next_contact_on = models.DateField(_("volgend contact"), null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    erased_at = models.DateTimeField(_("persoonsgegevens gewist op"), null=True, blank=True)

    objects = CaseloadEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-started_on", "-id"]
        indexes = [
            models.Index(fields=["bridge_worker", "status", "next_contact_on"]),
            models.Index(fields=["organisation", "house", "status"]),
            models.Index(fields=["house", "status"]),
        ]
        constraints = [
            # A family is in an organisation's caseload once at a time, per house.
            models.UniqueConstraint(
                fields=["family", "organisation", "house"],
                condition=Q(status="active", family__isnull=False),
                name="caseload_one_active_guidance_per_family",
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("started_on")),
                name="caseload_ended_after_started",
            ),
            models.CheckConstraint(
                condition=Q(status="active", ended_on__isnull=True)
                | Q(status="ended", ended_on__isnull=False),
                name="caseload_ended_on_matches_status",
            ),
        ]
        verbose_name = _("gezin in begeleiding")
        verbose_name_plural = _("gezinnen in begeleiding")

    def __str__(self):
        # Never personal data: this label ends up in the audit trail.
        return f"Begeleiding #{self.pk}"

    @property
    def is_active(self) -> bool:
        return self.status == GuidanceStatus.ACTIVE

    def contact_is_overdue(self, today=None) -> bool:
        return (
            self.is_active
            and self.next_contact_on is not None
            and self.next_contact_on < (today or timezone.localdate())
        )


class HelpQuestion(models.Model):
    """What a family asks help with, in one life domain."""

    entry = models.ForeignKey(
        CaseloadEntry, on_delete=models.CASCADE, related_name="help_questions"
    )
    domain = models.CharField(_("levensdomein"), max_length=20, choices=LifeDomain.choices)
    text = EncryptedTextField(
        _("hulpvraag"), blank=True, validators=[MaxLengthValidator(HELP_QUESTION_MAX_LENGTH)]
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=HelpQuestionStatus.choices,
        default=HelpQuestionStatus.OPEN,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["entry", "status"])]
        verbose_name = _("hulpvraag")
        verbose_name_plural = _("hulpvragen")

    def __str__(self):
        return f"Hulpvraag #{self.pk}"


class Contact(models.Model):
    """One contact with a guided family: the timeline of the guidance."""

    class Kind(models.TextChoices):
        VISIT = "visit", _("huisbezoek")
        PHONE = "phone", _("telefoon")
        MEETING = "meeting", _("gesprek")
        ACCOMPANIED = "accompanied", _("meegegaan naar een partner")

    entry = models.ForeignKey(CaseloadEntry, on_delete=models.CASCADE, related_name="contacts")
    happened_on = models.DateField(_("datum"))
    kind = models.CharField(_("soort contact"), max_length=20, choices=Kind.choices)
    note = EncryptedTextField(
        _("korte notitie"), blank=True, validators=[MaxLengthValidator(CONTACT_NOTE_MAX_LENGTH)]
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-happened_on", "-id"]
        indexes = [models.Index(fields=["entry", "-happened_on", "-id"])]
        verbose_name = _("contact")
        verbose_name_plural = _("contacten")

    def __str__(self):
        return f"Contact #{self.pk}"


class PolicySignal(models.Model):
    """A signal to policy (beleidssignaal): a gap a bridge worker sees, without family data."""

    house = models.ForeignKey(House, on_delete=models.PROTECT, related_name="policy_signals")
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="policy_signals",
        verbose_name=_("organisatie"),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    domain = models.ForeignKey(
        Domain, on_delete=models.PROTECT, related_name="+", verbose_name=_("beleidsdomein")
    )
    age_group = models.ForeignKey(
        AgeGroup, on_delete=models.PROTECT, related_name="+", verbose_name=_("leeftijdsgroep")
    )
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="+", verbose_name=_("gemeente")
    )
    text = models.CharField(_("signaal"), max_length=SIGNAL_MAX_LENGTH)
    observed_on = models.DateField(_("datum"), default=timezone.localdate)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-observed_on", "-id"]
        indexes = [models.Index(fields=["house", "-observed_on", "-id"])]
        verbose_name = _("beleidssignaal")
        verbose_name_plural = _("beleidssignalen")

    def __str__(self):
        return f"Beleidssignaal #{self.pk}"
