"""Simultaneous reservations of one item for overlapping periods, each on its own connection.

Run as a module (``python -m tests.babytheek.concurrency``) it migrates the database of the
current settings, plays the scenario and prints the outcome as JSON (the pattern of
``tests.premises.concurrency``).
"""

import json
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils import timezone

from tests.activities.concurrency import run_in_threads

REQUESTS = 8


def scenario() -> dict:
    from huisvanhetkind.babytheek import services
    from huisvanhetkind.babytheek.models import Item, Loan
    from huisvanhetkind.core.mail import no_mail
    from huisvanhetkind.network.models import House

    house = House.objects.create(slug="gelijktijdige-babytheek", name="Huis Gelijktijdig")
    item = Item.objects.create(house=house, name="Kinderwagen", loan_weeks=4)
    today = timezone.localdate()

    def reserve(i):
        try:
            with no_mail():
                services.loan_reserve(
                    actor=None,
                    house=house,
                    item=item,
                    pickup_date=today + timedelta(days=3 + i),
                    name=f"Gezin {i}",
                    email=f"gezin{i}@example.be",
                    new_membership=True,
                    today=today,
                )
        except ValidationError:
            return "refused"
        return "reserved"

    outcomes, errors = run_in_threads(REQUESTS, reserve)
    return {
        "errors": errors,
        "reserved": outcomes.count("reserved"),
        "refused": outcomes.count("refused"),
        "in_database": Loan.objects.filter(item=item, status__in=["reserved", "lent"]).count(),
    }


def play(tmp_path: Path) -> dict:
    """On the test database, or, when that is SQLite in memory, in a child process against a
    fresh SQLite file with the project's own settings."""
    from django.conf import settings
    from django.db import connection

    if not (connection.vendor == "sqlite" and connection.is_in_memory_db()):
        return scenario()
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(VAR_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="huisvanhetkind.settings")
    completed = subprocess.run(
        [sys.executable, "-m", "tests.babytheek.concurrency"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    return json.loads(completed.stdout.strip().splitlines()[-1])


def main():
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    print(json.dumps(scenario()))


if __name__ == "__main__":
    main()
