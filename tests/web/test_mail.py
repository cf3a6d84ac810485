"""An e-mail that cannot be sent after the data is saved: the visitor is told, nothing is lost;
outside a request (a background task) the failure is raised."""

import logging
import smtplib

import pytest
from django.core.mail.backends.base import BaseEmailBackend
from django.test import Client
from django.urls import reverse

from huisvanhetkind.activities.models import Registration
from huisvanhetkind.core.mail import send_templated_mail_on_commit
from tests.activities.concurrency import make_session


class BrokenBackend(BaseEmailBackend):
    """A mail server that refuses every address (its error names them)."""

    def send_messages(self, email_messages):
        refused = {to: (550, b"mailbox unavailable") for m in email_messages for to in m.to}
        raise smtplib.SMTPRecipientsRefused(refused)


@pytest.fixture
def broken_mail(settings):
    settings.EMAIL_BACKEND = "tests.web.test_mail.BrokenBackend"


# In a transaction the e-mail is sent when the registration commits, inside the request as in
# production; such a test brings its own house (the migrations' reference data may be flushed).
@pytest.mark.django_db(transaction=True)
def test_a_registration_whose_mail_fails_is_saved_and_the_family_is_told(
    client, broken_mail, caplog
):
    session = make_session("mail-stuk")
    url = reverse(
        "activities:register",
        kwargs={"house_slug": session.activity.house.slug, "pk": session.pk},
    )
    data = {
        "name": "Sara Peeters",
        "email": "sara@example.be",
        "adults": "1",
        "children_ages": "2",
        "consent": "on",
    }

    with caplog.at_level(logging.ERROR, logger="huisvanhetkind.core.mail"):
        response = client.post(url, data)

    assert response.status_code == 302
    registration = Registration.objects.get(session=session)
    assert registration.email == "sara@example.be"
    page = client.get(response["Location"]).content.decode()
    assert "Je bent ingeschreven." in page
    assert "de e-mail naar sara@example.be kon niet verstuurd worden" in page
    assert "could not be sent" in caplog.text and "sara@example.be" not in caplog.text
    # Someone else sees neither the registration nor the warning.
    outsider = Client().get(url).content.decode()
    assert "sara@example.be" not in outsider and "kon niet verstuurd" not in outsider


@pytest.mark.django_db
def test_outside_a_request_a_failing_mail_is_raised(
    broken_mail, django_capture_on_commit_callbacks
):
    with (
        pytest.raises(smtplib.SMTPRecipientsRefused),
        django_capture_on_commit_callbacks(execute=True),
    ):
        send_templated_mail_on_commit(
            to=["sara@example.be"],
            template="activities/email/reminder",
            context={"registration": None, "session": None, "url": "/"},
        )
