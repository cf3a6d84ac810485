"""The signed link with which a family sees, changes or cancels a registration."""

import secrets

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

SALT = "huisvanhetkind.activities.registration"


def max_age_seconds() -> int:
    return getattr(settings, "REGISTRATION_LINK_MAX_AGE_DAYS", 200) * 24 * 3600


def new_token() -> tuple[str, str]:
    """A fresh random token and its signed, time-stamped form for the link."""
    token = secrets.token_urlsafe(24)
    return token, signing.TimestampSigner(salt=SALT).sign(token)


def unsign(signed: str) -> str:
    """The token inside a signed link; a clear Dutch message when it is expired or altered."""
    try:
        return signing.TimestampSigner(salt=SALT).unsign(signed, max_age=max_age_seconds())
    except signing.SignatureExpired:
        raise ValidationError(
            _("Deze link is verlopen. Neem contact op met het Huis van het Kind."), code="expired"
        ) from None
    except signing.BadSignature:
        raise ValidationError(
            _("Deze link is niet geldig. Controleer of je hem volledig hebt overgenomen."),
            code="invalid",
        ) from None
