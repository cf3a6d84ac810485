"""Plain SQL for the few reads that every public page makes (docs/performance.md, *Load test*).

Building and compiling a query with the ORM costs about half a millisecond to a millisecond of
CPU, often more than the database takes to answer it; on the pages that families ask for most
(the offer search, the calendar) that was the largest single cost. The reads here are written
once as SQL text that runs unchanged on SQLite and PostgreSQL: ``%s`` parameters, no
vendor-specific functions, table and column names as Django creates them.
"""

from collections.abc import Iterable, Sequence

from django.db import connection


def rows(sql: str, params: Sequence = ()) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def one(sql: str, params: Sequence = ()) -> tuple | None:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()


def placeholders(values: Iterable) -> str:
    """``%s, %s, ...``, one per value, for ``IN (...)``; ``NULL`` (which matches nothing) for no
    values."""
    return ", ".join("%s" for _ in values) or "NULL"
