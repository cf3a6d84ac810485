"""Referral fixtures: a referrer of the Opvoedingspunt (``worker``) refers a family to the
Kraamzorg (``other_organisation``), whose ``receiver`` answers; ``third_party`` works for a third
partner of the same house and must see nothing."""

from datetime import timedelta

import pytest
from django.utils import timezone

from huisvanhetkind.network.models import Role
from huisvanhetkind.referrals import services
from huisvanhetkind.referrals.models import Consent, Referral
from tests.conftest import with_second_factor
from tests.factories import OrganisationFactory, RoleFactory, ServiceFactory, UserFactory


@pytest.fixture
def receiving_organisation(other_organisation):
    return other_organisation


@pytest.fixture
def receiver(receiving_organisation):
    user = with_second_factor(UserFactory(email="onthaal@kraamzorg.example.be"))
    RoleFactory(user=user, kind=Role.Kind.ORGANISATION_WORKER, organisation=receiving_organisation)
    return user


@pytest.fixture
def receiving_service(receiving_organisation):
    return ServiceFactory(
        organisation=receiving_organisation, name="Kraamzorg aan huis", domains=["gezondheid"]
    )


@pytest.fixture
def third_organisation(house):
    return OrganisationFactory(name="Sportdienst Kalmthout", houses=[house], domains=[])


@pytest.fixture
def third_party(third_organisation):
    """A worker of a third partner of the same house: sees no referral between the other two."""
    user = with_second_factor(UserFactory(email="medewerker@sportdienst.example.be"))
    RoleFactory(user=user, kind=Role.Kind.ORGANISATION_WORKER, organisation=third_organisation)
    return user


def consent_data(**overrides) -> dict:
    data = {
        "given_by": Consent.GivenBy.PARENT,
        "obtained_via": Consent.ObtainedVia.IN_PERSON,
        "purpose": "Kraamzorg aan huis na de geboorte",
        "data_categories": [Consent.DataCategory.CONTACT, Consent.DataCategory.REASON],
        "expires_on": timezone.localdate() + timedelta(days=90),
    }
    return {**data, **overrides}


def send(house, referrer, from_organisation, to_organisation, service=None, **overrides):
    """A referral as the journey sends it; returns (referral, token, short code)."""
    data = {
        "actor": referrer,
        "house": house,
        "from_organisation": from_organisation,
        "to_organisation": to_organisation,
        "service": service,
        "family": {
            "name": "Sarah Janssens",
            "email": "sarah.janssens@example.be",
            "phone": "0470 12 34 56",
            "language": "nl",
        },
        "child": None,
        "consent": consent_data(),
        "contact_preference": Referral.ContactPreference.PHONE,
        "contact_note": "Liefst na 17 u.",
        "reason": "Mama voelt zich erg moe na de bevalling en wil hulp thuis.",
    }
    data.update(overrides)
    return services.referral_send(**data)


@pytest.fixture
def sent_referral(house, worker, organisation, receiving_organisation, receiving_service, receiver):
    """A referral sent by ``worker`` to the ``receiver``'s organisation, and its family token and
    short code."""
    return send(house, worker, organisation, receiving_organisation, receiving_service)


@pytest.fixture
def referral(sent_referral):
    return sent_referral[0]
