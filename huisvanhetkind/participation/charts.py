"""Server-side SVG bar charts of released counts, readable without JavaScript; each is shown
with a data table beside it (the template), so the chart itself is a picture with a title."""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

WIDTH = 320
BAR = 22
GAP = 8
LABEL = 120


def bar_chart(*, chart_id: str, title: str, cells) -> str:
    """A horizontal bar per released cell (suppressed cells are left out)."""
    shown = [c for c in cells if c.count is not None]
    if not shown:
        return ""
    largest = max(c.count for c in shown) or 1
    height = len(shown) * (BAR + GAP) + GAP
    room = WIDTH - LABEL - 40
    bars = format_html_join(
        "",
        '<g><text x="0" y="{}" class="chart-label">{}</text>'
        '<rect x="{}" y="{}" width="{}" height="{}" class="chart-bar"></rect>'
        '<text x="{}" y="{}" class="chart-value">{}</text></g>',
        (
            (
                GAP + i * (BAR + GAP) + BAR * 0.7,
                c.label[:18] + ("…" if len(c.label) > 18 else ""),
                LABEL,
                GAP + i * (BAR + GAP),
                max(1, round(room * c.count / largest)),
                BAR,
                LABEL + max(1, round(room * c.count / largest)) + 4,
                GAP + i * (BAR + GAP) + BAR * 0.7,
                c.count,
            )
            for i, c in enumerate(shown)
        ),
    )
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{}" '
        'viewBox="0 0 {} {}" width="100%" class="chart" focusable="false">'
        '<title id="{}">{}</title>{}</svg>',
        chart_id,
        WIDTH,
        height,
        chart_id,
        title,
        mark_safe(bars),  # noqa: S308 - built by format_html_join above
    )
