"""Handover: what a professional holds for an organisation moves to a colleague when they leave it.

Each app says what a person can hold in its own ``handover.py`` (found by ``autodiscover``, as
the admin finds ``admin.py``)::

    handover.register(
        "questions.assigned",
        holdings=lambda user, organisation: [(_("Vragen toegewezen aan deze persoon"), 3)],
        transfer=hand_over_questions,  # (from_user, to_user, organisation, actor) -> None
    )

``holdings`` returns a list of ``(label, count or list of items)``; an empty list, or only
zero counts and empty lists, means nothing is held. ``transfer`` moves everything through the
app's own services (which check and audit each change). The network's ``role_revoke`` shows the
holdings before the last role of a person in an organisation ends, requires a colleague when
anything is held, transfers, and then checks that nothing is left behind.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from huisvanhetkind.core.registry import discover

Holdings = Callable[[object, object], list[tuple[str, object]]]
Transfer = Callable[[object, object, object, object], object]


@dataclass(frozen=True)
class Provider:
    name: str  # stable, unique: "questions.assigned"
    holdings: Holdings
    transfer: Transfer


@dataclass(frozen=True)
class Holding:
    """One line of what a person holds: a label and a count, or the items themselves."""

    provider: str
    label: str
    items: tuple = ()
    count: int = 0


_REGISTRY: dict[str, Provider] = {}


def register(name: str, *, holdings: Holdings, transfer: Transfer) -> Provider:
    """Register what an app's people can hold (at import time of the app's ``handover.py``)."""
    if name in _REGISTRY and (
        _REGISTRY[name].holdings is not holdings or _REGISTRY[name].transfer is not transfer
    ):
        raise ValueError(f"A handover named {name!r} is registered twice.")
    provider = Provider(name=name, holdings=holdings, transfer=transfer)
    _REGISTRY[name] = provider
    return provider


def autodiscover() -> None:
    discover("handover")


def providers() -> dict[str, Provider]:
    """Every registered provider, by name (the apps' ``handover.py`` modules are imported first)."""
    autodiscover()
    return dict(sorted(_REGISTRY.items()))


def holdings(user, organisation) -> list[Holding]:
    """What ``user`` holds for ``organisation``, one line per kind of thing; lines with nothing
    in them are left out."""
    lines = []
    for provider in providers().values():
        for label, held in provider.holdings(user, organisation):
            if isinstance(held, int):
                line = Holding(provider=provider.name, label=str(label), count=held)
            else:
                items = tuple(held)
                line = Holding(
                    provider=provider.name, label=str(label), items=items, count=len(items)
                )
            if line.count:
                lines.append(line)
    return lines


def transfer(*, from_user, to_user, organisation, actor) -> list[Holding]:
    """Move everything ``from_user`` holds for ``organisation`` to ``to_user``; return what moved.

    Call it inside the transaction of the change that ends the person's work for the
    organisation: when a provider leaves something behind, it raises and the whole change is
    undone."""
    moved = holdings(from_user, organisation)
    if not moved:
        return []
    if to_user is None or to_user.pk == from_user.pk:
        raise ValidationError(_("Kies een collega die overneemt wat deze persoon beheert."))
    for name in {line.provider for line in moved}:
        _REGISTRY[name].transfer(from_user, to_user, organisation, actor)
    left = holdings(from_user, organisation)
    if left:
        raise ValidationError(
            _("Niet alles kon overgedragen worden: %(what)s.")
            % {"what": ", ".join(f"{line.label} ({line.count})" for line in left)}
        )
    return moved
