"""A referral to and from FHIR R4B: the export validates with the fhir.resources models, says
only what the family's consent allows (the reason only to the receiving side), maps every state;
the import goes through referral_send, so an export imports back to the same referral, and bad
FHIR is refused with a Dutch message while nothing is created."""

import copy
import json
from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.utils import timezone
from fhir.resources.R4B.bundle import Bundle

from huisvanhetkind.families.models import Family
from huisvanhetkind.referrals import fhir, services
from huisvanhetkind.referrals.models import Consent, Referral
from huisvanhetkind.referrals.workflow import Actor, DeclineReason, ReferralStatus
from tests.factories import OrganisationFactory, ServiceFactory
from tests.referrals.helpers import consent_data, send

S = ReferralStatus
C = Consent.DataCategory


def resources(bundle: dict) -> dict[str, list[dict]]:
    found: dict[str, list[dict]] = {}
    for entry in bundle["entry"]:
        found.setdefault(entry["resource"]["resourceType"], []).append(entry["resource"])
    return found


def one(bundle: dict, resource_type: str) -> dict:
    (resource,) = resources(bundle)[resource_type]
    return resource


def extension(resource: dict, name: str):
    for item in resource.get("extension", []):
        if item["url"] == fhir.EXT + name:
            return next(value for key, value in item.items() if key.startswith("value"))
    return None


def counts() -> tuple[int, int, int]:
    return Referral.objects.count(), Consent.objects.count(), Family.objects.count()


# --- Export -------------------------------------------------------------------------------------


def test_the_export_is_a_valid_fhir_r4b_bundle(referral, receiving_organisation, organisation):
    bundle = fhir.referral_to_fhir(referral, for_receiver=True)
    Bundle.model_validate(bundle)  # raises on anything R4B does not allow
    assert bundle["type"] == "collection"
    found = resources(bundle)
    assert {
        "Task",
        "ServiceRequest",
        "Consent",
        "Patient",
        "Organization",
        "HealthcareService",
    } <= set(found)
    task, request, consent = (
        one(bundle, "Task"),
        one(bundle, "ServiceRequest"),
        one(bundle, "Consent"),
    )
    assert task["status"] == "requested" and task["intent"] == "order"
    assert task["businessStatus"]["coding"][0] == {
        "system": fhir.STATUS_SYSTEM,
        "code": "sent",
        "display": "verstuurd",
    }
    urls = {entry["resource"]["resourceType"]: entry["fullUrl"] for entry in bundle["entry"]}
    assert task["focus"]["reference"] == urls["ServiceRequest"]
    assert task["owner"]["identifier"]["value"] == receiving_organisation.hsds_id
    assert task["requester"]["identifier"]["value"] == organisation.hsds_id
    assert task["restriction"]["period"]["end"] == referral.consent.expires_on.isoformat()
    assert task["authoredOn"] and task["lastModified"]
    assert request["intent"] == "order" and request["status"] == "active"
    assert request["category"][0]["coding"][0]["code"] == "gezondheid"
    assert request["performer"][0]["identifier"] == {
        "system": fhir.SERVICE_ID_SYSTEM,
        "value": referral.service.hsds_id,
    }
    assert request["subject"]["reference"] == urls["Patient"]
    assert consent["status"] == "active"
    assert consent["provision"]["period"]["end"] == referral.consent.expires_on.isoformat()
    assert consent["provision"]["actor"][0]["reference"]["identifier"]["value"] == (
        receiving_organisation.hsds_id
    )
    assert {c["coding"][0]["code"] for c in consent["provision"]["code"]} == {"contact", "reason"}
    assert extension(consent, "consent-purpose") == referral.consent.purpose


def test_the_reason_goes_only_to_the_receiving_side(referral):
    receiving = one(fhir.referral_to_fhir(referral, for_receiver=True), "ServiceRequest")
    assert receiving["reasonCode"] == [{"text": referral.reason}]
    referring = fhir.referral_to_fhir(referral)
    assert "reasonCode" not in one(referring, "ServiceRequest")
    assert referral.reason not in str(referring)


def test_the_reason_stays_home_without_consent_to_share_it(
    house, worker, organisation, receiving_organisation, receiving_service
):
    referral, _token, _code = send(
        house,
        worker,
        organisation,
        receiving_organisation,
        receiving_service,
        consent=consent_data(data_categories=[C.CONTACT]),
    )
    bundle = fhir.referral_to_fhir(referral, for_receiver=True)
    assert "reasonCode" not in one(bundle, "ServiceRequest")
    assert referral.reason not in str(bundle)


def test_contact_details_leave_only_with_consent_to_share_them(
    referral, house, worker, organisation, receiving_organisation, receiving_service
):
    patient = one(fhir.referral_to_fhir(referral, for_receiver=True), "Patient")
    assert patient["name"] == [{"text": "Sarah Janssens"}]
    assert {"system": "email", "value": "sarah.janssens@example.be"} in patient["telecom"]
    assert extension(one(fhir.referral_to_fhir(referral), "ServiceRequest"), "contact-note")

    without, _token, _code = send(
        house,
        worker,
        organisation,
        receiving_organisation,
        receiving_service,
        consent=consent_data(data_categories=[C.REASON]),
    )
    bundle = fhir.referral_to_fhir(without, for_receiver=True)
    assert one(bundle, "Patient") == {"resourceType": "Patient"}
    assert "Sarah" not in str(bundle) and "0470" not in str(bundle) and "17 u." not in str(bundle)
    # How the family wants to be contacted is not a contact detail: it always goes along.
    assert extension(one(bundle, "ServiceRequest"), "contact-preference") == "phone"


def test_a_child_goes_along_only_with_consent_for_the_childs_details(
    house, worker, organisation, receiving_organisation, receiving_service
):
    birth = timezone.localdate() - timedelta(days=400)
    with_child, _token, _code = send(
        house,
        worker,
        organisation,
        receiving_organisation,
        receiving_service,
        child={"first_name": "Lotte", "birth_date": birth},
        consent=consent_data(data_categories=[C.CONTACT, C.CHILD]),
    )
    bundle = fhir.referral_to_fhir(with_child)
    patient, parent = one(bundle, "Patient"), one(bundle, "RelatedPerson")
    assert patient["name"] == [{"given": ["Lotte"]}] and patient["birthDate"] == birth.isoformat()
    assert parent["relationship"][0]["coding"][0]["code"] == "PRN"
    assert parent["name"] == [{"text": "Sarah Janssens"}]
    urls = {entry["resource"]["resourceType"]: entry["fullUrl"] for entry in bundle["entry"]}
    assert parent["patient"]["reference"] == urls["Patient"]
    assert one(bundle, "Consent")["performer"] == [{"reference": urls["RelatedPerson"]}]

    without, _token, _code = send(
        house,
        worker,
        organisation,
        receiving_organisation,
        receiving_service,
        child={"first_name": "Lotte", "birth_date": birth},
        consent=consent_data(data_categories=[C.CONTACT]),
    )
    bundle = fhir.referral_to_fhir(without)
    assert "RelatedPerson" not in resources(bundle)
    assert "Lotte" not in str(bundle) and birth.isoformat() not in str(bundle)


def test_an_expected_child_has_its_due_date(
    house, worker, organisation, receiving_organisation, receiving_service
):
    due = timezone.localdate() + timedelta(days=60)
    referral, _token, _code = send(
        house,
        worker,
        organisation,
        receiving_organisation,
        receiving_service,
        child={"due_date": due},
        consent=consent_data(data_categories=[C.CONTACT, C.CHILD]),
    )
    patient = one(fhir.referral_to_fhir(referral), "Patient")
    assert extension(patient, "due-date") == due.isoformat() and "birthDate" not in patient


@pytest.mark.parametrize("status", [s for s in ReferralStatus if s != S.CLOSED])
def test_every_state_maps_to_a_task_status(referral, status):
    referral.status = status  # in memory only: the mapping, not the workflow, is under test
    bundle = fhir.referral_to_fhir(referral)
    Bundle.model_validate(bundle)
    task = one(bundle, "Task")
    assert task["status"] == fhir.TASK_STATUS[status]
    assert task["businessStatus"]["coding"][0]["code"] == status
    assert one(bundle, "ServiceRequest")["status"] == fhir.REQUEST_STATUS.get(
        fhir.TASK_STATUS[status], "active"
    )


def test_a_declined_referral_says_why(referral, receiver):
    services.referral_transition(
        referral=referral,
        to=S.DECLINED,
        actor_kind=Actor.RECEIVER,
        actor=receiver,
        decline_reason=DeclineReason.NO_CAPACITY,
        decline_note="Onze kalender zit vol tot juni.",
    )
    referral.refresh_from_db()
    task = one(fhir.referral_to_fhir(referral), "Task")
    assert task["status"] == "rejected"
    assert task["statusReason"]["coding"][0] == {
        "system": fhir.DECLINE_SYSTEM,
        "code": "no_capacity",
        "display": "geen plaats of capaciteit",
    }
    assert task["statusReason"]["text"] == "Onze kalender zit vol tot juni."
    assert one(fhir.referral_to_fhir(referral), "ServiceRequest")["status"] == "revoked"


@pytest.mark.parametrize(
    ("outcome", "task_status"),
    [("got_help", "completed"), ("not_interested", "cancelled"), ("not_reached", "failed")],
)
def test_a_closed_referral_carries_its_outcome(referral, receiver, outcome, task_status):
    path = ["accepted", outcome] if outcome == "not_reached" else ["accepted", "contacted", outcome]
    for to in [*path, "closed"]:
        referral = services.referral_transition(
            referral=referral, to=to, actor_kind=Actor.RECEIVER, actor=receiver
        )
    referral.refresh_from_db()
    task = one(fhir.referral_to_fhir(referral), "Task")
    assert task["status"] == task_status
    assert task["output"][0]["valueCodeableConcept"]["coding"][0]["code"] == outcome
    assert task["executionPeriod"]["start"] and task["executionPeriod"]["end"]


def test_a_withdrawn_consent_exports_without_the_familys_data(referral):
    services.referral_consent_withdraw(referral=referral)
    referral.refresh_from_db()
    bundle = fhir.referral_to_fhir(referral, for_receiver=True)
    Bundle.model_validate(bundle)
    assert one(bundle, "Consent")["status"] == "inactive"
    assert one(bundle, "Task")["status"] == "cancelled"
    assert "Sarah" not in str(bundle) and referral.consent.purpose in str(bundle)


def test_the_task_on_its_own_holds_no_personal_data(referral):
    task = fhir.referral_to_fhir_task(referral)
    assert "for" not in task and "focus" not in task
    assert "reference" not in task["owner"] and task["owner"]["identifier"]
    assert "Sarah" not in str(task) and referral.reason not in str(task)


# --- Import -------------------------------------------------------------------------------------


IGNORED = {
    "fullUrl",
    "reference",
    "identifier",
    "timestamp",
    "authoredOn",
    "lastModified",
    "dateTime",
    "start",
}


def comparable(data):
    """A bundle without what differs between two referrals by nature: ids, links and times."""
    if isinstance(data, dict):
        return {k: comparable(v) for k, v in data.items() if k not in IGNORED}
    if isinstance(data, list):
        return [comparable(item) for item in data]
    return data


def test_an_exported_referral_imports_back_as_the_same_referral(
    house, worker, organisation, receiving_organisation, receiving_service
):
    birth = timezone.localdate() - timedelta(days=800)
    original, _token, _code = send(
        house,
        worker,
        organisation,
        receiving_organisation,
        receiving_service,
        child={"first_name": "Lotte", "birth_date": birth},
        consent=consent_data(data_categories=[C.CONTACT, C.CHILD, C.REASON]),
    )
    exported = fhir.referral_to_fhir(original, for_receiver=True)
    imported = fhir.referral_from_fhir(
        exported, actor=worker, house=house, from_organisation=organisation
    )
    assert imported.pk != original.pk and imported.status == S.SENT
    for field in (
        "house",
        "from_organisation",
        "to_organisation",
        "service",
        "domain",
        "family",
        "contact_preference",
        "contact_note",
        "reason",
        "language",
    ):
        assert getattr(imported, field) == getattr(original, field), field
    assert (imported.child.first_name, imported.child.birth_date) == ("Lotte", birth)
    for field in ("given_by", "obtained_via", "purpose", "data_categories", "expires_on"):
        assert getattr(imported.consent, field) == getattr(original.consent, field), field
    again = fhir.referral_to_fhir(imported, for_receiver=True)
    assert comparable(again) == comparable(exported)


def test_a_referral_to_an_organisation_without_service_round_trips(
    house, worker, organisation, receiving_organisation
):
    original, _token, _code = send(house, worker, organisation, receiving_organisation)
    exported = fhir.referral_to_fhir(original, for_receiver=True)
    assert "HealthcareService" not in resources(exported)
    imported = fhir.referral_from_fhir(
        exported, actor=worker, house=house, from_organisation=organisation
    )
    assert imported.service is None and imported.to_organisation == receiving_organisation
    assert comparable(fhir.referral_to_fhir(imported, for_receiver=True)) == comparable(exported)


def _refused(bundle, *, actor, house, from_organisation, message):
    before = counts()
    with pytest.raises(ValidationError) as refused:
        fhir.referral_from_fhir(
            bundle, actor=actor, house=house, from_organisation=from_organisation
        )
    assert message in " ".join(refused.value.messages), refused.value.messages
    assert counts() == before


def _without(bundle, resource_type):
    bundle = copy.deepcopy(bundle)
    bundle["entry"] = [e for e in bundle["entry"] if e["resource"]["resourceType"] != resource_type]
    return bundle


def test_bad_fhir_is_refused_in_dutch_and_creates_nothing(referral, worker, house, organisation):
    good = fhir.referral_to_fhir(referral, for_receiver=True)
    refuse = {"actor": worker, "house": house, "from_organisation": organisation}

    _refused("niet eens json", **refuse, message="Dit is geen FHIR-bundel")
    _refused({"resourceType": "Patient"}, **refuse, message="Dit is geen FHIR-bundel")

    invalid = copy.deepcopy(good)
    one(invalid, "Task")["hobby"] = "zwemmen"
    _refused(invalid, **refuse, message="is geen veld van FHIR R4B")
    invalid = copy.deepcopy(good)
    del one(invalid, "Consent")["scope"]
    _refused(
        invalid,
        **refuse,
        message="De FHIR-bundel is ongeldig (FHIR R4B): entry.2.resource.scope ontbreekt",
    )
    invalid = copy.deepcopy(good)
    one(invalid, "Task")["authoredOn"] = "gisteren"
    _refused(invalid, **refuse, message="heeft een ongeldige waarde")

    _refused(_without(good, "Consent"), **refuse, message="De bundel bevat geen toestemming")
    _refused(_without(good, "Task"), **refuse, message="niet precies één Task")
    inactive = copy.deepcopy(good)
    one(inactive, "Consent")["status"] = "inactive"
    _refused(inactive, **refuse, message="De toestemming in de bundel is niet actief")
    expired = copy.deepcopy(good)
    one(expired, "Consent")["provision"]["period"]["end"] = "2020-01-01"
    _refused(expired, **refuse, message="Een toestemming loopt tot een datum in de toekomst.")

    # Positive control: the same bundle, untouched, imports.
    before = counts()
    fhir.referral_from_fhir(good, **refuse)
    assert counts()[0] == before[0] + 1


def test_an_unknown_organisation_or_service_is_refused(referral, worker, house, organisation):
    good = fhir.referral_to_fhir(referral, for_receiver=True)
    refuse = {"actor": worker, "house": house, "from_organisation": organisation}

    unknown_owner = copy.deepcopy(good)
    one(unknown_owner, "Task")["owner"] = {
        "identifier": {"system": fhir.ORGANISATION_ID_SYSTEM, "value": "bestaat-niet"}
    }
    _refused(
        unknown_owner, **refuse, message="De ontvangende organisatie (Task.owner) is niet gekend"
    )

    unknown_service = copy.deepcopy(good)
    for resource in resources(unknown_service)["HealthcareService"]:
        resource["identifier"][0]["value"] = "bestaat-niet"
    one(unknown_service, "ServiceRequest")["performer"][0]["identifier"]["value"] = "bestaat-niet"
    _refused(unknown_service, **refuse, message="Het gevraagde aanbod is niet gekend")

    unknown_domain = copy.deepcopy(good)
    one(unknown_domain, "ServiceRequest")["category"][0]["coding"][0]["code"] = "ruimtevaart"
    _refused(unknown_domain, **refuse, message="Onbekend beleidsdomein “ruimtevaart”")

    other_sender = copy.deepcopy(good)
    one(other_sender, "Task")["requester"] = {
        "identifier": {
            "system": fhir.ORGANISATION_ID_SYSTEM,
            "value": referral.to_organisation.hsds_id,
        }
    }
    _refused(other_sender, **refuse, message="niet de organisatie waarvoor je werkt")


def test_a_service_of_another_house_is_refused(referral, worker, house, organisation, other_house):
    elsewhere = OrganisationFactory(name="Kinderopvang Brecht", houses=[other_house], domains=[])
    service = ServiceFactory(organisation=elsewhere, name="Opvang in Brecht", domains=[])
    bundle = fhir.referral_to_fhir(referral, for_receiver=True)
    for resource in resources(bundle)["HealthcareService"]:
        resource["identifier"][0]["value"] = service.hsds_id
    one(bundle, "ServiceRequest")["performer"][0]["identifier"]["value"] = service.hsds_id
    _refused(
        bundle,
        actor=worker,
        house=house,
        from_organisation=organisation,
        message="hoort niet bij een partner van Huis van het Kind Kalmthout",
    )


def test_an_outsider_cannot_import_on_behalf_of_the_referring_partner(
    referral, worker, third_party, house, organisation, other_coordinator
):
    bundle = fhir.referral_to_fhir(referral, for_receiver=True)
    for outsider in (third_party, other_coordinator):
        _refused(
            bundle,
            actor=outsider,
            house=house,
            from_organisation=organisation,
            message="Je werkt niet voor de partner die doorverwijst.",
        )
    fhir.referral_from_fhir(bundle, actor=worker, house=house, from_organisation=organisation)


def test_a_bundle_from_another_system_imports_by_kbo_number_and_plain_fhir(
    worker, house, organisation, receiving_organisation
):
    receiving_organisation.enterprise_number = "0403170701"
    receiving_organisation.save(update_fields=["enterprise_number"])
    expires = (timezone.localdate() + timedelta(days=30)).isoformat()
    bundle = {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [
            {
                "fullUrl": "Task/1",
                "resource": {
                    "resourceType": "Task",
                    "id": "1",
                    "status": "requested",
                    "intent": "order",
                    "focus": {"reference": "ServiceRequest/2"},
                    "owner": {"identifier": {"system": fhir.KBO_SYSTEM, "value": "0403.170.701"}},
                },
            },
            {
                "fullUrl": "ServiceRequest/2",
                "resource": {
                    "resourceType": "ServiceRequest",
                    "id": "2",
                    "status": "active",
                    "intent": "order",
                    "subject": {"reference": "Patient/3"},
                    "reasonCode": [{"text": "Hulp bij de opvoeding."}],
                    "extension": [{"url": fhir.EXT_CONTACT_PREFERENCE, "valueCode": "email"}],
                },
            },
            {
                "fullUrl": "Patient/3",
                "resource": {
                    "resourceType": "Patient",
                    "id": "3",
                    "name": [{"given": ["Ahmed"], "family": "El Amrani"}],
                    "telecom": [{"system": "email", "value": "ahmed@example.be"}],
                    "communication": [{"language": {"coding": [{"code": "fr-BE"}]}}],
                },
            },
            {
                "resource": {
                    "resourceType": "Consent",
                    "status": "active",
                    "scope": {"coding": [{"code": "patient-privacy"}]},
                    "category": [{"coding": [{"system": "http://loinc.org", "code": "59284-0"}]}],
                    "extension": [
                        {"url": fhir.EXT_OBTAINED_VIA, "valueCode": "phone"},
                        {"url": fhir.EXT_PURPOSE, "valueString": "Opvoedingsondersteuning"},
                    ],
                    "provision": {
                        "period": {"end": expires},
                        "code": [
                            {"coding": [{"system": fhir.DATA_CATEGORY_SYSTEM, "code": "contact"}]}
                        ],
                    },
                }
            },
        ],
    }
    referral = fhir.referral_from_fhir(
        bundle, actor=worker, house=house, from_organisation=organisation
    )
    assert referral.to_organisation == receiving_organisation
    assert referral.family.name == "Ahmed El Amrani" and referral.family.language == "fr"
    assert referral.contact_preference == "email" and referral.reason == "Hulp bij de opvoeding."
    assert referral.consent.expires_on == date.fromisoformat(expires)
    assert referral.consent.data_categories == ["contact"]


def test_the_import_command_sends_a_bundle_and_refuses_a_bad_one(
    referral, worker, house, organisation, tmp_path
):
    good = tmp_path / "verwijzing.json"
    good.write_text(json.dumps(fhir.referral_to_fhir(referral, for_receiver=True)))
    arguments = [
        "--house",
        house.slug,
        "--organisation",
        organisation.hsds_id,
        "--user",
        worker.email,
    ]
    before = Referral.objects.count()
    output = StringIO()
    call_command("import-referral-fhir", str(good), *arguments, stdout=output)
    assert Referral.objects.count() == before + 1
    assert "verstuurd naar Kraamzorg Landelijke Thuiszorg" in output.getvalue()

    bad = tmp_path / "kapot.json"
    bad.write_text("{niet af")
    with pytest.raises(CommandError, match="geen geldige JSON"):
        call_command("import-referral-fhir", str(bad), *arguments)
    without_consent = tmp_path / "zonder-toestemming.json"
    without_consent.write_text(json.dumps(_without(json.loads(good.read_text()), "Consent")))
    with pytest.raises(CommandError, match="geen toestemming"):
        call_command("import-referral-fhir", str(without_consent), *arguments)
    with pytest.raises(CommandError, match="geen organisatie"):
        call_command(
            "import-referral-fhir",
            str(good),
            "--house",
            house.slug,
            "--organisation",
            "x",
            "--user",
            worker.email,
        )
    assert Referral.objects.count() == before + 1
