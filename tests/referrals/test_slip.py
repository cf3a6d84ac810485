"""The printed slip of a referral: only the referring organisation prints it; each print makes a
new short code (the old one stops working, the e-mailed link keeps working); the PDF says where
the family was referred to, where to type the code, until when, and whom to call, in the
family's language and without personal data."""

import io

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from huisvanhetkind.referrals import services
from huisvanhetkind.referrals.codes import ALPHABET, SHORT_CODE_LENGTH
from huisvanhetkind.referrals.models import Referral
from huisvanhetkind.referrals.workflow import Actor, ReferralStatus
from tests.conftest import logged_in
from tests.referrals.helpers import send

pytestmark = pytest.mark.django_db

S = ReferralStatus


def slip_url(referral) -> str:
    return reverse("referrals:slip", kwargs={"pk": referral.pk})


def code_url(house) -> str:
    return reverse("referrals:family_code", kwargs={"house_slug": house.slug})


def family_url(house, token) -> str:
    return reverse("referrals:family", kwargs={"house_slug": house.slug, "token": token})


def pdf_text(content: bytes) -> str:
    pages = PdfReader(io.BytesIO(content)).pages
    return " ".join(" ".join(page.extract_text() for page in pages).split())


def printed_code(text: str) -> str:
    """The ten-character code as the slip prints it (``ACDEF-GHJKM``)."""
    for word in text.split():
        parts = word.split("-")
        if (
            len(parts) == 2
            and len(parts[0]) == len(parts[1]) == SHORT_CODE_LENGTH // 2
            and all(ch in ALPHABET for ch in "".join(parts))
        ):
            return word
    raise AssertionError(f"No code on the slip: {text}")


def opens(house, code) -> bool:
    return Client().post(code_url(house), {"code": code}).status_code == 302


def test_the_referrer_prints_a_slip_with_a_new_code(sent_referral, house, worker):
    referral, token, old_code = sent_referral
    house.phone = "03 666 12 34"
    house.save()
    response = logged_in(worker).post(slip_url(referral))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="doorverwijzing.pdf"'
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert response.content.startswith(b"%PDF-")
    text = pdf_text(response.content)
    assert "Huis van het Kind Kalmthout" in text
    assert "Je werd doorverwezen naar Kraamzorg aan huis van Kraamzorg Landelijke Thuiszorg" in text
    assert "Doorverwezen door Opvoedingspunt Kalmthout" in text
    assert f"{settings.SITE_URL}{code_url(house)}" in text.replace(" ", "")
    expires = referral.consent.expires_on
    assert f"De code werkt tot {expires.day} " in text and str(expires.year) in text
    assert "03 666 12 34" in text
    # No personal data at all on the slip.
    for private in ("Sarah", "Janssens", "0470", "sarah.janssens", "moe na de bevalling", "17 u."):
        assert private not in text
    assert worker.email not in text and worker.last_name not in text

    # The new code opens the family's page, the old one no longer does; the link still works.
    code = printed_code(text)
    assert code.replace("-", "") != old_code
    assert opens(house, code)
    assert not opens(house, old_code)
    assert Client().get(family_url(house, token)).status_code == 200


def test_a_new_slip_ends_a_visit_opened_with_the_old_code(parent_client, sent_referral, worker):
    referral, _token, old_code = sent_referral
    house = referral.house
    parent_client.post(code_url(house), {"code": old_code})
    assert "Kraamzorg" in parent_client.get(code_url(house)).content.decode()
    logged_in(worker).post(slip_url(referral))
    html = parent_client.get(code_url(house)).content.decode()
    assert "Kraamzorg" not in html and "De code op je briefje" in html


@pytest.mark.parametrize("who", ["receiver", "third_party", "coordinator", "other_coordinator"])
def test_only_the_referring_organisation_prints_a_slip(request, sent_referral, house, worker, who):
    referral, _token, code = sent_referral
    response = logged_in(request.getfixturevalue(who)).post(slip_url(referral))
    assert response.status_code == 404
    assert response["Content-Type"] != "application/pdf"
    assert opens(house, code)  # nothing changed: the code still works
    # Positive control: the referrer prints it.
    assert logged_in(worker).post(slip_url(referral))["Content-Type"] == "application/pdf"


def test_an_anonymous_visitor_gets_no_slip(sent_referral, house):
    referral, _token, code = sent_referral
    response = Client().post(slip_url(referral))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert opens(house, code)


def test_a_slip_is_printed_by_post_only(sent_referral, house, worker):
    referral, _token, code = sent_referral
    assert logged_in(worker).get(slip_url(referral)).status_code == 405
    assert opens(house, code)


def test_an_unknown_referral_has_no_slip(worker):
    client = logged_in(worker)
    assert client.post(reverse("referrals:slip", kwargs={"pk": 999999})).status_code == 404


def test_an_ended_referral_has_no_new_slip(sent_referral, house, worker, receiver):
    referral, _token, _code = sent_referral
    services.referral_transition(
        referral=referral,
        to=S.DECLINED,
        actor_kind=Actor.RECEIVER,
        actor=receiver,
        decline_reason="no_capacity",
    )
    short_code_hash = Referral.objects.get(pk=referral.pk).short_code_hash
    response = logged_in(worker).post(slip_url(referral))
    assert response.status_code == 302
    assert response["Location"] == reverse("referrals:detail", kwargs={"pk": referral.pk})
    assert Referral.objects.get(pk=referral.pk).short_code_hash == short_code_hash


def test_the_slip_is_in_the_family_language(
    house, worker, organisation, receiving_organisation, receiving_service
):
    referral, _token, _code = send(
        house,
        worker,
        organisation,
        receiving_organisation,
        receiving_service,
        family={
            "name": "Amélie Dubois",
            "email": "amelie@example.be",
            "phone": "0470 99 88 77",
            "language": "fr",
        },
    )
    assert referral.language == "fr"
    response = logged_in(worker).post(slip_url(referral))
    reader = PdfReader(io.BytesIO(response.content))
    assert reader.trailer["/Root"]["/Lang"] == "fr"
    text = pdf_text(response.content)
    # The month of the end date in French (Django's own translation).
    expires = referral.consent.expires_on
    french_months = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ]
    assert f"{expires.day} {french_months[expires.month - 1]} {expires.year}" in text
    assert "Amélie" not in text and "Dubois" not in text
    # The referrer's own pages stay in their language.
    assert logged_in(worker).get(code_url(house))["Content-Language"] == "nl"
