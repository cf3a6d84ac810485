"""Queue the erasure of personal data in registrations past their retention (run daily)."""

from django.core.management.base import BaseCommand

from huisvanhetkind.activities.tasks import erase_expired_registrations


class Command(BaseCommand):
    help = "Queue the erasure of personal data of registrations past the retention period."

    def handle(self, *args, **options):
        result = erase_expired_registrations.enqueue()
        self.stdout.write(f"Queued task {result.id} ({result.status}).")
