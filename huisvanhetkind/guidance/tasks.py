"""Background work of guidance (run by `huisvanhetkind db_worker`, enqueued by the scheduler)."""

from django_tasks import task

from huisvanhetkind.guidance import services


@task()
def erase_expired_caseloads() -> int:
    """Erase the family data of guidance ended longer than GUIDANCE_RETENTION_DAYS ago, or whose
    consent was withdrawn or expired."""
    return services.caseloads_erase_expired()
