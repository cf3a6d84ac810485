"""The checks of deploy/fault-drills, against the app server at DRILL_APP (with the headers nginx
sets: X-Forwarded-Proto https and one X-Forwarded-For hop) and the drill's own database (the
environment of deploy/fault-drills). Each check prints PASS or FAIL; a subcommand exits 1 when
one failed.

  status PATH CODE     GET PATH; exit 0 when it answers CODE
  redis-down           pages, the question form's limit in the database, the log-in closed
  login-works          a demo account's password is accepted (the second factor comes next)
  postgres-down        /healthz 200, /readyz 503, plain error pages without a traceback
  c-prepare            up to six questions past their retention; prints the id to hold with a
                       lock (the one after the first half)
  c-enqueue            enqueues the retention job of questions as the scheduler does; prints
                       the task's id
  c-halfway TASK       the task runs and erased the first half
  c-stuck TASK         after the kill: the task is still "running", half erased
  c-finished TASK      the task finished
  c-once TASK          every question erased once, with one audit record each
"""

import http.client
import json
import os
import re
import sys
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlencode, urlsplit

APP = urlsplit(os.environ.get("DRILL_APP", "http://127.0.0.1:58001"))
STATE = Path(os.environ.get("VAR_DIR", ".")) / "drill-state.json"
TRACES = ("Traceback", "OperationalError", "psycopg", "ConnectionError", "redis.exceptions")
failures = 0


def check(ok: bool, text: str) -> bool:
    global failures
    print(f"{'PASS' if ok else 'FAIL'} {text}", flush=True)
    if not ok:
        failures += 1
    return ok


# HTTP as nginx passes it -----------------------------------------------------------------------


class Browser:
    """One visitor: its client address (the X-Forwarded-For hop) and its cookies."""

    def __init__(self, address: str = "198.51.100.7"):
        self.address = address
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, data: dict | None = None):
        connection = http.client.HTTPConnection(APP.hostname, APP.port, timeout=20)
        headers = {
            "Host": "127.0.0.1",
            "X-Forwarded-Proto": "https",
            "X-Forwarded-For": self.address,
            "Referer": f"https://127.0.0.1{path}",
        }
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urlencode(data, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        text = response.read().decode("utf-8", "replace")
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name.strip()] = rest.split(";")[0]
        connection.close()
        return response.status, text, dict(response.getheaders())

    def get(self, path: str):
        return self.request("GET", path)

    def post_form(self, path: str, data: dict):
        """GET the form (its CSRF token), then POST it."""
        status, page, _ = self.get(path)
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        if status != 200 or not match:
            return status, page, {}
        return self.request("POST", path, {**data, "csrfmiddlewaretoken": match[1]})


def plain_error_page(status: int, page: str) -> bool:
    return (
        status in (500, 503) and "Er ging iets mis" in page and not any(t in page for t in TRACES)
    )


def no_trace(page: str) -> bool:
    return not any(t in page for t in TRACES)


# The drill's database ----------------------------------------------------------------------------


def django_setup():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "huisvanhetkind.settings")
    import django

    django.setup()


def demo_facts() -> dict:
    """A house with a routed topic, its municipality, and a demo professional (kept in a file,
    for the drill without a database)."""
    if STATE.exists():
        return json.loads(STATE.read_text())
    django_setup()
    from huisvanhetkind.demo.services import DEMO_PASSWORD
    from huisvanhetkind.network.models import Role
    from huisvanhetkind.questions.models import RoutingRule

    rule = RoutingRule.objects.filter(topic__isnull=False).select_related("house", "topic").first()
    role = Role.objects.filter(kind=Role.Kind.COORDINATOR).select_related("user").first()
    facts = {
        "house": rule.house.slug,
        "topic": rule.topic.pk,
        "municipality": rule.house.municipalities.first().pk,
        "email": role.user.email,
        "password": DEMO_PASSWORD,
    }
    STATE.write_text(json.dumps(facts))
    return facts


def question_data(facts: dict, n: int) -> dict:
    return {
        "text": "Mijn baby huilt veel 's nachts. Is dat normaal?",
        "about": "child",
        "child_age": "0",
        "topic": str(facts["topic"]),
        "municipality": str(facts["municipality"]),
        "channel": "email",
        "email": f"drill{n}@example.be",
        "phone": "",
        "name": "",
        "language": "nl",
        "consent": "on",
        "website_url": "",
    }


# Subcommands -------------------------------------------------------------------------------------


def status(path: str, code: str) -> None:
    got, page, _ = Browser().get(path)
    print(got, page[:300])
    if got != int(code):
        sys.exit(1)


def log_in(facts: dict, browser: Browser):
    return browser.post_form(
        "/accounts/login/", {"login": facts["email"], "password": facts["password"]}
    )


def login_works() -> None:
    facts = demo_facts()
    got, _, headers = log_in(facts, Browser("198.51.100.20"))
    check(
        got == 302, f"a: log-in with the password accepted ({got}, on to {headers.get('Location')})"
    )


def redis_down() -> None:
    facts = demo_facts()
    django_setup()
    from huisvanhetkind.core.models import ThrottleCount

    visitor = Browser("198.51.100.10")
    for path in ("/", f"/{facts['house']}/", f"/{facts['house']}/vraag/", "/accounts/login/"):
        got, page, _ = visitor.get(path)
        check(got == 200 and no_trace(page), f"a: {path} serves ({got})")
    got, page, _ = visitor.get("/healthz")
    check(got == 200, f"a: /healthz {got}")
    got, page, _ = visitor.get("/readyz")
    report = json.loads(page) if page.startswith("{") else {}
    cache_ok = report.get("checks", {}).get("cache", {}).get("ok")
    check(got == 503 and cache_ok is False, f"a: /readyz {got}, cache check failing: {page[:160]}")

    parent = Browser("198.51.100.11")
    codes = [
        parent.post_form(f"/{facts['house']}/vraag/", question_data(facts, n))[0] for n in range(6)
    ]
    check(
        codes == [302] * 5 + [429],
        f"a: the question form works and its limit holds without Redis: {codes} (5 accepted, the 6th 429)",
    )
    counted = ThrottleCount.objects.filter(key__startswith="ratelimit:question-ip:").count()
    check(
        counted >= 1, f"a: the question limits were counted in the database ({counted} counter(s))"
    )

    got, page, _ = log_in(facts, Browser("198.51.100.12"))
    check(
        plain_error_page(got, page),
        f"a: the log-in fails closed: refused with the plain error page ({got}), no traceback",
    )
    sys.exit(1 if failures else 0)


def postgres_down() -> None:
    facts = demo_facts()
    visitor = Browser("198.51.100.13")
    got, page, _ = visitor.get("/healthz")
    check(got == 200 and '"ok"' in page, f"b: /healthz stays {got} {page.strip()}")
    got, page, _ = visitor.get("/readyz")
    report = json.loads(page) if page.startswith("{") else {}
    database = report.get("checks", {}).get("database", {})
    check(
        got == 503 and database.get("ok") is False and "Traceback" not in page,
        f"b: /readyz {got}: database {json.dumps(database)}",
    )
    for path in ("/", f"/{facts['house']}/", f"/{facts['house']}/vraag/"):
        got, page, _ = visitor.get(path)
        check(
            plain_error_page(got, page),
            f"b: {path} shows the plain Dutch error page ({got}), no traceback",
        )
    # The log-in form needs no database until it is sent.
    got, page, _ = visitor.get("/accounts/login/")
    check(got == 200 and no_trace(page), f"b: /accounts/login/ still shows its form ({got})")
    got, page, _ = log_in(facts, Browser("198.51.100.14"))
    check(
        plain_error_page(got, page),
        f"b: logging in shows the plain Dutch error page ({got}), no traceback",
    )
    sys.exit(1 if failures else 0)


MOST_QUESTIONS = 6


def drill_questions():
    from huisvanhetkind.questions.models import Question

    ids = json.loads(STATE.with_name("drill-questions.json").read_text())
    return Question.objects.filter(pk__in=ids)


def halfway() -> int:
    """How many the job erases before the locked one (the first half)."""
    return drill_questions().count() // 2


def c_prepare() -> None:
    django_setup()
    from django.utils import timezone

    from huisvanhetkind.questions.models import Question, QuestionEvent
    from huisvanhetkind.questions.services import questions_erase_expired

    # Anything already past its retention goes first, so that the job has exactly our six.
    questions_erase_expired()
    chosen = list(
        Question.objects.filter(erased_at__isnull=True).order_by("-id").values_list("pk", flat=True)
    )[:MOST_QUESTIONS]
    if len(chosen) < 3:
        print(f"only {len(chosen)} questions in the demo", file=sys.stderr)
        sys.exit(1)
    then = timezone.now() - timedelta(days=800)
    Question.objects.filter(pk__in=chosen).update(created_at=then, closed_at=then, answered_at=then)
    QuestionEvent.objects.filter(question_id__in=chosen).update(created_at=then)
    STATE.with_name("drill-questions.json").write_text(json.dumps(chosen))
    # The job erases them newest id first (same time): the one after the first half is held.
    print(sorted(chosen, reverse=True)[len(chosen) // 2])


def c_enqueue() -> None:
    django_setup()
    from django.utils import timezone

    from huisvanhetkind.core import scheduler

    job = scheduler.jobs()["questions.erase_expired_questions"]
    now = timezone.now()
    run = scheduler.job_run_claim(job=job, due_at=now, now=now)
    result = scheduler.run_job.enqueue(job.name, run.pk)
    scheduler.JobRun.objects.filter(pk=run.pk).update(task_result_id=str(result.id))
    print(result.id)


def task_result(task_id: str):
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.get(pk=task_id)


def erased() -> int:
    return drill_questions().filter(erased_at__isnull=False).count()


def c_halfway(task_id: str) -> None:
    django_setup()
    sys.exit(0 if task_result(task_id).status == "RUNNING" and erased() == halfway() else 1)


def c_stuck(task_id: str) -> None:
    django_setup()
    result = task_result(task_id)
    total = drill_questions().count()
    check(
        result.status == "RUNNING" and erased() == halfway(),
        f"c: after the kill the task is left in {result.status} with {erased()} of {total} erased",
    )
    sys.exit(1 if failures else 0)


def c_finished(task_id: str) -> None:
    django_setup()
    sys.exit(0 if task_result(task_id).status in ("SUCCESSFUL", "FAILED") else 1)


def c_once(task_id: str) -> None:
    django_setup()
    from huisvanhetkind.audit.models import AuditEvent
    from huisvanhetkind.core.models import JobRun

    result = task_result(task_id)
    check(
        result.status == "SUCCESSFUL" and len(result.worker_ids) == 2,
        f"c: the task {result.status} by its second worker (workers {len(result.worker_ids)})",
    )
    ids = [str(pk) for pk in drill_questions().values_list("pk", flat=True)]
    audits = {
        pk: AuditEvent.objects.filter(action=AuditEvent.Action.ERASE, target_id=pk).count()
        for pk in ids
    }
    total = drill_questions().count()
    check(erased() == total, f"c: all {total} questions erased ({erased()})")
    check(
        set(audits.values()) == {1},
        f"c: exactly once in effect: one erasure audited per question {sorted(audits.values())}",
    )
    run = JobRun.objects.get(task_result_id=task_id)
    left = total - halfway()
    check(
        run.outcome == JobRun.Outcome.OK and run.counts == {"count": left},
        f"c: the job's run recorded {run.outcome} {run.counts} (the {left} the dead worker left)",
    )
    sys.exit(1 if failures else 0)


COMMANDS = {
    "status": status,
    "redis-down": redis_down,
    "login-works": login_works,
    "postgres-down": postgres_down,
    "c-prepare": c_prepare,
    "c-enqueue": c_enqueue,
    "c-halfway": c_halfway,
    "c-stuck": c_stuck,
    "c-finished": c_finished,
    "c-once": c_once,
}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        print(__doc__)
        sys.exit(2)
    COMMANDS[sys.argv[1]](*sys.argv[2:])
