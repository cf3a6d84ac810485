"""Background work of the childcare requests (run by `huisvanhetkind db_worker`)."""

from django_tasks import task

from huisvanhetkind.childcare import services_requests


@task()
def send_request_reminders() -> dict:
    """Ask families every 3 months whether their request is still needed; remind once more a
    month later; close the request (and tell the family) after two unanswered reminders.
    Each request is handled under its lock, so a second run sends nothing twice."""
    return services_requests.requests_send_reminders()


@task()
def erase_expired_requests() -> int:
    """Erase requests that ended more than 12 months ago (REQUEST_RETENTION_DAYS)."""
    return services_requests.requests_erase_expired()
