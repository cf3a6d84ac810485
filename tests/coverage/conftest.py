"""Coverage fixtures: a house of two municipalities (Kalmthout and Wuustwezel) with a small
catalogue whose cells, gaps and overlaps are known by hand."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from huisvanhetkind.catalogue import offer
from huisvanhetkind.catalogue.search.services import index_service
from huisvanhetkind.coverage import selectors
from huisvanhetkind.network.models import Municipality, Partnership, Role
from tests.conftest import with_second_factor
from tests.factories import (
    HouseFactory,
    OrganisationFactory,
    RoleFactory,
    ServiceFactory,
    UserFactory,
)

SPEELBABBEL = {
    "name": "Speelbabbel",
    "summary": "Ontmoetingsmoment voor ouders met kinderen van 0 tot 3 jaar: spelen, babbelen en koffie drinken.",
    "description": (
        "Elke dinsdagvoormiddag kom je met je baby of peuter spelen in onze speelruimte. Ouders "
        "ontmoeten elkaar, wisselen ervaringen uit en een begeleider beantwoordt vragen over "
        "opvoeden. Gratis, zonder inschrijving."
    ),
}
BABBEL_EN_SPEEL = {
    "name": "Babbel en speel",
    "summary": "Ontmoeting voor ouders met een baby of peuter: samen spelen en babbelen.",
    "description": (
        "Kom op woensdagvoormiddag met je kind van 0 tot 3 jaar naar onze speelruimte. Ouders "
        "ontmoeten elkaar bij een koffie, wisselen ervaringen uit en een begeleider helpt met "
        "vragen over opvoeden. Gratis, inschrijven hoeft niet."
    ),
}


@pytest.fixture(autouse=True)
def _fresh_coverage():
    selectors.forget()
    yield
    selectors.forget()


@pytest.fixture
def duo(db):
    """A house of two municipalities."""
    return HouseFactory(
        slug="kalmthout-wuustwezel",
        name="Huis van het Kind Kalmthout-Wuustwezel",
        municipalities=list(Municipality.objects.filter(name__in=["Kalmthout", "Wuustwezel"])),
    )


@pytest.fixture
def partners(duo):
    return {
        "a": OrganisationFactory(name="Opvoedingspunt", houses=[duo]),
        "b": OrganisationFactory(name="Gezinsbond", houses=[duo]),
        "c": OrganisationFactory(name="Speel-o-theek", houses=[duo]),
    }


@pytest.fixture
def catalogue(duo, partners):
    """The fixture catalogue (see test_matrix for what each service proves)."""
    now = timezone.now()
    services = {
        # Free, in Kalmthout only.
        "free": ServiceFactory(
            organisation=partners["a"],
            domains=["opvoedingsondersteuning"],
            age_groups=["0-3"],
            service_areas=["Kalmthout"],
            is_free=True,
            languages=["nl"],
            last_verified_at=now - timedelta(days=30),
        ),
        # Paid, no service area: every municipality of the house.
        "paid": ServiceFactory(
            organisation=partners["b"],
            domains=["opvoedingsondersteuning"],
            age_groups=["0-3"],
            price=Decimal("5.00"),
            languages=["nl", "fr"],
            last_verified_at=now - timedelta(days=400),
        ),
        # Not counted: a draft, a partner whose partnership ended, an organisation of no house.
        "draft": ServiceFactory(
            organisation=partners["a"],
            domains=["opvoedingsondersteuning"],
            age_groups=["0-3"],
            is_free=True,
            status="draft",
        ),
        "ended": ServiceFactory(
            organisation=OrganisationFactory(name="Vroeger partner", houses=[duo]),
            domains=["gezondheid"],
            age_groups=["0-3"],
            is_free=True,
        ),
        "elsewhere": ServiceFactory(
            organisation=OrganisationFactory(name="Elders"),
            domains=["gezondheid"],
            age_groups=["0-3"],
            is_free=True,
        ),
        # A social tariff counts as affordable.
        "social": ServiceFactory(
            organisation=partners["c"],
            domains=["vrije-tijd-ontmoeting"],
            age_groups=["6-12"],
            service_areas=["Wuustwezel"],
            price=Decimal("10.00"),
            social_tariff=True,
        ),
    }
    Partnership.objects.filter(organisation=services["ended"].organisation).update(
        status=Partnership.Status.ENDED
    )
    offer.changed()
    return services


def overlap_services(duo, partners, *, same_organisation=False, other_cell=False):
    """Two near-duplicate services (the fixture's first known pair), indexed."""
    first = ServiceFactory(
        organisation=partners["a"],
        domains=["vrije-tijd-ontmoeting"],
        age_groups=["0-3"],
        service_areas=["Kalmthout"],
        is_free=True,
        **SPEELBABBEL,
    )
    second = ServiceFactory(
        organisation=partners["a"] if same_organisation else partners["b"],
        domains=["vrije-tijd-ontmoeting"],
        age_groups=["3-6" if other_cell else "0-3"],
        service_areas=["Kalmthout"],
        is_free=True,
        **BABBEL_EN_SPEEL,
    )
    for service in (first, second):
        index_service(service)
    return first, second


def person(email, **role):
    user = with_second_factor(UserFactory(email=email))
    RoleFactory(user=user, **role)
    return user


@pytest.fixture
def duo_coordinator(duo):
    return person("coordinator@duo.example.be", kind=Role.Kind.COORDINATOR, house=duo)


@pytest.fixture
def duo_worker(partners):
    return person(
        "medewerker@opvoedingspunt.example.be",
        kind=Role.Kind.ORGANISATION_WORKER,
        organisation=partners["a"],
    )
