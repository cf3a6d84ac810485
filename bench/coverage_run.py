"""Measure the offer in kaart (issue 17, item 3) on the benchmark data of ``generate.py``.

1. The heat map page (``/beheer/huis/<slug>/aanbod-in-kaart/``, the coverage matrix with its
   SVG, table, gaps and overlaps) of the largest house, by its coordinator, through
   ``django.test.Client`` in this process: the first request (nothing in memory: the offer is
   read and every overlap computed) and then ``--requests`` requests, each municipality in turn,
   with an edit of the offer (a new catalogue stamp, so the matrix is computed again) every
   ``--edit-every`` requests. Target: p95 <= 200 ms.
2. ``huisvanhetkind coverage --all --format json`` in a fresh process, for every house, once with
   one process and once with ``--jobs 2``. Target: under 30 s.

    python bench/coverage_run.py --database-url sqlite:///var/bench.sqlite3 --output var/bench/coverage.json
"""

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run  # noqa: E402
from common import (  # noqa: E402
    ROOT,
    calibrate,
    calibration,
    calibration_text,
    database_url,
    describe,
    logged_in,
    setup_django,
    write_json,
)

PAGE_TARGET_MS = 200.0
COMMAND_TARGET_S = 30.0
BENCH_EMAIL = "coverage-bench@bench.example.be"


def log(message: str) -> None:
    print(message, flush=True)


def largest_house():
    from django.db.models import Count, Q

    from huisvanhetkind.catalogue.models import Service
    from huisvanhetkind.network.models import House, Partnership

    counts = (
        Partnership.objects.filter(status=Partnership.Status.ACTIVE)
        .values("house_id")
        .annotate(
            n=Count(
                "organisation__services",
                filter=Q(organisation__services__status="published"),
            )
        )
        .order_by("-n")
    )
    top = counts.first()
    house = House.objects.get(pk=top["house_id"])
    return house, Service.objects.published().in_house(house).count()


def coordinator_of(house):
    from allauth.mfa.totp.internal.auth import TOTP
    from django.contrib.auth import get_user_model

    from huisvanhetkind.network.models import Role

    user, _created = get_user_model().objects.get_or_create(
        email=BENCH_EMAIL, defaults={"username": BENCH_EMAIL}
    )
    Role.objects.get_or_create(user=user, kind=Role.Kind.COORDINATOR, house=house)
    if not user.authenticator_set.exists():
        TOTP.activate(user, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    return user


def measure_page(house, user, requests: int, edit_every: int) -> dict:
    from django.urls import reverse

    from huisvanhetkind.catalogue import offer
    from huisvanhetkind.coverage import selectors

    client = logged_in(user)
    url = reverse("coverage:heat_map", kwargs={"house_slug": house.slug})
    codes = list(house.municipalities.values_list("nis_code", flat=True))
    offer.forget()
    selectors.forget()
    started = time.perf_counter()
    first = client.get(url)
    cold_ms = (time.perf_counter() - started) * 1000
    assert first.status_code == 200, first.status_code
    html = first.content.decode()
    urls = [f"{url}?gemeente={codes[i % len(codes)]}" for i in range(requests)]
    times, recomputed = [], []
    for i, page in enumerate(urls):
        edited = edit_every and i and i % edit_every == 0
        if edited:
            offer.changed()  # what any edit of the offer does: every copy is stale
        started = time.perf_counter()
        response = client.get(page)
        elapsed = (time.perf_counter() - started) * 1000
        assert response.status_code == 200
        times.append(elapsed)
        if edited:
            recomputed.append(elapsed)
    return {
        "url": url,
        "cold_ms": round(cold_ms, 1),
        "requests": len(times),
        "p50_ms": round(run.percentile(times, 0.5), 1),
        "p95_ms": round(run.percentile(times, 0.95), 1),
        "max_ms": round(max(times), 1),
        "recomputed_requests": len(recomputed),
        "recomputed_median_ms": round(run.percentile(recomputed, 0.5), 1) if recomputed else None,
        "gaps_listed": html.count("<code>gap-"),
        "svg": "<svg" in html,
    }


def measure_command(url: str, jobs: int) -> dict:
    env = {**os.environ, "DATABASE_URL": url, "DEBUG": "1"}
    started = time.perf_counter()
    completed = subprocess.run(
        [
            sys.executable,
            str(ROOT / "manage.py"),
            "coverage",
            "--all",
            "--format",
            "json",
            "--jobs",
            str(jobs),
        ],
        env=env,
        capture_output=True,
        check=True,
    )
    seconds = time.perf_counter() - started
    return {
        "jobs": jobs,
        "seconds": round(seconds, 1),
        "output_mb": round(len(completed.stdout) / 1e6, 1),
        "houses": completed.stdout.count(b'"house": '),
    }


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", help="default: $DATABASE_URL or var/bench.sqlite3")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--edit-every", type=int, default=50, help="0: never edit the offer")
    parser.add_argument("--jobs", type=int, default=2, help="processes of the second --all run")
    parser.add_argument("--generated", help="the JSON of generate.py --output (for the report)")
    parser.add_argument("--output", help="write the results as JSON to this file")
    args = parser.parse_args(argv)
    url = database_url(args.database_url)
    setup_django(url)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)  # the coverage tables on an older benchmark database
    before = calibrate()
    house, size = largest_house()
    log(f"Coverage benchmark on {describe(url)}: largest house {house.slug} ({size} services)")
    page = measure_page(house, coordinator_of(house), args.requests, args.edit_every)
    log(
        f"  heat map: first request {page['cold_ms']} ms; p50 {page['p50_ms']} ms, "
        f"p95 {page['p95_ms']} ms over {page['requests']} requests "
        f"({page['recomputed_requests']} after an edit of the offer: median "
        f"{page['recomputed_median_ms']} ms)"
    )
    commands = [measure_command(url, 1)]
    if args.jobs > 1:
        commands.append(measure_command(url, args.jobs))
    for command in commands:
        log(
            f"  coverage --all --jobs {command['jobs']}: {command['seconds']} s "
            f"for {command['houses']} houses ({command['output_mb']} MB of JSON)"
        )
    cal = calibration(before, calibrate())
    log(calibration_text(cal))
    best = min(c["seconds"] for c in commands)
    report = {
        "database": describe(url),
        "house": house.slug,
        "services": size,
        "page": page,
        "commands": commands,
        "calibration": cal,
        "verdicts": [
            f"Heat map p95 <= {PAGE_TARGET_MS:.0f} ms: "
            f"{'met' if page['p95_ms'] <= PAGE_TARGET_MS else 'NOT met'} ({page['p95_ms']} ms).",
            f"coverage --all < {COMMAND_TARGET_S:.0f} s: "
            f"{'met' if best < COMMAND_TARGET_S else 'NOT met'} ({best} s, best run).",
        ],
    }
    for verdict in report["verdicts"]:
        log(verdict)
    write_json(args.output, report)
    return report


if __name__ == "__main__":
    main()
