"""The heat map's colours: steps relative to the fullest cell, a legend that covers every count,
and every number readable on its colour (WCAG contrast at least 4.5:1)."""

import pytest

from huisvanhetkind.coverage import charts


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


@pytest.mark.parametrize("step", range(5))
def test_every_number_is_readable_on_its_colour(step):
    light, dark = sorted([_luminance(charts.COLOURS[step]), _luminance(charts.TEXT[step])])
    assert (dark + 0.05) / (light + 0.05) >= 4.5


def test_levels_grow_with_the_count_and_zero_is_its_own():
    assert charts.level(0, 40) == 0
    assert [charts.level(n, 40) for n in (1, 10, 11, 20, 21, 30, 31, 40)] == [
        1,
        1,
        2,
        2,
        3,
        3,
        4,
        4,
    ]


def test_the_legend_names_every_count_once():
    legend = charts.legend(40)
    assert [label for _fill, _text, label in legend] == ["0", "1–10", "11–20", "21–30", "31–40"]
    assert [label for _f, _t, label in charts.legend(2)] == ["0", "1", "2"]
    assert charts.legend(0) == [(charts.COLOURS[0], charts.TEXT[0], "0")]
