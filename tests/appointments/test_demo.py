"""The demo's appointments of Kalmthout: settings and topics (with what to bring) for the
childcare desk and the Opvoedingspunt, a few families booked; written once, without e-mail."""

import tomllib
from datetime import time
from pathlib import Path

import pytest
from django.core import mail
from django.utils import timezone

from huisvanhetkind.appointments.models import Appointment, Topic
from huisvanhetkind.demo.appointments import seed_appointments
from huisvanhetkind.premises import services_hours
from tests.premises.hours_helpers import make_desk, rule_data

pytestmark = pytest.mark.django_db
DATA = (
    Path(__file__).resolve().parents[2] / "huisvanhetkind" / "demo" / "data" / "appointments.toml"
)


def seed(house):
    with DATA.open("rb") as handle:
        data = tomllib.load(handle)
    seed_appointments(
        data=data, houses={"kalmthout": house}, organisations={}, today=timezone.localdate()
    )


def test_the_demo_writes_kalmthouts_appointments_once(house, on_commit):
    for name, slug in (
        ("Lokaal Loket Kinderopvang", "loket-kinderopvang"),
        ("Opvoedingspunt", "opvoedingspunt"),
    ):
        desk = make_desk(house, name=name, slug=slug)
        services_hours.rule_create(
            actor=None,
            desk=desk,
            data=rule_data(weekdays=[1, 3], starts=time(9), ends=time(12), mode="appointment"),
        )
    with on_commit():
        seed(house)
        seed(house)
    assert mail.outbox == []
    assert Topic.objects.filter(desk__slug="loket-kinderopvang").count() == 3
    assert Topic.objects.exclude(what_to_bring="").count() == 5
    assert Appointment.objects.filter(desk__slug="loket-kinderopvang").count() == 3
    assert Appointment.objects.filter(desk__slug="opvoedingspunt").count() == 2
    # two families share the first slot of the childcare desk (two counters)
    first = Appointment.objects.filter(desk__slug="loket-kinderopvang").order_by("starts_at")
    assert first[0].starts_at == first[1].starts_at
    assert Appointment.objects.filter(interpreter=True).count() == 2


def test_the_demo_s_paperwork_desk_gets_its_topics_with_what_to_bring(house, on_commit):
    desk = make_desk(house, name="Hulp bij papierwerk", slug="hulp-bij-papierwerk")
    services_hours.rule_create(
        actor=None,
        desk=desk,
        data=rule_data(weekdays=[3], starts=time(9), ends=time(12), mode="appointment"),
    )
    with on_commit():
        seed(house)
    topics = {t.title: t.what_to_bring for t in Topic.objects.filter(desk=desk)}
    assert set(topics) == {
        "Groeipakket aanvragen of vragen",
        "UiTPAS met kansentarief",
        "Studietoelage aanvragen",
        "Inkomensattest voor de kinderopvang",
    }
    assert all(text and len(text) < 250 for text in topics.values())
    assert "identiteitskaart" in topics["Groeipakket aanvragen of vragen"]
    assert "verhoogde tegemoetkoming" in topics["UiTPAS met kansentarief"]
    assert Appointment.objects.filter(desk=desk).count() == 1
    assert mail.outbox == []


def test_the_premises_demo_has_the_paperwork_desk_with_hours_by_appointment():
    """The two demo files agree: every desk that gets appointment topics here exists in
    premises.toml with hours by appointment (else the seeder leaves it out)."""
    with (DATA.parent / "premises.toml").open("rb") as handle:
        premises = tomllib.load(handle)
    with DATA.open("rb") as handle:
        appointments = tomllib.load(handle)
    desks = {desk["slug"]: desk for desk in premises["hours"]["desks"]}
    for row in appointments["desks"]:
        assert row["slug"] in desks, row["slug"]
        modes = {rule.get("mode") for rule in desks[row["slug"]].get("rules", [])}
        assert "appointment" in modes, row["slug"]
