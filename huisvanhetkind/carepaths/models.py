"""Care paths (zorgpaden): a house's templates, and the paths started from them for a family.

A ``PathTemplate`` is made by the coordinator of a house: a name, a description, the kind of
reference date its timing counts from (the due date or the birth date) and its steps
(``StepTemplate``): a title, a track (medical or mental wellbeing), the kind of partner that is
responsible, a timing relative to the reference date with a window, and a checklist. A template
is edited while no path uses it; once one does, a change makes a new version (copy on change)
and the old one is retired, so a running path keeps the steps it was started with. The versions
of one template share a ``lineage``.

A ``CarePath`` is one family's path, started by an organisation with a consent of the family.
Its ``PathStep`` rows are copies of the template's steps, dated from the reference date; each is
held by one organisation and handed over to another (``StepHandover``: offered, then accepted or
declined). ``PathEvent`` is the append-only history of the path, its steps and handovers. Who
sees a path is decided by ``care.sharing`` (a current consent of the family) in ``access``.
"""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.carepaths.workflow import (
    PATH_END_STATES,
    HandoverStatus,
    PathStatus,
    StepStatus,
)
from huisvanhetkind.core.crypto import EncryptedTextField
from huisvanhetkind.families.models import Family
from huisvanhetkind.network.models import House, Organisation
from huisvanhetkind.referrals.models import Consent

# Timing: at most three years before or after the reference date; a window of at most a year.
LONGEST_OFFSET_DAYS = 3 * 366
LONGEST_WINDOW_DAYS = 366
CHECKLIST_MAX_ITEMS = 15
CHECKLIST_ITEM_MAX_LENGTH = 200
NOTE_MAX_LENGTH = 500


class ReferenceKind(models.TextChoices):
    DUE_DATE = "due_date", _("uitgerekende datum")
    BIRTH_DATE = "birth_date", _("geboortedatum")


class Track(models.TextChoices):
    MEDICAL = "medical", _("medisch")
    MENTAL = "mental", _("geestelijk welbevinden")


class PathTemplateQuerySet(models.QuerySet):
    def current(self):
        """The versions in use for new paths (not retired)."""
        return self.filter(retired_at__isnull=True)


class PathTemplate(models.Model):
    house = models.ForeignKey(House, on_delete=models.CASCADE, related_name="path_templates")
    lineage = models.UUIDField(default=uuid.uuid4, db_index=True, editable=False)
    version = models.PositiveSmallIntegerField(default=1)
    name = models.CharField(_("naam"), max_length=120)
    description = models.TextField(_("beschrijving"), blank=True, max_length=2000)
    reference_kind = models.CharField(
        _("telt vanaf"),
        max_length=12,
        choices=ReferenceKind.choices,
        default=ReferenceKind.DUE_DATE,
    )
    created_at = models.DateTimeField(default=timezone.now)
    retired_at = models.DateTimeField(_("vervangen op"), null=True, blank=True)

    objects = PathTemplateQuerySet.as_manager()

    class Meta:
        ordering = ["name", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["lineage", "version"], name="path_template_one_version_number"
            ),
            models.UniqueConstraint(
                fields=["lineage"],
                condition=Q(retired_at__isnull=True),
                name="path_template_one_current_version",
            ),
        ]
        verbose_name = _("sjabloon van een zorgpad")
        verbose_name_plural = _("sjablonen van zorgpaden")

    def __str__(self):
        return f"{self.name} (versie {self.version})"


class StepTemplate(models.Model):
    template = models.ForeignKey(PathTemplate, on_delete=models.CASCADE, related_name="steps")
    title = models.CharField(_("titel"), max_length=150)
    track = models.CharField(_("spoor"), max_length=10, choices=Track.choices)
    partner_kind = models.CharField(
        _("verantwoordelijke partner"), max_length=20, choices=Organisation.Kind.choices
    )
    # Days from the reference date (negative: before it) to the planned date; the step is due
    # ``window_days`` after the planned date.
    offset_days = models.SmallIntegerField(
        _("dagen na de referentiedatum"),
        validators=[
            MinValueValidator(-LONGEST_OFFSET_DAYS),
            MaxValueValidator(LONGEST_OFFSET_DAYS),
        ],
    )
    window_days = models.PositiveSmallIntegerField(
        _("venster in dagen"), default=14, validators=[MaxValueValidator(LONGEST_WINDOW_DAYS)]
    )
    checklist = models.JSONField(_("checklist"), default=list, blank=True)

    class Meta:
        ordering = ["template", "offset_days", "id"]
        verbose_name = _("stap van een sjabloon")
        verbose_name_plural = _("stappen van sjablonen")

    def __str__(self):
        return self.title

    @property
    def timing_days(self) -> int:
        return abs(self.offset_days)

    @property
    def is_before(self) -> bool:
        return self.offset_days < 0


class CarePathQuerySet(models.QuerySet):
    def running(self):
        return self.filter(status=PathStatus.RUNNING)


class CarePath(models.Model):
    house = models.ForeignKey(House, on_delete=models.PROTECT, related_name="care_paths")
    template = models.ForeignKey(
        PathTemplate, on_delete=models.PROTECT, related_name="paths", verbose_name=_("sjabloon")
    )
    family = models.ForeignKey(
        Family, null=True, blank=True, on_delete=models.SET_NULL, related_name="care_paths"
    )
    reference_date = models.DateField(_("referentiedatum"))
    started_by_organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="care_paths_started",
        verbose_name=_("gestart door"),
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    consent = models.ForeignKey(
        Consent,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="care_paths",
        verbose_name=_("toestemming"),
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=PathStatus.choices,
        default=PathStatus.RUNNING,
        db_index=True,
    )
    stop_reason = models.CharField(_("waarom gestopt"), max_length=200, blank=True)
    started_at = models.DateTimeField(_("gestart op"), default=timezone.now)
    ended_at = models.DateTimeField(_("beëindigd op"), null=True, blank=True)

    objects = CarePathQuerySet.as_manager()

    class Meta:
        ordering = ["-started_at", "-id"]
        indexes = [models.Index(fields=["house", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(status=PathStatus.RUNNING, ended_at__isnull=True)
                | Q(status__in=PATH_END_STATES, ended_at__isnull=False),
                name="care_path_ended_when_not_running",
            ),
        ]
        verbose_name = _("zorgpad")
        verbose_name_plural = _("zorgpaden")

    def __str__(self):
        # Never personal data: this label ends up in the audit trail.
        return f"Zorgpad #{self.pk}"

    @property
    def is_running(self) -> bool:
        return self.status == PathStatus.RUNNING


class PathStep(models.Model):
    path = models.ForeignKey(CarePath, on_delete=models.CASCADE, related_name="steps")
    title = models.CharField(_("titel"), max_length=150)
    track = models.CharField(_("spoor"), max_length=10, choices=Track.choices)
    partner_kind = models.CharField(
        _("verantwoordelijke partner"), max_length=20, choices=Organisation.Kind.choices
    )
    checklist = models.JSONField(_("checklist"), default=list, blank=True)
    ticked = models.JSONField(_("afgevinkt"), default=list, blank=True)  # indexes of the checklist
    planned_on = models.DateField(_("gepland op"))
    due_on = models.DateField(_("uiterlijk op"))
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="care_path_steps",
        verbose_name=_("opgevolgd door"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=StepStatus.choices, default=StepStatus.OPEN
    )
    finished_on = models.DateField(_("gedaan of overgeslagen op"), null=True, blank=True)
    skip_reason = EncryptedTextField(_("waarom overgeslagen"), blank=True)

    class Meta:
        ordering = ["path", "planned_on", "id"]
        indexes = [models.Index(fields=["organisation", "status", "due_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(due_on__gte=models.F("planned_on")), name="path_step_due_after_planned"
            ),
        ]
        verbose_name = _("stap van een zorgpad")
        verbose_name_plural = _("stappen van zorgpaden")

    def __str__(self):
        # Never personal data: this label ends up in the audit trail.
        return f"Stap #{self.pk} van zorgpad #{self.path_id}"

    def is_overdue(self, today) -> bool:
        return self.status == StepStatus.OPEN and self.due_on < today

    @property
    def checklist_rows(self) -> list[tuple[int, str, bool]]:
        return [(i, item, i in self.ticked) for i, item in enumerate(self.checklist)]


class StepHandover(models.Model):
    """A step offered by the organisation that holds it to another partner of the house."""

    step = models.ForeignKey(PathStep, on_delete=models.CASCADE, related_name="handovers")
    from_organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("van"),
    )
    to_organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="care_step_handovers",
        verbose_name=_("aan"),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=HandoverStatus.choices,
        default=HandoverStatus.OFFERED,
        db_index=True,
    )
    note = EncryptedTextField(_("toelichting"), blank=True)
    offered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    offered_at = models.DateTimeField(default=timezone.now)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["offered_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(from_organisation=models.F("to_organisation")),
                name="step_handover_between_two_organisations",
            ),
            models.UniqueConstraint(
                fields=["step"],
                condition=Q(status="offered"),
                name="step_handover_one_open_offer",
            ),
        ]
        verbose_name = _("overdracht van een stap")
        verbose_name_plural = _("overdrachten van stappen")

    def __str__(self):
        return f"Overdracht #{self.pk}"


class PathEvent(models.Model):
    """The append-only history of a path: its start and end, every step's status and every
    handover's move, by whom and on behalf of which organisation. Never the family's data."""

    class Kind(models.TextChoices):
        PATH = "path", _("zorgpad")
        STEP = "step", _("stap")
        HANDOVER = "handover", _("overdracht")

    path = models.ForeignKey(CarePath, on_delete=models.CASCADE, related_name="events")
    step = models.ForeignKey(
        PathStep, null=True, blank=True, on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    from_status = models.CharField(max_length=12, blank=True)
    to_status = models.CharField(max_length=12)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    other_organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("gebeurtenis van een zorgpad")
        verbose_name_plural = _("gebeurtenissen van zorgpaden")

    def __str__(self):
        return f"{self.kind}: {self.from_status or '-'} -> {self.to_status}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("The history of a care path is append-only.")
        super().save(*args, **kwargs)

    @property
    def status_label(self) -> str:
        states = {
            self.Kind.PATH: PathStatus,
            self.Kind.STEP: StepStatus,
            self.Kind.HANDOVER: HandoverStatus,
        }[self.kind]
        return states(self.to_status).label if self.to_status in states.values else ""
