"""Eight overlapping requests for one room approved at the same moment: exactly one wins.

On PostgreSQL (DATABASE_URL) the scenario runs against the test database; on the default
in-memory SQLite in a child process against a SQLite file (``concurrency.play``)."""

import pytest

from tests.premises import concurrency


@pytest.mark.django_db(transaction=True)
def test_simultaneous_approvals_never_double_book_a_room(tmp_path):
    result = concurrency.play(tmp_path)

    assert result["errors"] == []
    assert result["approved"] == 1
    assert result["refused"] == concurrency.REQUESTS - 1
    assert result["in_database"] == 1
