"""Realistic offer of two houses, and the HSDS 3.0 schemas to validate documents against.

The other HSDS and import test modules import from here.
"""

import json
from datetime import datetime, time
from decimal import Decimal
from pathlib import Path

from django.utils import timezone

from huisvanhetkind.catalogue.workflow import ServiceStatus
from huisvanhetkind.network.models import (
    AgeGroup,
    Location,
    Municipality,
    OpeningHours,
    Organisation,
    Partnership,
)
from tests.factories import ServiceFactory

# The standard's schemas and examples, kept beside the tests (see its README.md).
HSDS_DIR = Path(__file__).resolve().parent / "hsds-3.0"
SCHEMA_BASE = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"
OPENAPI_URI = "urn:hsds:openapi"
REFERRAL_SECRET = "Verwijs door bij vermoeden van postnatale depressie"


def hsds_validator(schema: dict):
    """A JSON Schema validator that resolves the HSDS files (and the reference OpenAPI) locally."""
    from jsonschema import Draft202012Validator, FormatChecker
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    resources = []
    for folder, prefix in ((HSDS_DIR, ""), (HSDS_DIR / "compiled", "compiled/")):
        for path in folder.glob("*.json"):
            if path.name == "openapi.json":
                continue
            contents = json.loads(path.read_text(encoding="utf-8"))
            resources.append(
                (
                    SCHEMA_BASE + prefix + path.name,
                    Resource.from_contents(contents, default_specification=DRAFT202012),
                )
            )
    openapi = json.loads((HSDS_DIR / "openapi.json").read_text(encoding="utf-8"))
    resources.append((OPENAPI_URI, DRAFT202012.create_resource(openapi)))
    registry = Registry().with_resources(resources)
    checker = FormatChecker()

    @checker.checks("date-time", raises=ValueError)
    def is_datetime(value) -> bool:  # jsonschema checks it only with an extra package
        return not isinstance(value, str) or bool(datetime.fromisoformat(value).tzinfo)

    return Draft202012Validator(schema, registry=registry, format_checker=checker)


def response_schema(path: str) -> dict:
    """The schema the reference OpenAPI gives for the 200 response of ``GET path``."""
    pointer = path.replace("~", "~0").replace("/", "~1")
    return {
        "$ref": f"{OPENAPI_URI}#/paths/{pointer}/get/responses/200/content/application~1json/schema"
    }


def compiled_schema(name: str) -> dict:
    return {"$ref": f"{SCHEMA_BASE}compiled/{name}"}


def assert_valid(document, schema: dict) -> None:
    errors = sorted(hsds_validator(schema).iter_errors(document), key=lambda e: list(e.path))
    assert not errors, "\n".join(
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors[:20]
    )


def hours(location, weekday, opens, closes, note=""):
    return OpeningHours.objects.create(
        location=location,
        weekday=weekday,
        opens=time.fromisoformat(opens),
        closes=time.fromisoformat(closes),
        note=note,
    )


def build_offer(house, other_house, organisation, other_organisation) -> dict:
    """Two partners of ``house`` with published, draft and archived services, a partner of
    ``other_house`` only, locations with opening hours, prices and languages."""
    kalmthout = Municipality.objects.get(name="Kalmthout")
    essen = Municipality.objects.get(name="Essen")
    organisation.email = "info@opvoedingspunt.example.be"
    organisation.website = "https://opvoedingspunt.example.be"
    organisation.phone = "03 666 12 34"
    organisation.save()
    organisation.age_groups.set(AgeGroup.objects.filter(slug__in=["0-3", "3-6"]))

    house_site = Location.objects.create(
        house=house,
        name="Huis van het Kind Kalmthout",
        street="Kapellensteenweg 170",
        postcode="2920",
        municipality=kalmthout,
        accessibility="Rolstoeltoegankelijk, verzorgingstafel aanwezig.",
        latitude=Decimal("51.383120"),
        longitude=Decimal("4.473200"),
    )
    hours(house_site, 0, "09:00", "12:00")
    hours(house_site, 2, "13:30", "17:00", "Zonder afspraak")
    hours(house_site, 4, "09:00", "12:00")
    org_site = Location.objects.create(
        organisation=organisation,
        name="Opvoedingspunt Heide",
        street="Heidestatiestraat 5",
        postcode="2920",
        municipality=kalmthout,
    )
    hours(org_site, 1, "18:00", "20:00")
    essen_site = Location.objects.create(
        organisation=other_organisation,
        name="Kraamzorg Essen",
        street="Statiestraat 2",
        postcode="2910",
        municipality=essen,
    )
    verified = timezone.make_aware(datetime(2025, 3, 14, 10, 30))

    consultation = ServiceFactory(
        organisation=organisation,
        name="Spreekuur opvoeding",
        summary="Kom langs met al je vragen over opvoeden.",
        description="Een opvoedingsondersteuner luistert en zoekt samen met jou.\n\nGratis.",
        alternate_name="Opvoedingswinkel",
        url="https://opvoedingspunt.example.be/spreekuur",
        email="spreekuur@opvoedingspunt.example.be",
        phone="03 666 12 35",
        languages=["nl", "en", "tr"],
        application_process="Kom gewoon langs, inschrijven hoeft niet.",
        eligibility_description="Ouders en grootouders van kinderen tot 6 jaar.",
        minimum_age=0,
        maximum_age=6,
        is_free=True,
        schedule_description="Elke dinsdag van 18 tot 20 uur.",
        contact_name="An Peeters",
        contact_title="Opvoedingsondersteuner",
        contact_email="an@opvoedingspunt.example.be",
        referral_criteria=REFERRAL_SECRET,
        last_verified_at=verified,
        domains=["opvoedingsondersteuning", "huis"],
        age_groups=["0-3", "3-6"],
        target_groups=["kwetsbare-gezinnen", "grootouders"],
        service_areas=["Kalmthout", "Essen"],
        locations=[house_site, org_site],
    )
    maternity = ServiceFactory(
        organisation=other_organisation,
        name="Kraamzorg aan huis",
        summary="Een kraamverzorgster helpt thuis na de bevalling.",
        price=Decimal("12.50"),
        price_description="per uur",
        social_tariff=True,
        social_tariff_price=Decimal("3.10"),
        social_tariff_description="Met UiTPAS-kansentarief of verhoogde tegemoetkoming",
        languages=["nl", "fr", "ar"],
        for_expecting_parents=True,
        referral_criteria=REFERRAL_SECRET,
        domains=["gezondheid"],
        age_groups=["aanstaand", "0-3"],
        target_groups=["aanstaande-ouders"],
        service_areas=["Kalmthout", "Essen", "Wuustwezel"],
        locations=[essen_site],
    )
    massage = ServiceFactory(
        organisation=organisation,
        name="Babymassage",
        summary="Leer je baby masseren in vier lessen.",
        temporarily_closed=True,
        price=Decimal("20"),
        social_tariff=True,
        for_expecting_parents=True,
        domains=["gezondheid"],
        service_areas=["Kalmthout"],
        locations=[house_site],
    )
    draft = ServiceFactory(
        organisation=organisation,
        name="Concept: praatgroep",
        status=ServiceStatus.DRAFT,
        domains=[],
    )
    archived = ServiceFactory(
        organisation=organisation,
        name="Vroeger aanbod",
        description="",  # an import refused for this service must leave it so
        status=ServiceStatus.ARCHIVED,
        domains=[],
        locations=[org_site],
    )

    elsewhere = Organisation.objects.create(name="Speelpleinwerking Zoersel")
    Partnership.objects.create(organisation=elsewhere, house=other_house)
    foreign = ServiceFactory(
        organisation=elsewhere,
        name="Speelplein in de zomer",
        domains=["vrije-tijd-ontmoeting"],
        maximum_age=12,
    )
    ended = Organisation.objects.create(name="Gestopte vzw")
    Partnership.objects.create(organisation=ended, house=house, status="ended")
    ended_service = ServiceFactory(
        organisation=ended, name="Van een gestopte partner", domains=["huis"]
    )
    return {
        "published": [consultation, maternity, massage],
        "hidden": [draft, archived, foreign, ended_service],
        "consultation": consultation,
        "maternity": maternity,
        "massage": massage,
        "draft": draft,
        "archived": archived,
        "foreign": foreign,
        "house_site": house_site,
        "org_site": org_site,
        "essen_site": essen_site,
        "elsewhere": elsewhere,
        "ended": ended,
    }


def add_services(organisation, count: int, location=None) -> list:
    """More of the same, to show that the number of queries does not grow with the data."""
    services = []
    for n in range(count):
        site = location or Location.objects.create(
            organisation=organisation,
            name=f"Extra plek {n}",
            street=f"Dorpsstraat {n + 1}",
            postcode="2920",
            municipality=Municipality.objects.get(name="Kalmthout"),
        )
        hours(site, n % 7, "09:00", "10:00")
        services.append(
            ServiceFactory(
                organisation=organisation,
                name=f"Extra aanbod {n}",
                languages=["nl"],
                price=Decimal("1.50"),
                social_tariff=True,
                domains=["huis", "onderwijs"],
                age_groups=["6-12"],
                target_groups=["jongeren"],
                service_areas=["Kalmthout", "Essen"],
                locations=[site],
            )
        )
    return services
