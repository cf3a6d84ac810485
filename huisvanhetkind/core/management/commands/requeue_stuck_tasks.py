"""Put tasks that a dead worker left in "running" back in the queue (``core.requeue``)."""

import re
from datetime import timedelta

from django.conf import settings
from django.core.management.base import CommandError
from django.utils import timezone

from huisvanhetkind.core import requeue
from huisvanhetkind.core.commands import DescribedCommand

DURATION = re.compile(r"^(\d+)([smhd]?)$")
UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days", "": "minutes"}


def duration(value: str) -> timedelta:
    """ "15m", "90s", "2h", "1d"; a bare number is minutes."""
    match = DURATION.match(value.strip())
    if not match:
        raise CommandError(f"Not a duration: {value!r} (for example 15m, 90s, 2h).")
    return timedelta(**{UNITS[match[2]]: int(match[1])})


class Command(DescribedCommand):
    help = """Requeue the tasks stuck in "running" after a worker crashed.

The task worker (db_worker) sets a task to "running" when it takes it and to its outcome when it
ends; a worker that is killed in between leaves the task in "running", and no worker takes it
again. This command sets every task running longer than --older-than back to "ready", so that a
worker runs it again, except while its worker process still runs on this host. Every task of the
platform is idempotent: running one again has no second effect. The scheduler runs the same
every 5 minutes (the job core.requeue_stuck_tasks, with 15 minutes).

  huisvanhetkind requeue_stuck_tasks                     older than 15 minutes
  huisvanhetkind requeue_stuck_tasks --older-than 2m     after a crash you know of
  huisvanhetkind requeue_stuck_tasks --dry-run           only list them"""

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than",
            default="15m",
            help="Requeue tasks running longer than this (15m, 90s, 2h; default 15m).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="List what would be requeued; change nothing."
        )

    def handle(self, *args, older_than, dry_run, **options):
        threshold = duration(older_than)
        report = requeue.tasks_requeue(older_than=threshold, dry_run=dry_run)
        verb = "Would requeue" if dry_run else "Requeued"
        for verdict in report.requeued:
            result = verdict.result
            self.stdout.write(
                f"{verb} {result.pk} {result.task_path} (running since "
                f"{timezone.localtime(result.started_at):%Y-%m-%d %H:%M:%S}): {verdict.reason}."
            )
        for verdict in report.kept:
            self.stdout.write(
                f"Kept {verdict.result.pk} {verdict.result.task_path}: {verdict.reason}."
            )
        self.stdout.write(
            f"{verb} {len(report.requeued)} task(s) running longer than {older_than}; "
            f"kept {len(report.kept)}."
        )
        age = report.worker_heartbeat_age
        if report.requeued and (age is None or age > settings.HEARTBEAT_MAX_AGE_SECONDS):
            self.stderr.write(
                "No worker has run the heartbeat job for "
                + ("ever" if age is None else f"{round(age)} s")
                + ": the requeued tasks wait until a worker (huisvanhetkind db_worker) runs."
            )
