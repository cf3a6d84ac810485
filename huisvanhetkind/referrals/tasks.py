"""Background work of referrals (run by `huisvanhetkind db_worker`, enqueued by the scheduler)."""

from django_tasks import task

from huisvanhetkind.referrals import services_clock


@task()
def send_referral_reminders() -> dict:
    """Remind the receiving partner the working day before the deadline; escalate late
    referrals to the house's coordinators."""
    return services_clock.referrals_send_reminders()


@task()
def expire_referrals() -> int:
    """Expire the running referrals whose consent ended."""
    return services_clock.referrals_expire()


@task()
def erase_expired_referrals() -> int:
    """Erase what families shared in referrals that ended longer than REFERRAL_RETENTION_DAYS
    (12 months) ago."""
    return services_clock.referrals_erase_expired()
