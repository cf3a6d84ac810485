"""The family record: found by its own e-mail address or phone number through keyed digests,
created once, changed only through its services, audited without personal data."""

import json
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.core import crypto
from huisvanhetkind.core.digests import EMAIL, PHONE, contact_digest
from huisvanhetkind.families import selectors, services
from huisvanhetkind.families.models import Child, Family
from huisvanhetkind.families.services import PRESENT

pytestmark = pytest.mark.django_db

KEY_A = "a:" + "A" * 43
KEY_B = "b:" + "B" * 43


def sara(**overrides):
    data = {
        "name": "Sara Peeters",
        "email": "sara@example.be",
        "phone": "0470 12 34 56",
        "language": "nl",
        "address": "Kerkstraat 1, 2920 Kalmthout",
    }
    data.update(overrides)
    return services.family_for_contact(**data)


def events(target):
    return AuditEvent.objects.filter(
        target_type=target._meta.label_lower, target_id=str(target.pk)
    ).order_by("id")


def test_a_new_contact_creates_a_family_encrypted_at_rest_with_its_digests():
    family, created = sara()
    assert created
    family.refresh_from_db()
    assert (family.name, family.email, family.phone) == (
        "Sara Peeters",
        "sara@example.be",
        "0470 12 34 56",
    )
    assert family.email_digest == contact_digest("sara@example.be", EMAIL)
    assert family.phone_digest == contact_digest("+32470123456", PHONE)
    with connection.cursor() as cursor:
        cursor.execute("SELECT name, email, phone, address FROM families_family")
        stored = " ".join(cursor.fetchone())
    assert "Sara" not in stored and "sara@" not in stored and "Kerkstraat" not in stored
    assert stored.startswith("dev:")  # the development key's id: encrypted, not clear


def test_a_family_is_found_by_its_own_email_without_decrypting_other_rows(monkeypatch):
    family, _ = sara()
    for n in range(5):
        services.family_for_contact(name=f"Gezin {n}", email=f"gezin{n}@example.be")
    decrypted = []
    real_decrypt = crypto.decrypt
    monkeypatch.setattr(
        crypto, "decrypt", lambda value, **kw: decrypted.append(value) or real_decrypt(value, **kw)
    )
    assert list(selectors.families_by_email("  SARA@Example.be ")) == [family]
    assert len(decrypted) == 4  # the fields of the one family found, never the other rows


def test_another_familys_email_finds_nothing_of_this_family():
    family, _ = sara()
    other, _ = services.family_for_contact(name="Jan Claes", email="jan@example.be")
    assert family not in selectors.families_by_email("jan@example.be")
    assert list(selectors.families_by_email("jan@example.be")) == [other]  # positive control
    assert not selectors.families_by_email("sara@example.com").exists()
    assert not selectors.families_by_email("").exists()


def test_a_family_without_email_is_found_by_its_phone_in_any_notation():
    family, _ = services.family_for_contact(name="Jan Claes", phone="0470/12.34.56")
    assert list(selectors.families_by_phone("+32 470 12 34 56")) == [family]
    again, created = services.family_for_contact(name="Jan", phone="+32470123456")
    assert again == family and not created
    assert not selectors.families_by_phone("0470 12 34 57").exists()


def test_the_same_email_again_finds_the_family_and_changes_nothing():
    family, _ = sara()
    again, created = sara(name="Iemand anders", email=" SARA@example.BE", phone="0499 99 99 99")
    assert again == family and not created
    family.refresh_from_db()
    assert family.name == "Sara Peeters" and family.phone == "0470 12 34 56"
    assert Family.objects.count() == 1
    assert list(events(family).values_list("action", flat=True)) == ["create"]


def test_one_email_address_is_one_family_in_the_database():
    family, _ = sara()
    with pytest.raises(IntegrityError), transaction.atomic():
        Family.objects.create(name="Kopie", email_digest=family.email_digest)
    Family.objects.create(name="Zonder e-mail", phone_digest="x")  # positive control
    Family.objects.create(name="Ook zonder e-mail", phone_digest="y")


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"email": "", "phone": " "}, "e-mailadres of een telefoonnummer"),
        ({"email": "geen-adres"}, "geldig e-mailadres"),
        ({"language": "xx"}, "Kies een taal"),
    ],
)
def test_bad_contact_details_are_refused_and_nothing_is_created(overrides, message):
    with pytest.raises(ValidationError, match=message):
        sara(**overrides)
    assert not Family.objects.exists() and not AuditEvent.objects.exists()
    sara()  # positive control
    assert Family.objects.count() == 1


def test_the_audit_trail_names_the_fields_never_their_values():
    family, _ = sara()
    (event,) = events(family)
    assert event.action == "create" and event.house is None
    assert event.target_label == f"Gezin #{family.pk}"
    assert event.changes == {
        "name": [None, PRESENT],
        "email": [None, PRESENT],
        "phone": [None, PRESENT],
        "address": [None, PRESENT],
        "language": [None, PRESENT],
    }
    trail = json.dumps(list(AuditEvent.objects.values()), default=str)
    assert "Sara" not in trail and "sara@" not in trail and "0470" not in trail


def test_changing_the_email_moves_the_digest_and_is_audited_without_values(coordinator):
    family, _ = sara()
    changes = services.family_update(
        family=family, data={"email": "sara.peeters@example.be", "phone": ""}, actor=coordinator
    )
    assert changes == {
        "email": ["sara@example.be", "sara.peeters@example.be"],
        "phone": ["0470 12 34 56", ""],
    }
    assert list(selectors.families_by_email("sara.peeters@example.be")) == [family]
    assert not selectors.families_by_email("sara@example.be").exists()
    assert not selectors.families_by_phone("0470 12 34 56").exists()
    update = events(family).last()
    assert update.action == "update" and update.actor == coordinator
    assert update.changes == {"email": [PRESENT, PRESENT], "phone": [PRESENT, None]}


def test_an_update_that_changes_nothing_records_nothing():
    family, _ = sara()
    assert services.family_update(family=family, data={"name": " Sara Peeters "}) == {}
    assert events(family).count() == 1


def test_an_update_to_another_familys_email_or_to_no_contact_is_refused():
    family, _ = sara()
    services.family_for_contact(name="Jan Claes", email="jan@example.be")
    with pytest.raises(ValidationError, match="al een gezin"):
        services.family_update(family=family, data={"email": "JAN@example.be"})
    with pytest.raises(ValidationError, match="e-mailadres of een telefoonnummer"):
        services.family_update(family=family, data={"email": "", "phone": ""})
    with pytest.raises(ValueError):
        services.family_update(family=family, data={"email_digest": "x"})
    family.refresh_from_db()
    assert family.email == "sara@example.be"
    services.family_update(family=family, data={"email": "sara2@example.be"})  # positive control
    family.refresh_from_db()
    assert family.email == "sara2@example.be"


def test_a_family_digested_under_an_older_key_is_found_and_gets_the_current_key(settings):
    settings.FAMILY_DIGEST_KEYS = [KEY_A]
    family, _ = sara()
    settings.FAMILY_DIGEST_KEYS = [KEY_B, KEY_A]
    assert list(selectors.families_by_email("sara@example.be")) == [family]
    again, created = sara()
    assert again == family and not created and Family.objects.count() == 1
    family.refresh_from_db()
    assert family.email_digest == contact_digest("sara@example.be", EMAIL)
    settings.FAMILY_DIGEST_KEYS = [KEY_B]  # the old key can go: the family is still found
    assert list(selectors.families_by_email("sara@example.be")) == [family]


def test_children_are_born_or_expected_never_both(coordinator):
    family, _ = sara()
    today = timezone.localdate()
    born = services.child_add(
        family=family, first_name="Lotte", birth_date=today - timedelta(days=400)
    )
    expected = services.child_add(family=family, due_date=today + timedelta(days=90))
    assert list(selectors.family_children(family)) == [born, expected]
    assert not born.is_expected and expected.is_expected
    born.refresh_from_db()
    assert born.first_name == "Lotte"
    assert events(born).get().changes == {
        "first_name": [None, PRESENT],
        "birth_date": [None, PRESENT],
    }
    assert events(expected).get().changes == {"due_date": [None, PRESENT]}
    assert events(born).get().target_label == f"Kind #{born.pk}"


@pytest.mark.parametrize(
    "dates",
    [
        {},
        {"birth_date": 0, "due_date": 30},
        {"birth_date": 1},  # born tomorrow
        {"due_date": 42 * 7 + 1},  # longer than a pregnancy
    ],
)
def test_bad_dates_of_a_child_are_refused(dates):
    family, _ = sara()
    today = timezone.localdate()
    dates = {field: today + timedelta(days=days) for field, days in dates.items()}
    with pytest.raises(ValidationError):
        services.child_add(family=family, first_name="Lotte", **dates)
    assert not Child.objects.exists()
    services.child_add(family=family, due_date=today + timedelta(weeks=42))  # positive control
    assert Child.objects.count() == 1


def test_the_database_refuses_a_child_without_or_with_both_dates():
    family, _ = sara()
    today = timezone.localdate()
    for dates in ({}, {"birth_date": today, "due_date": today}):
        with pytest.raises(IntegrityError), transaction.atomic():
            Child.objects.create(family=family, **dates)
    Child.objects.create(family=family, birth_date=today)  # positive control
