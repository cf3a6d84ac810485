"""Validators for Belgian identifiers."""

import re

from django.core.exceptions import ValidationError
from django.db import connection
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.core.paths import RESERVED_SLUGS


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
    # ASCII digits only: ``\d`` would also take Arabic-Indic and other scripts' digits.
    if not re.fullmatch(r"[01][0-9]{9}", digits):
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


def parse_database_id(value, model) -> int | None:
    """``value`` as a primary key of ``model``, or None when it is not one.

    Only ASCII digits count (``int()`` also reads "٣" as 3) and the number must fit the key's
    column, so that a 30-digit value never reaches the database."""
    text = str(value).strip()
    if not re.fullmatch(r"[0-9]{1,19}", text):
        return None
    number = int(text)
    low, high = connection.ops.integer_field_range(model._meta.pk.get_internal_type())
    if (low is not None and number < low) or (high is not None and number > high):
        return None
    return number


def validate_house_slug(value: str) -> None:
    if value in RESERVED_SLUGS:
        raise ValidationError(
            _("'%(slug)s' is voorbehouden voor het platform."),
            params={"slug": value},
            code="reserved",
        )
