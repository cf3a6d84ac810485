"""Questions and registrations carry the keyed digests of their contact details, so that a
family finds them by its own e-mail address or phone number; the data migrations compute them
for the rows that existed before."""

import hashlib
import hmac
import importlib

import pytest
from django.apps import apps
from django.conf import settings as live_settings
from django.core.exceptions import ValidationError
from django.utils import timezone

from huisvanhetkind.activities.models import Activity, Registration
from huisvanhetkind.activities.services_registrations import registration_create
from huisvanhetkind.core.digests import EMAIL, PHONE, contact_digest, contact_digests
from huisvanhetkind.questions import services as question_services
from huisvanhetkind.questions.models import Question, Topic
from tests.factories import ActivityFactory, QuestionFactory, RegistrationFactory, SessionFactory

pytestmark = pytest.mark.django_db

KEY_A = "a:" + "A" * 43
KEY_B = "b:" + "B" * 43

fill_questions = importlib.import_module(
    "huisvanhetkind.questions.migrations.0004_fill_question_contact_digests"
)
rekey_registrations = importlib.import_module(
    "huisvanhetkind.activities.migrations.0005_contact_digests_keyed_by_family_digest_keys"
)


def ask(house, **overrides):
    data = {
        "house": house,
        "text": "Mijn peuter slaapt slecht. Wat kan ik doen?",
        "about": Question.About.CHILD,
        "child_age": 2,
        "topic": Topic.objects.get(slug="slapen", house=None),
        "channel": Question.Channel.EMAIL,
        "email": "Sara@Example.be",
    }
    data.update(overrides)
    question, _ = question_services.question_submit(**data)
    return question


def open_session(house):
    activity = ActivityFactory(
        house=house, registration=Activity.RegistrationMode.REQUIRED, capacity=10
    )
    return SessionFactory(activity=activity)


def by_email(model, email):
    return model.objects.filter(email_digest__in=contact_digests(email, EMAIL))


def test_a_question_carries_the_digest_of_the_contact_it_keeps(house):
    by_mail = ask(house)
    by_phone = ask(house, channel=Question.Channel.PHONE, phone="0470 12 34 56", email="x@y.be")
    assert by_mail.email_digest == contact_digest("sara@example.be", EMAIL)
    assert by_mail.phone_digest == ""
    # Only the contact that is kept gets a digest: the phone question keeps no e-mail address.
    assert by_phone.email_digest == "" and by_phone.email == ""
    assert by_phone.phone_digest == contact_digest("+32470123456", PHONE)
    assert list(by_email(Question, " SARA@example.be")) == [by_mail]
    assert not by_email(Question, "x@y.be").exists()


def test_an_erased_question_loses_its_digests(house):
    question = ask(house)
    other = ask(house, email="jan@example.be")
    question_services.question_erase(question=question, now=timezone.now(), days=365)
    question.refresh_from_db()
    assert question.email_digest == question.phone_digest == ""
    assert not by_email(Question, "sara@example.be").exists()
    assert list(by_email(Question, "jan@example.be")) == [other]  # positive control


def test_a_registration_carries_the_digests_of_its_contact(house):
    session = open_session(house)
    registration, _ = registration_create(
        session=session, name="Sara", email="Sara@Example.be", phone="0470 12 34 56"
    )
    assert registration.email_digest == contact_digest("sara@example.be", EMAIL)
    assert registration.phone_digest == contact_digest("+32 470 12 34 56", PHONE)


def test_the_same_phone_number_in_another_notation_is_a_second_registration(house):
    session = open_session(house)
    registration_create(session=session, name="Sara", phone="0470 12 34 56")
    with pytest.raises(ValidationError, match="al iemand ingeschreven"):
        registration_create(session=session, name="Sara", phone="+32 (0)470 12.34.56")
    registration_create(session=session, name="Jan", phone="0470 12 34 57")  # positive control
    assert session.registrations.count() == 2


def test_a_registration_made_under_an_older_key_is_still_caught(house, settings):
    session = open_session(house)
    settings.FAMILY_DIGEST_KEYS = [KEY_A]
    registration_create(session=session, name="Sara", email="sara@example.be")
    settings.FAMILY_DIGEST_KEYS = [KEY_B, KEY_A]
    with pytest.raises(ValidationError, match="al iemand ingeschreven"):
        registration_create(session=session, name="Sara", email="SARA@example.be")
    registration_create(session=session, name="Jan", email="jan@example.be")  # positive control
    assert session.registrations.count() == 2


def test_the_migration_fills_the_digests_of_existing_questions_in_batches(house, monkeypatch):
    monkeypatch.setattr(fill_questions, "BATCH_SIZE", 2)
    by_mail = [QuestionFactory(house=house, email=f"ouder{n}@example.be") for n in range(3)]
    by_phone = QuestionFactory(house=house, channel="phone", email="", phone="03 123 45 67")
    erased = QuestionFactory(house=house, email="", erased_at=timezone.now())
    Question.objects.update(email_digest="", phone_digest="")  # as they were before

    fill_questions.fill_digests(apps, None)

    for question in by_mail:
        question.refresh_from_db()
        assert question.email_digest == contact_digest(question.email, EMAIL)
        assert question.phone_digest == ""
    by_phone.refresh_from_db()
    assert by_phone.phone_digest == contact_digest("+3231234567", PHONE)
    assert by_phone.email_digest == ""
    erased.refresh_from_db()
    assert erased.email_digest == erased.phone_digest == ""
    assert list(by_email(Question, "OUDER1@example.be")) == [by_mail[1]]

    fill_questions.empty_digests(apps, None)  # the reverse
    assert not Question.objects.exclude(email_digest="").exists()
    assert not Question.objects.exclude(phone_digest="").exists()


def _secret_key_digest(value):
    key = hashlib.sha256(b"huisvanhetkind.activities.contact:" + live_settings.SECRET_KEY.encode())
    return hmac.new(
        key.digest(), "".join(value.split()).lower().encode(), hashlib.sha256
    ).hexdigest()


def test_the_migration_rekeys_registrations_and_its_reverse_restores_them(house, monkeypatch):
    monkeypatch.setattr(rekey_registrations, "BATCH_SIZE", 2)
    session = SessionFactory(activity__house=house)
    rows = [
        RegistrationFactory(session=session, email=f"ouder{n}@example.be", phone="0470 12 34 56")
        for n in range(3)
    ]
    erased = RegistrationFactory(session=session, email="", erased_at=timezone.now())
    for row in rows:  # the digests as the previous code made them, from SECRET_KEY
        Registration.objects.filter(pk=row.pk).update(
            email_digest=_secret_key_digest(row.email), phone_digest=_secret_key_digest(row.phone)
        )
    Registration.objects.filter(pk=erased.pk).update(email_digest="", phone_digest="")

    rekey_registrations.to_family_digest_keys(apps, None)

    for row in rows:
        row.refresh_from_db()
        assert row.email_digest == contact_digest(row.email, EMAIL)
        assert row.phone_digest == contact_digest("+32470123456", PHONE)
    erased.refresh_from_db()
    assert erased.email_digest == erased.phone_digest == ""

    rekey_registrations.to_previous_digests(apps, None)

    for row in rows:
        row.refresh_from_db()
        assert row.email_digest == _secret_key_digest(row.email)
        assert row.phone_digest == _secret_key_digest("0470 12 34 56")
    erased.refresh_from_db()
    assert erased.email_digest == ""


def test_the_migrations_follow_the_current_key(house, settings):
    settings.FAMILY_DIGEST_KEYS = [KEY_B, KEY_A]
    question = QuestionFactory(house=house, email="sara@example.be", email_digest="")
    fill_questions.fill_digests(apps, None)
    question.refresh_from_db()
    settings.FAMILY_DIGEST_KEYS = [KEY_B]
    assert question.email_digest == contact_digest("sara@example.be", EMAIL)
    assert list(by_email(Question, "sara@example.be")) == [question]
