"""The demo's baby-gear library (babytheek), read from ``data/babytheek.toml`` and written
through the services of the babytheek app."""

from datetime import date

from huisvanhetkind.network.models import House


def seed_babytheek(
    *, data: dict, houses: dict[str, House], organisations: dict, today: date
) -> None:
    """Nothing yet: the library's items, members and loans come with the app."""
