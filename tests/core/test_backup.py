"""`huisvanhetkind backup` and `huisvanhetkind restore`: pg_dump plus the media in one file with
checksums, restored only into an empty database and only when every checksum is right.

The round trips need PostgreSQL (pg_dump and pg_restore): they run when the suite runs on
PostgreSQL (DATABASE_URL=postgres://...), against the test database and throw-away databases of
their own on the same server (unique names, dropped afterwards), and are skipped on SQLite."""

import hashlib
import io
import json
import os
import stat
import subprocess
import sys
import tarfile
import uuid
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from huisvanhetkind.core import backup
from huisvanhetkind.core.models import JobRun

needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="pg_dump and pg_restore need the suite on PostgreSQL (DATABASE_URL=postgres://...)",
)


def _conninfo(dbname: str) -> dict:
    db = connection.settings_dict
    info = {"dbname": dbname, "host": db["HOST"] or None, "port": db["PORT"] or None}
    if db["USER"]:
        info["user"] = db["USER"]
    if db["PASSWORD"]:
        info["password"] = db["PASSWORD"]
    return {k: v for k, v in info.items() if v is not None}


def _url(dbname: str) -> str:
    db = connection.settings_dict
    credentials = quote(db["USER"] or "", safe="")
    if db["PASSWORD"]:
        credentials += ":" + quote(db["PASSWORD"], safe="")
    return f"postgres://{credentials}@{db['HOST'] or ''}:{db['PORT'] or 5432}/{dbname}"


@contextmanager
def throwaway_database():
    """A new, empty database on the test database's server, dropped afterwards."""
    name = f"hvhk_restore_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(**_conninfo("postgres"), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield name
    finally:
        with psycopg.connect(**_conninfo("postgres"), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def query(dbname: str, sql: str) -> list[tuple]:
    with psycopg.connect(**_conninfo(dbname)) as db:
        return db.execute(sql).fetchall()


def restore_command(path: Path, dbname: str, var_dir: Path) -> subprocess.CompletedProcess:
    """`huisvanhetkind restore FILE` in its own process, on the database ``dbname``."""
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(DATABASE_URL=_url(dbname), VAR_DIR=str(var_dir))
    return subprocess.run(
        [sys.executable, "manage.py", "restore", str(path)],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture
def media_root(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    photo = settings.MEDIA_ROOT / "activities" / "zomerkamp.jpg"
    photo.parent.mkdir(parents=True)
    photo.write_bytes(b"\xff\xd8\xff not really a jpeg")
    # And a document served only through a view (PRIVATE_FILES_ROOT), backed up beside it.
    settings.PRIVATE_FILES_ROOT = tmp_path / "private"
    document = settings.PRIVATE_FILES_ROOT / "steering" / "verslag.pdf"
    document.parent.mkdir(parents=True)
    document.write_bytes(b"%PDF-1.7 minutes")
    return settings.MEDIA_ROOT


def make_backup(tmp_path) -> Path:
    out = io.StringIO()
    call_command("backup", output_dir=tmp_path / "backups", keep_days=0, stdout=out)
    (path,) = (tmp_path / "backups").glob("huisvanhetkind-*.tar")
    assert f"Backup written to {path}" in out.getvalue()
    return path


def rewritten(path: Path, target: Path, change) -> Path:
    """A copy of the backup ``path`` at ``target`` whose members went through ``change(name,
    data) -> data``."""
    with tarfile.open(path) as source, tarfile.open(target, "w") as copy:
        for member in source.getmembers():
            data = change(member.name, source.extractfile(member).read())
            info = tarfile.TarInfo(member.name)
            info.size = len(data)
            copy.addfile(info, io.BytesIO(data))
    return target


# The round trip (PostgreSQL) -----------------------------------------------------------------


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_a_backup_restores_into_an_empty_database_with_its_media(tmp_path, media_root):
    JobRun.objects.create(name="test.back-up", due_at=datetime(2026, 12, 1, tzinfo=UTC))
    path = make_backup(tmp_path)

    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    with tarfile.open(path) as bundle:
        assert sorted(bundle.getnames()) == sorted(backup.MEMBERS)
        manifest = json.load(bundle.extractfile("MANIFEST.json"))
        sums = bundle.extractfile("SHA256SUMS").read().decode()
    assert manifest["format"] == "huisvanhetkind-backup"
    assert manifest["media_files"] == 1
    assert manifest["private_files"] == 1
    assert manifest["database"]["migrations"]["core"] >= "0003_heartbeats"
    for member in ("database.dump", "media.tar", "private.tar"):
        assert f"{manifest['files'][member]['sha256']}  {member}\n" in sums

    with throwaway_database() as name:
        restored = restore_command(path, name, tmp_path / "restored")
        assert restored.returncode == 0, restored.stderr[-3000:]
        assert "Restored the backup of" in restored.stdout
        assert query(name, "SELECT due_at FROM core_jobrun WHERE name = 'test.back-up'") == [
            (datetime(2026, 12, 1, tzinfo=UTC),)
        ]
        tables = {row[0] for row in query(name, "SELECT tablename FROM pg_tables")}
        assert {"core_heartbeat", "django_migrations", "network_house"} <= tables
        photo = tmp_path / "restored" / "media" / "activities" / "zomerkamp.jpg"
        assert photo.read_bytes() == (media_root / "activities" / "zomerkamp.jpg").read_bytes()
        document = tmp_path / "restored" / "private" / "steering" / "verslag.pdf"
        assert document.read_bytes() == b"%PDF-1.7 minutes"

        # Now that it is no longer empty, a second restore is refused and changes nothing.
        again = restore_command(path, name, tmp_path / "again")
        assert again.returncode != 0
        assert f"The database '{name}' is not empty" in again.stderr
        assert "Nothing was restored" in again.stderr
        assert query(name, "SELECT count(*) FROM core_jobrun WHERE name = 'test.back-up'") == [(1,)]


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_a_restore_into_a_database_in_use_is_refused(tmp_path, media_root, settings):
    JobRun.objects.create(name="test.in-use", due_at=datetime(2026, 12, 1, tzinfo=UTC))
    path = make_backup(tmp_path)
    settings.MEDIA_ROOT = tmp_path / "empty-media"

    with pytest.raises(CommandError, match="is not empty .* Nothing was restored"):
        call_command("restore", str(path))

    # The control: the database is as it was.
    assert JobRun.objects.filter(name="test.in-use").count() == 1
    assert not (tmp_path / "empty-media").exists()


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_a_backup_with_a_wrong_checksum_is_refused_before_anything_changes(tmp_path, media_root):
    path = make_backup(tmp_path)
    damaged = rewritten(
        path,
        tmp_path / "damaged.tar",
        lambda name, data: data[:-1] + bytes([data[-1] ^ 1]) if name == "database.dump" else data,
    )

    with throwaway_database() as name:
        refused = restore_command(damaged, name, tmp_path / "restored")
        assert refused.returncode != 0
        assert "Checksum mismatch for database.dump" in refused.stderr
        assert "Nothing was restored" in refused.stderr
        assert query(name, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") == [(0,)]
        assert not (tmp_path / "restored" / "media").exists()

        # The control: the undamaged backup restores into the same database.
        restored = restore_command(path, name, tmp_path / "restored")
        assert restored.returncode == 0, restored.stderr[-3000:]
        assert query(name, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")[0][0] > 50


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_a_media_directory_with_files_is_refused(tmp_path, media_root):
    path = make_backup(tmp_path)
    busy = tmp_path / "busy"
    (busy / "media").mkdir(parents=True)
    (busy / "media" / "other.jpg").write_bytes(b"x")

    with throwaway_database() as name:
        refused = restore_command(path, name, busy)
        assert refused.returncode != 0
        assert "media directory" in refused.stderr and "is not empty" in refused.stderr
        assert query(name, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") == [(0,)]


# Checks that need no PostgreSQL --------------------------------------------------------------


def test_backups_need_postgresql():
    with pytest.raises(backup.BackupError, match="need PostgreSQL"):
        backup.Database.from_settings({"ENGINE": "django.db.backends.sqlite3", "NAME": "x"})
    database = backup.Database.from_settings(
        {"ENGINE": "django.db.backends.postgresql", "NAME": "hvhk", "PASSWORD": "s3cret"}
    )
    assert database.environment()["PGPASSWORD"] == "s3cret"
    assert database.environment()["PGDATABASE"] == "hvhk"


@pytest.mark.skipif(
    connection.vendor == "postgresql", reason="the refusal of SQLite, on the SQLite suite"
)
@pytest.mark.django_db
def test_on_sqlite_the_commands_say_that_they_need_postgresql(tmp_path):
    with pytest.raises(CommandError, match="need PostgreSQL"):
        call_command("backup", output_dir=tmp_path)
    with pytest.raises(CommandError, match="need PostgreSQL"):
        call_command("restore", str(tmp_path / "x.tar"))


def _bundle(tmp_path, members: dict[str, bytes], name="b.tar") -> Path:
    path = tmp_path / name
    with tarfile.open(path, "w") as bundle:
        for member, data in members.items():
            info = tarfile.TarInfo(member)
            info.size = len(data)
            bundle.addfile(info, io.BytesIO(data))
    return path


def _valid_members(dump=b"PGDMP dump") -> dict[str, bytes]:
    media = io.BytesIO()
    with tarfile.open(fileobj=media, mode="w"):
        pass
    files = {
        "database.dump": dump,
        "media.tar": media.getvalue(),
    }
    manifest = {
        "format": backup.FORMAT,
        "version": 1,  # a backup of the first version (no private files) is still read
        "media_files": 0,
        "files": {
            name: {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
            for name, data in files.items()
        },
    }
    return {**files, "MANIFEST.json": json.dumps(manifest).encode(), "SHA256SUMS": b""}


def test_reading_a_backup_checks_its_members_and_checksums(tmp_path):
    good = _bundle(tmp_path, _valid_members())
    (tmp_path / "ok").mkdir()
    assert backup.backup_read(good, tmp_path / "ok")["format"] == backup.FORMAT

    members = _valid_members()
    members["database.dump"] = b"PGDMP changed"
    (tmp_path / "changed").mkdir()
    with pytest.raises(backup.BackupError, match="Checksum mismatch for database.dump"):
        backup.backup_read(_bundle(tmp_path, members, "changed.tar"), tmp_path / "changed")

    members = {**_valid_members(), "../escape": b"x"}
    (tmp_path / "foreign").mkdir()
    with pytest.raises(backup.BackupError, match="not a backup of this platform"):
        backup.backup_read(_bundle(tmp_path, members, "foreign.tar"), tmp_path / "foreign")
    assert not (tmp_path / "escape").exists()

    (tmp_path / "text.tar").write_text("not a tar file")
    (tmp_path / "text").mkdir()
    with pytest.raises(backup.BackupError, match="not a readable backup"):
        backup.backup_read(tmp_path / "text.tar", tmp_path / "text")


def test_old_backups_are_deleted_after_the_retention_and_nothing_else(tmp_path):
    now = datetime(2026, 12, 31, 2, 0, tzinfo=UTC)
    for name in (
        "huisvanhetkind-20261125T020000Z.tar",  # 36 days old
        "huisvanhetkind-20261126T030000Z.tar",  # just under 35 days
        "huisvanhetkind-20261230T020000Z.tar",
        "huisvanhetkind-20201125T020000Z.tar.partial",
        "notes.txt",
    ):
        (tmp_path / name).write_text("x")

    removed = backup.backups_prune(directory=tmp_path, keep_days=35, now=now)

    assert [path.name for path in removed] == ["huisvanhetkind-20261125T020000Z.tar"]
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "huisvanhetkind-20201125T020000Z.tar.partial",
        "huisvanhetkind-20261126T030000Z.tar",
        "huisvanhetkind-20261230T020000Z.tar",
        "notes.txt",
    ]


def test_a_pg_dump_older_than_the_server_is_refused(tmp_path, monkeypatch):
    tool = tmp_path / "pg_dump"
    tool.write_text("#!/bin/sh\necho 'pg_dump (PostgreSQL) 13.16 (Debian 13.16-0+deb11u1)'\n")
    tool.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path}:{os.environ['PATH']}")

    with pytest.raises(backup.BackupError, match="version 13 but the server is PostgreSQL 15"):
        backup._check_tool_version("pg_dump", 15)
    backup._check_tool_version("pg_dump", 13)  # the control: the same major version is fine
