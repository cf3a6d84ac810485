"""The network's writes without a page of their own (the demo seeder and imports use them):
houses, organisations, partnerships, locations and a pending application stored without e-mail.
Each is recorded in the trail as {field: [before, after]}; what a person may not do is refused
and changes nothing."""

from datetime import time

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.network import services, services_organisations
from huisvanhetkind.network.models import (
    Domain,
    House,
    Location,
    Municipality,
    OpeningHours,
    Organisation,
    PartnerApplication,
    Partnership,
    Role,
)
from tests.factories import OrganisationFactory, RoleFactory, UserFactory

pytestmark = pytest.mark.django_db

HOURS = [(0, time(9), time(12), ""), (2, time(13, 30), time(17), "op afspraak")]


@pytest.fixture
def platform_admin(db):
    user = UserFactory(email="platform@example.be")
    RoleFactory(user=user, kind=Role.Kind.PLATFORM_ADMIN)
    return user


def kalmthout():
    return Municipality.objects.get(name="Kalmthout")


def house_data(**overrides):
    return {
        "name": "Huis van het Kind Essen",
        "slug": "essen",
        "tagline": "Voor elk gezin",
        "municipalities": [kalmthout()],
        **overrides,
    }


def location_data(**overrides):
    return {
        "name": "Hoofdzetel",
        "street": "Kapellensteenweg 170",
        "postcode": "2920",
        "municipality": kalmthout(),
        **overrides,
    }


def application_data(**overrides):
    return {
        "organisation_name": "Speel-o-theek De Knikker",
        "kind": Organisation.Kind.LEISURE,
        "description": "Speelgoed lenen.",
        "contact_name": "Hilde Smets",
        "contact_email": "hilde@example.be",
        **overrides,
    }


# --- houses ---------------------------------------------------------------------------------


def test_a_platform_admin_creates_a_house_and_it_is_recorded(platform_admin):
    house = services_organisations.house_save(actor=platform_admin, data=house_data())
    assert house.slug == "essen"
    assert list(house.municipalities.all()) == [kalmthout()]
    event = AuditEvent.objects.get(action="create", target_id=str(house.pk))
    assert event.house == house
    assert event.changes["name"] == [None, "Huis van het Kind Essen"]
    assert event.changes["municipalities"] == [None, ["Kalmthout"]]


def test_saving_a_house_records_only_what_changed_and_nothing_when_nothing_did(house, coordinator):
    services_organisations.house_save(
        actor=coordinator, house=house, data={"tagline": "Nieuw", "municipalities": [kalmthout()]}
    )
    event = AuditEvent.objects.get(action="update", target_id=str(house.pk))
    assert event.changes == {"tagline": ["", "Nieuw"]}
    services_organisations.house_save(actor=coordinator, house=house, data={"tagline": "Nieuw"})
    assert AuditEvent.objects.filter(action="update").count() == 1


def test_a_reserved_slug_is_refused_and_no_house_is_made(platform_admin):
    with pytest.raises(ValidationError, match="voorbehouden"):
        services_organisations.house_save(actor=platform_admin, data=house_data(slug="beheer"))
    assert not House.objects.filter(slug="beheer").exists()
    # The positive control: a free slug is taken.
    assert (
        services_organisations.house_save(actor=platform_admin, data=house_data()).slug == "essen"
    )


def test_the_outsider_and_another_coordinator_cannot_create_or_change_a_house(
    house, outsider, other_coordinator, coordinator
):
    for user in (outsider, other_coordinator):
        with pytest.raises(PermissionDenied):
            services_organisations.house_save(actor=user, house=house, data={"tagline": "Gekaapt"})
        with pytest.raises(PermissionDenied):
            services_organisations.house_save(actor=user, data=house_data())
    house.refresh_from_db()
    assert house.tagline != "Gekaapt"
    assert not House.objects.filter(slug="essen").exists()
    # The positive control: the house's own coordinator changes it (but creates none).
    services_organisations.house_save(actor=coordinator, house=house, data={"tagline": "Van ons"})
    house.refresh_from_db()
    assert house.tagline == "Van ons"
    with pytest.raises(PermissionDenied):
        services_organisations.house_save(actor=coordinator, data=house_data())


# --- organisations and partnerships ---------------------------------------------------------


def test_a_coordinator_creates_a_partner_of_their_house_with_a_fixed_hsds_id(house, coordinator):
    organisation = services_organisations.organisation_create(
        actor=coordinator,
        data={
            "name": "Speelpleinwerking De Vlieger",
            "kind": Organisation.Kind.LEISURE,
            "enterprise_number": "0814.282.633",
            "domains": Domain.objects.filter(slug="vrije-tijd-ontmoeting"),
        },
        houses=[house],
        hsds_id="de-vlieger-1",
    )
    assert organisation.hsds_id == "de-vlieger-1"
    assert organisation.enterprise_number == "0814282633"
    assert Partnership.objects.filter(organisation=organisation, house=house).exists()
    created = AuditEvent.objects.get(action="create", target_type="network.organisation")
    assert created.house == house
    assert created.actor == coordinator
    assert created.changes["name"] == [None, "Speelpleinwerking De Vlieger"]
    assert created.changes["enterprise_number"] == [None, "0814282633"]
    assert created.changes["hsds_id"] == [None, "de-vlieger-1"]
    partnership = AuditEvent.objects.get(action="create", target_type="network.partnership")
    assert partnership.changes["house_id"] == [None, house.pk]


def test_the_outsider_and_another_coordinator_cannot_create_an_organisation(
    house, outsider, other_coordinator, coordinator, platform_admin
):
    for user in (outsider, other_coordinator):
        with pytest.raises(PermissionDenied):
            services_organisations.organisation_create(
                actor=user, data={"name": "Gekaapt", "kind": "other"}, houses=[house]
            )
    # A coordinator makes no organisation outside their houses.
    with pytest.raises(PermissionDenied):
        services_organisations.organisation_create(
            actor=coordinator, data={"name": "Gekaapt", "kind": "other"}
        )
    assert not Organisation.objects.filter(name="Gekaapt").exists()
    # The positive control: a platform admin makes one of no house.
    services_organisations.organisation_create(
        actor=platform_admin, data={"name": "Nieuw", "kind": "other"}
    )
    assert Organisation.objects.filter(name="Nieuw").exists()


def test_a_wrong_enterprise_number_is_refused_in_dutch_and_nothing_is_made(house, coordinator):
    with pytest.raises(ValidationError, match="controlecijfers"):
        services_organisations.organisation_create(
            actor=coordinator,
            data={"name": "Fout", "kind": "other", "enterprise_number": "0814282634"},
            houses=[house],
        )
    assert not Organisation.objects.filter(name="Fout").exists()
    assert not AuditEvent.objects.exists()


def test_a_partnership_is_recorded_in_every_house_of_the_organisation_and_only_once(
    house, other_house
):
    organisation = OrganisationFactory(houses=[other_house])
    partnership = services_organisations.partnership_create(
        actor=None, organisation=organisation, house=house
    )
    events = AuditEvent.objects.filter(action="create", target_id=str(partnership.pk))
    assert sorted(e.house.slug for e in events) == sorted([house.slug, other_house.slug])
    assert events[0].changes["organisation_id"] == [None, organisation.pk]
    again = services_organisations.partnership_create(
        actor=None, organisation=organisation, house=house
    )
    assert again == partnership
    assert AuditEvent.objects.filter(action="create").count() == 2


# --- locations ------------------------------------------------------------------------------


def test_a_worker_saves_a_location_of_their_organisation_with_its_hours(
    worker, organisation, house
):
    location = services_organisations.location_save(
        actor=worker,
        data=location_data(organisation=organisation),
        opening_hours=HOURS,
        hsds_id="hoofdzetel-1",
    )
    assert location.hsds_id == "hoofdzetel-1"
    assert location.opening_hours.count() == 2
    event = AuditEvent.objects.get(action="create", target_id=str(location.pk))
    assert event.house == house
    assert event.changes["organisation"] == [None, organisation.pk]
    assert event.changes["opening_hours"] == [
        None,
        [[0, "09:00", "12:00", ""], [2, "13:30", "17:00", "op afspraak"]],
    ]

    # The same again changes and records nothing; other hours are recorded as before and after.
    services_organisations.location_save(
        actor=worker,
        location=location,
        data=location_data(organisation=organisation),
        opening_hours=list(reversed(HOURS)),
    )
    assert not AuditEvent.objects.filter(action="update").exists()
    services_organisations.location_save(
        actor=worker, location=location, data={}, opening_hours=[(4, time(9), time(11), "")]
    )
    event = AuditEvent.objects.get(action="update", target_id=str(location.pk))
    assert event.changes == {
        "opening_hours": [
            [[0, "09:00", "12:00", ""], [2, "13:30", "17:00", "op afspraak"]],
            [[4, "09:00", "11:00", ""]],
        ]
    }
    assert list(location.opening_hours.values_list("weekday", flat=True)) == [4]


def test_the_coordinator_saves_a_location_of_the_house(coordinator, house):
    location = services_organisations.location_save(
        actor=coordinator, data=location_data(house=house)
    )
    assert AuditEvent.objects.get(target_id=str(location.pk)).house == house


def test_the_outsider_cannot_save_a_location_of_another_organisation(
    outsider, worker, organisation, other_coordinator
):
    location = services_organisations.location_save(
        actor=None, data=location_data(organisation=organisation)
    )
    for user in (outsider, other_coordinator):
        with pytest.raises(PermissionDenied):
            services_organisations.location_save(
                actor=user, location=location, data={"name": "Gekaapt"}
            )
        with pytest.raises(PermissionDenied):
            services_organisations.location_save(
                actor=user, data=location_data(organisation=organisation)
            )
    location.refresh_from_db()
    assert location.name == "Hoofdzetel"
    assert Location.objects.count() == 1
    # The positive control: a worker of the organisation renames it.
    services_organisations.location_save(actor=worker, location=location, data={"name": "Zetel"})
    location.refresh_from_db()
    assert location.name == "Zetel"


def test_hours_that_close_before_they_open_are_refused_in_dutch(worker, organisation):
    with pytest.raises(ValidationError, match="sluit na het openen"):
        services_organisations.location_save(
            actor=worker,
            data=location_data(organisation=organisation),
            opening_hours=[(0, time(12), time(9), "")],
        )
    assert not Location.objects.exists()
    assert not OpeningHours.objects.exists()


# --- a pending application without e-mail ---------------------------------------------------


def test_an_application_stored_without_notice_sends_no_email(house, coordinator, on_commit):
    with on_commit():
        application = services.application_submit(
            house=house, data=application_data(), notify=False
        )
    assert mail.outbox == []
    assert application.status == "pending"
    event = AuditEvent.objects.get(action="create", target_id=str(application.pk))
    assert event.changes == {
        "organisation_name": [None, "Speel-o-theek De Knikker"],
        "status": [None, "pending"],
    }
    # The positive control: a submitted application tells the coordinators.
    with on_commit():
        services.application_submit(
            house=house, data=application_data(organisation_name="Andere vereniging")
        )
    assert [m.to for m in mail.outbox] == [[coordinator.email]]
    assert PartnerApplication.objects.count() == 2
