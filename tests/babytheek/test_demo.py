"""The demo's babytheek of Kalmthout: items with photos, members, one item lent, reservations,
one overdue and a family on the waitlist; written once, without e-mail."""

import tomllib
from pathlib import Path

import pytest
from django.core import mail

from huisvanhetkind.babytheek import selectors
from huisvanhetkind.babytheek.models import Item, Loan, Membership, WaitlistEntry
from huisvanhetkind.babytheek.workflow import LoanStatus as S
from huisvanhetkind.demo.babytheek import seed_babytheek
from tests.babytheek.conftest import today

pytestmark = pytest.mark.django_db
DATA = Path(__file__).resolve().parents[2] / "huisvanhetkind" / "demo" / "data" / "babytheek.toml"


def seed(house):
    with DATA.open("rb") as handle:
        data = tomllib.load(handle)
    seed_babytheek(data=data, houses={"kalmthout": house}, organisations={}, today=today())


def test_the_demo_writes_kalmthouts_babytheek_once(house, coordinator, on_commit):
    with on_commit():
        seed(house)
        seed(house)
    assert mail.outbox == []
    assert 8 <= Item.objects.filter(house=house).count() <= 10
    assert all(item.photo.name.startswith("babytheek/") for item in Item.objects.all())
    assert Membership.objects.filter(house=house).count() == 4
    assert Loan.objects.filter(status=S.RESERVED).count() == 2
    lent = Loan.objects.filter(status=S.LENT)
    assert lent.count() == 2
    assert sum(loan.is_overdue for loan in lent) == 1
    assert WaitlistEntry.objects.count() == 1
    day = selectors.day_list(coordinator, house, today())
    assert [loan.item.name for loan in day["pickups"]] == ["Box met bodem"]
    assert [loan.item.name for loan in selectors.overdue(coordinator, house, today())] == [
        "Draagzak"
    ]
