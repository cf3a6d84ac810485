"""A hundred simultaneous bookings of one slot with two counters: exactly two succeed.

On PostgreSQL (DATABASE_URL) the scenario runs against the test database; on the default
in-memory SQLite in a child process against a SQLite file (``concurrency.play``)."""

import pytest

from tests.appointments import concurrency


@pytest.mark.django_db(transaction=True)
def test_a_hundred_simultaneous_bookings_never_book_a_slot_twice(tmp_path):
    result = concurrency.play(tmp_path)

    assert result["errors"] == []
    assert result["other"] == []
    assert result["booked"] == concurrency.COUNTERS
    assert result["taken"] == concurrency.BOOKINGS - concurrency.COUNTERS
    assert result["in_database"] == concurrency.COUNTERS
    assert result["counters"] == [1, 2]
