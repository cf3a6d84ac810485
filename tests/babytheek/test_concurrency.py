"""Eight families reserve one item for overlapping periods at the same moment: exactly one
wins. On PostgreSQL (DATABASE_URL) against the test database; on the default in-memory SQLite in
a child process against a SQLite file (``concurrency.play``)."""

import pytest

from tests.babytheek import concurrency


@pytest.mark.django_db(transaction=True)
def test_simultaneous_reservations_never_lend_an_item_twice(tmp_path):
    result = concurrency.play(tmp_path)

    assert result["errors"] == []
    assert result["reserved"] == 1
    assert result["refused"] == concurrency.REQUESTS - 1
    assert result["in_database"] == 1
