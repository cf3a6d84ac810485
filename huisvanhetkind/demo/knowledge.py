"""The demo's partners' library, trainings for professionals and the digest, read from ``data/knowledge.toml`` and written through the services
of the knowledge app. Written once: what the demo's visitors change is left alone."""

from datetime import date

from huisvanhetkind.network.models import House


def seed_knowledge(
    *, data: dict, houses: dict[str, House], organisations: dict, today: date
) -> None:
    """Write the demo's partners' library, trainings for professionals and the digest once."""
