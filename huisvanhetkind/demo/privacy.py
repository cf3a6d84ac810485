"""The demo's requests log of the house (see ``privacy.services_requests``), read from
``data/privacy.toml``: requests of families by phone, by letter and at the desk, one answered on
time, one refused, one extended, one open and due within the week, and one late, so that the
coordinator's list, its filters, the yearly count and the to-do list all show something.
Dates are days before the demo's "today". Written once, when the house has no request yet."""

from datetime import date, timedelta

from huisvanhetkind.network.models import House
from huisvanhetkind.privacy import services_requests
from huisvanhetkind.privacy.models import RightsRequest


def _seed_house(rows: list[dict], house: House, today: date) -> None:
    for row in rows:
        received = today - timedelta(days=row["received_days_ago"])
        request = services_requests.request_log(
            actor=None,
            house=house,
            requester_name=row["name"],
            requester_contact=row["contact"],
            received_on=received,
            channel=row["channel"],
            kind=row["kind"],
            subject=row["subject"].strip(),
            today=today,
        )
        if row.get("in_progress"):
            request = services_requests.request_start(actor=None, request=request)
        if row.get("extension"):
            request = services_requests.request_extend(
                actor=None,
                request=request,
                reason=row["extension"].strip(),
                today=received + timedelta(days=row.get("extended_after_days", 7)),
            )
        if "answered_after_days" in row:
            answered = received + timedelta(days=row["answered_after_days"])
            services_requests.request_answer(
                actor=None,
                request=request,
                answered_on=answered,
                summary=row["answer"].strip(),
                channel=row["answer_channel"],
                refused=bool(row.get("refusal")),
                refusal_reason=row.get("refusal", "").strip(),
                today=today,
            )


def seed_privacy(*, data: dict, houses: dict[str, House], organisations: dict, today: date):
    """Write the demo houses' requests logs once."""
    for slug, rows in data.get("requests", {}).items():
        house = houses.get(slug)
        if house is None or RightsRequest.objects.filter(house=house).exists():
            continue
        _seed_house(rows, house, today)
