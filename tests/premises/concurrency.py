"""Simultaneous approvals of overlapping requests for one room, each on its own connection.

Run as a module (``python -m tests.premises.concurrency``) it migrates the database of the
current settings, plays the scenario and prints the outcome as JSON (the pattern of
``tests.activities.concurrency``, whose thread runner it uses).
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
    from huisvanhetkind.network.models import House, Organisation, Partnership
    from huisvanhetkind.premises import services
    from huisvanhetkind.premises.models import Booking, Room
    from huisvanhetkind.premises.workflow import BookingStatus as S

    house = House.objects.create(slug="gelijktijdige-zaal", name="Huis van het Kind Gelijktijdig")
    organisation = Organisation.objects.create(name="Partner gelijktijdig")
    Partnership.objects.create(house=house, organisation=organisation)
    services.agreement_accept(actor=None, house=house, organisation=organisation)
    room = Room.objects.create(house=house, name="Zaal", capacity=20)
    start = timezone.localtime().replace(hour=10, minute=0, second=0, microsecond=0)
    start += timedelta(days=3)
    requests = [
        services.booking_request(
            actor=None,
            house=house,
            organisation=organisation,
            room=room,
            title=f"Aanvraag {i}",
            attendees=5,
            starts_at=start + timedelta(minutes=10 * i),
            ends_at=start + timedelta(hours=2, minutes=10 * i),
        )[0]
        for i in range(REQUESTS)
    ]

    def approve(i):
        try:
            services.booking_approve(actor=None, booking=requests[i])
        except ValidationError:
            return "refused"
        return "approved"

    outcomes, errors = run_in_threads(REQUESTS, approve)
    return {
        "errors": errors,
        "approved": outcomes.count("approved"),
        "refused": outcomes.count("refused"),
        "in_database": Booking.objects.filter(room=room, status=S.APPROVED).count(),
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
        [sys.executable, "-m", "tests.premises.concurrency"],
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
