"""The demo's family plans (gezinsplannen) in Kalmthout, read from ``data/familyplans.toml``."""

from datetime import date

from huisvanhetkind.network.models import House


def seed_family_plans(
    *, data: dict, houses: dict[str, House], organisations: dict, today: date
) -> None:
    """Write the demo data once (nothing yet)."""
