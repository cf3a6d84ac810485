"""The demo's childcare offer and desk, read from ``data/childcare.toml``."""

from datetime import date

from huisvanhetkind.network.models import House


def seed_childcare(
    *, data: dict, houses: dict[str, House], organisations: dict, today: date
) -> None:
    """Write the demo data once (nothing yet)."""
