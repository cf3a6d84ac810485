"""The referrals API: an organisation's admin makes a read-only key (after the second factor),
and the organisation's systems read the referrals it received with it, as FHIR R4B; every use is
in the audit trail, a revoked, tampered or missing key gets 401, another organisation's key 404.
"""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from fhir.resources.R4B.bundle import Bundle

from huisvanhetkind.api import services as api_services
from huisvanhetkind.api.models import ApiToken
from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.core.tokens import token_digest
from huisvanhetkind.network.models import Role
from huisvanhetkind.referrals import services
from huisvanhetkind.referrals.fhir import ORGANISATION_ID_SYSTEM, REFERRAL_ID_SYSTEM
from huisvanhetkind.referrals.workflow import Actor
from tests.conftest import logged_in, with_second_factor
from tests.factories import RoleFactory, UserFactory
from tests.referrals.helpers import send

LIST = "/api/referrals/"
NO_KEY = "Geef een geldige API-sleutel"


def detail_url(referral) -> str:
    return f"/api/referrals/{referral.pk}"


def bearer(key: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


# The referral fixtures (``receiver``, ``referral``, ``third_organisation``...) are in
# tests/conftest.py.


@pytest.fixture
def receiving_admin(receiving_organisation):
    user = with_second_factor(UserFactory(email="beheer@kraamzorg.example.be"))
    RoleFactory(user=user, kind=Role.Kind.ORGANISATION_ADMIN, organisation=receiving_organisation)
    return user


@pytest.fixture
def third_admin(third_organisation):
    user = with_second_factor(UserFactory(email="beheer@sportdienst.example.be"))
    RoleFactory(user=user, kind=Role.Kind.ORGANISATION_ADMIN, organisation=third_organisation)
    return user


@pytest.fixture
def key(receiving_admin, receiving_organisation):
    """The receiving organisation's key: (ApiToken, the key itself)."""
    return api_services.api_token_create(
        actor=receiving_admin, organisation=receiving_organisation, name="Dossiersysteem"
    )


@pytest.fixture
def third_key(third_admin, third_organisation):
    return api_services.api_token_create(
        actor=third_admin, organisation=third_organisation, name="Ledenbeheer"
    )


# --- Reading with a key -------------------------------------------------------------------------


def test_the_receiving_organisation_reads_its_referral_as_fhir(
    referral, key, receiving_organisation
):
    client = Client()
    response = client.get(LIST, **bearer(key[1]))
    assert response.status_code == 200, response.content
    page = response.json()
    Bundle.model_validate(page)
    assert page["type"] == "searchset" and page["total"] == 1
    task = page["entry"][0]["resource"]
    assert task["resourceType"] == "Task"
    assert task["identifier"][0] == {"system": REFERRAL_ID_SYSTEM, "value": str(referral.pk)}
    assert task["owner"]["identifier"] == {
        "system": ORGANISATION_ID_SYSTEM,
        "value": receiving_organisation.hsds_id,
    }
    # The list holds no personal data: no subject, no reason.
    assert "Sarah" not in response.content.decode() and "for" not in task
    assert page["entry"][0]["fullUrl"].endswith(detail_url(referral))

    response = client.get(detail_url(referral), **bearer(key[1]))
    assert response.status_code == 200, response.content
    bundle = response.json()
    Bundle.model_validate(bundle)
    types = [entry["resource"]["resourceType"] for entry in bundle["entry"]]
    assert {"Task", "ServiceRequest", "Consent", "Patient"} <= set(types)
    request = next(
        e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "ServiceRequest"
    )
    assert request["reasonCode"][0]["text"] == referral.reason


def test_without_a_valid_key_the_api_answers_401_in_dutch(referral, key, receiving_admin):
    client = Client()
    assert client.get(LIST, **bearer(key[1])).status_code == 200  # positive control
    tampered = key[1][:-1] + ("A" if key[1][-1] != "A" else "B")
    for headers in (
        {},
        bearer(""),
        bearer("hvhk_onbekend"),
        bearer(tampered),
        {"HTTP_AUTHORIZATION": f"Token {key[1]}"},
        bearer("x" * 5000),
    ):
        for url in (LIST, detail_url(referral)):
            response = client.get(url, **headers)
            assert response.status_code == 401, (headers, url)
            assert NO_KEY in response.json()["detail"]
            assert response["WWW-Authenticate"].startswith("Bearer")

    api_services.api_token_revoke(actor=receiving_admin, token=key[0])
    response = client.get(detail_url(referral), **bearer(key[1]))
    assert response.status_code == 401
    assert NO_KEY in response.json()["detail"]


def test_another_organisations_key_does_not_find_the_referral(referral, key, third_key):
    client = Client()
    assert client.get(detail_url(referral), **bearer(key[1])).status_code == 200
    response = client.get(detail_url(referral), **bearer(third_key[1]))
    assert response.status_code == 404
    assert "ontving geen doorverwijzing" in response.json()["detail"]
    assert client.get(LIST, **bearer(third_key[1])).json()["total"] == 0
    assert client.get(LIST, **bearer(key[1])).json()["total"] == 1
    assert client.get("/api/referrals/99999999", **bearer(key[1])).status_code == 404
    assert client.get(f"/api/referrals/{2**70}", **bearer(key[1])).status_code == 404


def test_only_the_referrals_the_organisation_received_are_listed(
    referral,
    key,
    house,
    worker,
    receiver,
    organisation,
    receiving_organisation,
    third_organisation,
):
    # Sent by the receiving organisation itself, and sent to a third partner: not its to read.
    send(house, receiver, receiving_organisation, organisation)
    to_third, _token, _code = send(house, worker, organisation, third_organisation)
    page = Client().get(LIST, **bearer(key[1])).json()
    assert [e["resource"]["identifier"][0]["value"] for e in page["entry"]] == [str(referral.pk)]
    assert Client().get(detail_url(to_third), **bearer(key[1])).status_code == 404


def test_every_use_of_a_key_is_in_the_audit_trail(referral, key, receiving_organisation, house):
    token, secret = key
    before = AuditEvent.objects.filter(action=AuditEvent.Action.READ).count()
    Client().get(LIST, **bearer(secret))
    Client().get(detail_url(referral), **bearer(secret))
    reads = AuditEvent.objects.filter(action=AuditEvent.Action.READ).order_by("id")
    assert reads.count() == before + 2
    listed, read = list(reads)[-2:]
    for event in (listed, read):
        assert event.actor is None
        assert event.organisation == receiving_organisation
        assert event.reason == "API-sleutel Dossiersysteem"
        assert event.house == house
    assert (listed.target_type, listed.target_id) == ("api.apitoken", str(token.pk))
    assert (read.target_type, read.target_id) == ("referrals.referral", str(referral.pk))
    token.refresh_from_db()
    assert token.last_used_at is not None
    # A refused key reads nothing and leaves nothing in the trail.
    Client().get(detail_url(referral), **bearer("hvhk_onbekend"))
    assert AuditEvent.objects.filter(action=AuditEvent.Action.READ).count() == before + 2


def test_the_list_pages_and_refuses_a_bad_page(
    referral, key, house, worker, organisation, receiving_organisation
):
    second, _token, _code = send(house, worker, organisation, receiving_organisation)
    client = Client()
    page = client.get(LIST, {"per_page": 1}, **bearer(key[1])).json()
    assert page["total"] == 2 and len(page["entry"]) == 1
    links = {link["relation"]: link["url"] for link in page["link"]}
    assert "page=2" in links["next"] and "previous" not in links
    assert page["entry"][0]["resource"]["identifier"][0]["value"] == str(second.pk)  # newest
    page = client.get(LIST, {"per_page": 1, "page": 2}, **bearer(key[1])).json()
    assert page["entry"][0]["resource"]["identifier"][0]["value"] == str(referral.pk)
    response = client.get(LIST, {"page": "0"}, **bearer(key[1]))
    assert response.status_code == 400
    assert "page" in response.json()["detail"]


def test_the_list_reads_a_constant_number_of_queries(
    referral, key, house, worker, organisation, receiving_organisation, receiver
):
    client = Client()
    with CaptureQueriesContext(connection) as few:
        assert client.get(LIST, **bearer(key[1])).status_code == 200
    for _ in range(3):
        extra, _token, _code = send(house, worker, organisation, receiving_organisation)
    for to in ("accepted", "contacted", "got_help", "closed"):
        extra = services.referral_transition(
            referral=extra, to=to, actor_kind=Actor.RECEIVER, actor=receiver
        )
    with CaptureQueriesContext(connection) as many:
        page = client.get(LIST, **bearer(key[1])).json()
    assert page["total"] == 4
    assert len(many) == len(few)


# --- The page of the keys -----------------------------------------------------------------------


def keys_url(organisation) -> str:
    return reverse("api_tokens:list", kwargs={"pk": organisation.pk})


def test_an_organisation_admin_makes_a_key_that_is_shown_once_and_stored_hashed(
    receiving_admin, receiving_organisation, referral
):
    client = logged_in(receiving_admin)
    response = client.get(keys_url(receiving_organisation))
    assert response.status_code == 200
    response = client.post(keys_url(receiving_organisation), {"name": "Dossiersysteem"})
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    secret = response.context["new_key"]
    assert secret.startswith("hvhk_") and secret in response.content.decode()
    token = ApiToken.objects.get(organisation=receiving_organisation)
    assert token.digest == token_digest(secret) and secret not in str(token.__dict__)
    assert token.created_by == receiving_admin
    # Shown once: the page never shows it again; the key works.
    assert secret not in client.get(keys_url(receiving_organisation)).content.decode()
    assert Client().get(LIST, **bearer(secret)).status_code == 200
    assert AuditEvent.objects.filter(
        target_type="api.apitoken", target_id=str(token.pk), action=AuditEvent.Action.CREATE
    ).exists()


def test_only_the_organisations_admin_reaches_the_page_of_its_keys(
    receiving_admin,
    receiving_organisation,
    receiver,
    third_party,
    third_admin,
    coordinator,
    other_coordinator,
):
    url = keys_url(receiving_organisation)
    assert logged_in(receiving_admin).get(url).status_code == 200  # positive control
    for user in (receiver, third_party, third_admin, coordinator, other_coordinator):
        client = logged_in(user)
        assert client.get(url).status_code == 404, user
        assert client.post(url, {"name": "Binnendringer"}).status_code == 404, user
    anonymous = Client().get(url)
    assert anonymous.status_code == 302 and "login" in anonymous["Location"]
    assert not ApiToken.objects.exists()


def test_the_page_needs_the_second_factor_of_this_session(receiving_admin, receiving_organisation):
    client = Client()
    client.force_login(receiving_admin)  # password only
    response = client.get(keys_url(receiving_organisation))
    assert response.status_code == 302
    assert logged_in(receiving_admin).get(keys_url(receiving_organisation)).status_code == 200


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "Geef de sleutel een naam."),
        ("   ", "Geef de sleutel een naam."),
        ("x" * 81, "Een naam heeft hoogstens 80 tekens."),
        ("Dossiersysteem", "Er is al een actieve sleutel met deze naam."),
    ],
)
def test_a_bad_name_gets_a_dutch_message_and_makes_no_key(
    receiving_admin, receiving_organisation, key, name, message
):
    client = logged_in(receiving_admin)
    response = client.post(keys_url(receiving_organisation), {"name": name})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert response.context["new_key"] is None
    assert ApiToken.objects.count() == 1
    # Positive control: a good name makes one.
    client.post(keys_url(receiving_organisation), {"name": "x" * 80})
    assert ApiToken.objects.count() == 2


def test_the_admin_revokes_a_key_and_an_outsider_cannot(
    receiving_admin, receiving_organisation, key, third_admin, referral
):
    token, secret = key
    url = reverse(
        "api_tokens:revoke", kwargs={"pk": receiving_organisation.pk, "token_pk": token.pk}
    )
    assert logged_in(third_admin).post(url).status_code == 404
    assert logged_in(receiving_admin).get(url).status_code == 405
    token.refresh_from_db()
    assert token.is_active
    assert Client().get(LIST, **bearer(secret)).status_code == 200

    response = logged_in(receiving_admin).post(url)
    assert response.status_code == 302
    token.refresh_from_db()
    assert not token.is_active and token.revoked_by == receiving_admin
    assert Client().get(LIST, **bearer(secret)).status_code == 401
    page = logged_in(receiving_admin).get(keys_url(receiving_organisation)).content.decode()
    assert "ingetrokken op" in page


def test_a_key_of_another_organisation_is_not_revoked_through_ones_own(
    receiving_admin, receiving_organisation, third_key, third_organisation
):
    token, _secret = third_key
    url = reverse(
        "api_tokens:revoke", kwargs={"pk": receiving_organisation.pk, "token_pk": token.pk}
    )
    assert logged_in(receiving_admin).post(url).status_code == 404
    token.refresh_from_db()
    assert token.is_active


def test_the_dashboard_links_an_admin_to_the_keys(
    receiving_admin, receiving_organisation, receiver
):
    page = logged_in(receiving_admin).get(reverse("network:dashboard")).content.decode()
    assert keys_url(receiving_organisation) in page
    page = logged_in(receiver).get(reverse("network:dashboard")).content.decode()
    assert keys_url(receiving_organisation) not in page


def test_the_page_of_the_keys_reads_a_constant_number_of_queries(
    receiving_admin, receiving_organisation, key
):
    client = logged_in(receiving_admin)
    url = keys_url(receiving_organisation)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    for number in range(4):
        token, _secret = api_services.api_token_create(
            actor=receiving_admin, organisation=receiving_organisation, name=f"Systeem {number}"
        )
    api_services.api_token_revoke(actor=receiving_admin, token=token)
    with CaptureQueriesContext(connection) as many:
        page = client.get(url).content.decode()
    assert "Systeem 3" in page and "ingetrokken op" in page
    assert len(many) == len(few)
