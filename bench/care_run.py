"""Measure the signal index on the data of ``bench/care_generate.py``.

Measured like the referrals (``bench/referrals_run.py``: ``DEBUG`` off, a discarded warm-up,
then the time and the SQL queries of each one). Scenarios:

    record    ``care.services.signal_record``: a professional records a signal for a child,
              matched against the whole index; for half of the children another partner is
              already in it (the match e-mails are rendered and sent, to Django's in-memory
              outbox, when the transaction commits); the other half are new children
    caseload  /beheer/signalen/: the caseload partner's signal list (its 500 children with who
              else is involved), by its worker logged in with the second factor

Each recording is of another fictitious number (``care_generate.measured_number``) by the
worker of one of ten partners; the signals the run records are deleted before and after it,
so that the run can be repeated on the same data.

    python bench/care_run.py --requests 300 --output var/bench/sqlite-care.json
"""

import argparse
import json
import logging
import os
import platform
import random
import sys
import time
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run  # noqa: E402  (the measuring helpers of the catalogue benchmark)
from care_generate import CARE_DOMAIN, CASELOAD_EMAIL, MEASURED, is_known, measured_number  # noqa: E402
from common import (  # noqa: E402
    database_url,
    describe,
    logged_in,
    setup_django,
    write_json,
)

SCENARIOS = ("record", "caseload")
DESCRIPTIONS = {
    "record": "record a signal and match it against the index",
    "caseload": "caseload page: the partner's 500 signals with their matches",
}
TARGET_MS = 20.0  # p95 of recording a signal
RECORDERS = 10


def results_of(response) -> int | None:
    """Signals on the page (each row links "Signaal #<number>")."""
    return response.content.count(b"Signaal #")


def recorders(holder_ids: set[int]) -> list:
    """Ten care bench workers of partners other than the caseload partner and the holder of the
    known children, each with their organisation (``user.bench_organisation``)."""
    from django.contrib.auth import get_user_model

    from huisvanhetkind.network.models import Role

    roles = (
        Role.objects.filter(user__email__endswith=f"@{CARE_DOMAIN}", kind="org_worker")
        .exclude(user__email=CASELOAD_EMAIL)
        .exclude(organisation_id__in=holder_ids)
        .select_related("organisation")
        .order_by("user_id")[:RECORDERS]
    )
    people = []
    for role in roles:
        user = get_user_model().objects.get(pk=role.user_id)
        user.bench_organisation = role.organisation
        people.append(user)
    return people


def measured_digests() -> dict[int, str]:
    from huisvanhetkind.care.numbers import current_digest, parse_number

    return {i: current_digest(parse_number(measured_number(i)))[1] for i in range(MEASURED)}


def forget_recorded(people: list, digests: dict[int, str]) -> int:
    """Delete the signals an earlier run recorded (the measured children, by the recorders),
    and make the known children's signals as generated again (no lead yet: a recording names
    one)."""
    from huisvanhetkind.care.models import Signal

    measured = Signal.objects.filter(child_digest__in=list(digests.values()))
    deleted, _ = measured.filter(contact__in=people).delete()
    measured.filter(is_lead=True).update(is_lead=False)
    return deleted


def measure_records(people: list, numbers: list[int], house, max_seconds: float) -> dict:
    """Record a signal for each of ``numbers`` (indexes of ``measured_number``), each by the
    next recorder; time and SQL queries of each call."""
    from django.db import connection

    from huisvanhetkind.care import services

    raw = {"times": [], "sql_times": [], "queries": [], "results": [], "errors": []}
    deadline = time.perf_counter() + max_seconds if max_seconds else None
    for n, i in enumerate(numbers):
        if deadline and time.perf_counter() > deadline:
            break
        actor = people[n % len(people)]
        counter = run.QueryCounter()
        with connection.execute_wrapper(counter):
            started = time.perf_counter()
            try:
                services.signal_record(
                    actor=actor,
                    house=house,
                    organisation=actor.bench_organisation,
                    number=measured_number(i),
                    child_name="Kind van de benchmark",
                    child_birth_date="",
                )
            except Exception as error:  # noqa: BLE001 (reported, the run goes on)
                raw["errors"].append(f"{type(error).__name__} {error} (number {i})")
                continue
            elapsed = time.perf_counter() - started
        raw["times"].append(elapsed * 1000)
        raw["sql_times"].append(counter.seconds * 1000)
        raw["queries"].append(counter.count)
    return raw


def explain(digest: str) -> dict:
    """The database's plan for the match query of a recorded signal (the same child or a
    sibling through a parent's number, other organisations, live)."""
    from django.db import connection
    from django.db.models import Q
    from django.utils import timezone

    from huisvanhetkind.care import selectors
    from huisvanhetkind.care.models import Signal

    signal = Signal.objects.filter(child_digest=digest).first()
    if signal is None:
        return {}
    parent = signal.parent_digest or "0" * 64  # the plan with a parent's number (siblings)
    options = {"analyze": True} if connection.vendor == "postgresql" else {}
    today = timezone.localdate()
    found = (
        Signal.objects.select_related("house", "organisation", "contact", "domain")
        .live(today)
        .exclude(organisation_id=signal.organisation_id)
        .filter(Q(child_digest=signal.child_digest) | Q(parent_digest=parent))
    )
    return {
        "match": found.exclude(pk=signal.pk).explain(**options),
        "same_child": selectors.same_child(signal, today).explain(**options),
    }


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", help="default: $DATABASE_URL or var/bench.sqlite3")
    parser.add_argument("--requests", type=int, default=300, help="measured per scenario")
    parser.add_argument("--warmup", type=int, default=20, help="discarded per scenario")
    parser.add_argument("--max-seconds", type=float, default=120, help="per scenario at most")
    parser.add_argument("--warmup-seconds", type=float, default=15)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--scenarios", default=",".join(SCENARIOS))
    parser.add_argument("--explain", action="store_true", help="print the match query's plan")
    parser.add_argument("--generated", help="the JSON of care_generate.py --output")
    parser.add_argument("--compare", help="the JSON of a run on a small dataset")
    parser.add_argument("--output", help="write the results as JSON to this file")
    args = parser.parse_args(argv)

    url = database_url(args.database_url)
    setup_django(url)
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db import connection

    from huisvanhetkind.care.models import Signal

    settings.DEBUG = False
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    logging.getLogger("huisvanhetkind.request").setLevel(logging.WARNING)  # a line per request
    connection.force_debug_cursor = False
    caseload_worker = get_user_model().objects.filter(email=CASELOAD_EMAIL).first()
    if caseload_worker is None:
        sys.exit("No care bench workers: run bench/care_generate.py first.")
    digests = measured_digests()
    known = Signal.objects.filter(child_digest__in=[d for i, d in digests.items() if is_known(i)])
    people = recorders(set(known.values_list("organisation_id", flat=True)))
    house = known.select_related("house").first().house
    if args.requests + args.warmup > MEASURED:
        sys.exit(f"At most {MEASURED} recordings (--requests and --warmup together).")
    order = list(range(MEASURED))
    random.Random(args.seed).shuffle(order)
    warmup, plan = order[: args.warmup], order[args.warmup : args.warmup + args.requests]

    report = {
        "database": describe(url),
        "database_version": run.database_version(),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "scale": None,
        "load_average_before": round(os.getloadavg()[0], 2),
        "recorders": [u.email for u in people],
        "scenarios": {},
    }
    if args.generated:
        generated = json.loads(Path(args.generated).read_text(encoding="utf-8"))
        report["scale"] = generated["scale"]
        report["generated"] = generated
    print(f"Measuring {describe(url)}: {args.requests} requests per scenario", flush=True)
    forget_recorded(people, digests)
    client = logged_in(caseload_worker)
    urls = ["/beheer/signalen/"]
    try:
        for name in args.scenarios.split(","):
            started = time.perf_counter()
            if name == "record":
                measure_records(people, warmup, house, args.warmup_seconds)
                entry = run.summarise(measure_records(people, plan, house, args.max_seconds))
            else:
                with mock.patch.object(run, "results_of", results_of):
                    run.measure(client, urls * args.warmup, args.warmup_seconds)
                    entry = run.summarise(
                        run.measure(client, urls * args.requests, args.max_seconds)
                    )
            report["scenarios"][name] = entry
            print(
                f"  {name:<8} p50 {run.fmt(entry['p50_ms']):>6} ms  "
                f"p95 {run.fmt(entry['p95_ms']):>6} ms  max {run.fmt(entry['max_ms']):>6} ms  "
                f"queries {run.queries_text(entry):>5}  "
                f"median results {run.fmt(entry['results_median'])}  "
                f"({time.perf_counter() - started:.0f} s)",
                flush=True,
            )
            for error in entry["errors"]:
                print(f"    error: {error}", flush=True)
        report["load_average_after"] = round(os.getloadavg()[0], 2)
        if args.explain:
            report["plans"] = explain(digests[plan[0]] if plan else digests[0])
            for name, text in report["plans"].items():
                print(f"\n{name}:\n{text}")
    finally:
        forget_recorded(people, digests)

    small = json.loads(Path(args.compare).read_text(encoding="utf-8")) if args.compare else None
    print()
    print(
        f"{report['database_version']}, Python {report['python']}, {report['cpus']} CPUs, "
        f"load average {report['load_average_before']} before and "
        f"{report['load_average_after']} after the run"
    )
    print(run.markdown(report, small, SCENARIOS, DESCRIPTIONS))
    print()
    for line in verdicts(report, small):
        print(line)
    write_json(args.output, report)
    return report


def verdicts(report: dict, small: dict | None) -> list[str]:
    lines = []
    record = report["scenarios"].get("record")
    if record:
        lines.append(
            f"Target p95 ≤ {TARGET_MS:.0f} ms for recording a signal: "
            f"{'met' if record['p95_ms'] <= TARGET_MS else 'NOT met'} "
            f"(p95 {record['p95_ms']:.1f} ms)."
        )
    if small:
        lines.append(run.growth_verdict(report, small, SCENARIOS))
    return lines


if __name__ == "__main__":
    main()
