"""The demo's baby-gear library (babytheek), read from ``data/babytheek.toml`` and written
through the services of the babytheek app, without e-mail (``core.mail.no_mail``).

Kalmthout's small babytheek: nine items, each with a tiny photo generated in its colour (no
download), four members (two with the social tariff), one item lent, two reserved (one to pick up
today, on the day list), one overdue and a family on the waitlist for it. Written once: when the
house has items, the seeder leaves them and whatever the demo's visitors changed."""

import io
from datetime import date, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone
from PIL import Image

from huisvanhetkind.babytheek import services
from huisvanhetkind.babytheek.models import Item
from huisvanhetkind.core.mail import no_mail
from huisvanhetkind.network.models import House

ITEM_FIELDS = ("name", "category", "description", "condition", "deposit", "loan_weeks")


def _photo(colour: str) -> SimpleUploadedFile:
    """A tiny PNG in one colour, re-encoded like every upload."""
    output = io.BytesIO()
    Image.new("RGB", (64, 48), colour).save(output, format="PNG")
    return SimpleUploadedFile("demo.png", output.getvalue(), content_type="image/png")


def _seed(data: dict, house: House, today: date) -> None:
    items = {}
    for row in data["items"]:
        fields = {k: row[k] for k in ITEM_FIELDS}
        fields["photo"] = services.reencode_photo(_photo(row["colour"]))
        fields["photo_alt"] = row["name"]
        items[row["name"]] = services.item_create(actor=None, house=house, data=fields)
    members = {
        row["email"]: services.membership_create(
            actor=None,
            house=house,
            name=row["name"],
            email=row["email"],
            phone=row.get("phone", ""),
            postcode=row.get("postcode", ""),
            social_tariff=row.get("social_tariff", False),
            fee_paid=row.get("fee_paid", False),
            valid_from=today - timedelta(days=row["started_days_ago"]),
        )
        for row in data["members"]
    }
    for row in data["loans"]:
        item, member = items[row["item"]], members[row["member"]]
        pickup = today + timedelta(days=row["pickup"])
        # Reserved as on the day it was made, then handed over on the pick-up day.
        made_on = min(today, pickup)
        loan, _signed = services.loan_reserve(
            actor=None,
            house=house,
            item=item,
            pickup_date=pickup,
            name=member.name,
            email=member.email,
            new_membership=False,
            today=made_on,
        )
        if row["status"] in ("lent", "overdue"):
            moment = timezone.now() + timedelta(days=row["pickup"])
            services.loan_lend(actor=None, loan=loan, now=moment)
    for row in data.get("waitlist", []):
        services.waitlist_join(
            actor=None, house=house, item=items[row["item"]], name=row["name"], email=row["email"]
        )


def seed_babytheek(
    *, data: dict, houses: dict[str, House], organisations: dict, today: date
) -> None:
    """Write the demo's babytheek once (see the module's docstring)."""
    house = houses.get(data.get("house", ""))
    if house is None or Item.objects.filter(house=house).exists():
        return
    with transaction.atomic(), no_mail():
        _seed(data, house, today)
