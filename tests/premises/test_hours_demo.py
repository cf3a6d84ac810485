"""The demo's office hours: Kalmthout's childcare desk, Opvoedingspunt and help with paperwork
(walk-in on Tuesdays, every other Thursday by appointment, its own Christmas closure), and the
house's Christmas closure, written once through the services."""

import tomllib
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.urls import reverse

from huisvanhetkind.demo.premises import seed_premises
from huisvanhetkind.premises import selectors_hours
from huisvanhetkind.premises.models import Closure, Desk, OfficeHourRule
from tests.factories import OrganisationFactory, ServiceFactory

pytestmark = pytest.mark.django_db
DATA = Path(__file__).resolve().parents[2] / "huisvanhetkind" / "demo" / "data"


@pytest.fixture
def hours_data():
    with (DATA / "premises.toml").open("rb") as handle:
        return {"hours": tomllib.load(handle)["hours"]}


@pytest.fixture
def organisations(house):
    found = {}
    for name, service in (
        ("Lokaal Loket Kinderopvang Kalmthout", "Hulp bij het zoeken naar kinderopvang"),
        ("Opvoedingspunt Kalmthout", "Opvoedingsgesprekken"),
        ("OCMW Kalmthout, sociale dienst", "Sociale dienst en leefloon"),
    ):
        found[name] = OrganisationFactory(name=name, houses=[house])
        ServiceFactory(organisation=found[name], name=service)
    return found


def test_the_demo_writes_kalmthouts_office_hours_once(
    house, organisations, hours_data, parent_client
):
    today = date(2026, 12, 4)
    seed_premises(
        data=hours_data, houses={"kalmthout": house}, organisations=organisations, today=today
    )
    seed_premises(
        data=hours_data, houses={"kalmthout": house}, organisations=organisations, today=today
    )
    assert Desk.objects.filter(house=house).count() == 3
    assert OfficeHourRule.objects.filter(desk__house=house).count() == 7
    desk = Desk.objects.get(slug="loket-kinderopvang")
    assert desk.service.name == "Hulp bij het zoeken naar kinderopvang"
    closure = Closure.objects.get(house=house, desk=None)
    assert (closure.desk, closure.starts_on, closure.ends_on) == (
        None,
        date(2026, 12, 21),
        date(2027, 1, 3),
    )
    found = selectors_hours.desk_occurrences(desk, date(2026, 12, 14), date(2027, 1, 22))
    assert [o.day for o in found] == [
        date(2026, 12, 15),
        date(2026, 12, 17),
        date(2027, 1, 5),
        date(2027, 1, 12),
        date(2027, 1, 19),
        date(2027, 1, 21),
    ]
    saturdays = OfficeHourRule.objects.get(kind="dates").dates
    assert [date.fromisoformat(d).weekday() for d in saturdays] == [5, 5, 5]
    assert date.fromisoformat(saturdays[0]) == today + timedelta(days=1, weeks=5)
    text = parent_client.get(
        reverse("premises:hours", kwargs={"house_slug": house.slug})
    ).content.decode()
    assert "Elke derde donderdag van de maand, 9-12 u, op afspraak" in text
    assert "Elke dinsdag, 13.30-16 u, vrije inloop" in text
    assert "Elke maandag en woensdag, 9-11.30 u, vrije inloop" in text
    assert "(kerstvakantie)" in text


def test_the_demo_leaves_out_what_it_does_not_know(house, hours_data):
    seed_premises(
        data=hours_data, houses={"kalmthout": house}, organisations={}, today=date(2027, 1, 2)
    )
    desk = Desk.objects.get(slug="opvoedingspunt")
    assert (desk.organisation, desk.service, desk.room) == (None, None, None)
    closure = Closure.objects.get(house=house, desk=None)
    assert (closure.starts_on, closure.ends_on) == (date(2026, 12, 21), date(2027, 1, 3))
    assert Desk.objects.get(slug="hulp-bij-papierwerk").organisation is None


def test_the_demo_has_help_with_paperwork_every_tuesday_and_every_other_thursday(
    house, organisations, hours_data, parent_client
):
    today = date(2026, 12, 4)  # a Friday
    seed_premises(
        data=hours_data, houses={"kalmthout": house}, organisations=organisations, today=today
    )
    desk = Desk.objects.get(house=house, slug="hulp-bij-papierwerk")
    assert desk.name == "Hulp bij papierwerk"
    assert desk.organisation.name == "OCMW Kalmthout, sociale dienst"
    assert desk.service.name == "Sociale dienst en leefloon"
    tuesday, thursday = sorted(desk.rules.all(), key=lambda rule: rule.weekdays)
    assert (tuesday.weekdays, tuesday.interval, tuesday.mode) == ([1], 1, "walk_in")
    assert (thursday.weekdays, thursday.interval, thursday.mode) == ([3], 2, "appointment")
    assert thursday.valid_from == date(2026, 11, 30)  # the week of the demo's today
    own = Closure.objects.get(desk=desk)
    assert (own.starts_on, own.ends_on) == (date(2026, 12, 21), date(2027, 1, 8))
    found = selectors_hours.desk_occurrences(desk, date(2026, 12, 7), date(2027, 1, 23))
    assert [(o.day, o.mode) for o in found] == [
        (date(2026, 12, 8), "walk_in"),
        (date(2026, 12, 15), "walk_in"),
        (date(2026, 12, 17), "appointment"),
        # 21 December to 8 January: closed (Thursday 31 December would be its week)
        (date(2027, 1, 12), "walk_in"),
        (date(2027, 1, 14), "appointment"),
        (date(2027, 1, 19), "walk_in"),
    ]
    appointment_only = selectors_hours.desk_occurrences(
        desk, date(2026, 12, 7), date(2027, 1, 23), modes=("appointment",)
    )
    assert [o.day for o in appointment_only] == [date(2026, 12, 17), date(2027, 1, 14)]
    text = parent_client.get(
        reverse("premises:hours", kwargs={"house_slug": house.slug})
    ).content.decode()
    assert "Hulp bij papierwerk" in text
    assert "Om de twee weken op donderdag, 9-12 u, op afspraak" in text
    assert "Elke dinsdag, 13-16 u, vrije inloop" in text
