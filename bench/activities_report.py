"""Put the results of ``bench/activities_run.py`` side by side as Markdown (for
docs/performance.md).

    python bench/activities_report.py var/bench/sqlite-activities.json var/bench/postgresql-activities.json

Files that do not exist (PostgreSQL skipped) are left out.
"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from activities_run import (  # noqa: E402
    DESCRIPTIONS,
    SCENARIOS,
    TARGET_MS,
    TARGET_PER_SECOND,
)
from common import in_units  # noqa: E402
from report import label, print_calibrations, print_sizes, print_times  # noqa: E402
from run import fmt  # noqa: E402

SIZES = (
    ("houses", "houses"),
    ("activities", "activities"),
    ("published_activities", "published activities"),
    ("activities_with_registration", "activities with registration"),
    ("sessions", "sessions"),
    ("upcoming_sessions", "upcoming sessions"),
    ("sessions_per_house_min", "sessions of the smallest house"),
    ("sessions_per_house_median", "sessions of the median house"),
    ("sessions_per_house_max", "sessions of the largest house"),
    ("registrations", "registrations"),
    ("database_mb", "database size (MiB)"),
)
REGISTRATIONS = (
    ("registrations", "registrations over HTTP"),
    ("seconds", "seconds"),
    ("per_second", "registrations per second"),
    ("post_p50_ms", "POST p50 (ms)"),
    ("post_p95_ms", "POST p95 (ms)"),
    ("journey_p50_ms", "form + POST p50 (ms)"),
    ("journey_p95_ms", "form + POST p95 (ms)"),
    ("confirmed", "confirmed"),
    ("waitlisted", "waitlisted"),
    ("error_count", "errors"),
    ("lost", "lost"),
    ("overbooked_sessions", "sessions overbooked"),
    ("waitlisted_though_it_fitted", "waitlisted though they fitted"),
    ("load_average_before", "load average before"),
    ("load_average_after", "load average after"),
)


def main(paths: list[str]) -> None:
    reports = [json.loads(Path(p).read_text(encoding="utf-8")) for p in paths if Path(p).exists()]
    if not reports:
        sys.exit("No results: run `make bench` first.")

    print_sizes("### Activities: data", reports, SIZES)
    values = [r.get("generated", {}).get("seconds", {}).get("generate") for r in reports]
    print("| generation (s) | " + " | ".join(fmt(v) for v in values) + " |")

    print_times(
        "### Activities: server time per request (ms) and SQL queries per request",
        reports,
        SCENARIOS,
        DESCRIPTIONS,
    )

    with_http = [r for r in reports if r.get("registrations")]
    if with_http:
        print("\n### Activities: registrations over HTTP\n")
        print("| | " + " | ".join(label(r) for r in with_http) + " |")
        print("|---|" + "---:|" * len(with_http))
        for key, name in REGISTRATIONS:
            values = [r["registrations"].get(key) for r in with_http]
            print(f"| {name} | " + " | ".join(fmt(v) for v in values) + " |")
        # The same in units of each run's trivial Django request R (bench/common.py).
        for name, ms_of in (
            (
                "one registration every (R)",
                lambda e: 1000 / e["per_second"] if e["per_second"] else None,
            ),
            ("POST p95 (R)", lambda e: e["post_p95_ms"]),
        ):
            values = [in_units(ms_of(r["registrations"]), r.get("calibration")) for r in with_http]
            print(f"| {name} | " + " | ".join(values) + " |")
    print_calibrations(reports)

    print()
    for r in reports:
        pages = [n for n in SCENARIOS if n != "detail" and n in r["scenarios"]]
        worst = max((r["scenarios"][n]["p95_ms"] for n in pages), default=None)
        line = f"- {label(r)}: "
        if worst is not None:
            line += (
                f"calendar and feeds p95 ≤ {fmt(worst)} ms "
                f"({in_units(worst, r.get('calibration'))} R), target ≤ {TARGET_MS:.0f} ms "
                f"{'met' if worst <= TARGET_MS else 'NOT met'}"
            )
        entry = r.get("registrations")
        if entry:
            line += f"; {fmt(entry['per_second'])} registrations per second"
            if label(r).startswith("PostgreSQL"):
                met = entry["per_second"] >= TARGET_PER_SECOND
                line += f", target ≥ {TARGET_PER_SECOND:.0f} {'met' if met else 'NOT met'}"
        line += (
            f"; load average {r.get('load_average_before', '?')} before, "
            f"{r.get('load_average_after', '?')} after."
        )
        print(line)


if __name__ == "__main__":
    main(sys.argv[1:])
