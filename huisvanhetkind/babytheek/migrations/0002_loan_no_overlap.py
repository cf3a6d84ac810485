"""No item is reserved or lent twice for overlapping periods, whatever writes the loans.

A reserved or lent loan holds its item over [pickup_date, due_date). PostgreSQL: an exclusion
constraint over (item, daterange) on those states, with btree_gist for the equality on item_id.
SQLite: triggers before insert and update that abort on an overlap. Other databases get neither
(the services still check under a lock).
"""

from django.db import migrations

CONSTRAINT = "babytheek_loan_no_overlap"
PG_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS btree_gist",
    f"""ALTER TABLE babytheek_loan ADD CONSTRAINT {CONSTRAINT}
        EXCLUDE USING gist (item_id WITH =, daterange(pickup_date, due_date, '[)') WITH &&)
        WHERE (status IN ('reserved', 'lent'))""",
]
PG_BACKWARD = [f"ALTER TABLE babytheek_loan DROP CONSTRAINT IF EXISTS {CONSTRAINT}"]
_OVERLAP = """
    WHEN NEW.status IN ('reserved', 'lent') AND EXISTS (
        SELECT 1 FROM babytheek_loan AS other
        WHERE other.item_id = NEW.item_id AND other.status IN ('reserved', 'lent')
          AND other.id IS NOT NEW.id
          AND other.pickup_date < NEW.due_date AND NEW.pickup_date < other.due_date
    )
    BEGIN SELECT RAISE(ABORT, '{name}'); END"""
SQLITE_FORWARD = [
    f"CREATE TRIGGER {CONSTRAINT}_insert BEFORE INSERT ON babytheek_loan"
    + _OVERLAP.format(name=CONSTRAINT),
    f"CREATE TRIGGER {CONSTRAINT}_update BEFORE UPDATE ON babytheek_loan"
    + _OVERLAP.format(name=CONSTRAINT),
]
SQLITE_BACKWARD = [
    f"DROP TRIGGER IF EXISTS {CONSTRAINT}_insert",
    f"DROP TRIGGER IF EXISTS {CONSTRAINT}_update",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("babytheek", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"postgresql": PG_FORWARD, "sqlite": SQLITE_FORWARD}),
            _run({"postgresql": PG_BACKWARD, "sqlite": SQLITE_BACKWARD}),
        )
    ]
