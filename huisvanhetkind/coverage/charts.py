"""The heat map as server-side SVG: a rectangle per domain x age group, its number inside.

Colour says roughly how many services a cell has (five steps of one hue, relative to the
fullest cell of the municipality); the number in every cell and the table beside the map say it
exactly, so colour is never the only carrier. An empty cell is white with a dashed border and
a 0.
"""

import math
from dataclasses import dataclass

from django.utils.translation import gettext as _

# Light to dark; the text on the two darkest is white. Contrast of the number on its cell: at
# least 4.5:1 everywhere (#1a1a1a on #a9d5c5 10.8:1, white on #2f7d63 5.0:1, on #08402e 11.8:1).
COLOURS = ("#ffffff", "#e3f1ec", "#a9d5c5", "#2f7d63", "#08402e")
TEXT = ("#1a1a1a", "#1a1a1a", "#1a1a1a", "#ffffff", "#ffffff")
LABEL_WIDTH = 230
CELL_WIDTH = 90
CELL_HEIGHT = 40
HEADER_HEIGHT = 48


@dataclass
class Rect:
    x: int
    y: int
    fill: str
    text_colour: str
    count: int
    label: str
    empty: bool


@dataclass
class Layout:
    width: int
    height: int
    columns: list[tuple[int, str]]  # x of the middle, age group name
    rows: list[tuple[int, str]]  # y of the middle, domain name
    rects: list[Rect]
    legend: list[tuple[str, str, str]]  # fill, text colour, range


def level(count: int, maximum: int) -> int:
    if count <= 0 or maximum <= 0:
        return 0
    return max(1, min(4, math.ceil(4 * count / maximum)))


def legend(maximum: int) -> list[tuple[str, str, str]]:
    steps = [(COLOURS[0], TEXT[0], "0")]
    if maximum <= 0:
        return steps
    low = 1
    for step in range(1, 5):
        high = math.floor(step * maximum / 4)
        if high < low:
            continue
        label = str(low) if low == high else f"{low}–{high}"
        steps.append((COLOURS[step], TEXT[step], label))
        low = high + 1
    return steps


def layout(grid) -> Layout:
    """The geometry of ``selectors.heat_map``'s grid."""
    rects = []
    for r, (domain_slug, domain_name) in enumerate(grid.domains):
        for c, (age_slug, age_name) in enumerate(grid.age_groups):
            cell = grid.counts.get((domain_slug, age_slug), {})
            count = cell.get("services", 0)
            step = level(count, grid.maximum)
            rects.append(
                Rect(
                    x=LABEL_WIDTH + c * CELL_WIDTH,
                    y=HEADER_HEIGHT + r * CELL_HEIGHT,
                    fill=COLOURS[step],
                    text_colour=TEXT[step],
                    count=count,
                    label=_("%(domain)s, %(age)s: %(count)s aanbod")
                    % {"domain": domain_name, "age": age_name, "count": count},
                    empty=count == 0,
                )
            )
    return Layout(
        width=LABEL_WIDTH + CELL_WIDTH * len(grid.age_groups) + 2,
        height=HEADER_HEIGHT + CELL_HEIGHT * len(grid.domains) + 2,
        columns=[
            (LABEL_WIDTH + c * CELL_WIDTH + CELL_WIDTH // 2, name)
            for c, (_slug, name) in enumerate(grid.age_groups)
        ],
        rows=[
            (HEADER_HEIGHT + r * CELL_HEIGHT + CELL_HEIGHT // 2, name)
            for r, (_slug, name) in enumerate(grid.domains)
        ],
        rects=rects,
        legend=legend(grid.maximum),
    )
