"""Background work of core (run by `huisvanhetkind db_worker`, enqueued by the scheduler)."""

from django_tasks import task

from huisvanhetkind.core import health, requeue, services, throttle


@task()
def send_todo_digests() -> int:
    """E-mail each professional who asked for it their to-do list (see
    ``services.todo_digests_send``); return how many e-mails were sent."""
    return services.todo_digests_send()


@task()
def worker_heartbeat() -> dict:
    """The task worker's sign of life for ``/readyz`` (see ``health.worker_heartbeat_record``)."""
    return health.worker_heartbeat_record()


@task()
def requeue_stuck_tasks() -> dict:
    """Put tasks that a dead worker left in "running" back in the queue (see ``core.requeue``)."""
    return requeue.requeue_job()


@task()
def erase_expired_throttle_counts() -> int:
    """Delete the database's rate-limit counters whose window has passed (``core.throttle``)."""
    return throttle.throttle_counts_erase_expired()
