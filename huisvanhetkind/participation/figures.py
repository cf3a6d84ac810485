"""Small numbers in the needs and reach tables, and their trend bars (server-side SVG).

Every table here is one dimension (months, policy domains, age groups or municipalities) with
its total. A count of 1 to 4 people could single someone out, so it is hidden as "< 5"
(*primary* suppression). The total is the sum of the row, so one hidden count would come back
as the total minus the shown ones: *complementary* suppression hides more until the hidden group
allows another filling. A hidden group of two or more counts that are not all 4 always does (one
can go up by one, another down); a group with a count of 5 or more (shown as "×") always does.
So, while the group is one count or only fours, the smallest shown count of 5 or more joins it
(or, when there is none, a shown 0). A total of 1 to 4 is hidden itself, and then every count
but the zeros. Zeros are shown: a month without a question singles out nobody.
"""

from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

SMALL = 5


@dataclass(frozen=True)
class Count:
    value: int
    hidden: bool = False

    @property
    def shown(self) -> bool:
        return not self.hidden

    def __str__(self):
        if not self.hidden:
            return str(self.value)
        return "< 5" if self.value < SMALL else "×"

    @property
    def csv(self) -> str:
        return str(self)


def protect(values: list[int], total: int | None = None) -> tuple[list[Count], Count]:
    """The counts of a row and its total, with primary and complementary suppression."""
    total = sum(values) if total is None else total
    if 0 < total < SMALL:
        return [Count(v, hidden=v > 0) for v in values], Count(total, hidden=True)
    hidden = {i for i, v in enumerate(values) if 0 < v < SMALL}

    def unsafe() -> bool:
        if not hidden:
            return False
        group = [values[i] for i in hidden]
        if any(v >= SMALL for v in group):
            return False
        return len(group) < 2 or all(v == SMALL - 1 for v in group)

    while unsafe():
        big = [i for i, v in enumerate(values) if i not in hidden and v >= SMALL]
        zeros = [i for i, v in enumerate(values) if i not in hidden and v == 0]
        if big:
            hidden.add(min(big, key=lambda i: (values[i], -i)))
        elif zeros:
            hidden.add(zeros[-1])
        else:
            return [Count(v, hidden=True) for v in values], Count(total, hidden=True)
    return [Count(v, hidden=i in hidden) for i, v in enumerate(values)], Count(total)


def released_values(counts: list[Count]) -> list[int]:
    """What the page shows as numbers (for the tests: never 1 to 4)."""
    return [c.value for c in counts if c.shown]


def trend_bars(*, chart_id: str, title: str, labels: list[str], counts: list[Count]) -> str:
    """Bars of a count per month, an SVG with a title; hidden counts are a dashed outline. The
    table beside it carries the numbers."""
    width, height, gap = 240, 48, 2
    n = max(len(counts), 1)
    bar = (width - gap * (n - 1)) / n
    top = max([c.value for c in counts if c.shown] + [1])
    parts = []
    for index, (label, count) in enumerate(zip(labels, counts, strict=True)):
        x = round(index * (bar + gap), 1)
        if count.shown:
            h = round(height * count.value / top, 1) if count.value else 0
            parts.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="{}" fill="#1f5f8b">'
                    "<title>{}: {}</title></rect>",
                    x,
                    height - h,
                    round(bar, 1),
                    h,
                    label,
                    count,
                )
            )
        else:
            parts.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="{}" fill="none" stroke="#555" '
                    'stroke-dasharray="2 2"><title>{}: {}</title></rect>',
                    x,
                    height - 8,
                    round(bar, 1),
                    8,
                    label,
                    _("verborgen"),
                )
            )
    return format_html(
        '<svg role="img" aria-labelledby="{}-titel" viewBox="0 0 {} {}" width="100%" '
        'class="trend" xmlns="http://www.w3.org/2000/svg">'
        '<title id="{}-titel">{}</title>{}</svg>',
        chart_id,
        width,
        height,
        chart_id,
        title,
        format_html_join("", "{}", ((p,) for p in parts)),
    )
