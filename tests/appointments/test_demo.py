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
