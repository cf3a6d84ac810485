"""Background work of the babytheek (run by `huisvanhetkind db_worker`, queued by the
scheduler): overdue reminders, the waitlist and the erasure after the retention period."""

from django_tasks import task

from huisvanhetkind.babytheek import services


@task()
def send_overdue_reminders() -> int:
    """E-mail the families whose loan is overdue (once a week per loan)."""
    return services.loans_remind_overdue()


@task()
def notify_waitlists() -> int:
    """Tell the first family waiting for an item that can be picked up today (once)."""
    return services.waitlists_notify()


@task()
def erase_expired_memberships() -> int:
    """Erase memberships BABYTHEEK_RETENTION_MONTHS after they ended and the last loan came
    back."""
    return services.memberships_erase_expired()


@task()
def erase_expired_waitlist() -> int:
    """Remove waitlist entries some time after they were told, or after waiting too long."""
    return services.waitlist_erase_expired()
