"""Measure the plan pages of a house with 8 domains, 60 goals, 400 actions and 20 live indicators.

Writes a fresh database (SQLite ``var/bench-steering.sqlite3``, removed first; or, with
``--database-url`` naming PostgreSQL, the database ``hvhk_steering_bench`` dropped and created
again on that server) and generates two houses:

- ``bench-plan``: the period of this year with 60 goals over the 8 policy domains and this
  year's annual plan with 400 actions (a mix of the five statuses, a status history of 1 to 4
  events and 0 to 3 progress notes each, a lead partner, 0 to 3 participating partners, some a
  working group and a budget); 20 of them measured by a live indicator, every indicator of the
  registry used; activities with sessions and 12 active partners so that the indicators have
  figures;
- ``bench-plan-half``: the same at half the size (30 goals, 200 actions, 10 measured), every
  indicator used too.

Then, with ``DEBUG`` off and ``django.test.Client`` in this process, ``--requests`` (200) GETs of

    public       /<house>/plan/ (anonymous)
    partner      /beheer/huis/<house>/plan/<year>/ by a worker of a partner (reads)
    coordinator  the same page by the house's coordinator (also the form to add an action)

on each house: p50/p95 in ms and in R (``bench/common.py``) and the number of queries of each
request, as a reader mostly meets it (the rendering of the plan tree cached under the plan's
stamp, the live indicators' values kept five minutes) and, ``--cold-requests`` (40) times, right
after a change of the plan (an action's ``updated_at`` moved: the tree computed and rendered
again). Target: p95 at most 100 ms on the full house, and the same number of queries on both
houses, cached and after a change (the indicators are computed once per indicator, never once
per action); the script exits with 1 otherwise.

    python bench/steering_plan.py --output var/bench/steering-plan.json
    python bench/steering_plan.py --database-url postgres://postgres@127.0.0.1:5432/hvhk_steering_bench \\
        --output var/bench/steering-plan-postgresql.json
"""

import argparse
import logging
import os
import platform
import random
import sys
import time
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (  # noqa: E402
    ROOT,
    calibrate,
    calibration,
    calibration_text,
    client_for,
    describe,
    in_units,
    is_sqlite,
    log,
    percentile,
    setup_django,
    sqlite_path,
    write_json,
)

DEFAULT_URL = f"sqlite:///{ROOT / 'var' / 'bench-steering.sqlite3'}"
BENCH_DOMAIN = "bench-steering.example.be"
TARGET_MS = 100.0
PAGES = ("public", "partner", "coordinator")
# (slug, goals, actions, measured actions, organisation number prefix)
HOUSES = (
    ("bench-plan", 60, 400, 20, "07"),
    ("bench-plan-half", 30, 200, 10, "06"),
)
PARTNERS = 12
WORDS = (
    "opvoedingsondersteuning",
    "schoolpoort",
    "ontmoeting",
    "kwetsbare gezinnen",
    "brugfiguur",
    "speelbabbel",
    "buurtwerk",
    "kinderopvang",
    "taalstimulering",
    "vrijetijdspas",
)


# --- A fresh database ---------------------------------------------------------------------------


def fresh_database(url: str) -> None:
    """Remove the SQLite file, or drop and create the PostgreSQL database (its name must
    contain "bench"), before Django connects to it."""
    if is_sqlite(url):
        path = sqlite_path(url)
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        path.parent.mkdir(parents=True, exist_ok=True)
        return
    import psycopg
    from psycopg import sql

    parsed = urlparse(url)
    name = parsed.path.lstrip("/")
    with psycopg.connect(
        host=parsed.hostname,
        port=parsed.port or 5432,
        user=parsed.username or "postgres",
        password=parsed.password,
        dbname="postgres",
        autocommit=True,
    ) as connection:
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


# --- Generating ---------------------------------------------------------------------------------


def _sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize()


def generate_house(slug, goal_count, action_count, measured, prefix, rng) -> dict:
    from allauth.mfa.totp.internal.auth import TOTP
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from huisvanhetkind.activities.models import Activity, Session
    from huisvanhetkind.network.models import (
        Domain,
        Group,
        GroupMembership,
        House,
        Organisation,
        Partnership,
        Role,
    )
    from huisvanhetkind.steering import indicators, services
    from huisvanhetkind.steering.models import Action, ActionEvent, Goal, ProgressNote
    from huisvanhetkind.steering.workflow import ActionStatus

    today = timezone.localdate()
    year = today.year
    now = timezone.now()
    house = House.objects.create(
        slug=slug, name=f"Huis van het Kind {slug}", email=f"info@{slug}.example.be"
    )
    organisations = [
        Organisation.objects.create(
            name=f"Partner {n + 1:02d} van {slug}",
            kind=Organisation.Kind.PUBLIC,
            enterprise_number=f"{prefix}{n:08d}",
            description="Een partner voor de benchmark.",
        )
        for n in range(PARTNERS)
    ]
    Partnership.objects.bulk_create(
        Partnership(house=house, organisation=o, status=Partnership.Status.ACTIVE)
        for o in organisations
    )
    groups = [
        Group.objects.create(house=house, kind=Group.Kind.STEERING, name="Stuurgroep"),
        *(
            Group.objects.create(house=house, kind=Group.Kind.WORKING, name=f"Werkgroep {n}")
            for n in range(1, 4)
        ),
    ]
    users = {}
    for who in ("coordinator", "partner"):
        email = f"{who}@{slug}.{BENCH_DOMAIN}"
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
        users[who] = user
    GroupMembership.objects.create(
        group=groups[0], user=users["coordinator"], organisation=organisations[0]
    )

    # What the live indicators count: activities with sessions this year (some Speelbabbels,
    # some cancelled); the partners above. Questions, referrals and the offer stay empty: their
    # indicators still run their query.
    activities = [
        Activity.objects.create(
            house=house,
            title=("Speelbabbel " if n % 3 == 0 else "Ouderavond ") + str(n),
            status="published",
        )
        for n in range(12)
    ]
    start = datetime.combine(date(year, 1, 1), datetime.min.time(), tzinfo=now.tzinfo)
    span = max(1, int((now - start).total_seconds() // 3600))
    Session.objects.bulk_create(
        Session(
            activity=rng.choice(activities),
            starts_at=(moment := start + timedelta(hours=rng.randrange(span))),
            ends_at=moment + timedelta(hours=2),
            is_cancelled=rng.random() < 0.1,
        )
        for _ in range(action_count)
    )

    period = services.period_create(
        actor=None,
        house=house,
        data={"title": "Strategische nota", "start_year": year - 1, "end_year": year + 4},
    )
    plan = services.annual_plan_create(actor=None, house=house, year=year)
    domains = list(Domain.objects.order_by("position"))
    goals = Goal.objects.bulk_create(
        Goal(
            period=period,
            domain=domains[n % len(domains)],
            code=f"{n % len(domains) + 1}.{n // len(domains) + 1}",
            title=f"Doel {n + 1}: {_sentence(rng, 6)}",
            description=_sentence(rng, 20) if n % 2 else "",
            weight=rng.choice((1, 1, 1, 2, 3)),
        )
        for n in range(goal_count)
    )
    names = list(indicators.REGISTRY)
    statuses = [
        (ActionStatus.PLANNED, [ActionStatus.PLANNED]),
        (ActionStatus.RUNNING, [ActionStatus.PLANNED, ActionStatus.RUNNING]),
        (ActionStatus.RUNNING, [ActionStatus.PLANNED, ActionStatus.RUNNING]),
        (ActionStatus.DONE, [ActionStatus.PLANNED, ActionStatus.RUNNING, ActionStatus.DONE]),
        (ActionStatus.POSTPONED, [ActionStatus.PLANNED, ActionStatus.POSTPONED]),
        (ActionStatus.DROPPED, [ActionStatus.PLANNED, ActionStatus.RUNNING, ActionStatus.DROPPED]),
    ]
    # Which actions are measured, and by which indicator (each in turn: all of them are used).
    measured_at = {n: k for k, n in enumerate(sorted(rng.sample(range(action_count), measured)))}
    rows = []
    histories = []
    for n in range(action_count):
        status, history = rng.choice(statuses)
        indicator = names[measured_at[n] % len(names)] if n in measured_at else ""
        starts = date(year, rng.randint(1, 9), rng.randint(1, 28))
        rows.append(
            Action(
                plan=plan,
                goal=goals[n % goal_count],
                title=f"Actie {n + 1}: {_sentence(rng, 5)}",
                description=_sentence(rng, 15),
                lead_organisation=rng.choice(organisations) if rng.random() < 0.8 else None,
                working_group=rng.choice(groups[1:]) if rng.random() < 0.3 else None,
                starts_on=starts,
                ends_on=starts + timedelta(days=rng.randint(30, 120)),
                budget=Decimal(rng.randrange(100, 20000, 50)) if rng.random() < 0.5 else None,
                status=status,
                weight=rng.choice((1, 1, 2, 3)),
                progress=0 if indicator else rng.randrange(0, 101, 5),
                indicator=indicator,
                baseline=Decimal(0) if indicator else None,
                target=Decimal(rng.choice((10, 50, 100))) if indicator else None,
                target_on=date(year, 12, 31) if indicator else None,
            )
        )
        histories.append(history)
    actions = Action.objects.bulk_create(rows)
    through = Action.participants.through
    through.objects.bulk_create(
        through(action_id=action.pk, organisation_id=organisation.pk)
        for action in actions
        for organisation in rng.sample(organisations, rng.randint(0, 3))
    )
    ActionEvent.objects.bulk_create(
        ActionEvent(
            action=action,
            from_status=history[k - 1] if k else "",
            to_status=history[k],
            actor=users["coordinator"],
            note=_sentence(rng, 4) if k else "",
        )
        for action, history in zip(actions, histories, strict=True)
        for k in range(len(history))
    )
    ProgressNote.objects.bulk_create(
        ProgressNote(
            action=action,
            written_on=today - timedelta(days=rng.randint(0, 200)),
            text=_sentence(rng, 25),
            author=users["coordinator"],
        )
        for action in actions
        for _ in range(rng.randint(0, 3))
    )
    used = set(Action.objects.filter(plan=plan).exclude(indicator="").values_list("indicator"))
    return {
        "house": slug,
        "year": year,
        "domains": len({g.domain_id for g in goals}),
        "goals": len(goals),
        "actions": len(actions),
        "measured_actions": Action.objects.filter(plan=plan).exclude(indicator="").count(),
        "indicators_used": len(used),
        "indicators_registered": len(names),
        "events": ActionEvent.objects.filter(action__plan=plan).count(),
        "notes": ProgressNote.objects.filter(action__plan=plan).count(),
        "participations": through.objects.filter(action__plan=plan).count(),
        "sessions": Session.objects.filter(activity__house=house).count(),
    }


def generate(url: str, seed: int) -> dict:
    from django.core.management import call_command
    from django.db import connection, transaction

    started = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    migrated = time.perf_counter() - started
    rng = random.Random(seed)
    started = time.perf_counter()
    with transaction.atomic():
        houses = [generate_house(*spec, rng) for spec in HOUSES]
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    return {
        "houses": houses,
        "migrate_s": round(migrated, 1),
        "generate_s": round(time.perf_counter() - started, 1),
    }


# --- Measuring ----------------------------------------------------------------------------------


def timed(client, path: str, count: int, expect_text: str, touch=None) -> dict:
    """``count`` GETs of ``path``: times, the queries of each, the size of the page. ``touch``:
    called before each GET (untimed) to change the plan, so that its rendering is not cached."""
    from django.db import connection

    times, queries, errors, size = [], [], [], 0
    for _ in range(count):
        if touch is not None:
            touch()
        counter = {"n": 0}

        def count_query(execute, sql, params, many, context, counter=counter):
            counter["n"] += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count_query):
            started = time.perf_counter()
            response = client.get(path)
            elapsed = (time.perf_counter() - started) * 1000
        if response.status_code != 200 or expect_text not in response.text:
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


def measure(houses: list[dict], count: int, cold_count: int) -> dict:
    from django.test import Client
    from django.utils import timezone

    from huisvanhetkind.steering.models import Action

    results = {}
    for data in houses:
        slug, year = data["house"], data["year"]
        touched = Action.objects.filter(plan__house__slug=slug).order_by("pk")[:1]

        def touch(touched=touched):
            """A change of the plan, as when an editor saves an action: a new stamp."""
            Action.objects.filter(pk__in=touched).update(updated_at=timezone.now())

        clients = {
            "public": (Client(HTTP_HOST="127.0.0.1"), f"/{slug}/plan/"),
            "partner": (
                client_for(f"partner@{slug}.{BENCH_DOMAIN}"),
                f"/beheer/huis/{slug}/plan/{year}/",
            ),
            "coordinator": (
                client_for(f"coordinator@{slug}.{BENCH_DOMAIN}"),
                f"/beheer/huis/{slug}/plan/{year}/",
            ),
        }
        results[slug] = {}
        for page in PAGES:
            client, path = clients[page]
            timed(client, path, 5, "Actie 1:")  # warm-up, discarded
            results[slug][page] = {
                "path": path,
                **timed(client, path, count, "Actie 1:"),
                "cold": timed(client, path, cold_count, "Actie 1:", touch=touch),
            }
            entry = results[slug][page]
            for what, figures in (("cached", entry), ("cold", entry["cold"])):
                log(
                    f"  {slug:<16} {page:<12} {what:<6} p50 {figures['p50_ms']:>6} ms  "
                    f"p95 {figures['p95_ms']:>6} ms  max {figures['max_ms']} ms  queries "
                    f"{figures['queries_min']}-{figures['queries_max']}  {figures['kb']} kB"
                    + (f"  errors {figures['errors']}" if figures["errors"] else "")
                )
    return results


def _part(entry: dict, what: str) -> dict:
    """The figures of a page with its rendering cached (the entry itself) or with an empty
    cache."""
    return entry["cold"] if what == "cold" else entry


def verdicts(results: dict, cal: dict) -> dict:
    full, half = (results[spec[0]] for spec in HOUSES)
    out = {}
    for page in PAGES:
        constant = all(
            _part(figures[page], what)["queries_min"] == _part(figures[page], what)["queries_max"]
            and _part(full[page], what)["queries_max"] == _part(half[page], what)["queries_max"]
            for figures in (full, half)
            for what in ("cached", "cold")
        )
        fast = full[page]["p95_ms"] <= TARGET_MS
        errors = any(
            _part(figures[page], what)["errors"]
            for figures in (full, half)
            for what in ("cached", "cold")
        )
        out[page] = {
            "p95_ms": full[page]["p95_ms"],
            "p95_r": in_units(full[page]["p95_ms"], cal),
            "cold_p95_ms": full[page]["cold"]["p95_ms"],
            "cold_p95_r": in_units(full[page]["cold"]["p95_ms"], cal),
            "queries": full[page]["queries_max"],
            "queries_half": half[page]["queries_max"],
            "cold_queries": full[page]["cold"]["queries_max"],
            "cold_queries_half": half[page]["cold"]["queries_max"],
            "constant_queries": constant,
            "met": constant and fast and not errors,
        }
    return out


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--requests", type=int, default=200, help="measured requests per page")
    parser.add_argument(
        "--cold-requests",
        type=int,
        default=40,
        help="requests per page each after a change of the plan (nothing cached)",
    )
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--output")
    args = parser.parse_args(argv)
    if "bench" not in args.database_url:
        sys.exit("Refusing to use a database whose name does not contain 'bench'.")
    load_before = round(os.getloadavg()[0], 2)
    fresh_database(args.database_url)
    setup_django(args.database_url)
    from django.conf import settings

    settings.DEBUG = False
    logging.getLogger("huisvanhetkind.request").setLevel(logging.WARNING)
    settings.ALLOWED_HOSTS = ["127.0.0.1", "testserver"]
    log(f"Database: {describe(args.database_url)} (made afresh)")
    data = generate(args.database_url, args.seed)
    for house in data["houses"]:
        log(
            f"  {house['house']}: {house['domains']} domains, {house['goals']} goals, "
            f"{house['actions']} actions ({house['measured_actions']} measured by "
            f"{house['indicators_used']} of {house['indicators_registered']} indicators), "
            f"{house['events']} events, {house['notes']} notes"
        )
    log(f"  migrated in {data['migrate_s']} s, generated in {data['generate_s']} s")
    before = calibrate()
    results = measure(data["houses"], args.requests, args.cold_requests)
    cal = calibration(before, calibrate())
    log(calibration_text(cal))
    verdict = verdicts(results, cal)
    for page, entry in verdict.items():
        log(
            f"  {page:<12} p95 {entry['p95_ms']} ms ({entry['p95_r']} R), queries "
            f"{entry['queries']} (half the house: {entry['queries_half']}); after a change "
            f"p95 {entry['cold_p95_ms']} ms ({entry['cold_p95_r']} R), queries "
            f"{entry['cold_queries']} (half: {entry['cold_queries_half']}): "
            + ("met" if entry["met"] else "NOT met")
        )
    report = {
        "database": describe(args.database_url),
        "python": platform.python_version(),
        "load_average_at_start": load_before,
        "data": data,
        "calibration": cal,
        "results": results,
        "verdicts": verdict,
        "target_p95_ms": TARGET_MS,
    }
    write_json(args.output, report)
    if not all(entry["met"] for entry in verdict.values()):
        sys.exit(1)
    return report


if __name__ == "__main__":
    main()
