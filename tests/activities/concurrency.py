"""The concurrency scenarios, shared by the tests and by their run on a file-based SQLite database.

Run as a module (``python -m tests.activities.concurrency [registrations|imports]``) it migrates
the database of the current settings, plays a scenario and prints the outcome as JSON.
"""

import json
import os
import subprocess
import sys
import threading
from datetime import timedelta
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import close_old_connections, connections
from django.utils import timezone

ATTEMPTS = 200
PLACES = 20
CANCELLATIONS = 10
DUPLICATES = 20


def max_workers() -> int:
    """As many threads as there are registrations, unless the database caps the connections:
    PostgreSQL then gets a pool that leaves room for other clients."""
    connection = connections["default"]
    if connection.vendor != "postgresql":
        return ATTEMPTS
    with connection.cursor() as cursor:
        cursor.execute("SHOW max_connections")
        limit = int(cursor.fetchone()[0])
        cursor.execute("SELECT count(*) FROM pg_stat_activity")
        used = cursor.fetchone()[0]
    return max(2, min(ATTEMPTS, (limit - used) // 2))


def run_in_threads(count, work, workers=None):
    """Run ``work(i)`` for every i in 0..count-1 on ``workers`` threads, each with its own
    database connection, all released at once."""
    workers = min(count, workers or count)
    barrier = threading.Barrier(workers)
    lock = threading.Lock()
    pending = list(range(count))
    errors, results = [], [None] * count

    def run():
        try:
            barrier.wait(timeout=60)
            while True:
                with lock:
                    if not pending:
                        return
                    i = pending.pop()
                try:
                    results[i] = work(i)
                except Exception as error:  # collected and reported: nothing may fail
                    errors.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    close_old_connections()
    return results, errors


def make_session(slug="gelijktijdig"):
    from huisvanhetkind.activities.models import Activity, Session
    from huisvanhetkind.network.models import House, Organisation, Partnership

    house = House.objects.create(slug=slug, name=f"Huis van het Kind {slug}")
    organisation = Organisation.objects.create(name=f"Partner {slug}")
    Partnership.objects.create(house=house, organisation=organisation)
    activity = Activity.objects.create(
        house=house,
        title="Slaapsessie",
        place="Zaal",
        is_free=True,
        registration=Activity.RegistrationMode.REQUIRED,
        capacity=PLACES,
        status=Activity.Status.PUBLISHED,
    )
    activity.organisations.add(organisation)
    starts = timezone.now() + timedelta(days=2)
    return Session.objects.create(
        activity=activity, starts_at=starts, ends_at=starts + timedelta(hours=2)
    )


def scenario(session) -> dict:
    """Fire the registrations, then the cancellations, then duplicates; report what happened."""
    from huisvanhetkind.activities import services_registrations
    from huisvanhetkind.activities.models import Registration
    from huisvanhetkind.activities.workflow import RegistrationStatus as S

    def register(i):
        registration, _ = services_registrations.registration_create(
            session=session,
            name=f"Ouder {i}",
            email=f"ouder{i}@example.be",
            adults=1,
            children_ages=[2],
        )
        return registration.pk

    workers = max_workers()
    created, register_errors = run_in_threads(ATTEMPTS, register, workers)
    mine = Registration.objects.filter(session=session)
    after_registering = {s: mine.filter(status=s).count() for s in S.values}

    cancellations = list(mine.filter(status=S.CONFIRMED)[:CANCELLATIONS])
    first_waiting = list(
        mine.filter(status=S.WAITLISTED)
        .order_by("created_at", "id")
        .values_list("pk", flat=True)[:CANCELLATIONS]
    )

    def cancel(i):
        return len(services_registrations.registration_cancel(registration=cancellations[i]))

    promoted, cancel_errors = run_in_threads(len(cancellations), cancel)
    after_cancelling = {s: mine.filter(status=s).count() for s in S.values}
    promoted_ids = list(mine.filter(promoted_at__isnull=False).values_list("pk", flat=True))

    def duplicate(i):
        try:
            services_registrations.registration_create(
                session=session, name="Zelfde", email="zelfde@example.be", adults=1
            )
        except ValidationError:
            return "duplicate"
        return "ok"

    duplicates, duplicate_errors = run_in_threads(DUPLICATES, duplicate)
    return {
        "workers": workers,
        "created": sum(1 for pk in created if pk),
        "register_errors": register_errors,
        "after_registering": after_registering,
        "cancel_errors": cancel_errors,
        "promoted": sum(p or 0 for p in promoted),
        "after_cancelling": after_cancelling,
        "first_waiting_promoted": sorted(first_waiting) == sorted(promoted_ids),
        "duplicate_errors": duplicate_errors,
        "duplicates_accepted": duplicates.count("ok"),
    }


def import_scenario() -> dict:
    """The same iCalendar feed imported four times at once for one organisation."""
    from huisvanhetkind.activities.ical_import import ical_import
    from huisvanhetkind.activities.models import Activity, ImportedEvent, Session

    house = make_session("tegelijk-importeren").activity.house
    organisation = house.partnerships.get().organisation
    start = timezone.now().replace(microsecond=0) + timedelta(days=9)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Opvoedingspunt//agenda//NL"]
    for uid in ("speelbabbel", "vorming"):
        lines += [
            "BEGIN:VEVENT",
            f"UID:{uid}@opvoedingspunt.example.be",
            f"DTSTART:{start:%Y%m%dT%H%M%SZ}",
            f"DTEND:{start + timedelta(hours=2):%Y%m%dT%H%M%SZ}",
            f"SUMMARY:{uid.title()}",
            "END:VEVENT",
        ]
    data = "\r\n".join([*lines, "END:VCALENDAR", ""]).encode()

    def run(i):
        return ical_import(
            house=house, organisation=organisation, data=data, source="agenda.ics", actor=None
        ).saved

    saved, errors = run_in_threads(4, run)
    return {
        "saved": saved,
        "errors": errors,
        "imported_events": ImportedEvent.objects.filter(organisation=organisation).count(),
        "activities": Activity.objects.filter(house=house).count(),
        "sessions": Session.objects.filter(activity__house=house).count(),
    }


SCENARIOS = {"registrations": lambda: scenario(make_session()), "imports": import_scenario}


def play(name: str, tmp_path: Path) -> dict:
    """Play a scenario on the test database, or, when that is SQLite in memory (where threads
    cannot write at the same time), in a child process against a fresh SQLite file with the
    project's own settings (WAL, BEGIN IMMEDIATE)."""
    from django.conf import settings
    from django.db import connection

    if not (connection.vendor == "sqlite" and connection.is_in_memory_db()):
        return SCENARIOS[name]()
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(VAR_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="huisvanhetkind.settings")
    completed = subprocess.run(
        [sys.executable, "-m", "tests.activities.concurrency", name],
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
    from django.conf import settings
    from django.core.management import call_command

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

    call_command("migrate", verbosity=0)
    name = sys.argv[1] if len(sys.argv) > 1 else "registrations"
    print(json.dumps(SCENARIOS[name]()))


if __name__ == "__main__":
    main()
