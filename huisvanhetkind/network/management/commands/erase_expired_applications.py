"""Queue the erasure of personal data in declined partner applications past their retention
(run daily from cron)."""

from django.core.management.base import BaseCommand

from huisvanhetkind.network.tasks import erase_expired_applications


class Command(BaseCommand):
    help = (
        "Queue the erasure of personal data of partner applications declined longer than the "
        "retention period ago."
    )

    def handle(self, *args, **options):
        result = erase_expired_applications.enqueue()
        self.stdout.write(f"Queued task {result.id} ({result.status}).")
