"""The one schedule of periodic jobs: due slots, once per slot across scheduler processes, a
missed run caught up once, every run recorded, the platform admin's overview."""

import os
import sqlite3
import subprocess
import sys
import time
from datetime import datetime, timedelta
from io import StringIO
from urllib.parse import quote
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from huisvanhetkind.activities import tasks as activities_tasks
from huisvanhetkind.catalogue import tasks as catalogue_tasks
from huisvanhetkind.core import scheduler
from huisvanhetkind.core.models import JobRun
from huisvanhetkind.network import tasks as network_tasks
from huisvanhetkind.network.models import Role
from huisvanhetkind.questions import tasks as questions_tasks
from tests.conftest import logged_in, with_second_factor
from tests.factories import RoleFactory, UserFactory

BRUSSELS = ZoneInfo("Europe/Brussels")


def brussels(*args) -> datetime:
    return datetime(*args, tzinfo=BRUSSELS)


@task()
def count_three() -> int:
    return 3


@task()
def report_counts() -> dict:
    return {"reminders": 2, "escalations": 1}


@task()
def fail_with_personal_data() -> int:
    raise RuntimeError("SMTP refused ouder@example.be (tel. 0470 12 34 56)")


@pytest.fixture
def registry(monkeypatch):
    """An empty registry for the test's own jobs (the apps' jobs are discovered first, so that
    discovery cannot add them later)."""
    scheduler.jobs()
    monkeypatch.setattr(scheduler, "_REGISTRY", {})
    return scheduler


def daily(name="test.count", task=count_three, hour=3):
    return scheduler.register(name, every=timedelta(days=1), at=timedelta(hours=hour), task=task)


# Due slots ---------------------------------------------------------------------------------


def test_a_daily_job_is_due_at_its_time_on_the_brussels_clock_in_summer_and_winter(registry):
    job = daily(hour=3)

    assert job.due_at(brussels(2026, 7, 1, 10, 0)) == brussels(2026, 7, 1, 3, 0)
    assert job.due_at(brussels(2026, 7, 1, 2, 59)) == brussels(2026, 6, 30, 3, 0)
    assert job.due_at(brussels(2026, 7, 1, 3, 0)) == brussels(2026, 7, 1, 3, 0)
    assert job.due_at(brussels(2026, 1, 15, 12, 0)) == brussels(2026, 1, 15, 3, 0)
    # The night summer time ends (25 October 2026) and the night it starts (29 March 2026).
    assert job.due_at(brussels(2026, 10, 25, 12, 0)) == brussels(2026, 10, 25, 3, 0)
    assert job.due_at(brussels(2026, 3, 29, 12, 0)) == brussels(2026, 3, 29, 3, 0)
    assert job.next_due_at(brussels(2026, 10, 24, 3, 0)) == brussels(2026, 10, 25, 3, 0)
    assert job.next_due_at(brussels(2026, 7, 1, 2, 0)) == brussels(2026, 7, 1, 3, 0)
    assert job.cadence == "elke dag om 03:00"


def test_a_job_of_minutes_is_due_at_multiples_of_its_cadence_plus_its_offset(registry):
    job = scheduler.register(
        "test.quarter", every=timedelta(minutes=15), at=timedelta(minutes=5), task=count_three
    )
    now = datetime(2026, 7, 1, 10, 19, 59, tzinfo=ZoneInfo("UTC"))

    assert job.due_at(now) == datetime(2026, 7, 1, 10, 5, tzinfo=ZoneInfo("UTC"))
    assert job.next_due_at(now) == datetime(2026, 7, 1, 10, 20, tzinfo=ZoneInfo("UTC"))
    assert job.cadence == "elke 15 minuten"


def test_a_weekly_job_is_due_on_its_weekday(registry):
    job = scheduler.register(
        "test.weekly", every=timedelta(days=7), at=timedelta(days=2, hours=6), task=count_three
    )

    # 1 July 2026 is a Wednesday.
    assert job.due_at(brussels(2026, 7, 1, 5, 0)) == brussels(2026, 6, 24, 6, 0)
    assert job.due_at(brussels(2026, 7, 2, 5, 0)) == brussels(2026, 7, 1, 6, 0)


def test_register_refuses_a_second_job_of_the_same_name_and_an_offset_outside_the_cadence(
    registry,
):
    daily()
    daily()  # the same task again (a module imported twice) is fine

    with pytest.raises(ValueError, match="twice"):
        daily(task=report_counts)
    with pytest.raises(ValueError, match="'at'"):
        scheduler.register(
            "test.late", every=timedelta(days=1), at=timedelta(hours=25), task=count_three
        )
    with pytest.raises(ValueError, match="minutes"):
        scheduler.register("test.fast", every=timedelta(seconds=10), task=count_three)
    assert list(scheduler.jobs()) == ["test.count"]


def test_the_daily_commands_are_registered_as_jobs_with_their_tasks():
    jobs = scheduler.jobs()

    expected = {
        "catalogue.send_verification_reminders": catalogue_tasks.send_verification_reminders,
        "questions.send_question_reminders": questions_tasks.send_question_reminders,
        "questions.erase_expired_questions": questions_tasks.erase_expired_questions,
        "activities.send_activity_reminders": activities_tasks.send_activity_reminders,
        "activities.erase_expired_registrations": activities_tasks.erase_expired_registrations,
        "activities.erase_expired_photos": activities_tasks.erase_expired_photos,
        "network.erase_expired_applications": network_tasks.erase_expired_applications,
    }
    for name, task_ in expected.items():
        assert jobs[name].task is task_, name
        assert jobs[name].every == timedelta(days=1)
        assert jobs[name].description


# Passes and runs ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_due_job_is_enqueued_once_run_and_recorded(registry):
    daily()
    now = brussels(2026, 7, 1, 10, 0)

    first = scheduler.job_runs_enqueue_due(now=now)
    again = scheduler.job_runs_enqueue_due(now=now + timedelta(minutes=1))

    assert [run.name for run in first] == ["test.count"]
    assert again == []
    run = JobRun.objects.get()
    assert run.due_at == brussels(2026, 7, 1, 3, 0)
    assert run.enqueued_at == now
    assert run.outcome == JobRun.Outcome.OK
    assert run.counts == {"count": 3}
    assert run.error == ""
    assert run.started_at is not None and run.finished_at >= run.started_at
    assert run.task_result_id


@pytest.mark.django_db
def test_a_claimed_slot_cannot_be_claimed_again(registry):
    job = daily()
    slot = brussels(2026, 7, 1, 3, 0)

    assert scheduler.job_run_claim(job=job, due_at=slot, now=timezone.now()) is not None
    assert scheduler.job_run_claim(job=job, due_at=slot, now=timezone.now()) is None
    assert scheduler.job_run_claim(job=job, due_at=slot + timedelta(days=1), now=timezone.now())
    assert JobRun.objects.count() == 2


@pytest.mark.django_db
def test_a_dict_that_the_task_returns_is_recorded_as_the_counts(registry):
    daily("test.counts", task=report_counts)

    scheduler.job_runs_enqueue_due(now=brussels(2026, 7, 1, 10, 0))

    assert JobRun.objects.get().counts == {"reminders": 2, "escalations": 1}


@pytest.mark.django_db
def test_a_missed_run_is_caught_up_once_after_a_restart(registry):
    daily(hour=3)
    scheduler.job_runs_enqueue_due(now=brussels(2026, 7, 1, 4, 0))

    # The scheduler was stopped on 1 July and starts again on 4 July at 10:00: the slots of
    # 2 and 3 July were missed; the latest one, of 4 July, runs once.
    caught_up = scheduler.job_runs_enqueue_due(now=brussels(2026, 7, 4, 10, 0))
    later = scheduler.job_runs_enqueue_due(now=brussels(2026, 7, 4, 10, 0, 30))
    next_day = scheduler.job_runs_enqueue_due(now=brussels(2026, 7, 5, 3, 0))

    assert [run.due_at for run in caught_up] == [brussels(2026, 7, 4, 3, 0)]
    assert later == []
    assert [run.due_at for run in next_day] == [brussels(2026, 7, 5, 3, 0)]
    assert sorted(JobRun.objects.values_list("due_at", flat=True)) == [
        brussels(2026, 7, 1, 3, 0),
        brussels(2026, 7, 4, 3, 0),
        brussels(2026, 7, 5, 3, 0),
    ]
    assert set(JobRun.objects.values_list("outcome", flat=True)) == {JobRun.Outcome.OK}


@pytest.mark.django_db
def test_a_failing_job_is_recorded_as_failed_without_personal_data_and_raised(registry):
    daily("test.fails", task=fail_with_personal_data)
    daily("test.count")

    enqueued = scheduler.job_runs_enqueue_due(now=brussels(2026, 7, 1, 10, 0))

    # The failure does not stop the other job.
    assert sorted(run.name for run in enqueued) == ["test.count", "test.fails"]
    failed = JobRun.objects.get(name="test.fails")
    assert failed.outcome == JobRun.Outcome.FAILED
    assert failed.finished_at is not None
    assert failed.error.startswith("builtins.RuntimeError: SMTP refused")
    assert "ouder@example.be" not in failed.error
    assert "0470" not in failed.error
    assert JobRun.objects.get(name="test.count").outcome == JobRun.Outcome.OK
    # The task itself fails too, so that its task result shows it.
    run = JobRun.objects.create(name="test.fails", due_at=brussels(2026, 7, 2, 3, 0))
    with pytest.raises(RuntimeError):
        scheduler.run_job.call("test.fails", run.pk)
    run.refresh_from_db()
    assert run.outcome == JobRun.Outcome.FAILED


@pytest.mark.django_db
def test_a_run_is_skipped_when_a_later_one_is_queued_or_its_job_is_gone(registry):
    daily()
    early = JobRun.objects.create(name="test.count", due_at=brussels(2026, 7, 1, 3, 0))
    late = JobRun.objects.create(name="test.count", due_at=brussels(2026, 7, 2, 3, 0))
    gone = JobRun.objects.create(name="test.removed", due_at=brussels(2026, 7, 2, 3, 0))

    assert "skipped" in scheduler.run_job.call("test.count", early.pk)
    assert scheduler.run_job.call("test.count", late.pk) == {"count": 3}
    assert "skipped" in scheduler.run_job.call("test.removed", gone.pk)

    for run, outcome in ((early, "skipped"), (late, "ok"), (gone, "skipped")):
        run.refresh_from_db()
        assert run.outcome == outcome
    assert early.error == "Een latere run van deze taak staat al klaar."
    assert gone.error == "Deze taak bestaat niet meer."


@pytest.mark.django_db
def test_a_run_is_skipped_while_another_run_of_the_job_is_busy(registry):
    daily()
    now = timezone.now()
    JobRun.objects.create(
        name="test.count", due_at=now - timedelta(days=1), started_at=now - timedelta(minutes=5)
    )
    # Busy for more than the cadence: taken for dead, it no longer holds the next run back.
    JobRun.objects.create(
        name="test.other", due_at=now - timedelta(days=3), started_at=now - timedelta(days=3)
    )
    waiting = JobRun.objects.create(name="test.count", due_at=now)

    assert "skipped" in scheduler.run_job.call("test.count", waiting.pk)
    waiting.refresh_from_db()
    assert waiting.error == "Een vorige run van deze taak is nog bezig."

    daily("test.other")
    after_crash = JobRun.objects.create(name="test.other", due_at=now)
    assert scheduler.run_job.call("test.other", after_crash.pk) == {"count": 3}


@pytest.mark.django_db
def test_the_records_of_runs_are_kept_a_year(registry):
    now = timezone.now()
    JobRun.objects.create(name="test.count", due_at=now - timedelta(days=366))
    kept = JobRun.objects.create(name="test.count", due_at=now - timedelta(days=364))

    assert scheduler.erase_old_job_runs.call() == 1
    assert list(JobRun.objects.all()) == [kept]


def test_an_error_keeps_its_class_and_message_without_addresses_or_numbers():
    text = scheduler.error_text(
        ValueError("jan.peeters@telenet.be, +32 470 12 34 56, rijksregister 85.07.30-033.61")
    )

    assert text.startswith("builtins.ValueError: ")
    for personal in ("jan.peeters", "telenet", "470", "85.07.30"):
        assert personal not in text
    assert "rijksregister" in text
    assert len(scheduler.error_text(ValueError("x" * 2000))) == scheduler.ERROR_MAX_LENGTH


# Two scheduler processes -------------------------------------------------------------------

RACE = """
import os, time
import django
django.setup()
from django.core.management import call_command
from huisvanhetkind.core import scheduler
scheduler.jobs()
time.sleep(max(0.0, float(os.environ["START_AT"]) - time.time()))
call_command("scheduler", "--once")
"""


def _environment(tmp_path) -> dict:
    """The environment of a child process on the test's database: on PostgreSQL the test
    database itself; in place of SQLite in memory (which another process cannot open) a fresh
    SQLite file with the project's settings (WAL, BEGIN IMMEDIATE), migrated first."""
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(DJANGO_SETTINGS_MODULE="huisvanhetkind.settings", TASKS_BACKEND="database")
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        env["VAR_DIR"] = str(tmp_path)
        migrate = subprocess.run(
            [sys.executable, "manage.py", "migrate", "--no-input", "-v0"],
            cwd=settings.BASE_DIR,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert migrate.returncode == 0, migrate.stderr[-3000:]
    else:
        db = connection.settings_dict
        assert db["ENGINE"].endswith("postgresql"), db["ENGINE"]
        credentials = quote(db["USER"] or "", safe="")
        if db["PASSWORD"]:
            credentials += ":" + quote(db["PASSWORD"], safe="")
        env["DATABASE_URL"] = (
            f"postgres://{credentials}@{db['HOST'] or ''}:{db['PORT'] or 5432}/{db['NAME']}"
        )
    return env


def _runs_and_tasks(tmp_path) -> tuple[list[str], int]:
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        with sqlite3.connect(tmp_path / "huisvanhetkind.sqlite3") as db:
            names = [row[0] for row in db.execute("SELECT name FROM core_jobrun")]
            tasks = db.execute("SELECT count(*) FROM django_tasks_database_dbtaskresult")
            return sorted(names), tasks.fetchone()[0]
    return sorted(JobRun.objects.values_list("name", flat=True)), DBTaskResult.objects.count()


@pytest.mark.django_db(transaction=True)
def test_two_scheduler_processes_at_once_enqueue_each_due_job_once(tmp_path):
    env = _environment(tmp_path)
    start = time.time() + 5
    if start % 60 > 50:  # the worker's heartbeat is due every minute: both start in one minute
        start += 61 - start % 60
    env["START_AT"] = str(start)

    processes = [
        subprocess.Popen(
            [sys.executable, "-c", RACE],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [process.communicate(timeout=300) for process in processes]

    for process, (_, stderr) in zip(processes, outputs, strict=True):
        assert process.returncode == 0, stderr[-3000:]
    enqueued = sorted(
        line.split()[1]
        for stdout, _ in outputs
        for line in stdout.splitlines()
        if line.startswith("Enqueued ")
    )
    names, tasks = _runs_and_tasks(tmp_path)
    jobs = sorted(scheduler.jobs())
    assert len(jobs) >= 7
    assert enqueued == jobs
    assert names == jobs
    assert tasks == len(jobs)


# The command's list ------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_list_shows_each_job_its_cadence_next_moment_and_last_run(registry):
    daily("test.count", hour=3)
    daily("test.fails", task=fail_with_personal_data, hour=4)
    daily("test.never", hour=5)
    now = timezone.now()
    JobRun.objects.create(
        name="test.count",
        due_at=now - timedelta(days=2),
        outcome="failed",
        error="builtins.RuntimeError: old",
    )
    JobRun.objects.create(
        name="test.count", due_at=now - timedelta(days=1), outcome="ok", counts={"count": 3}
    )
    JobRun.objects.create(
        name="test.fails", due_at=now, outcome="failed", error="builtins.RuntimeError: boom"
    )

    out = StringIO()
    call_command("scheduler", "--list", stdout=out)

    text = out.getvalue()
    count, fails, never = text.split("test.")[1:]
    assert count.startswith("count\n  every day at 03:00; next due ")
    assert 'ok {"count": 3}' in count
    assert "old" not in count
    assert "failed (builtins.RuntimeError: boom)" in fails
    assert "every day at 05:00" in never
    assert "last run: never run" in never


@pytest.mark.django_db
def test_once_prints_what_it_enqueued(registry):
    daily()

    first, second = StringIO(), StringIO()
    call_command("scheduler", "--once", stdout=first)
    call_command("scheduler", "--once", stdout=second)

    assert first.getvalue().startswith("Enqueued test.count due at ")
    assert first.getvalue().strip().endswith("(ok).")
    assert second.getvalue() == ""


# The platform admin's page -----------------------------------------------------------------


@pytest.fixture
def platform_admin(db):
    user = with_second_factor(UserFactory(email="platform@example.be"))
    RoleFactory(user=user, kind=Role.Kind.PLATFORM_ADMIN)
    return user


URL = "/beheer/platform/taken/"


@pytest.mark.django_db
def test_only_a_platform_admin_sees_the_jobs_page(
    registry, platform_admin, coordinator, worker, outsider
):
    daily()
    daily("test.fails", task=fail_with_personal_data, hour=4)
    scheduler.job_runs_enqueue_due(now=brussels(2026, 7, 1, 10, 0))

    assert reverse("core:job_runs") == URL
    for user in (coordinator, worker, outsider):
        assert logged_in(user).get(URL).status_code == 404, user.email
    anonymous = logged_in(platform_admin).__class__().get(URL)
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(reverse("account_login"))

    response = logged_in(platform_admin).get(URL)

    assert response.status_code == 200
    content = response.content.decode()
    assert "Periodieke taken" in content
    assert "test.count" in content and "test.fails" in content
    assert "elke dag om 03:00" in content
    assert "count: 3" in content
    assert "gelukt" in content and "mislukt" in content
    assert "ouder@example.be" not in content


@pytest.mark.django_db
def test_a_superuser_sees_the_jobs_page_and_the_runs_read_only_in_the_admin(registry):
    daily()
    scheduler.job_runs_enqueue_due(now=brussels(2026, 7, 1, 10, 0))
    run = JobRun.objects.get()
    superuser = with_second_factor(UserFactory(is_staff=True, is_superuser=True))
    client = logged_in(superuser)

    assert client.get(URL).status_code == 200
    assert client.get("/admin/core/jobrun/").status_code == 200
    assert client.get(f"/admin/core/jobrun/{run.pk}/change/").status_code == 200
    assert client.get("/admin/core/jobrun/add/").status_code == 403
    assert client.post(f"/admin/core/jobrun/{run.pk}/delete/").status_code == 403
    assert JobRun.objects.filter(pk=run.pk).exists()


@pytest.mark.django_db
def test_the_jobs_page_query_count_does_not_grow_with_the_runs(registry, platform_admin):
    daily()
    daily("test.other", hour=4)
    client = logged_in(platform_admin)
    JobRun.objects.create(name="test.count", due_at=timezone.now(), outcome="ok")
    with CaptureQueriesContext(connection) as few:
        assert client.get(URL).status_code == 200
    for day in range(1, 30):
        for name in ("test.count", "test.other"):
            JobRun.objects.create(
                name=name, due_at=timezone.now() - timedelta(days=day), outcome="ok"
            )
    with CaptureQueriesContext(connection) as many:
        response = client.get(URL)

    assert len(few) == len(many)
    assert response.content.decode().count("<tr>") == 2 * scheduler.RECENT_RUNS + 2
