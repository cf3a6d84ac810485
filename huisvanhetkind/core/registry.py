"""The registries that apps fill from a module of their own (``jobs.py``, ``todo.py``,
``handover.py``, ``personal_data.py``), found the way the admin finds ``admin.py``."""

from django.utils.module_loading import autodiscover_modules

_DISCOVERED: set[str] = set()


def discover(module: str) -> None:
    """Import every installed app's ``module`` once per process."""
    if module not in _DISCOVERED:
        autodiscover_modules(module)
        _DISCOVERED.add(module)
