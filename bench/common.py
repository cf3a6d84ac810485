"""What the benchmark scripts share: which database, and setting Django up for it."""

import json
import os
import sys
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
