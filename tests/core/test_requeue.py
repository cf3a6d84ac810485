"""Tasks left in "running" by a dead worker go back to the queue (core.requeue and the command
requeue_stuck_tasks); a worker process that still runs keeps its task; a periodic job's run is
reset so that the rerun does the work."""

import os
import subprocess
import sys
import time
from datetime import timedelta
from io import StringIO
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone
from django_tasks.backends.immediate import ImmediateBackend
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from huisvanhetkind.core import health, requeue, scheduler
from huisvanhetkind.core.models import Heartbeat, JobRun
from huisvanhetkind.core.tasks import requeue_stuck_tasks

pytestmark = pytest.mark.django_db

DEAD_PID = 2**22 + 17  # above Linux's pid_max: never a process


def running_task(*, minutes: int, worker_id: str = "w-dead", task_path=None, args=None):
    now = timezone.now()
    return DBTaskResult.objects.create(
        status=TaskResultStatus.RUNNING,
        started_at=now - timedelta(minutes=minutes),
        args_kwargs={"args": args or [], "kwargs": {}},
        task_path=task_path or "huisvanhetkind.core.tasks.send_todo_digests",
        worker_ids=[worker_id],
        backend_name="default",
        run_after=now - timedelta(minutes=minutes + 1),
    )


def worker_on_this_host(worker_id: str, pid: int) -> None:
    Heartbeat.objects.create(
        name=requeue.worker_key(worker_id),
        beat_at=timezone.now(),
        source=f"{requeue.this_host()}:{pid}",
    )


@pytest.fixture
def live_worker():
    """A process of this host whose command line names db_worker (as a real worker's does)."""
    process = subprocess.Popen(
        [sys.executable, "-c", "import time; time.sleep(60)", "db_worker"],
    )
    # Until the child has exec'd, its command line is still the parent's (on a busy machine
    # that takes a moment): wait for it, so the test sees the worker it means.
    cmdline = Path(f"/proc/{process.pid}/cmdline")
    deadline = time.monotonic() + 10
    while b"db_worker" not in cmdline.read_bytes() and time.monotonic() < deadline:
        time.sleep(0.01)
    yield process.pid
    process.kill()
    process.wait()


def test_a_task_of_a_dead_worker_goes_back_to_the_queue():
    stuck = running_task(minutes=20)
    worker_on_this_host("w-dead", DEAD_PID)
    report = requeue.tasks_requeue(older_than=timedelta(minutes=15))
    stuck.refresh_from_db()
    assert stuck.status == TaskResultStatus.READY
    assert stuck.started_at is None
    assert stuck.worker_ids == ["w-dead"]  # the history stays
    assert [v.reason for v in report.requeued] == [f"its worker (pid {DEAD_PID}) is gone"]
    # The queue hands it out again.
    assert DBTaskResult.objects.ready().get() == stuck


def test_a_task_younger_than_the_threshold_stays_running():
    young = running_task(minutes=5)
    report = requeue.tasks_requeue(older_than=timedelta(minutes=15))
    young.refresh_from_db()
    assert young.status == TaskResultStatus.RUNNING
    assert report.requeued == [] and report.kept == []


def test_a_long_task_whose_worker_still_runs_is_kept(live_worker):
    long = running_task(minutes=60, worker_id="w-alive")
    worker_on_this_host("w-alive", live_worker)
    report = requeue.tasks_requeue(older_than=timedelta(minutes=15))
    long.refresh_from_db()
    assert long.status == TaskResultStatus.RUNNING
    assert [v.reason for v in report.kept] == [f"its worker (pid {live_worker}) still runs"]


def test_a_pid_reused_by_another_program_is_not_a_live_worker():
    stuck = running_task(minutes=20)
    worker_on_this_host("w-dead", os.getpid())  # this pytest process: not a db_worker
    requeue.tasks_requeue(older_than=timedelta(minutes=15))
    stuck.refresh_from_db()
    assert stuck.status == TaskResultStatus.READY


def test_a_worker_of_another_host_or_unknown_is_judged_by_the_threshold():
    other = running_task(minutes=20, worker_id="w-other")
    Heartbeat.objects.create(
        name=requeue.worker_key("w-other"), beat_at=timezone.now(), source="elsewhere:123"
    )
    unknown = running_task(minutes=20, worker_id="w-unknown")
    report = requeue.tasks_requeue(older_than=timedelta(minutes=15))
    assert sorted(v.reason for v in report.requeued) == [
        "its worker is unknown; running longer than the threshold",
        "its worker ran on elsewhere; running longer than the threshold",
    ]
    assert DBTaskResult.objects.filter(pk__in=[other.pk, unknown.pk]).ready().count() == 2


def test_finished_and_ready_tasks_are_left_alone():
    done = running_task(minutes=30)
    DBTaskResult.objects.filter(pk=done.pk).update(
        status=TaskResultStatus.SUCCESSFUL, finished_at=timezone.now()
    )
    report = requeue.tasks_requeue(older_than=timedelta(minutes=15))
    assert report.requeued == []
    done.refresh_from_db()
    assert done.status == TaskResultStatus.SUCCESSFUL


def test_a_task_that_finished_meanwhile_is_not_requeued():
    stuck = running_task(minutes=20)
    # The worker wrote its outcome between the query and the update: the claim changed.
    DBTaskResult.objects.filter(pk=stuck.pk).update(
        status=TaskResultStatus.SUCCESSFUL, finished_at=timezone.now()
    )
    assert requeue.requeue_one(stuck) is False
    stuck.refresh_from_db()
    assert stuck.status == TaskResultStatus.SUCCESSFUL


def test_dry_run_changes_nothing_and_says_what_it_would_do():
    stuck = running_task(minutes=20)
    out = StringIO()
    call_command("requeue_stuck_tasks", "--older-than", "15m", "--dry-run", stdout=out)
    stuck.refresh_from_db()
    assert stuck.status == TaskResultStatus.RUNNING
    assert f"Would requeue {stuck.pk}" in out.getvalue()
    assert "Would requeue 1 task(s) running longer than 15m; kept 0." in out.getvalue()


def test_the_command_requeues_logs_and_warns_without_a_worker(caplog):
    stuck = running_task(minutes=3)
    out, err = StringIO(), StringIO()
    call_command("requeue_stuck_tasks", "--older-than", "2m", stdout=out, stderr=err)
    stuck.refresh_from_db()
    assert stuck.status == TaskResultStatus.READY
    assert "Requeued 1 task(s) running longer than 2m; kept 0." in out.getvalue()
    assert f"Requeued task {stuck.pk}" in caplog.text
    assert "No worker has run the heartbeat job for ever" in err.getvalue()


def test_the_command_refuses_a_duration_it_cannot_read():
    running_task(minutes=30)
    with pytest.raises(CommandError, match="Not a duration"):
        call_command("requeue_stuck_tasks", "--older-than", "soon")
    assert DBTaskResult.objects.running().count() == 1


def test_a_periodic_job_run_is_reset_so_the_rerun_does_the_work():
    now = timezone.now()
    job = scheduler.jobs()["core.todo_digests"]
    run = JobRun.objects.create(name=job.name, due_at=now - timedelta(minutes=30))
    JobRun.objects.filter(pk=run.pk).update(started_at=now - timedelta(minutes=20))
    running_task(minutes=20, task_path=requeue.RUN_JOB_TASK, args=[job.name, run.pk])
    requeue.tasks_requeue(older_than=timedelta(minutes=15))
    run.refresh_from_db()
    assert run.started_at is None and run.finished_at is None
    # The rerun goes ahead (without the reset it would be skipped as "already started").
    started, go_ahead = scheduler.job_run_start(run_id=run.pk, now=timezone.now())
    assert go_ahead is job


def test_a_finished_job_run_is_not_reset_and_its_rerun_skips():
    now = timezone.now()
    name = "core.todo_digests"
    run = JobRun.objects.create(name=name, due_at=now - timedelta(minutes=30))
    JobRun.objects.filter(pk=run.pk).update(
        started_at=now - timedelta(minutes=20),
        finished_at=now - timedelta(minutes=19),
        outcome="ok",
    )
    running_task(minutes=20, task_path=requeue.RUN_JOB_TASK, args=[name, run.pk])
    requeue.tasks_requeue(older_than=timedelta(minutes=15))
    run.refresh_from_db()
    assert run.outcome == "ok" and run.started_at is not None
    assert "skipped" in scheduler.run_job.call(name, run.pk)
    run.refresh_from_db()
    assert run.outcome == "ok"


def test_the_worker_records_its_process_when_it_starts_a_task():
    requeue.worker_started_task(worker_id="w-1")
    beat = Heartbeat.objects.get(name="worker:w-1")
    assert beat.source == f"{requeue.this_host()}:{os.getpid()}"


def test_the_job_runs_every_five_minutes_and_cleans_up_after_itself():
    job = scheduler.jobs()[requeue.REQUEUE_JOB]
    assert job.task is requeue_stuck_tasks
    assert job.every == timedelta(minutes=5)
    now = timezone.now()
    old = now - timedelta(days=3)
    Heartbeat.objects.create(name="worker:gone", beat_at=old, source="h:1")
    Heartbeat.objects.create(name="worker:recent", beat_at=now, source="h:2")
    Heartbeat.objects.create(name=health.WORKER, beat_at=old, source="h:3")
    JobRun.objects.create(name=requeue.REQUEUE_JOB, due_at=old)
    kept_run = JobRun.objects.create(name="core.todo_digests", due_at=old)
    assert requeue_stuck_tasks.call() == {"requeued": 0, "kept": 0}
    assert sorted(Heartbeat.objects.values_list("name", flat=True)) == [
        health.WORKER,
        "worker:recent",
    ]
    assert list(JobRun.objects.values_list("pk", flat=True)) == [kept_run.pk]


def test_the_signal_of_a_database_worker_records_its_worker_id_and_no_other():
    # What the worker sends: its TaskResult, whose worker ids end with its own.
    result = SimpleNamespace(id="t-1", worker_ids=["w-before", "w-signal"])
    requeue.task_started_record(sender=ImmediateBackend, task_result=result)
    assert not Heartbeat.objects.filter(name="worker:w-signal").exists()
    # db_worker sends the backend instance itself.
    requeue.task_started_record(sender=DatabaseBackend("default", {}), task_result=result)
    assert Heartbeat.objects.get(name="worker:w-signal").source.endswith(f":{os.getpid()}")
