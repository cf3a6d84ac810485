"""Warm an app server process when it starts.

Each process keeps, per house, its copy of the published offer (``catalogue.offer``) and one
copy of the search vocabulary. Loaded on demand, the first visitor of each house after a start
or a deploy waits for them (some 30 to 50 ms a house, 160 houses in Flanders), and a burst of
visitors right after a restart pays for all of them at once. With ``WARM_AT_START`` (the default
without ``DEBUG``) the process loads them in a background thread as soon as it has imported the
application (``huisvanhetkind.wsgi``); requests are served meanwhile, and a copy a request needs
before the thread reaches it is loaded by that request, as before.

A failure (the database not reachable yet, say) is logged and leaves the copies to be loaded on
demand: warming is an optimisation, never a condition for serving.
"""

import logging
import threading
import time

from django.conf import settings
from django.db import connections

from huisvanhetkind.catalogue import offer
from huisvanhetkind.catalogue.search.vocabulary import get_vocabulary
from huisvanhetkind.network.models import House

logger = logging.getLogger("huisvanhetkind.warmup")


def warm() -> int:
    """Load the search vocabulary and the offer of every active house; the number of houses."""
    get_vocabulary()
    houses = list(House.objects.filter(is_active=True).order_by("pk"))
    for house in houses:
        offer.house_offer(house)
    return len(houses)


def _warm_in_thread() -> None:
    started = time.monotonic()
    try:
        houses = warm()
    except Exception:
        logger.exception("Warming the process failed: its copies load on demand")
    else:
        logger.info(
            "Warmed the process: the offer of %d houses and the search vocabulary",
            houses,
            extra={"duration_ms": round((time.monotonic() - started) * 1000)},
        )
    finally:
        connections.close_all()  # this thread's own connections


def start() -> threading.Thread | None:
    """Warm this process in a background thread when ``WARM_AT_START`` is set."""
    if not settings.WARM_AT_START:
        return None
    thread = threading.Thread(target=_warm_in_thread, name="warm-up", daemon=True)
    thread.start()
    return thread
