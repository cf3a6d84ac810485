"""What the HSDS modules share: the version, the namespace of derived ids, our constants and
the small conversions of values."""

import uuid
from datetime import UTC, datetime
from decimal import Decimal

from django.utils import translation

from huisvanhetkind.core.languages import LANGUAGE_CHOICES

HSDS_VERSION = "3.0"

# The namespace of every id we derive; never change it, or all derived ids change.
HSDS_NAMESPACE = uuid.UUID("6f1d3c52-7b0e-4d7a-9a51-2f8e6c4b9d10")

COUNTRY = "BE"
CURRENCY = "EUR"
ENTERPRISE_SCHEME = "BE-BCE_KBO"  # org-id.guide: Crossroads Bank for Enterprises
NIS_URI_PREFIX = "urn:nis:"
EXPECTING_PARENTS = "aanstaand"  # the slug of the age group "Aanstaande ouders"

COST_FREE = "Gratis"
COST_NORMAL = "Normale prijs"
COST_SOCIAL = "Sociaal tarief / UiTPAS-kansentarief"

LANGUAGE_NAMES_NL = dict(LANGUAGE_CHOICES)
WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]  # index = OpeningHours.weekday


# ISO 639-2/3 codes of our languages, and their English names, for data from elsewhere.
LANGUAGE_ALIASES = {
    "nld": "nl",
    "dut": "nl",
    "vls": "nl",
    "fra": "fr",
    "fre": "fr",
    "eng": "en",
    "deu": "de",
    "ger": "de",
    "ara": "ar",
    "tur": "tr",
    "pol": "pl",
    "ron": "ro",
    "rum": "ro",
    "ukr": "uk",
    "rus": "ru",
    "spa": "es",
    "som": "so",
    "tir": "ti",
    "pus": "ps",
    "vgt": "sgn",
    "dutch": "nl",
    "flemish": "nl",
    "french": "fr",
    "english": "en",
    "german": "de",
    "arabic": "ar",
    "turkish": "tr",
    "polish": "pl",
    "romanian": "ro",
    "ukrainian": "uk",
    "russian": "ru",
    "spanish": "es",
    "somali": "so",
    "tigrinya": "ti",
    "dari": "prs",
    "pashto": "ps",
}


def derived_id(*parts) -> str:
    """A stable UUID for a part of a record that has no row (and so no id) of its own."""
    return str(uuid.uuid5(HSDS_NAMESPACE, "/".join(str(part) for part in parts)))


def compact(data: dict) -> dict:
    """Drop empty optional values: HSDS types are not nullable, and "" says nothing."""
    return {key: value for key, value in data.items() if value not in (None, "")}


def dutch(text) -> str:
    with translation.override("nl"):
        return str(text)


def timestamp(value: datetime | None) -> str | None:
    """A UTC date-time with millisecond accuracy, as HSDS asks."""
    if value is None:
        return None
    value = value.astimezone(UTC)
    return value.strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 1000:03d}Z"


def amount_to_hsds(value: Decimal | None):
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)
