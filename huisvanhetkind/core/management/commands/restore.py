"""Restore a backup of ``huisvanhetkind backup`` into an empty database (``core.backup``)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError

from huisvanhetkind.core import backup
from huisvanhetkind.core.commands import DescribedCommand


class Command(DescribedCommand):
    help = """Restore a backup file into the configured, EMPTY PostgreSQL database and MEDIA_ROOT.

Every checksum is checked first; a damaged file, a database with any table or a media
directory with any file is refused and nothing changes. The database is restored in one
transaction. Run it with the same FIELD_ENCRYPTION_KEYS, FAMILY_DIGEST_KEYS and SECRET_KEY
as the platform that made the backup; then `huisvanhetkind migrate` when this release is
newer than the backup.

  createdb hvhk_restored
  DATABASE_URL=postgres://.../hvhk_restored huisvanhetkind restore huisvanhetkind-20261201T020000Z.tar"""

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="The backup file (.tar).")

    def handle(self, *args, file, **options):
        try:
            manifest = backup.backup_restore(
                path=file,
                media_root=Path(settings.MEDIA_ROOT),
                private_root=Path(settings.PRIVATE_FILES_ROOT),
            )
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Restored the backup of {manifest['created_at']} "
            f"({manifest['media_files']} media file(s), "
            f"{manifest.get('private_files', 0)} private file(s))."
        )
