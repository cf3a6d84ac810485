"""Queue the reminders and escalations about question deadlines (run daily, e.g. from cron)."""

from django.core.management.base import BaseCommand

from huisvanhetkind.questions.tasks import send_question_reminders


class Command(BaseCommand):
    help = "Queue the reminders before a question's deadline and the escalations after it."

    def handle(self, *args, **options):
        result = send_question_reminders.enqueue()
        self.stdout.write(f"Queued task {result.id} ({result.status}).")
