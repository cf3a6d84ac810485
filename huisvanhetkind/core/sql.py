"""Plain SQL for the few reads that every public page makes (docs/performance.md, *Load test*).

Building and compiling a query with the ORM costs about half a millisecond to a millisecond of
CPU, often more than the database takes to answer it; on the pages that families ask for most
(the offer search, the calendar) that was the largest single cost. The reads here are written
once as SQL text that runs unchanged on SQLite and PostgreSQL: ``%s`` parameters, no
vendor-specific functions, table and column names as Django creates them.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

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


class Columns:
    """A model's columns in a plain SQL read under the table alias ``alias``, and its instances
    made from a row as the ORM makes them: each value through the field's and the database's
    converters (dates on SQLite, encrypted and JSON fields), ``Model.from_db``, the fields
    left out (``defer``) loaded when first read."""

    def __init__(self, model, alias: str, *, defer: Sequence[str] = ()):
        self.model = model
        self.alias = alias
        self.fields = [f for f in model._meta.concrete_fields if f.name not in defer]
        self.names = [f.attname for f in self.fields]
        self._pk = self.names.index(model._meta.pk.attname)
        self._converters: dict[str, list] = {}

    def __len__(self) -> int:
        return len(self.fields)

    def select(self) -> str:
        quote = connection.ops.quote_name
        return ", ".join(f"{self.alias}.{quote(f.column)}" for f in self.fields)

    def _converters_now(self) -> list:
        vendor = connection.vendor
        if vendor not in self._converters:
            found = []
            for f in self.fields:
                column = f.get_col(self.alias)
                functions = connection.ops.get_db_converters(column) + f.get_db_converters(
                    connection
                )
                found.append((column, functions))
            self._converters[vendor] = found
        return self._converters[vendor]

    def instance(self, row: Sequence, start: int = 0):
        """The instance of the columns from ``start`` in ``row``; None for a missing row of an
        outer join (no primary key)."""
        values = list(row[start : start + len(self.fields)])
        for index, (column, functions) in enumerate(self._converters_now()):
            value = values[index]
            for function in functions:
                value = function(value, column, connection)
            values[index] = value
        if values[self._pk] is None:
            return None
        return self.model.from_db(connection.alias, self.names, values)


@dataclass(frozen=True)
class _Links:
    columns: Columns
    statement: str  # with {} for the placeholders of the instances' keys


_links: dict[tuple, _Links] = {}


def _links_of(model, name: str) -> _Links:
    key = (model, name, connection.vendor)
    if key not in _links:
        field = model._meta.get_field(name)
        related = field.related_model
        columns = Columns(related, "r")
        quote = connection.ops.quote_name
        order = []
        for entry in [*related._meta.ordering, "pk"]:  # names only, as in our models
            attribute = entry.lstrip("-")
            column = (
                related._meta.pk if attribute == "pk" else related._meta.get_field(attribute)
            ).column
            order.append(f"r.{quote(column)}{' DESC' if entry.startswith('-') else ''}")
        source, target = quote(field.m2m_column_name()), quote(field.m2m_reverse_name())
        statement = (
            f"SELECT t.{source}, {columns.select()}"  # noqa: S608
            f" FROM {quote(field.remote_field.through._meta.db_table)} t"
            f" INNER JOIN {quote(related._meta.db_table)} r"
            f" ON r.{quote(related._meta.pk.column)} = t.{target}"
            f" WHERE t.{source} IN ({{}}) ORDER BY {', '.join(order)}"
        )
        _links[key] = _Links(columns, statement)
    return _links[key]


def prefetch(instances: Sequence, *names: str) -> None:
    """``prefetch_related(*names)`` for the many-to-many fields ``names`` of ``instances`` (of
    one model), one plain SQL query each: ``instance.<name>.all()`` then reads no more, in the
    related model's ordering. For the public detail pages, where the ORM's prefetch queries cost
    more to build than to run."""
    if not instances:
        return
    model = type(instances[0])
    keys = list(dict.fromkeys(instance.pk for instance in instances))
    for name in names:
        links = _links_of(model, name)
        found: dict = {key: [] for key in keys}
        for row in rows(links.statement.format(placeholders(keys)), keys):
            found[row[0]].append(links.columns.instance(row, 1))
        related = links.columns.model
        for instance in instances:
            # As Django's prefetch_related_objects leaves it: a queryset whose results are in.
            queryset = related._default_manager.all()
            queryset._result_cache = found[instance.pk]
            queryset._prefetch_done = True
            instance.__dict__.setdefault("_prefetched_objects_cache", {})[name] = queryset
