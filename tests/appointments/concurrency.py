"""A hundred families book the same slot at the same moment, each on its own connection:
exactly ``counters`` succeed, the others are told the time was just taken.

Run as a module (``python -m tests.appointments.concurrency``) it migrates the database of the
current settings, plays the scenario and prints the outcome as JSON (the pattern of
``tests.activities.concurrency``, whose thread runner it uses).
"""

import json
import os
import subprocess
import sys
from pathlib import Path

from django.core.exceptions import ValidationError

from huisvanhetkind.core.mail import no_mail
from tests.activities.concurrency import max_workers, run_in_threads

BOOKINGS = 100
COUNTERS = 2
TAKEN = "Dit tijdstip is net geboekt door een ander gezin. Kies een ander tijdstip."


def scenario() -> dict:
    from huisvanhetkind.appointments import services
    from huisvanhetkind.appointments.models import Appointment
    from huisvanhetkind.network.models import House
    from tests.appointments.conftest import make_appointment_desk, slots, topic_of

    house = House.objects.create(slug="gelijktijdige-afspraak", name="Huis van het Kind Afspraak")
    desk = make_appointment_desk(house, counters=COUNTERS)
    slot = slots(desk)[0]
    topic = topic_of(desk)

    def book(i):
        try:
            with no_mail():  # the context of each thread: the families get no e-mail here
                services.appointment_book(
                    actor=None,
                    desk=desk,
                    topic=topic,
                    starts_at=slot.starts_at,
                    name=f"Gezin {i}",
                    email=f"gezin{i}@example.be",
                )
        except ValidationError as error:
            return "taken" if error.messages == [TAKEN] else repr(error.messages)
        return "booked"

    outcomes, errors = run_in_threads(BOOKINGS, book, max_workers())
    return {
        "errors": errors,
        "booked": outcomes.count("booked"),
        "taken": outcomes.count("taken"),
        "other": [o for o in outcomes if o not in ("booked", "taken")][:5],
        "in_database": Appointment.objects.filter(desk=desk, starts_at=slot.starts_at).count(),
        "counters": sorted(Appointment.objects.filter(desk=desk).values_list("counter", flat=True)),
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
        [sys.executable, "-m", "tests.appointments.concurrency"],
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
