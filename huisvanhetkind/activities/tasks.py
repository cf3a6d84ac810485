"""Background work of activities (run by `huisvanhetkind db_worker`, queued from cron)."""

from django_tasks import task

from huisvanhetkind.activities import services


@task()
def send_activity_reminders() -> int:
    """E-mail everyone registered for a session that starts tomorrow."""
    return services.registrations_send_reminders()


@task()
def erase_expired_registrations() -> int:
    """Erase personal data of registrations REGISTRATION_RETENTION_DAYS after their session."""
    return services.registrations_erase_expired()
