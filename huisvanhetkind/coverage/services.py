"""Every write of the coverage app: population figures and the coordinator's marks on gaps."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.audit.services import audit_record
from huisvanhetkind.core.services import model_update
from huisvanhetkind.coverage import selectors
from huisvanhetkind.coverage.models import GapStatus, PopulationFigure
from huisvanhetkind.coverage.workflow import GapState, ensure_transition
from huisvanhetkind.network.models import AgeGroup, House, Municipality


def population_figure_set(
    *,
    actor,
    house: House,
    municipality: Municipality,
    age_group: AgeGroup,
    year: int,
    count: int,
) -> PopulationFigure:
    """Enter (or correct) the number of children of ``age_group`` in ``municipality`` in
    ``year``. ``house`` is the house the figure was entered for (the audit trail's)."""
    with transaction.atomic():
        figure = (
            PopulationFigure.objects.select_for_update()
            .filter(municipality=municipality, age_group=age_group, year=year)
            .first()
        )
        if figure is None:
            figure = PopulationFigure.objects.create(
                municipality=municipality, age_group=age_group, year=year, count=count
            )
            audit_record(
                actor=actor,
                action=AuditEvent.Action.CREATE,
                target=figure,
                house=house,
                changes={"count": [None, count]},
            )
            return figure
        changes = model_update(instance=figure, data={"count": count})
        if changes:
            audit_record(
                actor=actor,
                action=AuditEvent.Action.UPDATE,
                target=figure,
                house=house,
                changes=changes,
            )
        return figure


def population_figures_import(
    *, actor, house: House, year: int, totals: dict[tuple[str, str], int]
) -> int:
    """Save the totals a CSV gave (``population_csv.parse``, without errors) for ``year``, all
    or nothing. Returns the number of figures written."""
    municipalities = {m.nis_code: m for m in house.municipalities.all()}
    age_groups = {g.slug: g for g in AgeGroup.objects.all()}
    with transaction.atomic():
        for (nis, slug), count in sorted(totals.items()):
            if nis not in municipalities or slug not in age_groups:
                raise ValidationError(_("Een cijfer hoort niet bij dit huis."))
            population_figure_set(
                actor=actor,
                house=house,
                municipality=municipalities[nis],
                age_group=age_groups[slug],
                year=year,
                count=count,
            )
    return len(totals)


def gap_status_set(
    *, actor, house: House, gap_id: str, status: str, note: str = "", now=None
) -> GapStatus:
    """Mark a gap of ``house`` as known, accepted or being worked on (with a note)."""
    if status not in GapState.values:
        raise ValidationError(
            _("Kies of het hiaat gekend is, aanvaard, of dat jullie eraan werken.")
        )
    if selectors.gap_cell(house, gap_id) is None:
        raise ValidationError(_("Dit hiaat bestaat niet in dit huis."))
    note = note.strip()
    now = now or timezone.now()
    with transaction.atomic():
        mark = GapStatus.objects.select_for_update().filter(house=house, gap_id=gap_id).first()
        if mark is None:
            mark = GapStatus.objects.create(
                house=house, gap_id=gap_id, status=status, note=note, marked_by=actor, marked_at=now
            )
            audit_record(
                actor=actor,
                action=AuditEvent.Action.CREATE,
                target=mark,
                house=house,
                changes={"status": [None, status], "note": [None, note]},
            )
            return mark
        if mark.status != status:
            ensure_transition(mark.status, status)
        changes = model_update(instance=mark, data={"status": status, "note": note})
        if changes:
            model_update(
                instance=mark,
                data={"marked_by": actor, "marked_at": now},
            )
            audit_record(
                actor=actor,
                action=AuditEvent.Action.UPDATE,
                target=mark,
                house=house,
                changes=changes,
            )
        return mark
