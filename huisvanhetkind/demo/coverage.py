"""The demo's population figures and the status of known gaps, read from ``data/coverage.toml`` and written through the services
of the coverage app. Written once: what the demo's visitors change is left alone."""

from datetime import date

from huisvanhetkind.network.models import House


def seed_coverage(
    *, data: dict, houses: dict[str, House], organisations: dict, today: date
) -> None:
    """Write the demo's population figures and the status of known gaps once."""
