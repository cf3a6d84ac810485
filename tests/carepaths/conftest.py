"""Care path fixtures: the coordinator of Kalmthout made a template; ``worker`` of the
Opvoedingspunt (``organisation``) starts a path for a family that gave it consent and hands a
step to ``nurse`` of the Kraamzorg (``other_organisation``), which needs a consent of its own;
``third_party`` works for a third partner of the same house and must learn nothing."""

from datetime import timedelta

import pytest
from django.utils import timezone

from huisvanhetkind.carepaths import services
from huisvanhetkind.carepaths.models import ReferenceKind, Track
from huisvanhetkind.network.models import Organisation, Role
from huisvanhetkind.referrals.models import Consent
from tests.conftest import with_second_factor
from tests.factories import OrganisationFactory, RoleFactory, UserFactory


@pytest.fixture
def nurse(other_organisation):
    user = with_second_factor(UserFactory(email="vroedvrouw@kraamzorg.example.be"))
    RoleFactory(user=user, kind=Role.Kind.ORGANISATION_WORKER, organisation=other_organisation)
    return user


@pytest.fixture
def third_organisation(house):
    return OrganisationFactory(name="Sportdienst Kalmthout", houses=[house], domains=[])


@pytest.fixture
def third_party(third_organisation):
    user = with_second_factor(UserFactory(email="medewerker@sportdienst.example.be"))
    RoleFactory(user=user, kind=Role.Kind.ORGANISATION_WORKER, organisation=third_organisation)
    return user


def step_data(**overrides) -> dict:
    data = {
        "title": "Huisbezoek na de geboorte",
        "track": Track.MEDICAL,
        "partner_kind": Organisation.Kind.PREVENTIVE_HEALTH,
        "offset_days": 14,
        "window_days": 14,
        "checklist": ["Gewicht en groei", "Voeding besproken"],
    }
    return {**data, **overrides}


@pytest.fixture
def template(house):
    template = services.template_create(
        actor=None,
        house=house,
        data={
            "name": "Eerste 1000 dagen",
            "description": "Van de zwangerschap tot de tweede verjaardag.",
            "reference_kind": ReferenceKind.BIRTH_DATE,
        },
    )
    services.step_template_save(
        actor=None,
        template=template,
        data=step_data(
            title="Screening perinatale depressie",
            track=Track.MENTAL,
            partner_kind=Organisation.Kind.PARENTING,
            offset_days=-30,
            window_days=7,
            checklist=["Vragenlijst afgenomen"],
        ),
    )
    services.step_template_save(actor=None, template=template, data=step_data())
    return template


def consent_for(house, family, organisation, *, days=90, requested_by=None):
    return Consent.objects.create(
        house=house,
        family=family,
        recipient=organisation,
        requested_by=requested_by or organisation,
        purpose="Zorgpad eerste 1000 dagen",
        data_categories=["contact", "child"],
        obtained_via="in_person",
        expires_on=timezone.localdate() + timedelta(days=days),
    )


@pytest.fixture
def consent(house, worker, organisation):
    return services.family_consent_record(
        actor=worker,
        house=house,
        organisation=organisation,
        name="Sarah Janssens",
        email="sarah.janssens@example.be",
        phone="",
        obtained_via=Consent.ObtainedVia.IN_PERSON,
        expires_on=timezone.localdate() + timedelta(days=200),
        purpose="Zorgpad eerste 1000 dagen",
    )


@pytest.fixture
def path(template, consent, worker, organisation):
    return services.path_start(
        actor=worker,
        template=template,
        consent=consent,
        reference_date=timezone.localdate() - timedelta(days=20),
        organisation=organisation,
    )
