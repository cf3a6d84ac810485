"""The demo's childcare offer: locations with free places in Kalmthout and the regional house,
the Lokaal Loket Kinderopvang as Kalmthout's desk, written once."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings

from huisvanhetkind.childcare.models import ChildcareLocation, FreePlaces
from huisvanhetkind.demo.services import load
from huisvanhetkind.network.models import Designation, House

pytestmark = pytest.mark.django_db


def seed() -> None:
    call_command("seed_demo", stdout=StringIO())


@override_settings(DEMO_MODE=True, DEBUG=True)
def test_the_demo_has_childcare_in_both_houses_with_free_places_and_seeds_once(client):
    seed()
    rows = load("childcare")["locations"]
    assert ChildcareLocation.objects.count() == len(rows)
    for slug in ("kalmthout", "zoersel-brecht-zandhoven-wijnegem-schilde"):
        house = House.objects.get(slug=slug)
        locations = ChildcareLocation.objects.published_in(house)
        assert locations.count() == sum(1 for row in rows if row["house"] == slug)
        assert FreePlaces.objects.filter(location__house=house, places__gt=0).exists()
        page = client.get(f"/{slug}/kinderopvang/")
        assert page.status_code == 200
        assert len(page.context["page"].object_list) == locations.count()
    assert Designation.objects.filter(
        house__slug="kalmthout",
        organisation__name="Lokaal Loket Kinderopvang Kalmthout",
        kind=Designation.Kind.CHILDCARE_DESK,
    ).exists()
    places = FreePlaces.objects.count()
    seed()
    assert ChildcareLocation.objects.count() == len(rows)
    assert FreePlaces.objects.count() == places
