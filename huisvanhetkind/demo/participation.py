"""The demo's surveys, read from ``data/participation.toml`` and written through the services
of the participation app. Written once: what the demo's visitors change is left alone."""

from datetime import date

from huisvanhetkind.network.models import House


def seed_participation(
    *, data: dict, houses: dict[str, House], organisations: dict, today: date
) -> None:
    """Write the demo's surveys once."""
