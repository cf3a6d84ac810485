"""Background work of "stel je vraag" (run by `huisvanhetkind db_worker`, queued from cron)."""

from django_tasks import task

from huisvanhetkind.questions import services


@task()
def send_question_reminders() -> dict:
    """Remind handlers the working day before a deadline; escalate late questions."""
    return services.questions_send_reminders()


@task()
def erase_expired_questions() -> int:
    """Erase personal data of questions closed, answered or left open without activity longer
    than QUESTION_RETENTION_DAYS ago."""
    return services.questions_erase_expired()
