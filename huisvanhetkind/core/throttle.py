"""Fixed-window counters in the shared cache, to slow down abuse of public forms."""

import hashlib

from django.core.cache import cache

from huisvanhetkind.core.http import client_key

HOUR = 60 * 60


def allow(scope: str, identity: str, *, limit: int, window: int = HOUR) -> bool:
    """Count one attempt of ``identity`` in ``scope``; False once more than ``limit`` were made."""
    key = f"ratelimit:{scope}:{hashlib.sha256(identity.encode()).hexdigest()}"
    cache.add(key, 0, window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)
        count = 1
    return count <= limit


def allow_client(request, scope: str, *, limit: int, window: int = HOUR) -> bool:
    """Count one attempt of the requesting client (see ``core.http.client_key``)."""
    return allow(scope, client_key(request), limit=limit, window=window)
