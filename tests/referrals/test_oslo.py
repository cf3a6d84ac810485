"""A referral's consent in the terms of OSLO "Contactvoorkeuren" (Toestemming), as JSON-LD: the
profile's properties, its status as the family's consent goes, and the family's contact details
only when asked for (the family's own export)."""

import json
from datetime import timedelta

from django.utils import timezone

from huisvanhetkind.referrals import services
from huisvanhetkind.referrals.oslo import CONTEXT, TOESTEMMING, consent_to_oslo

PROFILE_TERMS = {
    "Toestemming": TOESTEMMING + "Toestemming",
    "Verwerkingsactiviteit": TOESTEMMING + "Verwerkingsactiviteit",
}


def iri(term: str) -> str:
    value = CONTEXT[term]
    return value if isinstance(value, str) else value["@id"]


def test_the_consent_is_a_toestemming_with_the_profiles_properties(
    referral, organisation, receiving_organisation, receiving_service
):
    document = consent_to_oslo(referral.consent)
    json.dumps(document)  # plain JSON
    assert document["@type"] == "Toestemming"
    for term, expected in PROFILE_TERMS.items():
        assert iri(term) == expected
    assert iri("gegevenOp") == TOESTEMMING + "gegevenOp"
    assert iri("vervalt") == "http://schema.org/expires"
    assert iri("gegevenVoor") == TOESTEMMING + "gegevenVoor"
    assert iri("verwerkingsgrond") == TOESTEMMING + "verwerkingsgrond"
    assert {
        "@context",
        "@id",
        "@type",
        "gegevenOp",
        "vervalt",
        "status",
        "contactkanaal",
        "gegevenVoor",
        "gegevenscategorie",
        "gegevenDoor",
        "verkregenVia",
        "dataSubject",
    } <= set(document)
    assert document["gegevenOp"] == timezone.localdate(referral.consent.given_at).isoformat()
    assert document["vervalt"] == referral.consent.expires_on.isoformat()
    assert document["status"]["prefLabel"] == "actief"
    assert document["contactkanaal"][0]["prefLabel"] == "telefoon"
    activity = document["gegevenVoor"]
    assert activity["@type"] == "Verwerkingsactiviteit"
    assert activity["label"] == referral.consent.purpose
    assert receiving_organisation.name in activity["toestemmingsvraag"]
    assert organisation.name in activity["toestemmingsvraag"]
    assert "contactgegevens" in activity["toestemmingsvraag"]
    assert activity["verwerker"][0]["prefLabel"] == receiving_organisation.name
    assert activity["verwerkingsverantwoordelijke"]["prefLabel"] == organisation.name
    assert activity["verwerkingsgrond"]["seeAlso"].startswith("http://data.europa.eu/eli/")
    assert activity["isGerelateerdMet"]["prefLabel"] == receiving_service.name
    assert {c["@id"].rsplit(":", 1)[1] for c in document["gegevenscategorie"]} == {
        "contact",
        "reason",
    }
    # Every term used is defined in the context.
    used = {key for key in document if not key.startswith("@")} | {
        key for key in activity if not key.startswith("@")
    }
    assert used <= set(CONTEXT)


def test_the_familys_contact_details_only_when_asked(referral):
    plain = consent_to_oslo(referral.consent)
    assert "contactinfo" not in plain["dataSubject"]
    assert "sarah" not in json.dumps(plain).lower()
    own = consent_to_oslo(referral.consent, include_contact=True)
    assert own["dataSubject"]["contactinfo"] == {
        "contactnaam": "Sarah Janssens",
        "email": "sarah.janssens@example.be",
        "telefoon": "0470 12 34 56",
    }
    assert own["dataSubject"]["@id"] == plain["dataSubject"]["@id"]


def test_a_withdrawn_or_expired_consent_says_so(referral):
    consent = referral.consent
    consent.expires_on = timezone.localdate() - timedelta(days=1)  # in memory
    assert consent_to_oslo(consent)["status"]["prefLabel"] == "vervallen"
    services.referral_consent_withdraw(referral=referral)
    referral.refresh_from_db()
    document = consent_to_oslo(referral.consent)
    assert document["status"]["prefLabel"] == "ingetrokken"
    assert document["ingetrokkenOp"]
    # The family's data is erased from the consent with the referral: no subject any more.
    assert "dataSubject" not in document
