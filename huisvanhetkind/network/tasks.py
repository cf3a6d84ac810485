"""Background work of the network (run by `huisvanhetkind db_worker`, queued from cron)."""

from django_tasks import task

from huisvanhetkind.network import services


@task()
def erase_expired_applications() -> int:
    """Erase personal data of partner applications declined longer than
    PARTNER_APPLICATION_RETENTION_DAYS ago."""
    return services.applications_erase_expired()
