"""Settings for the Huis van het Kind platform.

Every value that differs between deployments is read from the environment through the small
typed helpers in ``huisvanhetkind.env``; the README lists them all.
"""

import ipaddress
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.core.paths import PLAIN_HTTP_PATTERNS
from huisvanhetkind.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", False)
# The demo mode enables the demo log-in helpers; it is refused without DEBUG (see web.checks).
DEMO_MODE = env_bool("DEMO_MODE", False)

SECRET_KEY = env_str(
    "SECRET_KEY",
    "insecure-development-key-only-for-local-use-change-me-in-production" if DEBUG else None,
)
# Encryption at rest of free text about families (core.crypto): comma-separated <id>:<Fernet key>
# entries, the first encrypts and every one decrypts. Required without DEBUG (check core.E001);
# with DEBUG a fixed, public development key. FIELD_ENCRYPTION_LEGACY keeps values from before
# these keys (under a key derived from SECRET_KEY) readable until rotate_encryption_keys ran.
FIELD_ENCRYPTION_KEYS = env_list(
    "FIELD_ENCRYPTION_KEYS",
    ["dev:aHVpc3ZhbmhldGtpbmQgZGV2ZWxvcG1lbnQgb25seSE="] if DEBUG else [],
)
FIELD_ENCRYPTION_LEGACY = env_bool("FIELD_ENCRYPTION_LEGACY", True)
# Keyed digests of families' e-mail addresses and phone numbers (core.digests), to find a
# family's records without decrypting them: comma-separated <id>:<secret> entries (secrets of at
# least 32 characters), the first for new digests and every one for matching. Required without
# DEBUG (check core.E003); with DEBUG a fixed, public development key.
FAMILY_DIGEST_KEYS = env_list(
    "FAMILY_DIGEST_KEYS",
    ["dev:huisvanhetkind-family-digests-development-only"] if DEBUG else [],
)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    # Our templates first: they restyle allauth's pages.
    "huisvanhetkind.web",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "huisvanhetkind.core",
    "huisvanhetkind.audit",
    "huisvanhetkind.families",
    "huisvanhetkind.network",
    "huisvanhetkind.catalogue",
    "huisvanhetkind.catalogue.search",
    "huisvanhetkind.questions",
    "huisvanhetkind.activities",
    "huisvanhetkind.referrals",
    "huisvanhetkind.guidance",
    "huisvanhetkind.care",
    "huisvanhetkind.familyplans",
    "huisvanhetkind.carepaths",
    "huisvanhetkind.childcare",
    "huisvanhetkind.participation",
    "huisvanhetkind.coverage",
    "huisvanhetkind.steering",
    "huisvanhetkind.knowledge",
    "huisvanhetkind.premises",
    "huisvanhetkind.babytheek",
    "huisvanhetkind.appointments",
    "huisvanhetkind.privacy",
    "huisvanhetkind.api",
    "huisvanhetkind.demo",
    "django_tasks",
    "django_tasks_db",
    "ninja",  # the API docs' Swagger UI from our own static files, not from a CDN
]

MIDDLEWARE = [
    # First: the request id, the request's log line and metrics (core.request_log).
    "huisvanhetkind.core.request_log.RequestLogMiddleware",
    # Before the session, CSRF and messages middleware: it sees the cookies they set.
    "huisvanhetkind.core.page_cache.SharedPageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "huisvanhetkind.web.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "huisvanhetkind.web.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "huisvanhetkind.web.middleware.UndeliveredMailMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "huisvanhetkind.web.middleware.HouseMiddleware",
    "huisvanhetkind.network.middleware.SecondFactorMiddleware",
    "huisvanhetkind.core.todo.MenuCountMiddleware",
    # Last: the user's id and the house in the log lines of the view.
    "huisvanhetkind.core.request_log.RequestContextMiddleware",
]

ROOT_URLCONF = "huisvanhetkind.urls"
FORM_RENDERER = "huisvanhetkind.web.forms.FormRenderer"
WSGI_APPLICATION = "huisvanhetkind.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "huisvanhetkind.web.context_processors.platform",
            ],
        },
    },
]

# Database: SQLite under var/ by default, PostgreSQL (or any) when DATABASE_URL is set.
VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASE_URL = env_str("DATABASE_URL", "")
# SQLite (the default file or a sqlite:/// DATABASE_URL): writers queue instead of failing, WAL
# lets readers go on beside a writer, and a page cache of 64 MB plus a memory-mapped file keep
# the catalogue's index pages in memory between requests.
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; "
        "PRAGMA cache_size=-65536; PRAGMA mmap_size=268435456;"
    ),
}
if DATABASE_URL:
    DATABASES = {
        "default": dj_database_url.parse(
            DATABASE_URL, conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60), conn_health_checks=True
        )
    }
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": VAR_DIR / "huisvanhetkind.sqlite3",
        }
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {**SQLITE_OPTIONS, **DATABASES["default"].get("OPTIONS", {})}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: per process by default; set CACHE_URL (redis://...) when several app servers share
# rate limits and used TOTP codes.
CACHE_URL = env_str("CACHE_URL", "")
if CACHE_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "huisvanhetkind.network.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Professional accounts: e-mail log-in, no public sign-up (accounts come from invitations),
# a second factor is compulsory for everyone with a role (network.middleware).
ACCOUNT_ADAPTER = "huisvanhetkind.network.adapters.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = "username"
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = False
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
}
# Behind reverse proxies that append to X-Forwarded-For: how many of them to trust (core.http).
# 0 (no proxy) uses the socket's address; behind the documented nginx, 1.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
# Seconds an app server keeps the houses it looked up (network.selectors.house_by_slug); 0: none.
HOUSE_CACHE_SECONDS = env_int("HOUSE_CACHE_SECONDS", 0 if DEBUG else 30)
# Seconds the reverse proxy may serve a public page to other visitors (core.page_cache); 0: none.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 0 if DEBUG else 30)
# An app server process loads its copies of the houses' offer and the search vocabulary in the
# background when it starts (web.warmup), instead of on the first visitor of each house.
WARM_AT_START = env_bool("WARM_AT_START", not DEBUG)
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http" if DEBUG else "https"
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "network:dashboard"
ACCOUNT_LOGOUT_REDIRECT_URL = "web:landing"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = env_str("MFA_TOTP_ISSUER", "Huis van het Kind")
MFA_TOTP_TOLERANCE = 1

# E-mail: SMTP in production; the demo writes messages as files under var/mail/.
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_FILE_PATH = VAR_DIR / "mail"
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = env_str(
    "DEFAULT_FROM_EMAIL", "Huis van het Kind <noreply@huisvanhetkind.localhost>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The public address of the platform, used in links inside e-mails.
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("fr", _("Français")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "huisvanhetkind" / "locale"]
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if not DEBUG
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
MEDIA_ROOT = VAR_DIR / "media"
# Files served only through a view after an access check (meeting documents, the partners'
# library): outside MEDIA_ROOT, never under a URL of the web server; backed up with the media.
PRIVATE_FILES_ROOT = VAR_DIR / "private"
MEDIA_URL = "/media/"
# `huisvanhetkind backup` writes here and deletes its backups older than the retention, so that
# erased personal data is gone from every backup that many days later (docs/operations.md).
BACKUP_DIR = Path(env_str("BACKUP_DIR", str(VAR_DIR / "backups")))
BACKUP_RETENTION_DAYS = env_int("BACKUP_RETENTION_DAYS", 35)

# Security: strict by default; a TLS-terminating proxy must set X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
SECURE_REDIRECT_EXEMPT = PLAIN_HTTP_PATTERNS
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 3600)
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"

# Logs to standard error: one JSON object per line (LOG_FORMAT=json, the default without DEBUG)
# or readable text (LOG_FORMAT=text, the default with DEBUG), with the request id, the user's id
# and the house, never a person's e-mail address or name (core.logs, docs/operations.md).
LOG_FORMAT = env_str("LOG_FORMAT", "text" if DEBUG else "json")
if LOG_FORMAT not in ("json", "text"):
    raise ImproperlyConfigured(f"LOG_FORMAT must be json or text, not {LOG_FORMAT!r}.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "huisvanhetkind.core.logs.JsonFormatter"},
        "text": {"()": "huisvanhetkind.core.logs.TextFormatter"},
    },
    "filters": {"route_path": {"()": "huisvanhetkind.core.logs.RoutePathFilter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "filters": ["route_path"],
        }
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"django.server": {"level": "WARNING"}} if not DEBUG else {},
}
# Who may read the Prometheus metrics at /metrics (core.metrics): client addresses or networks,
# comma-separated (the client's address behind the trusted proxy); anyone else gets a 404.
METRICS_ALLOWED_IPS = env_list("METRICS_ALLOWED_IPS", ["127.0.0.1"])
for _network in METRICS_ALLOWED_IPS:
    try:
        ipaddress.ip_network(_network, strict=False)
    except ValueError as _error:
        raise ImproperlyConfigured(f"METRICS_ALLOWED_IPS: {_network!r} is no address.") from _error

# Background tasks (e-mails, reminders, retention): in the database, run by `huisvanhetkind db_worker`.
# TASKS_BACKEND=immediate runs them in the request instead (tests and the demo).
TASKS_BACKEND = env_str("TASKS_BACKEND", "database")
# Seconds between the passes of `huisvanhetkind scheduler` over the periodic jobs (core.scheduler).
SCHEDULER_TICK_SECONDS = env_int("SCHEDULER_TICK_SECONDS", 30)
# /readyz fails when the scheduler's or the worker's last heartbeat is older than this (core.health):
# the scheduler beats at every pass, the worker every minute; keep it above twice the tick.
HEARTBEAT_MAX_AGE_SECONDS = env_int("HEARTBEAT_MAX_AGE_SECONDS", 180)
# How long the navigation's to-do count is kept per session (core.todo.menu_count); 0: never.
TODO_MENU_COUNT_SECONDS = env_int("TODO_MENU_COUNT_SECONDS", 60)
TASKS = {
    "default": {
        "BACKEND": {
            # django-tasks-db's backend that also keeps the request id with a task (core.taskqueue)
            "database": "huisvanhetkind.core.taskqueue.DatabaseBackend",
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
        }[TASKS_BACKEND],
    }
}

# Personal data of a parent's question is erased this many days after the question is closed.
QUESTION_RETENTION_DAYS = env_int("QUESTION_RETENTION_DAYS", 365)

# Importing a partner's iCalendar feed from a URL fetches only addresses on the public internet
# (never the platform's own network); a test or an intranet deployment may allow private ones.
ICAL_IMPORT_ALLOW_PRIVATE_HOSTS = env_bool("ICAL_IMPORT_ALLOW_PRIVATE_HOSTS", False)

# Registrations for activities: personal data erased this many days after the session; how long
# the signed link in the confirmation e-mail works.
REGISTRATION_RETENTION_DAYS = env_int("REGISTRATION_RETENTION_DAYS", 183)
REGISTRATION_LINK_MAX_AGE_DAYS = env_int("REGISTRATION_LINK_MAX_AGE_DAYS", 200)
# The public registration form counts submissions per client, per client and session, and per
# e-mail address (see activities.views_public); 0 turns this off, for a load test from one address only.
REGISTRATION_RATE_LIMITS = env_bool("REGISTRATION_RATE_LIMITS", True)
# Photos of an activity are removed this many days after its last session
# (`huisvanhetkind erase_expired_photos`, which also removes photo files no record uses).
ACTIVITY_PHOTO_RETENTION_DAYS = env_int("ACTIVITY_PHOTO_RETENTION_DAYS", 365)

# How long an invitation to become a professional user stays valid.
INVITATION_VALID_DAYS = env_int("INVITATION_VALID_DAYS", 14)
PARTNER_APPLICATION_RETENTION_DAYS = env_int("PARTNER_APPLICATION_RETENTION_DAYS", 365)  # declined
