"""Background work of the appointments (run by `huisvanhetkind db_worker`, queued by the
scheduler): the reminders the day before and the erasure after the retention period."""

from django_tasks import task

from huisvanhetkind.appointments import services


@task()
def send_reminders() -> int:
    """E-mail the families with an appointment tomorrow (once per appointment)."""
    return services.appointments_remind()


@task()
def erase_expired_appointments() -> int:
    """Erase the family's data of appointments APPOINTMENT_RETENTION_DAYS after their time."""
    return services.appointments_erase_expired()
