"""Validators for Belgian identifiers."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def normalise_enterprise_number(value: str) -> str:
    """Return the ten digits of a KBO/BCE enterprise number, without dots, spaces or 'BE'."""
    digits = re.sub(r"[\s.\-]", "", value or "").upper()
    if digits.startswith("BE"):
        digits = digits[2:]
    if len(digits) == 9:  # old numbers are written without the leading zero
        digits = "0" + digits
    return digits


def validate_enterprise_number(value: str) -> None:
    """Check a KBO enterprise number: ten digits, starting with 0 or 1, valid check digits.

    The last two digits are 97 minus the first eight digits modulo 97.
    """
    digits = normalise_enterprise_number(value)
    if not re.fullmatch(r"[01]\d{9}", digits):
        raise ValidationError(
            _("Een ondernemingsnummer heeft 10 cijfers en begint met 0 of 1, bv. 0207.437.468."),
            code="format",
        )
    if 97 - int(digits[:8]) % 97 != int(digits[8:]):
        raise ValidationError(
            _(
                "Dit ondernemingsnummer klopt niet: de controlecijfers zijn fout. Kijk het na in de KBO."
            ),
            code="checksum",
        )


def format_enterprise_number(value: str) -> str:
    digits = normalise_enterprise_number(value)
    if len(digits) != 10:
        return value
    return f"{digits[:4]}.{digits[4:7]}.{digits[7:]}"


# First path segments that belong to the platform; a house cannot take them as its slug.
RESERVED_SLUGS = {
    "accounts",
    "admin",
    "api",
    "beheer",
    "healthz",
    "i18n",
    "media",
    "privacy",
    "static",
    "toegankelijkheid",
    "uitnodiging",
}


def validate_house_slug(value: str) -> None:
    if value in RESERVED_SLUGS:
        raise ValidationError(
            _("'%(slug)s' is voorbehouden voor het platform."),
            params={"slug": value},
            code="reserved",
        )
