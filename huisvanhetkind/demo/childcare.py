"""The demo's childcare offer and desk, read from ``data/childcare.toml`` and written through the
services: the Lokaal Loket Kinderopvang of Kalmthout designated as the house's desk, existing
demo services of childcare partners made childcare locations, two new sites with their
published service, and free places per start month (relative to today); then the desk's work
(``demo.childcare_desk``).

Written once per location: a service that is already a childcare location is left alone, with
whatever the demo's visitors did to it.
"""

from datetime import date, time
from decimal import Decimal

from huisvanhetkind.catalogue import services as catalogue_services
from huisvanhetkind.catalogue.models import Service
from huisvanhetkind.catalogue.workflow import ServiceStatus
from huisvanhetkind.childcare import services as childcare_services
from huisvanhetkind.childcare.models import ChildcareLocation, PriceModel
from huisvanhetkind.childcare.months import add_months, first_of_month
from huisvanhetkind.demo.childcare_desk import seed_childcare_desk
from huisvanhetkind.demo.ids import demo_hsds_id
from huisvanhetkind.network.models import (
    AgeGroup,
    Designation,
    Domain,
    House,
    Location,
    Municipality,
    Organisation,
)
from huisvanhetkind.network.services_groups import designation_create
from huisvanhetkind.network.services_organisations import location_save

FACTS = (
    "kind",
    "dossier_number",
    "min_age_months",
    "max_age_months",
    "licensed_places",
    "inclusive_care",
    "inclusive_care_description",
    "closing_days",
)


def _organisation(organisations: dict, name: str) -> Organisation:
    return organisations.get(name) or Organisation.objects.get(name=name)


def _desk(row: dict, houses: dict, organisations: dict) -> None:
    house = houses[row["house"]]
    organisation = _organisation(organisations, row["organisation"])
    if not Designation.objects.filter(
        house=house, organisation=organisation, kind=Designation.Kind.CHILDCARE_DESK
    ).exists():
        designation_create(
            actor=None, house=house, organisation=organisation, kind=Designation.Kind.CHILDCARE_DESK
        )


def _new_site(row: dict, organisation: Organisation) -> tuple[Service, Location]:
    """A new site of the provider and its published service."""
    municipality = Municipality.objects.get(name=row["municipality"])
    site = location_save(
        actor=None,
        hsds_id=demo_hsds_id("location", "organisation", organisation.name, row["name"]),
        data={
            "name": row["name"],
            "organisation": organisation,
            "street": row["street"],
            "postcode": row["postcode"],
            "municipality": municipality,
        },
        opening_hours=[
            (day, time.fromisoformat(opens), time.fromisoformat(closes), "")
            for day, opens, closes in row.get("hours", [])
        ],
    )
    low, high = row["min_age_months"] // 12, row["max_age_months"] // 12
    data = {
        "hsds_id": demo_hsds_id("service", organisation.name, row["name"]),
        "name": row["name"],
        "summary": row["summary"],
        "description": row.get("description", ""),
        "languages": row.get("languages", ["nl"]),
        "domains": Domain.objects.filter(slug="kinderopvang"),
        "age_groups": [
            g
            for g in AgeGroup.objects.exclude(min_age__isnull=True)
            if g.min_age <= high and g.max_age > low
        ],
        "service_areas": [municipality],
        "locations": [site],
    }
    if row.get("own_price"):
        data["price"] = Decimal(row["own_price"])
    if row.get("social_tariff_price"):
        data |= {"social_tariff": True, "social_tariff_price": Decimal(row["social_tariff_price"])}
    service = catalogue_services.service_create(organisation=organisation, actor=None, data=data)
    service = catalogue_services.service_transition(
        service=service, actor=None, to=ServiceStatus.PUBLISHED
    )
    return service, site


def _location(row: dict, houses: dict, organisations: dict, today: date) -> None:
    house = houses[row["house"]]
    organisation = _organisation(organisations, row["organisation"])
    if "service" in row:
        service = Service.objects.get(organisation=organisation, name=row["service"])
        if ChildcareLocation.objects.filter(service=service).exists():
            return
        site = service.locations.get(name=row["location"])
    else:
        if ChildcareLocation.objects.filter(dossier_number=row["dossier_number"]).exists():
            return
        service, site = _new_site(row, organisation)
    facts = {name: row[name] for name in FACTS if name in row}
    facts["price_model"] = PriceModel(row["price"])
    childcare = childcare_services.childcare_location_create(
        service=service, house=house, location=site, actor=None, data=facts
    )
    if row.get("free_places"):
        this_month = first_of_month(today)
        childcare_services.free_places_set(
            childcare=childcare,
            actor=None,
            places={
                add_months(this_month, months): places for months, places in row["free_places"]
            },
            today=today,
        )


def seed_childcare(
    *, data: dict, houses: dict[str, House], organisations: dict, today: date
) -> None:
    """Write the desks and the childcare locations once."""
    for row in data.get("desks", []):
        _desk(row, houses, organisations)
    for row in data.get("locations", []):
        _location(row, houses, organisations, today)
    seed_childcare_desk(data=data, houses=houses, today=today)
