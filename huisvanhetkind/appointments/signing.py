"""The signed link with which a family sees, changes or cancels its appointment.

The link carries a random token signed with a time stamp (``django.core.signing``, own salt);
only the token's digest is stored. An altered or expired link finds nothing (404)."""

from django.conf import settings
from django.core import signing

from huisvanhetkind.core.tokens import new_token

SALT = "huisvanhetkind.appointments.appointment"


def max_age_seconds() -> int:
    return getattr(settings, "APPOINTMENT_LINK_MAX_AGE_DAYS", 400) * 24 * 3600


def new_link_token() -> tuple[str, str]:
    """A fresh random token and its signed, time-stamped form for the link."""
    token = new_token()
    return token, signing.TimestampSigner(salt=SALT).sign(token)


def unsign(signed: str) -> str | None:
    """The token inside a signed link, or None when it is altered or expired."""
    try:
        return signing.TimestampSigner(salt=SALT).unsign(signed, max_age=max_age_seconds())
    except signing.BadSignature:
        return None
