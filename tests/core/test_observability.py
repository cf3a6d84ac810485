"""Structured logs with a request id carried into tasks, and the Prometheus metrics at /metrics
(core.logs, core.request_log, core.taskqueue, core.metrics; docs/operations.md, Logs and Metrics)."""

import io
import json
import logging
import re

import pytest
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.utils import timezone
from django_tasks import task
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from huisvanhetkind.core import logs, scheduler
from huisvanhetkind.core.models import JobRun
from huisvanhetkind.core.request_log import RequestLogMiddleware
from huisvanhetkind.network.models import Role
from tests.conftest import logged_in, with_second_factor
from tests.factories import RoleFactory, UserFactory
from tests.questions import conftest as questions_fixtures
from tests.questions.conftest import form_data

sleep_topic = questions_fixtures.sleep_topic
sleep_rule = questions_fixtures.sleep_rule
DATABASE_TASKS = {"default": {"BACKEND": "huisvanhetkind.core.taskqueue.DatabaseBackend"}}


@pytest.fixture
def log_lines():
    """Every log line while the test runs, as the production handler writes them (JSON)."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logs.JsonFormatter())
    handler.addFilter(logs.RoutePathFilter())
    root = logging.getLogger()
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    # A db_worker command run earlier in the process (verbosity 0) silences django-tasks' loggers.
    tasks_loggers = [logging.getLogger(name) for name in ("django_tasks", "django_tasks_db")]
    tasks_levels = [logger.level for logger in tasks_loggers]
    for logger in tasks_loggers:
        logger.setLevel(logging.DEBUG)

    def lines():
        return [json.loads(line) for line in stream.getvalue().splitlines() if line.strip()]

    lines.text = stream.getvalue
    yield lines
    root.removeHandler(handler)
    root.setLevel(level)
    for logger, tasks_level in zip(tasks_loggers, tasks_levels, strict=True):
        logger.setLevel(tasks_level)


def request_lines(lines):
    return [line for line in lines() if line["logger"] == "huisvanhetkind.request"]


@pytest.fixture
def platform_admin_client(db):
    user = with_second_factor(UserFactory(email="platform@example.be"))
    RoleFactory(user=user, kind=Role.Kind.PLATFORM_ADMIN)
    return logged_in(user)


@task()
def log_from_a_task(word: str) -> str:
    logging.getLogger("tests.core.observability").info("The task says %s.", word)
    return word


# Logs ------------------------------------------------------------------------------------------


def test_a_request_writes_one_json_line_with_its_fields_and_returns_the_proxy_s_id(
    house, log_lines
):
    response = Client().get(f"/{house.slug}/", HTTP_X_REQUEST_ID="0123456789abcdef0123456789abcdef")
    assert response.status_code == 200
    assert response["X-Request-ID"] == "0123456789abcdef0123456789abcdef"
    [line] = request_lines(log_lines)
    assert set(line) >= {"time", "level", "logger", "message", "request_id", "method", "path"}
    assert line["request_id"] == "0123456789abcdef0123456789abcdef"
    assert (line["method"], line["status"], line["level"]) == ("GET", 200, "INFO")
    assert line["path"] == "/<slug:house_slug>/" and line["house"] == house.slug
    assert isinstance(line["duration_ms"], float) and "user_id" not in line
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00", line["time"])


def test_a_request_without_a_usable_id_gets_a_new_one(house, log_lines):
    response = Client().get(f"/{house.slug}/", HTTP_X_REQUEST_ID='x"\n{"level": "forged"}')
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])
    [line] = request_lines(log_lines)
    assert line["request_id"] == response["X-Request-ID"]


def test_a_logged_in_professional_is_named_by_id_only(house, worker, log_lines):
    response = logged_in(worker).get(f"/{house.slug}/")
    assert response.status_code == 200
    [line] = request_lines(log_lines)
    assert line["user_id"] == worker.pk
    text = log_lines.text()
    assert worker.email not in text and "opvoedingspunt.example" not in text


def test_a_question_leaves_no_personal_data_in_the_logs(
    parent_client, house, sleep_topic, sleep_rule, on_commit, log_lines
):
    data = form_data(house, sleep_topic, name="An Peeters", email="an.peeters@example.be")
    with on_commit():
        response = parent_client.post(f"/{house.slug}/vraag/?email=an.peeters@example.be", data)
    assert response.status_code == 302
    private = response["Location"]
    token = private.split("/")[-2]
    assert parent_client.get(private).status_code == 200
    # An expired or mistyped private link: Django's own "Not Found" line names the route too.
    assert parent_client.get(private.replace(token, token[:-4] + "AAAA")).status_code == 404
    text = log_lines.text()
    for personal in ("an.peeters@example.be", "Peeters", "huilt", "baby", token, token[:-4]):
        assert personal not in text
    paths = [line["path"] for line in request_lines(log_lines)]
    assert "/<slug:house_slug>/vraag/" in paths and len(paths) == 3
    assert all("?" not in path for path in paths)
    [not_found] = [line for line in log_lines() if line["logger"] == "django.request"]
    assert not_found["message"] == "Not Found: /<slug:house_slug>/vraag/antwoord/<str:token>/"
    assert not_found["request_id"] == request_lines(log_lines)[-1]["request_id"]


def test_an_e_mail_address_in_an_error_is_left_out(log_lines):
    try:
        raise ValueError("Key (email)=(an.peeters@example.be) already exists.")
    except ValueError:
        logging.getLogger("tests").exception("Saving failed for an.peeters@example.be")
    [line] = log_lines()
    assert "an.peeters@example.be" not in json.dumps(line)
    assert line["level"] == "ERROR" and "ValueError" in line["exception"]


# The request id in the tasks a request enqueues -------------------------------------------


def run_worker():
    """What db_worker does for each ready task (its loop without the connection handling, which
    would close the test's transaction on PostgreSQL): claim it, run it."""
    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    for row in DBTaskResult.objects.ready():
        row.claim(worker.worker_id)
        worker.run_task(row)


def test_a_task_enqueued_in_a_request_logs_with_that_request_s_id(settings, db, log_lines):
    settings.TASKS = DATABASE_TASKS

    def view(request):
        log_from_a_task.enqueue("hello")
        return HttpResponse("ok")

    request = RequestFactory().get("/", HTTP_X_REQUEST_ID="feedc0ffee0123456789")
    response = RequestLogMiddleware(view)(request)
    assert response["X-Request-ID"] == "feedc0ffee0123456789"
    row = DBTaskResult.objects.get()
    assert row.args_kwargs == {
        "args": ["hello"],
        "kwargs": {},
        "request_id": "feedc0ffee0123456789",
    }
    assert logs.current_request_id() is None  # the request's context ended with it

    run_worker()
    row.refresh_from_db()
    assert row.status == "SUCCESSFUL" and row.return_value == "hello"
    [said] = [line for line in log_lines() if line["message"] == "The task says hello."]
    assert said["request_id"] == "feedc0ffee0123456789"
    assert said["task"] == "tests.core.test_observability.log_from_a_task"
    assert said["task_id"] == str(row.id)
    # django-tasks' own lines of the task carry it as well; the worker's context ends with it.
    started = [line for line in log_lines() if "state=RUNNING" in line["message"]]
    assert started and started[0]["request_id"] == "feedc0ffee0123456789"
    assert logs.current_request_id() is None


def test_a_task_enqueued_outside_a_request_gets_an_id_of_its_own(settings, db, log_lines):
    settings.TASKS = DATABASE_TASKS
    log_from_a_task.enqueue("alone")
    assert "request_id" not in DBTaskResult.objects.get().args_kwargs
    run_worker()
    [said] = [line for line in log_lines() if line["message"] == "The task says alone."]
    assert re.fullmatch(r"[0-9a-f]{32}", said["request_id"])


# Metrics ---------------------------------------------------------------------------------------


def sample(text: str, name: str, labels: str = "") -> float:
    match = re.search(rf"^{re.escape(name + labels)} (\S+)$", text, re.MULTILINE)
    assert match, f"{name}{labels} is not exposed"
    return float(match.group(1))


def test_metrics_expose_requests_latencies_the_queue_and_the_jobs(settings, house, db):
    settings.TASKS = DATABASE_TASKS
    log_from_a_task.enqueue("waiting")
    DBTaskResult.objects.update(enqueued_at=timezone.now() - timezone.timedelta(seconds=90))
    now = timezone.now()
    JobRun.objects.create(
        name="questions.erase_expired_questions",
        due_at=now,
        started_at=now,
        finished_at=now,
        outcome=JobRun.Outcome.OK,
    )
    JobRun.objects.create(
        name="core.todo_digests",
        due_at=now,
        started_at=now,
        finished_at=now,
        outcome=JobRun.Outcome.FAILED,
    )
    client = Client()
    client.get(f"/{house.slug}/")
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert (
        sample(text, "hvhk_http_requests_total", '{method="GET",status="200",view="web:house"}')
        >= 1
    )
    assert "hvhk_http_request_duration_seconds_bucket{" in text
    assert sample(text, "hvhk_task_queue_depth") == 1
    assert 85 <= sample(text, "hvhk_task_queue_oldest_age_seconds") < 200
    assert sample(text, "hvhk_tasks", '{state="ready"}') == 1
    assert sample(text, "hvhk_tasks", '{state="failed"}') == 0
    assert sample(text, "hvhk_job_runs", '{job="core.todo_digests",outcome="failed"}') == 1
    assert (
        sample(text, "hvhk_job_runs", '{job="questions.erase_expired_questions",outcome="ok"}') == 1
    )
    last = sample(
        text, "hvhk_job_last_success_timestamp_seconds", '{job="questions.erase_expired_questions"}'
    )
    assert abs(last - now.timestamp()) < 1
    assert sample(text, "hvhk_metrics_database_up") == 1


def test_metrics_are_a_404_outside_the_allow_list(settings, db, platform_admin_client):
    assert Client(REMOTE_ADDR="203.0.113.5").get("/metrics").status_code == 404
    # A platform admin is no exception: the allow-list is of addresses.
    platform_admin_client.defaults["REMOTE_ADDR"] = "203.0.113.5"
    assert platform_admin_client.get("/metrics").status_code == 404
    # Behind the proxy, the client's address is the one the proxy appended.
    settings.TRUSTED_PROXY_COUNT = 1
    through_proxy = Client(REMOTE_ADDR="127.0.0.1")
    assert through_proxy.get("/metrics", HTTP_X_FORWARDED_FOR="203.0.113.5").status_code == 404
    assert (
        through_proxy.get("/metrics", HTTP_X_FORWARDED_FOR="127.0.0.1, 203.0.113.5").status_code
        == 404
    )
    assert through_proxy.get("/metrics", HTTP_X_FORWARDED_FOR="127.0.0.1").status_code == 200
    settings.METRICS_ALLOWED_IPS = ["10.20.0.0/16"]
    assert through_proxy.get("/metrics", HTTP_X_FORWARDED_FOR="10.20.3.4").status_code == 200
    assert through_proxy.get("/metrics", HTTP_X_FORWARDED_FOR="127.0.0.1").status_code == 404


def test_each_scheduled_run_has_a_request_id_of_its_own(settings, db, log_lines):
    settings.TASKS = DATABASE_TASKS
    scheduler.job_runs_enqueue_due()
    ids = [row.args_kwargs.get("request_id") for row in DBTaskResult.objects.all()]
    assert len(ids) > 1 and all(ids) and len(set(ids)) == len(ids)
    enqueued = [line for line in log_lines() if line["message"].startswith("Enqueued job")]
    assert sorted(line["request_id"] for line in enqueued) == sorted(ids)
