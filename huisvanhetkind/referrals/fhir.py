"""Warm referrals in HL7 FHIR R4B: a referral exported as a Bundle of a Task, the ServiceRequest it
fulfils, the family's Consent and who is involved; and such a Bundle imported as a new referral.

``referral_to_fhir`` builds the Bundle as plain JSON and checks it by constructing the
``fhir.resources`` R4B models, so nothing leaves that a FHIR parser would refuse.
``referral_from_fhir`` reads a Bundle (validated with the same models) and sends it through
``services.referral_send``: the same checks as the form (consent, partners of the house, a
published service) hold, with Dutch messages, and nothing is written when one fails.

What the family shared leaves only as far as its consent reaches (its data categories), and the
reason only towards the receiving organisation. The mapping, table by table, is in
``docs/referrals-fhir.md``.
"""

import uuid
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.task import Task
from pydantic import ValidationError as PydanticValidationError

from huisvanhetkind.catalogue.models import Service
from huisvanhetkind.network.models import Domain, House, Organisation
from huisvanhetkind.referrals import services
from huisvanhetkind.referrals.models import Consent, Referral
from huisvanhetkind.referrals.workflow import OUTCOMES, DeclineReason, ReferralStatus

S = ReferralStatus
C = Consent.DataCategory

# Our own code systems, identifiers and extensions: logical names (URNs) that do not depend on
# the address a platform is deployed at.
NS = "urn:huisvanhetkind:fhir:"
STATUS_SYSTEM = NS + "referral-status"
DECLINE_SYSTEM = NS + "decline-reason"
DOMAIN_SYSTEM = NS + "domain"
DATA_CATEGORY_SYSTEM = NS + "data-category"
OUTPUT_SYSTEM = NS + "task-output"
FAMILY_OUTCOME_SYSTEM = NS + "family-outcome"
HOUSE_SYSTEM = NS + "house"
REFERRAL_ID_SYSTEM = "urn:huisvanhetkind:referral"
ORGANISATION_ID_SYSTEM = "urn:huisvanhetkind:hsds:organization"
SERVICE_ID_SYSTEM = "urn:huisvanhetkind:hsds:service"
EXT = NS + "extension:"
EXT_RESPONSE_DUE = EXT + "response-due"
EXT_HOUSE = EXT + "house"
EXT_CONTACT_PREFERENCE = EXT + "contact-preference"
EXT_CONTACT_NOTE = EXT + "contact-note"
EXT_DUE_DATE = EXT + "due-date"
EXT_GIVEN_BY = EXT + "consent-given-by"
EXT_OBTAINED_VIA = EXT + "consent-obtained-via"
EXT_PURPOSE = EXT + "consent-purpose"
EXT_WITHDRAWN_AT = EXT + "consent-withdrawn-at"

# The standard systems.
KBO_SYSTEM = "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/cbe"
SNOMED = "http://snomed.info/sct"
TASK_CODE_SYSTEM = "http://hl7.org/fhir/CodeSystem/task-code"
CONSENT_SCOPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/consentscope"
LOINC = "http://loinc.org"
ACT_CODE_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
ACT_REASON_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ActReason"
PARTICIPATION_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType"
ROLE_CODE_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-RoleCode"
LANGUAGE_SYSTEM = "urn:ietf:bcp:47"

# Task.status for each of our states; a closed referral takes the status of the outcome it was
# closed with (``task_status``).
TASK_STATUS = {
    S.SENT: "requested",
    S.RECEIVED: "received",
    S.ACCEPTED: "accepted",
    S.DECLINED: "rejected",
    S.CONTACTED: "in-progress",
    S.WAITLISTED: "on-hold",
    S.NOT_REACHED: "failed",
    S.GOT_HELP: "completed",
    S.NO_HELP: "completed",
    S.NOT_INTERESTED: "cancelled",
    S.CLOSED: "completed",
    S.WITHDRAWN: "cancelled",
    S.CONSENT_WITHDRAWN: "cancelled",
    S.EXPIRED: "cancelled",
}
# ServiceRequest.status follows from the Task's.
REQUEST_STATUS = {
    "completed": "completed",
    "rejected": "revoked",
    "cancelled": "revoked",
    "failed": "revoked",
}

_UUIDS = uuid.uuid5(uuid.NAMESPACE_URL, "urn:huisvanhetkind:fhir")


def _full_url(kind: str, key) -> str:
    """A stable ``urn:uuid`` for one resource of a Bundle (the same on every export)."""
    return f"urn:uuid:{uuid.uuid5(_UUIDS, f'{kind}:{key}')}"


def _instant(value: datetime | None) -> str | None:
    return timezone.localtime(value).isoformat() if value else None


def _coding(system: str, code: str, display=None) -> dict:
    coding = {"system": system, "code": code}
    if display:
        coding["display"] = str(display)
    return coding


def _concept(system: str, code: str, display=None) -> dict:
    concept = {"coding": [_coding(system, code, display)]}
    if display:
        concept["text"] = str(display)
    return concept


def _referral_identifier(referral: Referral) -> dict:
    return {"system": REFERRAL_ID_SYSTEM, "value": str(referral.pk)}


def _organisation_identifiers(organisation: Organisation) -> list[dict]:
    identifiers = [{"system": ORGANISATION_ID_SYSTEM, "value": organisation.hsds_id}]
    if organisation.enterprise_number:
        identifiers.append({"system": KBO_SYSTEM, "value": organisation.enterprise_number})
    return identifiers


def _organisation_ref(organisation: Organisation, *, resolvable: bool = True) -> dict:
    """A reference to an organisation: to its Organization in the Bundle (``resolvable``) and
    always by its identifier, so that it holds outside the Bundle too."""
    reference = {"reference": _full_url("organization", organisation.hsds_id)} if resolvable else {}
    reference["identifier"] = _organisation_identifiers(organisation)[0]
    reference["display"] = organisation.name
    return reference


def closing_outcome(referral: Referral) -> str | None:
    """The outcome a referral reached before it was closed (from its history)."""
    events = getattr(referral, "outcome_events", None)
    if events is None:
        events = list(referral.events.filter(to_status__in=OUTCOMES).order_by("created_at", "id"))
    return events[-1].to_status if events else None


def task_status(referral: Referral) -> str:
    if referral.status == S.CLOSED:
        return TASK_STATUS.get(closing_outcome(referral), "completed")
    return TASK_STATUS[referral.status]


def _outcome_of(referral: Referral) -> str | None:
    if referral.status in OUTCOMES:
        return referral.status
    if referral.status == S.CLOSED:
        return closing_outcome(referral)
    return None


def _task(referral: Referral, *, urls: dict | None) -> dict:
    """The Task of a referral. With ``urls`` (the Bundle's full URLs) it points at the other
    resources of the Bundle; without, it stands alone (the API's list) and refers to the
    organisations only by identifier."""
    status = ReferralStatus(referral.status)
    task = {
        "resourceType": "Task",
        "extension": [
            {"url": EXT_RESPONSE_DUE, "valueDate": referral.due_on.isoformat()},
            {
                "url": EXT_HOUSE,
                "valueCoding": _coding(HOUSE_SYSTEM, referral.house.slug, referral.house.name),
            },
        ],
        "identifier": [_referral_identifier(referral)],
        "status": task_status(referral),
        "businessStatus": _concept(STATUS_SYSTEM, status.value, status.label),
        "intent": "order",
        "code": {"coding": [_coding(TASK_CODE_SYSTEM, "fulfill", "Fulfill the focal request")]},
        "authoredOn": _instant(referral.created_at),
        "lastModified": _instant(referral.status_changed_at),
        "requester": _organisation_ref(referral.from_organisation, resolvable=urls is not None),
        "owner": _organisation_ref(referral.to_organisation, resolvable=urls is not None),
        "restriction": {
            "period": {"end": referral.consent.expires_on.isoformat()},
            "recipient": [_organisation_ref(referral.to_organisation, resolvable=urls is not None)],
        },
    }
    if urls is not None:
        task["focus"] = {"reference": urls["request"]}
        task["for"] = {"reference": urls["patient"]}
    if referral.status == S.DECLINED and referral.decline_reason:
        reason = DeclineReason(referral.decline_reason)
        task["statusReason"] = _concept(DECLINE_SYSTEM, reason.value, reason.label)
        if referral.decline_note:
            task["statusReason"]["text"] = referral.decline_note
    if referral.accepted_at or referral.closed_at:
        period = {}
        if referral.accepted_at:
            period["start"] = _instant(referral.accepted_at)
        if referral.closed_at:
            period["end"] = _instant(referral.closed_at)
        task["executionPeriod"] = period
    outputs = []
    outcome = _outcome_of(referral)
    if outcome:
        outputs.append(
            {
                "type": _concept(OUTPUT_SYSTEM, "outcome", _("uitkomst")),
                "valueCodeableConcept": _concept(
                    STATUS_SYSTEM, outcome, ReferralStatus(outcome).label
                ),
            }
        )
    if referral.family_outcome:
        family_outcome = Referral.Outcome(referral.family_outcome)
        outputs.append(
            {
                "type": _concept(OUTPUT_SYSTEM, "family-outcome", _("antwoord van het gezin")),
                "valueCodeableConcept": _concept(
                    FAMILY_OUTCOME_SYSTEM, family_outcome.value, family_outcome.label
                ),
            }
        )
    if outputs:
        task["output"] = outputs
    return task


def _person_details(referral: Referral, categories: list[str]) -> dict:
    """Name, telecom, address and language of the family's contact person: only with consent
    to share contact details, and only while they are not erased."""
    family = referral.family
    if family is None or C.CONTACT not in categories:
        return {}
    details = {}
    if family.name:
        details["name"] = [{"text": family.name}]
    telecom = []
    if family.phone:
        telecom.append({"system": "phone", "value": family.phone})
    if family.email:
        telecom.append({"system": "email", "value": family.email})
    if telecom:
        details["telecom"] = telecom
    if family.address:
        details["address"] = [{"text": family.address}]
    if family.language:
        details["communication"] = [
            {
                "language": {"coding": [_coding(LANGUAGE_SYSTEM, family.language)]},
                "preferred": True,
            }
        ]
    return details


def _subject(referral: Referral, categories: list[str], urls: dict) -> list[dict]:
    """The subject of the request: the child (a Patient) with its parent as a RelatedPerson
    when the family agreed to share the child's details, otherwise the family's contact person
    as the Patient."""
    person = _person_details(referral, categories)
    child = referral.child
    if child is None or C.CHILD not in categories:
        return [{"fullUrl": urls["patient"], "resource": {"resourceType": "Patient", **person}}]
    patient = {"resourceType": "Patient"}
    if child.due_date:
        patient["extension"] = [{"url": EXT_DUE_DATE, "valueDate": child.due_date.isoformat()}]
    if child.first_name:
        patient["name"] = [{"given": [child.first_name]}]
    if child.birth_date:
        patient["birthDate"] = child.birth_date.isoformat()
    related = {
        "resourceType": "RelatedPerson",
        "patient": {"reference": urls["patient"]},
        "relationship": [_concept(ROLE_CODE_SYSTEM, "PRN", "parent")],
        **person,
    }
    return [
        {"fullUrl": urls["patient"], "resource": patient},
        {"fullUrl": urls["related"], "resource": related},
    ]


def _service_request(referral: Referral, categories: list[str], urls: dict, *, for_receiver):
    target = referral.service.name if referral.service else referral.to_organisation.name
    request = {
        "resourceType": "ServiceRequest",
        "extension": [
            {"url": EXT_CONTACT_PREFERENCE, "valueCode": referral.contact_preference},
        ],
        "identifier": [_referral_identifier(referral)],
        "status": REQUEST_STATUS.get(task_status(referral), "active"),
        "intent": "order",
        "code": {
            "coding": [_coding(SNOMED, "3457005", "Patient referral")],
            "text": target,
        },
        "subject": {"reference": urls["patient"]},
        "authoredOn": _instant(referral.created_at),
        "requester": _organisation_ref(referral.from_organisation),
        "supportingInfo": [{"reference": urls["consent"]}],
    }
    if referral.domain is not None:
        request["category"] = [_concept(DOMAIN_SYSTEM, referral.domain.slug, referral.domain.name)]
    if referral.service is not None:
        request["performer"] = [
            {
                "reference": urls["service"],
                "identifier": {"system": SERVICE_ID_SYSTEM, "value": referral.service.hsds_id},
                "display": referral.service.name,
            }
        ]
    else:
        request["performer"] = [_organisation_ref(referral.to_organisation)]
    if C.CONTACT in categories and referral.contact_note:
        request["extension"].append({"url": EXT_CONTACT_NOTE, "valueString": referral.contact_note})
    # Why: only the receiving organisation reads it, and only with the family's consent.
    if for_receiver and C.REASON in categories and referral.reason:
        request["reasonCode"] = [{"text": referral.reason}]
    return request


def _consent(referral: Referral, urls: dict, *, today: date) -> dict:
    consent = referral.consent
    categories = list(consent.data_categories)
    young_person = consent.given_by == Consent.GivenBy.YOUNG_PERSON
    performer = urls["patient"] if young_person or "related" not in urls else urls["related"]
    extensions = [
        {"url": EXT_GIVEN_BY, "valueCode": consent.given_by},
        {"url": EXT_OBTAINED_VIA, "valueCode": consent.obtained_via},
        {"url": EXT_PURPOSE, "valueString": consent.purpose},
    ]
    if consent.withdrawn_at:
        extensions.append(
            {"url": EXT_WITHDRAWN_AT, "valueDateTime": _instant(consent.withdrawn_at)}
        )
    return {
        "resourceType": "Consent",
        "extension": extensions,
        "status": "active" if consent.is_valid_on(today) else "inactive",
        "scope": _concept(CONSENT_SCOPE_SYSTEM, "patient-privacy", "Privacy Consent"),
        "category": [_concept(LOINC, "59284-0", "Patient Consent")],
        "patient": {"reference": urls["patient"]},
        "dateTime": _instant(consent.given_at),
        "performer": [{"reference": performer}],
        "organization": [_organisation_ref(referral.from_organisation)],
        "policyRule": _concept(ACT_CODE_SYSTEM, "OPTIN", "opt-in"),
        "provision": {
            "type": "permit",
            "period": {
                "start": _instant(consent.given_at),
                "end": consent.expires_on.isoformat(),
            },
            "actor": [
                {
                    "role": _concept(PARTICIPATION_SYSTEM, "IRCP", "information recipient"),
                    "reference": _organisation_ref(referral.to_organisation),
                }
            ],
            "purpose": [_coding(ACT_REASON_SYSTEM, "CAREMGT", "care management")],
            "code": [
                _concept(DATA_CATEGORY_SYSTEM, category, C(category).label)
                for category in categories
                if category in C.values
            ],
        },
    }


def _organization(organisation: Organisation) -> dict:
    resource = {
        "resourceType": "Organization",
        "identifier": _organisation_identifiers(organisation),
        "active": True,
        "name": organisation.name,
    }
    telecom = []
    if organisation.phone:
        telecom.append({"system": "phone", "value": organisation.phone})
    if organisation.email:
        telecom.append({"system": "email", "value": organisation.email})
    if organisation.website:
        telecom.append({"system": "url", "value": organisation.website})
    if telecom:
        resource["telecom"] = telecom
    return {"fullUrl": _full_url("organization", organisation.hsds_id), "resource": resource}


def _healthcare_service(service: Service, urls: dict) -> dict:
    return {
        "fullUrl": urls["service"],
        "resource": {
            "resourceType": "HealthcareService",
            "identifier": [{"system": SERVICE_ID_SYSTEM, "value": service.hsds_id}],
            "active": True,
            "providedBy": _organisation_ref(service.organisation),
            "name": service.name,
        },
    }


def validated(data: dict, model=Bundle) -> dict:
    """``data`` when the ``fhir.resources`` R4B model accepts it; a ValueError otherwise (an
    export that does not validate is a mistake in this module)."""
    try:
        model.model_validate(data)
    except PydanticValidationError as error:
        raise ValueError(f"Invalid FHIR {model.__name__}: {error}") from error
    return data


def referral_to_fhir(referral: Referral, *, for_receiver: bool = False) -> dict:
    """The referral as a FHIR R4B Bundle (type collection): Task, ServiceRequest, Consent, the
    subject (Patient, and RelatedPerson for a child's parent), both Organizations and, when one
    was chosen, the HealthcareService. The reason is in it only ``for_receiver`` (the receiving
    organisation), and the family's details only as far as its consent's categories reach."""
    with translation.override("nl"):
        key = referral.pk
        urls = {
            "task": _full_url("task", key),
            "request": _full_url("service-request", key),
            "consent": _full_url("consent", key),
            "patient": _full_url("patient", key),
        }
        categories = list(referral.consent.data_categories)
        if referral.child is not None and C.CHILD in categories:
            urls["related"] = _full_url("related-person", key)
        subject = _subject(referral, categories, urls)
        if referral.service is not None:
            urls["service"] = _full_url("healthcare-service", referral.service.hsds_id)
        entries = [
            {"fullUrl": urls["task"], "resource": _task(referral, urls=urls)},
            {
                "fullUrl": urls["request"],
                "resource": _service_request(referral, categories, urls, for_receiver=for_receiver),
            },
            {
                "fullUrl": urls["consent"],
                "resource": _consent(referral, urls, today=timezone.localdate()),
            },
            *subject,
            _organization(referral.from_organisation),
            _organization(referral.to_organisation),
        ]
        if referral.service is not None:
            entries.append(_healthcare_service(referral.service, urls))
        bundle = {
            "resourceType": "Bundle",
            "identifier": _referral_identifier(referral),
            "type": "collection",
            "timestamp": _instant(timezone.now()),
            "entry": entries,
        }
    return validated(bundle)


def referral_to_fhir_task(referral: Referral) -> dict:
    """The referral's Task on its own (no personal data): what the API's list gives."""
    with translation.override("nl"):
        return validated(_task(referral, urls=None), Task)


def searchset(entries: list[dict], *, total: int, links: dict[str, str]) -> dict:
    """A page of a search as a FHIR Bundle (type searchset): ``entries`` as ``(full URL,
    resource)`` dicts, ``links`` by relation (self, first, previous, next, last)."""
    bundle = {
        "resourceType": "Bundle",
        "type": "searchset",
        "timestamp": _instant(timezone.now()),
        "total": total,
        "link": [{"relation": relation, "url": url} for relation, url in links.items()],
        "entry": [
            {
                "fullUrl": entry["fullUrl"],
                "resource": entry["resource"],
                "search": {"mode": "match"},
            }
            for entry in entries
        ],
    }
    return validated(bundle)


# --- Import -------------------------------------------------------------------------------------


def _refuse(message: str, code: str = "fhir"):
    return ValidationError(message, code=code)


def _describe(error: dict) -> str:
    where = ".".join(str(part) for part in error.get("loc", ())) or "bundel"
    kind = error.get("type", "")
    if kind == "missing":
        what = _("ontbreekt")
    elif kind == "extra_forbidden":
        what = _("is geen veld van FHIR R4B")
    else:
        what = _("heeft een ongeldige waarde")
    return f"{where} {what}"


def _parse(data) -> Bundle:
    if not isinstance(data, dict) or data.get("resourceType") != "Bundle":
        raise _refuse(
            _("Dit is geen FHIR-bundel: verwacht een JSON-object met resourceType Bundle.")
        )
    try:
        return Bundle.model_validate(data)
    except PydanticValidationError as error:
        details = "; ".join(_describe(e) for e in error.errors()[:3])
        raise _refuse(
            _("De FHIR-bundel is ongeldig (FHIR R4B): %(details)s.") % {"details": details},
            code="invalid",
        ) from error


class _Bundle:
    """The resources of a parsed Bundle, found by type and by reference."""

    def __init__(self, bundle: Bundle):
        self.entries = [(e.fullUrl, e.resource) for e in bundle.entry or [] if e.resource]

    def of_type(self, resource_type: str) -> list:
        return [r for _url, r in self.entries if r.get_resource_type() == resource_type]

    def resolve(self, reference, container=None):
        """The resource a Reference points at: contained (``#id``), by full URL, or by
        ``Type/id``; None when it is not in the Bundle."""
        if reference is None or not reference.reference:
            return None
        target = reference.reference
        if target.startswith("#") and container is not None:
            for resource in container.contained or []:
                if resource.id == target[1:]:
                    return resource
            return None
        for url, resource in self.entries:
            if url == target:
                return resource
            if resource.id and f"{resource.get_resource_type()}/{resource.id}" == target:
                return resource
            if url and url.endswith(f"/{target}"):
                return resource
        return None


def _one(resources: list, message: str):
    if len(resources) != 1:
        raise _refuse(message, code="structure")
    return resources[0]


def _identifiers(reference, resource) -> list:
    found = list(getattr(resource, "identifier", None) or [])
    if reference is not None and reference.identifier is not None:
        found.append(reference.identifier)
    return found


def _find_organisation(identifiers) -> Organisation | None:
    for identifier in identifiers:
        value = (identifier.value or "").strip()
        if not value:
            continue
        if identifier.system == ORGANISATION_ID_SYSTEM:
            organisation = Organisation.objects.filter(hsds_id=value).first()
        elif identifier.system == KBO_SYSTEM:
            digits = "".join(ch for ch in value if ch.isdigit())
            organisation = Organisation.objects.filter(enterprise_number=digits).first()
        else:
            continue
        if organisation is not None:
            return organisation
    return None


def _extension(resource, url: str):
    for extension in getattr(resource, "extension", None) or []:
        if extension.url == url:
            return extension
    return None


def _extension_value(resource, url: str, field: str, default=None):
    extension = _extension(resource, url)
    value = getattr(extension, field, None) if extension is not None else None
    return default if value is None else value


def _codes(concepts, system: str) -> list[str]:
    return [
        coding.code
        for concept in concepts or []
        for coding in concept.coding or []
        if coding.system == system and coding.code
    ]


def _as_date(value) -> date | None:
    if isinstance(value, datetime):
        return timezone.localdate(value) if timezone.is_aware(value) else value.date()
    return value if isinstance(value, date) else None


def _contact(person) -> dict:
    """The family record's details from a Patient or RelatedPerson."""
    if person is None:
        return {}
    details = {}
    names = person.name or []
    if names:
        name = names[0]
        details["name"] = name.text or " ".join([*(name.given or []), name.family or ""]).strip()
    for telecom in person.telecom or []:
        if telecom.system == "phone" and telecom.value and "phone" not in details:
            details["phone"] = telecom.value
        if telecom.system == "email" and telecom.value and "email" not in details:
            details["email"] = telecom.value
    addresses = person.address or []
    if addresses:
        address = addresses[0]
        details["address"] = address.text or ", ".join(
            part for part in [*(address.line or []), address.postalCode, address.city] if part
        )
    for communication in person.communication or []:
        for coding in communication.language.coding or []:
            if coding.code:
                details["language"] = coding.code.split("-")[0].lower()
                break
        if "language" in details:
            break
    return details


def _child(patient) -> dict | None:
    names = patient.name or []
    given = (names[0].given or []) if names else []
    child = {
        "first_name": given[0] if given else "",
        "birth_date": patient.birthDate,
        "due_date": _extension_value(patient, EXT_DUE_DATE, "valueDate"),
    }
    if child["birth_date"] is None and child["due_date"] is None:
        return None
    return {key: value for key, value in child.items() if value is not None}


def _consent_data(consent) -> dict:
    if consent.status != "active":
        raise _refuse(
            _(
                "De toestemming in de bundel is niet actief: zonder toestemming geen doorverwijzing."
            ),
            code="consent",
        )
    provision = consent.provision
    period = provision.period if provision else None
    purpose = _extension_value(consent, EXT_PURPOSE, "valueString", "")
    if not purpose and provision is not None:
        purpose = next((p.display for p in provision.purpose or [] if p.display), "")
    return {
        "given_by": _extension_value(consent, EXT_GIVEN_BY, "valueCode", Consent.GivenBy.PARENT),
        "obtained_via": _extension_value(consent, EXT_OBTAINED_VIA, "valueCode", ""),
        "purpose": purpose or "",
        "data_categories": _codes(provision.code if provision else [], DATA_CATEGORY_SYSTEM),
        "expires_on": _as_date(period.end) if period else None,
    }


def _service(request, bundle: _Bundle, house: House) -> Service | None:
    """The service the request is for (a HealthcareService performer), or None when it names
    only an organisation."""
    for performer in request.performer or []:
        resource = bundle.resolve(performer, request)
        is_service = (
            resource is not None and resource.get_resource_type() == "HealthcareService"
        ) or (performer.identifier is not None and performer.identifier.system == SERVICE_ID_SYSTEM)
        if not is_service:
            continue
        ids = [
            i.value
            for i in _identifiers(performer, resource)
            if i.system == SERVICE_ID_SYSTEM and i.value
        ]
        service = Service.objects.filter(hsds_id__in=ids).select_related("organisation").first()
        if service is None:
            raise _refuse(_("Het gevraagde aanbod is niet gekend op het platform."), code="service")
        if not Service.objects.in_house(house).filter(pk=service.pk).exists():
            raise _refuse(
                _("Het gevraagde aanbod hoort niet bij een partner van %(house)s.")
                % {"house": house.name},
                code="service_house",
            )
        return service
    return None


def referral_from_fhir(data, *, actor, house: House, from_organisation: Organisation) -> Referral:
    """Send the referral a FHIR Bundle describes (as ``referral_to_fhir`` writes it) on behalf
    of ``actor`` of ``from_organisation`` in ``house``: a new referral, status "sent".

    Refused with a Dutch ValidationError, and nothing written, when the data is no valid FHIR
    R4B Bundle, lacks a Task, ServiceRequest or active Consent, names an organisation or service
    the platform does not know or a service of another house, or when ``referral_send``
    refuses it (consent, partners, contact).
    """
    bundle = _Bundle(_parse(data))
    task = _one(bundle.of_type("Task"), _("De bundel bevat niet precies één Task."))
    request = bundle.resolve(task.focus, task)
    if request is None or request.get_resource_type() != "ServiceRequest":
        request = _one(
            bundle.of_type("ServiceRequest"),
            _("De bundel bevat niet precies één ServiceRequest."),
        )
    consents = bundle.of_type("Consent")
    if not consents:
        raise _refuse(
            _(
                "De bundel bevat geen toestemming (Consent): zonder toestemming geen doorverwijzing."
            ),
            code="consent",
        )
    consent = _one(consents, _("De bundel bevat meer dan één toestemming (Consent)."))

    owner = task.owner
    to_organisation = _find_organisation(_identifiers(owner, bundle.resolve(owner, task)))
    if to_organisation is None:
        raise _refuse(
            _("De ontvangende organisatie (Task.owner) is niet gekend op het platform."),
            code="organisation",
        )
    requester = task.requester or request.requester
    named = _find_organisation(_identifiers(requester, bundle.resolve(requester, task)))
    if named is not None and named.pk != from_organisation.pk:
        raise _refuse(
            _("De verwijzende organisatie in de bundel is niet de organisatie waarvoor je werkt."),
            code="requester",
        )
    service = _service(request, bundle, house)
    domain = None
    slugs = _codes(request.category, DOMAIN_SYSTEM)
    if slugs:
        domain = Domain.objects.filter(slug=slugs[0]).first()
        if domain is None:
            raise _refuse(
                _("Onbekend beleidsdomein “%(slug)s”.") % {"slug": slugs[0]}, code="domain"
            )

    subject = bundle.resolve(request.subject, request)
    if subject is None or subject.get_resource_type() != "Patient":
        raise _refuse(_("De ServiceRequest verwijst niet naar een Patient in de bundel."))
    parents = [
        r for r in bundle.of_type("RelatedPerson") if bundle.resolve(r.patient, r) is subject
    ]
    if parents:
        family, child = _contact(parents[0]), _child(subject)
    else:
        family, child = _contact(subject), None

    with transaction.atomic():
        referral, _token, _code = services.referral_send(
            actor=actor,
            house=house,
            from_organisation=from_organisation,
            to_organisation=to_organisation,
            service=service,
            domain=domain,
            family=family,
            child=child,
            consent=_consent_data(consent),
            contact_preference=_extension_value(request, EXT_CONTACT_PREFERENCE, "valueCode", ""),
            contact_note=_extension_value(request, EXT_CONTACT_NOTE, "valueString", ""),
            reason=next((c.text for c in request.reasonCode or [] if c.text), ""),
        )
    return referral
