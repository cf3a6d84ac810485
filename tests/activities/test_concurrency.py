"""Never overbooked, nothing lost: 200 registrations at once, each on its own connection.

On PostgreSQL (and a file-based SQLite) the scenario runs against the test database. The
default SQLite test database lives in memory, where connections of several threads cannot
write at the same time; there the same scenario runs in a child process against a fresh
SQLite file with the project's own settings (WAL, BEGIN IMMEDIATE): ``concurrency.play``.
"""

import pytest

from tests.activities import concurrency
from tests.activities.concurrency import ATTEMPTS, CANCELLATIONS, DUPLICATES, PLACES


def _expect(result):
    assert result["register_errors"] == []
    assert result["created"] == ATTEMPTS
    assert result["after_registering"] == {
        "confirmed": PLACES,
        "waitlisted": ATTEMPTS - PLACES,
        "cancelled": 0,
    }
    assert result["cancel_errors"] == []
    assert result["promoted"] == CANCELLATIONS
    assert result["after_cancelling"] == {
        "confirmed": PLACES,
        "waitlisted": ATTEMPTS - PLACES - CANCELLATIONS,
        "cancelled": CANCELLATIONS,
    }
    assert result["first_waiting_promoted"] is True
    assert result["duplicate_errors"] == []
    assert result["duplicates_accepted"] == 1


@pytest.mark.django_db(transaction=True)
def test_concurrent_registrations_never_overbook_and_cancellations_promote_exactly(tmp_path):
    result = concurrency.play("registrations", tmp_path)

    _expect(result)
    assert DUPLICATES > 1
