"""Queue the reminder e-mails for tomorrow's sessions (run daily from cron)."""

from django.core.management.base import BaseCommand

from huisvanhetkind.activities.tasks import send_activity_reminders


class Command(BaseCommand):
    help = "Queue the reminder e-mails for everyone registered for a session tomorrow."

    def handle(self, *args, **options):
        result = send_activity_reminders.enqueue()
        self.stdout.write(f"Queued task {result.id} ({result.status}).")
