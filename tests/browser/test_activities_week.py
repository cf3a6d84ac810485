"""A parent on a phone switches the calendar to the week view, goes to next week and back, and
picks one day; every page passes axe and fits the screen."""

import re
from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from huisvanhetkind.activities.models import Activity, Session
from huisvanhetkind.network.models import Municipality
from tests.browser.conftest import assert_accessible, assert_fits_phone
from tests.factories import HouseFactory, OrganisationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def at(day, hour):
    return timezone.make_aware(datetime.combine(day, time(hour)))


@pytest.fixture
def next_monday():
    house = HouseFactory(
        slug="kalmthout",
        name="Huis van het Kind Kalmthout",
        municipalities=[Municipality.objects.get(name="Kalmthout")],
    )
    punt = OrganisationFactory(name="Opvoedingspunt Kalmthout", houses=[house])
    today = timezone.localdate()
    monday = today - timedelta(days=today.weekday()) + timedelta(weeks=1)
    for title, day, free in [
        ("Speelbabbel", monday + timedelta(days=1), True),
        ("Slaapworkshop", monday + timedelta(days=3), False),
    ]:
        activity = Activity.objects.create(
            house=house,
            title=title,
            place="Huis van het Kind, Kerkstraat 1, Kalmthout",
            is_free=free,
            price=None if free else 5,
            status=Activity.Status.PUBLISHED,
        )
        activity.organisations.add(punt)
        Session.objects.create(activity=activity, starts_at=at(day, 9), ends_at=at(day, 11))
    return monday


def test_switch_to_the_week_view_go_to_next_week_and_pick_a_day(live_server, page, next_monday):
    page.goto(f"{live_server.url}/kalmthout/activiteiten/?prijs=free")
    assert_accessible(page)

    page.get_by_role("link", name="Per week").click()
    page.wait_for_url(re.compile(r"weergave=week"))
    assert page.get_by_role("link", name="Per week").get_attribute("aria-current") == "page"
    assert page.get_by_role("link", name="Deze week").first.get_attribute("aria-current") == "page"
    assert page.get_by_role("heading", level=2).count() == 7
    assert_accessible(page)
    assert_fits_phone(page)

    page.get_by_role("link", name=re.compile("^‹? ?Volgende week")).first.click()
    page.wait_for_url(re.compile(r"week=\d{4}-W\d{2}"))
    tuesday = next_monday + timedelta(days=1)
    day_heading = page.get_by_role("heading", name=re.compile(f"^dinsdag {tuesday.day} "))
    expect(day_heading).to_be_visible()
    expect(page.get_by_role("link", name="Speelbabbel")).to_be_visible()
    assert page.get_by_role("link", name="Slaapworkshop").count() == 0  # the price filter stays
    assert page.get_by_text("Geen activiteiten.").count() == 6
    assert_accessible(page)
    assert_fits_phone(page)

    page.get_by_role("link", name=re.compile("Vorige week")).first.click()
    page.wait_for_url(re.compile(r"week="))
    assert page.get_by_role("link", name="Deze week").first.get_attribute("aria-current") == "page"

    page.get_by_role("link", name="Per dag").click()
    page.get_by_label("Op deze dag").fill(tuesday.isoformat())
    page.get_by_role("button", name="Toon").click()
    page.wait_for_url(re.compile(r"datum="))
    assert page.get_by_role("heading", level=2).count() == 1
    expect(page.get_by_role("link", name="Speelbabbel")).to_be_visible()
    assert_accessible(page)
    assert_fits_phone(page)
