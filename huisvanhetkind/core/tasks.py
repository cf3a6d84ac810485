"""Background work of core (run by `huisvanhetkind db_worker`, enqueued by the scheduler)."""

from django_tasks import task

from huisvanhetkind.core import health, services


@task()
def send_todo_digests() -> int:
    """E-mail each professional who asked for it their to-do list (see
    ``services.todo_digests_send``); return how many e-mails were sent."""
    return services.todo_digests_send()


@task()
def worker_heartbeat() -> dict:
    """The task worker's sign of life for ``/readyz`` (see ``health.worker_heartbeat_record``)."""
    return health.worker_heartbeat_record()
