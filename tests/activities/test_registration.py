"""Registering without an account: the form, the checks, the signed link and the waitlist."""

import re
import time
from datetime import timedelta

import pytest
from django.core import mail, signing
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from huisvanhetkind.activities import services_registrations
from huisvanhetkind.activities import signing as link_signing
from huisvanhetkind.activities.models import Activity, Registration
from huisvanhetkind.activities.workflow import RegistrationStatus as S
from huisvanhetkind.core.digests import EMAIL, contact_digest
from tests.activities.conftest import fill, make_session, register

pytestmark = pytest.mark.django_db


def register_url(session):
    return reverse(
        "activities:register",
        kwargs={"house_slug": session.activity.house.slug, "pk": session.pk},
    )


def form_data(**overrides):
    data = {
        "name": "Sara Peeters",
        "email": "sara@example.be",
        "phone": "",
        "adults": "1",
        "children_ages": "1, 3",
        "remarks": "",
        "consent": "on",
    }
    data.update(overrides)
    return data


def link_from(message) -> str:
    return re.search(r"http://\S+/inschrijving/\S+/", message.body).group(0).split("8000", 1)[1]


def test_parent_registers_without_account_and_gets_a_signed_link(parent_client, session, on_commit):
    with on_commit():
        response = parent_client.post(register_url(session), form_data())

    registration = Registration.objects.get()
    assert response.status_code == 302
    assert registration.status == S.CONFIRMED
    assert registration.children == 2 and registration.children_ages == [1, 3]
    assert len(mail.outbox) == 1
    url = link_from(mail.outbox[0])
    assert response["Location"] == url
    page = parent_client.get(url)
    assert page.status_code == 200
    assert "Sara Peeters" in page.content.decode()
    assert page["Cache-Control"] == "private, no-store"


def test_contact_details_are_encrypted_at_rest(session):
    register(session, phone="0470 12 34 56")
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT name, email, phone FROM activities_registration")
        row = cursor.fetchone()
    assert "Sara" not in row[0] and "example.be" not in row[1] and "0470" not in row[2]


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"email": "geen-adres"}, "Dit e-mailadres is niet geldig"),
        ({"adults": "-1"}, "Het aantal kan niet negatief zijn"),
        ({"adults": "0", "children_ages": ""}, "Schrijf minstens één persoon in"),
        ({"children_ages": "twee"}, "Geef de leeftijden van de kinderen"),
        ({"email": "", "phone": ""}, "Geef een e-mailadres of een telefoonnummer"),
        ({"consent": ""}, "We hebben je toestemming nodig"),
    ],
)
def test_bad_input_gets_a_dutch_message_and_changes_nothing(
    parent_client, session, overrides, message
):
    response = parent_client.post(register_url(session), form_data(**overrides))

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Registration.objects.exists()


def test_full_session_puts_the_family_on_the_waitlist(parent_client, session, on_commit):
    fill(session, 20)
    with on_commit():
        response = parent_client.post(register_url(session), form_data())

    assert response.status_code == 302
    latest = Registration.objects.order_by("-id").first()
    assert latest.status == S.WAITLISTED
    assert "wachtlijst" in mail.outbox[-1].subject
    assert Registration.objects.filter(status=S.CONFIRMED).count() == 20


def test_capacity_in_persons_counts_adults_and_children(session):
    session.activity.capacity_unit = Activity.CapacityUnit.PERSONS
    session.activity.capacity = 5
    session.activity.save()
    first, _ = register(session, adults=2, children_ages=[1, 2])  # 4 persons
    second, _ = register(session, email="b@example.be", adults=1, children_ages=[1])  # 2 more

    assert first.status == S.CONFIRMED
    assert second.status == S.WAITLISTED


def test_closed_registration_is_refused_with_a_clear_message(parent_client, activity):
    session = make_session(activity, registration_closes_at=timezone.now() - timedelta(hours=1))

    response = parent_client.post(register_url(session), form_data())

    assert response.status_code == 400
    assert "De inschrijvingen voor dit moment zijn afgesloten" in response.content.decode()
    assert not Registration.objects.exists()


def test_past_session_is_refused(parent_client, activity):
    session = make_session(activity, days=-1)

    response = parent_client.post(register_url(session), form_data())

    assert response.status_code == 400
    assert "Dit moment is al voorbij" in response.content.decode()
    assert not Registration.objects.exists()


def test_cancelled_session_is_refused(parent_client, activity):
    session = make_session(activity, is_cancelled=True)

    response = parent_client.post(register_url(session), form_data())

    assert "Dit moment is afgelast" in response.content.decode()
    assert not Registration.objects.exists()


def test_second_registration_of_the_same_person_is_caught(parent_client, session):
    register(session, email="Sara@Example.be")

    response = parent_client.post(register_url(session), form_data())
    by_phone_first = register(session, email="", phone="0470 11 22 33", name="X")[0]
    with pytest.raises(ValidationError):
        register(session, email="ander@example.be", phone="0470112233")

    assert "al iemand ingeschreven" in response.content.decode()
    assert by_phone_first.status == S.CONFIRMED
    assert Registration.objects.count() == 2


def test_draft_activity_cannot_be_registered_for(parent_client, session):
    session.activity.status = Activity.Status.DRAFT
    session.activity.save()

    response = parent_client.post(register_url(session), form_data())

    assert response.status_code == 404
    assert not Registration.objects.exists()


def test_cancellation_promotes_the_first_on_the_waitlist_and_emails_them(session, on_commit):
    confirmed = fill(session, 20)
    first, _ = register(session, email="eerste@example.be")
    second, _ = register(session, email="tweede@example.be")
    mail.outbox.clear()

    with on_commit():
        promoted = services_registrations.registration_cancel(registration=confirmed[0])

    first.refresh_from_db()
    second.refresh_from_db()
    assert promoted == [first]
    assert first.status == S.CONFIRMED and first.promoted_at is not None
    assert second.status == S.WAITLISTED
    assert [m.to for m in mail.outbox] == [["eerste@example.be"]]
    assert "plaats vrijgekomen" in mail.outbox[0].subject


def test_family_cancels_with_the_link_and_the_waitlist_moves_up(parent_client, session, on_commit):
    fill(session, 19)
    with on_commit():
        parent_client.post(register_url(session), form_data())
    url = link_from(mail.outbox[-1])
    waiting, _ = register(session, email="wacht@example.be")
    assert waiting.status == S.WAITLISTED

    with on_commit():
        response = parent_client.post(url, {"action": "cancel"})

    waiting.refresh_from_db()
    assert response.status_code == 302
    assert Registration.objects.get(
        email_digest=contact_digest("sara@example.be", EMAIL)
    ).status == (S.CANCELLED)
    assert waiting.status == S.CONFIRMED
    assert "geannuleerd" in parent_client.get(url).content.decode()


def test_family_changes_the_numbers_with_the_link(parent_client, session, on_commit):
    with on_commit():
        parent_client.post(register_url(session), form_data())
    url = link_from(mail.outbox[-1])

    response = parent_client.post(url, {"adults": "2", "children_ages": "0"})

    registration = Registration.objects.get()
    assert response.status_code == 302
    assert (registration.adults, registration.children_ages) == (2, [0])


def test_change_with_negative_numbers_is_refused_and_changes_nothing(
    parent_client, session, on_commit
):
    with on_commit():
        parent_client.post(register_url(session), form_data())
    url = link_from(mail.outbox[-1])

    response = parent_client.post(url, {"adults": "-2", "children_ages": ""})

    assert response.status_code == 400
    assert "Het aantal kan niet negatief zijn" in response.content.decode()
    assert Registration.objects.get().adults == 1


def test_bigger_group_that_does_not_fit_is_refused_and_keeps_its_place(session):
    session.activity.capacity_unit = Activity.CapacityUnit.PERSONS
    session.activity.capacity = 3
    session.activity.save()
    registration, _ = register(session, adults=1, children_ages=[1])

    with pytest.raises(ValidationError, match="niet genoeg vrije plaatsen"):
        services_registrations.registration_change(
            registration=registration, adults=3, children_ages=[1, 2]
        )

    registration.refresh_from_db()
    assert registration.status == S.CONFIRMED and registration.adults == 1


def test_tampered_link_is_refused_with_a_dutch_message(parent_client, session):
    _registration, signed = register(session)
    url = reverse(
        "activities:manage", kwargs={"house_slug": session.activity.house.slug, "signed": signed}
    )

    response = parent_client.post(url[:-3] + "xx/", {"action": "cancel"})

    assert response.status_code == 404
    assert "Deze link is niet geldig" in response.content.decode()
    assert Registration.objects.get().status == S.CONFIRMED


def test_expired_link_is_refused_with_a_dutch_message(parent_client, session, settings):
    _registration, signed = register(session)
    url = reverse(
        "activities:manage", kwargs={"house_slug": session.activity.house.slug, "signed": signed}
    )
    settings.REGISTRATION_LINK_MAX_AGE_DAYS = 0
    time.sleep(1.1)

    response = parent_client.post(url, {"action": "cancel"})

    assert response.status_code == 404
    assert "Deze link is verlopen" in response.content.decode()
    assert Registration.objects.get().status == S.CONFIRMED


def test_link_of_another_house_does_not_work(parent_client, session, other_house):
    _registration, signed = register(session)
    url = reverse("activities:manage", kwargs={"house_slug": other_house.slug, "signed": signed})

    assert parent_client.get(url).status_code == 404


def test_a_validly_signed_unknown_token_is_refused(parent_client, session):
    signed = signing.TimestampSigner(salt=link_signing.SALT).sign("verzonnen")
    url = reverse(
        "activities:manage", kwargs={"house_slug": session.activity.house.slug, "signed": signed}
    )

    response = parent_client.get(url)

    assert response.status_code == 404
    assert "bestaat niet" in response.content.decode()
