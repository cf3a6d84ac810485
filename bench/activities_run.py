"""Measure the activities pages and feeds, then registrations over HTTP, on the data of
``bench/activities_generate.py``.

Pages: a fixed, seeded mix of requests goes through ``django.test.Client`` in this process,
with ``DEBUG`` off, measured like the catalogue (``bench/run.py``: a discarded warm-up, then
the server time and the SQL queries of each request). Scenarios:

    calendar           /<house>/activiteiten/ with no filter, or one or two of age group,
                       theme, municipality, price, this week, this weekend
    calendar_week      /<house>/activiteiten/?weergave=week, this week or one of the next
                       eight, with no filter or one or two (not "this week" or "weekend")
    detail             /<house>/activiteiten/<id>/ of a published activity
    feed               /<house>/activiteiten/feed.ics (the house's whole calendar)
    feed_organisation  /<house>/activiteiten/feed.ics?organisatie=<id> (one partner's)
    feed_filter        /<house>/activiteiten/feed.ics?<the calendar's filters>

Registrations: gunicorn is started with ``--workers`` processes on 127.0.0.1 on the same
database, with the production settings (``DEBUG`` off, CSRF, HTTPS as set by a TLS proxy
through ``X-Forwarded-Proto``). ``--clients`` threads each play families, as a browser
would: get the registration form of a session (its CSRF cookie and token) and post it; with
``--follow`` also open the page behind the signed link it is sent to. Up to
``--registrations`` registrations in at most ``--http-seconds``, spread at random over
``--sessions`` open sessions of many houses, so that some fill up and put families on the
waitlist. Afterwards the database is checked: one
registration per answered form (none lost, none extra), no session with more confirmed places
than it has, and nobody waitlisted who would have fitted.

    python bench/activities_run.py --requests 300 --output var/bench/activities-sqlite.json
    python bench/activities_run.py --registrations 0   # the pages only
"""

import argparse
import http.client
import json
import os
import platform
import random
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from unittest import mock
from urllib.parse import urlencode, urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run  # noqa: E402  (the measuring helpers of the catalogue benchmark)
from common import (  # noqa: E402
    ROOT,
    calibrate,
    calibration,
    calibration_text,
    database_url,
    describe,
    in_units,
    setup_django,
    write_json,
)

SCENARIOS = ("calendar", "calendar_week", "detail", "feed", "feed_organisation", "feed_filter")
DESCRIPTIONS = {
    "calendar": "calendar page with filters",
    "calendar_week": "calendar by week with filters",
    "detail": "activity detail page",
    "feed": "iCalendar feed of the house",
    "feed_organisation": "iCalendar feed of one partner",
    "feed_filter": "iCalendar feed with filters",
}
TARGET_MS = 50.0  # p95 of the calendar page and of the feeds
TARGET_PER_SECOND = 100.0  # registrations over HTTP on PostgreSQL
FILTER_WEIGHTS = {"leeftijd": 3, "domein": 2, "gemeente": 3, "prijs": 2, "wanneer": 2}

CSRF_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def results_of(response) -> int | None:
    """Sessions on a page, events in a feed."""
    content = response.content
    if response.get("Content-Type", "").startswith("text/calendar"):
        return content.count(b"BEGIN:VEVENT")
    return content.count(b'<li class="card">')


# --- The plan -----------------------------------------------------------------------------------


def load_houses() -> list[dict]:
    """Houses with upcoming public sessions, with their number, municipalities, published
    activities and the partners that organise them."""
    from django.db.models import Count
    from django.utils import timezone

    from huisvanhetkind.activities.models import Activity, Session
    from huisvanhetkind.network.models import House

    upcoming = dict(
        Session.objects.filter(
            ends_at__gte=timezone.now(), is_cancelled=False, activity__status="published"
        )
        .values("activity__house")
        .annotate(n=Count("id"))
        .values_list("activity__house", "n")
    )
    activities: dict[int, list[int]] = {}
    for house_id, pk in Activity.objects.public().order_by("pk").values_list("house", "pk"):
        activities.setdefault(house_id, []).append(pk)
    organisers: dict[int, set[int]] = {}
    for house_id, organisation_id in (
        Activity.organisations.through.objects.filter(activity__status="published")
        .order_by("organisation_id")
        .values_list("activity__house", "organisation_id")
    ):
        organisers.setdefault(house_id, set()).add(organisation_id)
    return [
        {
            "slug": house.slug,
            "sessions": upcoming[house.pk],
            "places": [m.nis_code for m in house.municipalities.all()],
            "activities": activities[house.pk],
            "organisers": sorted(organisers.get(house.pk, ())),
        }
        for house in House.objects.filter(pk__in=upcoming).order_by("pk")
        if house.pk in activities
    ]


def draw_filters(rng: random.Random, entry: dict, ages: list, domains: list) -> dict:
    """No filter for a quarter of the visitors, else one or two."""
    if rng.random() < 0.25:
        return {}
    names = list(FILTER_WEIGHTS)
    chosen = {rng.choices(names, list(FILTER_WEIGHTS.values()))[0]}
    if rng.random() < 0.4:
        chosen.add(rng.choices(names, list(FILTER_WEIGHTS.values()))[0])
    values = {
        "leeftijd": lambda: rng.choice(ages),
        "domein": lambda: rng.choice(domains),
        "gemeente": lambda: rng.choice(entry["places"]),
        "prijs": lambda: rng.choice(("free", "social")),
        "wanneer": lambda: rng.choice(("week", "weekend")),
    }
    return {name: values[name]() for name in names if name in chosen}


def week_query(rng: random.Random, filters: dict) -> str:
    """The week view: this week for half of the visitors, else one of the next eight weeks."""
    from datetime import timedelta

    from django.utils import timezone

    query = {"weergave": "week", **{k: v for k, v in filters.items() if k != "wanneer"}}
    if rng.random() < 0.5:
        year, week, _day = (timezone.localdate() + timedelta(weeks=rng.randint(1, 8))).isocalendar()
        query["week"] = f"{year}-W{week:02d}"
    return urlencode(query)


def build_plan(rng: random.Random, houses: list, count: int) -> dict[str, list[str]]:
    """``count`` URLs per scenario; a house is drawn in proportion to its upcoming sessions."""
    from huisvanhetkind.network.models import AgeGroup, Domain

    ages = list(AgeGroup.objects.values_list("slug", flat=True))
    domains = list(Domain.objects.values_list("slug", flat=True))
    chosen = rng.choices(houses, weights=[h["sessions"] for h in houses], k=count)
    # The weeks have their own draws: the other scenarios keep the requests they had before
    # the week view was measured.
    weeks = random.Random(f"weeks-{count}")
    plan = {name: [] for name in SCENARIOS}
    for entry in chosen:
        base = f"/{entry['slug']}/activiteiten/"
        filters = draw_filters(rng, entry, ages, domains)
        query = f"?{urlencode(filters)}" if filters else ""
        plan["calendar"].append(base + query)
        plan["calendar_week"].append(f"{base}?{week_query(weeks, filters)}")
        plan["detail"].append(f"{base}{rng.choice(entry['activities'])}/")
        plan["feed"].append(f"{base}feed.ics")
        organiser = rng.choice(entry["organisers"]) if entry["organisers"] else ""
        plan["feed_organisation"].append(f"{base}feed.ics?organisatie={organiser}")
        filters = draw_filters(rng, entry, ages, domains) or {"leeftijd": rng.choice(ages)}
        plan["feed_filter"].append(f"{base}feed.ics?{urlencode(filters)}")
    return plan


def measure_pages(args, report: dict) -> None:
    from django.conf import settings
    from django.db import connection
    from django.test import Client

    settings.DEBUG = False
    connection.force_debug_cursor = False
    houses = load_houses()
    if not houses:
        sys.exit("No upcoming sessions: run bench/activities_generate.py first.")
    plan = build_plan(random.Random(args.seed), houses, args.requests)
    warmup = build_plan(random.Random(args.seed + 1), houses, args.warmup)
    client = Client(HTTP_HOST="127.0.0.1")
    report["houses_measured"] = len({u.split("/")[1] for u in plan["calendar"]})
    print(f"Measuring {describe(report['url'])}: {args.requests} requests per scenario", flush=True)
    # The catalogue's measure() reads the number of results with run.results_of.
    with mock.patch.object(run, "results_of", results_of):
        for name in args.scenarios.split(","):
            started = time.perf_counter()
            run.measure(client, warmup[name], args.warmup_seconds)
            entry = run.summarise(run.measure(client, plan[name], args.max_seconds))
            report["scenarios"][name] = entry
            print(
                f"  {name:<17} p50 {run.fmt(entry['p50_ms']):>6} ms  "
                f"p95 {run.fmt(entry['p95_ms']):>6} ms  queries {run.queries_text(entry):>5}  "
                f"median results {run.fmt(entry['results_median'])}  "
                f"({time.perf_counter() - started:.0f} s)",
                flush=True,
            )
            for error in entry["errors"]:
                print(f"    error: {error}", flush=True)


# --- Registrations over HTTP --------------------------------------------------------------------


def open_sessions(rng: random.Random, count: int) -> list[dict]:
    """``count`` sessions open for registration for the whole run (they start in 3 days to
    8 weeks), drawn at random."""
    from datetime import timedelta

    from django.utils import timezone

    from huisvanhetkind.activities.models import Session

    now = timezone.now()
    candidates = list(
        Session.objects.filter(
            activity__status="published",
            activity__registration="required",
            activity__audience="families",
            is_cancelled=False,
            starts_at__gte=now + timedelta(days=3),
            starts_at__lt=now + timedelta(weeks=8),
        )
        .order_by("pk")
        .values_list("pk", "activity__house__slug")
    )
    return [{"pk": pk, "slug": slug} for pk, slug in rng.sample(candidates, count)]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_environment(url: str) -> dict:
    """Production settings; only what a deployment sets itself differs: the database, the
    host, a secret, the mail backend (no SMTP server here: messages are built, not sent) and no
    warm start.
    A SQLite database gets the same options as the default one (settings.SQLITE_OPTIONS: WAL,
    BEGIN IMMEDIATE, a busy timeout)."""
    env = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "DEMO_MODE")}
    env.update(
        DATABASE_URL=url,
        DJANGO_SETTINGS_MODULE="huisvanhetkind.settings",
        DEBUG="0",
        SECRET_KEY=os.environ["SECRET_KEY"],
        FIELD_ENCRYPTION_KEYS=os.environ["FIELD_ENCRYPTION_KEYS"],
        FAMILY_DIGEST_KEYS=os.environ["FAMILY_DIGEST_KEYS"],
        # Thousands of registrations from one address: the public form's rate limits are off.
        REGISTRATION_RATE_LIMITS="0",
        ALLOWED_HOSTS="127.0.0.1",
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        VAR_DIR=str(ROOT / "var" / "bench" / "server"),
        LOG_LEVEL="WARNING",
        # Not the warm start of production (web.warmup: every house's offer, some 9 s of a core
        # per process): it would run in the seconds measured, and registering needs none of it.
        WARM_AT_START="0",
    )
    return env


def start_server(url: str, workers: int, log_path: Path) -> tuple[subprocess.Popen, int]:
    env = server_environment(url)
    bin_dir = Path(sys.executable).parent
    subprocess.run(
        [str(bin_dir / "huisvanhetkind"), "collectstatic", "--no-input", "-v0"],
        env=env,
        cwd=ROOT,
        check=True,
    )
    port = free_port()
    log_path.parent.mkdir(parents=True, exist_ok=True)
    log = log_path.open("w")
    server = subprocess.Popen(
        [
            str(bin_dir / "gunicorn"),
            "huisvanhetkind.wsgi:application",
            f"--workers={workers}",
            f"--bind=127.0.0.1:{port}",
            "--timeout=60",
            "--no-control-socket",  # not the one in $HOME that another gunicorn may hold
        ],
        env=env,
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"gunicorn stopped: see {log_path}")
        try:
            status, _headers, _body = request(port, "GET", "/healthz")
            if status == 200:
                return server, port
        except OSError:
            pass
        time.sleep(0.2)
    stop_server(server)
    sys.exit(f"gunicorn did not answer within 60 s: see {log_path}")


def stop_server(server: subprocess.Popen) -> None:
    server.send_signal(signal.SIGTERM)
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def request(port: int, method: str, path: str, *, cookies=None, form=None, referer=None):
    """One HTTP request as a browser behind the platform's TLS proxy sends it."""
    headers = {
        "Host": f"127.0.0.1:{port}",
        "X-Forwarded-Proto": "https",
        "User-Agent": "hvhk-bench",
        "Accept": "text/html",
    }
    if cookies:
        headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    body = None
    if form is not None:
        body = urlencode(form)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        headers["Origin"] = f"https://127.0.0.1:{port}"
        headers["Referer"] = referer
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        content = response.read()
        return response.status, response.getheaders(), content
    finally:
        connection.close()


def set_cookies(cookies: dict, headers) -> None:
    for name, value in headers:
        if name.lower() == "set-cookie":
            key, _, rest = value.partition("=")
            cookies[key.strip()] = rest.split(";", 1)[0]


def refusal(body: bytes) -> str:
    """The error summary of a refused form, as text."""
    text = body.decode(errors="replace")
    start = text.find(">", text.find('class="error-summary"'))
    if 'class="error-summary"' not in text:
        return text[:200]
    return " ".join(re.sub(r"<[^>]+>", " ", text[start : text.find("</div>", start)]).split())[:300]


def register_once(
    port: int, session: dict, number: int, run_id: str, rng: random.Random, follow: bool
):
    """A family registers: the form (its CSRF cookie and token), the post, and with ``follow``
    the page behind the signed link it is sent to. Returns the time of the post and of the
    whole, in ms, or raises with what went wrong."""
    path = f"/{session['slug']}/activiteiten/moment/{session['pk']}/inschrijven/"
    started = time.perf_counter()
    cookies: dict = {}
    status, headers, body = request(port, "GET", path)
    if status != 200:
        raise RuntimeError(f"form {status} {path}")
    set_cookies(cookies, headers)
    token = CSRF_TOKEN.search(body.decode())
    if token is None or "csrftoken" not in cookies:
        raise RuntimeError(f"no CSRF token on {path}")
    children = rng.choice(("", "", "2", "0, 3", "1", "4, 6"))
    form = {
        "csrfmiddlewaretoken": token.group(1),
        "name": f"Ouder {number}",
        "email": f"bench-{run_id}-{number}@example.be" if number % 5 else "",
        "phone": f"04{run_id[-4:]} {number:06d}" if number % 5 == 0 else "",
        "adults": str(rng.choice((1, 1, 2))),
        "children_ages": children,
        "remarks": "",
        "consent": "on",
    }
    if rng.random() < 0.15:
        form["social_tariff"] = "on"
    posted = time.perf_counter()
    status, headers, body = request(
        port, "POST", path, cookies=cookies, form=form, referer=f"https://127.0.0.1:{port}{path}"
    )
    post_ms = (time.perf_counter() - posted) * 1000
    location = {k.lower(): v for k, v in headers}.get("location", "")
    if status != 302 or "/inschrijving/" not in location:
        raise RuntimeError(f"post {status} {path}: {refusal(body)}")
    if follow:
        set_cookies(cookies, headers)
        status, _headers, _body = request(port, "GET", urlparse(location).path, cookies=cookies)
        if status != 200:
            raise RuntimeError(f"manage page {status}")
    return post_ms, (time.perf_counter() - started) * 1000


def fire(
    port: int, sessions: list, *, count: int, clients: int, seconds: float, seed: int, follow: bool
):
    """``count`` registrations from ``clients`` threads, stopping after ``seconds``."""
    run_id = str(int(time.time()))  # new e-mail addresses and phone numbers on every run
    lock = threading.Lock()
    state = {"next": 0}
    posts, journeys, errors, targets = [], [], [], []
    deadline = time.perf_counter() + seconds

    def client(index: int) -> None:
        rng = random.Random(seed * 1000 + index)
        while time.perf_counter() < deadline:
            with lock:
                number = state["next"]
                if number >= count:
                    return
                state["next"] += 1
            session = rng.choice(sessions)
            try:
                post_ms, journey_ms = register_once(port, session, number + 1, run_id, rng, follow)
            except Exception as error:  # reported: nothing may fail
                with lock:
                    errors.append(repr(error)[:300])
                continue
            with lock:
                posts.append(post_ms)
                journeys.append(journey_ms)
                targets.append(session["pk"])

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    return {
        "elapsed": elapsed,
        "posts": posts,
        "journeys": journeys,
        "errors": errors,
        "targets": targets,
        "run_id": run_id,
    }


def last_registration_id() -> int:
    from django.db.models import Max

    from huisvanhetkind.activities.models import Registration

    return Registration.objects.aggregate(last=Max("pk"))["last"] or 0


def check_database(sessions: list, fired: dict, last_before: int) -> dict:
    """What the database holds after the run: one registration per answered form, nobody over
    the capacity of a session, nobody on the waitlist who would have fitted."""
    from collections import Counter

    from django.db.models import F, Sum

    from huisvanhetkind.activities.models import Activity, Registration, Session

    ids = [s["pk"] for s in sessions]
    # New: by id, not by time (generated data may carry creation times later than the run).
    new = Registration.objects.filter(session__in=ids, pk__gt=last_before)
    by_session = Counter(new.values_list("session_id", flat=True))
    expected = Counter(fired["targets"])
    statuses = Counter(new.values_list("status", flat=True))
    overbooked = waitlisted_wrongly = 0
    confirmed = Registration.objects.filter(status="confirmed")
    for session in Session.objects.filter(pk__in=ids).select_related("activity"):
        capacity = session.effective_capacity
        mine = confirmed.filter(session=session)
        if session.activity.capacity_unit == Activity.CapacityUnit.PERSONS:
            taken = mine.aggregate(n=Sum(F("adults") + F("children")))["n"] or 0
        else:
            taken = mine.count()
        if capacity is not None and taken > capacity:
            overbooked += 1
        for adults, children in new.filter(session=session, status="waitlisted").values_list(
            "adults", "children"
        ):
            if capacity is None or taken + session.places_needed(adults, children) <= capacity:
                waitlisted_wrongly += 1
    return {
        "registrations_in_database": sum(by_session.values()),
        "answered_forms": len(fired["targets"]),
        "lost": sum((expected - by_session).values()),
        "extra": sum((by_session - expected).values()),
        "confirmed": statuses.get("confirmed", 0),
        "waitlisted": statuses.get("waitlisted", 0),
        "overbooked_sessions": overbooked,
        "waitlisted_though_it_fitted": waitlisted_wrongly,
        "sessions_full_at_the_end": sum(
            1 for s in ids if new.filter(session_id=s, status="waitlisted").exists()
        ),
    }


def measure_registrations(args, report: dict) -> None:
    from django.db import connections

    sessions = open_sessions(random.Random(args.seed), args.sessions)
    name = report["database_version"].split()[0].lower()
    log_path = ROOT / "var" / "bench" / f"gunicorn-{name}.log"
    print(
        f"Registrations over HTTP: gunicorn with {args.workers} workers, {args.clients} clients, "
        f"up to {args.registrations} registrations in {args.http_seconds:.0f} s "
        f"over {len(sessions)} sessions",
        flush=True,
    )
    connections.close_all()
    server, port = start_server(report["url"], args.workers, log_path)
    last_before = last_registration_id()
    load_before = round(os.getloadavg()[0], 2)
    try:
        fired = fire(
            port,
            sessions,
            count=args.registrations,
            clients=args.clients,
            seconds=args.http_seconds,
            seed=args.seed,
            follow=args.follow,
        )
    finally:
        load_after = round(os.getloadavg()[0], 2)
        stop_server(server)
    checked = check_database(sessions, fired, last_before)
    done = len(fired["posts"])
    entry = {
        "workers": args.workers,
        "clients": args.clients,
        "follow": args.follow,
        "sessions": len(sessions),
        "registrations": done,
        "seconds": round(fired["elapsed"], 1),
        "per_second": round(done / fired["elapsed"], 1) if fired["elapsed"] else 0.0,
        "post_p50_ms": round(run.percentile(fired["posts"], 0.50), 1),
        "post_p95_ms": round(run.percentile(fired["posts"], 0.95), 1),
        "journey_p50_ms": round(run.percentile(fired["journeys"], 0.50), 1),
        "journey_p95_ms": round(run.percentile(fired["journeys"], 0.95), 1),
        "error_count": len(fired["errors"]),
        "errors": fired["errors"][:10],
        "load_average_before": load_before,
        "load_average_after": load_after,
        **checked,
    }
    report["registrations"] = entry
    print(
        f"  {done} registrations in {entry['seconds']} s: {entry['per_second']} per second; "
        f"post p50 {entry['post_p50_ms']} ms, p95 {entry['post_p95_ms']} ms; "
        f"{'form + post + signed-link page' if args.follow else 'form + post'} "
        f"p50 {entry['journey_p50_ms']} ms, "
        f"p95 {entry['journey_p95_ms']} ms; {entry['error_count']} errors",
        flush=True,
    )
    print(
        f"  in the database: {checked['registrations_in_database']} new registrations "
        f"({checked['confirmed']} confirmed, {checked['waitlisted']} waitlisted, "
        f"{checked['sessions_full_at_the_end']} sessions full), {checked['lost']} lost, "
        f"{checked['extra']} extra, {checked['overbooked_sessions']} sessions overbooked, "
        f"{checked['waitlisted_though_it_fitted']} waitlisted though they fitted",
        flush=True,
    )
    for error in fired["errors"][:10]:
        print(f"    error: {error}", flush=True)


# --- Reporting ----------------------------------------------------------------------------------


def verdicts(report: dict, small: dict | None) -> list[str]:
    lines = []
    pages = [n for n in SCENARIOS if n != "detail" and n in report["scenarios"]]
    if pages:
        worst = max(pages, key=lambda n: report["scenarios"][n]["p95_ms"])
        p95 = report["scenarios"][worst]["p95_ms"]
        lines.append(
            f"Target p95 ≤ {TARGET_MS:.0f} ms for the calendar page and the feeds: "
            f"{'met' if p95 <= TARGET_MS else 'NOT met'} (worst: {worst}, p95 {p95:.1f} ms"
            f" = {in_units(p95, report.get('calibration'))} R)."
        )
    if small:
        lines.append(run.growth_verdict(report, small, SCENARIOS))
    entry = report.get("registrations")
    if entry:
        sound = (
            entry["error_count"] == 0
            and entry["lost"] == 0
            and entry["extra"] == 0
            and entry["overbooked_sessions"] == 0
            and entry["waitlisted_though_it_fitted"] == 0
        )
        lines.append(
            f"Registrations over HTTP: {entry['per_second']:.1f} per second "
            f"({entry['workers']} gunicorn workers, {entry['clients']} clients); "
            + (
                f"target ≥ {TARGET_PER_SECOND:.0f} per second (PostgreSQL) "
                f"{'met' if entry['per_second'] >= TARGET_PER_SECOND else 'NOT met'}; "
                if report["database_version"].startswith("PostgreSQL")
                else ""
            )
            + (
                f"one every {in_units(1000 / entry['per_second'], report.get('calibration'))} R "
                f"of this run, POST p95 {in_units(entry['post_p95_ms'], report.get('calibration'))}"
                " R; "
                if entry["per_second"]
                else ""
            )
            + (
                "no error, none lost, none overbooked."
                if sound
                else "ERRORS, LOST, OVERBOOKED OR WRONGLY WAITLISTED registrations: see above."
            )
        )
    return lines


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", help="default: $DATABASE_URL or var/bench.sqlite3")
    parser.add_argument("--requests", type=int, default=300, help="measured per scenario")
    parser.add_argument("--warmup", type=int, default=20, help="discarded per scenario")
    parser.add_argument("--max-seconds", type=float, default=120, help="per scenario at most")
    parser.add_argument("--warmup-seconds", type=float, default=15)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--scenarios", default=",".join(SCENARIOS))
    parser.add_argument(
        "--registrations", type=int, default=2000, help="over HTTP; 0: skip (default 2000)"
    )
    parser.add_argument("--http-seconds", type=float, default=60, help="stop registering after")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes")
    parser.add_argument("--clients", type=int, default=16, help="concurrent client threads")
    parser.add_argument("--sessions", type=int, default=200, help="sessions registered for")
    parser.add_argument(
        "--follow",
        action="store_true",
        help="also open the page behind the signed link after each registration",
    )
    parser.add_argument("--generated", help="the JSON of activities_generate.py --output")
    parser.add_argument("--compare", help="the JSON of a run on a small dataset")
    parser.add_argument("--output", help="write the results as JSON to this file")
    args = parser.parse_args(argv)

    url = database_url(args.database_url)
    setup_django(url)
    report = {
        "database": describe(url),
        "url": url,
        "database_version": run.database_version(),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "scale": None,
        "load_average_before": round(os.getloadavg()[0], 2),
        "scenarios": {},
    }
    calibrated = calibrate()
    if args.generated:
        generated = json.loads(Path(args.generated).read_text(encoding="utf-8"))
        report["scale"] = generated["scale"]
        report["generated"] = generated
    if args.requests:
        measure_pages(args, report)
    report["load_average_pages"] = round(os.getloadavg()[0], 2)
    if args.registrations:
        measure_registrations(args, report)
    report["load_average_after"] = round(os.getloadavg()[0], 2)
    report["calibration"] = calibration(calibrated, calibrate())
    del report["url"]

    small = json.loads(Path(args.compare).read_text(encoding="utf-8")) if args.compare else None
    print()
    print(
        f"{report['database_version']}, Python {report['python']}, {report['cpus']} CPUs, "
        f"load average {report['load_average_before']} before, "
        f"{report['load_average_pages']} after the pages, {report['load_average_after']} at the end"
    )
    print(calibration_text(report["calibration"]))
    print(run.markdown(report, small, SCENARIOS, DESCRIPTIONS))
    print()
    for line in verdicts(report, small):
        print(line)
    write_json(args.output, report)
    return report


if __name__ == "__main__":
    main()
