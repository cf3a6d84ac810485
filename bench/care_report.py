"""Put the results of ``bench/care_run.py`` side by side as Markdown (for docs/performance.md).

    python bench/care_report.py var/bench/sqlite-care.json var/bench/postgresql-care.json

Files that do not exist (PostgreSQL skipped) are left out.
"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from care_run import DESCRIPTIONS, SCENARIOS, TARGET_MS  # noqa: E402
from report import label, print_sizes, print_times  # noqa: E402
from run import fmt, queries_text  # noqa: E402

SIZES = (
    ("partners", "partners of the house"),
    ("signals", "live signals in the house"),
    ("children", "children"),
    ("matched_children", "children signalled by more than one partner"),
    ("with_parent", "signals with a parent's number"),
    ("caseload", "children in the measured caseload"),
    ("signals_of_largest", "signals of the largest partner"),
    ("signals_median", "signals of the median partner"),
    ("database_mb", "database size (MiB)"),
)


def main(paths: list[str]) -> None:
    reports = [json.loads(Path(p).read_text(encoding="utf-8")) for p in paths if Path(p).exists()]
    if not reports:
        sys.exit("No results: run `make bench` first.")

    print_sizes("### Signal index: data", reports, SIZES)
    values = [r.get("generated", {}).get("seconds", {}).get("generate") for r in reports]
    print("| generation (s) | " + " | ".join(fmt(v) for v in values) + " |")

    print_times(
        "### Signal index: time per recording or request (ms) and SQL queries",
        reports,
        SCENARIOS,
        DESCRIPTIONS,
    )

    print()
    for r in reports:
        record = r["scenarios"].get("record")
        caseload = r["scenarios"].get("caseload")
        line = f"- {label(r)}: "
        if record:
            line += (
                f"recording p95 {fmt(record['p95_ms'])} ms, target ≤ {TARGET_MS:.0f} ms "
                f"{'met' if record['p95_ms'] <= TARGET_MS else 'NOT met'}"
                f" ({queries_text(record)} queries)"
            )
        if caseload:
            line += f"; caseload page {queries_text(caseload)} queries"
        line += (
            f"; load average {r.get('load_average_before', '?')} before, "
            f"{r.get('load_average_after', '?')} after."
        )
        print(line)


if __name__ == "__main__":
    main(sys.argv[1:])
