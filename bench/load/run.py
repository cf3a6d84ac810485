"""The load test (make load, make load-smoke): the production stack of `make prod` (deploy/prod)
started on the benchmark data, Locust against it, the simultaneous registrations, a report.

1. The data: the PostgreSQL database ``--db`` (hvhk_load_bench) with the benchmark's data
   (bench/generate.py, activities_generate.py and referrals_generate.py at ``--scale``),
   generated when the database has none (or with ``--regenerate``). Its fields are encrypted
   with the benchmark's public keys, so the stack runs with those (``secrets.env`` of its
   directory); never use them for real data.
2. The stack: ``deploy/prod start`` with its own directory (var/load/stack), database, Redis
   database (5) and ports (https://127.0.0.1:28443, app servers 28001 and 28002), and
   ``PROD_TRUSTED_PROXY_COUNT=2``: the load generator is the outer proxy that writes each
   simulated client's address, so the throttles, which stay on, count every family on its own.
   A load stack left running by an interrupted run is stopped first (only the processes of its
   own pid files); the stack is stopped at the end.
3. bench/load/prepare.py: the pages, sessions, accounts and the capacity session.
4. Locust (bench/load/locustfile.py), headless, families and professionals together: first
   ``--warm-up`` seconds (30), reported but not judged: the stack has just started with empty
   caches, and every simulated user asks its first page at once; then, with the users running
   on, the measured ``--run-time`` seconds (or ``--max-requests`` requests in all).
5. bench/load/capacity.py: ``--registrations`` (200) simultaneous registrations for the capacity
   session, counted in the database afterwards.
6. With ``--one-server``: the stack again with one app server (28001) behind nginx and the same
   mix, for the ratio of two app servers to one.

The calibration of bench/common.py is measured in this process before and after. The report is
``--output`` (var/load/report.json), Locust's CSV files beside it; the exit status is 1 on any
failed request or an inexact capacity count (the throughput targets are reported, not enforced:
they depend on the machine).

    python bench/load/run.py                        # make load
    python bench/load/run.py --smoke ...            # make load-smoke, .ci/load-smoke
"""

import argparse
import json
import os
import secrets
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

from common import (  # noqa: E402
    BENCH_DIGEST_KEY,
    BENCH_ENCRYPTION_KEY,
    calibrate,
    calibration,
    calibration_text,
    in_units,
    setup_django,
    write_json,
)

CLEAN_ENV = dict(os.environ)  # before setup_django() adds the benchmark's settings
BIN = Path(sys.executable).parent
TARGET_PER_SECOND = 150.0  # the family mix, two app servers
TARGET_P95_MS = 300.0


def log(message: str) -> None:
    print(message, flush=True)


def psql(url: str, sql: str) -> str:
    result = subprocess.run(  # noqa: S603 - our own query on our own database
        ["psql", "-X", "-At", url, "-c", sql], capture_output=True, text=True, check=False
    )
    return result.stdout.strip() if result.returncode == 0 else ""


def has_data(url: str) -> bool:
    counts = psql(
        url,
        "SELECT (SELECT count(*) FROM network_house), (SELECT count(*) FROM activities_session),"
        " (SELECT count(*) FROM referrals_referral)",
    )
    return bool(counts) and all(int(n) > 0 for n in counts.split("|"))


def generate(url: str, scale: float, directory: Path) -> None:
    for script, name in (
        ("generate.py", "data"),
        ("activities_generate.py", "activities-data"),
        ("referrals_generate.py", "referrals-data"),
    ):
        log(f"Generating: bench/{script} --scale {scale}")
        subprocess.run(  # noqa: S603
            [
                str(BIN / "python"),
                str(BENCH / script),
                "--database-url",
                url,
                "--scale",
                str(scale),
                "--output",
                str(directory / f"{name}.json"),
            ],
            env=CLEAN_ENV,
            check=True,
        )


def stack_env(args, ports: str) -> dict:
    env = dict(CLEAN_ENV)
    env.update(
        PROD_DB=args.db,
        PROD_PG=args.pg,
        PROD_DIR=str(args.stack_dir),
        PROD_REDIS=args.redis,
        PROD_HTTP_PORT=str(args.http_port),
        PROD_HTTPS_PORT=str(args.https_port),
        PROD_APP_PORTS=ports,
        PROD_TRUSTED_PROXY_COUNT="2",
    )
    return env


def write_secrets(stack_dir: Path) -> None:
    """The benchmark's public keys (its data is encrypted with them) and a secret of its own."""
    file = stack_dir / "secrets.env"
    if file.exists():
        return
    stack_dir.mkdir(parents=True, exist_ok=True)
    file.write_text(
        f"SECRET_KEY={secrets.token_urlsafe(50)}\n"
        f"FIELD_ENCRYPTION_KEYS={BENCH_ENCRYPTION_KEY}\n"
        f"FAMILY_DIGEST_KEYS={BENCH_DIGEST_KEY}\n",
        encoding="utf-8",
    )
    file.chmod(0o600)


def deploy(args, ports: str, action: str) -> None:
    log(f"deploy/prod {action} (app servers {ports})")
    output = args.output.parent / f"deploy-{action}.log"
    with output.open("a") as out:
        result = subprocess.run(  # noqa: S603
            [str(ROOT / "deploy" / "prod"), action],
            env=stack_env(args, ports),
            stdout=out,
            stderr=subprocess.STDOUT,
            check=False,
        )
    if result.returncode != 0:
        lines = output.read_text(encoding="utf-8", errors="replace").splitlines()
        log("\n".join(lines[-40:]))
        sys.exit(f"deploy/prod {action} failed: see {output}")


def settle_jobs(args, ports: str) -> None:
    """Run the periodic jobs that are due before the stack starts (one scheduler pass, then the
    worker until the queue is empty). On a fresh benchmark database every daily job is overdue;
    the retention jobs then take minutes over its millions of rows, and the worker's heartbeat,
    queued behind them, would keep /readyz at 503 past deploy/prod's 90 s."""
    for command in (["scheduler", "--once"], ["db_worker", "--batch", "--no-reload"]):
        log(f"deploy/prod manage {' '.join(command)}")
        subprocess.run(  # noqa: S603
            [str(ROOT / "deploy" / "prod"), "manage", *command],
            env=stack_env(args, ports),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=True,
        )


def locust(args, name: str, targets: Path) -> dict:
    """One Locust run: ``--warm-up`` seconds, then ``--run-time`` seconds measured (the users
    run on in between); the warm-up's figures are under ``warm_up`` in what it returns."""
    run_time = args.warm_up + args.run_time
    report = args.output.parent / f"{name}.json"
    report.unlink(missing_ok=True)
    professionals = min(args.professionals, len(json.loads(targets.read_text())["professionals"]))
    env = dict(CLEAN_ENV)
    env.update(
        LOAD_TARGETS=str(targets),
        LOAD_REPORT=str(report),
        LOAD_MAX_REQUESTS=str(args.max_requests),
        LOAD_PROFESSIONALS=str(professionals),
        LOAD_WARM_UP=str(args.warm_up),
    )
    users = args.families + professionals
    log(
        f"Locust ({name}): {args.families} families and {professionals} professionals, "
        f"{args.warm_up} s of warm-up, then {args.run_time} s measured or "
        f"{args.max_requests:,} requests in all"
    )
    subprocess.run(  # noqa: S603 - exits 1 on any failure; the report says which
        [
            str(BIN / "locust"),
            "-f",
            str(ROOT / "bench" / "load" / "locustfile.py"),
            "--headless",
            "--host",
            f"https://127.0.0.1:{args.https_port}",
            "--users",
            str(users),
            "--spawn-rate",
            str(args.spawn_rate),
            "--run-time",
            f"{run_time}s",
            "--stop-timeout",
            "10",
            "--csv",
            str(args.output.parent / name),
            "--only-summary",
            "--loglevel",
            "WARNING",
            "FamilyUser",
            "ProfessionalUser",
        ],
        env=env,
        cwd=ROOT,
        check=False,
    )
    if not report.exists():
        sys.exit(f"Locust wrote no report ({report})")
    return json.loads(report.read_text(encoding="utf-8"))


def capacity(args, targets: Path, url: str) -> dict:
    output = args.output.parent / "capacity.json"
    subprocess.run(  # noqa: S603
        [
            str(BIN / "python"),
            str(ROOT / "bench" / "load" / "capacity.py"),
            "--base",
            f"https://127.0.0.1:{args.https_port}",
            "--targets",
            str(targets),
            "--database-url",
            url,
            "--count",
            str(args.registrations),
            "--output",
            str(output),
        ],
        env=CLEAN_ENV,
        check=True,
    )
    return json.loads(output.read_text(encoding="utf-8"))


def ms(value) -> str:
    return "–" if value is None else f"{value:.0f}"


def print_run(name: str, run: dict, cal: dict) -> None:
    log(f"\n{name}: {run['seconds']} s, {run['users']} users")
    log("| group | requests | per second | p50 ms | p95 ms | p99 ms | failures | p95 R |")
    log("|---|---:|---:|---:|---:|---:|---:|---:|")
    rows = [*run["groups"].items(), ("all", run["total"])]
    for group, entry in rows:
        log(
            f"| {group} | {entry['requests']:,} | {entry['per_second']} | {ms(entry['p50_ms'])} "
            f"| {ms(entry['p95_ms'])} | {ms(entry['p99_ms'])} | {entry['failures']} "
            f"| {in_units(entry['p95_ms'], cal)} |"
        )
    for error in run["errors"][:10]:
        log(f"    error: {error['count']} × {error['method']} {error['name']}: {error['error']}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--smoke", action="store_true", help="a short check (CI): see below")
    parser.add_argument("--db", default="hvhk_load_bench", help="its name must contain 'bench'")
    parser.add_argument("--pg", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/5")
    parser.add_argument("--stack-dir", type=Path, default=ROOT / "var" / "load" / "stack")
    parser.add_argument("--http-port", type=int, default=28080)
    parser.add_argument("--https-port", type=int, default=28443)
    parser.add_argument("--app-ports", default="28001 28002")
    parser.add_argument("--scale", type=float, default=1.0, help="of generated data")
    parser.add_argument("--regenerate", action="store_true")
    parser.add_argument("--families", type=int, default=220, help="simulated family users")
    parser.add_argument("--professionals", type=int, default=10)
    parser.add_argument("--spawn-rate", type=float, default=50)
    parser.add_argument("--run-time", type=int, default=60, help="seconds per Locust run")
    parser.add_argument(
        "--warm-up",
        type=int,
        default=30,
        help="seconds of the same mix before each measured run, reported but not judged",
    )
    parser.add_argument("--max-requests", type=int, default=100_000, help="per Locust run")
    parser.add_argument("--registrations", type=int, default=200, help="simultaneous")
    parser.add_argument("--capacity", type=int, default=50, help="of the capacity session")
    parser.add_argument("--one-server", action="store_true", help="also one app server")
    parser.add_argument("--output", type=Path, default=ROOT / "var" / "load" / "report.json")
    args = parser.parse_args(argv)
    if args.smoke:  # 20 s, a few users, 2,000 requests at most, data at 1 %
        args.scale, args.families, args.professionals = 0.01, 8, 2
        args.run_time, args.max_requests, args.spawn_rate, args.warm_up = 20, 2000, 10, 0
    if "bench" not in args.db:
        sys.exit("The load test's database name must contain 'bench' (it may be regenerated).")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.stack_dir.mkdir(parents=True, exist_ok=True)
    url = f"{args.pg}/{args.db}"
    first_ports = args.app_ports
    one_port = args.app_ports.split()[0]

    deploy(args, first_ports, "stop")  # a load stack an interrupted run left behind
    deploy(args, one_port, "stop")
    if args.regenerate or not has_data(url):
        generate(url, args.scale, args.output.parent)
    write_secrets(args.stack_dir)
    setup_django(url)
    generated = args.output.parent / "data.json"
    scale = json.loads(generated.read_text())["scale"] if generated.exists() else None

    before = calibrate()
    report = {
        "database": url,
        "scale": scale,
        "smoke": args.smoke,
        "cpus": os.cpu_count(),
        "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "runs": {},
    }
    targets = args.output.parent / "targets.json"
    failed = False
    try:
        settle_jobs(args, first_ports)
        deploy(args, first_ports, "start")
        subprocess.run(  # noqa: S603
            [
                str(BIN / "python"),
                str(ROOT / "bench" / "load" / "prepare.py"),
                "--database-url",
                url,
                "--output",
                str(targets),
                "--capacity",
                str(args.capacity),
            ],
            env=CLEAN_ENV,
            check=True,
        )
        servers = len(first_ports.split())
        report["runs"][f"{servers}_servers"] = locust(args, f"locust-{servers}-servers", targets)
        report["capacity"] = capacity(args, targets, url)
    finally:
        deploy(args, first_ports, "stop")
    if args.one_server:
        try:
            deploy(args, one_port, "start")
            report["runs"]["1_server"] = locust(args, "locust-1-server", targets)
        finally:
            deploy(args, one_port, "stop")
    report["calibration"] = calibration(before, calibrate())
    report["finished"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())

    cal = report["calibration"]
    log(f"\nLoad test on {url} (data scale {scale}), {report['started']} to {report['finished']}")
    log(calibration_text(cal))
    for name, run in report["runs"].items():
        if "warm_up" in run:
            print_run(f"{name.replace('_', ' ')}, warm-up (not judged)", run["warm_up"], cal)
            failed |= run["warm_up"]["total"]["failures"] > 0
        print_run(name.replace("_", " "), run, cal)
        failed |= run["total"]["failures"] > 0
    main_run = report["runs"].get(f"{len(first_ports.split())}_servers")
    family = main_run["groups"].get("family") if main_run else None
    if family and not args.smoke:
        met = family["per_second"] >= TARGET_PER_SECOND and (family["p95_ms"] or 0) <= TARGET_P95_MS
        log(
            f"\nFamily mix on {len(first_ports.split())} app servers: {family['per_second']} "
            f"requests/s, p95 {ms(family['p95_ms'])} ms, {family['failures']} failures; target ≥ "
            f"{TARGET_PER_SECOND:.0f}/s with p95 ≤ {TARGET_P95_MS:.0f} ms and no error "
            f"{'met' if met and not family['failures'] else 'NOT met'}."
        )
    if "1_server" in report["runs"] and main_run:
        one = report["runs"]["1_server"]["total"]["per_second"]
        two = main_run["total"]["per_second"]
        report["ratio"] = round(two / one, 2) if one else None
        log(f"Two app servers against one: {two} / {one} requests/s = {report['ratio']}.")
    exact = report.get("capacity", {}).get("exact")
    failed |= not exact
    write_json(str(args.output), report)
    log(f"Report: {args.output} (Locust's CSV files beside it)")
    if failed:
        log("FAILED: failed requests or an inexact capacity count (see above).")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
