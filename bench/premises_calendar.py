"""Measure the room calendars of a house with 20 rooms and 50,000 bookings.

Generates (once per database; ``--regenerate`` to redo) a house with 20 rooms, eight partner
organisations, a coordinator and a professional of the first partner, and 50,000 bookings of
two hours between 8 and 22 h spread over the two years around today (most approved, some
requested, declined or cancelled; never two approved ones overlapping in a room); then, with
``DEBUG`` off and ``django.test.Client`` in this process, ``--requests`` (200) GETs of each page,
every one of another week:

    room_partner      GET /beheer/huis/<house>/zalen/<room>/?week= by the partner's professional
                      (own bookings, the others' approved ones as taken)
    room_coordinator  the same page by the coordinator (every open booking)
    partner_calendar  GET /beheer/huis/<house>/zalen/mijn-agenda/?week= (every room)
    index             GET /beheer/huis/<house>/zalen/ by the coordinator

Target: p95 of each at most 50 ms, and the same number of queries for every week and room.
Figures in ms and in R (``bench/common.py``).

    python bench/premises_calendar.py --output var/bench/premises-calendar.json
"""

import argparse
import logging
import platform
import random
import sys
import time
from datetime import datetime, timedelta
from datetime import time as clock
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (  # noqa: E402
    ROOT,
    calibrate,
    calibration,
    calibration_text,
    client_for,
    describe,
    in_units,
    log,
    percentile,
    setup_django,
    write_json,
)

DEFAULT_URL = f"sqlite:///{ROOT / 'var' / 'bench-premises.sqlite3'}"
HOUSE_SLUG = "bench-zalen"
BENCH_DOMAIN = "bench-zalen.example.be"
TARGET_MS = 50.0
ROOMS = 20
BOOKINGS = 50_000
PARTNERS = 8
DAYS_BACK = 365
DAYS_AHEAD = 365
HOURS = (8, 10, 12, 14, 16, 18, 20)  # two-hour bookings from these hours
BATCH = 2000
# (status, share) of the bookings; the rest is approved
OTHER_STATES = (("requested", 0.08), ("declined", 0.05), ("cancelled", 0.04))
PAGES = ("room_partner", "room_coordinator", "partner_calendar", "index")


def _status(rng: random.Random) -> str:
    draw = rng.random()
    for status, share in OTHER_STATES:
        if draw < share:
            return status
        draw -= share
    return "approved"


def generate(seed: int, regenerate: bool) -> dict:
    from allauth.mfa.totp.internal.auth import TOTP
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.utils import timezone

    from huisvanhetkind.network.models import House, Organisation, Partnership, Role
    from huisvanhetkind.premises.models import Booking, Room

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    house = House.objects.filter(slug=HOUSE_SLUG).first()
    if house is not None and not regenerate:
        return {
            "rooms": Room.objects.filter(house=house).count(),
            "bookings": Booking.objects.filter(room__house=house).count(),
            "generated": False,
            "seconds": 0,
        }
    if house is not None:
        Booking.objects.filter(room__house=house).delete()
        Organisation.objects.filter(name__endswith=f"van {HOUSE_SLUG}").delete()
        get_user_model().objects.filter(email__endswith=f"@{BENCH_DOMAIN}").delete()
        house.delete()
    rng = random.Random(seed)
    tz = timezone.get_current_timezone()
    today = timezone.localdate()
    with transaction.atomic():
        house = House.objects.create(
            slug=HOUSE_SLUG, name="Huis van het Kind Bench Zalen", email=f"info@{BENCH_DOMAIN}"
        )
        organisations = [
            Organisation.objects.create(
                name=f"Partner {n + 1:02d} van {HOUSE_SLUG}",
                kind=Organisation.Kind.PUBLIC,
                enterprise_number=f"08{n:08d}",
                description="Een partner voor de benchmark.",
            )
            for n in range(PARTNERS)
        ]
        Partnership.objects.bulk_create(
            Partnership(house=house, organisation=o, status=Partnership.Status.ACTIVE)
            for o in organisations
        )
        for who in ("coordinator", "partner"):
            email = f"{who}@{BENCH_DOMAIN}"
            user = get_user_model().objects.create(
                username=email, email=email, password="!", first_name=who.capitalize()
            )
            if who == "coordinator":
                Role.objects.create(user=user, kind=Role.Kind.COORDINATOR, house=house)
            else:
                Role.objects.create(
                    user=user, kind=Role.Kind.ORGANISATION_WORKER, organisation=organisations[0]
                )
            TOTP.activate(user, "JBSWY3DPEHPK3PXP")
        rooms = Room.objects.bulk_create(
            Room(
                house=house,
                name=f"Zaal {n + 1:02d}",
                capacity=rng.choice((8, 12, 20, 40, 80)),
                wheelchair_accessible=n % 3 == 0,
                divisible=n % 5 == 0,
            )
            for n in range(ROOMS)
        )
        first = today - timedelta(days=DAYS_BACK)
        candidates = [
            (room, first + timedelta(days=day), hour)
            for room in rooms
            for day in range(DAYS_BACK + DAYS_AHEAD)
            for hour in HOURS
        ]
        rows = []
        for room, day, hour in rng.sample(candidates, BOOKINGS):
            starts = datetime.combine(day, clock(hour), tzinfo=tz)
            ends = starts + timedelta(hours=2)
            status = _status(rng)
            rows.append(
                Booking(
                    room=room,
                    organisation=rng.choice(organisations),
                    title=f"Bijeenkomst {len(rows)}",
                    attendees=rng.randint(1, 8),
                    starts_at=starts,
                    ends_at=ends,
                    blocked_from=starts,
                    blocked_until=ends,
                    category="partner",
                    status=status,
                    reason="Bezet" if status == "declined" else "",
                )
            )
        Booking.objects.bulk_create(rows, batch_size=BATCH)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    return {
        "rooms": len(rooms),
        "bookings": len(rows),
        "generated": True,
        "seconds": round(time.perf_counter() - started, 1),
    }


def timed(work, count: int) -> dict:
    from django.db import connection

    times, queries, errors, size = [], [], [], 0
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
        size = len(response.content)
        times.append(elapsed)
        queries.append(counter["n"])
    return {
        "requests": len(times),
        "p50_ms": round(percentile(times, 0.5), 1),
        "p95_ms": round(percentile(times, 0.95), 1),
        "max_ms": round(max(times), 1) if times else None,
        "queries_min": min(queries) if queries else None,
        "queries_max": max(queries) if queries else None,
        "kb": round(size / 1024, 1),
        "errors": errors[:10],
    }


def measure(count: int, seed: int) -> dict:
    from django.urls import reverse
    from django.utils import timezone

    from huisvanhetkind.premises.models import Booking, Room

    rng = random.Random(seed)
    rooms = list(Room.objects.filter(house__slug=HOUSE_SLUG).values_list("pk", flat=True))
    partner = client_for(f"partner@{BENCH_DOMAIN}")
    coordinator = client_for(f"coordinator@{BENCH_DOMAIN}")
    today = timezone.localdate()
    monday = today - timedelta(days=today.weekday())
    span = (DAYS_BACK + DAYS_AHEAD) // 7 - 2
    back = DAYS_BACK // 7 - 1

    def weeks():
        return [monday + timedelta(weeks=rng.randrange(-back, span - back)) for _ in range(count)]

    def room_path(pk):
        return reverse("premises:room", kwargs={"house_slug": HOUSE_SLUG, "pk": pk})

    room_weeks, room_picks = weeks(), [rng.choice(rooms) for _ in range(count)]
    coordinator_weeks = weeks()
    calendar_weeks = weeks()
    calendar = reverse("premises:partner_calendar", kwargs={"house_slug": HOUSE_SLUG})
    index = reverse("premises:index", kwargs={"house_slug": HOUSE_SLUG})
    week = room_weeks[0]
    shown = Booking.objects.filter(
        room_id=room_picks[0],
        starts_at__gte=datetime.combine(week, clock.min, tzinfo=timezone.get_current_timezone()),
        starts_at__lt=datetime.combine(
            week + timedelta(days=7), clock.min, tzinfo=timezone.get_current_timezone()
        ),
    ).count()
    log(f"  (a measured room week holds about {shown} bookings)")
    return {
        "room_partner": timed(
            lambda n: partner.get(room_path(room_picks[n]), {"week": room_weeks[n].isoformat()}),
            count,
        ),
        "room_coordinator": timed(
            lambda n: coordinator.get(
                room_path(room_picks[-n - 1]), {"week": coordinator_weeks[n].isoformat()}
            ),
            count,
        ),
        "partner_calendar": timed(
            lambda n: partner.get(calendar, {"week": calendar_weeks[n].isoformat()}), count
        ),
        "index": timed(lambda n: coordinator.get(index), count),
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
    log(f"Data: {data['rooms']} rooms, {data['bookings']:,} bookings ({data['seconds']} s)")
    before = calibrate()
    results = measure(args.requests, args.seed)
    cal = calibration(before, calibrate())
    log(calibration_text(cal))
    met = True
    for name in PAGES:
        entry = results[name]
        constant = entry["queries_min"] == entry["queries_max"]
        fast = entry["p95_ms"] <= TARGET_MS
        entry["constant_queries"] = constant
        entry["met"] = constant and fast and not entry["errors"]
        met = met and entry["met"]
        verdict = "ok" if entry["met"] else ("OVER TARGET" if not fast else "QUERIES VARY")
        log(
            f"  {name:<17} p50 {entry['p50_ms']:>6} ms  p95 {entry['p95_ms']:>6} ms "
            f"({in_units(entry['p95_ms'], cal)} R)  max {entry['max_ms']} ms  "
            f"queries {entry['queries_min']}-{entry['queries_max']}  {entry['kb']} kB  {verdict}"
            + (f"  errors {entry['errors']}" if entry["errors"] else "")
        )
    report = {
        "database": describe(args.database_url),
        "python": platform.python_version(),
        "data": data,
        "calibration": cal,
        "results": results,
        "target_p95_ms": TARGET_MS,
        "met": met,
    }
    write_json(args.output, report)
    return report


if __name__ == "__main__":
    main()
