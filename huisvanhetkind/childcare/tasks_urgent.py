"""Background work of the urgent requests (run by `huisvanhetkind db_worker`)."""

from django_tasks import task

from huisvanhetkind.childcare import services_urgent


@task()
def erase_ended_urgent_requests() -> int:
    """Erase the urgent requests that ended (answered or withdrawn) over 12 months ago."""
    return services_urgent.urgent_requests_erase_ended()
