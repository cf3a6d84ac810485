"""No two approved bookings of one room overlap, buffers included, whatever writes them.

PostgreSQL: an exclusion constraint over (room, [blocked_from, blocked_until)) on approved
bookings, with btree_gist for the equality on room_id. SQLite: triggers before insert and update
that abort on an overlap. Other databases get neither (the services still check under a lock).
"""

from django.db import migrations

CONSTRAINT = "premises_booking_no_overlap"
PG_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS btree_gist",
    f"""ALTER TABLE premises_booking ADD CONSTRAINT {CONSTRAINT}
        EXCLUDE USING gist (room_id WITH =, tstzrange(blocked_from, blocked_until, '[)') WITH &&)
        WHERE (status = 'approved')""",
]
PG_BACKWARD = [f"ALTER TABLE premises_booking DROP CONSTRAINT IF EXISTS {CONSTRAINT}"]
_OVERLAP = """
    WHEN NEW.status = 'approved' AND EXISTS (
        SELECT 1 FROM premises_booking AS other
        WHERE other.room_id = NEW.room_id AND other.status = 'approved'
          AND other.id IS NOT NEW.id
          AND other.blocked_from < NEW.blocked_until AND NEW.blocked_from < other.blocked_until
    )
    BEGIN SELECT RAISE(ABORT, '{name}'); END"""
SQLITE_FORWARD = [
    f"CREATE TRIGGER {CONSTRAINT}_insert BEFORE INSERT ON premises_booking"
    + _OVERLAP.format(name=CONSTRAINT),
    f"CREATE TRIGGER {CONSTRAINT}_update BEFORE UPDATE ON premises_booking"
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
    dependencies = [("premises", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"postgresql": PG_FORWARD, "sqlite": SQLITE_FORWARD}),
            _run({"postgresql": PG_BACKWARD, "sqlite": SQLITE_BACKWARD}),
        )
    ]
