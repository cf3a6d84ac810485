"""The demo's strategic goals and the annual plan, read from ``data/steering.toml`` and written through the services
of the steering app. Written once: what the demo's visitors change is left alone."""

from datetime import date

from huisvanhetkind.network.models import House


def seed_steering(
    *, data: dict, houses: dict[str, House], organisations: dict, today: date
) -> None:
    """Write the demo's strategic goals and the annual plan once."""
