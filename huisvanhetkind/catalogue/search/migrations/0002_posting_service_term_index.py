"""Make the index of the postings by service cover the term and the weight.

A search starts from the services the caller's filters select and reads, per service, its
postings of the query's terms: with this index that is a few index lookups and no table reads.
The index keeps the name Django gives the index of the foreign key.
"""

from django.db import migrations

NAME = "search_searchposting_service_id_a7c9f2ba"
TABLE = "search_searchposting"

COVERING = {
    "sqlite": f'CREATE INDEX "{NAME}" ON "{TABLE}" ("service_id", "term_id", "weight")',
    "postgresql": f'CREATE INDEX "{NAME}" ON "{TABLE}" ("service_id", "term_id") INCLUDE ("weight")',
}
PLAIN = f'CREATE INDEX "{NAME}" ON "{TABLE}" ("service_id")'


def replace_index(schema_editor, statement):
    schema_editor.execute(f'DROP INDEX "{NAME}"')
    schema_editor.execute(statement)


def cover(apps, schema_editor):
    statement = COVERING.get(schema_editor.connection.vendor)
    if statement:
        replace_index(schema_editor, statement)


def uncover(apps, schema_editor):
    if schema_editor.connection.vendor in COVERING:
        replace_index(schema_editor, PLAIN)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_search_index")]

    operations = [migrations.RunPython(cover, uncover, elidable=False)]
