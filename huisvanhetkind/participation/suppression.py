"""Which counts of a survey may be released: every released cell counts at least ``THRESHOLD``
people, and no withheld cell can be worked out from the released ones and the total.

One *row* is the answers to one question: a count per category (choice, scale value, postcode)
and the number of people who answered the question (the total, always shown). The rule, in
order (docs/participation.md, *Small numbers*):

1. A question answered by fewer than ``THRESHOLD`` people releases nothing but that fact.
2. Every category with fewer than ``THRESHOLD`` people (zero included) is *small* and joins the
   withheld group.
3. Complementary suppression: while the withheld group is not empty and counts fewer than
   ``THRESHOLD`` people together, the smallest released category joins it too (ties: the later
   one). So the total minus the released cells gives at most the sum of a group of two or more
   categories that counts at least ``THRESHOLD`` people: never one category's count, never a
   small number.
4. The withheld group is either *merged* into one category "andere" (its sum, at least
   ``THRESHOLD``; for single choice and postcodes, where every person is in exactly one
   category) or *suppressed* (each shown as "minder dan 5 of verborgen", for the scale, which is
   ordered, and the multiple choices, whose counts do not add up to the total).
5. If no category is left to release, the question releases nothing but its total.
"""

from dataclasses import dataclass, field

THRESHOLD = 5


@dataclass(frozen=True)
class Cell:
    key: str
    label: str
    count: int | None  # None: suppressed


@dataclass
class Row:
    total: int
    withheld: bool  # nothing but the total is released
    cells: list[Cell] = field(default_factory=list)  # released cells (and suppressed markers)
    merged: Cell | None = None  # the "andere" cell, when merged

    @property
    def released(self) -> list[Cell]:
        """The cells with a count, the merged one included."""
        shown = [c for c in self.cells if c.count is not None]
        return shown + ([self.merged] if self.merged else [])


def release_row(
    categories: list[tuple[str, str, int]],
    *,
    total: int,
    merge: bool,
    other_label: str = "andere",
    threshold: int = THRESHOLD,
) -> Row:
    """The released form of one row: ``categories`` as ``(key, label, count)`` in display order."""
    if total < threshold:
        return Row(total=total, withheld=True)
    withheld = {i for i, (_, _, count) in enumerate(categories) if count < threshold}

    def withheld_sum() -> int:
        return sum(categories[i][2] for i in withheld)

    while withheld and withheld_sum() < threshold:
        shown = [i for i in range(len(categories)) if i not in withheld]
        if not shown:
            break
        withheld.add(min(shown, key=lambda i: (categories[i][2], -i)))
    if len(withheld) == len(categories):
        return Row(total=total, withheld=True)
    if merge:
        cells = [Cell(k, lab, c) for i, (k, lab, c) in enumerate(categories) if i not in withheld]
        merged = Cell("andere", other_label, withheld_sum()) if withheld else None
        return Row(total=total, withheld=False, cells=cells, merged=merged)
    cells = [Cell(k, lab, None if i in withheld else c) for i, (k, lab, c) in enumerate(categories)]
    return Row(total=total, withheld=False, cells=cells)
