"""Queue the erasure of personal data in questions past their retention (run daily from cron)."""

from django.core.management.base import BaseCommand

from huisvanhetkind.questions.tasks import erase_expired_questions


class Command(BaseCommand):
    help = (
        "Queue the erasure of personal data of questions closed, answered or left open without "
        "activity for longer than the retention period (QUESTION_RETENTION_DAYS)."
    )

    def handle(self, *args, **options):
        result = erase_expired_questions.enqueue()
        self.stdout.write(f"Queued task {result.id} ({result.status}).")
