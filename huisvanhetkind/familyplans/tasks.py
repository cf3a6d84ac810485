"""Background work of the family plan (run by `huisvanhetkind db_worker`)."""

from django_tasks import task

from huisvanhetkind.familyplans import services


@task()
def erase_expired_family_plans() -> int:
    """Delete the plans the family asked to erase, closed ones past their retention, and open
    ones no partner could see for as long."""
    return services.plans_erase_expired()
