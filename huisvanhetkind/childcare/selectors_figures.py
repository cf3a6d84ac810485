"""The childcare desk's figures for the desk and the coordinator: counts only, never a family.

Three tables split the same requests by municipality (where the family lives), by the child's
age at the wished start (in months: 0-11, 12-23, 24-35, 36 and more; an expected child counts
from its due date) and by start month (the wished start of an open request, the start month of
a placement). Each row shows:

- the open requests now (waiting for a place or with a place offered);
- the placements the family accepted in the period (``Placement`` status accepted, by the day
  the family answered), and how many of those families ticked the social-tariff box;
- the median waiting time in days, from the request to the family's acceptance, shown from
  ``MEDIAN_FROM`` accepted placements.

Beside them: the unmet demand per month and municipality (``unmet_demand``, which the
participation figures read too) and the urgent requests answered within their term.

**Small numbers.** A count of 1 to 4 could single out a family, so it is shown as "< 5"
(the marks and cells of ``referrals.figures``). No total row is shown, but the three tables
split the same requests, so their columns add up to the same sum: a column of a table with
exactly one hidden count also hides its next smallest count (as "< 5" when it is 0 to 4, as
"×" when it is 5 or more), so the hidden one cannot be worked out from the sum. The social
tariff count is a part of the placements: it is hidden when the placements are, and when the
placements without the box are 1 to 4. The same rule holds per month for the unmet demand and
per month for the urgent requests (answered in time and not in time add up to the total).

Every table comes from a fixed number of grouped queries whatever the number of requests; the
medians are taken in Python over one list of (request, acceptance) moments.
"""

import statistics
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import NamedTuple

from django.db.models import (
    Case,
    Count,
    DateField,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, ExtractDay, ExtractMonth, ExtractYear, TruncMonth
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy

from huisvanhetkind.childcare.models import (
    ChildcareRequest,
    Placement,
    PlacementStatus,
    RequestStatus,
)
from huisvanhetkind.childcare.months import add_months, month_label
from huisvanhetkind.childcare.selectors_urgent import urgent_answered_in_time
from huisvanhetkind.network.models import House, Municipality
from huisvanhetkind.referrals.figures import (
    HIDDEN_MARK,
    MEDIAN_FROM,
    SHOWN,
    SMALL,
    SMALL_MARK,
    Cell,
    Period,
    Text,
    recent_period,
)

ACTIVE = (RequestStatus.OPEN, RequestStatus.OFFERED)
AGE_BANDS = (
    (0, gettext_lazy("0 tot 11 maanden")),
    (1, gettext_lazy("12 tot 23 maanden")),
    (2, gettext_lazy("24 tot 35 maanden")),
    (3, gettext_lazy("36 maanden of ouder")),
)
DIMENSIONS = (
    ("municipality", gettext_lazy("Per gemeente"), gettext_lazy("Gemeente")),
    ("age", gettext_lazy("Per leeftijd bij de gewenste start"), gettext_lazy("Leeftijd")),
    ("month", gettext_lazy("Per startmaand"), gettext_lazy("Startmaand")),
)
COLUMNS = ("open", "placed", "social")


# --- Suppression ----------------------------------------------------------------------------


def _mark(value: int) -> str:
    return SMALL_MARK if value < SMALL else HIDDEN_MARK


def complement(cells: list[Cell]) -> list[Cell]:
    """When exactly one count of a group that adds up to a known sum is hidden, hide the next
    smallest as well, so the hidden one cannot be worked out from the sum."""
    hidden = [index for index, cell in enumerate(cells) if not cell.shown]
    if len(hidden) != 1 or len(cells) < 2:
        return cells
    others = [index for index in range(len(cells)) if index != hidden[0]]
    nearest = min(others, key=lambda index: (cells[index].value, index))
    cells = list(cells)
    cells[nearest] = Cell(cells[nearest].value, _mark(cells[nearest].value))
    return cells


def protect_group(values: list[int]) -> list[Cell]:
    """The cells of counts that add up to a sum a reader may know: every count of 1 to 4 is
    shown as "< 5"; when that leaves exactly one count hidden, the next smallest is hidden too."""
    return complement([Cell(v, SMALL_MARK if 0 < v < SMALL else SHOWN) for v in values])


def _part_cell(part: int, whole: Cell) -> Cell:
    """A count that is a part of ``whole``: hidden with it, and when it or the rest is 1 to 4."""
    rest = whole.value - part
    if not whole.shown or 0 < part < SMALL or 0 < rest < SMALL:
        return Cell(part, _mark(part))
    return Cell(part, SHOWN)


# --- The dimensions in the database ---------------------------------------------------------


def _age_band(prefix: str):
    """The child's age band at the wished start of its request, in the database."""
    born = Coalesce(
        f"{prefix}child__birth_date", f"{prefix}child__due_date", output_field=DateField()
    )
    start = F(f"{prefix}wished_start")
    months = (
        (ExtractYear(start) - ExtractYear(born)) * 12
        + ExtractMonth(start)
        - ExtractMonth(born)
        - Case(
            When(Q(**{f"{prefix}wished_start__day__lt": ExtractDay(born)}), then=Value(1)),
            default=Value(0),
        )
    )
    computed = Case(
        When(Q(age_months__lt=12), then=Value(0)),
        When(Q(age_months__lt=24), then=Value(1)),
        When(Q(age_months__lt=36), then=Value(2)),
        default=Value(3),
        output_field=IntegerField(),
    )
    # An erased request has no child any more: it kept its band.
    return Coalesce(F(f"{prefix}age_band"), computed, output_field=IntegerField()), months


def request_age_band(request_pk: int) -> int | None:
    """The age band the figures give a request now (kept on it when it is erased)."""
    band, months = _age_band("")
    return (
        ChildcareRequest.objects.filter(pk=request_pk, child__isnull=False)
        .annotate(age_months=months)
        .annotate(band=band)
        .values_list("band", flat=True)
        .first()
    )


def _keyed(queryset, prefix: str, month_field: str):
    """``queryset`` with the three keys of a row: ``m`` (municipality), ``band`` (age band)
    and ``start`` (start month)."""
    band, months = _age_band(prefix)
    return (
        queryset.annotate(age_months=months)
        .annotate(
            m=F(f"{prefix}municipality_id"),
            band=band,
            start=TruncMonth(month_field, output_field=DateField()),
        )
        .order_by()
    )


KEY_OF = {"municipality": "m", "age": "band", "month": "start"}


def _sum_by(rows: list[dict], dimension: str, names: tuple[str, ...]) -> dict:
    """``{key: {name: count}}``: grouped rows (per municipality, band and month) summed over
    the other two keys."""
    result: dict = {}
    for row in rows:
        counts = result.setdefault(row[KEY_OF[dimension]], dict.fromkeys(names, 0))
        for name in names:
            counts[name] += row[name]
    return result


# --- The figures ----------------------------------------------------------------------------


@dataclass
class FigureRow:
    label: str
    open: Cell
    placed: Cell
    social: Cell
    median: Text


@dataclass
class FigureTable:
    key: str
    title: str
    heading: str
    rows: list[FigureRow]


class UnmetDemand(NamedTuple):
    month: date
    municipality: Municipality
    count: int


@dataclass
class UnmetRow:
    month: date
    municipality: Municipality
    count: Cell

    @property
    def month_label(self) -> str:
        return month_label(self.month)


@dataclass
class UrgentRow:
    month: date
    due: Cell
    in_time: Cell
    late: Cell

    @property
    def month_label(self) -> str:
        return month_label(self.month)


@dataclass
class Figures:
    period: Period
    tables: list[FigureTable]
    unmet: list[UnmetRow]
    urgent: list[UrgentRow]


def _aware(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, datetime.min.time()))


def _median_text(days: list[int]) -> Text:
    if len(days) < MEDIAN_FROM:
        return Text("–")
    value = statistics.median(days)
    return Text(number_format(value, decimal_pos=0 if value % 1 == 0 else 1))


def _labels(dimension: str, keys) -> dict:
    if dimension == "municipality":
        return dict(Municipality.objects.filter(pk__in=list(keys)).values_list("pk", "name"))
    if dimension == "age":
        return {band: str(label) for band, label in AGE_BANDS}
    return {key: month_label(key) for key in keys}


def _table(dimension, title, heading, open_counts, placed_counts, waits) -> FigureTable:
    keys = set(open_counts) | set(placed_counts)
    labels = _labels(dimension, keys)
    if dimension == "municipality":
        keys = sorted(keys, key=lambda key: labels.get(key, ""))
    else:
        keys = sorted(keys)
    opened = protect_group([open_counts.get(key, {}).get("n", 0) for key in keys])
    placed = protect_group([placed_counts.get(key, {}).get("n", 0) for key in keys])
    socials = complement(
        [
            _part_cell(placed_counts.get(key, {}).get("social", 0), placed[index])
            for index, key in enumerate(keys)
        ]
    )
    rows = []
    for index, key in enumerate(keys):
        rows.append(
            FigureRow(
                label=labels.get(key, "–"),
                open=opened[index],
                placed=placed[index],
                social=socials[index],
                median=_median_text(waits.get(key, [])),
            )
        )
    return FigureTable(key=dimension, title=str(title), heading=str(heading), rows=rows)


def request_tables(house: House, period: Period) -> list[FigureTable]:
    """Open requests (now), accepted placements and the median wait (in ``period``) per
    municipality, age band and start month: two grouped counts and one list of moments."""
    requests = ChildcareRequest.objects.filter(
        house=house, status__in=ACTIVE, erased_at__isnull=True
    )
    placements = Placement.objects.filter(
        request__house=house,
        status=PlacementStatus.ACCEPTED,
        family_answered_at__gte=period.starts_at,
        family_answered_at__lt=period.ends_at,
    )
    keys = ("m", "band", "start")
    open_rows = list(_keyed(requests, "", "wished_start").values(*keys).annotate(n=Count("id")))
    placed = _keyed(placements, "request__", "month")
    placed_rows = list(
        placed.values(*keys).annotate(
            n=Count("id"), social=Count("id", filter=Q(request__social_tariff=True))
        )
    )
    moments = list(placed.values_list(*keys, "request__requested_at", "family_answered_at"))
    tables = []
    for dimension, title, heading in DIMENSIONS:
        index = keys.index(KEY_OF[dimension])
        waits: dict = {}
        for row in moments:
            waits.setdefault(row[index], []).append((row[4] - row[3]).days)
        tables.append(
            _table(
                dimension,
                title,
                heading,
                _sum_by(open_rows, dimension, ("n",)),
                _sum_by(placed_rows, dimension, ("n", "social")),
                waits,
            )
        )
    return tables


def unmet_demand(house: House, months: list[date] | None = None) -> list[UnmetDemand]:
    """Per month (its first day) and municipality: the requests that wished to start in that
    month or before, were filed by its end, had not been withdrawn or closed before it began
    and had no accepted placement starting in it or before. Raw counts (counts of families:
    whoever shows them hides 1 to 4). Months default to the last 12, this one included; only
    months and municipalities with unmet demand are listed. One query for all months."""
    if months is None:
        months = recent_period(timezone.localdate()).months
    months = sorted({month.replace(day=1) for month in months})
    if not months:
        return []
    placed_from = Subquery(
        Placement.objects.filter(request=OuterRef("pk"), status=PlacementStatus.ACCEPTED)
        .order_by("month")
        .values("month")[:1],
        output_field=DateField(),
    )
    last_end = add_months(months[-1], 1)
    requests = (
        ChildcareRequest.objects.filter(
            house=house,
            erased_at__isnull=True,
            wished_start__lt=last_end,
            requested_at__lt=_aware(last_end),
        )
        .filter(Q(status__in=(*ACTIVE, RequestStatus.PLACED)) | Q(ended_at__gte=_aware(months[0])))
        .annotate(placed_from=placed_from)
    )
    counts = {}
    for index, month in enumerate(months):
        end = add_months(month, 1)
        counts[f"m{index}"] = Count(
            "id",
            filter=Q(wished_start__lt=end, requested_at__lt=_aware(end))
            & (Q(status__in=(*ACTIVE, RequestStatus.PLACED)) | Q(ended_at__gte=_aware(month)))
            & (
                Q(placed_from__gt=month)
                | Q(placed_from__isnull=True)
                & (~Q(status=RequestStatus.PLACED) | Q(ended_at__gte=_aware(month)))
            ),
        )
    rows = list(requests.values("municipality_id").annotate(**counts).order_by())
    municipalities = Municipality.objects.in_bulk([row["municipality_id"] for row in rows])
    result = [
        UnmetDemand(month, municipalities[row["municipality_id"]], row[f"m{index}"])
        for index, month in enumerate(months)
        for row in rows
        if row[f"m{index}"]
    ]
    return sorted(result, key=lambda item: (item.month, item.municipality.name))


def unmet_rows(house: House, period: Period) -> list[UnmetRow]:
    """``unmet_demand`` as the page shows it: per month, small counts hidden."""
    by_month: dict[date, list[UnmetDemand]] = {}
    for item in unmet_demand(house, period.months):
        by_month.setdefault(item.month, []).append(item)
    rows = []
    for month, items in sorted(by_month.items()):
        for item, cell in zip(items, protect_group([i.count for i in items]), strict=True):
            rows.append(UnmetRow(month, item.municipality, cell))
    return rows


def urgent_in_time(house: House, period: Period) -> list[UrgentRow]:
    """Per month of the answer's due date (the months of ``period`` up to this one): the urgent
    requests answered or past their term, and how many were answered by their due date (from
    ``selectors_urgent.urgent_answered_in_time``; withdrawn requests are not counted)."""
    this_month = timezone.localdate().replace(day=1)
    rows = []
    for month in period.months:
        if month > this_month:
            break
        counts = urgent_answered_in_time(house, month, add_months(month, 1) - timedelta(days=1))
        in_time = counts["answered_in_time"]
        due = in_time + counts["answered_late"] + counts["open_overdue"]
        if not due:
            continue
        total = protect_group([due])[0]
        parts = complement([_part_cell(in_time, total), _part_cell(due - in_time, total)])
        rows.append(UrgentRow(month, total, parts[0], parts[1]))
    return rows


def childcare_figures(house: House, period: Period | None = None) -> Figures:
    period = period or recent_period(timezone.localdate())
    return Figures(
        period=period,
        tables=request_tables(house, period),
        unmet=unmet_rows(house, period),
        urgent=urgent_in_time(house, period),
    )
