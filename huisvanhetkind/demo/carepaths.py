"""The demo's care paths (zorgpaden) in Kalmthout, with the first-1000-days template, read from ``data/carepaths.toml``."""

from datetime import date

from huisvanhetkind.network.models import House


def seed_care_paths(
    *, data: dict, houses: dict[str, House], organisations: dict, today: date
) -> None:
    """Write the demo data once (nothing yet)."""
