"""The to-do list of a professional: what waits for them and their organisation, across apps.

Each app contributes in its own ``todo.py`` (found by ``autodiscover``, as the admin finds
``admin.py``)::

    todo.register("questions", heading=_("Vragen van ouders"), items=question_items)

``items(user)`` returns a list of ``TodoItem``. It uses its app's selectors and access rules, so
that a person sees only what they may see, and reads a fixed number of queries however many
items there are (a long list ends in one item that counts the rest: see ``capped``). *Mijn
werkplek* shows the list, the navigation its count (``menu_count``: kept a minute per session,
so that not every page reads every app's list), and the daily digest e-mails it to whoever asked
for it (``core.tasks.send_todo_digests``).
"""

from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.core.cache import cache

from huisvanhetkind.core.models import NotificationPreference
from huisvanhetkind.core.registry import discover
from huisvanhetkind.core.throttle import CACHE_ERRORS

# Items per kind of thing before the rest is counted in one item (the page and the e-mail stay short).
LIMIT = 20


@dataclass(frozen=True)
class TodoItem:
    title: str  # never a family's personal data: the digest e-mails it
    url: str  # a path on this site
    due: date | None = None  # to be done by
    urgent: bool = False  # late: first in the list, marked
    count: int = 1  # how many things this item stands for (an item that counts the rest)
    detail: str = ""


@dataclass(frozen=True)
class Provider:
    name: str  # stable, unique: "questions"
    heading: str
    items: Callable[[object], list[TodoItem]]
    position: int = 100  # where its group comes on the page


@dataclass
class TodoGroup:
    name: str
    heading: str
    items: list[TodoItem] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(item.count for item in self.items)


@dataclass
class TodoList:
    groups: list[TodoGroup] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(group.count for group in self.groups)

    def __bool__(self) -> bool:
        return bool(self.groups)


_REGISTRY: dict[str, Provider] = {}


def register(
    name: str, *, heading: str, items: Callable[[object], list[TodoItem]], position: int = 100
) -> Provider:
    """Register what an app adds to the to-do list (at import time of its ``todo.py``)."""
    if name in _REGISTRY and _REGISTRY[name].items is not items:
        raise ValueError(f"A to-do provider named {name!r} is registered twice.")
    provider = Provider(name=name, heading=heading, items=items, position=position)
    _REGISTRY[name] = provider
    return provider


def autodiscover() -> None:
    discover("todo")


def providers() -> list[Provider]:
    """Every registered provider, in the order of the page."""
    autodiscover()
    return sorted(_REGISTRY.values(), key=lambda p: (p.position, p.name))


def _sort_key(item: TodoItem):
    # Late first, then by the date it is due (undated last), then by title.
    return (not item.urgent, item.due is None, item.due or date.max, str(item.title))


def todo_list(user) -> TodoList:
    """What waits for ``user``: one group per provider that has something, sorted within."""
    if user is None or not user.is_authenticated or not user.is_active:
        return TodoList()
    groups = []
    for provider in providers():
        items = provider.items(user)
        if items:
            groups.append(
                TodoGroup(
                    name=provider.name,
                    heading=provider.heading,
                    items=sorted(items, key=_sort_key),
                )
            )
    return TodoList(groups)


def for_request(request) -> TodoList:
    """The to-do list of the request's user, read once per request (page and navigation)."""
    if not hasattr(request, "_todo_list"):
        request._todo_list = todo_list(getattr(request, "user", None))
    return request._todo_list


def _menu_count_key(request) -> str | None:
    session_key = getattr(getattr(request, "session", None), "session_key", None)
    user = getattr(request, "user", None)
    if not session_key or user is None or not user.is_authenticated:
        return None
    return f"todo-count:{user.pk}:{session_key}"


def menu_count(request) -> int:
    """The count beside *Mijn werkplek* in the navigation: every app's list costs about half of
    a professional page, so the count is kept ``TODO_MENU_COUNT_SECONDS`` per session; a page that
    reads the list itself (*Mijn werkplek*) renews it. A session that changes nothing sees what
    others changed at most that late; its own changes and *Mijn werkplek* show at once."""
    seconds = settings.TODO_MENU_COUNT_SECONDS
    key = _menu_count_key(request) if seconds > 0 else None
    try:
        if key is not None and not hasattr(request, "_todo_list"):
            kept = cache.get(key)
            if kept is not None:
                return kept
        count = for_request(request).count
        if key is not None:
            cache.set(key, count, seconds)
    except CACHE_ERRORS:  # the cache cannot be reached: count every time
        count = for_request(request).count
    return count


class MenuCountMiddleware:
    """A session that changes something (any request but GET and HEAD) reads its count afresh
    on its next page: what it did shows at once."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method not in ("GET", "HEAD"):
            key = _menu_count_key(request)
            if key is not None:
                with suppress(*CACHE_ERRORS):  # unreachable: nothing was kept either
                    cache.delete(key)
        return response


def capped(queryset, make_item: Callable[[object], TodoItem], *, more: Callable[[int], TodoItem]):
    """The items of ``queryset`` (ordered), at most ``LIMIT``; beyond that one item made by
    ``more(number_left)`` stands for the rest. One query, two when the list is long."""
    rows = list(queryset[: LIMIT + 1])
    if len(rows) <= LIMIT:
        return [make_item(row) for row in rows]
    left = queryset.count() - LIMIT
    return [make_item(row) for row in rows[:LIMIT]] + [more(left)]


def wants_digest(user) -> bool:
    return NotificationPreference.objects.filter(user=user, daily_digest=True).exists()


def digest_subscribers():
    """The active users who asked for the daily e-mail, with their preference."""
    return (
        NotificationPreference.objects.filter(daily_digest=True, user__is_active=True)
        .select_related("user")
        .order_by("user_id")
    )
