"""The small-numbers rule: no released cell under 5, and no withheld cell can be worked out
from the total and the released cells (exhaustively on small rows, and with hypothesis)."""

from itertools import product

from hypothesis import given, settings
from hypothesis import strategies as st

from huisvanhetkind.participation.suppression import THRESHOLD, release_row


def row_of(counts, merge):
    cats = [(str(i), f"keuze {i}", c) for i, c in enumerate(counts)]
    return release_row(cats, total=sum(counts), merge=merge)


def check_row(counts, merge):
    row = row_of(counts, merge)
    if row.withheld:
        assert not row.cells and row.merged is None
        return
    released = row.released
    # 1. No released count of fewer than 5 people.
    assert all(cell.count >= THRESHOLD for cell in released)
    # 2. What the total gives away: total minus the released categories is the sum of the
    #    withheld group; it is never one category and never a small number.
    withheld = (
        [counts[int(cell.key)] for cell in row.cells if cell.count is None]
        if not merge
        else [c for i, c in enumerate(counts) if str(i) not in {cell.key for cell in row.cells}]
    )
    if withheld:
        residual = row.total - sum(c.count for c in row.cells if c.count is not None)
        assert residual == sum(withheld)
        assert residual >= THRESHOLD
        assert len(withheld) >= 2
    # 3. The released cells are the true counts.
    for cell in row.cells:
        if cell.count is not None:
            assert cell.count == counts[int(cell.key)]


def test_every_small_row_up_to_four_categories_of_zero_to_eight_people():
    for size in range(1, 5):
        for counts in product(range(9), repeat=size):
            for merge in (True, False):
                check_row(list(counts), merge)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=60), min_size=1, max_size=9), st.booleans())
def test_any_row_releases_no_small_cell_and_no_derivable_one(counts, merge):
    check_row(counts, merge)


def test_one_small_cell_with_a_shown_total_takes_the_next_smallest_with_it():
    row = row_of([20, 3, 9, 12], merge=False)
    assert [c.count for c in row.cells] == [20, None, None, 12]  # 9 is suppressed too
    assert row.total == 44


def test_small_cells_merge_into_andere_when_they_reach_five_together():
    row = row_of([20, 3, 2, 12], merge=True)
    assert [(c.label, c.count) for c in row.released] == [
        ("keuze 0", 20),
        ("keuze 3", 12),
        ("andere", 5),
    ]


def test_a_question_answered_by_fewer_than_five_people_releases_nothing():
    row = row_of([2, 2], merge=True)
    assert row.withheld and row.total == 4


def test_a_row_without_small_cells_is_released_whole():
    row = row_of([5, 6, 7], merge=False)
    assert [c.count for c in row.cells] == [5, 6, 7] and row.merged is None
