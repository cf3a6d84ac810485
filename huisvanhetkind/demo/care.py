"""The demo's signal index in Kalmthout, read from ``data/care.toml`` and written through the care
services (``signal_record``, without e-mail): two fictitious families whose made-up national
numbers pass the checksum, one child known to two partners and two siblings known to two others
through their parent's number.

Written once: when the house has a signal, the seeder leaves the index and whatever the demo's
visitors did with it alone.
"""

from datetime import date, timedelta

from django.contrib.auth import get_user_model

from huisvanhetkind.care import services as care_services
from huisvanhetkind.care.models import Signal
from huisvanhetkind.care.numbers import fictitious_number
from huisvanhetkind.network.models import Domain, House, Organisation


def _number(row: dict) -> str:
    return fictitious_number(row["born"], row["serial"])


def demo_signal_rows(data: dict) -> list[dict]:
    """The signals of the data, oldest first (as they were made)."""
    return sorted(data["signals"], key=lambda row: -row["days_ago"])


def seed_care(*, data: dict, houses: dict[str, House], organisations: dict, today: date) -> None:
    """Write the signals once."""
    house = houses[data["house"]]
    if Signal.objects.filter(house=house).exists():
        return
    users = get_user_model().objects.in_bulk(list(data["accounts"].values()), field_name="username")
    for row in demo_signal_rows(data):
        organisation = organisations.get(row["by"]) or Organisation.objects.get(name=row["by"])
        child = row["child"]
        parent = data["parents"][row["parent"]] if row.get("parent") else None
        care_services.signal_record(
            actor=users[data["accounts"][row["by"]]],
            house=house,
            organisation=organisation,
            number=_number(child),
            child_name=child["name"],
            child_birth_date=child["born"].strftime("%d/%m/%Y"),
            domain=Domain.objects.get(slug=row["domain"]) if row.get("domain") else None,
            parent_number=_number(parent) if parent else "",
            today=today - timedelta(days=row["days_ago"]),
            notify=False,
        )
