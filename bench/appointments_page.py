"""Measure the family's week of free slots at a desk with a year of slots.

Generates (once per database; ``--regenerate`` to redo) a house with one desk whose office hours
by appointment run every weekday 9-17, cut into 20-minute slots with two counters, a horizon of
a year, and appointments for half a year back and half a year ahead (about 70 % of the counters
taken); then, with ``DEBUG`` off and ``django.test.Client`` in this process:

    week_first  GET /<house>/afspraak/<desk>/<topic>/ (the first week with a free slot, looked
                for among five weeks)
    week_later  GET the same with ?week= a seeded Monday of the coming year

Target: p95 of each at most 50 ms, and the same number of queries for every week. Figures in
ms and in R (``bench/common.py``).

    python bench/appointments_page.py --output var/bench/appointments-page.json
"""

import argparse
import logging
import platform
import random
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (  # noqa: E402
    ROOT,
    calibrate,
    calibration,
    calibration_text,
    describe,
    in_units,
    log,
    percentile,
    setup_django,
    write_json,
)

DEFAULT_URL = f"sqlite:///{ROOT / 'var' / 'bench-appointments.sqlite3'}"
HOUSE_SLUG = "bench-afspraken"
DESK_SLUG = "loket-bench"
TARGET_MS = 50.0
TAKEN = 0.7
BATCH = 2000


def generate(seed: int, regenerate: bool) -> dict:
    from datetime import time as clock

    from django.core.management import call_command
    from django.db import transaction
    from django.utils import timezone

    from huisvanhetkind.appointments import selectors, services
    from huisvanhetkind.appointments.models import Appointment, Topic
    from huisvanhetkind.network.models import House
    from huisvanhetkind.premises import services_hours
    from huisvanhetkind.premises.models import Desk

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    house = House.objects.filter(slug=HOUSE_SLUG).first()
    if house is not None and not regenerate:
        desk = Desk.objects.get(house=house, slug=DESK_SLUG)
        return {
            "appointments": Appointment.objects.filter(desk=desk).count(),
            "generated": False,
            "seconds": 0,
        }
    if house is not None:
        Appointment.objects.filter(desk__house=house).delete()
        Topic.objects.filter(desk__house=house).delete()
        house.delete()
    rng = random.Random(seed)
    with transaction.atomic():
        house = House.objects.create(slug=HOUSE_SLUG, name="Huis van het Kind Bench Afspraken")
        desk = services_hours.desk_create(
            actor=None,
            house=house,
            data={"name": "Loket (bench)", "slug": DESK_SLUG, "is_active": True},
        )
        services_hours.rule_create(
            actor=None,
            desk=desk,
            data={
                "kind": "weekly",
                "weekdays": [0, 1, 2, 3, 4],
                "positions": [],
                "dates": [],
                "starts": clock(9),
                "ends": clock(17),
                "mode": "appointment",
                "valid_from": None,
                "valid_until": None,
                "note": "",
            },
        )
        settings = services.settings_save(
            actor=None,
            desk=desk,
            data={
                "slot_minutes": 20,
                "counters": 2,
                "horizon_days": 366,
                "notice_hours": 0,
                "is_open": True,
            },
        )
        topic = services.topic_create(
            actor=None,
            desk=desk,
            data={"title": "Inkomenstarief", "what_to_bring": "Aanslagbiljet.", "position": 0},
        )
        today = timezone.localdate()
        start = today - timedelta(days=183)
        days = selectors.desk_slots(
            desk,
            settings,
            start,
            today + timedelta(days=183),
            now=datetime.min.replace(tzinfo=timezone.get_current_timezone()) + timedelta(days=1),
        )
        rows = []
        for day in days:
            for slot in day.slots:
                for counter in (1, 2):
                    if rng.random() < TAKEN:
                        rows.append(
                            Appointment(
                                desk=desk,
                                topic=topic,
                                starts_at=slot.starts_at,
                                ends_at=slot.ends_at,
                                counter=counter,
                                name=f"Gezin {len(rows)}",
                                email=f"gezin{len(rows)}@bench.example.be",
                            )
                        )
        Appointment.objects.bulk_create(rows, batch_size=BATCH)
    return {
        "appointments": len(rows),
        "slots": sum(len(day.slots) for day in days),
        "generated": True,
        "seconds": round(time.perf_counter() - started, 1),
    }


def timed(work, count: int) -> dict:
    from django.db import connection

    times, queries, errors = [], [], []
    work(0)  # warm the templates
    for n in range(count):
        counter = {"n": 0}

        def count_query(execute, sql, params, many, context, counter=counter):
            counter["n"] += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count_query):
            started = time.perf_counter()
            response = work(n)
            elapsed = (time.perf_counter() - started) * 1000
        if response.status_code != 200:
            errors.append(response.status_code)
            continue
        times.append(elapsed)
        queries.append(counter["n"])
    return {
        "requests": len(times),
        "p50_ms": round(percentile(times, 0.5), 1),
        "p95_ms": round(percentile(times, 0.95), 1),
        "max_ms": round(max(times), 1) if times else None,
        "queries_min": min(queries) if queries else None,
        "queries_max": max(queries) if queries else None,
        "errors": errors[:10],
    }


def measure(count: int, seed: int) -> dict:
    from django.test import Client
    from django.utils import timezone

    from huisvanhetkind.appointments.models import Topic

    rng = random.Random(seed)
    topic = Topic.objects.get(desk__house__slug=HOUSE_SLUG)
    path = f"/{HOUSE_SLUG}/afspraak/{DESK_SLUG}/{topic.pk}/"
    client = Client(HTTP_HOST="127.0.0.1")
    today = timezone.localdate()
    monday = today - timedelta(days=today.weekday())
    weeks = [monday + timedelta(weeks=rng.randrange(0, 52)) for _ in range(count)]
    return {
        "week_first": timed(lambda n: client.get(path), count),
        "week_later": timed(lambda n: client.get(path, {"week": weeks[n].isoformat()}), count),
    }


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--requests", type=int, default=200, help="measured requests per page")
    parser.add_argument("--seed", type=int, default=21)
    parser.add_argument("--regenerate", action="store_true")
    parser.add_argument("--output")
    args = parser.parse_args(argv)
    if "bench" not in args.database_url:
        sys.exit("Refusing to use a database whose name does not contain 'bench'.")
    setup_django(args.database_url)
    from django.conf import settings

    settings.DEBUG = False
    logging.getLogger("huisvanhetkind.request").setLevel(logging.WARNING)
    settings.ALLOWED_HOSTS = ["127.0.0.1", "testserver"]
    log(f"Database: {describe(args.database_url)}")
    data = generate(args.seed, args.regenerate)
    log(f"Data: {data['appointments']:,} appointments ({data['seconds']} s)")
    before = calibrate()
    results = measure(args.requests, args.seed)
    cal = calibration(before, calibrate())
    log(calibration_text(cal))
    report = {
        "database": describe(args.database_url),
        "python": platform.python_version(),
        "data": data,
        "calibration": cal,
        "results": results,
        "target_p95_ms": TARGET_MS,
    }
    for name, entry in results.items():
        verdict = "ok" if entry["p95_ms"] <= TARGET_MS else "OVER TARGET"
        log(
            f"  {name:<12} p50 {entry['p50_ms']:>6} ms  p95 {entry['p95_ms']:>6} ms "
            f"({in_units(entry['p95_ms'], cal)} R)  max {entry['max_ms']} ms  "
            f"queries {entry['queries_min']}-{entry['queries_max']}  {verdict}"
            + (f"  errors {entry['errors']}" if entry["errors"] else "")
        )
    write_json(args.output, report)
    return report


if __name__ == "__main__":
    main()
