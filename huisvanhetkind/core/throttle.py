"""Fixed-window counters in the shared cache, to slow down abuse of public forms.

The counters live in the cache (Redis when ``CACHE_URL`` is set, shared by every app server).
When the cache cannot be reached, every limit of this module **falls back to the database**: the
same limit is counted in ``core.ThrottleCount`` (windows aligned on the clock instead of starting
at the first attempt), so the public forms keep working and keep their limits while Redis is
down. Which limits these are: the question form (per client and per e-mail address), a parent's
follow-up of a question (per client and per question), the registration for an activity (per
client, per client and session, per e-mail address), the partner application (per client), and
the family's short code of a referral (per client).

The limits of the log-in itself are allauth's (``ACCOUNT_RATE_LIMITS``: log-in, failed log-ins,
password reset) and so is the protection against a second use of a TOTP code: they need the
cache and **fail closed** without it (the log-in is refused with the plain error page, nobody
logs in uncounted). See docs/operations.md, *Fault drills*.
"""

import hashlib
import logging
from datetime import UTC, datetime, timedelta

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from redis.exceptions import RedisError

from huisvanhetkind.core.http import client_key
from huisvanhetkind.core.models import ThrottleCount

logger = logging.getLogger(__name__)

HOUR = 60 * 60
# What a cache that cannot be reached raises (the Redis client; a socket error underneath).
CACHE_ERRORS = (RedisError, OSError)
EPOCH = datetime(2000, 1, 1, tzinfo=UTC)


def allow(scope: str, identity: str, *, limit: int, window: int = HOUR) -> bool:
    """Count one attempt of ``identity`` in ``scope``; False once more than ``limit`` were made."""
    key = f"ratelimit:{scope}:{hashlib.sha256(identity.encode()).hexdigest()}"
    try:
        count = _count_in_cache(key, window)
    except CACHE_ERRORS as error:
        logger.warning(
            "The cache cannot be reached (%s): the limit %s is counted in the database.",
            type(error).__name__,
            scope,
        )
        count = count_in_database(key, window)
    return count <= limit


def allow_client(request, scope: str, *, limit: int, window: int = HOUR) -> bool:
    """Count one attempt of the requesting client (see ``core.http.client_key``)."""
    return allow(scope, client_key(request), limit=limit, window=window)


def _count_in_cache(key: str, window: int) -> int:
    cache.add(key, 0, window)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)
        return 1


def count_in_database(key: str, window: int, *, now: datetime | None = None) -> int:
    """Count one attempt for ``key`` in the current window of ``window`` seconds; return the
    count so far. Safe beside other app servers: the row's update locks it until commit."""
    now = now or timezone.now()
    length = timedelta(seconds=window)
    start = EPOCH + (now - EPOCH) // length * length
    mine = ThrottleCount.objects.filter(key=key, window_start=start)
    with transaction.atomic():
        if not mine.update(count=F("count") + 1):
            try:
                with transaction.atomic():
                    ThrottleCount.objects.create(
                        key=key, window_start=start, count=1, expires_at=start + length
                    )
            except IntegrityError:  # another app server created it a moment ago
                mine.update(count=F("count") + 1)
        return mine.values_list("count", flat=True).get()


def throttle_counts_due(now: datetime):
    """The counters whose window has passed (the register's retention rule)."""
    return ThrottleCount.objects.filter(expires_at__lt=now)


def throttle_counts_erase_expired(*, now: datetime | None = None) -> int:
    return throttle_counts_due(now or timezone.now()).delete()[0]
