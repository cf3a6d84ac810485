"""The scheduler of the periodic jobs (``core.scheduler``): keep one running beside the workers."""

import json
import logging
import signal
import threading

from django.conf import settings
from django.core.management.base import CommandError
from django.db import close_old_connections
from django.utils import timezone

from huisvanhetkind.core import health, scheduler
from huisvanhetkind.core.commands import DescribedCommand

logger = logging.getLogger("huisvanhetkind.core.scheduler")


def cadence(job: scheduler.Job) -> str:
    """How often, in the command's English: "every day at 03:00", "every 15 minutes"."""
    if job.every % scheduler.DAY:
        minutes = int(job.every.total_seconds()) // 60
        offset = int(job.at.total_seconds()) // 60
        return f"every {minutes} minute(s), {offset} minute(s) past the slot"
    clock = f"{job.at.seconds // 3600:02d}:{job.at.seconds % 3600 // 60:02d}"
    if job.every.days == 1:
        return f"every day at {clock}"
    return f"every {job.every.days} days at {clock} (day {job.at.days + 1} of the period)"


def status(run) -> str:
    return run.outcome or ("running" if run.started_at else "queued")


class Command(DescribedCommand):
    help = """Enqueue the periodic jobs of every app when they are due.

Every SCHEDULER_TICK_SECONDS (default 30) it enqueues each registered job whose latest due
moment has no run yet; the background worker (db_worker) runs it and records its outcome.
Several schedulers may run at once: each due run is enqueued once. A run missed while no
scheduler ran is run once when one starts again. Every pass writes the scheduler's heartbeat,
which /readyz reads.

  huisvanhetkind scheduler          keep running (stop with Ctrl-C or SIGTERM)
  huisvanhetkind scheduler --once   one pass, then exit (cron, tests)
  huisvanhetkind scheduler --list   the jobs, their cadence, next due moment and last run"""

    def add_arguments(self, parser):
        mode = parser.add_mutually_exclusive_group()
        mode.add_argument("--once", action="store_true", help="Do one pass and exit.")
        mode.add_argument(
            "--list", action="store_true", help="List the jobs with their last run and exit."
        )
        parser.add_argument(
            "--tick",
            type=int,
            default=None,
            help="Seconds between passes (default: SCHEDULER_TICK_SECONDS, 30).",
        )

    def handle(self, *args, once, list, tick, **options):
        if list:
            self.list_jobs()
        elif once:
            self.one_pass()
        else:
            tick = tick or getattr(settings, "SCHEDULER_TICK_SECONDS", 30)
            if tick < 1:
                raise CommandError("The tick must be at least 1 second.")
            self.run_forever(tick)

    def one_pass(self) -> None:
        enqueued = scheduler.job_runs_enqueue_due()
        health.heartbeat_record(name=health.SCHEDULER)
        for run in enqueued:
            run.refresh_from_db()
            self.stdout.write(
                f"Enqueued {run.name} due at {timezone.localtime(run.due_at):%Y-%m-%d %H:%M}"
                f" ({status(run)})."
            )

    def run_forever(self, tick: int) -> None:
        stop = threading.Event()
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda *_: stop.set())
        names = ", ".join(scheduler.jobs())
        logger.info("Scheduler started: a pass every %s s over %s.", tick, names)
        while not stop.is_set():
            try:
                scheduler.job_runs_enqueue_due()
                # The sign of life that /readyz reads (core.health).
                health.heartbeat_record(name=health.SCHEDULER)
            except Exception:
                # The database may be away for a moment: log it and try again at the next tick.
                logger.exception("A pass of the scheduler failed.")
            finally:
                close_old_connections()
            stop.wait(tick)
        logger.info("Scheduler stopped.")

    def list_jobs(self) -> None:
        now = timezone.now()
        for job, runs in scheduler.job_runs_overview(per_job=1):
            if not runs:
                last = "never run"
            else:
                run = runs[0]
                last = f"{timezone.localtime(run.due_at):%Y-%m-%d %H:%M} {status(run)}"
                if run.counts:
                    last += f" {json.dumps(run.counts, sort_keys=True)}"
                if run.error:
                    last += f" ({run.error})"
            self.stdout.write(
                f"{job.name}\n  {cadence(job)}; next due "
                f"{timezone.localtime(job.next_due_at(now)):%Y-%m-%d %H:%M}\n  last run: {last}"
            )
