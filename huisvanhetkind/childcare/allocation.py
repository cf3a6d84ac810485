"""The allocation engine of the childcare desk: exactly ``shared/standards/childcare-allocation.md``.

``validate(data)`` lists the problems of a round's input (one line each, naming the record);
``allocate(data)`` returns the result (assignments, the independent audit of blocking pairs and
the statistics) for a valid input. Pure Python, no database: the command
``huisvanhetkind childcare-allocate`` and the desk's rounds both call it.
"""

from datetime import datetime

CRITERIA = ("working", "sibling", "foster")
MAX_WISHES = 12


def validate(data) -> list[str]:
    """Every problem of ``data`` as one clear line; empty when it is a valid round."""
    problems: list[str] = []
    if not isinstance(data, dict):
        return ["De invoer is geen JSON-object."]
    if not isinstance(data.get("round"), str) or not data.get("round"):
        problems.append("round: ontbreekt of is leeg.")
    providers = data.get("providers")
    children = data.get("children")
    if not isinstance(providers, list):
        problems.append("providers: ontbreekt of is geen lijst.")
        providers = []
    if not isinstance(children, list):
        problems.append("children: ontbreekt of is geen lijst.")
        children = []
    provider_ids: set[str] = set()
    for index, provider in enumerate(providers):
        name = f"providers[{index}]"
        if not isinstance(provider, dict):
            problems.append(f"{name}: is geen object.")
            continue
        pid = provider.get("id")
        if not isinstance(pid, str) or not pid:
            problems.append(f"{name}: id ontbreekt of is leeg.")
        elif pid in provider_ids:
            problems.append(f"{name} ({pid}): id komt twee keer voor.")
        else:
            provider_ids.add(pid)
            name = f"{name} ({pid})"
        capacity = provider.get("capacity")
        if isinstance(capacity, bool) or not isinstance(capacity, int) or capacity < 0:
            problems.append(f"{name}: capacity moet een geheel getal ≥ 0 zijn.")
        order = provider.get("priority_order")
        if not isinstance(order, list) or (
            order != [] and sorted(map(str, order)) != sorted(CRITERIA) or len(order) not in (0, 3)
        ):
            problems.append(
                f"{name}: priority_order moet [] zijn of working, sibling en foster elk één keer."
            )
    child_ids: set[str] = set()
    for index, child in enumerate(children):
        name = f"children[{index}]"
        if not isinstance(child, dict):
            problems.append(f"{name}: is geen object.")
            continue
        cid = child.get("id")
        if not isinstance(cid, str) or not cid:
            problems.append(f"{name}: id ontbreekt of is leeg.")
        elif cid in child_ids:
            problems.append(f"{name} ({cid}): id komt twee keer voor.")
        else:
            child_ids.add(cid)
            name = f"{name} ({cid})"
        wishes = child.get("wishes")
        if not isinstance(wishes, list) or not 1 <= len(wishes) <= MAX_WISHES:
            problems.append(f"{name}: wishes moet 1 tot {MAX_WISHES} opvanglocaties noemen.")
        else:
            if len(set(map(str, wishes))) != len(wishes):
                problems.append(f"{name}: een wens komt twee keer voor.")
            for wish in wishes:
                if wish not in provider_ids:
                    problems.append(f"{name}: de wens {wish!r} is geen opvang van deze ronde.")
        for flag in ("working", "foster"):
            if not isinstance(child.get(flag), bool):
                problems.append(f"{name}: {flag} moet true of false zijn.")
        siblings = child.get("siblings_at", [])
        if not isinstance(siblings, list):
            problems.append(f"{name}: siblings_at moet een lijst zijn.")
        else:
            for sibling in siblings:
                if sibling not in provider_ids:
                    problems.append(
                        f"{name}: siblings_at noemt {sibling!r}, geen opvang van deze ronde."
                    )
        requested = child.get("requested_at")
        try:
            moment = datetime.fromisoformat(requested) if isinstance(requested, str) else None
        except ValueError:
            moment = None
        if moment is None:
            problems.append(f"{name}: requested_at is geen datum en tijd (ISO 8601).")
        elif moment.tzinfo is not None:
            problems.append(f"{name}: requested_at mag geen tijdzone hebben (lokale tijd).")
    return problems


def _rank_key(provider: dict, child: dict) -> tuple:
    """How ``provider`` ranks ``child``: tier, then request time, then id (lower is better)."""
    order = provider["priority_order"]
    tier = len(order)
    for position, criterion in enumerate(order):
        if criterion == "sibling":
            met = provider["id"] in child.get("siblings_at", [])
        else:
            met = child[criterion]
        if met:
            tier = position
            break
    return (tier, datetime.fromisoformat(child["requested_at"]), child["id"])


def assign(data: dict) -> dict[str, str | None]:
    """Child-proposing deferred acceptance: the child-optimal stable assignment."""
    providers = {p["id"]: p for p in data["providers"]}
    children = {c["id"]: c for c in data["children"]}
    held: dict[str, list[tuple]] = {pid: [] for pid in providers}
    next_wish = dict.fromkeys(children, 0)
    free = list(reversed(list(children)))
    assignment: dict[str, str | None] = dict.fromkeys(children)
    while free:
        cid = free.pop()
        child = children[cid]
        if next_wish[cid] >= len(child["wishes"]):
            continue
        pid = child["wishes"][next_wish[cid]]
        next_wish[cid] += 1
        provider = providers[pid]
        if provider["capacity"] == 0:
            free.append(cid)
            continue
        held[pid].append((_rank_key(provider, child), cid))
        held[pid].sort()
        if len(held[pid]) > provider["capacity"]:
            _, rejected = held[pid].pop()
            free.append(rejected)
    for pid, entries in held.items():
        for _, cid in entries:
            assignment[cid] = pid
    return assignment


def blocking_pairs(data: dict, assignment: dict[str, str | None]) -> list[list[str]]:
    """The audit, independent of ``assign``: every (child, provider) pair where the child wishes
    the provider more than its own place and the provider has a free place or holds a child it
    ranks below this one."""
    providers = {p["id"]: p for p in data["providers"]}
    placed: dict[str, list[dict]] = {pid: [] for pid in providers}
    children = {c["id"]: c for c in data["children"]}
    for cid, pid in assignment.items():
        if pid is not None:
            placed[pid].append(children[cid])
    worst = {
        pid: max((_rank_key(providers[pid], c) for c in kids), default=None)
        for pid, kids in placed.items()
    }
    pairs = []
    for child in data["children"]:
        own = assignment.get(child["id"])
        for pid in child["wishes"]:
            if pid == own:
                break
            provider = providers[pid]
            if len(placed[pid]) < provider["capacity"] or (
                worst[pid] is not None and _rank_key(provider, child) < worst[pid]
            ):
                pairs.append([child["id"], pid])
    return pairs


def allocate(data: dict) -> dict:
    """The result of a valid round, in the standard's output format."""
    assignment = assign(data)
    placed = [pid for pid in assignment.values() if pid is not None]
    first = sum(
        1 for c in data["children"] if c["wishes"] and assignment[c["id"]] == c["wishes"][0]
    )
    capacity = sum(p["capacity"] for p in data["providers"])
    return {
        "round": data["round"],
        "assignments": assignment,
        "blocking_pairs": blocking_pairs(data, assignment),
        "stats": {
            "children": len(data["children"]),
            "placed": len(placed),
            "first_wish": first,
            "free_places_left": capacity - len(placed),
        },
    }
