"""Reads of the care paths that pages, the to-do list and jobs share. A professional's read of
a path (the family's name, its steps, their history) is audited here, where it is handed out
(``path_read``, ``paths_listed``). The coordinator's figures are counts only."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.audit.services import audit_event, audit_record, audit_record_many
from huisvanhetkind.care.sharing import consenting_organisation_ids, current_consent_q
from huisvanhetkind.carepaths.models import (
    CarePath,
    PathEvent,
    PathStep,
    PathTemplate,
    StepHandover,
)
from huisvanhetkind.carepaths.workflow import HandoverStatus, PathStatus, StepStatus
from huisvanhetkind.core.pagination import ListPage, list_page
from huisvanhetkind.network.models import House, Organisation, Partnership
from huisvanhetkind.referrals.models import Consent

# Counts from 1 up to (not including) this number are shown as "< 5".
SMALL = 5
PAGE_SIZE = 50  # running paths a page


def participant_ids(path: CarePath) -> set[int]:
    """The organisations that take part in ``path``: the one that started it, every one that
    holds a step, and every one a step is offered to now."""
    holders = set(PathStep.objects.filter(path=path).values_list("organisation_id", flat=True))
    offered = set(
        StepHandover.objects.filter(step__path=path, status=HandoverStatus.OFFERED).values_list(
            "to_organisation_id", flat=True
        )
    )
    return {path.started_by_organisation_id} | holders | offered


def visible_organisation_ids(organisation_ids: set[int], path: CarePath, today: date) -> set[int]:
    """Which of ``organisation_ids`` see ``path`` today: they take part in it and the family
    has a current consent with them in the house (``care.sharing``)."""
    if not organisation_ids or path.family_id is None:
        return set()
    taking_part = organisation_ids & participant_ids(path)
    if not taking_part:
        return set()
    return taking_part & consenting_organisation_ids(
        family_id=path.family_id, house_id=path.house_id, today=today
    )


def _takes_part(organisation_id: int, today: date) -> Q:
    consent = Consent.objects.filter(
        current_consent_q(today),
        family_id=OuterRef("family_id"),
        house_id=OuterRef("house_id"),
        recipient_id=organisation_id,
    )
    holds = PathStep.objects.filter(path_id=OuterRef("pk"), organisation_id=organisation_id)
    offered = StepHandover.objects.filter(
        step__path_id=OuterRef("pk"),
        to_organisation_id=organisation_id,
        status=HandoverStatus.OFFERED,
    )
    return Q(Exists(consent)) & (
        Q(started_by_organisation_id=organisation_id) | Q(Exists(holds)) | Q(Exists(offered))
    )


def visible_paths(organisation_ids, today: date) -> QuerySet[CarePath]:
    """The paths any of ``organisation_ids`` sees today (see ``visible_organisation_ids``)."""
    condition = Q(pk__in=[])
    for organisation_id in sorted(organisation_ids):
        condition |= _takes_part(organisation_id, today)
    return (
        CarePath.objects.filter(condition)
        .exclude(family__isnull=True)
        .select_related("house", "template", "family", "started_by_organisation")
    )


def paths_listed(*, actor, organisation_ids, today: date, page=1) -> ListPage:
    """One page of the running paths the user's organisations see, with their next open step and
    how many steps are overdue; each listed path is audited as read (the family's name is
    shown), in one insert."""
    paths = list_page(
        visible_paths(organisation_ids, today)
        .filter(status=PathStatus.RUNNING)
        .select_related("family", "template", "house")
        .annotate(
            overdue=Count(
                "steps", filter=Q(steps__status=StepStatus.OPEN, steps__due_on__lt=today)
            ),
            open_steps=Count("steps", filter=Q(steps__status=StepStatus.OPEN)),
        )
        .order_by("-started_at", "-id"),
        page,
        size=PAGE_SIZE,
    )
    fallback = Organisation.objects.filter(pk__in=organisation_ids).order_by("pk").first()
    audit_record_many(
        [
            audit_event(
                actor=actor,
                action=AuditEvent.Action.READ,
                target=path,
                house=path.house,
                organisation=path.started_by_organisation
                if path.started_by_organisation_id in organisation_ids
                else fallback,
                reason="lijst van zorgpaden",
            )
            for path in paths
        ]
    )
    return paths


@dataclass
class PathView:
    path: CarePath
    steps: list[PathStep]
    events: list[PathEvent]


def path_read(*, actor, path: CarePath, organisation: Organisation, reason: str = "") -> PathView:
    """The path with its steps (and their open offers) and its history, audited as read on
    behalf of ``organisation``."""
    steps = list(
        path.steps.select_related("organisation").prefetch_related(
            Prefetch(
                "handovers",
                queryset=StepHandover.objects.filter(status=HandoverStatus.OFFERED).select_related(
                    "to_organisation", "from_organisation"
                ),
                to_attr="open_offers",
            )
        )
    )
    events = list(path.events.select_related("actor", "organisation", "other_organisation", "step"))
    audit_record(
        actor=actor,
        action=AuditEvent.Action.READ,
        target=path,
        house=path.house,
        organisation=organisation,
        reason=reason or "zorgpad bekeken",
    )
    return PathView(path=path, steps=steps, events=events)


def offers_to(organisation_ids, today: date) -> QuerySet[StepHandover]:
    """Open offers of a step to these organisations on running paths, oldest first."""
    return (
        StepHandover.objects.filter(
            to_organisation_id__in=organisation_ids,
            status=HandoverStatus.OFFERED,
            step__path__status=PathStatus.RUNNING,
        )
        .select_related("step__path__template", "from_organisation", "to_organisation")
        .order_by("offered_at", "id")
    )


def overdue_steps(organisation_ids, today: date) -> QuerySet[PathStep]:
    """Open steps these organisations hold on running paths whose window has passed (only
    where the family's consent for that organisation is current: else they see nothing)."""
    consent = Consent.objects.filter(
        current_consent_q(today),
        family_id=OuterRef("path__family_id"),
        house_id=OuterRef("path__house_id"),
        recipient_id=OuterRef("organisation_id"),
    )
    return (
        PathStep.objects.filter(
            organisation_id__in=organisation_ids,
            status=StepStatus.OPEN,
            due_on__lt=today,
            path__status=PathStatus.RUNNING,
        )
        .filter(Exists(consent))
        .select_related("path__template", "organisation")
        .order_by("due_on", "id")
    )


def consent_candidates(organisation_ids, house_ids, today: date) -> QuerySet[Consent]:
    """The current consents given to these organisations (with a family) a path can start
    from, newest first."""
    return (
        Consent.objects.filter(current_consent_q(today))
        .filter(recipient_id__in=organisation_ids, house_id__in=house_ids, family__isnull=False)
        .select_related("family", "recipient", "house")
        .order_by("-given_at", "-id")
    )


def consents_read(*, actor, consents: list[Consent]) -> list[Consent]:
    """The consents whose family's name the start page lists, each audited as read on behalf
    of the organisation it was given to."""
    for consent in consents:
        audit_record(
            actor=actor,
            action=AuditEvent.Action.READ,
            target=consent,
            house=consent.house,
            organisation=consent.recipient,
            reason="gezinnen om een zorgpad voor te starten",
        )
    return consents


def house_partners(house: House) -> QuerySet[Organisation]:
    return Organisation.objects.filter(
        partnerships__house=house, partnerships__status=Partnership.Status.ACTIVE
    ).order_by("name")


def current_templates(house_ids) -> QuerySet[PathTemplate]:
    return (
        PathTemplate.objects.current()
        .filter(house_id__in=house_ids)
        .select_related("house")
        .annotate(step_count=Count("steps"))
        .order_by("name")
    )


# --- The coordinator's figures -----------------------------------------------------------------


@dataclass(frozen=True)
class Count_:
    value: int

    @property
    def hidden(self) -> bool:
        return 0 < self.value < SMALL

    def __str__(self) -> str:
        return "< 5" if self.hidden else str(self.value)


@dataclass(frozen=True)
class TemplateFigures:
    name: str
    versions: int
    started: Count_
    completed: Count_
    steps_on_time: Count_
    steps_late: Count_
    overdue: Count_


def template_figures(house: House, today: date) -> list[TemplateFigures]:
    """Per template (all its versions together): paths started and completed; steps
    done within their window, done after it, and open past it now. Counts only, never a
    family; a count of 1 to 4 is shown as "< 5". No total row and no count that is the sum of
    others is shown, so a hidden count cannot be worked out from the ones beside it."""
    templates = (
        PathTemplate.objects.filter(house=house)
        .values("lineage")
        .annotate(versions=Count("id"))
        .order_by()
    )
    names = dict(PathTemplate.objects.current().filter(house=house).values_list("lineage", "name"))
    paths = {
        row["template__lineage"]: row
        for row in CarePath.objects.filter(house=house)
        .values("template__lineage")
        .annotate(
            started=Count("id"),
            completed=Count("id", filter=Q(status=PathStatus.COMPLETED)),
        )
        .order_by()
    }
    steps = {
        row["path__template__lineage"]: row
        for row in PathStep.objects.filter(path__house=house)
        .values("path__template__lineage")
        .annotate(
            on_time=Count(
                "id",
                filter=Q(status=StepStatus.DONE, finished_on__lte=F("due_on")),
            ),
            late=Count("id", filter=Q(status=StepStatus.DONE, finished_on__gt=F("due_on"))),
            overdue=Count(
                "id",
                filter=Q(
                    status=StepStatus.OPEN,
                    due_on__lt=today,
                    path__status=PathStatus.RUNNING,
                ),
            ),
        )
        .order_by()
    }
    rows = []
    for row in templates:
        lineage = row["lineage"]
        p = paths.get(lineage, {})
        s = steps.get(lineage, {})
        rows.append(
            TemplateFigures(
                name=names.get(lineage, ""),
                versions=row["versions"],
                started=Count_(p.get("started", 0)),
                completed=Count_(p.get("completed", 0)),
                steps_on_time=Count_(s.get("on_time", 0)),
                steps_late=Count_(s.get("late", 0)),
                overdue=Count_(s.get("overdue", 0)),
            )
        )
    return sorted(rows, key=lambda r: r.name.lower())
