"""/healthz (the process answers) and /readyz (database, cache, migrations, the heartbeats of the
scheduler and the task worker): JSON, 200 or 503, never a traceback page."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import OperationalError, connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from huisvanhetkind.core import health
from huisvanhetkind.core.models import Heartbeat, JobRun

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def database_tasks(settings):
    """Tasks go to the queue of a worker (as in production), not run where they are enqueued."""
    settings.TASKS = DATABASE_TASKS


def beat(name, seconds_ago=0):
    Heartbeat.objects.update_or_create(
        name=name, defaults={"beat_at": timezone.now() - timedelta(seconds=seconds_ago)}
    )


def broken_cursor(*args, **kwargs):
    raise OperationalError("connection refused")


# /healthz ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_healthz_answers_200_without_a_query(parent_client):
    with CaptureQueriesContext(connection) as queries:
        response = parent_client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert len(queries) == 0


@pytest.mark.django_db
def test_healthz_stays_200_while_the_database_is_away_and_readyz_says_503(
    parent_client, monkeypatch
):
    beat(health.SCHEDULER)
    # The control: with the database there, both answer 200.
    assert parent_client.get("/readyz").status_code == 200

    monkeypatch.setattr(connection, "cursor", broken_cursor)

    assert parent_client.get("/healthz").status_code == 200
    response = parent_client.get("/readyz")
    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["checks"]["database"] == {"ok": False, "error": "OperationalError"}
    for name in ("migrations", "scheduler", "worker"):
        assert body["checks"][name] == {"ok": False, "error": "database unavailable"}
    assert body["checks"]["cache"] == {"ok": True}
    assert "Traceback" not in response.content.decode()
    assert "connection refused" not in response.content.decode()


# /readyz -------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_readyz_answers_200_when_every_check_passes(parent_client, database_tasks):
    beat(health.SCHEDULER, seconds_ago=20)
    beat(health.WORKER, seconds_ago=50)

    response = parent_client.get("/readyz")

    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0")
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"]["database"] == {"ok": True}
    assert body["checks"]["cache"] == {"ok": True}
    assert body["checks"]["migrations"] == {"ok": True, "unapplied": 0}
    assert body["checks"]["scheduler"] == {
        "ok": True,
        "seconds_since_last_beat": 20,
        "max_seconds": 180,
    }
    assert body["checks"]["worker"]["ok"] is True
    assert body["checks"]["worker"]["seconds_since_last_beat"] == 50


@pytest.mark.django_db
def test_readyz_fails_without_a_recent_scheduler_heartbeat(parent_client, database_tasks):
    beat(health.WORKER)

    never = parent_client.get("/readyz")
    beat(health.SCHEDULER, seconds_ago=181)
    stale = parent_client.get("/readyz")
    beat(health.SCHEDULER, seconds_ago=179)
    fresh = parent_client.get("/readyz")

    assert never.status_code == 503
    assert never.json()["checks"]["scheduler"]["ok"] is False
    assert never.json()["checks"]["scheduler"]["seconds_since_last_beat"] is None
    assert stale.status_code == 503
    assert stale.json()["checks"]["scheduler"]["seconds_since_last_beat"] == 181
    assert stale.json()["checks"]["worker"]["ok"] is True
    assert fresh.status_code == 200


@pytest.mark.django_db
def test_readyz_fails_without_a_recent_worker_heartbeat(parent_client, database_tasks, settings):
    settings.HEARTBEAT_MAX_AGE_SECONDS = 600
    beat(health.SCHEDULER)
    beat(health.WORKER, seconds_ago=601)

    stale = parent_client.get("/readyz")
    beat(health.WORKER, seconds_ago=5)
    fresh = parent_client.get("/readyz")

    assert stale.status_code == 503
    assert stale.json()["checks"]["worker"] == {
        "ok": False,
        "seconds_since_last_beat": 601,
        "max_seconds": 600,
    }
    assert fresh.status_code == 200


@pytest.mark.django_db
def test_with_immediate_tasks_there_is_no_worker_to_wait_for(parent_client, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    beat(health.SCHEDULER)

    response = parent_client.get("/readyz")

    assert response.status_code == 200
    assert response.json()["checks"]["worker"] == {"ok": True, "tasks": "immediate"}


@pytest.mark.django_db
def test_readyz_fails_when_the_cache_does_not_keep_a_value(parent_client, monkeypatch):
    beat(health.SCHEDULER)
    assert parent_client.get("/readyz").status_code == 200

    monkeypatch.setattr(cache, "get", lambda *args, **kwargs: None)
    forgetting = parent_client.get("/readyz")

    def unreachable(*args, **kwargs):
        raise ConnectionError("Error 111 connecting to 127.0.0.1:6379.")

    monkeypatch.setattr(cache, "set", unreachable)
    away = parent_client.get("/readyz")

    assert forgetting.status_code == 503
    assert forgetting.json()["checks"]["cache"] == {"ok": False}
    assert away.status_code == 503
    assert away.json()["checks"]["cache"] == {"ok": False, "error": "ConnectionError"}
    assert "6379" not in away.content.decode()


@pytest.mark.django_db
def test_readyz_fails_while_a_migration_is_not_applied(parent_client, monkeypatch):
    beat(health.SCHEDULER)
    assert parent_client.get("/readyz").json()["checks"]["migrations"]["unapplied"] == 0

    planned = MigrationExecutor.migration_plan
    monkeypatch.setattr(
        MigrationExecutor,
        "migration_plan",
        lambda self, targets, *args, **kwargs: planned(self, [("core", "0002_job_runs")], True),
    )
    response = parent_client.get("/readyz")

    assert response.status_code == 503
    migrations = response.json()["checks"]["migrations"]
    assert migrations["ok"] is False and migrations["unapplied"] >= 1


@pytest.mark.django_db
def test_readyz_is_served_on_a_houses_own_domain_and_over_plain_http(house, settings):
    settings.ALLOWED_HOSTS = ["huisvanhetkind.kalmthout.be"]
    settings.SECURE_SSL_REDIRECT = True
    house.domain = "huisvanhetkind.kalmthout.be"
    house.save()
    beat(health.SCHEDULER)
    client = Client(HTTP_HOST="huisvanhetkind.kalmthout.be")

    assert client.get("/readyz").status_code == 200
    assert client.get("/healthz").status_code == 200
    # The control: a page of the platform is sent to HTTPS.
    assert client.get("/accounts/login/").status_code == 301


# The heartbeats ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_every_pass_of_the_scheduler_writes_its_heartbeat():
    assert not Heartbeat.objects.filter(name=health.SCHEDULER).exists()

    call_command("scheduler", "--once", stdout=open("/dev/null", "w"))  # noqa: SIM115

    heartbeat = Heartbeat.objects.get(name=health.SCHEDULER)
    assert timezone.now() - heartbeat.beat_at < timedelta(seconds=30)
    assert heartbeat.source


@pytest.mark.django_db(transaction=True)
def test_the_worker_runs_the_heartbeat_job_that_the_scheduler_enqueues(
    parent_client, database_tasks
):
    call_command("scheduler", "--once", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert JobRun.objects.filter(name=health.HEARTBEAT_JOB).exists()
    before = parent_client.get("/readyz")

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    after = parent_client.get("/readyz")

    assert before.status_code == 503
    assert before.json()["checks"]["worker"]["seconds_since_last_beat"] is None
    assert after.status_code == 200, after.json()
    run = JobRun.objects.get(name=health.HEARTBEAT_JOB)
    assert run.outcome == JobRun.Outcome.OK


@pytest.mark.django_db
def test_the_heartbeat_job_keeps_its_own_records_a_day_and_leaves_other_jobs_alone():
    now = timezone.now()
    old = now - timedelta(days=1, minutes=1)
    JobRun.objects.create(name=health.HEARTBEAT_JOB, due_at=old)
    recent = JobRun.objects.create(name=health.HEARTBEAT_JOB, due_at=now - timedelta(hours=23))
    other = JobRun.objects.create(name="questions.erase_expired_questions", due_at=old)
    # The task itself, its run through the scheduler (run_job), and another job's run.
    for path, args in (
        (health.HEARTBEAT_TASK, []),
        (health.RUN_JOB_TASK, [health.HEARTBEAT_JOB]),
        (health.RUN_JOB_TASK, ["questions.erase_expired_questions"]),
        ("huisvanhetkind.core.tasks.send_todo_digests", []),
    ):
        DBTaskResult.objects.create(
            task_path=path,
            status="SUCCESSFUL",
            run_after=old,
            finished_at=old,
            args_kwargs={"args": args, "kwargs": {}},
            backend_name="default",
        )

    counts = health.worker_heartbeat_record(now=now)

    assert counts == {"old_records_deleted": 3}
    assert set(JobRun.objects.values_list("pk", flat=True)) == {recent.pk, other.pk}
    assert sorted(DBTaskResult.objects.values_list("task_path", flat=True)) == [
        "huisvanhetkind.core.scheduler.run_job",
        "huisvanhetkind.core.tasks.send_todo_digests",
    ]
    assert Heartbeat.objects.get(name=health.WORKER).beat_at == now
