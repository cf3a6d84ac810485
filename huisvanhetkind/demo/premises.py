"""The demo's rooms, office hours, appointments and baby-gear library, read from ``data/premises.toml`` and written through the services
of the premises app. Written once: what the demo's visitors change is left alone."""

from datetime import date

from huisvanhetkind.network.models import House


def seed_premises(
    *, data: dict, houses: dict[str, House], organisations: dict, today: date
) -> None:
    """Write the demo's rooms, office hours, appointments and baby-gear library once."""
