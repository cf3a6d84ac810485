"""Tasks left in "running" by a worker that died, put back in the queue.

django-tasks' database backend has no lease: a worker claims a task by setting it to RUNNING,
runs it, and sets it to SUCCESSFUL or FAILED. A worker killed in between (SIGKILL, the machine
went down, out of memory) leaves the task in RUNNING for ever, and no worker takes it again. So
tasks are *at least once*: ``tasks_requeue`` sets such a task back to READY and a worker runs it
again, which is safe because every task of the platform is idempotent (a second run has no second
effect: markers on the rows, conditional updates, erasures that find nothing left to erase).

Which worker runs a task: every worker process records, when it starts a task, its worker id with
the host and process id it runs as (a ``Heartbeat`` row named ``worker:<id>``, see
``task_started_record``). A RUNNING task older than the threshold is then

- **kept** while its worker process still runs on this host (a long task, not a stuck one);
- **requeued** when its worker process is gone from this host;
- **requeued** when its worker ran on another host or is unknown: the threshold is the lease,
  so set it above the longest task (the retention jobs and imports take minutes, not 15).

A requeued run of a periodic job (``core.scheduler.run_job``) has its ``JobRun`` reset to
"queued" as well, unless the run had finished (the worker died after the job's work and before
the task's result was written: the rerun then skips it).
"""

import logging
import os
import socket
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from django.db import DatabaseError, transaction
from django.dispatch import receiver
from django.utils import timezone
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.compat import TaskResultStatus, task_started
from django_tasks_db.models import DBTaskResult

from huisvanhetkind.core import health
from huisvanhetkind.core.models import Heartbeat, JobRun

logger = logging.getLogger(__name__)

# The default threshold of the command and of the periodic job.
REQUEUE_AFTER = timedelta(minutes=15)
RUN_JOB_TASK = health.RUN_JOB_TASK
REQUEUE_JOB = "core.requeue_stuck_tasks"
WORKER_PREFIX = "worker:"
# A worker process's record is kept this long after its last task (one row per process).
WORKER_RECORDS_KEPT = timedelta(days=2)


def worker_key(worker_id: str) -> str:
    return f"{WORKER_PREFIX}{worker_id}"[: Heartbeat._meta.get_field("name").max_length]


def this_host() -> str:
    return socket.gethostname()


# Which process runs a worker id ---------------------------------------------------------------


def worker_started_task(*, worker_id: str, now: datetime | None = None) -> None:
    """Record that the worker ``worker_id`` (this process) starts a task now."""
    Heartbeat.objects.update_or_create(
        name=worker_key(worker_id),
        defaults={"beat_at": now or timezone.now(), "source": f"{this_host()}:{os.getpid()}"},
    )


@receiver(task_started, dispatch_uid="core.requeue.task_started")
def task_started_record(sender, task_result, **kwargs) -> None:
    """Receiver of django-tasks' ``task_started`` (this module is imported by
    ``CoreConfig.ready``): in a database worker, record which host and process runs the task's worker id."""
    # The worker sends the backend itself as the sender (its class when a task fails).
    if not issubclass(sender if isinstance(sender, type) else type(sender), DatabaseBackend):
        return
    if not task_result.worker_ids:
        return
    try:
        worker_started_task(worker_id=task_result.worker_ids[-1])
    except DatabaseError:
        # The task itself will meet the same database; its own error is the one to report.
        logger.warning("Could not record the worker of task %s.", task_result.id)


def process_alive(pid: int) -> bool:
    """Whether the process ``pid`` of this host runs a task worker (a pid reused by another
    program does not count)."""
    try:
        command = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False
    return b"db_worker" in command


@dataclass
class Verdict:
    result: DBTaskResult
    requeue: bool
    reason: str


@dataclass
class Report:
    requeued: list[Verdict] = field(default_factory=list)
    kept: list[Verdict] = field(default_factory=list)
    # Seconds since a worker last ran the heartbeat job (None: never): requeued tasks wait for
    # a live worker.
    worker_heartbeat_age: float | None = None

    def as_dict(self) -> dict:
        return {"requeued": len(self.requeued), "kept": len(self.kept)}


def judge(result: DBTaskResult, *, host: str) -> Verdict:
    """Whether the RUNNING task ``result`` (older than the threshold) is requeued, and why."""
    worker_id = result.worker_ids[-1] if result.worker_ids else ""
    source = (
        Heartbeat.objects.filter(name=worker_key(worker_id))
        .values_list("source", flat=True)
        .first()
        if worker_id
        else None
    )
    if not source:
        return Verdict(result, True, "its worker is unknown; running longer than the threshold")
    worker_host, _, pid = source.rpartition(":")
    if worker_host != host or not pid.isdigit():
        return Verdict(
            result, True, f"its worker ran on {worker_host}; running longer than the threshold"
        )
    if process_alive(int(pid)):
        return Verdict(result, False, f"its worker (pid {pid}) still runs")
    return Verdict(result, True, f"its worker (pid {pid}) is gone")


def requeue_one(result: DBTaskResult) -> bool:
    """Set the task back to READY (only if it is still the same RUNNING claim); reset the run of
    a periodic job that had not finished. False when the task moved on meanwhile."""
    with transaction.atomic():
        changed = DBTaskResult.objects.filter(
            pk=result.pk, status=TaskResultStatus.RUNNING, started_at=result.started_at
        ).update(status=TaskResultStatus.READY, started_at=None)
        if changed and result.task_path == RUN_JOB_TASK:
            args = result.args_kwargs.get("args") or []
            run_id = result.args_kwargs.get("kwargs", {}).get("run_id") or (
                args[1] if len(args) > 1 else None
            )
            if run_id is not None:
                JobRun.objects.filter(pk=run_id, finished_at__isnull=True).update(started_at=None)
    return bool(changed)


def tasks_requeue(
    *, older_than: timedelta = REQUEUE_AFTER, now: datetime | None = None, dry_run: bool = False
) -> Report:
    """Requeue the tasks stuck in RUNNING (see the module's text); with ``dry_run`` only say
    which. Each requeued task is logged as a warning."""
    now = now or timezone.now()
    host = this_host()
    report = Report(worker_heartbeat_age=health.heartbeat_age(health.WORKER, now))
    candidates = DBTaskResult.objects.running().filter(started_at__lt=now - older_than)
    for result in candidates.order_by("started_at"):
        verdict = judge(result, host=host)
        if not verdict.requeue:
            report.kept.append(verdict)
            continue
        if dry_run or requeue_one(result):
            report.requeued.append(verdict)
            if not dry_run:
                logger.warning(
                    "Requeued task %s (%s), running since %s: %s.",
                    result.pk,
                    result.task_path,
                    result.started_at.isoformat(),
                    verdict.reason,
                )
    return report


def requeue_job(*, now: datetime | None = None) -> dict:
    """The periodic job: requeue with the default threshold, and delete the records of worker
    processes not seen for two days and this job's own run records and results older than a
    day (it runs every five minutes)."""
    now = now or timezone.now()
    counts = tasks_requeue(now=now).as_dict()
    Heartbeat.objects.filter(
        name__startswith=WORKER_PREFIX, beat_at__lt=now - WORKER_RECORDS_KEPT
    ).delete()
    old = now - health.HEARTBEAT_RECORDS_KEPT
    JobRun.objects.filter(name=REQUEUE_JOB, due_at__lt=old).delete()
    DBTaskResult.objects.finished().filter(
        task_path=RUN_JOB_TASK, args_kwargs__args__0=REQUEUE_JOB, finished_at__lt=old
    ).delete()
    return counts
