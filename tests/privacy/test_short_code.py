""" "Mijn gegevens" with the short code of a printed slip (a referral's): the code names its
record, the signed link goes to the e-mail address held on the family record, never to the
screen; an unknown code gets the same answer and no mail; codes are throttled like addresses."""

import re

import pytest
from django.core import mail
from django.test import Client

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.privacy import views_my_data
from huisvanhetkind.referrals.codes import format_short_code, new_short_code
from huisvanhetkind.referrals.models import Referral
from tests.conftest import logged_in
from tests.referrals.helpers import send

pytestmark = pytest.mark.django_db

SARAH = "sarah.janssens@example.be"
UNKNOWN = "ACDEF-GHJKM"


@pytest.fixture
def slip(house, worker, organisation, other_organisation):
    referral, _token, code = send(house, worker, organisation, other_organisation)
    return referral, code


def ask(client, on_commit, **data):
    with on_commit():
        return client.post("/mijn-gegevens/", data)


def test_a_valid_code_mails_the_link_to_the_address_on_its_record(client, slip, on_commit):
    referral, code = slip
    mail.outbox.clear()  # the referral's own e-mails
    response = ask(client, on_commit, code=format_short_code(code).lower())
    assert response.status_code == 302 and response["Location"] == "/mijn-gegevens/verstuurd/"
    (message,) = mail.outbox
    assert message.to == [SARAH]
    path = re.search(r"https?://[^/\s]+(/mijn-gegevens/\S+)", message.body).group(1)
    page = client.get(path)
    assert page.status_code == 200 and "Sarah Janssens" in page.content.decode()
    # Nothing of the record on the screen that answered the code.
    sent = client.get(response["Location"]).content.decode()
    assert SARAH not in sent and "Sarah" not in sent
    assert AuditEvent.objects.filter(
        target_type="families.family",
        target_id=str(referral.family_id),
        reason="mijn gegevens: link gevraagd met de code van een strookje",
    ).exists()


def test_an_unknown_code_gets_the_same_answer_and_no_mail(client, slip, on_commit):
    referral, code = slip
    mail.outbox.clear()
    unknown = ask(client, on_commit, code=UNKNOWN)
    assert not mail.outbox
    known = ask(Client(), on_commit, code=code)
    assert len(mail.outbox) == 1  # positive control
    assert unknown.status_code == known.status_code == 302
    assert unknown["Location"] == known["Location"]


def test_the_code_of_an_erased_referral_sends_nothing(client, slip, on_commit):
    referral, code = slip
    Referral.objects.filter(pk=referral.pk).update(erased_at=referral.created_at)
    mail.outbox.clear()
    assert ask(client, on_commit, code=code).status_code == 302
    assert not mail.outbox


def test_a_code_that_cannot_be_one_and_an_empty_form_get_dutch_messages(client, db):
    response = client.post("/mijn-gegevens/", {"code": "12345"})
    assert response.status_code == 400
    assert "Een code heeft 10 letters en cijfers" in response.content.decode()
    response = client.post("/mijn-gegevens/", {"email": "", "code": ""})
    assert response.status_code == 400
    assert "Vul je e-mailadres in, of de code op je strookje." in response.content.decode()
    response = client.post("/mijn-gegevens/", {"email": SARAH, "code": UNKNOWN})
    assert response.status_code == 400
    assert "niet allebei" in response.content.decode()
    assert not mail.outbox


def test_codes_are_throttled_per_code_and_per_client(slip, on_commit):
    referral, code = slip
    mail.outbox.clear()
    for n in range(views_my_data.PER_ADDRESS):
        ask(Client(REMOTE_ADDR=f"10.0.0.{n + 1}"), on_commit, code=code)
    response = ask(Client(REMOTE_ADDR="10.0.1.1"), on_commit, code=code)
    assert response.status_code == 429
    assert len(mail.outbox) == views_my_data.PER_ADDRESS
    client = Client(REMOTE_ADDR="10.0.2.1")
    for _n in range(views_my_data.PER_CLIENT):
        assert ask(client, on_commit, code=new_short_code()).status_code == 302
    assert ask(client, on_commit, code=new_short_code()).status_code == 429


def test_the_code_and_the_address_share_the_address_limit(slip, on_commit):
    """Typing the address and the code by turns does not flood the family's mailbox."""
    referral, code = slip
    mail.outbox.clear()
    for n in range(views_my_data.PER_ADDRESS):
        ask(Client(REMOTE_ADDR=f"10.0.0.{n + 1}"), on_commit, email=SARAH)
    response = ask(Client(REMOTE_ADDR="10.0.3.1"), on_commit, code=code)
    assert response.status_code == 302  # the same answer ...
    assert len(mail.outbox) == views_my_data.PER_ADDRESS  # ... and no sixth mail


def test_a_professional_s_code_gives_them_nothing_on_screen(slip, worker, outsider, on_commit):
    """An outsider (or the referrer) who has the code gets no more than anybody: the link goes to
    the family's mailbox."""
    referral, code = slip
    mail.outbox.clear()
    for user in (outsider, worker):
        response = ask(logged_in(user), on_commit, code=code)
        assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [[SARAH], [SARAH]]
