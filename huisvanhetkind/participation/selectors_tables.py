"""The shape shared by the needs and reach pages: one-dimensional tables of counts with their
total, protected by ``figures.protect``, and a monthly trend with its SVG bars."""

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime

from django.utils import timezone
from django.utils.formats import date_format

from huisvanhetkind.participation.figures import Count, protect, trend_bars


@dataclass
class Table:
    key: str
    title: str
    heading: str
    rows: list[tuple[str, Count]]
    total: Count | None

    @property
    def counts(self) -> list[Count]:
        return [count for _label, count in self.rows] + ([self.total] if self.total else [])


@dataclass
class Trend:
    key: str
    title: str
    months: list[str]
    counts: list[Count]
    chart: str

    @property
    def rows(self) -> list[tuple[str, Count]]:
        return list(zip(self.months, self.counts, strict=True))


def month_of(value) -> date:
    if isinstance(value, datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        value = value.date()
    return value.replace(day=1)


def month_label(month: date) -> str:
    return date_format(month, "M Y")


def table(key: str, title: str, heading: str, counter: Counter, *, total=None, order=None) -> Table:
    """Rows sorted by ``order`` (label -> position) or by label, unknown ("") last, protected
    with their total."""
    order = order or {}
    labels = sorted(
        counter, key=lambda label: (label == "", order.get(label, len(order)), str(label))
    )
    counts, protected_total = protect([counter[label] for label in labels], total)
    rows = [(label or "—", count) for label, count in zip(labels, counts, strict=True)]
    return Table(key, title, heading, rows, protected_total)


def trend(key: str, title: str, months: list[date], counter: Counter, *, summed=True) -> Trend:
    """A count per month: protected as one row with its total when the months add up to a
    total (``summed``), else each month on its own (a month-end snapshot)."""
    values = [counter.get(month, 0) for month in months]
    if summed:
        counts, _total = protect(values)
    else:
        counts = [protect([v])[0][0] for v in values]
    labels = [month_label(month) for month in months]
    chart = trend_bars(chart_id=f"trend-{key}", title=title, labels=labels, counts=counts)
    return Trend(key, title, labels, counts, chart)
