"""A family's consent in the terms of the Flemish OSLO application profile "Contactvoorkeuren"
(vocabulary "Toestemming"), as JSON-LD.

The profile describes a *Toestemming* (a consent an Agent gives for a *Verwerkingsactiviteit*,
a processing activity) with ``gegevenOp``, ``vervalt``, ``status``, ``contactkanaal`` and
``gegevenVoor``; the activity has a ``label``, a ``toestemmingsvraag`` (the question asked),
a ``type``, a ``verwerkingsgrond`` (legal ground), its ``verwerker`` and
``verwerkingsverantwoordelijke``, and is related (``isGerelateerdMet``) to a public service.
The term IRIs below are those of the profile's published JSON-LD context (standard of
2019-02-07, https://data.vlaanderen.be/doc/applicatieprofiel/contactvoorkeuren/). What the
profile has no term for (the data categories, who gave the consent, how it was obtained, when it
was withdrawn) is written under our own ``hvhk:`` namespace. Which terms we use, and where the
mapping is uncertain (the concept URIs of the profile's code lists), is in
``docs/referrals-fhir.md``.
"""

import uuid

from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.text import get_text_list
from django.utils.translation import gettext as _

from huisvanhetkind.referrals.models import Consent, Referral

TOESTEMMING = "https://data.vlaanderen.be/ns/toestemming#"
HVHK = "urn:huisvanhetkind:oslo:"
GDPR = "http://data.europa.eu/eli/reg/2016/679/oj"

CONTEXT = {
    "hvhk": HVHK,
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "Toestemming": TOESTEMMING + "Toestemming",
    "Verwerkingsactiviteit": TOESTEMMING + "Verwerkingsactiviteit",
    "Agent": "http://purl.org/dc/terms/Agent",
    "Organisatie": "http://www.w3.org/ns/org#Organization",
    "PubliekeDienstverlening": "http://purl.org/vocab/cpsv#PublicService",
    "Concept": "http://www.w3.org/2004/02/skos/core#Concept",
    "gegevenOp": {"@id": TOESTEMMING + "gegevenOp", "@type": "xsd:date"},
    "vervalt": {"@id": "http://schema.org/expires", "@type": "xsd:date"},
    "status": {"@id": TOESTEMMING + "status"},
    "contactkanaal": {"@id": TOESTEMMING + "contactkanaal", "@container": "@set"},
    "dataSubject": {"@id": TOESTEMMING + "dataSubject"},
    "gegevenVoor": {"@id": TOESTEMMING + "gegevenVoor"},
    "label": {"@id": "http://www.w3.org/2000/01/rdf-schema#label"},
    "toestemmingsvraag": {"@id": TOESTEMMING + "toestemmingsvraag"},
    "type": {"@id": "http://purl.org/dc/terms/type"},
    "verwerkingsgrond": {"@id": TOESTEMMING + "verwerkingsgrond"},
    "verwerker": {"@id": TOESTEMMING + "verwerker", "@container": "@set"},
    "verwerkingsverantwoordelijke": {"@id": TOESTEMMING + "verwerkingsverantwoordelijke"},
    "isGerelateerdMet": {"@id": "http://purl.org/dc/terms/relation"},
    "contactinfo": {"@id": "http://schema.org/contactPoint"},
    "contactnaam": {"@id": "http://xmlns.com/foaf/0.1/name"},
    "email": {"@id": "http://schema.org/email"},
    "telefoon": {"@id": "http://schema.org/telephone"},
    "prefLabel": {"@id": "http://www.w3.org/2004/02/skos/core#prefLabel"},
    "seeAlso": {"@id": "http://www.w3.org/2000/01/rdf-schema#seeAlso", "@type": "@id"},
    "gegevenscategorie": {"@id": HVHK + "gegevenscategorie", "@container": "@set"},
    "gegevenDoor": {"@id": HVHK + "gegevenDoor"},
    "verkregenVia": {"@id": HVHK + "verkregenVia"},
    "ingetrokkenOp": {"@id": HVHK + "ingetrokkenOp", "@type": "xsd:dateTime"},
}

_IDS = uuid.uuid5(uuid.NAMESPACE_URL, HVHK)


def _concept(scheme: str, code: str, label) -> dict:
    return {"@id": f"{HVHK}{scheme}:{code}", "@type": "Concept", "prefLabel": str(label)}


def _organisation(organisation) -> dict:
    return {
        "@id": f"urn:huisvanhetkind:hsds:organization:{organisation.hsds_id}",
        "@type": "Organisatie",
        "prefLabel": organisation.name,
    }


def _status(consent: Consent, today) -> dict:
    if consent.withdrawn_at is not None:
        return _concept("toestemmingstatus", "ingetrokken", _("ingetrokken"))
    if consent.expires_on < today:
        return _concept("toestemmingstatus", "vervallen", _("vervallen"))
    return _concept("toestemmingstatus", "actief", _("actief"))


def _referral_of(consent: Consent) -> Referral | None:
    try:
        return consent.referral
    except Referral.DoesNotExist:
        return None


def _question(consent: Consent, categories: list[str]) -> str:
    return _(
        "Mag %(requester)s je gegevens (%(categories)s) delen met %(recipient)s voor: "
        "%(purpose)s, tot en met %(date)s?"
    ) % {
        "requester": consent.requested_by.name,
        "categories": get_text_list(categories, _("en")),
        "recipient": consent.recipient.name,
        "purpose": consent.purpose,
        "date": date_format(consent.expires_on, "j F Y"),
    }


def consent_to_oslo(consent: Consent, *, include_contact: bool = False) -> dict:
    """The consent as a JSON-LD *Toestemming* of OSLO "Contactvoorkeuren".

    The family appears as ``dataSubject`` by an opaque identifier; its contact details only with
    ``include_contact`` (for the family's own export, not for a partner)."""
    with translation.override("nl"):
        today = timezone.localdate()
        labels = [
            str(Consent.DataCategory(c).label)
            for c in consent.data_categories
            if c in Consent.DataCategory.values
        ]
        activity = {
            "@id": f"urn:huisvanhetkind:verwerkingsactiviteit:{consent.pk}",
            "@type": "Verwerkingsactiviteit",
            "label": consent.purpose,
            "toestemmingsvraag": _question(consent, labels),
            "type": _concept(
                "verwerkingstype",
                "doorverwijzing",
                _("gegevens delen met een partner voor een warme doorverwijzing"),
            ),
            "verwerkingsgrond": {
                **_concept("verwerkingsgrond", "toestemming", _("toestemming (AVG art. 6.1.a)")),
                "seeAlso": GDPR,
            },
            "verwerker": [_organisation(consent.recipient)],
            "verwerkingsverantwoordelijke": _organisation(consent.requested_by),
        }
        document = {
            "@context": CONTEXT,
            "@id": f"urn:huisvanhetkind:toestemming:{consent.pk}",
            "@type": "Toestemming",
            "gegevenOp": timezone.localdate(consent.given_at).isoformat(),
            "vervalt": consent.expires_on.isoformat(),
            "status": _status(consent, today),
            "gegevenVoor": activity,
            "gegevenscategorie": [
                _concept("gegevenscategorie", c, Consent.DataCategory(c).label)
                for c in consent.data_categories
                if c in Consent.DataCategory.values
            ],
            "gegevenDoor": _concept(
                "gegevendoor", consent.given_by, Consent.GivenBy(consent.given_by).label
            ),
            "verkregenVia": _concept(
                "verkregenvia",
                consent.obtained_via,
                Consent.ObtainedVia(consent.obtained_via).label,
            ),
        }
        if consent.withdrawn_at is not None:
            document["ingetrokkenOp"] = timezone.localtime(consent.withdrawn_at).isoformat()
        referral = _referral_of(consent)
        if referral is not None:
            preference = Referral.ContactPreference(referral.contact_preference)
            channel = _concept("contactkanaal", preference.value, preference.label)
            document["contactkanaal"] = [channel]
            activity["contactkanaal"] = [channel]
            if referral.service is not None:
                activity["isGerelateerdMet"] = {
                    "@id": f"urn:huisvanhetkind:hsds:service:{referral.service.hsds_id}",
                    "@type": "PubliekeDienstverlening",
                    "prefLabel": referral.service.name,
                }
        family = consent.family
        if family is not None:
            subject = {
                "@id": f"urn:uuid:{uuid.uuid5(_IDS, f'family:{family.pk}')}",
                "@type": "Agent",
            }
            if include_contact:
                contact = {
                    "contactnaam": family.name,
                    "email": family.email,
                    "telefoon": family.phone,
                }
                subject["contactinfo"] = {k: v for k, v in contact.items() if v}
            document["dataSubject"] = subject
    return document
