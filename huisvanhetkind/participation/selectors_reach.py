"""The reach of a house (``/beheer/huis/<house>/bereik/``): how many families it reaches and how
many with the self-declared social-tariff box, per municipality and month over the last 12
months, against the population figures where the coordinator entered them.

Nobody is profiled: every number is one grouped count (a ``GROUP BY`` in the database), no
family is listed or followed across sources, and the social-tariff box is only counted. Every
count of 1 to 4 is hidden with its complements, column by column (``figures.protect``)."""

from collections import Counter
from dataclasses import dataclass
from datetime import date

from django.db.models import Count as DbCount
from django.db.models import F
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext as _

from huisvanhetkind.activities.models import Registration
from huisvanhetkind.activities.workflow import RegistrationStatus
from huisvanhetkind.childcare.models import Placement, PlacementStatus
from huisvanhetkind.coverage.selectors import population_figures
from huisvanhetkind.guidance.models import CaseloadEntry
from huisvanhetkind.network.models import House
from huisvanhetkind.participation.figures import Count, protect
from huisvanhetkind.participation.selectors_needs import months_of
from huisvanhetkind.participation.selectors_tables import Trend, month_label, month_of, trend
from huisvanhetkind.questions.models import Question
from huisvanhetkind.referrals.models import Referral

UNKNOWN = ""


@dataclass
class Measure:
    key: str
    title: str
    by_month: Counter
    by_municipality: Counter | None  # None: the source records no municipality


@dataclass
class ReachTable:
    months: list[date]
    measures: list[Measure]
    municipalities: list[str]
    population: dict[str, int]  # municipality name -> children (latest year, all age groups)
    cells: dict[str, list[Count]]  # measure key -> one protected count per municipality
    totals: dict[str, Count]
    trends: list[Trend]

    def rows(self):
        """(municipality, [count per measure], population or None) for the template and CSV."""
        for index, name in enumerate(self.municipalities):
            yield (
                name or _("onbekend"),
                [
                    self.cells[m.key][index] if m.by_municipality is not None else None
                    for m in self.measures
                ],
                self.population.get(name),
            )


def _grouped(queryset, month_field: str, municipality_field: str | None, *, truncate=True):
    """A count per month and per municipality (name) of ``queryset``: one grouped query."""
    month = TruncMonth(month_field) if truncate else F(month_field)
    queryset = queryset.annotate(reach_month=month)
    fields = ["reach_month"]
    if municipality_field:
        queryset = queryset.annotate(reach_place=F(municipality_field))
        fields.append("reach_place")
    rows = queryset.values(*fields).annotate(n=DbCount("id")).order_by()
    by_month, by_municipality = Counter(), Counter()
    for row in rows:
        by_month[month_of(row["reach_month"])] += row["n"]
        if municipality_field:
            by_municipality[row["reach_place"] or UNKNOWN] += row["n"]
    return by_month, (by_municipality if municipality_field else None)


def _since(months: list[date]):
    first = months[0]
    return timezone.make_aware(timezone.datetime(first.year, first.month, 1))


def _measures(house: House, months: list[date]) -> list[Measure]:
    since = _since(months)
    registrations = Registration.objects.filter(
        session__activity__house=house, created_at__gte=since
    ).exclude(status=RegistrationStatus.CANCELLED)
    place = "session__activity__location__municipality__name"
    placements = Placement.objects.filter(
        request__house=house,
        status=PlacementStatus.ACCEPTED,
        request__social_tariff=True,
        month__gte=months[0],
    )
    caseloads = CaseloadEntry.objects.filter(house=house, created_at__gte=since)
    questions = Question.objects.filter(house=house, created_at__gte=since)
    referrals = Referral.objects.filter(house=house, created_at__gte=since)
    return [
        Measure(
            "inschrijvingen",
            _("Inschrijvingen voor activiteiten"),
            *_grouped(registrations, "created_at", place),
        ),
        Measure(
            "sociaal-tarief",
            _("waarvan met het vakje sociaal tarief"),
            *_grouped(registrations.filter(social_tariff=True), "created_at", place),
        ),
        Measure(
            "vragen",
            _("Vragen van gezinnen"),
            *_grouped(questions, "created_at", "municipality__name"),
        ),
        Measure("verwijzingen", _("Doorverwijzingen"), *_grouped(referrals, "created_at", None)),
        Measure(
            "brugfiguren",
            _("Nieuwe gezinnen bij brugfiguren"),
            *_grouped(caseloads, "created_at", None),
        ),
        Measure(
            "opvang-sociaal",
            _("Plaatsen in de kinderopvang met sociaal tarief"),
            *_grouped(placements, "month", "request__municipality__name", truncate=False),
        ),
    ]


def _population(house: House) -> dict[str, int]:
    latest: dict[tuple[str, int], tuple[int, int]] = {}
    for figure in population_figures(house):
        key = (figure.municipality.name, figure.age_group_id)
        if key not in latest or latest[key][0] < figure.year:
            latest[key] = (figure.year, figure.count)
    totals: Counter = Counter()
    for (name, _age), (_year, count) in latest.items():
        totals[name] += count
    return dict(totals)


def reach_table(house: House, today: date | None = None) -> ReachTable:
    months = months_of(today)
    measures = _measures(house, months)
    municipalities = sorted(
        {m.name for m in house.municipalities.all()}
        | {name for m in measures if m.by_municipality for name in m.by_municipality},
        key=lambda name: (name == UNKNOWN, name),
    )
    cells, totals = {}, {}
    for measure in measures:
        source = measure.by_municipality if measure.by_municipality is not None else Counter()
        counts, total = protect(
            [source.get(name, 0) for name in municipalities], sum(measure.by_month.values())
        )
        cells[measure.key], totals[measure.key] = counts, total
    trends = [trend(f"bereik-{m.key}", m.title, months, m.by_month) for m in measures]
    return ReachTable(months, measures, municipalities, _population(house), cells, totals, trends)


def csv_rows(reach: ReachTable) -> list[list]:
    """The reach table as the CSV download: per municipality, then the total; per month."""
    header = [_("gemeente")] + [m.title for m in reach.measures] + [_("kinderen (bevolking)")]
    rows = [header]
    for name, counts, population in reach.rows():
        rows.append(
            [name]
            + ["" if count is None else str(count) for count in counts]
            + ["" if population is None else population]
        )
    rows.append([_("totaal")] + [str(reach.totals[m.key]) for m in reach.measures] + [""])
    rows.append([])
    rows.append([_("maand")] + [m.title for m in reach.measures])
    for index, month in enumerate(reach.months):
        rows.append([month_label(month)] + [str(t.counts[index]) for t in reach.trends])
    return rows
