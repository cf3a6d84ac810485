"""Encryption at rest for free text about a family (Fernet, key derived from SECRET_KEY).

Rotating SECRET_KEY keeps old values readable as long as the old key is listed in
SECRET_KEY_FALLBACKS: the first key encrypts, every key decrypts.
"""

import base64
import hashlib
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.db import models

_CONTEXT = b"huisvanhetkind.questions.fernet:"


def _key(secret: str) -> bytes:
    return base64.urlsafe_b64encode(hashlib.sha256(_CONTEXT + secret.encode()).digest())


@lru_cache(maxsize=4)
def _fernet(secret: str, fallbacks: tuple[str, ...]) -> MultiFernet:
    return MultiFernet([Fernet(_key(s)) for s in (secret, *fallbacks)])


def fernet() -> MultiFernet:
    return _fernet(settings.SECRET_KEY, tuple(getattr(settings, "SECRET_KEY_FALLBACKS", ())))


def encrypt(value: str) -> str:
    return fernet().encrypt(value.encode()).decode() if value else ""


def decrypt(value: str) -> str:
    if not value:
        return ""
    try:
        return fernet().decrypt(value.encode()).decode()
    except InvalidToken:
        # Not readable with any known key: never show ciphertext, never crash a page.
        return ""


class EncryptedTextField(models.TextField):
    """A text field stored encrypted; the empty string stays empty (erased data)."""

    def from_db_value(self, value, expression, connection):
        return decrypt(value) if value is not None else value

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        return encrypt(value) if value else value
