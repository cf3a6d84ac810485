"""Queue the reminders about services not verified for 12 months (run daily, e.g. from cron)."""

from django.core.management.base import BaseCommand

from huisvanhetkind.catalogue.tasks import send_verification_reminders


class Command(BaseCommand):
    help = "Queue the e-mails to partners whose services were not verified for 12 months."

    def handle(self, *args, **options):
        result = send_verification_reminders.enqueue()
        self.stdout.write(f"Queued task {result.id} ({result.status}).")
