"""Childcare: a request and an urgent request ended longer than their retention ago (with a
place refused and a place offered), an old allocation round and an old import."""

from django.utils import timezone

from huisvanhetkind.childcare import services_urgent
from huisvanhetkind.childcare.models import (
    AllocationRound,
    ChildcareImport,
    ChildcareRequest,
    FreePlaces,
    Placement,
    RequestWish,
    UrgentOffer,
    UrgentRequest,
)
from huisvanhetkind.childcare.months import add_months, first_of_month
from huisvanhetkind.childcare.services_rounds import placement_outside_round
from huisvanhetkind.families.models import Child, Family
from tests.childcare.conftest import make_location
from tests.factories import OrganisationFactory

REQUEST = "childcare.ChildcareRequest"
URGENT = "childcare.UrgentRequest"


def _location(sweep):
    provider = OrganisationFactory(houses=[sweep.house], domains=["kinderopvang"])
    return make_location(
        house=sweep.house, organisation=provider, name=f"Opvang {sweep.token}", dossier_number=""
    )


def seed_request(sweep):
    family = Family.objects.create(
        name=sweep.marker("families.Family"),
        email=sweep.email("families.Family"),
        phone=sweep.phone("families.Family"),
    )
    child = Child.objects.create(
        family=family, first_name=sweep.marker("families.Child"), birth_date=sweep.date_ago(400)
    )
    location = _location(sweep)
    month = add_months(first_of_month(timezone.localdate()), 2)
    request = ChildcareRequest.objects.create(
        house=sweep.house,
        family=family,
        child=child,
        municipality=sweep.house.municipalities.first(),
        wished_start=month,
        half_days=4,
        social_tariff=False,
        days_note=f"Niet op woensdag voor {sweep.marker(REQUEST)}",
        care_needs=f"{sweep.marker(REQUEST)} heeft een allergie",
        note=f"Graag dicht bij {sweep.marker(REQUEST)}",
    )
    RequestWish.objects.create(request=request, location=location, rank=1)
    FreePlaces.objects.create(location=location, month=month, places=3)
    # A place outside the rounds, as the provider gives it (the service audits it).
    placement = placement_outside_round(
        childcare=location,
        request_number=request.pk,
        month=month,
        advice_by="Kind en Gezin",
        advice_reference=sweep.marker("childcare.Placement"),
        actor=sweep.worker,
    )
    Placement.objects.filter(pk=placement.pk).update(
        status="refused", refusal_reason=f"Te ver voor {sweep.marker('childcare.Placement')}"
    )
    ChildcareRequest.objects.filter(pk=request.pk).update(
        status="withdrawn", ended_at=sweep.days_ago()
    )


def seed_urgent(sweep):
    urgent, _token = services_urgent.urgent_submit(
        house=sweep.house,
        family={
            "name": sweep.marker("families.Family"),
            "email": sweep.email("families.Family"),
            "phone": sweep.phone("families.Family"),
            "language": "nl",
        },
        child={"first_name": sweep.marker("families.Child"), "birth_date": sweep.date_ago(300)},
        municipality=sweep.house.municipalities.first(),
        reason="work",
        needed_from=timezone.localdate(),
        half_days=4,
        situation=f"{sweep.marker(URGENT)} vond werk.",
    )
    UrgentOffer.objects.create(
        urgent=urgent,
        location=_location(sweep),
        note=f"Plaats voor {sweep.marker('childcare.UrgentOffer')}",
    )
    UrgentRequest.objects.filter(pk=urgent.pk).update(
        status="no_place",
        outcome=f"Geen plaats voor {sweep.marker(URGENT)}",
        ended_at=sweep.days_ago(),
    )


def seed_round(sweep):
    today = timezone.localdate()
    AllocationRound.objects.create(
        house=sweep.house,
        month=today.replace(year=today.year - 2, day=1),
        offer_deadline=today,
        input={"children": [{"name": sweep.marker("childcare.AllocationRound")}]},
        result={"placed": [sweep.marker("childcare.AllocationRound")]},
    )


def seed_import(sweep):
    imported = ChildcareImport.objects.create(
        house=sweep.house,
        source=f"{sweep.marker('childcare.ChildcareImport')}.csv",
        content=f"naam;telefoon\n{sweep.marker('childcare.ChildcareImport')};",
    )
    ChildcareImport.objects.filter(pk=imported.pk).update(created_at=sweep.days_ago())


SEEDERS = {
    REQUEST: seed_request,
    "childcare.Placement": seed_request,
    URGENT: seed_urgent,
    "childcare.UrgentOffer": seed_urgent,
    "childcare.AllocationRound": seed_round,
    "childcare.ChildcareImport": seed_import,
}

KEPT = {"childcare.ChildcareLocation": "kept as long as the childcare location exists"}
