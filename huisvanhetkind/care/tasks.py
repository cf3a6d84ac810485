"""Background work of the signal index (run by `huisvanhetkind db_worker`)."""

from django_tasks import task

from huisvanhetkind.care import services


@task()
def erase_ended_signals() -> int:
    """Delete the signals that ended: withdrawn, two years old, or the child turned 23."""
    return services.signals_erase_ended()
