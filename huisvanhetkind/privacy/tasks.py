"""Background work of privacy (run by `huisvanhetkind db_worker`, enqueued by the scheduler)."""

from django_tasks import task

from huisvanhetkind.privacy import services, services_requests


@task()
def erase_expired_sessions() -> int:
    """Delete expired log-in sessions."""
    return services.sessions_erase_expired()


@task()
def erase_expired_task_results() -> int:
    """Delete the results of background tasks finished more than 30 days ago."""
    return services.task_results_erase_expired()


@task()
def erase_answered_requests() -> int:
    """Delete the requests of the log answered more than five years ago."""
    return services_requests.requests_erase_expired()
