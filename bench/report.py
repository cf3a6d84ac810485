"""Put the results of ``bench/run.py`` side by side as Markdown (for docs/performance.md).

    python bench/report.py var/bench/sqlite.json var/bench/postgresql.json

Files that do not exist (PostgreSQL skipped) are left out.
"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import calibration_text, in_units  # noqa: E402
from run import DESCRIPTIONS, SCENARIOS, TARGET_MS, fmt, queries_text  # noqa: E402

SIZES = (
    ("municipalities", "municipalities"),
    ("houses", "houses"),
    ("organisations", "organisations"),
    ("partnerships", "partnerships"),
    ("published_services", "published services"),
    ("services", "services (all statuses)"),
    ("service_domain_links", "service–domain links"),
    ("service_age_group_links", "service–age group links"),
    ("service_area_links", "service–municipality links"),
    ("search_terms", "search terms"),
    ("search_postings", "search postings"),
    ("search_house_postings", "search postings per house"),
    ("database_mb", "database size (MiB)"),
)


def label(report: dict) -> str:
    return report["database_version"]


def print_sizes(title: str, reports: list[dict], sizes) -> None:
    """The heading and the table of the generated data's sizes, one column per database."""
    print(f"{title}\n")
    print("| | " + " | ".join(label(r) for r in reports) + " |")
    print("|---|" + "---:|" * len(reports))
    for key, name in sizes:
        values = [r.get("generated", {}).get("sizes", {}).get(key) for r in reports]
        print(
            f"| {name} | " + " | ".join(f"{v:,}" if v is not None else "–" for v in values) + " |"
        )


def print_times(title: str, reports: list[dict], scenarios, descriptions) -> None:
    """The heading and the table of p50, p95 and queries per scenario, per database, and p95 in
    units of the run's trivial Django request R (bench/common.py) when the run was calibrated."""
    print(f"\n{title}\n")
    head = "| scenario |"
    rule = "|---|"
    for r in reports:
        name = label(r).split()[0]
        head += f" {name} p50 | {name} p95 | {name} queries |"
        rule += "---:|---:|---:|"
        if r.get("calibration"):
            head += f" {name} p95 R |"
            rule += "---:|"
    print(head)
    print(rule)
    for scenario in scenarios:
        row = f"| {descriptions[scenario]} |"
        for r in reports:
            entry = r["scenarios"].get(scenario)
            cal = r.get("calibration")
            if entry is None:
                row += " – | – | – |" + (" – |" if cal else "")
            else:
                row += f" {fmt(entry['p50_ms'])} | {fmt(entry['p95_ms'])} | {queries_text(entry)} |"
                if cal:
                    row += f" {in_units(entry['p95_ms'], cal)} |"
        print(row)


def print_calibrations(reports: list[dict]) -> None:
    """The calibration of each run (bench/common.py), one line per database."""
    print()
    for r in reports:
        print(f"- {label(r)}: {calibration_text(r.get('calibration'))}")


def main(paths: list[str]) -> None:
    reports = [json.loads(Path(p).read_text(encoding="utf-8")) for p in paths if Path(p).exists()]
    if not reports:
        sys.exit("No results: run `make bench` first.")

    print_sizes("### Data", reports, SIZES)
    for key, name in (("generate", "generation (s)"), ("rebuild_index", "index rebuild (s)")):
        values = [r.get("generated", {}).get("seconds", {}).get(key) for r in reports]
        print(f"| {name} | " + " | ".join(fmt(v) for v in values) + " |")

    print_times(
        "### Server time per request (ms) and SQL queries per request",
        reports,
        SCENARIOS,
        DESCRIPTIONS,
    )
    print_calibrations(reports)

    print()
    for r in reports:
        search = r["scenarios"].get("search")
        if search:
            met = search["p95_ms"] <= TARGET_MS
            print(
                f"- {label(r)}: search with filters and counts p95 {fmt(search['p95_ms'])} ms, "
                f"= {in_units(search['p95_ms'], r.get('calibration'))} R, "
                f"target ≤ {TARGET_MS:.0f} ms {'met' if met else 'NOT met'}; "
                f"{search['requests']} requests measured; load average "
                f"{r.get('load_average_before', '?')} before, {r.get('load_average_after', '?')} after."
            )


if __name__ == "__main__":
    main(sys.argv[1:])
