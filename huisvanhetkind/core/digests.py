"""Keyed digests of a family's e-mail address and phone number: find a family's records by its
own contact details without decrypting every row.

A digest is HMAC-SHA256 of the normalised value under a key of its own, never SECRET_KEY: a
database leak does not let anyone test a list of addresses against it. The keys come from
``FAMILY_DIGEST_KEYS``: comma-separated ``<id>:<secret>`` entries, where ``<id>`` names the key
(letters, digits, ``-`` and ``_``) and ``<secret>`` is at least 32 characters
(``python -c "import secrets; print(secrets.token_urlsafe(32))"``). The first key makes new
digests; every listed key is used for matching, so that records digested before a new key was
put first are still found. Without ``DEBUG`` the variable is required (system check
``core.E003``); with ``DEBUG`` a fixed, public development key is used (``core.E004`` refuses it
in production).

Normalising makes one address or number give one digest however it was typed: an e-mail
address is trimmed and lowercased; a phone number loses its spaces, dots, dashes, slashes and
brackets and is written in E.164 for Belgium where possible (``0470 12 34 56`` and
``+32 (0)470 12.34.56`` are ``+32470123456``; ``0032...`` is ``+32...``).
"""

import hashlib
import hmac
import re
from functools import lru_cache

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured

SETTING = "FAMILY_DIGEST_KEYS"
SEPARATOR = ":"
KEY_ID = re.compile(r"[A-Za-z0-9_-]{1,32}\Z")
MIN_SECRET_LENGTH = 32
# Only for DEBUG (development, tests, the demo): public, so it protects nothing.
DEVELOPMENT_KEY = "dev:huisvanhetkind-family-digests-development-only"

EMAIL, PHONE = "email", "phone"
KINDS = (EMAIL, PHONE)

BELGIUM = "32"
_PHONE_SEPARATORS = re.compile(r"[\s.\-/()]")
_TRUNK_ZERO = re.compile(r"^\+32\s*\(0\)")  # +32 (0)470 ...: the zero is not dialled
_E164 = re.compile(r"\+[1-9][0-9]{6,14}\Z")


def parse_keys(entries) -> list[tuple[str, bytes]]:
    """``["id:secret", ...]`` as ``[(id, secret), ...]``; ImproperlyConfigured (never echoing a
    secret) when an entry is malformed, an id is repeated or a secret is too short."""
    parsed = []
    for position, entry in enumerate(entries, start=1):
        key_id, separator, secret = entry.strip().partition(SEPARATOR)
        if not separator or not KEY_ID.match(key_id):
            raise ImproperlyConfigured(
                f"{SETTING}: entry {position} must be <id>:<secret>, with an id of letters, "
                "digits, '-' or '_' (at most 32)."
            )
        if any(key_id == known for known, _ in parsed):
            raise ImproperlyConfigured(f"{SETTING}: the key id {key_id!r} is listed twice.")
        if len(secret.strip()) < MIN_SECRET_LENGTH:
            raise ImproperlyConfigured(
                f"{SETTING}: the secret of {key_id!r} is shorter than {MIN_SECRET_LENGTH} "
                "characters (make one with secrets.token_urlsafe(32))."
            )
        parsed.append((key_id, secret.strip().encode()))
    return parsed


@lru_cache(maxsize=8)
def _keys(entries: tuple) -> tuple[tuple[str, bytes], ...]:
    keys = parse_keys(entries)
    if not keys:
        raise ImproperlyConfigured(
            f"Set the environment variable {SETTING} (comma-separated <id>:<secret>; the first "
            "makes new digests, all are used for matching). It is required when DEBUG is off."
        )
    return tuple(keys)


def keys() -> tuple[tuple[str, bytes], ...]:
    """The configured keys, the current one first."""
    return _keys(tuple(getattr(settings, SETTING, ())))


def normalise_email(value: str) -> str:
    """An e-mail address as one string however it was typed: no white space, lowercase."""
    return "".join(value.split()).lower()


def normalise_phone(value: str) -> str:
    """A phone number in E.164, read as Belgian when it has no country code; a value that is
    no phone number keeps only its characters without separators (so it still digests the same
    way every time)."""
    number = _PHONE_SEPARATORS.sub("", _TRUNK_ZERO.sub("+32", value.strip()))
    if number.startswith("00"):
        number = "+" + number[2:]
    elif number.startswith("0"):
        number = "+" + BELGIUM + number[1:]
    if number.startswith("+320"):  # +32 0470 ...: the trunk zero typed after the country code
        number = "+32" + number[4:]
    return number if _E164.match(number) else number.lower()


def normalise(value: str, kind: str) -> str:
    if kind == EMAIL:
        return normalise_email(value or "")
    if kind == PHONE:
        return normalise_phone(value or "")
    raise ValueError(f"Unknown kind of contact detail {kind!r}; expected one of {KINDS}.")


def _digest(secret: bytes, kind: str, normalised: str) -> str:
    # The kind is part of the message: an e-mail address and a phone number never collide.
    message = f"{kind}{SEPARATOR}{normalised}".encode()
    return hmac.new(secret, message, hashlib.sha256).hexdigest()


def contact_digest(value: str, kind: str = EMAIL) -> str:
    """The digest of an e-mail address or phone number under the current key (64 hex
    characters); the empty string for an empty value."""
    normalised = normalise(value, kind)
    if not normalised:
        return ""
    return _digest(keys()[0][1], kind, normalised)


def contact_digests(value: str, kind: str = EMAIL) -> list[str]:
    """The digests of a value under every configured key, the current one first: what to
    match stored digests against (``email_digest__in=...``). Empty for an empty value."""
    normalised = normalise(value, kind)
    if not normalised:
        return []
    return [_digest(secret, kind, normalised) for _, secret in keys()]


@checks.register(checks.Tags.security)
def family_digest_keys_are_configured(app_configs, **kwargs):
    """Without DEBUG, FAMILY_DIGEST_KEYS must be set, valid, and not the development key."""
    if settings.DEBUG:
        return []
    entries = list(getattr(settings, SETTING, ()))
    hint = (
        f"Set {SETTING} to comma-separated <id>:<secret> entries, e.g. "
        f"{SETTING}=2026-01:<output of secrets.token_urlsafe(32)>; the first makes new digests, "
        "all are used for matching."
    )
    if not entries:
        return [checks.Error(f"{SETTING} is not set.", hint=hint, id="core.E003")]
    try:
        parsed = parse_keys(entries)
    except ImproperlyConfigured as exc:
        return [checks.Error(str(exc), hint=hint, id="core.E003")]
    if any(f"{key_id}{SEPARATOR}{secret.decode()}" == DEVELOPMENT_KEY for key_id, secret in parsed):
        return [
            checks.Error(f"{SETTING} lists the public development key.", hint=hint, id="core.E004")
        ]
    return []
