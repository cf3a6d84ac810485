"""The annual report (jaarverslag) of a house for one plan year: the goals and their progress
rolled up per domain (as the plan page does), the actions done, the meetings held per group
kind, the growth of the network and the figures of the participation app (released survey
results, questions per month). Every part is an aggregate over a fixed number of queries,
whatever the size of the plan, the network or the number of meetings; every chart is a
server-side SVG with the same figures in a table beside it."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from huisvanhetkind.catalogue.models import Service
from huisvanhetkind.catalogue.workflow import ServiceStatus
from huisvanhetkind.network.models import Group, House, Partnership
from huisvanhetkind.participation.charts import bar_chart
from huisvanhetkind.participation.figures import Count as ProtectedCount
from huisvanhetkind.participation.figures import protect
from huisvanhetkind.participation.selectors import released_surveys
from huisvanhetkind.participation.selectors_reach import ReachTable, reach_table
from huisvanhetkind.participation.selectors_tables import Trend, month_of, trend
from huisvanhetkind.questions import selectors as question_selectors
from huisvanhetkind.steering.models import AnnualPlan, Goal, Meeting
from huisvanhetkind.steering.selectors import ActionRow, PlanTree, annual_plans, plan_tree
from huisvanhetkind.steering.workflow import ActionStatus

FIRST_YEAR = 2000
LAST_YEAR = 2100


@dataclass(frozen=True)
class Cell:
    """One bar of a chart and one row of its table (``count`` None: no figure yet)."""

    label: str
    count: int | None
    shown: str = ""


@dataclass
class Chart:
    key: str
    title: str
    heading: str
    unit: str
    cells: list[Cell]

    @property
    def svg(self) -> str:
        return bar_chart(chart_id=f"chart-{self.key}", title=self.title, cells=self.cells)


@dataclass
class MeetingLine:
    kind: str
    label: str
    meetings: int
    decisions: int


@dataclass
class Growth:
    partners_joined: int
    partners_total: int
    services_added: int
    services_total: int


@dataclass
class AnnualReport:
    house: House
    year: int
    plan: AnnualPlan
    tree: PlanTree
    done: list[tuple[ActionRow, Goal]]
    status_chart: Chart
    domain_chart: Chart
    meetings: list[MeetingLine]
    meeting_chart: Chart
    growth: Growth
    growth_chart: Chart
    questions: Trend
    questions_total: ProtectedCount
    surveys: list = field(default_factory=list)
    reach: ReachTable | None = None

    @property
    def meetings_total(self) -> int:
        return sum(line.meetings for line in self.meetings)

    @property
    def decisions_total(self) -> int:
        return sum(line.decisions for line in self.meetings)


def report_years(house: House) -> list[int]:
    """The years a report can be made for: those with an annual plan, newest first."""
    return list(annual_plans(house).values_list("year", flat=True))


def _bounds(year: int) -> tuple[datetime, datetime]:
    start = timezone.make_aware(datetime.combine(date(year, 1, 1), time.min))
    end = timezone.make_aware(datetime.combine(date(year + 1, 1, 1), time.min))
    return start, end


def _done_and_status(tree: PlanTree) -> tuple[list[tuple[ActionRow, Goal]], Chart]:
    rows = [
        (row, goal.goal) for domain in tree.domains for goal in domain.goals for row in goal.actions
    ]
    per_status = Counter(row.action.status for row, _goal in rows)
    done = [(row, goal) for row, goal in rows if row.action.status == ActionStatus.DONE]
    chart = Chart(
        "status",
        _("Acties per status"),
        _("Status"),
        _("Acties"),
        [
            Cell(str(label), per_status.get(value, 0), str(per_status.get(value, 0)))
            for value, label in ActionStatus.choices
        ],
    )
    return done, chart


def _domain_chart(tree: PlanTree) -> Chart:
    return Chart(
        "domains",
        _("Voortgang per beleidsdomein (%)"),
        _("Beleidsdomein"),
        _("Voortgang"),
        [
            Cell(
                row.domain.name,
                row.progress,
                f"{row.progress} %" if row.progress is not None else _("nog geen cijfer"),
            )
            for row in tree.domains
        ],
    )


def _meetings(house: House, year: int, now: datetime) -> list[MeetingLine]:
    """The meetings held in ``year`` (begun before ``now``) per group kind, with their
    decisions: one grouped query."""
    start, end = _bounds(year)
    rows = (
        Meeting.objects.filter(
            group__house=house, starts_at__gte=start, starts_at__lt=min(end, now)
        )
        .values("group__kind")
        .annotate(meetings=Count("id", distinct=True), decisions=Count("decisions"))
        .order_by()
    )
    found = {row["group__kind"]: row for row in rows}
    return [
        MeetingLine(
            kind=value,
            label=str(label),
            meetings=found[value]["meetings"],
            decisions=found[value]["decisions"],
        )
        for value, label in Group.Kind.choices
        if value in found
    ]


def _growth(house: House, year: int) -> Growth:
    """Partners that joined in ``year`` against the active partners at its end; services of the
    house's active partners added in ``year`` against those published at its end (a service
    published since then is counted as well: the catalogue keeps no history of its status)."""
    start, end = _bounds(year)
    partners = Partnership.objects.filter(house=house).aggregate(
        joined=Count("id", filter=Q(since__year=year)),
        total=Count(
            "id",
            filter=Q(status=Partnership.Status.ACTIVE, since__lte=date(year, 12, 31)),
        ),
    )
    services = (
        Service.objects.in_house(house)
        .exclude(status=ServiceStatus.DRAFT)
        .aggregate(
            added=Count("id", filter=Q(created_at__gte=start, created_at__lt=end)),
            total=Count("id", filter=Q(status=ServiceStatus.PUBLISHED, created_at__lt=end)),
        )
    )
    return Growth(
        partners_joined=partners["joined"],
        partners_total=partners["total"],
        services_added=services["added"],
        services_total=services["total"],
    )


def _growth_chart(growth: Growth, year: int) -> Chart:
    return Chart(
        "growth",
        _("Groei van het netwerk in %(year)s") % {"year": year},
        _("Wat"),
        _("Aantal"),
        [
            Cell(_("Nieuwe partners"), growth.partners_joined, str(growth.partners_joined)),
            Cell(_("Alle partners"), growth.partners_total, str(growth.partners_total)),
            Cell(_("Nieuw aanbod"), growth.services_added, str(growth.services_added)),
            Cell(_("Al het aanbod"), growth.services_total, str(growth.services_total)),
        ],
    )


def _meeting_chart(lines: list[MeetingLine]) -> Chart:
    return Chart(
        "meetings",
        _("Vergaderingen per soort groep"),
        _("Soort groep"),
        _("Vergaderingen"),
        [Cell(line.label, line.meetings, str(line.meetings)) for line in lines],
    )


def _months(year: int, today: date) -> list[date]:
    last = 12 if year < today.year else today.month if year == today.year else 0
    return [date(year, month, 1) for month in range(1, last + 1)]


def _questions(house: House, year: int, today: date) -> tuple[Trend, ProtectedCount]:
    """The questions families asked in ``year`` per month (the needs selector of the questions
    app, grouped in the database), small counts hidden as on the needs page."""
    months = _months(year, today)
    start, _end = _bounds(year)
    per_month = Counter()
    if months:
        for row in question_selectors.needs(house, since=start).rows:
            month = month_of(row["month"])
            if month.year == year:
                per_month[month] += row["total"]
    title = _("Vragen van gezinnen")
    _counts, total = protect([per_month.get(month, 0) for month in months])
    return trend("report-questions", title, months, per_month), total


def _surveys(house: House, year: int, now: datetime) -> list:
    start, end = _bounds(year)
    return list(
        released_surveys(house, now=now)
        .filter(closes_at__gte=start, closes_at__lt=end)
        .only("pk", "title", "closes_at")
        .order_by("closes_at")
    )


def annual_report(house: House, plan: AnnualPlan, *, now: datetime | None = None) -> AnnualReport:
    """The report of ``plan``'s year. A fixed number of queries: the plan tree's, one for the
    meetings, two for the network, the needs of the questions, one for the surveys and the reach
    table's grouped queries."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    year = plan.year
    tree = plan_tree(plan.period, plan, today=min(today, date(year, 12, 31)))
    done, status_chart = _done_and_status(tree)
    meetings = _meetings(house, year, now)
    growth = _growth(house, year)
    questions, questions_total = _questions(house, year, today)
    return AnnualReport(
        house=house,
        year=year,
        plan=plan,
        tree=tree,
        done=done,
        status_chart=status_chart,
        domain_chart=_domain_chart(tree),
        meetings=meetings,
        meeting_chart=_meeting_chart(meetings),
        growth=growth,
        growth_chart=_growth_chart(growth, year),
        questions=questions,
        questions_total=questions_total,
        surveys=_surveys(house, year, now),
        # The reach of the twelve months up to the year's end (or today, in the current year).
        reach=reach_table(house, today=min(today, date(year, 12, 31))),
    )
