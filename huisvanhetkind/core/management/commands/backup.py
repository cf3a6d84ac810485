"""Back up the PostgreSQL database and the uploaded media into one file (``core.backup``)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError

from huisvanhetkind.core import backup
from huisvanhetkind.core.commands import DescribedCommand


class Command(DescribedCommand):
    help = """Back up the database (pg_dump, custom format), MEDIA_ROOT and PRIVATE_FILES_ROOT into
one file.

The file, huisvanhetkind-<UTC time>.tar, holds database.dump, media.tar, private.tar,
MANIFEST.json and SHA256SUMS (the checksums that `huisvanhetkind restore` checks). It is readable by its owner
only and holds personal data (encrypted fields stay encrypted: the keys are not in it).
Afterwards the backups in the same directory older than BACKUP_RETENTION_DAYS (35) are
deleted, so that erased data leaves the backups within that many days (docs/operations.md).

  huisvanhetkind backup                      into BACKUP_DIR (default VAR_DIR/backups)
  huisvanhetkind backup --output-dir /srv/b  elsewhere
  huisvanhetkind backup --keep-days 0        delete no older backup"""

    def add_arguments(self, parser):
        parser.add_argument(
            "--output-dir", type=Path, default=None, help="Directory (default: BACKUP_DIR)."
        )
        parser.add_argument(
            "--keep-days",
            type=int,
            default=None,
            help="Delete backups older than this many days there (default: "
            "BACKUP_RETENTION_DAYS, 35; 0 deletes none).",
        )

    def handle(self, *args, output_dir, keep_days, **options):
        output_dir = output_dir or Path(settings.BACKUP_DIR)
        keep_days = settings.BACKUP_RETENTION_DAYS if keep_days is None else keep_days
        if keep_days < 0:
            raise CommandError("--keep-days must be 0 or more.")
        try:
            result = backup.backup_create(
                output_dir=output_dir,
                media_root=Path(settings.MEDIA_ROOT),
                private_root=Path(settings.PRIVATE_FILES_ROOT),
                keep_days=keep_days or None,
            )
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        files = result.manifest["files"]
        self.stdout.write(
            f"Backup written to {result.path} (database {files['database.dump']['size']} bytes, "
            f"{result.manifest['media_files']} media file(s), "
            f"{result.manifest['private_files']} private file(s))."
        )
        for path in result.removed:
            self.stdout.write(f"Deleted the backup {path.name}: older than {keep_days} days.")
