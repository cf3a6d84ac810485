"""Re-encrypt every encrypted value under the current key (the first of FIELD_ENCRYPTION_KEYS)."""

from django.core.management.base import BaseCommand, CommandError

from huisvanhetkind.core import crypto


class Command(BaseCommand):
    help = (
        "Re-encrypt every encrypted value under the first key of FIELD_ENCRYPTION_KEYS, in "
        "batches; values already under it are left alone, so the command can run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=500, help="rows per transaction")
        parser.add_argument(
            "--dry-run", action="store_true", help="count what would change, change nothing"
        )

    def handle(self, *args, batch_size, dry_run, **options):
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        counts = crypto.reencrypt_all(batch_size=batch_size, dry_run=dry_run)
        current = crypto.keyring().current_id
        verb = "would re-encrypt" if dry_run else "re-encrypted"
        for count in counts:
            self.stdout.write(
                f"{count.label}: {verb} {count.rotated}, already under {current!r} "
                f"{count.current}, empty {count.empty}, unreadable {count.unreadable}"
            )
        rotated = sum(c.rotated for c in counts)
        unreadable = sum(c.unreadable for c in counts)
        self.stdout.write(f"Total: {verb} {rotated} value(s) under key {current!r}.")
        if unreadable:
            raise CommandError(
                f"{unreadable} value(s) could not be decrypted with the listed keys and were left "
                "as they are: add the missing key to FIELD_ENCRYPTION_KEYS and run again."
            )
