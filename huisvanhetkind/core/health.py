"""Readiness: may this app server take traffic, and is the machinery behind it alive?

``/healthz`` says only that the process answers (a liveness probe: restart it when it does not).
``/readyz`` (a readiness probe: route traffic to it only while it answers 200) runs the checks
below and reports each of them:

- **database**: a trivial query;
- **cache**: a value set and read back (Redis when ``CACHE_URL`` is set);
- **migrations**: no migration on disk that the database lacks;
- **scheduler**: the ``huisvanhetkind scheduler`` process wrote its heartbeat at its last pass;
- **worker**: the task worker ran the heartbeat job (enqueued by the scheduler every minute),
  so the whole path scheduler → queue → worker works. With ``TASKS_BACKEND=immediate`` tasks run
  where they are enqueued and there is no worker to wait for.

A heartbeat older than ``HEARTBEAT_MAX_AGE_SECONDS`` (or never written) fails its check.
The report names no host, error message or personal data: it is served to anyone who asks.
"""

import logging
import os
import socket
import uuid
from datetime import datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.db.models import Q
from django.utils import timezone
from django_tasks import task_backends
from django_tasks.backends.immediate import ImmediateBackend
from django_tasks_db.models import DBTaskResult

from huisvanhetkind.core.models import Heartbeat, JobRun

logger = logging.getLogger(__name__)

SCHEDULER = "scheduler"
WORKER = "worker"
HEARTBEAT_JOB = "core.worker_heartbeat"
HEARTBEAT_TASK = "huisvanhetkind.core.tasks.worker_heartbeat"
# The task the scheduler enqueues for every due job (its first argument is the job's name).
RUN_JOB_TASK = "huisvanhetkind.core.scheduler.run_job"
# The heartbeat job runs every minute; its own records are kept this long, not a year.
HEARTBEAT_RECORDS_KEPT = timedelta(days=1)


def _source() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"[:200]


def heartbeat_record(*, name: str, now: datetime | None = None) -> None:
    """Write that the process ``name`` is alive now (one row per name, overwritten)."""
    Heartbeat.objects.update_or_create(
        name=name, defaults={"beat_at": now or timezone.now(), "source": _source()}
    )


def worker_heartbeat_record(*, now: datetime | None = None) -> dict:
    """The task worker's heartbeat (run by the worker as the job ``core.worker_heartbeat``):
    write it, and delete this job's own run records and task results older than a day, so that a
    job of every minute does not fill the tables."""
    now = now or timezone.now()
    heartbeat_record(name=WORKER, now=now)
    old = now - HEARTBEAT_RECORDS_KEPT
    runs = JobRun.objects.filter(name=HEARTBEAT_JOB, due_at__lt=old).delete()[0]
    results = (
        DBTaskResult.objects.finished()
        .filter(
            Q(task_path=HEARTBEAT_TASK)
            | Q(task_path=RUN_JOB_TASK, args_kwargs__args__0=HEARTBEAT_JOB),
            finished_at__lt=old,
        )
        .delete()[0]
    )
    return {"old_records_deleted": runs + results}


# The checks ----------------------------------------------------------------------------------


def check_database(alias: str = DEFAULT_DB_ALIAS) -> dict:
    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"ok": True}


def check_cache() -> dict:
    key = f"readyz:{uuid.uuid4().hex}"
    cache.set(key, "1", timeout=30)
    ok = cache.get(key) == "1"
    cache.delete(key)
    return {"ok": ok}


def check_migrations(alias: str = DEFAULT_DB_ALIAS) -> dict:
    executor = MigrationExecutor(connections[alias])
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return {"ok": not plan, "unapplied": len(plan)}


def heartbeat_age(name: str, now: datetime) -> float | None:
    """Seconds since the process ``name`` last beat; None when it never did."""
    beat_at = Heartbeat.objects.filter(name=name).values_list("beat_at", flat=True).first()
    return None if beat_at is None else max(0.0, (now - beat_at).total_seconds())


def check_heartbeat(name: str, now: datetime) -> dict:
    age = heartbeat_age(name, now)
    max_age = settings.HEARTBEAT_MAX_AGE_SECONDS
    if age is None:
        return {"ok": False, "seconds_since_last_beat": None, "max_seconds": max_age}
    return {"ok": age <= max_age, "seconds_since_last_beat": round(age), "max_seconds": max_age}


def check_worker(now: datetime) -> dict:
    if isinstance(task_backends["default"], ImmediateBackend):
        return {"ok": True, "tasks": "immediate"}
    return check_heartbeat(WORKER, now)


def readiness(*, now: datetime | None = None) -> tuple[bool, dict]:
    """Run every check; return whether all passed and the report (check name → its result).

    A check that raises fails (its error is logged, not reported). Without a database the checks
    that need it are not tried again: they fail at once."""
    now = now or timezone.now()
    checks = {
        "database": check_database,
        "cache": check_cache,
        "migrations": check_migrations,
        "scheduler": lambda: check_heartbeat(SCHEDULER, now),
        "worker": lambda: check_worker(now),
    }
    needs_database = {"migrations", "scheduler", "worker"}
    report = {}
    for name, check in checks.items():
        if name in needs_database and not report["database"]["ok"]:
            report[name] = {"ok": False, "error": "database unavailable"}
            continue
        try:
            report[name] = check()
        except Exception as error:  # noqa: BLE001 - any failure means not ready
            logger.warning("Readiness check %s failed: %s", name, type(error).__name__)
            report[name] = {"ok": False, "error": type(error).__name__}
    return all(result["ok"] for result in report.values()), report
