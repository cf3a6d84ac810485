""" "Mijn gegevens": a family asks a link for its e-mail address and sees, exports, corrects and
erases everything held about it, in every house; and sees who read it."""

import json
import re
from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail, signing
from django.test import Client
from django.utils import timezone

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.audit.services import audit_record
from huisvanhetkind.childcare import services_urgent
from huisvanhetkind.childcare.models import ChildcareRequest
from huisvanhetkind.families.models import Family
from huisvanhetkind.families.services import child_add, family_for_contact
from huisvanhetkind.privacy import my_data, views_my_data
from huisvanhetkind.questions.models import Question
from huisvanhetkind.referrals.models import Consent, Referral
from huisvanhetkind.referrals.workflow import ReferralStatus
from tests.conftest import logged_in
from tests.factories import QuestionFactory, RegistrationFactory
from tests.familyplans.conftest import make_plan
from tests.privacy.test_retention import care_path_ended
from tests.referrals.helpers import send

pytestmark = pytest.mark.django_db

SARAH = "sarah.janssens@example.be"
OTHER = "an.peeters@example.be"


def ask_link(client, email, on_commit):
    with on_commit():
        return client.post("/mijn-gegevens/", {"email": email})


def link_in_mail(message, path="/mijn-gegevens/"):
    return re.search(r"https?://[^/\s]+(" + re.escape(path) + r"\S+)", message.body).group(1)


@pytest.fixture
def sarah(house, organisation, other_organisation, worker):
    """Sarah's family with data of every kind in the register."""
    referral, _token, _code = send(house, worker, organisation, other_organisation)
    family = referral.family
    question = QuestionFactory(house=house, email=SARAH, text="Slaapt mijn baby genoeg?")
    registration = RegistrationFactory(email=SARAH, session__activity__house=house)
    child = child_add(family=family, first_name="Lotte", birth_date=timezone.localdate())
    request = ChildcareRequest.objects.create(
        house=house,
        family=family,
        child=child,
        municipality=house.municipalities.first(),
        wished_start=timezone.localdate().replace(day=1),
        half_days=4,
        social_tariff=False,
        note="graag dicht bij de crèche van de grote zus",
        status="withdrawn",
        ended_at=timezone.now(),
    )
    urgent, _t = services_urgent.urgent_submit(
        house=house,
        family={"name": "Sarah Janssens", "email": SARAH, "phone": "", "language": "nl"},
        child={"first_name": "Lotte", "birth_date": timezone.localdate() - timedelta(days=300)},
        municipality=house.municipalities.first(),
        reason="work",
        needed_from=timezone.localdate() + timedelta(days=7),
        half_days=4,
        situation="Ik begin maandag te werken.",
    )
    plan = make_plan(house, worker, organisation, email=SARAH)
    path = care_path_ended(house, worker, organisation, 10, SARAH)
    return {
        "path": path,
        "family": family,
        "referral": referral,
        "question": question,
        "registration": registration,
        "request": request,
        "urgent": urgent,
        "plan": plan,
    }


@pytest.fixture
def other_family(db):
    """Another family with the same phone number, a child with the same first name and the
    same postcode in its address."""
    family, _created = family_for_contact(
        name="An Peeters", email=OTHER, phone="+32 470 12 34 56", address="Kerkstraat 9, 2920"
    )
    child_add(family=family, first_name="Lotte", birth_date=timezone.localdate())
    QuestionFactory(email=OTHER, text="Een vraag van An")
    return family


def test_known_and_unknown_address_get_the_same_answer(client, sarah, on_commit):
    known = ask_link(client, SARAH, on_commit)
    unknown = ask_link(Client(), "niemand@example.be", on_commit)
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"] == "/mijn-gegevens/verstuurd/"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [SARAH]


def test_bad_address_is_refused_in_dutch(client, on_commit):
    response = ask_link(client, "geen-adres", on_commit)
    assert response.status_code == 400
    assert "Vul een geldig e-mailadres in" in response.content.decode()
    assert not mail.outbox


def test_the_page_shows_every_kind_and_no_signals_note(client, sarah, on_commit):
    ask_link(client, SARAH, on_commit)
    response = client.get(link_in_mail(mail.outbox[0]))
    page = response.content.decode()
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    for text in ("Slaapt mijn baby genoeg?", "Kraamzorg", "Lotte", "Signalen van professionals"):
        assert text in page
    assert AuditEvent.objects.filter(
        target_type="families.family",
        target_id=str(sarah["family"].pk),
        action=AuditEvent.Action.READ,
        actor__isnull=True,
    ).exists()


def test_link_expires_after_30_minutes(client, sarah):
    token = my_data.view_link_token(sarah["family"])
    assert client.get(f"/mijn-gegevens/{token}/").status_code == 200
    later = timezone.now() + timedelta(minutes=31)
    with mock.patch("time.time", return_value=later.timestamp()):
        response = client.get(f"/mijn-gegevens/{token}/")
    assert response.status_code == 410
    assert "werkt niet meer" in response.content.decode()


def test_tampered_or_other_link_is_404(client, sarah, other_family):
    token = my_data.view_link_token(sarah["family"])
    assert client.get(f"/mijn-gegevens/{token[:-2]}xx/").status_code == 404
    forged = signing.TimestampSigner(salt="other").sign(f"{sarah['family'].pk}:abc")
    assert client.get(f"/mijn-gegevens/{forged}/").status_code == 404
    # An erasure link is not an overview link and the other way round.
    erase = my_data.erase_link_token(sarah["family"])
    assert client.get(f"/mijn-gegevens/{erase}/").status_code == 404
    assert client.get(f"/mijn-gegevens/wissen/{token}/").status_code == 404


def test_families_sharing_phone_child_name_or_postcode_never_see_each_other(
    client, sarah, other_family
):
    token = my_data.view_link_token(other_family)
    page = client.get(f"/mijn-gegevens/{token}/").content.decode()
    assert "Een vraag van An" in page
    assert "Slaapt mijn baby genoeg?" not in page
    assert "Kraamzorg" not in page
    data = json.loads(client.get(f"/mijn-gegevens/{token}/export.json").content)
    assert len(data["questions"]) == 1
    assert not data["referrals"] and not data["consents"] and not data["childcare_requests"]
    assert not data["urgent_requests"] and not data["family_plans"] and not data["care_paths"]


def test_export_holds_every_kind(client, sarah):
    token = my_data.view_link_token(sarah["family"])
    response = client.get(f"/mijn-gegevens/{token}/export.json")
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    for kind in (
        "questions",
        "registrations",
        "referrals",
        "consents",
        "childcare_requests",
        "urgent_requests",
        "family_plans",
        "care_paths",
        "children",
    ):
        assert data[kind], kind
    assert data["family"]["email"] == SARAH
    assert data["childcare_requests"][0]["note"] == "graag dicht bij de crèche van de grote zus"


def test_export_pdf(client, sarah):
    token = my_data.view_link_token(sarah["family"])
    response = client.get(f"/mijn-gegevens/{token}/export.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_withdrawing_a_consent_closes_the_referral_and_erases_what_was_shared(client, sarah):
    token = my_data.view_link_token(sarah["family"])
    consent = sarah["referral"].consent
    response = client.post(f"/mijn-gegevens/{token}/toestemming/{consent.pk}/intrekken/")
    assert response.status_code == 302
    referral = Referral.objects.get(pk=sarah["referral"].pk)
    assert referral.status == ReferralStatus.CONSENT_WITHDRAWN
    assert referral.erased_at is not None and referral.reason == "" and referral.family is None
    assert Consent.objects.get(pk=consent.pk).withdrawn_at is not None


def test_another_familys_consent_is_404(client, sarah, other_family):
    token = my_data.view_link_token(other_family)
    consent = sarah["referral"].consent
    assert (
        client.post(f"/mijn-gegevens/{token}/toestemming/{consent.pk}/intrekken/").status_code
        == 404
    )
    assert Consent.objects.get(pk=consent.pk).withdrawn_at is None


def test_correct_contact_details(client, sarah):
    token = my_data.view_link_token(sarah["family"])
    url = f"/mijn-gegevens/{token}/contact/"
    bad = client.post(url, {"email": "fout", "language": "nl"})
    assert bad.status_code == 400
    assert "Vul een geldig e-mailadres in" in bad.content.decode()
    assert Family.objects.get(pk=sarah["family"].pk).email == SARAH
    response = client.post(
        url, {"name": "Sarah J.", "email": SARAH, "phone": "0471 00 00 00", "language": "fr"}
    )
    assert response.status_code == 302
    family = Family.objects.get(pk=sarah["family"].pk)
    assert (family.name, family.phone, family.language) == ("Sarah J.", "0471 00 00 00", "fr")


def test_erasure_erases_now_what_no_rule_keeps_and_works_once(client, sarah, on_commit):
    token = my_data.view_link_token(sarah["family"])
    with on_commit():
        client.post(f"/mijn-gegevens/{token}/wissen/")
    url = link_in_mail(mail.outbox[-1], "/mijn-gegevens/wissen/")
    page = client.get(url).content.decode()
    assert "je doorverwijzing loopt nog; ze wordt 12 maanden na het afsluiten gewist" in page
    response = client.post(url)
    assert response.status_code == 200
    question = Question.objects.get(pk=sarah["question"].pk)
    assert question.erased_at is not None and question.text == ""
    # The running referral is kept (the page says why and until when).
    assert Referral.objects.get(pk=sarah["referral"].pk).erased_at is None
    assert client.post(url).status_code == 410
    assert client.get(url).status_code == 410


def test_erasure_link_expires(client, sarah):
    token = my_data.erase_link_token(sarah["family"])
    later = timezone.now() + timedelta(minutes=31)
    with mock.patch("time.time", return_value=later.timestamp()):
        assert client.get(f"/mijn-gegevens/wissen/{token}/").status_code == 410


def test_requests_are_throttled_per_address_and_per_client(sarah, on_commit):
    for n in range(views_my_data.PER_ADDRESS):
        ask_link(Client(REMOTE_ADDR=f"10.0.0.{n + 1}"), SARAH, on_commit)
    response = ask_link(Client(REMOTE_ADDR="10.0.1.1"), SARAH, on_commit)
    assert response.status_code == 429
    assert len(mail.outbox) == views_my_data.PER_ADDRESS
    client = Client(REMOTE_ADDR="10.0.2.1")
    for n in range(views_my_data.PER_CLIENT):
        ask_link(client, f"x{n}@example.be", on_commit)
    assert ask_link(client, "y@example.be", on_commit).status_code == 429


def test_who_read_my_data(client, sarah, worker, organisation):
    audit_record(
        actor=worker,
        action=AuditEvent.Action.READ,
        target=sarah["plan"],
        house=sarah["plan"].house,
        organisation=organisation,
    )
    token = my_data.view_link_token(sarah["family"])
    page = client.get(f"/mijn-gegevens/{token}/wie-las/").content.decode()
    assert "Opvoedingspunt Kalmthout" in page
    assert "medewerker van de organisatie" in page


def test_statement_links_to_my_data(client):
    assert 'href="/mijn-gegevens/"' in client.get("/privacy/").content.decode()


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_pages_in_every_language(client, language, sarah):
    client.cookies["django_language"] = language
    assert client.get("/mijn-gegevens/").status_code == 200
    token = my_data.view_link_token(sarah["family"])
    assert client.get(f"/mijn-gegevens/{token}/").status_code == 200


def test_statement_names_controllers_processor_and_breach_in_plain_dutch(client):
    page = client.get("/privacy/").content.decode()
    for text in ("samen verantwoordelijk", "artikel 26", "(verwerker)", "Binnen 72 uur"):
        assert text in page


def test_a_professional_without_the_link_sees_nothing(sarah, worker):
    client = logged_in(worker)
    assert client.get("/mijn-gegevens/abc:def:ghi/").status_code == 404
    assert client.get(f"/mijn-gegevens/{sarah['family'].pk}/export.json").status_code == 404
    assert client.post("/mijn-gegevens/abc/wissen/").status_code == 404


def test_erase_request_needs_post(client, sarah):
    token = my_data.view_link_token(sarah["family"])
    assert client.get(f"/mijn-gegevens/{token}/wissen/").status_code == 405
    assert not mail.outbox
