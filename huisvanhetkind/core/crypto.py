"""Encryption at rest for free text about a family (Fernet), with keys of its own.

The keys come from ``FIELD_ENCRYPTION_KEYS``: comma-separated ``<id>:<key>`` entries, where
``<id>`` names the key (letters, digits, ``-`` and ``_``) and ``<key>`` is a Fernet key
(``python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"``).
The first key encrypts; every listed key decrypts. A stored value is ``<id>:<Fernet token>``, so
it names the key it needs. Without ``DEBUG`` the variable is required (system check
``core.E001``); with ``DEBUG`` a fixed development key is used.

Values written before these keys existed are Fernet tokens without an id, under a key derived
from ``SECRET_KEY`` (or one of ``SECRET_KEY_FALLBACKS``). They stay readable while
``FIELD_ENCRYPTION_LEGACY`` is on (the default) and ``rotate_encryption_keys`` re-encrypts them
under the current key; after that run, turn the setting off.

Rotating: put the new key first and keep the old one listed, run ``rotate_encryption_keys``,
then remove the old key.
"""

import base64
import binascii
import hashlib
import logging
import re
from dataclasses import dataclass, field
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.apps import apps
from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from django.db import models, transaction
from django.db.models.functions import Cast

logger = logging.getLogger(__name__)

SETTING = "FIELD_ENCRYPTION_KEYS"
SEPARATOR = ":"  # never part of a Fernet token (URL-safe base64)
KEY_ID = re.compile(r"[A-Za-z0-9_-]{1,32}\Z")
# Only for DEBUG (development, tests, the demo): public, so it protects nothing.
DEVELOPMENT_KEY = "dev:" + base64.urlsafe_b64encode(b"huisvanhetkind development only!").decode()

_LEGACY_CONTEXT = b"huisvanhetkind.questions.fernet:"


class EncryptionKeyError(ImproperlyConfigured):
    """A stored value needs a key that the configuration does not list."""


class DecryptionError(ValueError):
    """A stored value does not decrypt with the key it names (damaged or tampered with)."""


def parse_keys(entries) -> list[tuple[str, bytes]]:
    """``["id:key", ...]`` as ``[(id, key), ...]``; ImproperlyConfigured (never echoing a key)
    when an entry is malformed, an id is repeated or a key is not a Fernet key."""
    parsed = []
    for position, entry in enumerate(entries, start=1):
        key_id, separator, key = entry.strip().partition(SEPARATOR)
        if not separator or not KEY_ID.match(key_id):
            raise ImproperlyConfigured(
                f"{SETTING}: entry {position} must be <id>:<key>, with an id of letters, "
                "digits, '-' or '_' (at most 32)."
            )
        if any(key_id == known for known, _ in parsed):
            raise ImproperlyConfigured(f"{SETTING}: the key id {key_id!r} is listed twice.")
        try:
            Fernet(key.strip().encode())
        except (ValueError, binascii.Error) as exc:
            raise ImproperlyConfigured(
                f"{SETTING}: the key of {key_id!r} is not a Fernet key (32 bytes, URL-safe "
                "base64; make one with Fernet.generate_key())."
            ) from exc
        parsed.append((key_id, key.strip().encode()))
    return parsed


def _legacy_key(secret: str) -> bytes:
    return base64.urlsafe_b64encode(hashlib.sha256(_LEGACY_CONTEXT + secret.encode()).digest())


@dataclass(frozen=True)
class Keyring:
    current_id: str
    fernets: dict = field(repr=False)
    legacy: MultiFernet | None = field(repr=False)


@lru_cache(maxsize=8)
def _keyring(entries: tuple, legacy: bool, secrets: tuple) -> Keyring:
    keys = parse_keys(entries)
    if not keys:
        raise ImproperlyConfigured(
            f"Set the environment variable {SETTING} (comma-separated <id>:<Fernet key>; the "
            "first encrypts, all decrypt). It is required when DEBUG is off."
        )
    return Keyring(
        current_id=keys[0][0],
        fernets={key_id: Fernet(key) for key_id, key in keys},
        legacy=MultiFernet([Fernet(_legacy_key(s)) for s in secrets]) if legacy else None,
    )


def keyring() -> Keyring:
    secrets = (settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", ()))
    return _keyring(
        tuple(getattr(settings, SETTING, ())),
        bool(getattr(settings, "FIELD_ENCRYPTION_LEGACY", True)),
        tuple(secrets),
    )


def key_id_of(value: str) -> str | None:
    """The id of the key a stored value names; None for a value from before key ids."""
    key_id, separator, _ = value.partition(SEPARATOR)
    return key_id if separator else None


def _key_name(key_id: str | None) -> str:
    return f"key {key_id!r}" if key_id else "the key derived from SECRET_KEY"


def encrypt(value: str) -> str:
    if not value:
        return ""
    ring = keyring()
    token = ring.fernets[ring.current_id].encrypt(value.encode()).decode()
    return f"{ring.current_id}{SEPARATOR}{token}"


def decrypt(value: str, *, strict: bool = False) -> str:
    """The clear text of a stored value.

    A value under a key that is not listed raises EncryptionKeyError: a configuration mistake
    must be loud, not look like erased data. A damaged value never shows its ciphertext: it
    reads as empty (logged), or raises DecryptionError when ``strict``.
    """
    if not value:
        return ""
    ring = keyring()
    key_id = key_id_of(value)
    if key_id is None:
        if ring.legacy is None:
            raise EncryptionKeyError(
                "A value was encrypted with the old key derived from SECRET_KEY, and "
                "FIELD_ENCRYPTION_LEGACY is off. Turn it on and run rotate_encryption_keys."
            )
        fernet, token = ring.legacy, value
    else:
        fernet, token = ring.fernets.get(key_id), value[len(key_id) + 1 :]
        if fernet is None:
            raise EncryptionKeyError(
                f"A value was encrypted with the key {key_id!r}, which {SETTING} does not list "
                f"(it lists {', '.join(map(repr, ring.fernets))}). Add that key back to "
                f"{SETTING} (after the current one) and run rotate_encryption_keys."
            )
    try:
        return fernet.decrypt(token.encode()).decode()
    except InvalidToken as exc:
        if strict:
            raise DecryptionError(f"The value does not decrypt with {_key_name(key_id)}.") from exc
        logger.error("An encrypted value does not decrypt with %s; shown empty.", _key_name(key_id))
        return ""


class EncryptedTextField(models.TextField):
    """A text field stored encrypted; the empty string stays empty (erased data)."""

    def from_db_value(self, value, expression, connection):
        return decrypt(value) if value is not None else value

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        return encrypt(value) if value else value


@checks.register(checks.Tags.security)
def field_encryption_keys_are_configured(app_configs, **kwargs):
    """Without DEBUG, FIELD_ENCRYPTION_KEYS must be set, valid, and not the development key."""
    if settings.DEBUG:
        return []
    entries = list(getattr(settings, SETTING, ()))
    hint = (
        f"Set {SETTING} to comma-separated <id>:<Fernet key> entries, e.g. "
        f"{SETTING}=2026-01:<output of Fernet.generate_key()>; the first encrypts, all decrypt."
    )
    if not entries:
        return [checks.Error(f"{SETTING} is not set.", hint=hint, id="core.E001")]
    try:
        keys = parse_keys(entries)
    except ImproperlyConfigured as exc:
        return [checks.Error(str(exc), hint=hint, id="core.E001")]
    if any(f"{key_id}:{key.decode()}" == DEVELOPMENT_KEY for key_id, key in keys):
        return [
            checks.Error(f"{SETTING} lists the public development key.", hint=hint, id="core.E002")
        ]
    return []


# --- Rotation -------------------------------------------------------------------------------


def encrypted_fields():
    """Every model with encrypted fields, and those fields."""
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        fields = [f for f in model._meta.concrete_fields if isinstance(f, EncryptedTextField)]
        if fields:
            yield model, fields


@dataclass
class RotationCount:
    label: str
    rotated: int = 0
    current: int = 0
    empty: int = 0
    unreadable: int = 0


def reencrypt_all(*, batch_size: int = 500, dry_run: bool = False) -> list[RotationCount]:
    """Re-encrypt every stored value that is not under the current key, in batches of rows.

    Idempotent: values already under the current key are left alone, so a second run (or a run
    after an interruption) rotates only what is left. A value that cannot be decrypted is
    counted as unreadable and never overwritten.
    """
    current = keyring().current_id
    counts = []
    for model, fields in encrypted_fields():
        raw = {f"_raw_{f.attname}": Cast(f.attname, models.TextField()) for f in fields}
        field_counts = {f.attname: RotationCount(f"{model._meta.label}.{f.name}") for f in fields}
        last_pk = None
        while True:
            with transaction.atomic():
                rows = model._base_manager.order_by("pk")
                if last_pk is not None:
                    rows = rows.filter(pk__gt=last_pk)
                if not dry_run:
                    rows = rows.select_for_update()
                batch = list(rows.annotate(**raw).values_list("pk", *raw)[:batch_size])
                for pk, *values in batch:
                    changes = {}
                    for f, value in zip(fields, values, strict=True):
                        count = field_counts[f.attname]
                        if not value:
                            count.empty += 1
                        elif key_id_of(value) == current:
                            count.current += 1
                        else:
                            try:
                                changes[f.attname] = decrypt(value, strict=True)
                            except (EncryptionKeyError, DecryptionError):
                                count.unreadable += 1
                                logger.error(
                                    "%s #%s: %s is unreadable.", model._meta.label, pk, f.name
                                )
                            else:
                                count.rotated += 1
                    if changes and not dry_run:
                        # update() encrypts through the field, under the current key.
                        model._base_manager.filter(pk=pk).update(**changes)
            if len(batch) < batch_size:
                break
            last_pk = batch[-1][0]
        counts.extend(field_counts.values())
    return counts
