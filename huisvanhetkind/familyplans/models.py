"""The family plan (gezinsplan, 1Gezin-1Plan): one plan per family per house, made at a round
table with the family.

A ``FamilyPlan`` holds the family's goals (``Goal``, in the family's own words) and the
agreements under each goal (``Action``: what, which organisation and optionally which person,
by when, with what support), a review date and the partners that take part (``PlanPartner``),
each only through a consent of the family (``referrals.Consent``). Each goal lists the partner
organisations that may see it, set by the family through its link or by a professional with the
family present, and recorded as such; a goal about a child of 12 or older is shown to no partner
until that child agreed. The family comments through its link (``Comment``). Each status change
of an action is kept in ``ActionEvent`` (append-only). Texts are encrypted at rest.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.core.crypto import EncryptedTextField
from huisvanhetkind.families.models import Child, Family
from huisvanhetkind.familyplans.workflow import RUNNING_ACTION_STATES, ActionStatus, PlanStatus
from huisvanhetkind.network.models import House, Organisation
from huisvanhetkind.referrals.models import Consent

TEXT_MAX_LENGTH = 1000


class SetVia(models.TextChoices):
    """How a choice of the family (who sees a goal, a young person's agreement) was recorded."""

    FAMILY_LINK = "family_link", _("door het gezin via de eigen link")
    WITH_FAMILY = "with_family", _("door de professional, met het gezin erbij")


class FamilyPlan(models.Model):
    house = models.ForeignKey(House, on_delete=models.PROTECT, related_name="family_plans")
    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="family_plans")
    # The organisation and the professional who made the plan with the family (and keep it).
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="family_plans_made",
        verbose_name=_("gemaakt door"),
    )
    keeper = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="family_plans_kept",
        verbose_name=_("aanspreekpunt"),
    )
    made_on = models.DateField(_("gemaakt op"), default=timezone.localdate)
    review_on = models.DateField(_("evaluatie op"))
    status = models.CharField(
        _("status"), max_length=10, choices=PlanStatus.choices, default=PlanStatus.ACTIVE
    )
    closed_at = models.DateTimeField(_("afgesloten op"), null=True, blank=True)
    erase_requested_at = models.DateTimeField(
        _("het gezin vroeg het wissen op"), null=True, blank=True
    )
    language = models.CharField(_("taal van het gezin"), max_length=5, default="nl")
    # The family's link: only its digest.
    token_hash = models.CharField(max_length=64, unique=True, null=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-made_on", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["house", "family"], name="one_family_plan_per_house"),
            models.CheckConstraint(
                condition=Q(review_on__gt=models.F("made_on")), name="family_plan_review_later"
            ),
        ]
        verbose_name = _("gezinsplan")
        verbose_name_plural = _("gezinsplannen")

    def __str__(self):
        # Never personal data: this label ends up in the audit trail.
        return f"Gezinsplan #{self.pk}"

    @property
    def is_active(self) -> bool:
        return self.status == PlanStatus.ACTIVE


class PlanPartner(models.Model):
    """An organisation that takes part in the plan through the family's consent; it sees the
    plan only while that consent is current."""

    plan = models.ForeignKey(FamilyPlan, on_delete=models.CASCADE, related_name="partners")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="family_plan_parts"
    )
    consent = models.ForeignKey(Consent, on_delete=models.PROTECT, related_name="family_plan_parts")
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["added_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "organisation"], name="one_part_per_partner")
        ]
        verbose_name = _("partner in een gezinsplan")
        verbose_name_plural = _("partners in gezinsplannen")

    def __str__(self):
        return f"Partner #{self.pk} van gezinsplan #{self.plan_id}"


class Goal(models.Model):
    plan = models.ForeignKey(FamilyPlan, on_delete=models.CASCADE, related_name="goals")
    text = EncryptedTextField(_("doel in de woorden van het gezin"))
    child = models.ForeignKey(
        Child,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="family_plan_goals",
        verbose_name=_("over welk kind"),
    )
    visible_to = models.ManyToManyField(
        Organisation, blank=True, related_name="family_plan_goals", verbose_name=_("wie ziet het")
    )
    visibility_set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    visibility_set_via = models.CharField(max_length=20, choices=SetVia.choices)
    visibility_set_at = models.DateTimeField(default=timezone.now)
    # Needed for a goal about a child of 12 or older (``child_needs_agreement``).
    child_agreed_at = models.DateTimeField(null=True, blank=True)
    child_agreed_via = models.CharField(max_length=20, choices=SetVia.choices, blank=True)
    child_agreed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("doel van een gezinsplan")
        verbose_name_plural = _("doelen van gezinsplannen")

    def __str__(self):
        return f"Doel #{self.pk}"


class ActionQuerySet(models.QuerySet):
    def running(self):
        return self.filter(status__in=RUNNING_ACTION_STATES)

    def late(self, today):
        return self.running().filter(due_on__lt=today)


class Action(models.Model):
    """An agreement under a goal: what, who (an organisation, optionally one person), by when,
    with what support."""

    plan = models.ForeignKey(FamilyPlan, on_delete=models.CASCADE, related_name="actions")
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="actions")
    what = EncryptedTextField(_("wat"))
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="family_plan_actions",
        verbose_name=_("wie (organisatie)"),
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="family_plan_actions",
        verbose_name=_("wie (persoon)"),
    )
    due_on = models.DateField(_("tegen wanneer"), null=True, blank=True)
    support = EncryptedTextField(_("welke steun"), blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    status_changed_at = models.DateTimeField(default=timezone.now)
    created_at = models.DateTimeField(default=timezone.now)

    objects = ActionQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["organisation", "status", "due_on"])]
        verbose_name = _("afspraak in een gezinsplan")
        verbose_name_plural = _("afspraken in gezinsplannen")

    def __str__(self):
        return f"Afspraak #{self.pk}"

    def is_late(self, today) -> bool:
        return (
            self.status in RUNNING_ACTION_STATES and self.due_on is not None and self.due_on < today
        )


class ActionEvent(models.Model):
    """The append-only history of an action's status."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(max_length=12, choices=ActionStatus.choices, blank=True)
    to_status = models.CharField(max_length=12, choices=ActionStatus.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("statuswijziging van een afspraak")
        verbose_name_plural = _("statuswijzigingen van afspraken")

    def __str__(self):
        return f"{self.from_status or '-'} -> {self.to_status}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("The history of an action is append-only.")
        super().save(*args, **kwargs)


class Comment(models.Model):
    """The family's comment through its link, on the plan or on one goal (then it is seen by
    whoever sees that goal)."""

    plan = models.ForeignKey(FamilyPlan, on_delete=models.CASCADE, related_name="comments")
    goal = models.ForeignKey(
        Goal, null=True, blank=True, on_delete=models.CASCADE, related_name="comments"
    )
    text = EncryptedTextField(_("opmerking"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("opmerking van het gezin")
        verbose_name_plural = _("opmerkingen van het gezin")

    def __str__(self):
        return f"Opmerking #{self.pk}"
