"""Measure the public catalogue and the HSDS API on the data of ``bench/generate.py``.

A fixed, seeded mix of requests goes through ``django.test.Client`` in this process, so the
time measured is the time Django takes to answer a request (routing, middleware, queries,
templates or JSON), without a network or a web server. A warm-up round is run first and
discarded. Scenarios:

    search    the catalogue page of a house with a query, one or two filters and the counts
    filters   the same filters and counts, without a query
    detail    the page of one service
    api       /api/hsds/services?search=...&house=...&per_page=50
    baseline  the catalogue page with the query, but searched with a naive icontains filter
              instead of the search module (monkeypatched here), over the same data

DEBUG is switched off for the measurement (no SQL logging, production template settings); the
number of SQL queries per request is counted with a database execute wrapper.

    python bench/run.py --requests 300 --output var/bench/sqlite.json
    python bench/run.py --compare var/bench/sqlite-small.json   # queries per page at both sizes
"""

import argparse
import contextlib
import json
import os
import platform
import random
import re
import statistics
import sys
import time
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (  # noqa: E402
    calibrate,
    calibration,
    calibration_text,
    database_url,
    describe,
    in_units,
    percentile,
    setup_django,
    write_json,
)

# What parents type; {place} becomes a municipality of the house.
QUERIES = (
    "slaapproblemen peuter",
    "crèche",
    "zindelijkhied",
    "huiswerk",
    "kinderopvang {place}",
    "borstvoeding",
    "consultatiebureau {place}",
    "opvoedingsondersteuning",
    "peuterspeelpunt",
    "speelplein zomer",
    "hulp bij schoolkosten",
    "budgetbegeleiding",
    "kraamzorg na de bevalling",
    "taalstimulering kleuters",
    "jongerenadvies",
    "mijn baby huilt veel",
    "psycholoog voor mijn zoon",
    "zwemles kinderen {place}",
    "vaccinatie baby",
    "gratis activiteiten vakantie",
    "buitenschoolse opvang",
    "pesten op school",
    "kinderdagverblijf",
    "opvoedingsvragen puber",
    "bijles wiskunde",
    "onthaalouder {place}",
    "slapen",
    "zwangerschapscursus",
    "kinderopvnag",
    "speelpleinwerking {place}",
)

FILTER_WEIGHTS = {"leeftijd": 3, "gemeente": 3, "kost": 2, "domein": 2, "taal": 1}
LANGUAGES = ("fr", "en", "ar", "tr")
SCENARIOS = ("search", "filters", "detail", "api", "baseline")
DESCRIPTIONS = {
    "search": "catalogue: query + filters + counts",
    "filters": "catalogue: filters + counts, no query",
    "detail": "service detail page",
    "api": "HSDS API search, 50 per page",
    "baseline": "catalogue: query + filters + counts, naive icontains",
}
TARGET_MS = 50.0

RESULTS_HTML = re.compile(r'id="resultaten"[^>]*>\s*([\d.,]+)\s+resulta')


def naive_search_ranks(query, *, house=None, within=None):
    """The baseline: every word in the name, summary or description (icontains), all ranked
    alike (so in name order)."""
    from django.db.models import Q

    from huisvanhetkind.catalogue.models import Service

    if not query.split():
        return None
    queryset = within if within is not None else Service.objects.published()
    if within is None and house is not None:
        queryset = queryset.in_house(house)
    for word in query.split():
        queryset = queryset.filter(
            Q(name__icontains=word) | Q(summary__icontains=word) | Q(description__icontains=word)
        )
    return dict.fromkeys(queryset.values_list("pk", flat=True), 0.0)


class QueryCounter:
    """A database execute wrapper that counts the queries and the time spent executing them
    (on SQLite rows after the first are read later, so that time is a lower bound)."""

    def __init__(self):
        self.count = 0
        self.seconds = 0.0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - started


# --- The plan -----------------------------------------------------------------------------------


def load_houses():
    """Active houses with their municipalities and number of published services."""
    from django.db.models import Count, Q

    from huisvanhetkind.network.models import House

    houses = (
        House.objects.filter(is_active=True)
        .annotate(
            services=Count(
                "partnerships__organisation__services",
                filter=Q(
                    partnerships__status="active",
                    partnerships__organisation__services__status="published",
                ),
            )
        )
        .prefetch_related("municipalities")
        .order_by("pk")
    )
    return [
        {
            "house": house,
            "slug": house.slug,
            "services": house.services,
            "places": [(m.nis_code, m.name) for m in house.municipalities.all()],
        }
        for house in houses
        if house.services
    ]


def build_plan(rng: random.Random, houses: list, count: int) -> dict[str, list[str]]:
    """``count`` URLs per scenario. A house is drawn in proportion to its offer (a bigger
    house has more inhabitants, so more visitors)."""
    from urllib.parse import urlencode

    from huisvanhetkind.catalogue.models import Service
    from huisvanhetkind.network.models import AgeGroup, Domain

    domains = list(Domain.objects.values_list("slug", flat=True))
    ages = list(AgeGroup.objects.values_list("slug", flat=True))
    chosen = rng.choices(houses, weights=[h["services"] for h in houses], k=count)
    service_ids: dict[str, list[int]] = {}
    plan = {name: [] for name in SCENARIOS}
    for entry in chosen:
        slug = entry["slug"]
        nis, place = rng.choice(entry["places"])
        query = rng.choice(QUERIES).format(place=place)
        filters = {}
        for name in _draw_filters(rng):
            if name == "leeftijd":
                filters[name] = rng.choice(ages)
            elif name == "gemeente":
                filters[name] = nis
            elif name == "kost":
                filters[name] = rng.choice(("gratis", "sociaal-tarief"))
            elif name == "domein":
                filters[name] = rng.choice(domains)
            else:
                filters[name] = rng.choice(LANGUAGES)
        if rng.random() < 0.1:
            filters["pagina"] = "2"
        plan["search"].append(f"/{slug}/aanbod/?{urlencode({'q': query, **filters})}")
        plan["filters"].append(f"/{slug}/aanbod/?{urlencode(filters)}")
        plan["baseline"].append(plan["search"][-1])
        plan["api"].append(
            f"/api/hsds/services?{urlencode({'search': query, 'house': slug, 'per_page': 50})}"
        )
        if slug not in service_ids:
            service_ids[slug] = list(
                Service.objects.published()
                .in_house(entry["house"])
                .order_by("pk")
                .values_list("pk", flat=True)
            )
        plan["detail"].append(f"/{slug}/aanbod/{rng.choice(service_ids[slug])}/")
    return plan


def _draw_filters(rng: random.Random) -> list[str]:
    names = list(FILTER_WEIGHTS)
    weights = list(FILTER_WEIGHTS.values())
    first = rng.choices(names, weights)[0]
    if rng.random() < 0.5:
        return [first]
    rest = [n for n in names if n != first]
    return [first, rng.choices(rest, [FILTER_WEIGHTS[n] for n in rest])[0]]


# --- Measuring ----------------------------------------------------------------------------------


def results_of(response) -> int | None:
    if response.get("Content-Type", "").startswith("application/json"):
        return json.loads(response.content).get("total_items")
    match = RESULTS_HTML.search(response.content.decode())
    return int(match.group(1).replace(".", "").replace(",", "")) if match else None


def measure(client, urls: list[str], max_seconds: float | None = None) -> dict:
    from django.db import connection

    times, sql_times, queries, results, errors = [], [], [], [], []
    deadline = time.perf_counter() + max_seconds if max_seconds else None
    for url in urls:
        if deadline and time.perf_counter() > deadline:
            break
        counter = QueryCounter()
        with connection.execute_wrapper(counter):
            started = time.perf_counter()
            response = client.get(url)
            elapsed = time.perf_counter() - started
        if response.status_code != 200:
            errors.append(f"{response.status_code} {url}")
            continue
        times.append(elapsed * 1000)
        sql_times.append(counter.seconds * 1000)
        queries.append(counter.count)
        found = results_of(response)
        if found is not None:
            results.append(found)
    return {
        "times": times,
        "sql_times": sql_times,
        "queries": queries,
        "results": results,
        "errors": errors,
    }


def summarise(raw: dict) -> dict:
    times = raw["times"]
    return {
        "requests": len(times),
        "p50_ms": round(percentile(times, 0.50), 1),
        "p95_ms": round(percentile(times, 0.95), 1),
        "max_ms": round(max(times), 1) if times else None,
        "mean_ms": round(statistics.fmean(times), 1) if times else None,
        "sql_p50_ms": round(percentile(raw["sql_times"], 0.50), 1),
        "sql_p95_ms": round(percentile(raw["sql_times"], 0.95), 1),
        "queries_min": min(raw["queries"]) if raw["queries"] else None,
        "queries_max": max(raw["queries"]) if raw["queries"] else None,
        "results_median": statistics.median(raw["results"]) if raw["results"] else None,
        "empty_results": sum(1 for n in raw["results"] if n == 0),
        "errors": raw["errors"][:10],
        "error_count": len(raw["errors"]),
    }


def run_scenario(
    client, name: str, urls: list[str], warmup: list[str], max_seconds: float, warmup_seconds: float
) -> dict:
    from huisvanhetkind.catalogue import selectors as catalogue_selectors

    patch = (
        mock.patch.object(catalogue_selectors, "search_ranks", naive_search_ranks)
        if name == "baseline"
        else contextlib.nullcontext()
    )
    with patch:
        measure(client, warmup, warmup_seconds)
        return summarise(measure(client, urls, max_seconds))


def database_version() -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("select sqlite_version()")
            return f"SQLite {cursor.fetchone()[0]}"
        cursor.execute("show server_version")
        return f"PostgreSQL {cursor.fetchone()[0]}"


# --- Reporting ----------------------------------------------------------------------------------


def fmt(value) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.1f}" if value < 100 else f"{value:.0f}"
    return str(value)


def queries_text(entry: dict) -> str:
    low, high = entry["queries_min"], entry["queries_max"]
    return "–" if low is None else (str(low) if low == high else f"{low}–{high}")


def markdown(
    report: dict, small: dict | None, scenarios=SCENARIOS, descriptions=DESCRIPTIONS
) -> str:
    head = (
        "| scenario | requests | p50 ms | p95 ms | max ms | SQL p50 ms | SQL queries "
        "| median results |"
    )
    rule = "|---|---:|---:|---:|---:|---:|---:|---:|"
    cal = report.get("calibration")
    if cal:
        head += " p50 R | p95 R |"
        rule += "---:|---:|"
    if small:
        head += f" SQL queries at scale {small['scale']} |"
        rule += "---:|"
    lines = [head, rule]
    for name in scenarios:
        entry = report["scenarios"].get(name)
        if entry is None:
            continue
        line = (
            f"| {descriptions[name]} | {entry['requests']} | {fmt(entry['p50_ms'])} "
            f"| {fmt(entry['p95_ms'])} | {fmt(entry['max_ms'])} | {fmt(entry['sql_p50_ms'])} "
            f"| {queries_text(entry)} "
            f"| {fmt(entry['results_median'])} |"
        )
        if cal:
            line += f" {in_units(entry['p50_ms'], cal)} | {in_units(entry['p95_ms'], cal)} |"
        if small and name in small["scenarios"]:
            line += f" {queries_text(small['scenarios'][name])} |"
        lines.append(line)
    return "\n".join(lines)


def verdicts(report: dict, small: dict | None) -> list[str]:
    lines = []
    search = report["scenarios"].get("search")
    if search:
        met = search["p95_ms"] <= TARGET_MS
        lines.append(
            f"Target p95 ≤ {TARGET_MS:.0f} ms for a search with filters and counts: "
            f"{'met' if met else 'NOT met'} (p95 {search['p95_ms']:.1f} ms)."
        )
    if small:
        lines.append(growth_verdict(report, small, SCENARIOS))
    if search and report.get("calibration"):
        lines.append(
            f"In units of the trivial Django request: search p95 "
            f"{in_units(search['p95_ms'], report['calibration'])} R "
            f"(R = {report['calibration']['unit_ms']:.3f} ms in this run)."
        )
    return lines


def growth_verdict(report: dict, small: dict, scenarios) -> str:
    """Whether the SQL queries per page grew from the small dataset to the big one."""
    grown = [
        name
        for name in scenarios
        if name in report["scenarios"]
        and name in small["scenarios"]
        and (report["scenarios"][name]["queries_max"] or 0)
        > (small["scenarios"][name]["queries_max"] or 0)
    ]
    if grown:
        return f"SQL queries per page GROW with the data in: {', '.join(grown)}."
    return f"SQL queries per page do not grow with the data (scale {small['scale']} vs {report['scale']})."


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", help="default: $DATABASE_URL or var/bench.sqlite3")
    parser.add_argument("--requests", type=int, default=300, help="measured per scenario")
    parser.add_argument("--warmup", type=int, default=20, help="discarded per scenario")
    parser.add_argument(
        "--max-seconds",
        type=float,
        default=120,
        help="stop measuring a scenario after this time, whatever --requests says (default 120)",
    )
    parser.add_argument(
        "--warmup-seconds", type=float, default=15, help="stop a warm-up after this time"
    )
    parser.add_argument(
        "--analyze",
        action="store_true",
        help="run ANALYZE first (SQLite has no statistics unless someone runs it)",
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--scenarios", default=",".join(SCENARIOS))
    parser.add_argument("--generated", help="the JSON of generate.py --output (for the report)")
    parser.add_argument("--compare", help="the JSON of a run on a small dataset")
    parser.add_argument("--output", help="write the results as JSON to this file")
    args = parser.parse_args(argv)

    url = database_url(args.database_url)
    setup_django(url)
    from django.conf import settings
    from django.db import connection
    from django.test import Client

    settings.DEBUG = False
    connection.force_debug_cursor = False
    if args.analyze:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    houses = load_houses()
    if not houses:
        sys.exit("No published services: run bench/generate.py first.")
    calibrated = calibrate()
    plan = build_plan(random.Random(args.seed), houses, args.requests)
    warmup = build_plan(random.Random(args.seed + 1), houses, args.warmup)
    client = Client(HTTP_HOST="127.0.0.1")

    print(f"Measuring {describe(url)}: {args.requests} requests per scenario", flush=True)
    first = plan["search"][0]
    started = time.perf_counter()
    client.get(first)
    cold_ms = (time.perf_counter() - started) * 1000

    # A process keeps each house's offer in memory (catalogue.offer): the first page of a house
    # loads it. Each house is visited once before measuring (a server that has been up for a
    # while), and those first visits are reported on their own.
    first_visits = measure(client, [f"/{h['slug']}/aanbod/" for h in houses])

    report = {
        "database": describe(url),
        "database_version": database_version(),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "scale": None,
        "houses_measured": len({u.split("/")[1] for u in plan["search"]}),
        "first_search_ms": round(cold_ms, 1),
        "analyzed": args.analyze,
        "load_average_before": round(os.getloadavg()[0], 2),
        "max_seconds": args.max_seconds,
        "scenarios": {},
        "first_visit": summarise(first_visits),
    }
    if args.generated:
        generated = json.loads(Path(args.generated).read_text(encoding="utf-8"))
        report["scale"] = generated["scale"]
        report["generated"] = generated
    for name in args.scenarios.split(","):
        started = time.perf_counter()
        report["scenarios"][name] = run_scenario(
            client, name, plan[name], warmup[name], args.max_seconds, args.warmup_seconds
        )
        entry = report["scenarios"][name]
        print(
            f"  {name:<9} p50 {fmt(entry['p50_ms']):>6} ms  p95 {fmt(entry['p95_ms']):>6} ms  "
            f"queries {queries_text(entry):>5}  ({time.perf_counter() - started:.0f} s)",
            flush=True,
        )
        for error in entry["errors"]:
            print(f"    error: {error}", flush=True)

    report["load_average_after"] = round(os.getloadavg()[0], 2)
    report["calibration"] = calibration(calibrated, calibrate())
    small = json.loads(Path(args.compare).read_text(encoding="utf-8")) if args.compare else None
    print()
    print(
        f"{report['database_version']}, Python {report['python']}, {report['cpus']} CPUs, "
        f"load average {report['load_average_before']} before and "
        f"{report['load_average_after']} after the run"
    )
    print(calibration_text(report["calibration"]))
    print(markdown(report, small))
    print()
    for line in verdicts(report, small):
        print(line)
    print(
        f"First request of a fresh process (a search: loads the search vocabulary): {cold_ms:.0f} ms."
    )
    first_visit = report["first_visit"]
    print(
        f"First page of each of the {first_visit['requests']} houses in this process (loads its "
        f"offer): p50 {fmt(first_visit['p50_ms'])} ms, p95 {fmt(first_visit['p95_ms'])} ms, "
        f"max {fmt(first_visit['max_ms'])} ms."
    )
    write_json(args.output, report)
    return report


if __name__ == "__main__":
    main()
