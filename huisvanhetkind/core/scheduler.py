"""The one schedule of periodic jobs.

django-tasks has no periodic tasks. Each app registers its jobs in its own ``jobs.py`` (found
by ``autodiscover``, as the admin finds ``admin.py``): a name, how often, and the task to
enqueue. The ``huisvanhetkind scheduler`` process enqueues each job when it is due.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.utils.module_loading import autodiscover_modules


@dataclass(frozen=True)
class Job:
    name: str  # stable, unique: "questions.erase_expired"
    every: timedelta
    task: object  # a django-tasks Task (it has .enqueue()); its result is a count or a dict
    description: str = ""


_REGISTRY: dict[str, Job] = {}


def register(name: str, *, every: timedelta, task, description: str = "") -> Job:
    """Register a periodic job (at import time of an app's ``jobs.py``)."""
    if name in _REGISTRY and _REGISTRY[name].task is not task:
        raise ValueError(f"A periodic job named {name!r} is registered twice.")
    job = Job(name=name, every=every, task=task, description=description)
    _REGISTRY[name] = job
    return job


def jobs() -> dict[str, Job]:
    """Every registered job, by name (the apps' ``jobs.py`` modules are imported first)."""
    autodiscover()
    return dict(sorted(_REGISTRY.items()))


_discovered = False


def autodiscover() -> None:
    global _discovered
    if not _discovered:
        autodiscover_modules("jobs")
        _discovered = True
