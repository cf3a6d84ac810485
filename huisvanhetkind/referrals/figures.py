"""The coordinator's referral figures: per month, per policy domain, per sending and per
receiving partner, each a table of totals (never one dimension crossed with another).

Each table counts, per row, the referrals sent in the period: in total and per current status,
the declined ones per reason, the median number of working days from sending to acceptance and
the share of the closed referrals whose outcome was "got help" (geholpen).

**Small numbers.** A count of 1 to 4 referrals could single out a family, so it is shown as
"< 5" (*primary* suppression). A hidden count must not come back from the totals beside it,
so the tables use *complementary* suppression. The counts are tied by sums:

- per row: the total is the sum of the statuses; the declined ones are the sum of the reasons;
  the closed ones are those with "got help" plus those with another outcome (the share of "got
  help" is shown only when the number of closed ones is shown, and then gives both);
- per column: the total row (the whole period) is the sum of the rows of each table; the four
  tables split the same referrals, so they share one total row and are protected together, as
  one system of sums: a reader who puts the tables side by side learns nothing more.

A sum with exactly one hidden count (not 0) gets a second one: the smallest shown count of
that sum that is not 0, of a table row rather than the total row. Then the whole system is
checked: for every hidden count of 1 to 4 there must be another whole-number filling of all
hidden counts that fits every sum and what a reader knows (a "< 5" is 0 to 4, a "×" is 5 or
more, no count is above the number of referrals) and gives that count another value. Where
there is none, one more count is hidden (the first that sets it free, of those nearest to it),
and the check runs again. A complementary count is shown as "< 5" when it is 0 to 4 (a 0 can
protect too) and as "×" when it is 5 or more, so every mark on the page is true.

A median is shown only when it is taken over at least 5 accepted referrals (so whether a
median is shown tells whether there were 5). Rows without referrals are not listed, except
months (a month with 0 referrals says nothing about a family).

Everything comes from a fixed number of queries whatever the number of referrals or partners:
one grouped count per dimension and one list of (sent, accepted) moments for the medians.
"""

import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache

from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.html import conditional_escape, format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from huisvanhetkind.core.workdays import is_working_day
from huisvanhetkind.network.models import House
from huisvanhetkind.referrals.models import Referral, ReferralEvent
from huisvanhetkind.referrals.workflow import DeclineReason, ReferralStatus

S = ReferralStatus

# Counts from 1 up to (not including) this number are hidden.
SMALL = 5
# The least number of accepted referrals a median is shown for.
MEDIAN_FROM = 5
DEFAULT_MONTHS = 12

# How a count is shown: as it is, hidden because it is small, or hidden to protect a small one.
SHOWN, SMALL_MARK, HIDDEN_MARK = "shown", "small", "hidden"

STATUSES = [status.value for status in S]
REASONS = [reason.value for reason in DeclineReason]
# Counts tied by a sum in every row: (the sum, its parts).
ROW_SUMS = (
    ("total", tuple(f"status:{s}" for s in STATUSES)),
    (f"status:{S.DECLINED}", tuple(f"reason:{r}" for r in REASONS)),
    (f"status:{S.CLOSED}", ("closed_helped", "closed_other")),
)
# Counts that are never shown as such, only through the share of "got help": when hidden, a
# reader knows nothing of them (not even that they are 1 to 4).
SHARE_PARTS = ("closed_helped", "closed_other")
COLUMNS = ("total", *ROW_SUMS[0][1], *ROW_SUMS[1][1], *SHARE_PARTS)

DIMENSIONS = (
    ("month", gettext_lazy("Per maand"), gettext_lazy("Maand")),
    ("domain", gettext_lazy("Per beleidsdomein"), gettext_lazy("Beleidsdomein")),
    ("from", gettext_lazy("Per verwijzende partner"), gettext_lazy("Verwijzende partner")),
    ("to", gettext_lazy("Per ontvangende partner"), gettext_lazy("Ontvangende partner")),
)
_GROUP_FIELDS = {
    "domain": ("domain_id", "domain__name"),
    "from": ("from_organisation_id", "from_organisation__name"),
    "to": ("to_organisation_id", "to_organisation__name"),
}


# --- The period ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    """From the first day of ``first`` (a month) to the first day after ``last`` (a month)."""

    first: date
    last: date
    kind: str  # "recent" (the last 12 months), "year" or "month"

    @property
    def months(self) -> list[date]:
        months, month = [], self.first
        while month <= self.last:
            months.append(month)
            month = _next_month(month)
        return months

    @property
    def starts_at(self) -> datetime:
        return timezone.make_aware(datetime.combine(self.first, datetime.min.time()))

    @property
    def ends_at(self) -> datetime:
        return timezone.make_aware(datetime.combine(_next_month(self.last), datetime.min.time()))

    @property
    def label(self) -> str:
        if self.kind == "month":
            return date_format(self.first, "F Y")
        if self.kind == "year":
            return str(self.first.year)
        return _("%(first)s tot en met %(last)s") % {
            "first": date_format(self.first, "F Y"),
            "last": date_format(self.last, "F Y"),
        }


def _next_month(month: date) -> date:
    return date(month.year + month.month // 12, month.month % 12 + 1, 1)


def recent_period(today: date, months: int = DEFAULT_MONTHS) -> Period:
    """The last ``months`` months, the current one included."""
    index = today.year * 12 + today.month - 1 - (months - 1)
    return Period(date(index // 12, index % 12 + 1, 1), today.replace(day=1), "recent")


def year_period(year: int, month: int | None = None) -> Period:
    if month:
        return Period(date(year, month, 1), date(year, month, 1), "month")
    return Period(date(year, 1, 1), date(year, 12, 1), "year")


# --- Working days -------------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def working_days_between(start: date, end: date) -> int:
    """The working days after ``start`` up to and including ``end`` (0 on the same day or when
    only a weekend or holiday lies between): the unit of the house's response time."""
    days, day = 0, start
    while day < end:
        day += timedelta(days=1)
        days += is_working_day(day)
    return days


# --- Suppression --------------------------------------------------------------------------------

# A count is a cell: (its row: a key, or None for the total row; its column). Sums are lists
# of (cell, sign): the sum with +1, its parts with -1.
EPSILON = 1e-9


def _row_sums(row) -> list[list[tuple]]:
    """The sums of one row as lists of (cell, sign): the sum with +1, its parts with -1."""
    return [
        [((row, total), 1)] + [((row, part), -1) for part in parts] for total, parts in ROW_SUMS
    ]


def _column_sums(rows: list) -> list[list[tuple]]:
    return [[((None, c), 1)] + [((row, c), -1) for row in rows] for c in COLUMNS]


def _bounds(mark: str, column: str) -> tuple[float, float]:
    """What a reader knows of a hidden count."""
    if column in SHARE_PARTS:
        return 0, float("inf")
    if mark == SMALL_MARK:
        return 0, SMALL - 1  # "< 5": a count of 1 to 4, or a 0 hidden beside one
    return SMALL, float("inf")


def _sensitive(value: int) -> bool:
    return 0 < value < SMALL


def _one_sum_gives_away(terms, values, marks) -> bool:
    """Whether one sum, with what it shows, gives a hidden count away: its only hidden count
    (when not 0), or a count of 1 to 4 narrowed to one value by what a reader knows of the
    other hidden counts of the sum."""
    hidden = [(cell, sign) for cell, sign in terms if marks[cell] != SHOWN]
    if len(hidden) == 1:
        return values[hidden[0][0]] > 0
    if not hidden:
        return False
    known = -sum(sign * values[cell] for cell, sign in terms if marks[cell] == SHOWN)
    spans = []
    for cell, sign in hidden:
        low, high = _bounds(marks[cell], cell[1])
        spans.append((low, high) if sign > 0 else (-high, -low))
    for index, (cell, sign) in enumerate(hidden):
        if not _sensitive(values[cell]):
            continue
        others = [span for position, span in enumerate(spans) if position != index]
        # sign * x = known - (the others)
        low = known - sum(high for _low, high in others)
        high = known - sum(low for low, _high in others)
        if sign < 0:
            low, high = -high, -low
        own_low, own_high = _bounds(marks[cell], cell[1])
        if min(high, own_high) - max(low, own_low) < 1:
            return True
    return False


def _reduce(matrix: list[list[float]], width: int) -> dict[int, int]:
    """Bring ``matrix`` to reduced row echelon form in place; {pivot column: row}."""
    pivots, row = {}, 0
    for column in range(width):
        if row == len(matrix):
            break
        best = max(range(row, len(matrix)), key=lambda r: abs(matrix[r][column]))
        if abs(matrix[best][column]) < EPSILON:
            continue
        matrix[row], matrix[best] = matrix[best], matrix[row]
        pivot = matrix[row]
        scale = pivot[column]
        for j in range(width):
            pivot[j] /= scale
        for other in range(len(matrix)):
            factor = matrix[other][column]
            if other != row and abs(factor) > EPSILON:
                line = matrix[other]
                for j in range(width):
                    if pivot[j]:
                        line[j] -= factor * pivot[j]
        pivots[column] = row
        row += 1
    return pivots


def _integral(vector: dict[int, float]) -> dict[int, int] | None:
    """The smallest whole multiple of ``vector`` (a direction of the null space)."""
    for multiple in range(1, 13):
        scaled = {j: a * multiple for j, a in vector.items()}
        if all(abs(a - round(a)) < 1e-6 for a in scaled.values()):
            return {j: round(a) for j, a in scaled.items() if round(a)}
    return None


# How many branches the search for another value of a hidden count may take before it gives up
# (and counts the count as given away, on the safe side).
SEARCH_LIMIT = 20_000


class _Search:
    """Whole-number fillings of the hidden counts that fit every sum and what a reader knows
    of each count (its bounds), by propagating the bounds through the sums and branching."""

    def __init__(self, constraints, low, high):
        self.constraints = constraints  # [( [(variable, sign)], total )]
        self.low, self.high = low, high
        self.nodes = 0

    def _tighten(self, low, high) -> bool:
        changed = True
        while changed:
            changed = False
            for terms, total in self.constraints:
                least = sum(low[j] if s > 0 else -high[j] for j, s in terms)
                most = sum(high[j] if s > 0 else -low[j] for j, s in terms)
                if least > total or most < total:
                    return False
                for j, s in terms:
                    own_least = low[j] if s > 0 else -high[j]
                    own_most = high[j] if s > 0 else -low[j]
                    # s * x_j = total - (the others)
                    lo, hi = total - (most - own_most), total - (least - own_least)
                    if s < 0:
                        lo, hi = -hi, -lo
                    if lo > low[j]:
                        low[j], changed = lo, True
                    if hi < high[j]:
                        high[j], changed = hi, True
                    if low[j] > high[j]:
                        return False
        return True

    def exists(self, low, high) -> bool:
        """Whether a filling exists within ``low`` and ``high`` (True when the search gives up
        is never answered: it raises)."""
        low, high = list(low), list(high)
        if not self._tighten(low, high):
            return False
        open_ = [j for j in range(len(low)) if low[j] < high[j]]
        if not open_:
            return True
        self.nodes += 1
        if self.nodes > SEARCH_LIMIT:
            raise TimeoutError
        j = min(open_, key=lambda k: high[k] - low[k])
        for value in range(low[j], high[j] + 1):
            low[j] = high[j] = value
            if self.exists(low, high):
                return True
        return False


def pinned_counts(values: dict, marks: dict, sums: list) -> list:
    """The hidden counts of 1 to 4 that all the sums of a table together give away.

    The hidden counts are the unknowns of the linear system of the sums; a reader knows that a
    "< 5" count is 0 to 4, a complementary "×" count 5 or more, a part of the share any number,
    and none above the number of referrals. A count is safe when another whole-number filling
    of all hidden counts fits every sum with another value for it. First a quick test: a step
    along one direction of a basis of the null space of the sums (a step forward or back);
    then, for the counts this does not set free, a search (bounds propagated through the
    sums, then branching). A search that gives up counts the count as given away.
    """
    hidden = [cell for cell, mark in marks.items() if mark != SHOWN]
    if not any(_sensitive(values[cell]) for cell in hidden):
        return []
    index = {cell: i for i, cell in enumerate(hidden)}
    width = len(hidden)
    matrix, constraints = [], []
    for terms in sums:
        line = [0.0] * width
        for cell, sign in terms:
            if cell in index:
                line[index[cell]] = float(sign)
        if any(line):
            matrix.append(line)
            known = sum(sign * values[cell] for cell, sign in terms if cell not in index)
            constraints.append(
                ([(index[cell], sign) for cell, sign in terms if cell in index], -known)
            )
    x = [values[cell] for cell in hidden]
    ceiling = max(values.values())
    bounds = []
    for cell in hidden:
        low, high = _bounds(marks[cell], cell[1])
        bounds.append((int(low), int(min(high, ceiling))))
    pivots = _reduce(matrix, width)
    basis = []
    for free in range(width):
        if free in pivots:
            continue
        vector = {free: 1.0}
        for column, row in pivots.items():
            if abs(matrix[row][free]) > EPSILON:
                vector[column] = -matrix[row][free]
        step = _integral(vector)
        if step:
            basis.append(step)

    def fits(step: dict[int, int]) -> bool:
        return all(bounds[j][0] <= x[j] + a <= bounds[j][1] for j, a in step.items())

    def steps(i: int) -> bool:
        return any(
            step.get(i) and (fits(step) or fits({j: -a for j, a in step.items()})) for step in basis
        )

    def searched(i: int) -> bool:
        search = _Search(constraints, [b[0] for b in bounds], [b[1] for b in bounds])
        low, high = [b[0] for b in bounds], [b[1] for b in bounds]
        try:
            for lo, hi in ((low[i], x[i] - 1), (x[i] + 1, high[i])):
                if lo <= hi:
                    below_or_above_low, below_or_above_high = list(low), list(high)
                    below_or_above_low[i], below_or_above_high[i] = lo, hi
                    if search.exists(below_or_above_low, below_or_above_high):
                        return True
        except TimeoutError:
            return False
        return False

    return [
        cell
        for i, cell in enumerate(hidden)
        if _sensitive(x[i]) and not steps(i) and not searched(i)
    ]


def _complement(terms, values, marks):
    """The count to hide beside the hidden one of a sum: the smallest shown one that is not 0
    (a 0 only when nothing else is left; it would show as "< 5"), of a table row rather than
    of the total row, a part before the sum."""
    candidates = [
        (cell[0] is None, values[cell] == 0, values[cell], position == 0, position, cell)
        for position, (cell, _sign) in enumerate(terms)
        if marks[cell] == SHOWN
    ]
    return min(candidates)[-1] if candidates else None


def _candidates(pinned, values, marks, sums_of) -> list:
    """The shown counts that could protect a count the sums together give away: those of its
    own sums, then of the sums of the hidden counts these tie it to, and so on; the nearest
    first, of a table row before the total row, the smallest (a 0 first: it shows as "< 5")."""
    seen_cells, seen_sums, queue, found = {pinned}, set(), [(pinned, 0)], {}
    while queue:
        cell, depth = queue.pop(0)
        for terms in sums_of[cell]:
            if id(terms) in seen_sums:
                continue
            seen_sums.add(id(terms))
            for position, (other, _sign) in enumerate(terms):
                if marks[other] == SHOWN:
                    key = (other[0] is None, depth, values[other], position == 0)
                    found[other] = min(found.get(other, key), key)
                elif other not in seen_cells:
                    seen_cells.add(other)
                    queue.append((other, depth + 1))
    return sorted(found, key=found.get)


# How many complements are tried for a count the sums give away before the nearest is taken.
TRIALS = 30


def _hide(cell, values, marks) -> None:
    marks[cell] = SMALL_MARK if values[cell] < SMALL else HIDDEN_MARK


def _protect(values: dict, marks: dict, sums: list, rows: list) -> set:
    """Hide complementary counts (in ``marks``) until no sum gives a small count away; the
    cells that could not be protected (nothing left to hide) are returned."""
    sums_of = defaultdict(list)
    for terms in sums:
        for cell, _sign in terms:
            sums_of[cell].append(terms)
    unprotected = set()
    while True:
        changed = False
        # The share of "got help" is shown only with the number of closed ones beside it.
        for row in rows:
            if marks[(row, f"status:{S.CLOSED}")] != SHOWN:
                for part in SHARE_PARTS:
                    if marks[(row, part)] == SHOWN:
                        _hide((row, part), values, marks)
                        changed = True
        for terms in sums:
            if _one_sum_gives_away(terms, values, marks):
                cell = _complement(terms, values, marks)
                if cell is not None:
                    _hide(cell, values, marks)
                    changed = True
        if changed:
            continue
        pinned = [c for c in pinned_counts(values, marks, sums) if c not in unprotected]
        if not pinned:
            return unprotected
        target = pinned[0]
        candidates = _candidates(target, values, marks, sums_of)
        if not candidates:
            unprotected.add(target)
            continue
        # The first complement that sets the count free, else the nearest one (and on).
        for cell in candidates[:TRIALS]:
            before = marks[cell]
            _hide(cell, values, marks)
            if target not in pinned_counts(values, marks, sums):
                break
            marks[cell] = before
        else:
            nonzero = [cell for cell in candidates if values[cell] > 0]
            _hide((nonzero or candidates)[0], values, marks)


def _primary(row, counts: dict) -> dict:
    return {(row, c): SMALL_MARK if _sensitive(counts[c]) else SHOWN for c in COLUMNS}


def protect(bodies: list[list[dict]], total: dict) -> tuple[list[list[dict]], dict]:
    """The marks (shown, small, hidden) of every count of tables that split the same
    referrals: the body rows of each table, and the total row they share.

    The tables are protected together, as one system of sums (each table's row and column
    sums and the total row's own sums): the total row is one and the same in every table, so
    what is hidden of it is hidden everywhere, and a reader who combines the tables is
    stopped too. A cell of the total row is hidden only when no table row has one to hide."""
    values = {(None, c): total[c] for c in COLUMNS}
    marks = _primary(None, total)
    sums = _row_sums(None)
    rows = [None]
    for table, body in enumerate(bodies):
        keys = [(table, index) for index in range(len(body))]
        for key, counts in zip(keys, body, strict=True):
            values.update({(key, c): counts[c] for c in COLUMNS})
            marks.update(_primary(key, counts))
            sums += _row_sums(key)
        if keys:
            sums += _column_sums(keys)
        rows += keys
    _protect(values, marks, sums, rows)
    body_marks = [
        [{c: marks[((table, index), c)] for c in COLUMNS} for index in range(len(body))]
        for table, body in enumerate(bodies)
    ]
    return body_marks, {c: marks[(None, c)] for c in COLUMNS}


# --- The figures --------------------------------------------------------------------------------


@dataclass
class Cell:
    value: int
    mark: str

    @property
    def shown(self) -> bool:
        return self.mark == SHOWN

    def __str__(self):
        if self.mark == SMALL_MARK:
            return "< 5"
        if self.mark == HIDDEN_MARK:
            return HIDDEN_TEXT
        return str(self.value)

    @property
    def html(self) -> str:
        """As a table cell shows it (the template calls str() on anything else)."""
        return _hidden_html() if self.mark == HIDDEN_MARK else conditional_escape(str(self))


HIDDEN_TEXT = "×"


def _hidden_html() -> str:
    """The "×" of a hidden count, read out as a word by a screen reader."""
    return format_html(
        '<span aria-hidden="true">{}</span><span class="visually-hidden">{}</span>',
        HIDDEN_TEXT,
        _("verborgen"),
    )


@dataclass
class Text:
    """A median or a share as the tables show it."""

    text: str
    hidden: bool = False

    def __str__(self):
        return self.text

    @property
    def html(self) -> str:
        return _hidden_html() if self.hidden else conditional_escape(self.text)


@dataclass
class Row:
    label: str
    counts: dict[str, Cell]
    median_days: float | None  # None: fewer than MEDIAN_FROM accepted
    helped_share: float | None  # None: not shown (no closed ones, or hidden)
    month: date | None = None

    @property
    def total(self) -> Cell:
        return self.counts["total"]

    @property
    def median(self) -> Text:
        """The median in working days, or a dash when fewer than 5 were accepted."""
        if self.median_days is None:
            return Text("–")
        places = 0 if self.median_days % 1 == 0 else 1
        return Text(number_format(self.median_days, decimal_pos=places))

    @property
    def share(self) -> Text:
        """The share of "got help" among the closed ones: a percentage, a dash when none was
        closed, hidden to protect a small number."""
        if self.helped_share is not None:
            return Text(f"{round(self.helped_share * 100)} %")
        closed = self.counts[f"status:{S.CLOSED}"]
        if closed.shown and closed.value == 0:
            return Text("–")
        return Text(HIDDEN_TEXT, hidden=True)

    @property
    def statuses(self) -> list[Cell]:
        return [self.counts[f"status:{s}"] for s in STATUSES]

    @property
    def declined(self) -> Cell:
        return self.counts[f"status:{S.DECLINED}"]

    @property
    def reasons(self) -> list[Cell]:
        return [self.counts[f"reason:{r}"] for r in REASONS]


@dataclass
class Table:
    key: str
    title: str
    heading: str
    rows: list[Row]
    total: Row


@dataclass
class Figures:
    period: Period
    tables: list[Table] = field(default_factory=list)

    @property
    def total(self) -> Row | None:
        return self.tables[0].total if self.tables else None


def _aggregates() -> dict:
    helped = Exists(ReferralEvent.objects.filter(referral=OuterRef("pk"), to_status=S.GOT_HELP))
    counts = {"total": Count("id")}
    for status in STATUSES:
        counts[f"status:{status}"] = Count("id", filter=Q(status=status))
    for reason in REASONS:
        condition = Q(status=S.DECLINED, decline_reason=reason)
        if reason == DeclineReason.OTHER:  # and any reason the list does not know (or none)
            condition |= Q(status=S.DECLINED) & ~Q(decline_reason__in=REASONS)
        counts[f"reason:{reason}"] = Count("id", filter=condition)
    counts["closed_helped"] = Count("id", filter=Q(status=S.CLOSED) & Q(helped))
    return counts


def _count_rows(referrals, dimension: str) -> dict:
    """{key: (label, counts)} for one dimension, in one grouped query."""
    aliases = {f"n{i}": name for i, name in enumerate(_aggregates())}
    expressions = {alias: _aggregates()[name] for alias, name in aliases.items()}
    if dimension == "month":
        query = referrals.annotate(month=TruncMonth("created_at")).values("month")
        fields = ("month", None)
    else:
        fields = _GROUP_FIELDS[dimension]
        query = referrals.values(*fields)
    rows = {}
    for result in query.annotate(**expressions).order_by():
        counts = {name: result[alias] for alias, name in aliases.items()}
        counts["closed_other"] = counts[f"status:{S.CLOSED}"] - counts["closed_helped"]
        key = result[fields[0]]
        if dimension == "month" and isinstance(key, datetime):
            key = timezone.localtime(key).date() if timezone.is_aware(key) else key.date()
        label = result[fields[1]] if fields[1] else key
        rows[key] = (label, counts)
    return rows


def _median(values: list[int]) -> float | None:
    return statistics.median(values) if len(values) >= MEDIAN_FROM else None


def _share(counts: dict, marks: dict) -> float | None:
    closed = counts[f"status:{S.CLOSED}"]
    if not closed or any(marks[c] != SHOWN for c in (f"status:{S.CLOSED}", *SHARE_PARTS)):
        return None
    return counts["closed_helped"] / closed


def referral_figures(house: House, period: Period) -> Figures:
    """The four tables of a house's referrals made in ``period``."""
    referrals = Referral.objects.filter(
        house=house, created_at__gte=period.starts_at, created_at__lt=period.ends_at
    )
    grouped = {dimension: _count_rows(referrals, dimension) for dimension, *_ in DIMENSIONS}
    # Working days to acceptance, per row of every dimension, from one list.
    days = {dimension: defaultdict(list) for dimension, *_ in DIMENSIONS}
    every = []
    for created, accepted, domain, sender, receiver in referrals.filter(
        accepted_at__isnull=False
    ).values_list(
        "created_at", "accepted_at", "domain_id", "from_organisation_id", "to_organisation_id"
    ):
        created = timezone.localtime(created)
        n = working_days_between(created.date(), timezone.localtime(accepted).date())
        every.append(n)
        days["month"][created.date().replace(day=1)].append(n)
        days["domain"][domain].append(n)
        days["from"][sender].append(n)
        days["to"][receiver].append(n)

    zero = dict.fromkeys(COLUMNS, 0)
    total_counts = dict(zero)
    for _label, counts in grouped["month"].values():
        for column in COLUMNS:
            total_counts[column] += counts[column]
    keys, labels, bodies = {}, {}, []
    for dimension, _title, _heading in DIMENSIONS:
        found = grouped[dimension]
        if dimension == "month":
            keys[dimension] = period.months
            labels[dimension] = {month: date_format(month, "F Y") for month in period.months}
        else:
            keys[dimension] = sorted(
                found, key=lambda k, found=found: (k is None, (found[k][0] or "").lower(), k or 0)
            )
            labels[dimension] = {k: found[k][0] or _("zonder beleidsdomein") for k in found}
        bodies.append([found[k][1] if k in found else dict(zero) for k in keys[dimension]])
    body_marks, total_marks = protect(bodies, total_counts)

    total_row = Row(
        label=_("Totaal"),
        counts={c: Cell(total_counts[c], total_marks[c]) for c in COLUMNS},
        median_days=_median(every),
        helped_share=_share(total_counts, total_marks),
    )
    figures = Figures(period=period)
    for (dimension, title, heading), body, marks in zip(
        DIMENSIONS, bodies, body_marks, strict=True
    ):
        rows = [
            Row(
                label=labels[dimension][key],
                counts={c: Cell(counts[c], row_marks[c]) for c in COLUMNS},
                median_days=_median(days[dimension].get(key, [])),
                helped_share=_share(counts, row_marks),
                month=key if dimension == "month" else None,
            )
            for key, counts, row_marks in zip(keys[dimension], body, marks, strict=True)
        ]
        figures.tables.append(
            Table(key=dimension, title=str(title), heading=str(heading), rows=rows, total=total_row)
        )
    return figures


def status_labels() -> list[str]:
    return [str(S(status).label) for status in STATUSES]


def reason_labels() -> list[str]:
    return [str(DeclineReason(reason).label) for reason in REASONS]
