"""Backups of the platform: the PostgreSQL database and the uploaded media, in one file.

A backup is an uncompressed tar file (``huisvanhetkind-<UTC time>.tar``) with five members:

- ``database.dump``: ``pg_dump --format=custom`` of the database (compressed by pg_dump);
- ``media.tar``: the files under ``MEDIA_ROOT`` (uploaded photos), paths relative to it;
- ``private.tar``: the files under ``PRIVATE_FILES_ROOT`` (documents served only through a view
  after an access check: meeting documents, the partners' library), paths relative to it;
- ``MANIFEST.json``: what it is, when it was made, from which database (server version, the
  latest migration of each app) and the size and SHA-256 of the members above;
- ``SHA256SUMS``: the same checksums in ``sha256sum -c`` format, for checking by hand.

``backup_restore`` reads it back into an empty database only: it checks every checksum before
it touches anything, refuses a database that has a table, and restores in one transaction
(``pg_restore --single-transaction --exit-on-error``), so that a failed restore leaves the
database as empty as it found it. The encryption and digest keys are not in a backup (keep them
apart, see docs/operations.md): a restore needs the same keys in the environment.

The tools are Debian's ``pg_dump`` and ``pg_restore`` (package ``postgresql-client``), of a
major version at least the server's; the password goes to them through the environment.
"""

import hashlib
import json
import os
import re
import shutil
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from django.db import connections
from django.db.migrations.recorder import MigrationRecorder

FORMAT = "huisvanhetkind-backup"
VERSION = 2
DATABASE_MEMBER = "database.dump"
MEDIA_MEMBER = "media.tar"
PRIVATE_MEMBER = "private.tar"
MANIFEST_MEMBER = "MANIFEST.json"
SUMS_MEMBER = "SHA256SUMS"
MEMBERS = (MANIFEST_MEMBER, SUMS_MEMBER, DATABASE_MEMBER, MEDIA_MEMBER, PRIVATE_MEMBER)
# What each version of the format holds (version 1 had no private files); read back are both.
DATA_MEMBERS = {
    1: (DATABASE_MEMBER, MEDIA_MEMBER),
    2: (DATABASE_MEMBER, MEDIA_MEMBER, PRIVATE_MEMBER),
}
NAME_PATTERN = re.compile(r"^huisvanhetkind-\d{8}T\d{6}Z\.tar$")
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup or a restore that cannot go ahead; the message says why, for the operator."""


@dataclass(frozen=True)
class Database:
    """Where a PostgreSQL database is, as libpq's environment variables (the password never
    goes on a command line)."""

    name: str
    user: str = ""
    password: str = ""
    host: str = ""
    port: str = ""

    @classmethod
    def from_settings(cls, settings_dict: dict) -> "Database":
        if not settings_dict["ENGINE"].endswith("postgresql"):
            raise BackupError(
                "Backups and restores need PostgreSQL (set DATABASE_URL=postgres://...); "
                f"this database is {settings_dict['ENGINE']}."
            )
        return cls(
            name=settings_dict["NAME"],
            user=settings_dict.get("USER") or "",
            password=settings_dict.get("PASSWORD") or "",
            host=settings_dict.get("HOST") or "",
            port=str(settings_dict.get("PORT") or ""),
        )

    def environment(self) -> dict:
        env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
        values = {
            "PGDATABASE": self.name,
            "PGUSER": self.user,
            "PGPASSWORD": self.password,
            "PGHOST": self.host,
            "PGPORT": self.port,
        }
        env.update({k: v for k, v in values.items() if v})
        return env


@dataclass(frozen=True)
class BackupResult:
    path: Path
    manifest: dict
    removed: list[Path]


# Helpers -------------------------------------------------------------------------------------


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise BackupError(
            f"{name} is not installed: install Debian's postgresql-client "
            "(apt-get install postgresql-client) of the server's major version."
        )
    return path


def _major(version_text: str) -> int:
    """The major version in ``pg_dump --version``'s "pg_dump (PostgreSQL) 15.20 (Debian ...)"."""
    match = re.search(r"\(PostgreSQL\)\s+(\d+)", version_text)
    if match is None:
        raise BackupError(f"Cannot read a PostgreSQL version from {version_text!r}.")
    return int(match.group(1))


def _check_tool_version(tool: str, server_major: int) -> None:
    # The tools are found on PATH by name; the arguments are ours, never a user's input.
    output = subprocess.run(  # noqa: S603
        [_tool(tool), "--version"], capture_output=True, text=True, check=True
    ).stdout
    tool_major = _major(output)
    if tool_major < server_major:
        raise BackupError(
            f"{tool} is version {tool_major} but the server is PostgreSQL {server_major}: "
            f"install postgresql-client-{server_major}."
        )


def _run(command: list[str], database: Database, what: str) -> None:
    done = subprocess.run(  # noqa: S603 - pg_dump or pg_restore with our own arguments
        command, env=database.environment(), capture_output=True, text=True
    )
    if done.returncode != 0:
        raise BackupError(f"{what} failed (exit {done.returncode}): {done.stderr.strip()[-2000:]}")


def _server_major(alias: str) -> int:
    return connections[alias].pg_version // 10000


def _latest_migrations(alias: str) -> dict:
    latest: dict[str, str] = {}
    for app, name in MigrationRecorder(connections[alias]).applied_migrations():
        latest[app] = max(latest.get(app, ""), name)
    return dict(sorted(latest.items()))


def _tar_files(media_root: Path, target: Path) -> int:
    """Write the regular files under ``media_root`` to the tar ``target``; return how many."""
    count = 0
    with tarfile.open(target, "w") as archive:
        if media_root.is_dir():
            for path in sorted(media_root.rglob("*")):
                if path.is_file() and not path.is_symlink():
                    archive.add(path, arcname=path.relative_to(media_root).as_posix())
                    count += 1
    return count


# Backup --------------------------------------------------------------------------------------


def backup_create(
    *,
    output_dir: Path,
    media_root: Path,
    private_root: Path | None = None,
    alias: str = "default",
    keep_days: int | None = None,
    now: datetime | None = None,
) -> BackupResult:
    """Write a backup of the database ``alias``, of ``media_root`` and of ``private_root`` into
    ``output_dir``
    (readable by its owner only); then, with ``keep_days``, delete the backups in that
    directory made more than ``keep_days`` days before this one (by the time in their names)."""
    now = now or datetime.now(UTC)
    database = Database.from_settings(connections[alias].settings_dict)
    connections[alias].ensure_connection()
    server_major = _server_major(alias)
    _check_tool_version("pg_dump", server_major)
    output_dir.mkdir(parents=True, exist_ok=True)
    name = f"huisvanhetkind-{now:%Y%m%dT%H%M%S}Z.tar"
    target = output_dir / name
    if target.exists():
        raise BackupError(f"{target} exists already.")

    with tempfile.TemporaryDirectory(dir=output_dir, prefix=".backup-") as work:
        work_dir = Path(work)
        dump = work_dir / DATABASE_MEMBER
        _run(
            [_tool("pg_dump"), "--format=custom", "--no-password", f"--file={dump}"],
            database,
            "pg_dump",
        )
        media_files = _tar_files(media_root, work_dir / MEDIA_MEMBER)
        private_files = _tar_files(private_root or work_dir / "none", work_dir / PRIVATE_MEMBER)
        files = {
            member: {
                "sha256": sha256_of(work_dir / member),
                "size": (work_dir / member).stat().st_size,
            }
            for member in DATA_MEMBERS[VERSION]
        }
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "created_at": now.isoformat(timespec="seconds"),
            "database": {
                "vendor": "postgresql",
                "server_major_version": server_major,
                "migrations": _latest_migrations(alias),
            },
            "media_files": media_files,
            "private_files": private_files,
            "files": files,
        }
        (work_dir / MANIFEST_MEMBER).write_text(json.dumps(manifest, indent=2, sort_keys=True))
        (work_dir / SUMS_MEMBER).write_text(
            "".join(f"{files[member]['sha256']}  {member}\n" for member in files)
        )
        partial = work_dir / f"{name}.partial"
        with tarfile.open(partial, "w") as bundle:
            for member in MEMBERS:
                bundle.add(work_dir / member, arcname=member)
        partial.chmod(0o600)
        partial.rename(target)  # only a complete backup gets its name
    removed = backups_prune(directory=output_dir, keep_days=keep_days, now=now) if keep_days else []
    return BackupResult(path=target, manifest=manifest, removed=removed)


def backup_time(path: Path) -> datetime | None:
    """When a backup was made, from its name; None for a file that is not a backup."""
    if not NAME_PATTERN.match(path.name):
        return None
    return datetime.strptime(
        path.name[len("huisvanhetkind-") : -len("Z.tar")], "%Y%m%dT%H%M%S"
    ).replace(tzinfo=UTC)


def backups_prune(*, directory: Path, keep_days: int, now: datetime) -> list[Path]:
    """Delete the backups in ``directory`` made more than ``keep_days`` days before ``now``
    (only files named as this module names them); return what was deleted."""
    limit = now - timedelta(days=keep_days)
    removed = []
    for path in sorted(directory.iterdir()):
        made = backup_time(path)
        if made is not None and made < limit and path.is_file():
            path.unlink()
            removed.append(path)
    return removed


# Restore -------------------------------------------------------------------------------------


def backup_read(path: Path, work_dir: Path) -> dict:
    """Unpack the backup ``path`` into ``work_dir`` and check it: only the expected members, a
    manifest of this format, and every checksum right. Returns the manifest."""
    if not path.is_file():
        raise BackupError(f"{path} is not a file.")
    try:
        with tarfile.open(path, "r:") as bundle:
            members = bundle.getmembers()
            names = sorted(member.name for member in members)
            expected = [
                sorted((MANIFEST_MEMBER, SUMS_MEMBER, *data)) for data in DATA_MEMBERS.values()
            ]
            if names not in expected or not all(member.isfile() for member in members):
                raise BackupError(
                    f"{path} is not a backup of this platform (members: {', '.join(names)})."
                )
            bundle.extractall(work_dir, filter="data")
    except tarfile.TarError as error:
        raise BackupError(f"{path} is not a readable backup: {error}.") from error
    try:
        manifest = json.loads((work_dir / MANIFEST_MEMBER).read_text())
    except ValueError as error:
        raise BackupError(f"The manifest of {path} is not valid JSON.") from error
    version = manifest.get("version")
    if manifest.get("format") != FORMAT or version not in DATA_MEMBERS:
        raise BackupError(
            f"{path} is not a backup of format {FORMAT} version "
            f"{' or '.join(map(str, DATA_MEMBERS))}."
        )
    if sorted((MANIFEST_MEMBER, SUMS_MEMBER, *DATA_MEMBERS[version])) != names:
        raise BackupError(f"{path} does not hold the members of version {version}.")
    for member in DATA_MEMBERS[version]:
        expected = manifest["files"][member]["sha256"]
        actual = sha256_of(work_dir / member)
        if actual != expected:
            raise BackupError(
                f"Checksum mismatch for {member} in {path}: the backup is damaged or was "
                f"changed (expected SHA-256 {expected}, found {actual}). Nothing was restored."
            )
    return manifest


def database_tables(alias: str) -> list[str]:
    """The tables in the database outside PostgreSQL's own schemas."""
    with connections[alias].cursor() as cursor:
        cursor.execute(
            "SELECT table_schema || '.' || table_name FROM information_schema.tables "
            "WHERE table_schema NOT IN ('pg_catalog', 'information_schema') "
            "ORDER BY 1"
        )
        return [row[0] for row in cursor.fetchall()]


def backup_restore(
    *, path: Path, media_root: Path, private_root: Path | None = None, alias: str = "default"
) -> dict:
    """Restore the backup ``path`` into the database ``alias``, ``media_root`` and
    ``private_root``, all empty (refused otherwise, before anything changes); returns the
    backup's manifest."""
    database = Database.from_settings(connections[alias].settings_dict)
    with tempfile.TemporaryDirectory(prefix="hvhk-restore-") as work:
        work_dir = Path(work)
        manifest = backup_read(path, work_dir)
        tables = database_tables(alias)
        if tables:
            raise BackupError(
                f"The database {database.name!r} is not empty ({len(tables)} tables, such as "
                f"{tables[0]}): a backup is restored only into an empty database. Create a new "
                "database, point DATABASE_URL at it and run the restore again. Nothing was restored."
            )
        for kind, root in (("media", media_root), ("private files", private_root)):
            if root is not None and root.is_dir() and any(root.iterdir()):
                raise BackupError(
                    f"The {kind} directory {root} is not empty: a backup is restored only into "
                    "an empty one. Nothing was restored."
                )
        server_major = _server_major(alias)
        _check_tool_version("pg_restore", server_major)
        connections[alias].close()  # pg_restore works on its own connection
        _run(
            [
                _tool("pg_restore"),
                "--no-password",
                "--no-owner",
                "--no-acl",
                "--exit-on-error",
                "--single-transaction",
                f"--dbname={database.name}",
                str(work_dir / DATABASE_MEMBER),
            ],
            database,
            "pg_restore",
        )
        targets = {MEDIA_MEMBER: media_root, PRIVATE_MEMBER: private_root}
        for member in DATA_MEMBERS[manifest["version"]][1:]:
            root = targets[member]
            if root is None:
                continue
            root.mkdir(parents=True, exist_ok=True)
            with tarfile.open(work_dir / member, "r:") as files:
                files.extractall(root, filter="data")
    return manifest
