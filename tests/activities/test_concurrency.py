"""Never overbooked, nothing lost: 200 registrations at once, each on its own connection.

On PostgreSQL (and a file-based SQLite) the scenario runs against the test database. The
default SQLite test database lives in memory, where connections of several threads cannot
write at the same time; there the same scenario runs in a child process against a fresh
SQLite file with the project's own settings (WAL, BEGIN IMMEDIATE).
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from tests.activities import concurrency
from tests.activities.concurrency import ATTEMPTS, CANCELLATIONS, DUPLICATES, PLACES

ROOT = Path(settings.BASE_DIR)


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
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
        env.update(VAR_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="huisvanhetkind.settings")
        completed = subprocess.run(
            [sys.executable, "-m", "tests.activities.concurrency"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert completed.returncode == 0, completed.stderr[-3000:]
        result = json.loads(completed.stdout.strip().splitlines()[-1])
    else:
        result = concurrency.scenario(concurrency.make_session())
    _expect(result)
    assert DUPLICATES > 1
