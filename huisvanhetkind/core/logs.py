"""Structured logs: one JSON object per line, with the request id carried from the proxy into the
tasks a request enqueues (docs/operations.md, *Logs*).

- **Context.** What a log line says about where it comes from (the request id, the user's id,
  the house, the task) lives in a context variable: the request middleware (``core.requests``)
  binds it for a request, the task backend (``core.taskqueue``) for a task the worker runs. Each
  thread of an app server has its own context, so lines of concurrent requests never mix.
- **Formatters.** ``JsonFormatter`` (``LOG_FORMAT=json``, the default without DEBUG) writes
  ``time``, ``level``, ``logger``, ``message``, the context and the request fields (``method``,
  ``path``, ``status``, ``duration_ms``) of a line; ``TextFormatter`` (``LOG_FORMAT=text``, the
  default with DEBUG) the same on one readable line.
- **No personal data.** The context holds ids only (a user's id, never an e-mail address or a
  name; a house's slug); the request line's path is the route (``/<house_slug>/vragen/<token>/``),
  never the address that was asked, nor its query string or form.

This module imports nothing of Django, so that gunicorn's own loggers may use its formatters.
"""

import contextlib
import contextvars
import json
import logging
import re
import uuid
from datetime import UTC, datetime

# The fields a line may carry beside time, level, logger and message, in the order they are
# written: the context first, then what a request line adds.
CONTEXT_FIELDS = ("request_id", "user_id", "house", "task", "task_id")
REQUEST_FIELDS = ("method", "path", "view", "status", "duration_ms")
# A request id from the proxy is used only when it looks like one (nginx's $request_id is 32 hex
# digits); anything else is replaced, so that a client cannot write into the logs.
REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
# A safety net under the rule that no line names a person: an e-mail address in a message or an
# error (a database error quoting a value, say) is written as "…".
EMAIL = re.compile(r"[^\s@<>()\[\]\"',;:=]+@[^\s@<>()\[\]\"',;:=]+\.[A-Za-z]{2,}")

_context: contextvars.ContextVar[dict | None] = contextvars.ContextVar("log_context", default=None)


def _current() -> dict:
    return _context.get() or {}


def new_request_id() -> str:
    return uuid.uuid4().hex


def valid_request_id(value: str | None) -> str | None:
    """``value`` when it is usable as a request id, otherwise None."""
    return value if value and REQUEST_ID.match(value) else None


def log_context() -> dict:
    """The current context (a copy)."""
    return dict(_current())


def current_request_id() -> str | None:
    return _current().get("request_id")


def bind(**values) -> None:
    """Add ``values`` to the current context (until the enclosing ``bound`` ends)."""
    _context.set({**_current(), **{k: v for k, v in values.items() if v is not None}})


def replace_context(values: dict) -> None:
    """Make ``values`` the whole current context (a task's context ends: the one before it)."""
    _context.set(dict(values))


@contextlib.contextmanager
def bound(**values):
    """Within the block, log lines carry ``values`` (on top of the context around it)."""
    token = _context.set({**_current(), **{k: v for k, v in values.items() if v is not None}})
    try:
        yield
    finally:
        _context.reset(token)


def scrub(text: str) -> str:
    return EMAIL.sub("…", text)


def _fields(record: logging.LogRecord) -> dict:
    """The context and request fields of a record: those passed with ``extra`` win."""
    fields = {}
    context = _current()
    for name in CONTEXT_FIELDS:
        value = getattr(record, name, None)
        if value is None:
            value = context.get(name)
        if value is not None:
            fields[name] = value
    # Django's own lines about a request ("Not Found: ...") are written after the middleware
    # ended the request's context: their record carries the request, which carries its id.
    if "request_id" not in fields:
        request_id = getattr(getattr(record, "request", None), "request_id", None)
        if isinstance(request_id, str):
            fields = {"request_id": request_id, **fields}
    for name in REQUEST_FIELDS:
        value = getattr(record, name, None)
        if value is not None:
            fields[name] = value
    return fields


class JsonFormatter(logging.Formatter):
    """One JSON object per line."""

    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": scrub(record.getMessage()),
            **_fields(record),
        }
        if record.exc_info:
            line["exception"] = scrub(self.formatException(record.exc_info))
        elif record.exc_text:
            line["exception"] = scrub(record.exc_text)
        if record.stack_info:
            line["stack"] = self.formatStack(record.stack_info)
        return json.dumps(line, ensure_ascii=False, default=str)


class TextFormatter(logging.Formatter):
    """The same fields on one readable line (development)."""

    def __init__(self, *args, **kwargs):
        super().__init__(fmt="%(asctime)s %(levelname)s %(name)s: %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        text = scrub(super().format(record))
        fields = _fields(record)
        if not fields:
            return text
        head, _, tail = text.partition("\n")
        extra = " ".join(f"{name}={value}" for name, value in fields.items())
        return f"{head} [{extra}]" + (f"\n{tail}" if tail else "")


# Requests ------------------------------------------------------------------------------------


def route_path(request) -> str:
    """The route that answered a request (``/<slug:house_slug>/vragen/<str:token>/``), or its
    path when none did (a 404 of the resolver): never a private page's key or a query string."""
    match = getattr(request, "resolver_match", None)
    if match is None or not match.route:
        return request.path
    return "/" + match.route


class RoutePathFilter(logging.Filter):
    """Django's own lines about a request (``django.request``: "Not Found: /path") name the route
    instead of the address that was asked."""

    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None)
        path = getattr(request, "path", None)
        if path is None or not isinstance(record.args, tuple) or path not in record.args:
            return True
        route = route_path(request)
        record.args = tuple(route if arg == path else arg for arg in record.args)
        return True
