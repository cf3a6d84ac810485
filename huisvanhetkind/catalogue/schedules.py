"""Schedules that apps above the catalogue add to a service's HSDS ``schedules``.

The catalogue sits below the apps that know when a service can be visited (the office hours of
a desk at the house are in ``premises``), so it cannot import them. Such an app registers a
provider here from its ``AppConfig.ready()``; the HSDS API asks every provider once per page
of services (never once per service) and appends what they give to each compiled service's
``schedules``.

A provider is ``provider(services, house) -> {service pk: [HSDS schedule, ...]}``: it reads
the schedules of all ``services`` in a constant number of queries; ``house`` is the house the
API was asked about, or None for the whole platform.
"""

from collections.abc import Callable, Sequence

from huisvanhetkind.catalogue.models import Service
from huisvanhetkind.network.models import House

ScheduleProvider = Callable[[Sequence[Service], House | None], dict[int, list[dict]]]

_providers: list[ScheduleProvider] = []


def register_schedule_provider(provider: ScheduleProvider) -> None:
    """Add ``provider`` (once: registering it again changes nothing)."""
    if provider not in _providers:
        _providers.append(provider)


def providers() -> tuple[ScheduleProvider, ...]:
    return tuple(_providers)


def extra_schedules(services: Sequence[Service], house: House | None) -> dict[int, list[dict]]:
    """Every provider's schedules of ``services``, by service pk."""
    found: dict[int, list[dict]] = {}
    services = [s for s in services if s is not None]
    if not services:
        return found
    for provider in _providers:
        for pk, schedules in provider(services, house).items():
            found.setdefault(pk, []).extend(schedules)
    return found


def add_schedules(services: Sequence[Service], documents: Sequence[dict], house) -> None:
    """Append the providers' schedules to the ``schedules`` of each compiled service document
    (``documents[i]`` is the HSDS form of ``services[i]``)."""
    found = extra_schedules(services, house)
    for service, document in zip(services, documents, strict=True):
        if found.get(service.pk):
            document.setdefault("schedules", []).extend(found[service.pk])
