"""The demo's signal index: two fictitious families in Kalmthout, a match between two partners
for one child and a sibling match through a parent's number, written once and without e-mail."""

import pytest
from django.core import mail
from django.utils import timezone

from huisvanhetkind.care import selectors
from huisvanhetkind.care.models import Signal
from huisvanhetkind.care.numbers import fictitious_number, parse_number
from huisvanhetkind.demo.services import demo_seed, load
from huisvanhetkind.network.models import House

pytestmark = pytest.mark.django_db


def test_the_demo_has_two_families_with_matches_written_once():
    demo_seed()
    house = House.objects.get(slug="kalmthout")
    today = timezone.localdate()
    signals = list(Signal.objects.filter(house=house))
    assert len(signals) == 4
    assert mail.outbox == []
    matched = {
        s.organisation.name: {m.organisation.name for m in selectors.matches(s, today)}
        for s in signals
    }
    assert matched["Opvoedingspunt Kalmthout"] == {"Kind en Gezin"}
    assert matched["OCMW Kalmthout, sociale dienst"] == {"Lokaal Loket Kinderopvang Kalmthout"}
    noor = Signal.objects.get(organisation__name="Kind en Gezin")
    assert noor.is_lead and noor.reference_name == "Noor Vermeulen"
    counts = selectors.house_counts(house, today)
    assert (counts.signals, counts.children, counts.matched_children) == (4, 3, 1)
    # Every number of the data passes the checksum.
    for row in load("care")["signals"]:
        assert parse_number(fictitious_number(row["child"]["born"], row["child"]["serial"]))
    demo_seed()
    assert Signal.objects.filter(house=house).count() == 4
