"""The childcare desk's allocation engine at the scale of Flanders, through its command.

Generates a round (``shared/standards/childcare-allocation.md``) deterministically from a seed:
63,000 children and 5,700 providers with 60,000 free places in all (one in six providers has
none this round, the others from 1 to about 60, most of them few), 1 to 12 wishes per child
(most ask for a few, some for all twelve), drawn with a long tail towards popular providers;
seven providers in ten apply the three priority criteria (in an order of their own), the others
none; seven families in ten work, one child in a hundred is a foster child, one in seven has a
brother or sister at one of its wishes; requests are made over 18 months to the minute, and one
in ten in the batch of the first day (all at the same moment), so that request dates tie.

It writes the round to ``var/bench/childcare-round.json``, runs
``huisvanhetkind childcare-allocate`` on it as a separate process (the whole command: start-up,
reading, validation, the engine, the independent audit and writing the result) and measures its
wall time and its peak memory (the child's maximum resident set size, from ``wait4``). The
targets: under 10 s and under 1 GiB. The result must have no blocking pair.

With ``--matching`` (``make bench`` only, not CI), also the same rule solved by the PyPI
package ``matching`` (``HospitalResident``, resident-optimal) on a round of 20,000 children and
800 providers, beside our engine in the same process: the same assignment, and the time ratio.
``matching`` needs the capacity-0 providers left out (they place nobody, so the result is the
same) and a higher recursion limit. When it is not installed, that part says so and is skipped.

    python bench/childcare_allocation.py
    python bench/childcare_allocation.py --matching --output var/bench/childcare-allocation.json
"""

import argparse
import json
import os
import random
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ROOT, write_json  # noqa: E402

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from huisvanhetkind.childcare import allocation  # noqa: E402

CHILDREN = 63_000
PROVIDERS = 5_700
PLACES = 60_000
MATCHING_CHILDREN = 20_000
MATCHING_PROVIDERS = 800
TARGET_SECONDS = 10.0
TARGET_BYTES = 1 << 30  # 1 GiB
NO_PLACES_SHARE = 1 / 6  # providers without a free place this round
PRIORITY_SHARE = 0.7  # providers with the income-related tariff (the three criteria)
WORKING_SHARE = 0.7
FOSTER_SHARE = 0.01
SIBLING_SHARE = 1 / 7
BATCH_SHARE = 0.1  # requests of the first day's batch, all at the same moment
FIRST_DAY = datetime(2026, 1, 5, 8, 30)
MINUTES = 18 * 30 * 24 * 60  # requests over 18 months, to the minute
# How many wishes a child gives (1 to 12): most a few, some all twelve.
WISH_COUNT_WEIGHTS = (14, 12, 14, 12, 10, 8, 7, 6, 5, 4, 3, 5)
ORDERS = (
    ["working", "sibling", "foster"],
    ["sibling", "working", "foster"],
    ["foster", "sibling", "working"],
    ["sibling", "foster", "working"],
    ["working", "foster", "sibling"],
    ["foster", "working", "sibling"],
)


def _capacities(rng: random.Random, providers: int, places: int) -> list[int]:
    """``places`` free places over ``providers``: some none, the others a long tail (most a few,
    some dozens), adding up to exactly ``places``."""
    open_ones = [j for j in range(providers) if rng.random() >= NO_PLACES_SHARE]
    weights = [rng.paretovariate(1.6) for _ in open_ones]
    total = sum(weights)
    capacity = [0] * providers
    for j, weight in zip(open_ones, weights, strict=True):
        capacity[j] = max(1, int(places * weight / total))
    # Give or take the rounding difference, one place at a time, over the open providers.
    difference = places - sum(capacity)
    step = 1 if difference > 0 else -1
    while difference:
        j = rng.choice(open_ones)
        if capacity[j] + step >= 1:
            capacity[j] += step
            difference -= step
    return capacity


def generate_round(
    seed: int = 16, children: int = CHILDREN, providers: int = PROVIDERS, places: int = PLACES
) -> dict:
    """A valid round of the standard, the same for the same arguments."""
    rng = random.Random(seed)
    pids = [f"opvang-{j:05d}" for j in range(providers)]
    capacity = _capacities(rng, providers, places)
    provider_list = [
        {
            "id": pid,
            "capacity": capacity[j],
            "priority_order": list(rng.choice(ORDERS)) if rng.random() < PRIORITY_SHARE else [],
        }
        for j, pid in enumerate(pids)
    ]
    # Popularity: a long tail, shuffled so that it is independent of capacity and id.
    popularity = [rng.paretovariate(1.2) for _ in range(providers)]
    cumulative = []
    running = 0.0
    for weight in popularity:
        running += weight
        cumulative.append(running)
    child_list = []
    for i in range(children):
        count = min(providers, rng.choices(range(1, 13), WISH_COUNT_WEIGHTS)[0])
        wishes: list[str] = []
        seen: set[int] = set()
        while len(wishes) < count:
            j = rng.choices(range(providers), cum_weights=cumulative)[0]
            if j not in seen:
                seen.add(j)
                wishes.append(pids[j])
        if rng.random() < BATCH_SHARE:
            moment = FIRST_DAY
        else:
            moment = FIRST_DAY + timedelta(minutes=rng.randrange(MINUTES))
        child_list.append(
            {
                "id": f"kind-{rng.randrange(16**8):08x}-{i:06d}",
                "wishes": wishes,
                "requested_at": moment.isoformat(),
                "working": rng.random() < WORKING_SHARE,
                "foster": rng.random() < FOSTER_SHARE,
                "siblings_at": [rng.choice(wishes)] if rng.random() < SIBLING_SHARE else [],
            }
        )
    return {"round": "bench-2027-09", "providers": provider_list, "children": child_list}


def describe_round(data: dict) -> dict:
    wishes = [len(child["wishes"]) for child in data["children"]]
    moments = [child["requested_at"] for child in data["children"]]
    return {
        "children": len(data["children"]),
        "providers": len(data["providers"]),
        "places": sum(provider["capacity"] for provider in data["providers"]),
        "providers_without_places": sum(1 for p in data["providers"] if p["capacity"] == 0),
        "wishes": sum(wishes),
        "children_with_12_wishes": wishes.count(12),
        "children_sharing_a_request_moment": len(moments) - len(set(moments)),
    }


def command_environment() -> dict:
    """The environment of a local run of the command (the settings want these)."""
    env = dict(os.environ)
    env.setdefault("DEBUG", "1")
    env.setdefault("SECRET_KEY", "benchmark-only-secret-key")
    env.setdefault("DJANGO_SETTINGS_MODULE", "huisvanhetkind.settings")
    return env


def command() -> list[str]:
    """The console script of the venv that runs this script, else ``python -m``-like start."""
    script = Path(sys.executable).parent / "huisvanhetkind"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from huisvanhetkind.cli import main; main()"]


def run_command(round_path: Path, result_path: Path) -> dict:
    """Run the command as a separate process: its wall time and peak resident memory."""
    result_path.unlink(missing_ok=True)
    argv = [*command(), "childcare-allocate", str(round_path), "--output", str(result_path)]
    started = time.perf_counter()
    process = subprocess.Popen(argv, env=command_environment(), cwd=ROOT)  # noqa: S603
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"The command failed (exit status {process.returncode}): {argv}")
    return {
        "command": " ".join(["huisvanhetkind", *argv[len(command()) :]]),
        "seconds": round(seconds, 2),
        "peak_rss_mib": round(usage.ru_maxrss / 1024, 1),  # ru_maxrss is in KiB on Linux
        "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 2),
    }


def engine_only(data: dict) -> dict:
    """Our engine in this process: validation, assignment, audit (no start-up, no files)."""
    started = time.perf_counter()
    problems = allocation.validate(data)
    validated = time.perf_counter()
    assignment = allocation.assign(data)
    assigned = time.perf_counter()
    pairs = allocation.blocking_pairs(data, assignment)
    audited = time.perf_counter()
    assert not problems and not pairs  # noqa: S101
    return {
        "assignment": assignment,
        "validate_seconds": round(validated - started, 3),
        "assign_seconds": round(assigned - validated, 3),
        "audit_seconds": round(audited - assigned, 3),
    }


def solve_with_matching(data: dict) -> dict:
    """The same round by ``matching``'s HospitalResident (resident-optimal): its assignment and
    time, or why it was skipped."""
    try:
        from matching.games import HospitalResident  # noqa: PLC0415 - optional, bench only
    except ImportError:
        return {"skipped": "the package matching is not installed (make bench installs it)"}
    providers = {p["id"]: p for p in data["providers"] if p["capacity"] > 0}
    moments = {c["id"]: datetime.fromisoformat(c["requested_at"]) for c in data["children"]}
    resident_prefs = {}
    applicants: dict[str, list[dict]] = {pid: [] for pid in providers}
    for child in data["children"]:
        wishes = [pid for pid in child["wishes"] if pid in providers]
        if wishes:
            resident_prefs[child["id"]] = wishes
            for pid in wishes:
                applicants[pid].append(child)

    def rank(provider: dict, child: dict) -> tuple:
        meets = {
            "working": child["working"],
            "foster": child["foster"],
            "sibling": provider["id"] in child["siblings_at"],
        }
        order = provider["priority_order"]
        tier = next((n for n, c in enumerate(order) if meets[c]), len(order))
        return (tier, moments[child["id"]], child["id"])

    hospital_prefs = {
        pid: [c["id"] for c in sorted(kids, key=lambda c, p=providers[pid]: rank(p, c))]
        for pid, kids in applicants.items()
        if kids
    }
    capacities = {pid: providers[pid]["capacity"] for pid in hospital_prefs}
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 100_000))
    try:
        started = time.perf_counter()
        game = HospitalResident.create_from_dictionaries(resident_prefs, hospital_prefs, capacities)
        solution = game.solve(optimal="resident")
        seconds = time.perf_counter() - started
    finally:
        sys.setrecursionlimit(limit)
    assignment = dict.fromkeys((c["id"] for c in data["children"]), None)
    for hospital, residents in solution.items():
        for resident in residents:
            assignment[resident.name] = hospital.name
    return {"assignment": assignment, "seconds": round(seconds, 2)}


def compare_with_matching(seed: int) -> dict:
    places = round(PLACES * MATCHING_CHILDREN / CHILDREN)
    data = generate_round(seed, MATCHING_CHILDREN, MATCHING_PROVIDERS, places)
    ours = engine_only(data)
    ours_seconds = ours["assign_seconds"]
    theirs = solve_with_matching(data)
    if "skipped" in theirs:
        return {"round": describe_round(data), **theirs}
    same = theirs["assignment"] == ours["assignment"]
    return {
        "round": describe_round(data),
        "ours_assign_seconds": ours_seconds,
        "ours_audit_seconds": ours["audit_seconds"],
        "matching_seconds": theirs["seconds"],
        "ratio": round(theirs["seconds"] / ours_seconds, 1) if ours_seconds else None,
        "same_assignment": same,
        "different_children": sum(
            1 for cid, pid in ours["assignment"].items() if theirs["assignment"][cid] != pid
        ),
    }


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--children", type=int, default=CHILDREN)
    parser.add_argument("--providers", type=int, default=PROVIDERS)
    parser.add_argument("--places", type=int, default=PLACES)
    parser.add_argument(
        "--round-file", default=str(ROOT / "var" / "bench" / "childcare-round.json")
    )
    parser.add_argument(
        "--result-file", default=str(ROOT / "var" / "bench" / "childcare-result.json")
    )
    parser.add_argument(
        "--matching", action="store_true", help="also compare with the package matching"
    )
    parser.add_argument("--output", help="write the figures as JSON to this file")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    data = generate_round(args.seed, args.children, args.providers, args.places)
    round_path, result_path = Path(args.round_file), Path(args.result_file)
    round_path.parent.mkdir(parents=True, exist_ok=True)
    round_path.write_text(json.dumps(data), encoding="utf-8")
    shape = describe_round(data)
    print(
        f"Round: {shape['children']:,} children, {shape['providers']:,} providers "
        f"({shape['providers_without_places']:,} without a place), {shape['places']:,} places, "
        f"{shape['wishes']:,} wishes; {shape['children_sharing_a_request_moment']:,} children "
        f"share a request moment; generated in {time.perf_counter() - started:.1f} s "
        f"({round_path.stat().st_size / 1e6:.1f} MB, {round_path})."
    )
    del data
    measured = run_command(round_path, result_path)
    result = json.loads(result_path.read_text(encoding="utf-8"))
    stats = result["stats"]
    within = (
        measured["seconds"] < TARGET_SECONDS
        and measured["peak_rss_mib"] * 1024 * 1024 < TARGET_BYTES
        and result["blocking_pairs"] == []
    )
    print(
        f"Command: {measured['command']}\n"
        f"  wall {measured['seconds']:.2f} s (target < {TARGET_SECONDS:.0f} s), CPU "
        f"{measured['cpu_seconds']:.2f} s, peak memory {measured['peak_rss_mib']:.0f} MiB "
        f"(target < 1024 MiB); placed {stats['placed']:,}, at their first wish "
        f"{stats['first_wish']:,}, free places left {stats['free_places_left']:,}, blocking "
        f"pairs {len(result['blocking_pairs'])}: {'within the targets' if within else 'MISSED'}."
    )
    figures = {"round": shape, "command": measured, "stats": stats, "within_targets": within}
    if args.matching:
        comparison = compare_with_matching(args.seed)
        figures["matching"] = comparison
        if "skipped" in comparison:
            print(f"matching: skipped, {comparison['skipped']}.")
        else:
            print(
                f"matching (HospitalResident, resident-optimal) on "
                f"{comparison['round']['children']:,} children x "
                f"{comparison['round']['providers']:,} providers: "
                f"{comparison['matching_seconds']:.2f} s, ours (assign) "
                f"{comparison['ours_assign_seconds']:.3f} s, ratio {comparison['ratio']}x; "
                f"same assignment: {comparison['same_assignment']} "
                f"({comparison['different_children']} children differ)."
            )
    write_json(args.output, figures)
    if not within or not figures.get("matching", {}).get("same_assignment", True):
        raise SystemExit(1)
    return figures


if __name__ == "__main__":
    main()
