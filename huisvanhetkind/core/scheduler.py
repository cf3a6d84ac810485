"""The one schedule of periodic jobs.

django-tasks has no periodic tasks. Each app registers its jobs in its own ``jobs.py`` (found
by ``autodiscover``, as the admin finds ``admin.py``): a name, how often, and the task to
enqueue. The ``huisvanhetkind scheduler`` process enqueues each job when it is due.

- **Slots.** A job's runs are due at fixed moments: for a cadence of whole days at a time of
  day on the platform's clock (``TIME_ZONE``, Europe/Brussels, so 03:00 stays 03:00 through
  summer time), otherwise at multiples of the cadence since 1 January 2000 (UTC). ``at``
  shifts the moments (the time of day, or minutes past the hour).
- **Once.** A run is a ``JobRun`` row, unique per job and slot: the scheduler that inserts it
  enqueues the run, another one that tries at the same moment meets the unique constraint and
  leaves it (two scheduler processes are safe, on PostgreSQL as on SQLite).
- **Catch-up.** Each pass looks only at the job's latest slot. A scheduler that was stopped
  over several slots runs the job once when it starts again, not once per missed slot.
- **Record.** ``run_job`` (the task that is enqueued) calls the job's own task function and
  writes when it started and finished, its outcome and the counts it returned; a failure is
  written (the error's class and its message without e-mail addresses or numbers) and raised
  again, so that the task result shows it too.
"""

import logging
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from django.db import IntegrityError, transaction
from django.db.models import F, Window
from django.db.models.functions import RowNumber
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django_tasks import task

from huisvanhetkind.core import logs
from huisvanhetkind.core.models import JobRun
from huisvanhetkind.core.registry import discover

logger = logging.getLogger(__name__)

DAY = timedelta(days=1)
# Slots of whole days count from a Monday, so that a weekly job runs on Mondays (plus ``at``).
EPOCH_DATE = date(2000, 1, 3)
EPOCH = datetime(2000, 1, 1, tzinfo=UTC)
# How many runs of each job the overview shows.
RECENT_RUNS = 5
ERROR_MAX_LENGTH = 500
# The records of runs are kept this long (they hold no personal data).
JOB_RUN_RETENTION_DAYS = 365


@dataclass(frozen=True)
class Job:
    name: str  # stable, unique: "questions.erase_expired"
    every: timedelta
    task: object  # a django-tasks Task (it has .enqueue()); its result is a count or a dict
    description: str = ""
    # For a cadence of whole days: when in the period (03:00 is timedelta(hours=3)); otherwise
    # the offset of the slots (timedelta(minutes=5) past each hour). Less than ``every``.
    at: timedelta = timedelta(0)

    def due_at(self, now: datetime) -> datetime:
        """The latest moment at or before ``now`` that this job is due."""
        if self.every % DAY:
            return EPOCH + self.at + (now - EPOCH - self.at) // self.every * self.every
        return self._local_slot(self._period(now))

    def next_due_at(self, now: datetime) -> datetime:
        """The first moment after ``now`` that this job is due."""
        if self.every % DAY:
            return self.due_at(now) + self.every
        return self._local_slot(self._period(now) + 1)

    def _period(self, now: datetime) -> int:
        """The number of the latest period (of whole days) whose slot is at or before ``now``."""
        period = (timezone.localtime(now).date() - EPOCH_DATE).days // self.every.days
        return period if self._local_slot(period) <= now else period - 1

    def _local_slot(self, period: int) -> datetime:
        """The slot of a period of whole days, on the platform's clock."""
        day = EPOCH_DATE + timedelta(days=period * self.every.days + self.at.days)
        return timezone.make_aware(
            datetime.combine(day, time()) + timedelta(seconds=self.at.seconds)
        )

    @property
    def cadence(self) -> str:
        """How often, in words (Dutch, translated): "elke dag om 03:00", "elke 15 minuten"."""
        if self.every % DAY == timedelta(0):
            days = self.every.days
            clock = (datetime.min + timedelta(seconds=self.at.seconds)).strftime("%H:%M")
            if days == 1:
                return _("elke dag om %(time)s") % {"time": clock}
            if days == 7:
                weekday = date_format(EPOCH_DATE + timedelta(days=self.at.days), "l")
                return _("elke week op %(weekday)s om %(time)s") % {
                    "weekday": weekday,
                    "time": clock,
                }
            return _("elke %(days)s dagen om %(time)s") % {"days": days, "time": clock}
        minutes = int(self.every.total_seconds() // 60)
        if minutes % 60 == 0:
            hours = minutes // 60
            return ngettext("elk uur", "elke %(count)s uur", hours) % {"count": hours}
        return ngettext("elke minuut", "elke %(count)s minuten", minutes) % {"count": minutes}


_REGISTRY: dict[str, Job] = {}


def register(
    name: str, *, every: timedelta, task, description: str = "", at: timedelta = timedelta(0)
) -> Job:
    """Register a periodic job (at import time of an app's ``jobs.py``)."""
    if name in _REGISTRY and _REGISTRY[name].task is not task:
        raise ValueError(f"A periodic job named {name!r} is registered twice.")
    if every < timedelta(minutes=1) or every % timedelta(minutes=1):
        raise ValueError(f"The job {name!r} must run every whole number of minutes.")
    if not timedelta(0) <= at < every:
        raise ValueError(f"The job {name!r}: 'at' must be at least 0 and less than 'every'.")
    job = Job(name=name, every=every, task=task, description=description, at=at)
    _REGISTRY[name] = job
    return job


def jobs() -> dict[str, Job]:
    """Every registered job, by name (the apps' ``jobs.py`` modules are imported first)."""
    autodiscover()
    return dict(sorted(_REGISTRY.items()))


def autodiscover() -> None:
    discover("jobs")


# The scheduler's pass ------------------------------------------------------------------------


def job_run_claim(*, job: Job, due_at: datetime, now: datetime) -> JobRun | None:
    """Claim the run of ``job`` for the slot ``due_at``: the new run, or None when a run of that
    slot exists (this or another scheduler process claimed it)."""
    try:
        with transaction.atomic():
            return JobRun.objects.create(name=job.name, due_at=due_at, enqueued_at=now)
    except IntegrityError:
        return None


def job_runs_enqueue_due(*, now: datetime | None = None) -> list[JobRun]:
    """One pass of the scheduler: claim and enqueue the latest slot of every job that has no run
    yet; return the runs it enqueued."""
    now = now or timezone.now()
    enqueued = []
    for job in jobs().values():
        run = job_run_claim(job=job, due_at=job.due_at(now), now=now)
        if run is None:
            continue
        # Each run has a request id of its own (core.logs): this line and the worker's lines of
        # the run carry it.
        with logs.bound(request_id=logs.current_request_id() or logs.new_request_id()):
            try:
                result = run_job.enqueue(job.name, run.pk)
            except Exception:
                # Not enqueued: give the slot back, so that the next pass tries again.
                JobRun.objects.filter(pk=run.pk).delete()
                raise
            JobRun.objects.filter(pk=run.pk).update(task_result_id=str(result.id))
            logger.info("Enqueued job %s due at %s (task %s).", job.name, run.due_at, result.id)
        enqueued.append(run)
    return enqueued


# The run itself ------------------------------------------------------------------------------

EMAIL = re.compile(r"[^\s@<>()\[\]\"',;:]+@[^\s@<>()\[\]\"',;:]+")
NUMBER = re.compile(r"\+?\d[\d ./-]{4,}\d")


def error_text(error: BaseException) -> str:
    """The error's class and message, with e-mail addresses and long numbers (phone numbers,
    national numbers) left out: a job's record keeps no personal data."""
    kind = type(error)
    message = NUMBER.sub("…", EMAIL.sub("…", str(error)))
    return f"{kind.__module__}.{kind.__qualname__}: {message}"[:ERROR_MAX_LENGTH]


def counts_of(value) -> dict:
    """What a job's task returned, as the run's counts: a dict as it is, a number as
    ``{"count": n}``, nothing as ``{}``."""
    if value is None:
        return {}
    if isinstance(value, dict):
        return value
    return {"count": value}


def job_run_start(*, run_id: int, now: datetime) -> tuple[JobRun, Job | None]:
    """Mark the run started, or skipped (with the reason): when its job is no longer
    registered, when a later slot of the job is queued already (the worker was behind: the
    latest run does the work), or while another run of the job is still busy. The job is
    returned only for a run that should go ahead."""
    job = jobs().get(JobRun.objects.values_list("name", flat=True).get(pk=run_id))
    with transaction.atomic():
        run = JobRun.objects.select_for_update().get(pk=run_id)
        others = JobRun.objects.filter(name=run.name).exclude(pk=run.pk)
        # The latest run of the job is the lock every start of the job takes first.
        list(others.select_for_update().order_by("-due_at")[:1])
        reason = ""
        if job is None:
            reason = _("Deze taak bestaat niet meer.")
        elif run.finished_at is not None or run.started_at is not None:
            reason = _("Deze run was al gestart.")
        elif others.filter(due_at__gt=run.due_at).exists():
            reason = _("Een latere run van deze taak staat al klaar.")
        elif others.filter(started_at__gt=now - job.every, finished_at__isnull=True).exists():
            reason = _("Een vorige run van deze taak is nog bezig.")
        if reason:
            if run.finished_at is None:
                run.outcome, run.error = JobRun.Outcome.SKIPPED, reason
                run.started_at = run.started_at or now
                run.finished_at = now
                run.save(update_fields=["outcome", "error", "started_at", "finished_at"])
            return run, None
        run.started_at = now
        run.save(update_fields=["started_at"])
        return run, job


def job_run_finish(
    *, run: JobRun, outcome: str, counts: dict | None = None, error: str = ""
) -> None:
    run.outcome, run.counts, run.error = outcome, counts or {}, error
    run.finished_at = timezone.now()
    run.save(update_fields=["outcome", "counts", "error", "finished_at"])


@task()
def run_job(name: str, run_id: int) -> dict:
    """Run the registered job ``name`` for its run ``run_id`` and record how it went."""
    run, job = job_run_start(run_id=run_id, now=timezone.now())
    if job is None:
        return {"skipped": run.error}
    try:
        value = job.task.call()
    except Exception as error:
        job_run_finish(run=run, outcome=JobRun.Outcome.FAILED, error=error_text(error))
        logger.exception("Job %s (run %s) failed.", name, run_id)
        raise
    counts = counts_of(value)
    job_run_finish(run=run, outcome=JobRun.Outcome.OK, counts=counts)
    return counts


# Reads ---------------------------------------------------------------------------------------


def job_runs_overview(*, per_job: int = RECENT_RUNS) -> list[tuple[Job, list[JobRun]]]:
    """Every job with its latest runs (newest first), in one query."""
    registered = jobs()
    runs = (
        JobRun.objects.filter(name__in=registered)
        .annotate(position=Window(RowNumber(), partition_by=F("name"), order_by=F("due_at").desc()))
        .filter(position__lte=per_job)
        .order_by("name", "-due_at")
    )
    by_name: dict[str, list[JobRun]] = {name: [] for name in registered}
    for run in runs:
        by_name[run.name].append(run)
    return [(job, by_name[name]) for name, job in registered.items()]


def job_runs_erase_old(*, days: int) -> int:
    """Delete the records of runs due more than ``days`` ago; return how many."""
    old = JobRun.objects.filter(due_at__lt=timezone.now() - timedelta(days=days))
    return old.delete()[0]


@task()
def erase_old_job_runs() -> int:
    """Delete the records of runs due more than JOB_RUN_RETENTION_DAYS ago."""
    return job_runs_erase_old(days=JOB_RUN_RETENTION_DAYS)


register(
    "core.erase_old_job_runs",
    every=DAY,
    at=timedelta(hours=3, minutes=50),
    task=erase_old_job_runs,
    description=gettext_lazy("Verwijdert de gegevens van runs van meer dan een jaar geleden."),
)
