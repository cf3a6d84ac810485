"""Background work of the allocation rounds (run by `huisvanhetkind db_worker`)."""

from datetime import date

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from huisvanhetkind.childcare import services_rounds
from huisvanhetkind.childcare.models import AllocationRound
from huisvanhetkind.childcare.months import add_months, first_of_month

# A round is deleted this many months after its start month (the register's rule).
ROUND_RETENTION_MONTHS = 12


@task()
def expire_offers() -> int:
    """Expire the placements nobody answered by their round's deadline (the request waits for
    the next round again); return how many. Each one is locked and checked again, so a second
    run beside this one expires nothing twice and sends no second e-mail."""
    today = timezone.localdate()
    expired = 0
    for placement_id in list(services_rounds.expiry_due(today).values_list("pk", flat=True)):
        with transaction.atomic():
            if services_rounds.placement_expire(placement_id=placement_id, today=today):
                expired += 1
    return expired


def rounds_cutoff(now) -> date:
    """Rounds of a start month before this day are due for deletion at ``now``."""
    return add_months(first_of_month(timezone.localdate(now)), -ROUND_RETENTION_MONTHS)


@task()
def erase_old_rounds() -> int:
    """Delete the rounds whose start month is 12 months or more ago."""
    return services_rounds.rounds_erase_expired(cutoff=rounds_cutoff(timezone.now()))


def rounds_due(now):
    """The rounds ``erase_old_rounds`` deletes at ``now``: 12 months after their start month."""
    return AllocationRound.objects.filter(month__lt=rounds_cutoff(now))
