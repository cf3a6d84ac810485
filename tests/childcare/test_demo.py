"""The demo's childcare offer: locations with free places in Kalmthout and the regional house,
the Lokaal Loket Kinderopvang as Kalmthout's desk, its requests, urgent requests, tariff and a
finished allocation round, written once."""

import re
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from huisvanhetkind.childcare.allocation import validate
from huisvanhetkind.childcare.models import (
    AllocationRound,
    ChildcareLocation,
    ChildcareRequest,
    FreePlaces,
    Placement,
    PlacementStatus,
    RequestStatus,
    TariffYear,
    UrgentRequest,
    UrgentStatus,
)
from huisvanhetkind.childcare.months import add_months, first_of_month
from huisvanhetkind.demo.services import load
from huisvanhetkind.network.models import Designation, House

pytestmark = pytest.mark.django_db


def seed() -> str:
    output = StringIO()
    call_command("seed_demo", stdout=output)
    return output.getvalue()


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
    work = desk_work()
    seed()
    assert ChildcareLocation.objects.count() == len(rows)
    assert FreePlaces.objects.count() == places
    assert desk_work() == work


def desk_work() -> dict:
    return {
        "requests": ChildcareRequest.objects.count(),
        "urgent": UrgentRequest.objects.count(),
        "rounds": AllocationRound.objects.count(),
        "placements": Placement.objects.count(),
        "tariffs": TariffYear.objects.count(),
    }


@override_settings(DEMO_MODE=True, DEBUG=True)
def test_the_demo_desk_has_requests_urgent_ones_a_tariff_and_a_finished_round(client):
    output = seed()
    work = load("childcare")["desk_work"]
    house = House.objects.get(slug=work["house"])
    requests = ChildcareRequest.objects.filter(house=house)
    assert requests.count() == work["requests"]
    assert UrgentRequest.objects.filter(house=house).count() == work["urgent"]
    assert UrgentRequest.objects.filter(house=house, status=UrgentStatus.NO_PLACE).count() == 1
    assert TariffYear.objects.filter(house=house, year=timezone.localdate().year).exists()
    # Dated over the past months, two of them at the very same minute (a tie in the round).
    assert requests.filter(requested_at__lt=timezone.now() - timedelta(days=14)).count() == 40
    assert requests.values("requested_at").distinct().count() == work["requests"] - 1
    # One round for next month: stored in the standard's format, audited with 0 blocking pairs,
    # and its places confirmed, refused and accepted.
    allocation_round = AllocationRound.objects.get(house=house)
    assert allocation_round.month == add_months(first_of_month(timezone.localdate()), 1)
    assert allocation_round.blocking_pairs == 0
    assert allocation_round.result["blocking_pairs"] == []
    assert allocation_round.result["stats"]["placed"] == Placement.objects.count() > 2
    assert validate(allocation_round.input) == []
    statuses = set(Placement.objects.values_list("status", flat=True))
    assert {
        PlacementStatus.CONFIRMED,
        PlacementStatus.REFUSED,
        PlacementStatus.ACCEPTED,
    } <= statuses
    assert requests.filter(status=RequestStatus.PLACED).count() == 2
    # The printed link opens a request whose confirmed place the family can still accept.
    link = re.search(r"childcare link: (\S+)", output)[1]
    page = client.get(link.removeprefix("http://127.0.0.1:8000"))
    assert page.status_code == 200
    assert "Ik aanvaard deze plaats" in page.content.decode()
