"""People and places for the childcare requests' tests: a second provider in a neighbouring
municipality, locations a Kalmthout family may not wish (too far, the wrong age), another
house's desk, and a request filed through the service."""

from datetime import timedelta

import pytest
from django.utils import timezone

from huisvanhetkind.childcare import services_requests
from huisvanhetkind.childcare.months import add_months, first_of_month
from huisvanhetkind.childcare.services_requests import Wish
from huisvanhetkind.network.models import Municipality, Role
from tests.childcare.conftest import make_location
from tests.conftest import with_second_factor
from tests.factories import DesignationFactory, OrganisationFactory, RoleFactory, UserFactory


def next_month():
    return add_months(first_of_month(timezone.localdate()), 1)


def baby_birth_date():
    return timezone.localdate() - timedelta(days=120)


@pytest.fixture
def speelvogel_organisation(house):
    return OrganisationFactory(name="De Speelvogel", houses=[house], domains=["kinderopvang"])


@pytest.fixture
def speelvogel(house, speelvogel_organisation):
    """In Essen, a neighbour of Kalmthout."""
    return make_location(
        house=house,
        organisation=speelvogel_organisation,
        name="Kinderdagverblijf De Speelvogel",
        municipality="Essen",
        street="Kerkstraat 2",
        postcode="2910",
        dossier_number="900002",
    )


@pytest.fixture
def far_away(house, speelvogel_organisation):
    """In Mol: neither the house's municipality nor a neighbour of Kalmthout."""
    return make_location(
        house=house,
        organisation=speelvogel_organisation,
        name="Kinderdagverblijf Verweg",
        municipality="Mol",
        street="Markt 1",
        postcode="2400",
        dossier_number="900003",
    )


@pytest.fixture
def school_care(house, provider):
    """Out-of-school care from 2,5 years: not for a baby."""
    return make_location(
        house=house,
        organisation=provider,
        name="Buitenschoolse opvang De Krekel",
        dossier_number="900004",
        kind="buitenschoolse-opvang",
        min_age_months=30,
        max_age_months=155,
    )


@pytest.fixture
def speelvogel_worker(speelvogel_organisation):
    user = with_second_factor(UserFactory(email="onthaal@speelvogel.example.be"))
    RoleFactory(user=user, kind=Role.Kind.ORGANISATION_WORKER, organisation=speelvogel_organisation)
    return user


@pytest.fixture
def other_desk_worker(other_house):
    organisation = OrganisationFactory(
        name="Lokaal Loket Kinderopvang Zoersel", houses=[other_house], domains=["kinderopvang"]
    )
    DesignationFactory(house=other_house, organisation=organisation)
    user = with_second_factor(UserFactory(email="loket@zoersel.example.be"))
    RoleFactory(user=user, kind=Role.Kind.ORGANISATION_WORKER, organisation=organisation)
    return user


def file_request(house, wishes, *, email="sara@example.be", **extra):
    data = {
        "house": house,
        "municipality": Municipality.objects.get(name="Kalmthout"),
        "name": "Sara Peeters",
        "email": email,
        "phone": "03 123 45 67",
        "language": "nl",
        "child_first_name": "Lotte",
        "birth_date": baby_birth_date(),
        "wished_start": next_month(),
        "half_days": 6,
        "days_note": "maandag tot woensdag",
        "wishes": wishes,
        "working": True,
        "sworn": True,
        "care_needs": "allergie voor noten",
        "note": "graag dicht bij huis",
        **extra,
    }
    return services_requests.request_submit(**data)


@pytest.fixture
def filed(house, kabouters, speelvogel):
    """A request wishing De Kabouters first (a sibling goes there) and De Speelvogel second;
    returns (request, token)."""
    return file_request(
        house,
        [
            Wish(location=kabouters, rank=1, sibling=True),
            Wish(location=speelvogel, rank=2),
        ],
    )
