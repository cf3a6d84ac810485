"""Background work of the family record (run by `huisvanhetkind db_worker`)."""

from django_tasks import task

from huisvanhetkind.families import services


@task()
def erase_orphaned_families() -> int:
    """Delete the family records nothing links to any more, 30 days after they were created or
    last changed (ORPHAN_GRACE_DAYS), with their children."""
    return services.families_erase_orphaned()
