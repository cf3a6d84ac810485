"""The allocation engine of the childcare desk: exactly ``shared/standards/childcare-allocation.md``.

``validate(data)`` lists the problems of a round's input (one line each, naming the record);
``allocate(data)`` returns the result (assignments, the independent audit of blocking pairs and
the statistics) for a valid input. Pure Python, no database: the command
``huisvanhetkind childcare-allocate`` and the desk's rounds both call it.

How it stays fast at the scale of Flanders (63,000 children, 5,700 providers, up to 12 wishes):

- ``assign`` ranks once: every child gets one ordinal in the order of (``requested_at``, ``id``),
  every provider a table from the child's three criteria to its tier, and every wish an integer
  key ``tier * children + ordinal`` (lower is better, unique per provider). Each provider holds
  its children in a heap of negated keys, so the worst one it holds is at the top: a proposal
  costs O(log capacity), and the whole deferred acceptance O(wishes x log capacity).
- ``blocking_pairs`` shares nothing with ``assign``: it ranks with plain tuples
  (tier, moment, id) computed its own way, finds each provider's worst placed child and checks
  every wish a child ranked above its own place, O(wishes).
"""

import json
from datetime import datetime
from heapq import heappush, heapreplace

CRITERIA = ("working", "sibling", "foster")
MAX_WISHES = 12
_SHOWN_ID_LENGTH = 80
_MISSING = object()  # a key that is not in the record

# The bits of a child's criteria at one provider (the index into a provider's tier table).
_WORKING, _SIBLING, _FOSTER = 1, 2, 4
_BIT = {"working": _WORKING, "sibling": _SIBLING, "foster": _FOSTER}


# --- Validation ----------------------------------------------------------------------------------


def _shown(value, quoted: bool = False) -> str:
    """An id (a text as it is) or a value (as JSON, with ``quoted``) as it appears in a
    message: on one line, not endlessly long."""
    as_is = isinstance(value, str) and not quoted
    text = value if as_is else json.dumps(value, ensure_ascii=False)
    if not text.isprintable():
        text = repr(text)[1:-1]
    if len(text) > _SHOWN_ID_LENGTH:
        text = text[: _SHOWN_ID_LENGTH - 1] + "…"
    return text


def _wrong(name: str, field: str, value, expected: str) -> str:
    """The line of a field that is missing or has a value of the wrong kind."""
    if value is _MISSING:
        return f"{name}: {field} ontbreekt (moet {expected} zijn)."
    return f"{name}: {field} is {_shown(value, quoted=True)}, maar moet {expected} zijn."


def parse_moment(value) -> datetime | None:
    """``requested_at`` as a datetime, or None when it is no ISO 8601 date-time string."""
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def _valid_order(order) -> bool:
    return isinstance(order, list) and (
        order == []
        or (
            len(order) == len(CRITERIA)
            and all(isinstance(item, str) for item in order)
            and sorted(order) == sorted(CRITERIA)
        )
    )


def _validate_providers(providers: list, problems: list[str]) -> set[str]:
    provider_ids: set[str] = set()
    for index, provider in enumerate(providers):
        name = f"providers[{index}]"
        if not isinstance(provider, dict):
            problems.append(f"{name}: is geen object.")
            continue
        pid = provider.get("id")
        if not isinstance(pid, str) or not pid:
            problems.append(f"{name}: id ontbreekt, is leeg of is geen tekst.")
        elif pid in provider_ids:
            problems.append(f"{name} ({_shown(pid)}): id komt twee keer voor.")
        else:
            provider_ids.add(pid)
            name = f"{name} ({_shown(pid)})"
        capacity = provider.get("capacity", _MISSING)
        if isinstance(capacity, bool) or not isinstance(capacity, int) or capacity < 0:
            problems.append(_wrong(name, "capacity", capacity, "een geheel getal ≥ 0"))
        order = provider.get("priority_order", _MISSING)
        if not _valid_order(order):
            problems.append(
                _wrong(
                    name,
                    "priority_order",
                    order,
                    '[] of "working", "sibling" en "foster" elk precies één keer',
                )
            )
    return provider_ids


def _validate_wishes(name: str, wishes, provider_ids: set[str], problems: list[str]) -> None:
    if not isinstance(wishes, list):
        problems.append(
            _wrong(name, "wishes", wishes, f"een lijst van 1 tot {MAX_WISHES} opvanglocaties")
        )
        return
    if not 1 <= len(wishes) <= MAX_WISHES:
        problems.append(
            f"{name}: wishes noemt {len(wishes)} opvanglocaties, maar moet er 1 tot "
            f"{MAX_WISHES} noemen."
        )
        return
    seen: set[str] = set()
    for wish in wishes:
        if not isinstance(wish, str) or wish not in provider_ids:
            problems.append(f"{name}: de wens {_shown(wish)} is geen opvang van deze ronde.")
        elif wish in seen:
            problems.append(f"{name}: de wens {_shown(wish)} komt twee keer voor.")
        else:
            seen.add(wish)


def _validate_child(name: str, child: dict, provider_ids: set[str], problems: list[str]) -> None:
    _validate_wishes(name, child.get("wishes", _MISSING), provider_ids, problems)
    for flag in ("working", "foster"):
        value = child.get(flag, _MISSING)
        if not isinstance(value, bool):
            problems.append(_wrong(name, flag, value, "true of false"))
    siblings = child.get("siblings_at", [])
    if not isinstance(siblings, list):
        problems.append(_wrong(name, "siblings_at", siblings, "een lijst van opvanglocaties"))
    else:
        for sibling in siblings:
            if not isinstance(sibling, str) or sibling not in provider_ids:
                problems.append(
                    f"{name}: siblings_at noemt {_shown(sibling)}, geen opvang van deze ronde."
                )
    requested = child.get("requested_at", _MISSING)
    moment = parse_moment(requested)
    if moment is None:
        problems.append(
            _wrong(
                name,
                "requested_at",
                requested,
                "een datum en tijd in ISO 8601 zonder tijdzone (zoals 2026-10-02T09:14:00)",
            )
        )
    elif moment.tzinfo is not None:
        problems.append(
            f"{name}: requested_at {_shown(requested)} mag geen tijdzone hebben (lokale tijd)."
        )


def validate(data) -> list[str]:
    """Every problem of ``data`` as one clear line; empty when it is a valid round."""
    problems: list[str] = []
    if not isinstance(data, dict):
        return ["De invoer is geen JSON-object met round, providers en children."]
    if not isinstance(data.get("round"), str) or not data.get("round"):
        problems.append("round: ontbreekt, is leeg of is geen tekst.")
    providers = data.get("providers")
    children = data.get("children")
    if not isinstance(providers, list):
        problems.append("providers: ontbreekt of is geen lijst.")
        providers = []
    if not isinstance(children, list):
        problems.append("children: ontbreekt of is geen lijst.")
        children = []
    provider_ids = _validate_providers(providers, problems)
    child_ids: set[str] = set()
    for index, child in enumerate(children):
        name = f"children[{index}]"
        if not isinstance(child, dict):
            problems.append(f"{name}: is geen object.")
            continue
        cid = child.get("id")
        if not isinstance(cid, str) or not cid:
            problems.append(f"{name}: id ontbreekt, is leeg of is geen tekst.")
        elif cid in child_ids:
            problems.append(f"{name} ({_shown(cid)}): id komt twee keer voor.")
        else:
            child_ids.add(cid)
            name = f"{name} ({_shown(cid)})"
        _validate_child(name, child, provider_ids, problems)
    return problems


# --- The engine: child-proposing deferred acceptance ----------------------------------------------


def _tier_table(order: list[str]) -> tuple[int, ...]:
    """A provider's tier for each of the 8 combinations of the criterion bits."""
    table = []
    for bits in range(8):
        tier = len(order)
        for position, criterion in enumerate(order):
            if bits & _BIT[criterion]:
                tier = position
                break
        table.append(tier)
    return tuple(table)


def assign(data: dict) -> dict[str, str | None]:
    """Child-proposing deferred acceptance on a valid round: the child-optimal stable assignment,
    every child of the input (in its order) with its provider id or None."""
    providers = data["providers"]
    children = data["children"]
    count = len(children)
    pids = [provider["id"] for provider in providers]
    index_of = {pid: j for j, pid in enumerate(pids)}
    capacity = [provider["capacity"] for provider in providers]
    tables = [_tier_table(provider["priority_order"]) for provider in providers]
    ids = [child["id"] for child in children]
    # One ordinal per child: earlier request first, then id in code-point order.
    by_date = sorted(
        range(count), key=lambda i: (datetime.fromisoformat(children[i]["requested_at"]), ids[i])
    )
    ordinal = [0] * count
    for position, i in enumerate(by_date):
        ordinal[i] = position
    # A provider's tier per criterion bits, already multiplied by the number of children.
    scaled = [tuple(tier * count for tier in table) for table in tables]
    wishes: list[list[int]] = []
    keys: list[list[int]] = []
    for i, child in enumerate(children):
        base = (_WORKING if child["working"] else 0) | (_FOSTER if child["foster"] else 0)
        rank = ordinal[i]
        wished = list(map(index_of.__getitem__, child["wishes"]))
        wishes.append(wished)
        siblings = child.get("siblings_at")
        if siblings:
            keys.append(
                [scaled[j][base | _SIBLING if pids[j] in siblings else base] + rank for j in wished]
            )
        else:
            keys.append([scaled[j][base] + rank for j in wished])
    heaps: list[list[int]] = [[] for _ in providers]
    next_wish = [0] * count
    for start in range(count):
        i = start
        while i >= 0:
            wished, wish_keys, k = wishes[i], keys[i], next_wish[i]
            rejected = -1
            while k < len(wished):
                j, key = wished[k], wish_keys[k]
                k += 1
                heap = heaps[j]
                if len(heap) < capacity[j]:
                    heappush(heap, -key)
                    break
                if heap and -heap[0] > key:
                    rejected = by_date[-heapreplace(heap, -key) % count]
                    break
            next_wish[i] = k
            i = rejected
    assignment: dict[str, str | None] = dict.fromkeys(ids)
    for j, heap in enumerate(heaps):
        for negative in heap:
            assignment[ids[by_date[-negative % count]]] = pids[j]
    return assignment


# --- The audit, independent of the engine ---------------------------------------------------------


def _audit_rank(order: list[str], pid: str, child: dict, moment: datetime) -> tuple:
    """How the provider ``pid`` with ``order`` ranks ``child`` (lower is better), straight from
    the standard's words: the first criterion met, then the request time, then the id."""
    tier = len(order)
    for position, criterion in enumerate(order):
        if criterion == "sibling":
            met = pid in (child.get("siblings_at") or ())
        else:
            met = child[criterion] is True
        if met:
            tier = position
            break
    return (tier, moment, child["id"])


def assignment_problems(data: dict, assignment: dict[str, str | None]) -> list[str]:
    """What makes ``assignment`` no assignment of this round at all: a child missing or unknown,
    placed at a provider it did not wish, a provider over its capacity."""
    problems = []
    children = {child["id"]: child for child in data["children"]}
    capacity = {provider["id"]: provider["capacity"] for provider in data["providers"]}
    if set(assignment) != set(children):
        problems.append("the assignment does not name exactly the children of the round")
    counts = dict.fromkeys(capacity, 0)
    for cid, pid in assignment.items():
        if pid is None:
            continue
        if cid not in children or pid not in children[cid]["wishes"]:
            problems.append(f"{cid} is placed at {pid}, which it did not wish")
        elif pid in counts:
            counts[pid] += 1
    problems.extend(
        f"{pid} holds {counts[pid]} children for {capacity[pid]} places"
        for pid in capacity
        if counts[pid] > capacity[pid]
    )
    return problems


def blocking_pairs(data: dict, assignment: dict[str, str | None]) -> list[list[str]]:
    """The audit, independent of ``assign``: every (child, provider) pair where the child wishes
    the provider more than its own place (or has none) and the provider has a free place or
    holds a child it ranks below this one. O(wishes)."""
    providers = {provider["id"]: provider for provider in data["providers"]}
    children = data["children"]
    moments = {child["id"]: parse_moment(child["requested_at"]) for child in children}
    placed = dict.fromkeys(providers, 0)
    worst: dict[str, tuple] = {}
    for child in children:
        pid = assignment.get(child["id"])
        if pid is None:
            continue
        placed[pid] += 1
        rank = _audit_rank(providers[pid]["priority_order"], pid, child, moments[child["id"]])
        if pid not in worst or rank > worst[pid]:
            worst[pid] = rank
    pairs = []
    for child in children:
        own = assignment.get(child["id"])
        for pid in child["wishes"]:
            if pid == own:
                break
            provider = providers[pid]
            if placed[pid] < provider["capacity"] or (
                pid in worst
                and _audit_rank(provider["priority_order"], pid, child, moments[child["id"]])
                < worst[pid]
            ):
                pairs.append([child["id"], pid])
    return pairs


def allocate(data: dict) -> dict:
    """The result of a valid round, in the standard's output format."""
    assignment = assign(data)
    broken = assignment_problems(data, assignment)
    if broken:
        raise RuntimeError("The allocation engine broke its own rules: " + "; ".join(broken))
    placed = sum(1 for pid in assignment.values() if pid is not None)
    first = sum(1 for c in data["children"] if assignment[c["id"]] == c["wishes"][0])
    capacity = sum(p["capacity"] for p in data["providers"])
    return {
        "round": data["round"],
        "assignments": assignment,
        "blocking_pairs": blocking_pairs(data, assignment),
        "stats": {
            "children": len(data["children"]),
            "placed": placed,
            "first_wish": first,
            "free_places_left": capacity - placed,
        },
    }
