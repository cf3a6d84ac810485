"""The steering instrument: the strategic goals of a plan period per policy domain, the annual
plan (jaarplan) with its actions, their status history and progress notes.

"The house itself" is the policy domain ``huis`` that the network app loads with the others, so
every goal has a domain."""

import re

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.network.models import Domain, Group, House, Organisation
from huisvanhetkind.steering.workflow import ActionStatus

# The coverage app names a gap in the offer "gap-<domain slug>-<age group slug>-<NIS code>".
GAP_ID = re.compile(r"gap-[a-z0-9]+(?:-[a-z0-9]+)*-[0-9]{5}")
MAX_GAPS = 20


class PlanPeriod(models.Model):
    """A period of the strategic note (e.g. 2020-2025), usually the municipality's term."""

    house = models.ForeignKey(House, on_delete=models.CASCADE, related_name="plan_periods")
    start_year = models.PositiveSmallIntegerField(_("beginjaar"))
    end_year = models.PositiveSmallIntegerField(_("eindjaar"))
    title = models.CharField(_("titel"), max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-start_year"]
        constraints = [
            models.UniqueConstraint(fields=["house", "start_year"], name="one_period_per_start"),
            models.CheckConstraint(
                condition=Q(end_year__gte=F("start_year")), name="period_end_after_start"
            ),
        ]
        verbose_name = _("beleidsperiode")
        verbose_name_plural = _("beleidsperiodes")

    def __str__(self):
        return f"{self.title} ({self.start_year}-{self.end_year})"

    def covers(self, year: int) -> bool:
        return self.start_year <= year <= self.end_year


class Goal(models.Model):
    """A strategic goal (strategische doelstelling) of a period in one policy domain."""

    period = models.ForeignKey(PlanPeriod, on_delete=models.CASCADE, related_name="goals")
    domain = models.ForeignKey(
        Domain, on_delete=models.PROTECT, related_name="+", verbose_name=_("beleidsdomein")
    )
    code = models.CharField(_("code"), max_length=20, blank=True)
    title = models.CharField(_("doelstelling"), max_length=300)
    description = models.TextField(_("toelichting"), blank=True)
    indicators = models.TextField(_("indicatoren"), blank=True)
    policy_objective_code = models.CharField(
        _("beleidsdoelstelling in het meerjarenplan"), max_length=30, blank=True
    )
    action_plan_code = models.CharField(
        _("actieplan in het meerjarenplan"), max_length=30, blank=True
    )
    weight = models.PositiveSmallIntegerField(
        _("gewicht"), default=1, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["domain__position", "code", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(weight__gte=1), name="goal_weight_positive"),
        ]
        verbose_name = _("strategische doelstelling")
        verbose_name_plural = _("strategische doelstellingen")

    def __str__(self):
        return f"{self.code} {self.title}".strip()


class AnnualPlan(models.Model):
    """The plan of approach (jaarplan) of one year, under the period that covers it."""

    house = models.ForeignKey(House, on_delete=models.CASCADE, related_name="annual_plans")
    year = models.PositiveSmallIntegerField(_("jaar"))
    period = models.ForeignKey(PlanPeriod, on_delete=models.PROTECT, related_name="annual_plans")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["house", "year"], name="one_annual_plan_per_year")
        ]
        verbose_name = _("jaarplan")
        verbose_name_plural = _("jaarplannen")

    def __str__(self):
        return f"{_('Jaarplan')} {self.year}"


class Action(models.Model):
    """An action of the annual plan towards a goal. Measured by a live indicator (``indicator``
    set: progress is where it stands between baseline and target) or by hand (``progress``)."""

    plan = models.ForeignKey(AnnualPlan, on_delete=models.CASCADE, related_name="actions")
    goal = models.ForeignKey(
        Goal, on_delete=models.PROTECT, related_name="actions", verbose_name=_("doelstelling")
    )
    title = models.CharField(_("actie"), max_length=300)
    description = models.TextField(_("beschrijving"), blank=True)
    lead_organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("trekkende partner"),
    )
    participants = models.ManyToManyField(
        Organisation, blank=True, related_name="+", verbose_name=_("deelnemende partners")
    )
    working_group = models.ForeignKey(
        Group,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("werkgroep"),
    )
    starts_on = models.DateField(_("start"))
    ends_on = models.DateField(_("einde"))
    budget = models.DecimalField(
        _("budget (euro)"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    status = models.CharField(
        _("status"), max_length=12, choices=ActionStatus.choices, default=ActionStatus.PLANNED
    )
    weight = models.PositiveSmallIntegerField(
        _("gewicht"), default=1, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    progress = models.PositiveSmallIntegerField(
        _("voortgang (%)"), default=0, validators=[MaxValueValidator(100)]
    )
    indicator = models.CharField(_("live indicator"), max_length=60, blank=True)
    baseline = models.DecimalField(
        _("beginwaarde"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    target = models.DecimalField(
        _("streefwaarde"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    target_on = models.DateField(_("streefdatum"), null=True, blank=True)
    gap_ids = models.JSONField(_("lacunes in het aanbod"), default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["starts_on", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(weight__gte=1), name="action_weight_positive"),
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="action_end_after_start"
            ),
            models.CheckConstraint(condition=Q(progress__lte=100), name="action_progress_max"),
        ]
        indexes = [models.Index(fields=["plan", "goal"])]
        verbose_name = _("actie")
        verbose_name_plural = _("acties")

    def __str__(self):
        return self.title

    @property
    def is_measured(self) -> bool:
        return bool(self.indicator)


class ActionEvent(models.Model):
    """A status change of an action (append-only history)."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(max_length=12, choices=ActionStatus.choices, blank=True)
    to_status = models.CharField(max_length=12, choices=ActionStatus.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.CharField(_("toelichting"), max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("statuswijziging van een actie")
        verbose_name_plural = _("statuswijzigingen van acties")

    def __str__(self):
        return f"{self.action}: {self.from_status} → {self.to_status}"


class ProgressNote(models.Model):
    """A dated note on how an action is going (internal: partners read it, the public does not)."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="notes")
    written_on = models.DateField(_("datum"))
    text = models.TextField(_("stand van zaken"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-written_on", "-pk"]
        verbose_name = _("voortgangsnotitie")
        verbose_name_plural = _("voortgangsnotities")

    def __str__(self):
        return f"{self.action} ({self.written_on})"


# --- Meetings of the groups and the yearly partner consultation ------------------------------


class Meeting(models.Model):
    """A meeting of a network group (stuurgroep, partneroverleg, werkgroep): when and where,
    the agenda members add points to until ``agenda_deadline``, attendance, minutes."""

    group = models.ForeignKey(
        Group, on_delete=models.CASCADE, related_name="meetings", verbose_name=_("groep")
    )
    title = models.CharField(_("titel"), max_length=200)
    starts_at = models.DateTimeField(_("begin"))
    ends_at = models.DateTimeField(_("einde"))
    place = models.CharField(_("plaats"), max_length=300, blank=True)
    video_url = models.URLField(_("videolink"), blank=True)
    agenda_deadline = models.DateTimeField(_("agendapunten toevoegen tot"))
    minutes = models.TextField(_("verslag"), blank=True)
    invited_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="meeting_end_after_start"
            ),
        ]
        verbose_name = _("vergadering")
        verbose_name_plural = _("vergaderingen")

    def __str__(self):
        return self.title


class AgendaItem(models.Model):
    """A point on a meeting's agenda, added by a member before the deadline."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda")
    title = models.CharField(_("agendapunt"), max_length=200)
    description = models.TextField(_("toelichting"), blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("agendapunt")
        verbose_name_plural = _("agendapunten")

    def __str__(self):
        return self.title


class Attendance(models.Model):
    """Whether a member was present, excused or absent."""

    class Status(models.TextChoices):
        PRESENT = "present", _("aanwezig")
        EXCUSED = "excused", _("verontschuldigd")
        ABSENT = "absent", _("afwezig")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(_("aanwezigheid"), max_length=10, choices=Status.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["meeting", "user"], name="one_attendance_per_member")
        ]
        verbose_name = _("aanwezigheid")
        verbose_name_plural = _("aanwezigheden")

    def __str__(self):
        return f"{self.user} — {self.meeting}"


class Decision(models.Model):
    """A decision of a meeting; a follow-up becomes an action of the annual plan with an owner
    and a due date (``action`` set). ``reminded_on``: the day the owner was last reminded."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    text = models.TextField(_("beslissing"))
    action = models.ForeignKey(
        Action, null=True, blank=True, on_delete=models.SET_NULL, related_name="decisions"
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("eigenaar"),
    )
    due_on = models.DateField(_("uiterlijk op"), null=True, blank=True)
    reminded_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("beslissing")
        verbose_name_plural = _("beslissingen")

    def __str__(self):
        return self.text[:80]


class MeetingDocument(models.Model):
    """A document of a meeting (PDF or office file), stored outside the web root under
    ``VAR_DIR/private/steering``; ``path`` is relative to that directory."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="documents")
    name = models.CharField(_("bestandsnaam"), max_length=200)
    kind = models.CharField(max_length=10)
    size = models.PositiveIntegerField()
    path = models.CharField(max_length=200, unique=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("document van een vergadering")
        verbose_name_plural = _("documenten van vergaderingen")

    def __str__(self):
        return self.name


class PartnerFeedback(models.Model):
    """A partner organisation's answer to the yearly partner consultation on the annual plan
    (one per organisation per house and year)."""

    house = models.ForeignKey(House, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField(_("jaar"))
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    going_well = models.TextField(_("Wat loopt goed in het jaarplan?"), blank=True)
    to_improve = models.TextField(_("Wat kan beter of ontbreekt?"), blank=True)
    contribution = models.TextField(_("Waaraan wil jullie organisatie meewerken?"), blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["house", "year", "organisation"], name="one_feedback_per_partner_year"
            )
        ]
        verbose_name = _("antwoord op het partneroverleg")
        verbose_name_plural = _("antwoorden op het partneroverleg")

    def __str__(self):
        return f"{self.organisation} {self.year}"
