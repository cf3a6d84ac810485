"""Keyed digests of e-mail addresses and phone numbers (core.digests): one digest however a
value is typed, a key of their own with versions, and a system check for production."""

import os
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from huisvanhetkind.core import digests
from huisvanhetkind.core.digests import EMAIL, PHONE, contact_digest, contact_digests

KEY_A = "a:" + "A" * 43
KEY_B = "b:" + "B" * 43


def test_an_email_address_digests_the_same_however_it_is_typed():
    digest = contact_digest("sara@example.be", EMAIL)
    assert len(digest) == 64
    assert contact_digest("  Sara@Example.BE ", EMAIL) == digest
    assert contact_digest("SARA@EXAMPLE.BE\n", EMAIL) == digest
    assert contact_digest("sara2@example.be", EMAIL) != digest  # another address: another digest


@pytest.mark.parametrize(
    "typed",
    [
        "0470 12 34 56",
        "0470123456",
        "0470/12.34.56",
        "0470-12-34-56",
        "+32 470 12 34 56",
        "+32470123456",
        "+32 (0)470 12 34 56",
        "+32 0470 12 34 56",
        "0032 470 12 34 56",
        " (0470) 12 34 56 ",
    ],
)
def test_a_belgian_phone_number_is_written_in_e164_however_it_is_typed(typed):
    assert digests.normalise_phone(typed) == "+32470123456"
    assert contact_digest(typed, PHONE) == contact_digest("+32470123456", PHONE)


def test_other_phone_numbers_keep_their_own_digest():
    assert digests.normalise_phone("03 123 45 67") == "+3231234567"  # a landline
    assert digests.normalise_phone("+31 6 12345678") == "+31612345678"  # the Netherlands
    assert digests.normalise_phone("00 31 6 12345678") == "+31612345678"
    assert contact_digest("0470 12 34 57", PHONE) != contact_digest("0470 12 34 56", PHONE)
    # Not a phone number: still one digest for one value, never a crash.
    assert digests.normalise_phone("bel me") == "belme"
    assert contact_digest("bel me", PHONE) == contact_digest("Bel  Me", PHONE)


def test_an_email_address_and_a_phone_number_never_share_a_digest():
    assert contact_digest("0470123456", EMAIL) != contact_digest("0470123456", PHONE)


def test_nothing_has_no_digest():
    assert contact_digest("", EMAIL) == contact_digest("  ", PHONE) == ""
    assert contact_digests("", EMAIL) == [] and contact_digests(" ", PHONE) == []
    with pytest.raises(ValueError):
        contact_digest("sara@example.be", "fax")


def test_the_digest_depends_on_the_key(settings):
    settings.FAMILY_DIGEST_KEYS = [KEY_A]
    under_a = contact_digest("sara@example.be", EMAIL)
    settings.FAMILY_DIGEST_KEYS = [KEY_B]
    under_b = contact_digest("sara@example.be", EMAIL)
    assert under_a != under_b
    settings.FAMILY_DIGEST_KEYS = [KEY_A]  # the same key: the same digest again
    assert contact_digest("sara@example.be", EMAIL) == under_a


def test_a_new_key_makes_new_digests_and_every_key_matches(settings):
    settings.FAMILY_DIGEST_KEYS = [KEY_A]
    old = contact_digest("sara@example.be", EMAIL)
    settings.FAMILY_DIGEST_KEYS = [KEY_B, KEY_A]
    new = contact_digest("sara@example.be", EMAIL)
    assert new != old
    assert contact_digests("Sara@example.be", EMAIL) == [new, old]
    settings.FAMILY_DIGEST_KEYS = [KEY_B]  # the old key retired: its digests no longer match
    assert contact_digests("sara@example.be", EMAIL) == [new]


@pytest.mark.parametrize(
    ("entries", "message"),
    [
        ([], "Set the environment variable FAMILY_DIGEST_KEYS"),
        (["zonder-id"], "must be <id>:<secret>"),
        (["a:kort"], "shorter than 32 characters"),
        ([KEY_A, "a:" + "C" * 43], "listed twice"),
    ],
)
def test_a_missing_or_malformed_key_list_is_refused(settings, entries, message):
    settings.FAMILY_DIGEST_KEYS = entries
    with pytest.raises(ImproperlyConfigured, match=message):
        contact_digest("sara@example.be", EMAIL)
    settings.FAMILY_DIGEST_KEYS = [KEY_A]  # positive control
    assert contact_digest("sara@example.be", EMAIL)


def test_a_malformed_key_is_never_echoed(settings):
    settings.FAMILY_DIGEST_KEYS = ["a:geheim-maar-te-kort"]
    with pytest.raises(ImproperlyConfigured) as raised:
        contact_digest("sara@example.be", EMAIL)
    assert "geheim" not in str(raised.value)


def test_the_system_check_requires_keys_without_debug(settings):
    check = digests.family_digest_keys_are_configured
    settings.DEBUG = False
    settings.FAMILY_DIGEST_KEYS = []
    errors = check(None)
    assert [e.id for e in errors] == ["core.E003"] and "FAMILY_DIGEST_KEYS" in errors[0].msg
    settings.FAMILY_DIGEST_KEYS = [digests.DEVELOPMENT_KEY]
    assert [e.id for e in check(None)] == ["core.E004"]
    settings.FAMILY_DIGEST_KEYS = [KEY_A, digests.DEVELOPMENT_KEY]
    assert [e.id for e in check(None)] == ["core.E004"]
    settings.FAMILY_DIGEST_KEYS = ["a:kort"]
    assert [e.id for e in check(None)] == ["core.E003"]
    settings.FAMILY_DIGEST_KEYS = [KEY_A, KEY_B]  # positive control
    assert check(None) == []
    settings.DEBUG = True
    settings.FAMILY_DIGEST_KEYS = []
    assert check(None) == []


def test_debug_uses_the_development_key():
    # The test run loads the settings with DEBUG=1 (pytest-env); Django then turns DEBUG off.
    from django.conf import settings as live

    assert live.FAMILY_DIGEST_KEYS == [digests.DEVELOPMENT_KEY]
    assert digests.keys()[0][0] == "dev"


def test_the_deploy_check_names_the_missing_variable():
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": "a-long-random-secret-key-for-this-test-only-0123456789-abcdefghijkl",
        "FIELD_ENCRYPTION_KEYS": "ci:" + "A" * 43 + "=",
        "ALLOWED_HOSTS": "huisvanhetkind.example.be",
        "DJANGO_SETTINGS_MODULE": "huisvanhetkind.settings",
    }
    env.pop("FAMILY_DIGEST_KEYS", None)
    command = [sys.executable, "-m", "django", "check", "--deploy"]
    failed = subprocess.run(command, env=env, capture_output=True, text=True)
    assert failed.returncode != 0 and "FAMILY_DIGEST_KEYS is not set" in failed.stderr
    env["FAMILY_DIGEST_KEYS"] = KEY_A
    passed = subprocess.run(command, env=env, capture_output=True, text=True)
    assert "core.E003" not in passed.stderr + passed.stdout
    assert "core.E004" not in passed.stderr + passed.stdout
