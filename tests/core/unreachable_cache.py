"""A cache backend that behaves as Redis does when it is down: every operation raises the
client's ConnectionError (tests of what still works without the shared cache)."""

from django.core.cache.backends.base import BaseCache
from redis.exceptions import ConnectionError as RedisConnectionError


class UnreachableCache(BaseCache):
    def __init__(self, location, params):
        super().__init__(params)

    def _down(self, *args, **kwargs):
        raise RedisConnectionError("Error 111 connecting to 127.0.0.1:56379. Connection refused.")

    add = get = set = touch = delete = clear = incr = decr = has_key = _down
    get_many = set_many = delete_many = _down


SETTINGS = {"default": {"BACKEND": "tests.core.unreachable_cache.UnreachableCache"}}
