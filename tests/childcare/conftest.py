"""The childcare offer's people: a provider (Stekelbees) with its worker, the house's desk (the
Lokaal Loket Kinderopvang, designated by the coordinator) and a helper that makes a location
the way the desk's import does, through the services."""

import pytest

from huisvanhetkind.childcare import services
from huisvanhetkind.network.models import Municipality, Role
from huisvanhetkind.network.services_organisations import location_save
from tests.conftest import with_second_factor
from tests.factories import (
    DesignationFactory,
    OrganisationFactory,
    RoleFactory,
    ServiceFactory,
    UserFactory,
)


@pytest.fixture
def provider(house):
    return OrganisationFactory(
        name="Landelijke Kinderopvang Stekelbees",
        houses=[house],
        domains=["kinderopvang"],
        enterprise_number="0586498226",
    )


@pytest.fixture
def provider_worker(provider):
    user = with_second_factor(UserFactory(email="onthaal@stekelbees.example.be"))
    RoleFactory(user=user, kind=Role.Kind.ORGANISATION_WORKER, organisation=provider)
    return user


@pytest.fixture
def desk_organisation(house):
    organisation = OrganisationFactory(
        name="Lokaal Loket Kinderopvang Kalmthout", houses=[house], domains=["kinderopvang"]
    )
    DesignationFactory(house=house, organisation=organisation)
    return organisation


@pytest.fixture
def desk_worker(desk_organisation):
    user = with_second_factor(UserFactory(email="loket@kalmthout.example.be"))
    RoleFactory(user=user, kind=Role.Kind.ORGANISATION_WORKER, organisation=desk_organisation)
    return user


def make_location(
    *,
    house,
    organisation,
    name="Kinderdagverblijf De Kabouters",
    municipality="Kalmthout",
    street="Heidestraat 41",
    postcode="2920",
    status="published",
    **facts,
):
    """A published catalogue service with its site, made a childcare location of ``house``."""
    site = location_save(
        actor=None,
        data={
            "name": name,
            "organisation": organisation,
            "street": street,
            "postcode": postcode,
            "municipality": Municipality.objects.get(name=municipality),
        },
    )
    service = ServiceFactory(
        organisation=organisation,
        name=name,
        status=status,
        domains=["kinderopvang"],
        locations=[site],
        languages=["nl", "fr"],
    )
    data = {"kind": "kinderdagverblijf", "licensed_places": 18, **facts}
    return services.childcare_location_create(
        service=service, house=house, location=site, actor=None, data=data
    )


@pytest.fixture
def kabouters(house, provider):
    return make_location(house=house, organisation=provider, dossier_number="900001")
