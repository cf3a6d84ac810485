"""The public registration form against robots: a honeypot field and rate limits per client,
per client and session, and per e-mail address. Organisers registering by phone are not limited."""

import pytest
from django.core import mail
from django.urls import reverse

from huisvanhetkind.activities import views_public as views
from huisvanhetkind.activities.models import Registration
from huisvanhetkind.activities.workflow import RegistrationStatus as S
from tests.activities.conftest import make_session
from tests.activities.test_registration import form_data, register_url
from tests.conftest import logged_in

pytestmark = pytest.mark.django_db


def post(client, session, address="198.51.100.7", **overrides):
    return client.post(register_url(session), form_data(**overrides), REMOTE_ADDR=address)


def test_a_filled_in_honeypot_saves_nothing_and_sends_nothing(parent_client, session, on_commit):
    with on_commit():
        robot = post(parent_client, session, website_url="https://spam.example")

    assert robot.status_code == 400
    assert "Dit formulier kon niet verstuurd worden." in robot.content.decode()
    assert not Registration.objects.exists() and not mail.outbox

    with on_commit():
        family = post(parent_client, session, website_url="")

    assert family.status_code == 302
    assert Registration.objects.count() == 1 and len(mail.outbox) == 1


def test_the_honeypot_is_hidden_from_people(parent_client, session):
    html = parent_client.get(register_url(session)).content.decode()

    assert 'name="website_url"' in html
    assert '<div class="field" hidden>' in html


def test_one_client_cannot_book_every_place_of_a_session(parent_client, session, on_commit):
    responses = []
    with on_commit():
        for n in range(8):
            responses.append(post(parent_client, session, email=f"ouder{n}@example.be"))

    limit = views.REGISTER_SESSION_LIMIT
    assert [r.status_code for r in responses] == [302] * limit + [429] * (8 - limit)
    assert "al een paar keer ingeschreven voor dit moment" in responses[-1].content.decode()
    assert Registration.objects.filter(status=S.CONFIRMED).count() == limit
    assert len(mail.outbox) == limit
    # Another family, on another connection, still gets a place.
    assert post(parent_client, session, "203.0.113.9", email="buur@example.be").status_code == 302


def test_one_client_cannot_register_on_and_on_across_sessions(parent_client, activity):
    sessions = [make_session(activity, days=2 + n) for n in range(views.REGISTER_CLIENT_LIMIT + 2)]

    codes = [
        post(parent_client, s, email=f"ouder{n}@example.be").status_code
        for n, s in enumerate(sessions)
    ]

    limit = views.REGISTER_CLIENT_LIMIT
    assert codes == [302] * limit + [429, 429]
    assert Registration.objects.count() == limit
    last = post(parent_client, sessions[0], email="nog@example.be")
    assert "Van op deze verbinding werden het voorbije uur al veel inschrijvingen" in (
        last.content.decode()
    )


def test_one_address_gets_a_limited_number_of_mails_from_anywhere(
    parent_client, activity, on_commit
):
    sessions = [make_session(activity, days=2 + n) for n in range(views.REGISTER_EMAIL_LIMIT + 1)]

    with on_commit():
        codes = [
            post(parent_client, s, f"192.0.2.{n + 1}", email="Slachtoffer@example.be").status_code
            for n, s in enumerate(sessions)
        ]

    assert codes == [302] * views.REGISTER_EMAIL_LIMIT + [429]
    assert len(mail.outbox) == views.REGISTER_EMAIL_LIMIT
    assert Registration.objects.count() == views.REGISTER_EMAIL_LIMIT


def test_a_real_family_registers_for_a_few_sessions_and_corrects_its_mistakes(
    parent_client, activity
):
    sessions = [make_session(activity, days=2 + n) for n in range(4)]

    mistakes = [post(parent_client, sessions[0], name="", children_ages="twee") for _ in range(3)]
    registered = [post(parent_client, s) for s in sessions]

    assert {r.status_code for r in mistakes} == {400}
    assert {r.status_code for r in registered} == {302}
    assert Registration.objects.count() == 4


def test_an_organiser_registering_families_by_phone_is_not_limited(worker, activity):
    activity.capacity = 50
    activity.save()
    session = make_session(activity)
    client = logged_in(worker)
    url = reverse("activities:session_register", kwargs={"pk": session.pk})

    codes = {
        client.post(
            url,
            {
                "name": f"Gezin {n}",
                "phone": f"0470 00 00 {n:02d}",
                "adults": "1",
                "children_ages": "2",
                "consent": "on",
            },
            REMOTE_ADDR="198.51.100.7",
        ).status_code
        for n in range(views.REGISTER_CLIENT_LIMIT + 5)
    }

    assert codes == {302}
    assert Registration.objects.count() == views.REGISTER_CLIENT_LIMIT + 5


def test_rate_limits_can_be_turned_off_for_a_load_test(parent_client, session, settings):
    settings.REGISTRATION_RATE_LIMITS = False

    codes = {
        post(parent_client, session, email=f"ouder{n}@example.be").status_code
        for n in range(views.REGISTER_SESSION_LIMIT + 2)
    }

    assert codes == {302}
