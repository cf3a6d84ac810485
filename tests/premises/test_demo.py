"""The demo's rooms and week of bookings fit the house's opening hours and show a conflict."""

import tomllib
from datetime import time
from pathlib import Path

import pytest
from django.utils import timezone

from huisvanhetkind.demo.premises import seed_premises
from huisvanhetkind.network.models import Location, Municipality, OpeningHours, Organisation
from huisvanhetkind.premises import selectors
from huisvanhetkind.premises.models import Booking, Room
from huisvanhetkind.premises.workflow import BookingStatus as S
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db
DATA = Path(__file__).resolve().parents[2] / "huisvanhetkind" / "demo" / "data"


def _load(name):
    with (DATA / f"{name}.toml").open("rb") as handle:
        return tomllib.load(handle)


def test_the_demo_writes_kalmthouts_rooms_once(house):
    [kalmthout] = [h for h in _load("houses")["houses"] if h["slug"] == "kalmthout"]
    row = kalmthout["locations"][0]
    location = Location.objects.create(
        house=house,
        name=row["name"],
        street=row["street"],
        postcode=row["postcode"],
        municipality=Municipality.objects.get(name="Kalmthout"),
    )
    for weekday, opens, closes, note in row["hours"]:
        OpeningHours.objects.create(
            location=location,
            weekday=weekday,
            opens=time.fromisoformat(opens),
            closes=time.fromisoformat(closes),
            note=note,
        )
    data = _load("premises")
    names = {b["organisation"] for b in data["rooms"]["bookings"]} | set(
        data["rooms"]["accepted_by"]
    )
    organisations = {
        name: OrganisationFactory(
            name=name,
            houses=[house],
            kind=Organisation.Kind.PUBLIC if name.startswith("OCMW") else Organisation.Kind.OTHER,
        )
        for name in names
    }
    for _ in range(2):
        seed_premises(
            data=data,
            houses={"kalmthout": house},
            organisations=organisations,
            today=timezone.localdate(),
        )
    assert Room.objects.filter(house=house).count() == 3
    assert Booking.objects.filter(status=S.APPROVED).count() == 4
    assert Booking.objects.filter(status=S.REQUESTED).count() == 3
    assert any(conflicts for _b, conflicts in selectors.pending_requests(house))
