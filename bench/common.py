"""What the benchmark scripts share: which database, setting Django up for it, and the
calibration that makes figures of different machines comparable."""

import json
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = f"sqlite:///{ROOT / 'var' / 'bench.sqlite3'}"


def database_url(option: str | None) -> str:
    """The database of the benchmark: the option, else ``DATABASE_URL``, else var/bench.sqlite3."""
    return option or os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL


def sqlite_path(url: str) -> Path:
    """The file of a ``sqlite:///relative`` or ``sqlite:////absolute`` URL (as dj-database-url)."""
    return Path(urlparse(url).path[1:])


def describe(url: str) -> str:
    parsed = urlparse(url)
    if parsed.scheme.startswith("sqlite"):
        return f"SQLite {sqlite_path(url)}"
    return f"PostgreSQL {parsed.hostname}:{parsed.port or 5432}/{parsed.path.lstrip('/')}"


def is_sqlite(url: str) -> bool:
    return urlparse(url).scheme.startswith("sqlite")


# A fixed, public key for the benchmark's synthetic data only.
BENCH_ENCRYPTION_KEY = "bench:YmVuY2htYXJrLW9ubHktZmllbGQta2V5LTAwMDAwMDA="
BENCH_DIGEST_KEY = "bench:benchmark-only-family-digest-key-0000000000"


def setup_django(url: str) -> None:
    """Point Django at ``url`` and set it up (the environment of a local run otherwise)."""
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "huisvanhetkind.settings")
    os.environ.setdefault("DEBUG", "1")
    os.environ.setdefault("SECRET_KEY", "benchmark-only-secret-key")
    # The benchmark's own encryption key (the server of activities_run.py runs without DEBUG).
    os.environ.setdefault("FIELD_ENCRYPTION_KEYS", BENCH_ENCRYPTION_KEY)
    os.environ.setdefault("FAMILY_DIGEST_KEYS", BENCH_DIGEST_KEY)
    os.environ.setdefault("TASKS_BACKEND", "immediate")
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def write_json(path: str | None, data: dict) -> None:
    """Write a script's results to ``path`` (nothing when no path is given)."""
    if path:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        Path(path).write_text(json.dumps(data, indent=2), encoding="utf-8")


# --- Calibration ---------------------------------------------------------------------------------
#
# A figure in milliseconds says as much about the machine (and whoever else uses its cores) as
# about the code. Every run therefore times two fixed pieces of work in its own process, before
# and after measuring, and reports every figure also as a multiple of one of them:
#
# - the CPU loop: a fixed pure-Python loop (integer arithmetic, a dict, short strings), the kind of
#   work the interpreter does while it renders a page;
# - the trivial Django request (the unit "R"): a GET built by Django's RequestFactory, passed to a
#   tiny view that renders an inline template of 20 rows, and the response's content read. It
#   runs no middleware and touches no database or cache, so it depends on the machine and the
#   Django version only, not on the project's code.
#
# A page's p95 of 40 ms on a machine where R is 0.4 ms is "100 R"; the same code on a machine
# twice as slow (or on the same machine with another busy process on its two cores) gives about
# 80 ms and R 0.8 ms, still about 100 R. The median of several rounds is taken; the value before
# and after the run show how much the machine changed during it.

CPU_LOOP_SIZE = 100_000
CALIBRATION_ROUNDS = 7
REQUESTS_PER_ROUND = 50
CALIBRATION_TEMPLATE = (
    "<ul>{% for row in rows %}<li class=\"{% cycle 'odd' 'even' %}\">{{ row.name|title }}: "
    "{{ row.value|floatformat:2 }}</li>{% endfor %}</ul><p>{{ query|default:'-' }}</p>"
)


def cpu_loop(size: int = CPU_LOOP_SIZE) -> int:
    """A fixed amount of pure-Python work; the result only keeps it from being optimised away."""
    table: dict[int, int] = {}
    total = 0
    for i in range(size):
        key = i % 1013
        table[key] = table.get(key, 0) + i
        total += len(str(i)) + (i * 7) % 13
    return total + len(table)


_template = None


def calibration_view(request):
    """The tiny view of the trivial request: 20 rows through an inline template."""
    global _template  # noqa: PLW0603 - compiled once per process, like a loaded template
    from django.http import HttpResponse
    from django.template import Context, Engine

    if _template is None:
        _template = Engine(debug=False).from_string(CALIBRATION_TEMPLATE)
    rows = [{"name": f"rij nummer {n}", "value": n * 1.5} for n in range(20)]
    context = Context({"rows": rows, "query": request.GET.get("q", "")})
    return HttpResponse(_template.render(context))


def _median_ms(work, rounds: int, per_round: int) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        for _ in range(per_round):
            work()
        times.append((time.perf_counter() - started) * 1000 / per_round)
    return statistics.median(times)


def calibrate(rounds: int = CALIBRATION_ROUNDS) -> dict:
    """Time the CPU loop and the trivial Django request in this process (Django must be set up).
    Returns their medians in ms and the load average of the minute before."""
    from django.test import RequestFactory

    factory = RequestFactory()

    def trivial_request() -> None:
        response = calibration_view(factory.get("/calibration/", {"q": "kinderopvang"}))
        assert response.status_code == 200 and response.content  # noqa: S101

    trivial_request()  # compiles the template
    return {
        "cpu_loop_ms": round(_median_ms(cpu_loop, rounds, 1), 2),
        "django_request_ms": round(_median_ms(trivial_request, rounds, REQUESTS_PER_ROUND), 4),
        "load_average": round(os.getloadavg()[0], 2),
    }


def calibration(before: dict, after: dict | None = None) -> dict:
    """The calibration of a run: the values before and after it, and the unit R (the mean of
    the trivial request before and after) that every figure is divided by."""
    after = after or before
    return {
        "before": before,
        "after": after,
        "unit_ms": round((before["django_request_ms"] + after["django_request_ms"]) / 2, 4),
        "cpu_loop_ms": round((before["cpu_loop_ms"] + after["cpu_loop_ms"]) / 2, 2),
        "what": (
            f"cpu_loop_ms: a fixed pure-Python loop ({CPU_LOOP_SIZE:,} steps); django_request_ms "
            f"(the unit R): a RequestFactory GET to a tiny view rendering 20 template rows, no "
            f"middleware, no database; median of {CALIBRATION_ROUNDS} rounds"
        ),
    }


def in_units(ms: float | None, cal: dict | None) -> str:
    """A time in ms as a multiple of the run's unit R ("–" when either is missing)."""
    if ms is None or not cal or ms != ms:  # ms != ms: NaN
        return "–"
    value = ms / cal["unit_ms"]
    return f"{value:.1f}" if value < 100 else f"{value:,.0f}"


def calibration_text(cal: dict | None) -> str:
    """One line for the output of a run."""
    if not cal:
        return "Calibration: none (a run from before calibrations were recorded)."
    before, after = cal["before"], cal["after"]
    return (
        f"Calibration (this process): trivial Django request R = {cal['unit_ms']:.3f} ms "
        f"({before['django_request_ms']:.3f} before, {after['django_request_ms']:.3f} after), "
        f"CPU loop {cal['cpu_loop_ms']:.1f} ms ({before['cpu_loop_ms']:.1f} before, "
        f"{after['cpu_loop_ms']:.1f} after); load average {before['load_average']} / "
        f"{after['load_average']}. Figures in R = ms / R, comparable across machines."
    )


# --- The generators' database steps ----------------------------------------------------------
# (Django is set up by then: these import it inside, as the scripts do after ``setup_django``.)


def log(message: str) -> None:
    print(message, flush=True)


def bench_database_name(url: str) -> str:
    """The database's name; a generator empties tables only of a database named ``*bench*``."""
    return sqlite_path(url).name if is_sqlite(url) else urlparse(url).path.lstrip("/")


def refuse_unless_bench(url: str, what: str) -> None:
    name = bench_database_name(url)
    if "bench" not in name:
        sys.exit(f"Refusing to empty the {what} of {name!r}: its name must contain 'bench'.")


def clear_tables(models: list, user_domain: str) -> None:
    """Empty the tables of ``models`` and remove the bench's users of ``user_domain``, so that a
    rerun replaces them. On PostgreSQL, CASCADE also empties what other apps keep about them
    (the bench database has none of its own)."""
    from django.contrib.auth import get_user_model
    from django.db import connection

    tables = [model._meta.db_table for model in models]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE")
        else:
            for table in tables:
                cursor.execute(f"DELETE FROM {table}")  # noqa: S608 (our own table names)
    get_user_model().objects.filter(email__endswith=f"@{user_domain}").delete()


def reset_sequences(models: list) -> None:
    """Explicit ids were inserted: move the PostgreSQL sequences past them."""
    from django.core.management.color import no_style
    from django.db import connection

    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)


def analyse_tables(models: list) -> float:
    """Statistics for the planner (VACUUM ANALYZE on PostgreSQL, ANALYZE on SQLite) of the
    tables of ``models`` and of the users' tables that the log-in reads; the seconds it took."""
    from django.db import connection

    tables = [m._meta.db_table for m in models] + ["auth_user", "network_role", "mfa_authenticator"]
    started = time.perf_counter()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"VACUUM ANALYZE {', '.join(tables)}")
        else:
            for table in tables:
                cursor.execute(f"ANALYZE {table}")
    return time.perf_counter() - started


def database_mb(url: str) -> float:
    from django.db import connection

    if is_sqlite(url):
        return round(sqlite_path(url).stat().st_size / 2**20, 1)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_database_size(current_database())")
        return round(cursor.fetchone()[0] / 2**20, 1)


def generate_afresh(models: list, user_domain: str, make_generator) -> tuple:
    """Migrate; then in one transaction empty ``models``' tables, make the generator (it may read
    the migrated database), run its ``generate()`` (which returns its row counts) and move the
    sequences on; then analyse. Returns the generator, the counts and the seconds of each step."""
    from django.core.management import call_command
    from django.db import connection, transaction

    timings = {}
    started = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)  # the code may be newer
    timings["migrate"] = time.perf_counter() - started
    started = time.perf_counter()
    with transaction.atomic():
        clear_tables(models, user_domain)
        generator = make_generator()
        rows = generator.generate()
        reset_sequences(models)
    timings["generate"] = time.perf_counter() - started
    log(f"  generated in {timings['generate']:.1f} s")
    timings["analyze"] = analyse_tables(models)
    analyse = "VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE"
    log(f"  {analyse} in {timings['analyze']:.1f} s")
    return generator, rows, timings


def percentile(values: list[float], share: float) -> float:
    """The ``share`` quantile of ``values``, linearly interpolated (NaN when empty)."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    position = share * (len(ordered) - 1)
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def client_for(email: str):
    """A client logged in as ``email`` with a password and a second factor in its session."""
    from django.contrib.auth import get_user_model

    return logged_in(get_user_model().objects.get(email=email))


def logged_in(user):
    """A client of ``user`` with password and second factor passed (as allauth records them)."""
    from allauth.account.internal.flows.login import (
        _AUTHENTICATION_METHODS_USER_SESSION_KEY,
        AUTHENTICATION_METHODS_SESSION_KEY,
    )
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    session = client.session
    now = time.time()
    session[AUTHENTICATION_METHODS_SESSION_KEY] = [
        {"method": "password", "at": now, "email": user.email},
        {"method": "mfa", "at": now, "type": "totp"},
    ]
    session[_AUTHENTICATION_METHODS_USER_SESSION_KEY] = str(user.pk)
    session.save()
    return client
