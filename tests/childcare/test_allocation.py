"""The allocation engine and its command, against ``shared/standards/childcare-allocation.md``.

The standard's worked example gives exactly the standard's output; every bad input the standard
lists is refused (exit status 2, one line naming the record, no output file); on random rounds
(hypothesis) the result respects capacity and wishes, has no blocking pair by a brute-force
check, equals a plain textbook deferred acceptance written here, and the audit finds exactly the
blocking pairs of any assignment. None of these tests may touch the database (pytest-django
refuses it without the db mark): the command works without one.
"""

import copy
import itertools
import json
import os
import subprocess
from datetime import datetime
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from huisvanhetkind.childcare import allocation

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / ".venv" / "bin" / "huisvanhetkind"
CRITERIA = ["working", "sibling", "foster"]

EXAMPLE = {
    "round": "2027-09",
    "providers": [
        {
            "id": "stekelbees-heide",
            "capacity": 1,
            "priority_order": ["sibling", "working", "foster"],
        },
        {"id": "kdv-zonnedauw", "capacity": 0, "priority_order": ["working", "sibling", "foster"]},
        {"id": "onthaalouder-an", "capacity": 1, "priority_order": []},
    ],
    "children": [
        {
            "id": "c-0001",
            "wishes": ["kdv-zonnedauw", "stekelbees-heide"],
            "requested_at": "2026-10-02T09:14:00",
            "working": True,
            "foster": False,
            "siblings_at": [],
        },
        {
            "id": "c-0002",
            "wishes": ["stekelbees-heide"],
            "requested_at": "2026-09-20T11:00:00",
            "working": False,
            "foster": False,
            "siblings_at": [],
        },
    ],
}

EXAMPLE_RESULT = {
    "round": "2027-09",
    "assignments": {"c-0001": "stekelbees-heide", "c-0002": None},
    "blocking_pairs": [],
    "stats": {"children": 2, "placed": 1, "first_wish": 0, "free_places_left": 1},
}


# --- The plain, obviously correct versions the engine is checked against -------------------------


def rank(provider: dict, child: dict) -> tuple:
    """The standard's rule, word for word: tier, then request time, then id."""
    order = provider["priority_order"]
    tier = len(order)
    for position, criterion in enumerate(order):
        met = provider["id"] in child["siblings_at"] if criterion == "sibling" else child[criterion]
        if met:
            tier = position
            break
    return (tier, datetime.fromisoformat(child["requested_at"]), child["id"])


def textbook_deferred_acceptance(data: dict) -> dict:
    """Gale and Shapley in rounds: every free child proposes to its next wish, every provider
    keeps the best of what it holds and the new proposals up to its capacity, until nobody
    proposes."""
    providers = {p["id"]: p for p in data["providers"]}
    children = {c["id"]: c for c in data["children"]}
    proposals_made = dict.fromkeys(children, 0)
    held = {pid: [] for pid in providers}
    while True:
        holding = {cid for kids in held.values() for cid in kids}
        proposing = [
            cid
            for cid, child in children.items()
            if cid not in holding and proposals_made[cid] < len(child["wishes"])
        ]
        if not proposing:
            break
        for cid in proposing:
            pid = children[cid]["wishes"][proposals_made[cid]]
            proposals_made[cid] += 1
            held[pid].append(cid)
        for pid, kids in held.items():
            provider = providers[pid]
            kids.sort(key=lambda cid, p=provider: rank(p, children[cid]))
            del kids[provider["capacity"] :]
    assignment = dict.fromkeys(children)
    for pid, kids in held.items():
        for cid in kids:
            assignment[cid] = pid
    return assignment


def brute_force_blocking_pairs(data: dict, assignment: dict) -> list[list[str]]:
    """Every child and every provider, compared with every child the provider holds."""
    pairs = []
    for child in data["children"]:
        own = assignment[child["id"]]
        for provider in data["providers"]:
            pid = provider["id"]
            if pid not in child["wishes"] or pid == own:
                continue
            if own is not None and child["wishes"].index(own) < child["wishes"].index(pid):
                continue
            holds = [c for c in data["children"] if assignment[c["id"]] == pid]
            if len(holds) < provider["capacity"] or any(
                rank(provider, other) > rank(provider, child) for other in holds
            ):
                pairs.append([child["id"], pid])
    return pairs


def check_feasible(data: dict, assignment: dict) -> None:
    assert list(assignment) == [c["id"] for c in data["children"]]
    for child in data["children"]:
        pid = assignment[child["id"]]
        assert pid is None or pid in child["wishes"]
    for provider in data["providers"]:
        held = sum(1 for pid in assignment.values() if pid == provider["id"])
        assert held <= provider["capacity"]


# --- Random rounds ---------------------------------------------------------------------------------

ORDERS = [[], *map(list, itertools.permutations(CRITERIA))]
# Few moments, so that request dates tie; the space one sorts after the T one as a time, before
# it as text.
MOMENTS = [
    "2026-01-05T09:00:00",
    "2026-01-05 08:00:00",
    "2026-01-05T09:00:00.500000",
    "2026-02-01T00:00",
]
# Ids whose code-point order differs from a locale's (capitals first, accents after z).
CHILD_ID = st.text(alphabet="aAzZé€😀-0", min_size=1, max_size=4)


@st.composite
def rounds(draw, max_providers: int = 5, max_children: int = 10) -> dict:
    provider_count = draw(st.integers(1, max_providers))
    pids = [f"p{j}" for j in range(provider_count)]
    providers = [
        {
            "id": pid,
            "capacity": draw(st.integers(0, 3)),
            "priority_order": draw(st.sampled_from(ORDERS)),
        }
        for pid in pids
    ]
    ids = draw(st.lists(CHILD_ID, max_size=max_children, unique=True))
    children = []
    for cid in ids:
        wishes = draw(st.permutations(pids))[: draw(st.integers(1, provider_count))]
        children.append(
            {
                "id": cid,
                "wishes": wishes,
                "requested_at": draw(st.sampled_from(MOMENTS)),
                "working": draw(st.booleans()),
                "foster": draw(st.booleans()),
                "siblings_at": draw(st.lists(st.sampled_from(pids), max_size=2, unique=True)),
            }
        )
    return {"round": "r", "providers": providers, "children": children}


PROPERTY = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(rounds())
def test_a_random_round_is_stable_feasible_and_plain_deferred_acceptance(data):
    assert allocation.validate(data) == []
    result = allocation.allocate(data)
    assignment = result["assignments"]
    check_feasible(data, assignment)
    assert brute_force_blocking_pairs(data, assignment) == []
    assert result["blocking_pairs"] == []
    assert assignment == textbook_deferred_acceptance(data)
    placed = sum(1 for pid in assignment.values() if pid is not None)
    assert result["stats"] == {
        "children": len(data["children"]),
        "placed": placed,
        "first_wish": sum(1 for c in data["children"] if assignment[c["id"]] == c["wishes"][0]),
        "free_places_left": sum(p["capacity"] for p in data["providers"]) - placed,
    }


@st.composite
def rounds_with_any_assignment(draw):
    """A round and a feasible assignment that need not be stable: what the audit must judge."""
    data = draw(rounds())
    free = {p["id"]: p["capacity"] for p in data["providers"]}
    assignment = {}
    for child in data["children"]:
        options = [None, *[pid for pid in child["wishes"] if free[pid] > 0]]
        pid = draw(st.sampled_from(options))
        if pid is not None:
            free[pid] -= 1
        assignment[child["id"]] = pid
    return data, assignment


@PROPERTY
@given(rounds_with_any_assignment())
def test_the_audit_finds_exactly_the_blocking_pairs_of_any_assignment(case):
    data, assignment = case
    found = allocation.blocking_pairs(data, assignment)
    assert sorted(found) == sorted(brute_force_blocking_pairs(data, assignment))


@settings(max_examples=150, deadline=None)
@given(rounds(max_providers=3, max_children=4))
def test_no_stable_assignment_is_better_for_any_child(data):
    """Child-optimal, by enumerating every feasible assignment of a small round."""
    ours = allocation.assign(data)

    def preference(child: dict, pid) -> int:
        return len(child["wishes"]) if pid is None else child["wishes"].index(pid)

    children = data["children"]
    capacity = {p["id"]: p["capacity"] for p in data["providers"]}
    for choice in itertools.product(*([None, *c["wishes"]] for c in children)):
        if any(choice.count(pid) > places for pid, places in capacity.items()):
            continue
        other = {c["id"]: pid for c, pid in zip(children, choice, strict=True)}
        if brute_force_blocking_pairs(data, other):
            continue
        for c in children:
            assert preference(c, ours[c["id"]]) <= preference(c, other[c["id"]])


# --- The rule, case by case ----------------------------------------------------------------------


def one_provider_round(order, *children, capacity=1) -> dict:
    return {
        "round": "r",
        "providers": [{"id": "p", "capacity": capacity, "priority_order": order}],
        "children": [
            {
                "wishes": ["p"],
                "requested_at": "2026-01-05T09:00:00",
                "working": False,
                "foster": False,
                "siblings_at": [],
                **child,
            }
            for child in children
        ],
    }


def winner(data: dict) -> str:
    assert allocation.validate(data) == []
    placed = [cid for cid, pid in allocation.assign(data).items() if pid is not None]
    assert len(placed) == 1
    return placed[0]


def test_the_worked_example_gives_exactly_the_standards_result():
    assert allocation.validate(EXAMPLE) == []
    assert allocation.allocate(copy.deepcopy(EXAMPLE)) == EXAMPLE_RESULT


def test_a_tie_in_tier_and_time_goes_to_the_lower_id_in_code_point_order():
    assert winner(one_provider_round([], {"id": "b"}, {"id": "a"})) == "a"
    # Code points, not a dictionary order: Z (90) before a (97), z (122) before é (233).
    assert winner(one_provider_round([], {"id": "a"}, {"id": "Z"})) == "Z"
    assert winner(one_provider_round([], {"id": "kind-é"}, {"id": "kind-z"})) == "kind-z"


def test_request_times_are_compared_as_times_not_as_text():
    early = {"id": "b", "requested_at": "2026-01-05T08:59:59"}
    late = {"id": "a", "requested_at": "2026-01-05 09:00:00"}  # sorts first as text
    assert winner(one_provider_round([], late, early)) == "b"
    fraction = {"id": "a", "requested_at": "2026-01-05T09:00:00.000001"}
    whole = {"id": "b", "requested_at": "2026-01-05T09:00"}
    assert winner(one_provider_round([], fraction, whole)) == "b"


def test_an_empty_priority_order_puts_every_child_in_tier_zero():
    later_with_everything = {
        "id": "a",
        "requested_at": "2026-03-01T09:00:00",
        "working": True,
        "foster": True,
        "siblings_at": ["p"],
    }
    earlier_with_nothing = {"id": "b", "requested_at": "2026-01-01T09:00:00"}
    assert winner(one_provider_round([], later_with_everything, earlier_with_nothing)) == "b"


def test_the_tiers_follow_the_providers_order_and_a_child_takes_its_best_criterion():
    order = ["foster", "sibling", "working"]
    late = "2026-06-01T09:00:00"
    foster = {"id": "f", "foster": True, "requested_at": late}
    sibling = {"id": "s", "siblings_at": ["p"], "requested_at": late}
    working = {"id": "w", "working": True, "requested_at": late}
    nothing = {"id": "n"}  # the earliest request, with the lowest id
    assert winner(one_provider_round(order, foster, sibling, working, nothing)) == "f"
    assert winner(one_provider_round(order, sibling, working, nothing)) == "s"
    assert winner(one_provider_round(order, working, nothing)) == "w"
    # Working and a sibling: the sibling (tier 1) counts, before an earlier foster-less sibling.
    both = {"id": "b", "working": True, "siblings_at": ["p"], "requested_at": late}
    earlier_working = {"id": "e", "working": True}
    assert winner(one_provider_round(order, both, earlier_working)) == "b"


def test_a_sibling_counts_only_at_the_provider_named_in_siblings_at():
    data = {
        "round": "r",
        "providers": [
            {"id": "p", "capacity": 1, "priority_order": ["sibling", "working", "foster"]},
            {"id": "q", "capacity": 0, "priority_order": []},
        ],
        "children": [
            {
                "id": "sibling-elsewhere",
                "wishes": ["p"],
                "requested_at": "2026-06-01T09:00:00",
                "working": False,
                "foster": False,
                "siblings_at": ["q"],
            },
            {
                "id": "sibling-here",
                "wishes": ["p"],
                "requested_at": "2026-06-02T09:00:00",
                "working": False,
                "foster": False,
                "siblings_at": ["p"],
            },
        ],
    }
    assert winner(data) == "sibling-here"


def test_a_provider_without_places_places_nobody_and_its_wishers_go_on():
    data = copy.deepcopy(EXAMPLE)
    data["children"][1]["wishes"] = ["kdv-zonnedauw", "onthaalouder-an"]
    assert allocation.assign(data) == {"c-0001": "stekelbees-heide", "c-0002": "onthaalouder-an"}


# --- The command -----------------------------------------------------------------------------------


def write_round(tmp_path: Path, data, name: str = "round.json") -> Path:
    path = tmp_path / name
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
        path.write_text(text, encoding="utf-8")
    return path


def test_the_command_writes_the_standards_result_for_the_worked_example(tmp_path):
    result = tmp_path / "result.json"
    call_command("childcare-allocate", str(write_round(tmp_path, EXAMPLE)), output=str(result))
    assert json.loads(result.read_text(encoding="utf-8")) == EXAMPLE_RESULT
    # No temporary file is left behind.
    assert {p.name for p in tmp_path.iterdir()} == {"round.json", "result.json"}


def test_the_command_writes_to_standard_output_with_a_dash_in_utf8(tmp_path):
    data = copy.deepcopy(EXAMPLE)
    data["children"][0]["id"] = "kind-é"
    stdout = StringIO()
    call_command("childcare-allocate", str(write_round(tmp_path, data)), output="-", stdout=stdout)
    assert '"kind-é": "stekelbees-heide"' in stdout.getvalue()
    assert json.loads(stdout.getvalue())["assignments"] == {
        "kind-é": "stekelbees-heide",
        "c-0002": None,
    }


def child(data: dict, index: int) -> dict:
    return data["children"][index]


def provider(data: dict, index: int) -> dict:
    return data["providers"][index]


# Each bad input of the standard: how to make it, and what its one line must name.
BAD_INPUTS = {
    "missing provider id": (lambda d: provider(d, 2).pop("id"), "providers[2]"),
    "empty child id": (lambda d: child(d, 0).update(id=""), "children[0]"),
    "numeric child id": (lambda d: child(d, 0).update(id=7), "children[0]"),
    "duplicated provider id": (
        lambda d: provider(d, 2).update(id="stekelbees-heide"),
        "providers[2] (stekelbees-heide)",
    ),
    "duplicated child id": (lambda d: child(d, 1).update(id="c-0001"), "children[1] (c-0001)"),
    "missing round": (lambda d: d.pop("round"), "round"),
    "empty round": (lambda d: d.update(round=""), "round"),
    "unknown wish": (
        lambda d: child(d, 1).update(wishes=["kdv-nergens"]),
        "children[1] (c-0002)",
    ),
    "unknown sibling provider": (
        lambda d: child(d, 1).update(siblings_at=["kdv-nergens"]),
        "children[1] (c-0002)",
    ),
    "duplicated wish": (
        lambda d: child(d, 1).update(wishes=["stekelbees-heide", "stekelbees-heide"]),
        "children[1] (c-0002)",
    ),
    "no wish": (lambda d: child(d, 1).update(wishes=[]), "children[1] (c-0002)"),
    "thirteen wishes": (
        lambda d: (
            d["providers"].extend(
                {"id": f"p{n}", "capacity": 1, "priority_order": []} for n in range(13)
            ),
            child(d, 1).update(wishes=[f"p{n}" for n in range(13)]),
        ),
        "children[1] (c-0002)",
    ),
    "negative capacity": (lambda d: provider(d, 1).update(capacity=-1), "kdv-zonnedauw"),
    "float capacity": (lambda d: provider(d, 1).update(capacity=2.0), "kdv-zonnedauw"),
    "boolean capacity": (lambda d: provider(d, 1).update(capacity=True), "kdv-zonnedauw"),
    "text capacity": (lambda d: provider(d, 1).update(capacity="3"), "kdv-zonnedauw"),
    "missing capacity": (lambda d: provider(d, 1).pop("capacity"), "kdv-zonnedauw"),
    "two criteria": (
        lambda d: provider(d, 0).update(priority_order=["working", "sibling"]),
        "stekelbees-heide",
    ),
    "a criterion twice": (
        lambda d: provider(d, 0).update(priority_order=["working", "working", "foster"]),
        "stekelbees-heide",
    ),
    "an unknown criterion": (
        lambda d: provider(d, 0).update(priority_order=["working", "sibling", "income"]),
        "stekelbees-heide",
    ),
    "four criteria": (
        lambda d: provider(d, 0).update(priority_order=[*CRITERIA, "working"]),
        "stekelbees-heide",
    ),
    "a criterion as text": (
        lambda d: provider(d, 0).update(priority_order="working"),
        "stekelbees-heide",
    ),
    "working as text": (lambda d: child(d, 0).update(working="ja"), "children[0] (c-0001)"),
    "working as number": (lambda d: child(d, 0).update(working=1), "children[0] (c-0001)"),
    "missing foster": (lambda d: child(d, 0).pop("foster"), "children[0] (c-0001)"),
    "unreadable requested_at": (
        lambda d: child(d, 0).update(requested_at="gisteren"),
        "children[0] (c-0001)",
    ),
    "requested_at as number": (
        lambda d: child(d, 0).update(requested_at=20261002),
        "children[0] (c-0001)",
    ),
    "requested_at with Z": (
        lambda d: child(d, 0).update(requested_at="2026-10-02T09:14:00Z"),
        "children[0] (c-0001)",
    ),
    "requested_at with an offset": (
        lambda d: child(d, 0).update(requested_at="2026-10-02T09:14:00+02:00"),
        "children[0] (c-0001)",
    ),
}


def refused(tmp_path: Path, round_text_or_data) -> list[str]:
    """Run the command on a bad round: it must refuse with status 2 and write nothing. Returns
    the lines it printed on standard error."""
    path = write_round(tmp_path, round_text_or_data)
    result = tmp_path / "result.json"
    stderr = StringIO()
    with pytest.raises(CommandError) as refusal:
        call_command("childcare-allocate", str(path), output=str(result), stderr=stderr)
    assert refusal.value.returncode == 2
    assert "niets geschreven" in str(refusal.value)
    assert not result.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["round.json"]
    return stderr.getvalue().splitlines()


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_each_bad_input_of_the_standard_is_refused_with_one_line_naming_the_record(tmp_path, case):
    make_bad, record = BAD_INPUTS[case]
    data = copy.deepcopy(EXAMPLE)
    make_bad(data)
    assert allocation.validate(data)
    lines = refused(tmp_path, data)
    assert len(lines) == 1, lines
    assert record in lines[0]


@pytest.mark.parametrize(
    "text",
    ['{"round": "2027-09", ', "", "[1, 2", '{"round": NaN}', b'{"round": "\xff"}', "[" * 200_000],
    ids=["cut off", "empty", "unclosed list", "NaN", "not UTF-8", "nested too deep"],
)
def test_malformed_json_is_refused_with_one_line(tmp_path, text):
    lines = refused(tmp_path, text)
    assert len(lines) == 1
    assert "round.json" in lines[0]


def test_a_round_that_is_no_object_is_refused(tmp_path):
    assert refused(tmp_path, "[]") == [
        "De invoer is geen JSON-object met round, providers en children."
    ]


def test_every_problem_gets_its_own_line(tmp_path):
    data = copy.deepcopy(EXAMPLE)
    data.pop("round")
    provider(data, 1).update(capacity=1.5)
    child(data, 0).update(requested_at="2026-10-02T09:14:00Z", working=None)
    child(data, 1).update(wishes=["stekelbees-heide", "nergens", "stekelbees-heide"])
    lines = refused(tmp_path, data)
    assert len(lines) == 6, lines
    assert lines[0].startswith("round")
    assert "providers[1] (kdv-zonnedauw)" in lines[1]
    assert sum("children[0] (c-0001)" in line for line in lines) == 2
    assert sum("children[1] (c-0002)" in line for line in lines) == 2


def test_a_result_that_cannot_be_written_leaves_no_file(tmp_path):
    (tmp_path / "out").mkdir()
    with pytest.raises(CommandError) as failure:
        call_command(
            "childcare-allocate",
            str(write_round(tmp_path, EXAMPLE)),
            output=str(tmp_path / "out"),
            stderr=StringIO(),
        )
    assert "kan niet geschreven worden" in str(failure.value)
    assert {p.name for p in tmp_path.iterdir()} == {"round.json", "out"}
    assert list((tmp_path / "out").iterdir()) == []


def test_the_messages_quote_the_wrong_value_and_say_what_is_expected():
    data = copy.deepcopy(EXAMPLE)
    provider(data, 1).pop("capacity")
    child(data, 0).update(working="ja")
    assert allocation.validate(data) == [
        "providers[1] (kdv-zonnedauw): capacity ontbreekt (moet een geheel getal ≥ 0 zijn).",
        'children[0] (c-0001): working is "ja", maar moet true of false zijn.',
    ]


def test_a_missing_round_file_is_refused(tmp_path):
    stderr = StringIO()
    with pytest.raises(CommandError) as refusal:
        call_command(
            "childcare-allocate",
            str(tmp_path / "nergens.json"),
            output=str(tmp_path / "result.json"),
            stderr=stderr,
        )
    assert refusal.value.returncode == 2
    assert "nergens.json" in stderr.getvalue()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(not SCRIPT.exists(), reason="no .venv/bin/huisvanhetkind")
def test_the_console_script_exits_2_on_bad_input_and_0_on_the_example_without_a_database(
    tmp_path,
):
    # A database file that does not exist: the command must not need one (nor migrations).
    env = {
        **os.environ,
        "DEBUG": "1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'no-database.sqlite3'}",
    }
    bad = copy.deepcopy(EXAMPLE)
    child(bad, 1).update(requested_at="2026-09-20T11:00:00+02:00")
    result = tmp_path / "result.json"
    refusal = subprocess.run(  # noqa: S603
        [
            str(SCRIPT),
            "childcare-allocate",
            str(write_round(tmp_path, bad, "bad.json")),
            "--output",
            str(result),
        ],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert refusal.returncode == 2
    problem_lines = [
        line for line in refusal.stderr.splitlines() if not line.startswith("CommandError")
    ]
    assert len(problem_lines) == 1
    assert "children[1] (c-0002)" in problem_lines[0]
    assert not result.exists()

    done = subprocess.run(  # noqa: S603
        [
            str(SCRIPT),
            "childcare-allocate",
            str(write_round(tmp_path, EXAMPLE)),
            "--output",
            str(result),
        ],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(result.read_text(encoding="utf-8")) == EXAMPLE_RESULT
    assert not (tmp_path / "no-database.sqlite3").exists()
