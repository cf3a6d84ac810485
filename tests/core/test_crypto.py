"""Encryption at rest: keys of their own, named by every value, rotated without losing data."""

import base64
import hashlib
import os
import subprocess
import sys
from io import StringIO

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command
from django.db import connection

from huisvanhetkind.core import crypto
from huisvanhetkind.questions.models import Question, QuestionEvent, Topic
from tests.questions.conftest import ask

KEY_A = "a:" + Fernet.generate_key().decode()
KEY_B = "b:" + Fernet.generate_key().decode()


def stored(model, pk, column):
    """What the database holds, without going through the field."""
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {connection.ops.quote_name(column)} FROM {table} WHERE id = %s", [pk]
        )
        return cursor.fetchone()[0]


def store(model, pk, column, value):
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET {connection.ops.quote_name(column)} = %s WHERE id = %s",
            [value, pk],
        )


@pytest.fixture
def questions(house, settings):
    """Five questions stored under key A."""
    settings.FIELD_ENCRYPTION_KEYS = [KEY_A]
    topic = Topic.objects.get(slug="slapen", house=None)
    return [
        ask(house, topic, name=f"Ouder {n}", text=f"Vraag nummer {n} over slapen.")[0]
        for n in range(5)
    ]


def test_a_value_names_the_key_it_was_encrypted_with(settings, questions):
    question = questions[0]
    raw = stored(Question, question.pk, "text")
    assert raw.startswith("a:") and "slapen" not in raw
    assert Question.objects.get(pk=question.pk).text == "Vraag nummer 0 over slapen."


def test_rotation_moves_every_value_to_the_new_key_and_the_old_key_can_go(settings, questions):
    event = QuestionEvent.objects.create(question=questions[0], kind="note", body="Notitie")
    assert stored(QuestionEvent, event.pk, "body").startswith("a:")

    settings.FIELD_ENCRYPTION_KEYS = [KEY_B, KEY_A]
    # Before the rotation, both keys read (the values are still under A).
    assert [q.name for q in Question.objects.order_by("pk")] == [f"Ouder {n}" for n in range(5)]
    counts = {c.label: c for c in crypto.reencrypt_all(batch_size=2)}
    assert counts["questions.Question.text"].rotated == 5
    assert counts["questions.QuestionEvent.body"].rotated >= 1
    assert all(stored(Question, q.pk, "text").startswith("b:") for q in questions)
    assert stored(QuestionEvent, event.pk, "body").startswith("b:")

    settings.FIELD_ENCRYPTION_KEYS = [KEY_B]  # A removed
    assert [q.text for q in Question.objects.order_by("pk")] == [
        f"Vraag nummer {n} over slapen." for n in range(5)
    ]
    assert QuestionEvent.objects.get(pk=event.pk).body == "Notitie"
    # Idempotent: nothing left to rotate.
    assert sum(c.rotated for c in crypto.reencrypt_all()) == 0


def test_the_rotation_command_reports_its_counts(settings, questions):
    settings.FIELD_ENCRYPTION_KEYS = [KEY_B, KEY_A]
    out = StringIO()
    call_command("rotate_encryption_keys", "--batch-size", "2", stdout=out)
    assert "questions.Question.text: re-encrypted 5, already under 'b' 0" in out.getvalue()
    out = StringIO()
    call_command("rotate_encryption_keys", stdout=out)
    assert "questions.Question.text: re-encrypted 0, already under 'b' 5" in out.getvalue()


def test_a_dry_run_changes_nothing(settings, questions):
    settings.FIELD_ENCRYPTION_KEYS = [KEY_B, KEY_A]
    call_command("rotate_encryption_keys", "--dry-run", stdout=StringIO())
    assert stored(Question, questions[0].pk, "text").startswith("a:")


def test_a_value_under_an_unlisted_key_is_a_clear_error(settings, questions):
    settings.FIELD_ENCRYPTION_KEYS = [KEY_A, KEY_B]  # positive control: A listed, it reads
    assert Question.objects.get(pk=questions[0].pk).text
    settings.FIELD_ENCRYPTION_KEYS = [KEY_B]
    with pytest.raises(crypto.EncryptionKeyError, match=r"key 'a'.*FIELD_ENCRYPTION_KEYS"):
        Question.objects.get(pk=questions[0].pk)
    # The rotation leaves such a value alone and says so.
    with pytest.raises(CommandError, match="could not be decrypted"):
        call_command("rotate_encryption_keys", stdout=StringIO())
    assert stored(Question, questions[0].pk, "text").startswith("a:")


def legacy_encrypt(secret: str, value: str) -> str:
    """How values were encrypted before key ids: a key derived from SECRET_KEY."""
    key = base64.urlsafe_b64encode(
        hashlib.sha256(b"huisvanhetkind.questions.fernet:" + secret.encode()).digest()
    )
    return Fernet(key).encrypt(value.encode()).decode()


def test_values_from_before_key_ids_stay_readable_and_are_rotated(settings, questions):
    question = questions[0]
    store(Question, question.pk, "text", legacy_encrypt(settings.SECRET_KEY, "Oude vraag"))
    assert Question.objects.get(pk=question.pk).text == "Oude vraag"

    settings.FIELD_ENCRYPTION_KEYS = [KEY_B, KEY_A]
    call_command("rotate_encryption_keys", stdout=StringIO())
    assert stored(Question, question.pk, "text").startswith("b:")
    settings.FIELD_ENCRYPTION_KEYS = [KEY_B]
    settings.FIELD_ENCRYPTION_LEGACY = False
    assert Question.objects.get(pk=question.pk).text == "Oude vraag"


def test_without_the_legacy_setting_an_old_value_is_a_clear_error(settings, questions):
    store(Question, questions[0].pk, "text", legacy_encrypt(settings.SECRET_KEY, "Oude vraag"))
    settings.FIELD_ENCRYPTION_LEGACY = False
    with pytest.raises(crypto.EncryptionKeyError, match="SECRET_KEY"):
        Question.objects.get(pk=questions[0].pk)


def test_a_damaged_value_never_shows_its_ciphertext(settings, questions):
    raw = stored(Question, questions[0].pk, "text")
    store(Question, questions[0].pk, "text", raw[:-4] + "AAAA")
    assert Question.objects.get(pk=questions[0].pk).text == ""
    with pytest.raises(crypto.DecryptionError):
        crypto.decrypt(raw[:-4] + "AAAA", strict=True)


@pytest.mark.parametrize(
    ("entries", "message"),
    [
        ([], "Set the environment variable FIELD_ENCRYPTION_KEYS"),
        (["zonder-id"], "must be <id>:<key>"),
        (["a:kort"], "not a Fernet key"),
        ([KEY_A, KEY_A], "listed twice"),
    ],
)
def test_a_missing_or_malformed_key_list_is_refused(settings, entries, message):
    settings.FIELD_ENCRYPTION_KEYS = entries
    with pytest.raises(ImproperlyConfigured, match=message):
        crypto.encrypt("x")


def test_the_system_check_requires_keys_without_debug(settings):
    settings.DEBUG = False
    settings.FIELD_ENCRYPTION_KEYS = []
    errors = crypto.field_encryption_keys_are_configured(None)
    assert [e.id for e in errors] == ["core.E001"] and "FIELD_ENCRYPTION_KEYS" in errors[0].msg
    settings.FIELD_ENCRYPTION_KEYS = [crypto.DEVELOPMENT_KEY]
    assert [e.id for e in crypto.field_encryption_keys_are_configured(None)] == ["core.E002"]
    settings.FIELD_ENCRYPTION_KEYS = ["a:kort"]
    assert [e.id for e in crypto.field_encryption_keys_are_configured(None)] == ["core.E001"]
    settings.FIELD_ENCRYPTION_KEYS = [KEY_A, KEY_B]  # positive control
    assert crypto.field_encryption_keys_are_configured(None) == []
    settings.DEBUG = True
    settings.FIELD_ENCRYPTION_KEYS = []
    assert crypto.field_encryption_keys_are_configured(None) == []


def test_debug_uses_the_development_key():
    # The test run loads the settings with DEBUG=1 (pytest-env); Django then turns DEBUG off.
    from django.conf import settings as live

    assert live.FIELD_ENCRYPTION_KEYS == [crypto.DEVELOPMENT_KEY]
    assert crypto.encrypt("x").startswith("dev:")


def test_the_deploy_check_names_the_missing_variable():
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": "a-long-random-secret-key-for-this-test-only-0123456789-abcdefghijkl",
        "ALLOWED_HOSTS": "huisvanhetkind.example.be",
        "FAMILY_DIGEST_KEYS": "ci:" + "D" * 43,
    }
    env.pop("FIELD_ENCRYPTION_KEYS", None)
    command = [sys.executable, "-m", "django", "check", "--deploy"]
    env["DJANGO_SETTINGS_MODULE"] = "huisvanhetkind.settings"
    failed = subprocess.run(command, env=env, capture_output=True, text=True)
    assert failed.returncode != 0 and "FIELD_ENCRYPTION_KEYS is not set" in failed.stderr
    env["FIELD_ENCRYPTION_KEYS"] = KEY_A
    passed = subprocess.run(command, env=env, capture_output=True, text=True)
    assert "core.E00" not in passed.stderr + passed.stdout
