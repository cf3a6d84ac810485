"""Measure the professionals' referral lists on the data of ``bench/referrals_generate.py``.

A fixed, seeded mix of requests goes through ``django.test.Client`` in this process, with
``DEBUG`` off, measured like the catalogue (``bench/run.py``: a discarded warm-up, then the
server time and the SQL queries of each request). Each client is a worker of a partner,
logged in with the second factor passed (as allauth records it in the session, so the pages'
own gate lets them in). Scenarios:

    inbox   /beheer/doorverwijzingen/: the referrals the worker's organisation received
    sent    /beheer/doorverwijzingen/verstuurd/: the referrals it sent

each with no filter (half of the requests), all running ones, one status, only the late ones,
or a later page (2 to 5). With ``--figures N`` also (not part of the target):

    figures /beheer/huis/<house>/doorverwijzingen/: the coordinator's figures of the last 12
            months, N times Half of the requests are made by the worker of the partner that
receives (for the inbox) or sends (for the sent list) the most, the others by workers of the
next four and of a partner in the middle of the list.

    python bench/referrals_run.py --requests 300 --output var/bench/sqlite-referrals.json
"""

import argparse
import json
import os
import platform
import random
import sys
import time
from pathlib import Path
from unittest import mock
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run  # noqa: E402  (the measuring helpers of the catalogue benchmark)
from common import (  # noqa: E402
    calibrate,
    calibration,
    calibration_text,
    database_url,
    describe,
    in_units,
    logged_in,
    setup_django,
    write_json,
)

SCENARIOS = ("inbox", "sent")
EXTRA = ("figures",)
DESCRIPTIONS = {
    "inbox": "received referrals (inbox), with filters",
    "sent": "sent referrals (referrer's list), with filters",
    "figures": "coordinator's figures, last 12 months (no target)",
}
PATHS = {"inbox": "/beheer/doorverwijzingen/", "sent": "/beheer/doorverwijzingen/verstuurd/"}
TARGET_MS = 50.0  # p95 of both lists
BENCH_DOMAIN = "bench.example.be"
COORDINATOR = f"bench-coordinator@{BENCH_DOMAIN}"
STATUSES = (
    "sent",
    "received",
    "accepted",
    "declined",
    "contacted",
    "waitlisted",
    "got_help",
    "closed",
    "withdrawn",
    "expired",
)


def results_of(response) -> int | None:
    """Referrals on the page (each row links "Doorverwijzing #<number>")."""
    return response.content.count(b"Doorverwijzing #")


def measured_workers() -> dict[str, list]:
    """Per scenario, the bench workers with a second factor, the one whose organisation has
    the most referrals in that list first."""
    from django.contrib.auth import get_user_model
    from django.db.models import Count

    from huisvanhetkind.network.models import Role
    from huisvanhetkind.referrals.models import Referral

    users = list(
        get_user_model()
        .objects.filter(email__endswith=f"@{BENCH_DOMAIN}", authenticator__type="totp")
        .exclude(email=COORDINATOR)
        .order_by("pk")
    )
    organisation_of = dict(
        Role.objects.filter(user__in=users).values_list("user_id", "organisation_id")
    )
    received = dict(
        Referral.objects.values("to_organisation")
        .annotate(n=Count("id"))
        .values_list("to_organisation", "n")
    )
    sent = dict(
        Referral.objects.values("from_organisation")
        .annotate(n=Count("id"))
        .values_list("from_organisation", "n")
    )
    return {
        "inbox": sorted(users, key=lambda u: -received.get(organisation_of[u.pk], 0)),
        "sent": sorted(users, key=lambda u: -sent.get(organisation_of[u.pk], 0)),
        "counts": {
            u.email: (received.get(organisation_of[u.pk], 0), sent.get(organisation_of[u.pk], 0))
            for u in users
        },
    }


def draw_query(rng: random.Random) -> dict:
    """No filter for half of the requests; else all running ones, a status, the late ones, or
    a later page."""
    roll = rng.random()
    if roll < 0.5:
        return {}
    if roll < 0.65:
        return {"status": "lopend"}
    if roll < 0.8:
        return {"status": rng.choice(STATUSES)}
    if roll < 0.9:
        return {"laat": "on"}
    return {"pagina": rng.randint(2, 5)}


def build_plan(rng: random.Random, workers: dict, count: int) -> dict[str, list]:
    """``count`` (worker, URL) pairs per scenario: half for the worker of the organisation with
    the most referrals in that list, half for the others."""
    plan = {}
    for name in SCENARIOS:
        people = workers[name]
        plan[name] = []
        for _ in range(count):
            user = people[0] if rng.random() < 0.5 or len(people) == 1 else rng.choice(people[1:])
            query = draw_query(rng)
            plan[name].append((user, PATHS[name] + (f"?{urlencode(query)}" if query else "")))
    return plan


def measure(clients: dict, requests: list, max_seconds: float | None = None) -> dict:
    """``run.measure`` for requests of several logged-in workers."""
    raw = {"times": [], "sql_times": [], "queries": [], "results": [], "errors": []}
    deadline = time.perf_counter() + max_seconds if max_seconds else None
    for user, url in requests:
        if deadline and time.perf_counter() > deadline:
            break
        one = run.measure(clients[user.pk], [url])
        for key in raw:
            raw[key].extend(one[key])
    return raw


def explain(workers: dict) -> dict:
    """The database's plan for the list query of the busiest organisation, both lists."""
    from django.db import connection
    from django.utils import timezone

    from huisvanhetkind.network.access import member_organisation_ids
    from huisvanhetkind.network.models import Partnership
    from huisvanhetkind.referrals import selectors

    plans = {}
    for name in SCENARIOS:
        user = workers[name][0]
        organisation_ids = member_organisation_ids(user)
        houses = sorted(
            set(
                Partnership.objects.filter(organisation_id__in=organisation_ids).values_list(
                    "house_id", flat=True
                )
            )
        )
        listed = (
            selectors.received_referrals(organisation_ids)
            if name == "inbox"
            else selectors.sent_referrals(organisation_ids)
        ).filter(house_id__in=houses)
        options = {"analyze": True} if connection.vendor == "postgresql" else {}
        plans[name] = listed[:26].explain(**options)
        plans[f"{name}_late"] = listed.late(timezone.localdate())[:26].explain(**options)
    return plans


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", help="default: $DATABASE_URL or var/bench.sqlite3")
    parser.add_argument("--requests", type=int, default=300, help="measured per scenario")
    parser.add_argument("--warmup", type=int, default=20, help="discarded per scenario")
    parser.add_argument("--max-seconds", type=float, default=120, help="per scenario at most")
    parser.add_argument("--warmup-seconds", type=float, default=15)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--scenarios", default=",".join(SCENARIOS))
    parser.add_argument("--explain", action="store_true", help="print the query plans")
    parser.add_argument(
        "--figures", type=int, default=0, help="also open the coordinator's figures N times"
    )
    parser.add_argument("--generated", help="the JSON of referrals_generate.py --output")
    parser.add_argument("--compare", help="the JSON of a run on a small dataset")
    parser.add_argument("--output", help="write the results as JSON to this file")
    args = parser.parse_args(argv)

    url = database_url(args.database_url)
    setup_django(url)
    from django.conf import settings
    from django.db import connection

    settings.DEBUG = False
    connection.force_debug_cursor = False
    workers = measured_workers()
    if not workers["inbox"]:
        sys.exit("No bench workers: run bench/referrals_generate.py first.")
    clients = {user.pk: logged_in(user) for user in workers["inbox"]}
    calibrated = calibrate()
    plan = build_plan(random.Random(args.seed), workers, args.requests)
    warmup = build_plan(random.Random(args.seed + 1), workers, args.warmup)
    report = {
        "database": describe(url),
        "database_version": run.database_version(),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "scale": None,
        "load_average_before": round(os.getloadavg()[0], 2),
        "workers": {
            name: [(u.email, workers["counts"][u.email]) for u in workers[name][:6]]
            for name in SCENARIOS
        },
        "scenarios": {},
    }
    if args.generated:
        generated = json.loads(Path(args.generated).read_text(encoding="utf-8"))
        report["scale"] = generated["scale"]
        report["generated"] = generated
    print(f"Measuring {describe(url)}: {args.requests} requests per scenario", flush=True)
    with mock.patch.object(run, "results_of", results_of):
        for name in args.scenarios.split(","):
            started = time.perf_counter()
            measure(clients, warmup[name], args.warmup_seconds)
            entry = run.summarise(measure(clients, plan[name], args.max_seconds))
            report["scenarios"][name] = entry
            print(
                f"  {name:<6} p50 {run.fmt(entry['p50_ms']):>6} ms  "
                f"p95 {run.fmt(entry['p95_ms']):>6} ms  max {run.fmt(entry['max_ms']):>6} ms  "
                f"queries {run.queries_text(entry):>5}  "
                f"median results {run.fmt(entry['results_median'])}  "
                f"({time.perf_counter() - started:.0f} s)",
                flush=True,
            )
            for error in entry["errors"]:
                print(f"    error: {error}", flush=True)
    if args.figures:
        measure_figures(args.figures, report)
    report["load_average_after"] = round(os.getloadavg()[0], 2)
    report["calibration"] = calibration(calibrated, calibrate())
    if args.explain:
        report["plans"] = explain(workers)
        for name, text in report["plans"].items():
            print(f"\n{name}:\n{text}")

    small = json.loads(Path(args.compare).read_text(encoding="utf-8")) if args.compare else None
    print()
    print(
        f"{report['database_version']}, Python {report['python']}, {report['cpus']} CPUs, "
        f"load average {report['load_average_before']} before and "
        f"{report['load_average_after']} after the run"
    )
    print(calibration_text(report["calibration"]))
    print(run.markdown(report, small, SCENARIOS + EXTRA, DESCRIPTIONS))
    print()
    for line in verdicts(report, small):
        print(line)
    write_json(args.output, report)
    return report


def measure_figures(count: int, report: dict) -> None:
    """The coordinator's figures page of the house with the referrals (one discarded first)."""
    from django.contrib.auth import get_user_model

    from huisvanhetkind.referrals.models import Referral

    coordinator = get_user_model().objects.filter(email=COORDINATOR).first()
    if coordinator is None:
        print("  figures: no bench coordinator (run bench/referrals_generate.py again)")
        return
    slug = Referral.objects.values_list("house__slug", flat=True).first()
    client = logged_in(coordinator)
    url = f"/beheer/huis/{slug}/doorverwijzingen/"
    started = time.perf_counter()
    run.measure(client, [url])
    entry = run.summarise(run.measure(client, [url] * count))
    report["scenarios"]["figures"] = entry
    print(
        f"  {'figures':<6} p50 {run.fmt(entry['p50_ms']):>6} ms  "
        f"max {run.fmt(entry['max_ms']):>6} ms  queries {run.queries_text(entry):>5}  "
        f"SQL p50 {run.fmt(entry['sql_p50_ms'])} ms  ({time.perf_counter() - started:.0f} s)",
        flush=True,
    )
    for error in entry["errors"]:
        print(f"    error: {error}", flush=True)


def verdicts(report: dict, small: dict | None) -> list[str]:
    lines = []
    measured = [n for n in SCENARIOS if n in report["scenarios"]]
    if measured:
        worst = max(measured, key=lambda n: report["scenarios"][n]["p95_ms"])
        p95 = report["scenarios"][worst]["p95_ms"]
        lines.append(
            f"Target p95 ≤ {TARGET_MS:.0f} ms for the inbox and the sent list: "
            f"{'met' if p95 <= TARGET_MS else 'NOT met'} (worst: {worst}, p95 {p95:.1f} ms"
            f" = {in_units(p95, report.get('calibration'))} R)."
        )
    if small:
        lines.append(run.growth_verdict(report, small, SCENARIOS))
    return lines


if __name__ == "__main__":
    main()
