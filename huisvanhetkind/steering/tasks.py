"""Background work of the steering app (run by `huisvanhetkind db_worker`)."""

from django_tasks import task

from huisvanhetkind.steering import services_meetings


@task()
def follow_up_reminders() -> dict:
    """Remind the owners of overdue follow-up actions of meetings (at most once a week each)."""
    return services_meetings.follow_up_reminders()
