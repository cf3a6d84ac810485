"""The load test of the production stack (make load; bench/load/run.py starts it): families and
professionals through nginx over TLS, with Locust, headless.

Families (``FamilyUser``): the home page of a house, searches of its offer and service pages,
the activity calendar (as a list and by week) and activity pages, registering for a session
(the form, then the post, which must send on to the family's own page) and "stel je vraag" (the
form, then the post, likewise). Each simulated user plays one family after another: a new family
has a new client address and no cookies, and a family that registers or asks a question is
always a new one, so the platform's throttles (which stay on) count each family on its own, as
they would count real families. Professionals (``ProfessionalUser``): log in with password and
second factor (TOTP), then the dashboard, the question inbox, the referral inbox (with filters)
and the sent referrals.

Client addresses: the stack of make load trusts two hops of X-Forwarded-For
(``PROD_TRUSTED_PROXY_COUNT=2``): this generator plays the outer proxy and writes each family's
address (in 198.18.0.0/15, the range for tests), nginx appends the connection's. The stack of
make prod (one hop) would see every request as 127.0.0.1 and throttle it as one client.

Bounded: ``--run-time`` and ``LOAD_MAX_REQUESTS`` (the run stops at that many requests), and
only a host on 127.0.0.1. The figures go to ``LOAD_REPORT`` (JSON: per group and per page:
requests, failures, requests per second, p50/p95/p99, max) besides Locust's own ``--csv``.

Environment: LOAD_TARGETS (bench/load/prepare.py's JSON), LOAD_REPORT, LOAD_MAX_REQUESTS
(default 1,000,000), LOAD_PROFESSIONALS (simulated professionals, 2), LOAD_FAMILY_WAIT ("0.5-1.5" seconds between a family's pages),
LOAD_PROFESSIONAL_WAIT ("1-3"), LOAD_WARM_UP (seconds at the start whose figures are reported apart, under
``warm_up``; 0).
"""

import base64
import hashlib
import hmac
import itertools
import json
import os
import random
import re
import struct
import time
from pathlib import Path
from urllib.parse import urlparse

import gevent
from locust import FastHttpUser, between, events, task
from locust.stats import StatsEntry

TARGETS = json.loads(Path(os.environ.get("LOAD_TARGETS", "var/load/targets.json")).read_text())
MAX_REQUESTS = int(os.environ.get("LOAD_MAX_REQUESTS", "1000000"))
WARM_UP = float(os.environ.get("LOAD_WARM_UP", "0"))
CSRF_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
ERROR_SUMMARY = re.compile(r'class="error-summary".*?</div>', re.S)


def wait(setting: str, default: str):
    low, high = (float(x) for x in os.environ.get(setting, default).split("-"))
    return between(low, high)


def fresh_address(rng: random.Random) -> str:
    return f"198.{rng.randint(18, 19)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"


def totp(secret: str, at: float) -> str:
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    digest = hmac.new(key, struct.pack(">Q", int(at) // 30), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{number % 1_000_000:06d}"


def refusal(text: str) -> str:
    match = ERROR_SUMMARY.search(text)
    return " ".join(re.sub(r"<[^>]+>", " ", match.group(0)).split())[:200] if match else text[:200]


# --- Bounds and the report ----------------------------------------------------------------------


@events.init.add_listener
def only_this_machine(environment, **_kwargs):
    host = urlparse(environment.host or "").hostname
    if host != "127.0.0.1":
        raise SystemExit(f"The load test runs against 127.0.0.1 only, not {environment.host!r}.")


@events.request.add_listener
def count_requests(**_kwargs):
    count_requests.total = getattr(count_requests, "total", 0) + 1
    if count_requests.total == MAX_REQUESTS:
        runner = getattr(count_requests, "runner", None)
        if runner is not None:
            gevent.spawn(runner.quit)


@events.test_start.add_listener
def remember_runner(environment, **_kwargs):
    count_requests.runner = environment.runner


def summary(entry: StatsEntry, seconds: float) -> dict:
    count = entry.num_requests
    return {
        "requests": count,
        "failures": entry.num_failures,
        "per_second": round(count / seconds, 1) if seconds else 0.0,
        "p50_ms": entry.get_response_time_percentile(0.50) if count else None,
        "p95_ms": entry.get_response_time_percentile(0.95) if count else None,
        "p99_ms": entry.get_response_time_percentile(0.99) if count else None,
        "max_ms": round(entry.max_response_time) if count else None,
        "mean_ms": round(entry.avg_response_time, 1) if count else None,
    }


def build_report(environment) -> dict:
    """The figures of the requests since the start, or since the end of the warm-up."""
    stats = environment.stats
    total = stats.total
    seconds = (total.last_request_timestamp or time.time()) - total.start_time
    groups = {}
    for prefix in ("family", "professional"):
        merged = StatsEntry(stats, prefix, "", use_response_times_cache=False)
        for (name, _method), entry in stats.entries.items():
            if name.startswith(prefix + ":"):
                merged.extend(entry)
        if merged.num_requests:
            groups[prefix] = summary(merged, seconds)
    return {
        "host": environment.host,
        "seconds": round(seconds, 1),
        "users": getattr(environment.parsed_options, "num_users", None),
        "total": summary(total, seconds),
        "groups": groups,
        "pages": {
            f"{method} {name}": summary(entry, seconds)
            for (name, method), entry in sorted(stats.entries.items())
        },
        "errors": [
            {
                "name": e.name,
                "method": e.method,
                "error": str(e.error)[:300],
                "count": e.occurrences,
            }
            for e in stats.errors.values()
        ][:30],
        "load_average_end": round(os.getloadavg()[0], 2),
    }


@events.test_start.add_listener
def start_warm_up(environment, **_kwargs):
    """With LOAD_WARM_UP seconds: the users run on without a pause, and the figures are kept
    apart and started afresh at its end, so that the measured run is the steady state of a
    stack that has served its visitors for a while (not the burst of every user's first page
    on empty caches)."""
    if WARM_UP > 0:
        gevent.spawn(end_warm_up, environment)


def end_warm_up(environment) -> None:
    gevent.sleep(WARM_UP)
    end_warm_up.report = build_report(environment)
    environment.stats.reset_all()


@events.quitting.add_listener
def write_report(environment, **_kwargs):
    path = os.environ.get("LOAD_REPORT")
    if not path:
        return
    report = build_report(environment)
    warm_up = getattr(end_warm_up, "report", None)
    if warm_up is not None:
        report["warm_up"] = warm_up
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(json.dumps(report, indent=2), encoding="utf-8")


# --- The users ----------------------------------------------------------------------------------


class Visitor(FastHttpUser):
    """A browser behind the outer proxy: its address in X-Forwarded-For, its own cookies."""

    abstract = True
    insecure = True  # the stack's self-signed certificate, on 127.0.0.1 only
    rng = random.Random()

    def new_client(self) -> None:
        self.address = fresh_address(self.rng)
        self.client.cookiejar.clear()

    def headers(self, referer: str | None = None) -> dict:
        headers = {"X-Forwarded-For": self.address, "Accept": "text/html"}
        if referer is not None:
            headers["Origin"] = self.host
            headers["Referer"] = self.host + referer
        return headers

    def page(self, path: str, name: str) -> str | None:
        with self.client.get(path, name=name, headers=self.headers(), catch_response=True) as r:
            if r.status_code != 200:
                r.failure(f"{r.status_code}")
                return None
            return r.text

    def post(self, path: str, name: str, form: dict, expect: str) -> bool:
        """Post a form (with the token of the page just read); it must redirect to ``expect``."""
        with self.client.post(
            path,
            name=name,
            data=form,
            headers=self.headers(referer=path),
            allow_redirects=False,
            catch_response=True,
        ) as r:
            location = r.headers.get("Location", "") if r.headers else ""
            if r.status_code != 302 or expect not in location:
                r.failure(f"{r.status_code} {location or refusal(r.text or '')}")
                return False
            return True


class FamilyUser(Visitor):
    wait_time = wait("LOAD_FAMILY_WAIT", "0.5-1.5")
    weight = 10
    counter = itertools.count(1)

    def on_start(self) -> None:
        self.new_client()

    def browse(self, kind: str, name: str) -> None:
        if self.rng.random() < 0.2:  # another family
            self.new_client()
        self.page(self.rng.choice(TARGETS["pages"][kind]), name)

    @task(15)
    def home(self):
        self.browse("home", "family: home")

    @task(25)
    def search(self):
        self.browse("search", "family: offer search")

    @task(8)
    def service(self):
        self.browse("service", "family: service page")

    @task(15)
    def calendar(self):
        self.browse("calendar", "family: activity calendar")

    @task(10)
    def calendar_week(self):
        self.browse("calendar_week", "family: calendar by week")

    @task(6)
    def activity(self):
        self.browse("activity", "family: activity page")

    @task(4)
    def register(self):
        """A new family registers for a session: the form, the post, its own page."""
        self.new_client()
        session = self.rng.choice(TARGETS["sessions"])
        path = f"/{session['slug']}/activiteiten/moment/{session['pk']}/inschrijven/"
        text = self.page(path, "family: registration form")
        token = CSRF_TOKEN.search(text or "")
        if token is None:
            return
        number = next(self.counter)
        form = {
            "csrfmiddlewaretoken": token.group(1),
            "name": f"Ouder {number}",
            "email": f"load-{int(time.time())}-{os.getpid()}-{number}@example.be",
            "phone": "",
            "adults": "1",
            "children_ages": self.rng.choice(("", "2", "0, 3", "4")),
            "remarks": "",
            "consent": "on",
        }
        self.post(path, "family: registration post", form, "/inschrijving/")

    @task(2)
    def question(self):
        """A new family asks a question ("stel je vraag"), anonymously or with an e-mail."""
        self.new_client()
        path = f"/{self.rng.choice(TARGETS['question_houses'])}/vraag/"
        text = self.page(path, "family: question form")
        token = CSRF_TOKEN.search(text or "")
        if token is None:
            return
        number = next(self.counter)
        by_email = self.rng.random() < 0.5
        form = {
            "csrfmiddlewaretoken": token.group(1),
            "text": "Mijn peuter slaapt slecht en wordt elke nacht wakker. Waar kan ik terecht?",
            "about": "child",
            "child_age": str(self.rng.randint(0, 12)),
            "topic": str(self.rng.choice(TARGETS["topics"])),
            "municipality": "",
            "channel": "email" if by_email else "page",
            "name": "",
            "email": f"vraag-{int(time.time())}-{os.getpid()}-{number}@example.be"
            if by_email
            else "",
            "phone": "",
            "language": "nl",
            "consent": "on",
            "website_url": "",
        }
        self.post(path, "family: question post", form, "/vraag/antwoord/")


class ProfessionalUser(Visitor):
    """A professional of a partner: logs in once (password, then the TOTP code), then reads the
    inboxes and lists. One account per simulated professional (``fixed_count`` is set by
    bench/load/run.py to at most the number of accounts)."""

    wait_time = wait("LOAD_PROFESSIONAL_WAIT", "1-3")
    fixed_count = int(os.environ.get("LOAD_PROFESSIONALS", "2"))
    accounts = itertools.cycle(TARGETS["professionals"])

    def on_start(self) -> None:
        self.new_client()
        self.account = next(self.accounts)
        self.logged_in = self.log_in()

    def log_in(self) -> bool:
        text = self.page("/accounts/login/", "professional: log-in form")
        token = CSRF_TOKEN.search(text or "")
        if token is None:
            return False
        form = {"csrfmiddlewaretoken": token.group(1), "login": self.account}
        form["password"] = TARGETS["password"]
        if not self.post("/accounts/login/", "professional: log-in post", form, "/2fa/"):
            return False
        path = "/accounts/2fa/authenticate/"
        text = self.page(path, "professional: code form")
        token = CSRF_TOKEN.search(text or "")
        if token is None:
            return False
        # A code is used once per account (replay protection): a code another run used in the
        # same period is refused, the next one is valid too (MFA_TOTP_TOLERANCE = 1).
        for ahead in (0, 30):
            form = {"csrfmiddlewaretoken": token.group(1)}
            form["code"] = totp(TARGETS["totp_secret"], time.time() + ahead)
            with self.client.post(
                path,
                name="professional: code post",
                data=form,
                headers=self.headers(referer=path),
                allow_redirects=False,
                catch_response=True,
            ) as r:
                if r.status_code == 302 and "/accounts/" not in r.headers.get("Location", ""):
                    return True
                if ahead:
                    r.failure(f"{r.status_code} {refusal(r.text or '')}")
                else:
                    r.success()  # a refused replay, tried again with the next code
        return False

    def read(self, path: str, name: str) -> None:
        if not self.logged_in:
            self.logged_in = self.log_in()
            return
        self.page(path, name)

    @task(3)
    def dashboard(self):
        self.read("/beheer/", "professional: dashboard")

    @task(3)
    def questions(self):
        self.read("/beheer/vragen/", "professional: question inbox")

    @task(5)
    def referrals(self):
        query = self.rng.choice(("", "", "?status=lopend", "?laat=on", "?pagina=2"))
        self.read(f"/beheer/doorverwijzingen/{query}", "professional: referral inbox")

    @task(3)
    def sent(self):
        self.read("/beheer/doorverwijzingen/verstuurd/", "professional: sent referrals")
