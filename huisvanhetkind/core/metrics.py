"""Prometheus metrics at ``/metrics`` (docs/operations.md, *Metrics*).

- **Requests** (``hvhk_http_requests_total``, ``hvhk_http_request_duration_seconds``): counted by
  the request middleware (``core.request_log``) per method, view name (``catalogue:search``,
  never a path) and status.
- **The task queue, the tasks and the periodic jobs**: read from the database when scraped
  (``DatabaseCollector``), so every app server reports the same numbers, whichever was asked.
- **Several processes.** gunicorn runs several processes per app server. With
  ``PROMETHEUS_MULTIPROC_DIR`` set (``make prod`` sets ``var/prod/metrics``, emptied at every
  start) each process writes its counters into that directory and ``/metrics`` of any process
  adds up every process of the machine: one scrape covers both app servers of ``make prod``.
  Without it (one process: tests, ``make demo``) the process's own registry is served.
- **Who may read it**: the addresses and networks of ``METRICS_ALLOWED_IPS`` (the client's address
  behind the trusted proxy, ``core.http.client_ip``); anyone else gets a 404, as if there were no
  such page.
"""

import ipaddress
import logging
import os

from django.conf import settings
from django.db.models import Count, Max, Min
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django_tasks_db.models import DBTaskResult
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import GaugeMetricFamily

from huisvanhetkind.core.http import client_ip
from huisvanhetkind.core.models import JobRun

logger = logging.getLogger(__name__)

METHODS = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}
# A page's time in seconds: most pages answer in tens of milliseconds (docs/performance.md).
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
TASK_STATES = ("READY", "RUNNING", "SUCCESSFUL", "FAILED")
JOB_OUTCOMES = tuple(JobRun.Outcome.values) + ("running", "queued")

REQUESTS = Counter(
    "hvhk_http_requests",
    "Requests answered, by method, view name and status.",
    ["method", "view", "status"],
)
LATENCY = Histogram(
    "hvhk_http_request_duration_seconds",
    "Time to answer a request, by method and view name.",
    ["method", "view"],
    buckets=LATENCY_BUCKETS,
)


def request_observe(*, method: str, view: str, status: int, seconds: float) -> None:
    method = method if method in METHODS else "other"
    REQUESTS.labels(method=method, view=view, status=str(status)).inc()
    LATENCY.labels(method=method, view=view).observe(seconds)


class DatabaseCollector:
    """The task queue, the tasks by state and the runs of the periodic jobs, read at scrape time."""

    def describe(self):
        return []

    def collect(self):
        now = timezone.now()
        try:
            by_state = dict(
                DBTaskResult.objects.values_list("status").annotate(n=Count("id")).order_by()
            )
            ready = DBTaskResult.objects.ready().aggregate(n=Count("id"), oldest=Min("enqueued_at"))
            runs = list(
                JobRun.objects.values("name", "outcome", "started_at")
                .annotate(n=Count("id"))
                .order_by()
            )
            last_ok = dict(
                JobRun.objects.filter(outcome=JobRun.Outcome.OK)
                .values_list("name")
                .annotate(at=Max("finished_at"))
                .order_by()
            )
        except Exception as error:  # noqa: BLE001 - a scrape reports the failure, never a 500
            logger.warning("Metrics: the database could not be read: %s", type(error).__name__)
            yield GaugeMetricFamily(
                "hvhk_metrics_database_up", "Whether /metrics could read the database.", value=0
            )
            return
        yield GaugeMetricFamily(
            "hvhk_metrics_database_up", "Whether /metrics could read the database.", value=1
        )

        tasks = GaugeMetricFamily(
            "hvhk_tasks", "Task results in the queue's table, by state.", labels=["state"]
        )
        for state in TASK_STATES:
            tasks.add_metric([state.lower()], by_state.get(state, 0))
        yield tasks
        yield GaugeMetricFamily(
            "hvhk_task_queue_depth",
            "Tasks waiting for a worker (ready to run now).",
            value=ready["n"],
        )
        oldest = ready["oldest"]
        yield GaugeMetricFamily(
            "hvhk_task_queue_oldest_age_seconds",
            "How long the oldest waiting task has waited (0 when none waits).",
            value=max(0.0, (now - oldest).total_seconds()) if oldest else 0.0,
        )

        job_runs = GaugeMetricFamily(
            "hvhk_job_runs",
            "Recorded runs of the periodic jobs (kept a year, the heartbeat's a day), by outcome.",
            labels=["job", "outcome"],
        )
        counts: dict[tuple[str, str], int] = {}
        for row in runs:
            outcome = row["outcome"] or ("running" if row["started_at"] else "queued")
            key = (row["name"], outcome)
            counts[key] = counts.get(key, 0) + row["n"]
        for (job, outcome), n in sorted(counts.items()):
            job_runs.add_metric([job, outcome], n)
        yield job_runs
        last = GaugeMetricFamily(
            "hvhk_job_last_success_timestamp_seconds",
            "When each periodic job last finished well (Unix time).",
            labels=["job"],
        )
        for job, at in sorted(last_ok.items()):
            if at is not None:
                last.add_metric([job], at.timestamp())
        yield last


def registry() -> CollectorRegistry:
    """What a scrape reports: every process's request metrics and the database's numbers."""
    scrape = CollectorRegistry(auto_describe=False)
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        multiprocess.MultiProcessCollector(scrape)
    else:
        scrape.register(REGISTRY)
    scrape.register(DatabaseCollector())
    return scrape


def allowed(address: str) -> bool:
    """Whether ``address`` is one of METRICS_ALLOWED_IPS (addresses or networks)."""
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return False
    if parsed.version == 6 and parsed.ipv4_mapped:
        parsed = parsed.ipv4_mapped
    for entry in settings.METRICS_ALLOWED_IPS:
        try:
            if parsed in ipaddress.ip_network(entry, strict=False):
                return True
        except ValueError:
            continue
    return False


@never_cache
def metrics(request):
    """The Prometheus text format, for the allow-list only (a 404 for anyone else)."""
    if not allowed(client_ip(request)):
        raise Http404
    return HttpResponse(generate_latest(registry()), content_type=CONTENT_TYPE_LATEST)
