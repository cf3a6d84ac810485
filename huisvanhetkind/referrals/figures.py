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

Every count of 1 to 4 is hidden, and then made safe: there must be another filling of the
hidden counts, within what a reader knows of them ("< 5" is 0 to 4, "×" is 5 or more, no
count is above the number of referrals), that keeps every sum and gives that count another
value. Such a filling is found as a *move*: one referral of one kind more or less in a row (a
status; a declined one with its reason; a closed one with its outcome), with the opposite
move in another row of the same table (columns and total row unchanged), or the same move in
the total row and in one row of every table. A count no move sets free gets the cheapest
complementary hidden counts that make one (the hypercube method of statistical offices, here
on a row and one partner row at a time); hiding more never makes a safe count unsafe, so one
pass is enough. Such a filling shows that the count cannot be worked out; a reader may still
narrow it down to a few values, never to one. A complementary count is shown as "< 5" when it
is 0 to 4 (a 0 protects too) and as "×" when it is 5 or more, so every mark is true.

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

from django.db.models import BooleanField, Case, Count, Exists, IntegerField, OuterRef, Value, When
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
        return _("de laatste %(count)s maanden (%(first)s tot en met %(last)s)") % {
            "count": len(self.months),
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


class WorkingDays:
    """Working days between dates, from a running count of the working days of a range (one
    pass over the calendar for any number of pairs)."""

    def __init__(self):
        self.first, self.numbers = None, []

    def cover(self, first: date, last: date) -> None:
        if (
            self.first is not None
            and self.first <= first
            and last < self.first + timedelta(days=len(self.numbers))
        ):
            return
        first = min(first, self.first or first)
        last = max(last, self.first + timedelta(days=len(self.numbers) - 1) if self.first else last)
        numbers, count, day = [], 0, first
        while day <= last:
            count += is_working_day(day)
            numbers.append(count)
            day += timedelta(days=1)
        self.first, self.numbers = first, numbers

    def between(self, start: date, end: date) -> int:
        """The working days after ``start`` up to and including ``end`` (0 on the same day or
        when only a weekend or holiday lies between): the unit of the house's response time."""
        if end <= start:
            return 0
        self.cover(start, end)
        return self.numbers[(end - self.first).days] - self.numbers[(start - self.first).days]


def working_days_between(start: date, end: date) -> int:
    return WorkingDays().between(start, end)


# --- Suppression --------------------------------------------------------------------------------

PLAIN = tuple(f"status:{s}" for s in STATUSES if s not in (S.DECLINED, S.CLOSED))
DECLINED, CLOSED = f"status:{S.DECLINED}", f"status:{S.CLOSED}"
REASON_COLUMNS = ROW_SUMS[1][1]


def _moves() -> list[dict[str, int]]:
    """The smallest changes to one row that keep all its sums: one referral of one kind more
    (with the total), or one referral of one kind instead of another. A kind is a status, a
    declined one with its reason, or a closed one with its outcome."""
    kinds = [{c: 1} for c in PLAIN]
    kinds += [{DECLINED: 1, reason: 1} for reason in REASON_COLUMNS]
    kinds += [{CLOSED: 1, part: 1} for part in SHARE_PARTS]
    moves = []
    for index, kind in enumerate(kinds):
        moves.append({**kind, "total": 1})
        for other in kinds[index + 1 :]:
            move = dict(kind)
            for column, step in other.items():
                move[column] = move.get(column, 0) - step
            moves.append({column: step for column, step in move.items() if step})
    return moves


MOVES = _moves()
MOVES_OF = {column: [move for move in MOVES if column in move] for column in COLUMNS}


def _sensitive(value: int) -> bool:
    return 0 < value < SMALL


class _Tables:
    """The counts and marks of tables that split the same referrals and share their total row
    (row ``None``); a table row is ``(table, index)``."""

    def __init__(self, bodies: list[list[dict]], total: dict, marks=None):
        """With ``marks`` (``(body marks, total marks)``, as ``protect`` gives them) the
        tables as marked; else every count of 1 to 4 hidden."""
        self.values, self.marks = {}, {}
        self.rows = [
            [(table, index) for index in range(len(body))] for table, body in enumerate(bodies)
        ]
        self.hidden_rows = defaultdict(set)  # (table, column): its rows with that count hidden
        self.ceiling = total["total"]  # no count is above the number of referrals
        for row, counts in [(None, total)] + [
            ((table, index), counts)
            for table, body in enumerate(bodies)
            for index, counts in enumerate(body)
        ]:
            for column in COLUMNS:
                self.values[(row, column)] = counts[column]
                self.marks[(row, column)] = SHOWN
        if marks is None:
            for cell, value in self.values.items():
                if _sensitive(value):
                    self.hide(cell)
            return
        body_marks, total_marks = marks
        for (row, column), _value in self.values.items():
            mark = total_marks[column] if row is None else body_marks[row[0]][row[1]][column]
            self.marks[(row, column)] = mark
            if row is not None and mark != SHOWN:
                self.hidden_rows[(row[0], column)].add(row)

    def hide(self, cell) -> None:
        row, column = cell
        if self.marks[cell] != SHOWN:
            return
        self.marks[cell] = SMALL_MARK if self.values[cell] < SMALL else HIDDEN_MARK
        if row is not None:
            self.hidden_rows[(row[0], column)].add(row)
        if column == CLOSED:  # the share of "got help" is shown only beside the closed ones
            for part in SHARE_PARTS:
                self.hide((row, part))

    def bounds(self, cell, mark=None) -> tuple[int, int]:
        """What a reader knows of a count: shown, it is what it is; "< 5" is 0 to 4; "×" is
        5 or more; a part of the share, once hidden, any number."""
        mark = mark or self.marks[cell]
        value = self.values[cell]
        if mark == SHOWN:
            return value, value
        if cell[1] in SHARE_PARTS:
            return 0, self.ceiling
        return (0, SMALL - 1) if mark == SMALL_MARK else (SMALL, self.ceiling)

    def fits(self, row, move, sign, hiding=False) -> bool:
        """Whether ``sign`` times ``move`` keeps the row's counts within what a reader knows
        (with ``hiding``: as they would be known once hidden)."""
        values, marks = self.values, self.marks
        for column, step in move.items():
            cell = (row, column)
            value, mark = values[cell], marks[cell]
            moved = value + sign * step
            if mark == SHOWN:
                if not hiding:
                    return False
                mark = SMALL_MARK if value < SMALL else HIDDEN_MARK
            if column in SHARE_PARTS:
                if not 0 <= moved <= self.ceiling:
                    return False
            elif mark == SMALL_MARK:
                if not 0 <= moved < SMALL:
                    return False
            elif not SMALL <= moved <= self.ceiling:
                return False
        return True

    def hidden(self, row, move) -> bool:
        return all(self.marks[(row, column)] != SHOWN for column in move)

    def cost(self, row, move) -> int:
        """What hiding the shown counts of a move costs the reader: more for bigger counts."""
        return sum(
            1 + self.values[(row, column)] for column in move if self.marks[(row, column)] == SHOWN
        )

    def partners(self, table: int, move, exclude=None) -> set:
        """The rows of a table with every count of ``move`` hidden."""
        sets = sorted((self.hidden_rows[(table, column)] for column in move), key=len)
        return set.intersection(*sets) - {exclude} if sets else set()

    # A count of 1 to 4 in a table row is safe when that row and another row of the same table
    # can take the move and its opposite: every sum, every column and the total row stay the
    # same, so the reader cannot tell that filling from the true one.

    def row_is_safe(self, cell) -> bool:
        row, column = cell
        for move in MOVES_OF[column]:
            if not self.hidden(row, move):
                continue
            others = self.partners(row[0], move, exclude=row)
            for sign in (1, -1):
                if self.fits(row, move, sign) and any(
                    self.fits(other, move, -sign) for other in others
                ):
                    return True
        return False

    def protect_row(self, cell) -> bool:
        """Hide the cheapest counts that make ``cell`` safe (a move in its row and the opposite
        in another row of the table). The other row is looked for first among the rows that
        hide all the counts of the move but one, then among all rows."""
        row, column = cell
        table = row[0]
        best = None
        for move in MOVES_OF[column]:
            columns = list(move)
            near = set()
            for left_out in range(len(columns)):
                near |= self.partners(table, columns[:left_out] + columns[left_out + 1 :], row)
            for sign in (1, -1):
                if not self.fits(row, move, sign, hiding=True):
                    continue
                own = self.cost(row, move)
                if best is not None and own >= best[0]:
                    continue
                found = None
                for others in (near, self.rows[table]):
                    for other in others:
                        if other == row:
                            continue
                        cost = own + self.cost(other, move)
                        if (found is None or cost < found[0]) and self.fits(
                            other, move, -sign, hiding=True
                        ):
                            found = (cost, other)
                    if found is not None:
                        break
                if found is not None and (best is None or found[0] < best[0]):
                    best = (found[0], [(r, c) for r in (row, found[1]) for c in move])
        if best is None:
            return False
        for hidden in best[1]:
            self.hide(hidden)
        return True

    # A count of 1 to 4 in the total row is safe when the total row can take a move and every
    # table has a row that takes the same move: every table then still adds up to it. The
    # same kind of move also sets a count of a table row free (that row being the one of its
    # table), when no other row of its table can take the opposite move.

    def through_total(self, move, sign, fixed=None) -> bool:
        if not (self.hidden(None, move) and self.fits(None, move, sign)):
            return False
        for table in range(len(self.rows)):
            if fixed is not None and fixed[0] == table:
                if not (self.hidden(fixed, move) and self.fits(fixed, move, sign)):
                    return False
            elif not any(self.fits(row, move, sign) for row in self.partners(table, move)):
                return False
        return True

    def total_is_safe(self, cell) -> bool:
        return any(self.through_total(move, sign) for move in MOVES_OF[cell[1]] for sign in (1, -1))

    def protect_through_total(self, cell) -> bool:
        """Hide the cheapest counts that let the total row and one row of every table take a
        move with ``cell`` in it (``cell`` of the total row, or of a table row)."""
        fixed = cell[0]
        best = None
        for move in MOVES_OF[cell[1]]:
            for sign in (1, -1):
                if not self.fits(None, move, sign, hiding=True):
                    continue
                cost, cells = self.cost(None, move), [(None, c) for c in move]
                for table, rows in enumerate(self.rows):
                    if fixed is not None and fixed[0] == table:
                        rows = [fixed]
                    options = [
                        (self.cost(row, move), row)
                        for row in rows
                        if self.fits(row, move, sign, hiding=True)
                    ]
                    if not options:
                        break
                    extra, row = min(options)
                    cost += extra
                    cells += [(row, c) for c in move]
                else:
                    if best is None or cost < best[0]:
                        best = (cost, cells)
        if best is None:
            return False
        for hidden in best[1]:
            self.hide(hidden)
        return True

    def is_safe(self, cell) -> bool:
        if cell[0] is None:
            return self.total_is_safe(cell)
        return self.row_is_safe(cell) or any(
            self.through_total(move, sign, fixed=cell[0])
            for move in MOVES_OF[cell[1]]
            for sign in (1, -1)
        )

    def make_safe(self, cell) -> bool:
        if cell[0] is not None and self.protect_row(cell):
            return True
        return self.protect_through_total(cell)


def protect(bodies: list[list[dict]], total: dict) -> tuple[list[list[dict]], dict]:
    """The marks (shown, small, hidden) of every count of tables that split the same
    referrals: the body rows of each table, and the total row they share.

    Every count of 1 to 4 is hidden, then made safe: for each one there must be another filling
    of the hidden counts, within what a reader knows of them, that keeps every sum of every
    table (and so the total row) and gives that count another value. Where there is none, the
    cheapest counts that make one are hidden too (complementary suppression). Hiding never
    makes a safe count unsafe, so one pass over the small counts is enough. The cells of the
    total row come first: they need a matching row in every table."""
    tables = _Tables(bodies, total)
    small = [cell for cell, value in tables.values.items() if _sensitive(value)]
    for cell in sorted(small, key=lambda cell: cell[0] is not None):
        if not tables.is_safe(cell):
            tables.make_safe(cell)
    body_marks = [
        [{c: tables.marks[(row, c)] for c in COLUMNS} for row in rows] for rows in tables.rows
    ]
    return body_marks, {c: tables.marks[(None, c)] for c in COLUMNS}


def unsafe_counts(bodies: list[list[dict]], total: dict, body_marks, total_marks) -> list:
    """The counts of 1 to 4 of marked tables that no move sets free (for tests and checks)."""
    tables = _Tables(bodies, total, marks=(body_marks, total_marks))
    return [
        cell
        for cell, value in tables.values.items()
        if _sensitive(value) and not tables.is_safe(cell)
    ]


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


def _month_index(period: Period) -> Case:
    """The month of sending, as its place in the period: plain comparisons with the first
    moments of the months (in the house's time zone), which every database does fast."""
    starts = [
        timezone.make_aware(datetime.combine(month, datetime.min.time()))
        for month in period.months[1:]
    ]
    return Case(
        *[When(created_at__lt=start, then=Value(index)) for index, start in enumerate(starts)],
        default=Value(len(starts)),
        output_field=IntegerField(),
    )


def _count_rows(referrals, dimension: str, period: Period) -> dict:
    """{key: (label, counts)} for one dimension, from one grouped query: the referrals per row,
    status, reason of refusal and (for the closed ones) whether the history says "got help"."""
    helped = Case(
        When(
            status=S.CLOSED,
            then=Exists(
                ReferralEvent.objects.filter(referral=OuterRef("pk"), to_status=S.GOT_HELP)
            ),
        ),
        default=Value(False),
        output_field=BooleanField(),
    )
    if dimension == "month":
        referrals = referrals.annotate(month=_month_index(period))
        fields = ("month", None)
    else:
        fields = _GROUP_FIELDS[dimension]
    grouped = (
        referrals.annotate(helped=helped)
        .values(*[f for f in fields if f], "status", "decline_reason", "helped")
        .annotate(n=Count("id"))
        .order_by()
    )
    rows = {}
    for result in grouped:
        key = result[fields[0]]
        if dimension == "month":
            key = period.months[key]
        label = result[fields[1]] if fields[1] else key
        counts = rows.setdefault(key, (label, dict.fromkeys(COLUMNS, 0)))[1]
        n, status = result["n"], result["status"]
        counts["total"] += n
        counts[f"status:{status}"] += n
        if status == S.DECLINED:
            # A reason the list does not know (or none) counts as "other".
            reason = result["decline_reason"]
            counts[f"reason:{reason if reason in REASONS else DeclineReason.OTHER}"] += n
        if status == S.CLOSED:
            counts["closed_helped" if result["helped"] else "closed_other"] += n
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
    grouped = {dimension: _count_rows(referrals, dimension, period) for dimension, *_ in DIMENSIONS}
    # Working days to acceptance, per row of every dimension, from one list.
    days = {dimension: defaultdict(list) for dimension, *_ in DIMENSIONS}
    every = []
    calendar = WorkingDays()
    calendar.cover(period.first - timedelta(days=1), timezone.localdate() + timedelta(days=1))
    for created, accepted, domain, sender, receiver in referrals.filter(
        accepted_at__isnull=False
    ).values_list(
        "created_at", "accepted_at", "domain_id", "from_organisation_id", "to_organisation_id"
    ):
        created = timezone.localtime(created)
        n = calendar.between(created.date(), timezone.localtime(accepted).date())
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
