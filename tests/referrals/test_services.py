"""Sending a referral: what it writes, encrypts, audits and e-mails; and every bad input
refused with a clear Dutch message and nothing written (no consent, no family, no referral)."""

from datetime import timedelta

import pytest
from django.contrib.admin.sites import site
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import RequestFactory
from django.utils import timezone

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.families.models import Child, Family
from huisvanhetkind.network.models import Partnership, Role
from huisvanhetkind.referrals.codes import short_code_digest, token_digest
from huisvanhetkind.referrals.models import Consent, Referral, ReferralEvent, ReferralPolicy
from huisvanhetkind.referrals.workflow import ReferralStatus
from tests.factories import OrganisationFactory, RoleFactory, ServiceFactory, UserFactory
from tests.referrals.helpers import consent_data, send

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
REASON = "Mama voelt zich erg moe na de bevalling en wil hulp thuis."


def years_ago(years: int, days: int = 0):
    return TODAY - timedelta(days=round(years * 365.25) + days)


def counts() -> dict:
    return {
        model.__name__: model.objects.count()
        for model in (Referral, Consent, Family, Child, ReferralEvent, AuditEvent)
    }


# --- What a referral writes ---------------------------------------------------------------------


def test_a_referral_is_sent_with_its_own_consent_history_and_trail(
    sent_referral, worker, organisation, receiving_organisation, receiving_service, house
):
    referral, token, code = sent_referral
    assert referral.status == ReferralStatus.SENT
    assert (referral.from_organisation, referral.to_organisation) == (
        organisation,
        receiving_organisation,
    )
    assert referral.referrer == worker and referral.service == receiving_service
    assert referral.domain.slug == "gezondheid"  # from the service
    assert referral.family.name == "Sarah Janssens" and referral.language == "nl"
    assert referral.reason == REASON and referral.contact_note == "Liefst na 17 u."

    consent = referral.consent
    assert (consent.family, consent.recipient, consent.requested_by) == (
        referral.family,
        receiving_organisation,
        organisation,
    )
    assert consent.purpose == "Kraamzorg aan huis na de geboorte"
    assert consent.data_categories == ["contact", "reason"]
    assert consent.recorded_by == worker and consent.withdrawn_at is None

    [event] = referral.events.all()
    assert (event.from_status, event.to_status, event.actor_kind) == ("", "sent", "referrer")
    assert (event.actor, event.organisation) == (worker, organisation)

    audit = AuditEvent.objects.get(target_type="referrals.referral", action="create")
    assert audit.changes == {"status": [None, "sent"]}
    assert (audit.actor, audit.house, audit.organisation) == (worker, house, organisation)
    consent_audit = AuditEvent.objects.get(target_type="referrals.consent", action="create")
    assert consent_audit.changes == {
        "recipient": [None, receiving_organisation.pk],
        "expires_on": [None, str(consent.expires_on)],
    }
    # Nothing of the family in the trail.
    trail = " ".join(str(e.changes) + e.target_label + e.reason for e in AuditEvent.objects.all())
    assert "Janssens" not in trail and "bevalling" not in trail

    # The family's link and code are kept only as digests.
    assert referral.token_hash == token_digest(token) and token not in referral.token_hash
    assert referral.short_code_hash == short_code_digest(code)


def test_what_the_family_shared_is_encrypted_at_rest(referral):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reason, contact_note FROM referrals_referral WHERE id = %s", [referral.pk]
        )
        reason, note = cursor.fetchone()
    assert "bevalling" not in reason and "17 u" not in note
    assert Referral.objects.get(pk=referral.pk).reason == REASON  # positive control


def test_the_deadline_follows_the_houses_response_days(
    house, worker, organisation, receiving_organisation
):
    ReferralPolicy.objects.create(house=house, response_days=10)
    referral, _t, _c = send(house, worker, organisation, receiving_organisation)
    assert referral.due_on > TODAY + timedelta(days=10)  # ten working days: two weekends
    assert referral.service is None and referral.domain is None


def test_the_receiving_partner_and_the_family_are_mailed_without_the_familys_data_to_the_partner(
    house,
    worker,
    organisation,
    receiving_organisation,
    receiving_service,
    receiver,
    on_commit,
    mailoutbox,
    third_party,
):
    with on_commit():
        referral, token, _code = send(
            house, worker, organisation, receiving_organisation, receiving_service
        )
    to_partner, to_family = mailoutbox
    assert to_partner.to == [receiver.email]  # not the third partner
    assert to_partner.subject == f"Nieuwe doorverwijzing #{referral.pk} (Kraamzorg aan huis)"
    assert f"http://127.0.0.1:8000/beheer/doorverwijzingen/{referral.pk}/" in to_partner.body
    for private in ("Sarah", "Janssens", "sarah.janssens", "0470", "bevalling", "17 u"):
        assert private not in to_partner.subject + to_partner.body, private

    assert to_family.to == ["sarah.janssens@example.be"]
    assert to_family.subject == "Je doorverwijzing naar Kraamzorg Landelijke Thuiszorg"
    assert f"/kalmthout/doorverwijzing/{token}/" in to_family.body
    assert "- contactgegevens\n- de reden van de doorverwijzing" in to_family.body
    assert "toestemming intrekken" in to_family.body
    assert "bevalling" not in to_family.body  # the reason is for the receiving partner only


def test_without_an_e_mail_address_the_family_gets_no_mail_and_quietly_none_at_all(
    house, worker, organisation, receiving_organisation, receiver, on_commit, mailoutbox
):
    family = {"name": "Ahmed", "phone": "0470 99 88 77", "language": "fr"}
    with on_commit():
        referral, _t, _c = send(house, worker, organisation, receiving_organisation, family=family)
    assert [m.to for m in mailoutbox] == [[receiver.email]]
    assert referral.language == "fr"
    with on_commit():
        send(house, worker, organisation, receiving_organisation, notify=False)
    assert len(mailoutbox) == 1


def test_a_young_person_of_12_consents_for_themselves_and_a_parent_for_a_younger_child(
    house, worker, organisation, receiving_organisation
):
    young, _t, _c = send(
        house,
        worker,
        organisation,
        receiving_organisation,
        child={"first_name": "Lina", "birth_date": years_ago(12)},
        consent=consent_data(given_by="young_person", obtained_via="young_person"),
    )
    assert young.consent.given_by == Consent.GivenBy.YOUNG_PERSON
    assert young.child.first_name == "Lina"
    child, _t, _c = send(
        house,
        worker,
        organisation,
        receiving_organisation,
        child={"first_name": "Noor", "birth_date": years_ago(11, days=300)},
    )
    assert child.consent.given_by == Consent.GivenBy.PARENT


def test_a_reason_of_500_characters_is_accepted(
    house, worker, organisation, receiving_organisation
):
    referral, _t, _c = send(house, worker, organisation, receiving_organisation, reason="x" * 500)
    assert len(referral.reason) == 500


# --- Bad input: refused in Dutch, nothing written --------------------------------------------


def _without(field):
    data = consent_data()
    del data[field]
    return {"consent": data}


@pytest.fixture
def elsewhere(other_house):
    """A partner of the other house only, with a service, and a worker of it."""
    organisation = OrganisationFactory(name="Gezinsbond Brecht", houses=[other_house], domains=[])
    worker = UserFactory(email="medewerker@gezinsbond.example.be")
    RoleFactory(user=worker, kind=Role.Kind.ORGANISATION_WORKER, organisation=organisation)
    return organisation, ServiceFactory(organisation=organisation), worker


BAD = {
    "no purpose": (lambda c: _without("purpose"), "Zeg waarvoor het gezin toestemming geeft."),
    "blank purpose": (
        lambda c: {"consent": consent_data(purpose="   ")},
        "Zeg waarvoor het gezin toestemming geeft.",
    ),
    "no data": (lambda c: _without("data_categories"), "Kies welke gegevens het gezin laat delen."),
    "unknown data": (
        lambda c: {"consent": consent_data(data_categories=["bankrekening"])},
        "Kies welke gegevens het gezin laat delen.",
    ),
    "no way obtained": (
        lambda c: _without("obtained_via"),
        "Kies hoe de toestemming gegeven werd.",
    ),
    "no one consenting": (lambda c: _without("given_by"), "Kies wie de toestemming geeft."),
    "no end date": (
        lambda c: _without("expires_on"),
        "Een toestemming loopt tot een datum in de toekomst.",
    ),
    "no consent at all": (lambda c: {"consent": {}}, "Zeg waarvoor het gezin toestemming geeft."),
    "end date in the past": (
        lambda c: {"consent": consent_data(expires_on=TODAY - timedelta(days=1))},
        "Een toestemming loopt tot een datum in de toekomst.",
    ),
    "end date more than a year ahead": (
        lambda c: {"consent": consent_data(expires_on=TODAY + timedelta(days=367))},
        "Een toestemming loopt hoogstens een jaar.",
    ),
    "a parent consenting for a young person of 12": (
        lambda c: {"child": {"first_name": "Lina", "birth_date": years_ago(13)}},
        "Een jongere van 12 jaar of ouder geeft zelf toestemming, niet de ouder.",
    ),
    "a child under 12 consenting": (
        lambda c: {
            "child": {"first_name": "Noor", "birth_date": years_ago(10)},
            "consent": consent_data(given_by="young_person"),
        },
        "Alleen een jongere van 12 jaar of ouder geeft zelf toestemming",
    ),
    "a young person without a birth date": (
        lambda c: {"consent": consent_data(given_by="young_person")},
        "Alleen een jongere van 12 jaar of ouder geeft zelf toestemming",
    ),
    "a service of another partner": (
        lambda c: {"service": ServiceFactory(organisation=c["third_organisation"])},
        "Dit aanbod hoort niet bij de gekozen partner of is niet gepubliceerd.",
    ),
    "an unpublished service": (
        lambda c: {
            "service": ServiceFactory(organisation=c["receiving_organisation"], status="draft")
        },
        "Dit aanbod hoort niet bij de gekozen partner of is niet gepubliceerd.",
    ),
    "a service of another house": (
        lambda c: {"to_organisation": c["elsewhere"][0], "service": c["elsewhere"][1]},
        "Je kan alleen doorverwijzen tussen partners van hetzelfde Huis van het Kind.",
    ),
    "from a partner of another house": (
        lambda c: {"actor": c["elsewhere"][2], "from_organisation": c["elsewhere"][0]},
        "Je kan alleen doorverwijzen tussen partners van hetzelfde Huis van het Kind.",
    ),
    "to the own organisation": (
        lambda c: {"to_organisation": c["organisation"], "service": None},
        "Verwijs door naar een andere partner dan je eigen organisatie.",
    ),
    "on behalf of an organisation one does not work for": (
        lambda c: {"actor": c["third_party"]},
        "Je werkt niet voor de partner die doorverwijst.",
    ),
    "a reason of 501 characters": (
        lambda c: {"reason": "x" * 501},
        "Schrijf de reden in hoogstens 500 tekens.",
    ),
    "no way of contact": (
        lambda c: {"contact_preference": "duif"},
        "Kies hoe het gezin liefst gecontacteerd wordt.",
    ),
    "a family without e-mail address or phone": (
        lambda c: {"family": {"name": "Sarah Janssens", "language": "nl"}},
        "Geef een e-mailadres of een telefoonnummer.",
    ),
    "a child born in the future (after the family was found)": (
        lambda c: {"child": {"first_name": "Lina", "birth_date": TODAY + timedelta(days=3)}},
        "Een geboortedatum ligt niet in de toekomst.",
    ),
}


@pytest.mark.parametrize("case", list(BAD))
def test_bad_input_is_refused_in_dutch_and_nothing_is_written(
    case,
    house,
    worker,
    organisation,
    receiving_organisation,
    receiving_service,
    receiver,
    third_organisation,
    third_party,
    elsewhere,
    on_commit,
    mailoutbox,
):
    context = locals()
    make_overrides, message = BAD[case]
    overrides = make_overrides(context)
    sides = {
        "from_organisation": organisation,
        "to_organisation": receiving_organisation,
        "service": receiving_service,
    }
    sides.update({key: overrides.pop(key) for key in list(overrides) if key in sides})
    before = counts()
    with on_commit(), pytest.raises(ValidationError) as refused:
        send(house, worker, **sides, **overrides)
    assert any(message in text for text in refused.value.messages), refused.value.messages
    assert counts() == before
    assert mailoutbox == []
    # Positive control: the same referral without the fault is sent.
    send(house, worker, organisation, receiving_organisation, receiving_service)
    assert Referral.objects.count() == before["Referral"] + 1


def test_an_ended_partnership_refuses_a_referral(
    house, worker, organisation, receiving_organisation, receiving_service
):
    Partnership.objects.filter(house=house, organisation=receiving_organisation).update(
        status=Partnership.Status.ENDED
    )
    with pytest.raises(ValidationError, match="partners van hetzelfde Huis van het Kind"):
        send(house, worker, organisation, receiving_organisation, receiving_service)
    assert not Referral.objects.exists()


# --- The admin ----------------------------------------------------------------------------------


def test_the_admin_writes_the_houses_rules_through_the_service(house):
    admin_user = UserFactory(is_staff=True, is_superuser=True)
    request = RequestFactory().post("/")
    request.user = admin_user
    model_admin = site._registry[ReferralPolicy]
    policy = ReferralPolicy(house=house, response_days=7)

    model_admin.save_model(request, policy, form=None, change=False)

    assert policy.pk == ReferralPolicy.objects.get(house=house).pk
    created = AuditEvent.objects.get(target_type="referrals.referralpolicy", action="create")
    assert created.changes == {"response_days": [None, 7]} and created.actor == admin_user
    policy.response_days = 3
    model_admin.save_model(request, policy, form=None, change=True)
    updated = AuditEvent.objects.get(target_type="referrals.referralpolicy", action="update")
    assert updated.changes == {"response_days": [7, 3]}
    assert not model_admin.has_delete_permission(request, policy)
    # Referrals and consents (what families shared) are not in the admin.
    assert Referral not in site._registry and Consent not in site._registry
