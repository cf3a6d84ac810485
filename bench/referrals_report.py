"""Put the results of ``bench/referrals_run.py`` side by side as Markdown (for
docs/performance.md).

    python bench/referrals_report.py var/bench/sqlite-referrals.json var/bench/postgresql-referrals.json

Files that do not exist (PostgreSQL skipped) are left out.
"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from referrals_run import DESCRIPTIONS, EXTRA, SCENARIOS, TARGET_MS  # noqa: E402
from report import label, print_calibrations, print_sizes, print_times  # noqa: E402
from run import fmt, queries_text  # noqa: E402

SIZES = (
    ("partners", "partners of the house"),
    ("referrals", "referrals in the house"),
    ("consents", "consents"),
    ("events", "history steps"),
    ("running", "running referrals"),
    ("awaiting_answer", "awaiting an answer"),
    ("late", "late"),
    ("erased", "erased (ended over a year ago)"),
    ("received_by_largest", "received by the largest receiver"),
    ("received_median", "received by the median partner"),
    ("sent_by_largest", "sent by the largest sender"),
    ("sent_median", "sent by the median partner"),
    ("database_mb", "database size (MiB)"),
)


def main(paths: list[str]) -> None:
    reports = [json.loads(Path(p).read_text(encoding="utf-8")) for p in paths if Path(p).exists()]
    if not reports:
        sys.exit("No results: run `make bench` first.")

    print_sizes("### Referrals: data", reports, SIZES)
    values = [r.get("generated", {}).get("seconds", {}).get("generate") for r in reports]
    print("| generation (s) | " + " | ".join(fmt(v) for v in values) + " |")

    print_times(
        "### Referrals: server time per request (ms) and SQL queries per request",
        reports,
        SCENARIOS + EXTRA,
        DESCRIPTIONS,
    )
    print_calibrations(reports)

    print()
    for r in reports:
        measured = [n for n in SCENARIOS if n in r["scenarios"]]
        worst = max((r["scenarios"][n]["p95_ms"] for n in measured), default=None)
        line = f"- {label(r)}: "
        if worst is not None:
            line += (
                f"inbox and sent list p95 ≤ {fmt(worst)} ms, target ≤ {TARGET_MS:.0f} ms "
                f"{'met' if worst <= TARGET_MS else 'NOT met'}; SQL queries per page "
                + ", ".join(f"{n} {queries_text(r['scenarios'][n])}" for n in measured)
            )
        line += (
            f"; load average {r.get('load_average_before', '?')} before, "
            f"{r.get('load_average_after', '?')} after."
        )
        print(line)


if __name__ == "__main__":
    main(sys.argv[1:])
