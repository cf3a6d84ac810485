"""Reading the fields of one HSDS record: each reader returns what we can hold, or None (the
field is left as it is) after noting on the record why it did not take the value."""

import re
from datetime import datetime, time
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

from huisvanhetkind.catalogue.hsds.common import (
    COST_FREE,
    COST_NORMAL,
    CURRENCY,
    LANGUAGE_ALIASES,
    LANGUAGE_NAMES_NL,
    WEEKDAYS,
    dutch,
)
from huisvanhetkind.catalogue.models import Service
from huisvanhetkind.core.languages import LANGUAGE_CHOICES
from huisvanhetkind.network.models import Organisation
from huisvanhetkind.network.validators import (
    normalise_enterprise_number,
    validate_enterprise_number,
)

SERVICE_FIELDS_WE_CANNOT_HOLD = (
    "interpretation_services",
    "wait_time",
    "fees",
    "accreditations",
    "assurer_email",
    "licenses",
    "alert",
    "program_id",
    "program",
    "funding",
    "required_documents",
    "metadata",
)
ORGANIZATION_FIELDS_WE_CANNOT_HOLD = (
    "alternate_name",
    "tax_status",
    "tax_id",
    "year_incorporated",
    "legal_status",
    "logo",
    "uri",
    "parent_organization_id",
    "funding",
    "contacts",
    "programs",
    "metadata",
)
LOCATION_FIELDS_WE_CANNOT_HOLD = (
    "url",
    "alternate_name",
    "description",
    "transportation",
    "external_identifier",
    "external_identifier_type",
    "languages",
    "contacts",
    "phones",
    "attributes",
    "metadata",
)

# Keys only a taxonomy or a taxonomy term has (both also have id, name and description).
TAXONOMY_KEYS = {"code", "taxonomy", "taxonomy_id", "taxonomy_detail", "term_uri", "version"}

MAX_AGE = 120
MIN_YEAR, MAX_YEAR = 1900, 2999  # of a date in a document or a parameter
ID_MAX_LENGTH = 64


class RecordRejected(Exception):
    """This record cannot be taken; the message says why (Dutch)."""


def short(value, limit: int = 60) -> str:
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


class Record:
    """The problems found in one record, with the label they are reported under."""

    def __init__(self, label: str):
        self.label = label
        self.problems: list[str] = []

    def warn(self, message: str) -> None:
        self.problems.append(f"{self.label}: {message}")


class RecordReader:
    """The readers of the fields of a record, shared by the importer's organisations, locations
    and services."""

    @staticmethod
    def _id(data: dict) -> str:
        value = data.get("id")
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str) or not value.strip():
            raise RecordRejected(_("geen id"))
        value = value.strip()
        if len(value) > ID_MAX_LENGTH:
            raise RecordRejected(_("het id is langer dan %(n)d tekens") % {"n": ID_MAX_LENGTH})
        return value

    @staticmethod
    def _label(kind_label: str, data: dict) -> str:
        name = data.get("name") if isinstance(data.get("name"), str) else ""
        ident = data.get("id") if isinstance(data.get("id"), str | int) else "?"
        if name:
            return f"{kind_label} '{short(name)}' ({short(ident, 40)})"
        return f"{kind_label} {short(ident, 40)}"

    @staticmethod
    def _text(
        data: dict, key: str, record: Record, *, max_length: int | None = None, label: str = ""
    ):
        """The text at ``key``: None when absent or unusable (reported), else a stripped str."""
        if key not in data:
            return None
        value = data[key]
        if value is None:
            return ""
        if not isinstance(value, str):
            record.warn(_("%(field)s is geen tekst, niet overgenomen") % {"field": label or key})
            return None
        value = value.replace("\x00", "").strip()
        if max_length is not None and len(value) > max_length:
            record.warn(
                _("%(field)s is langer dan %(n)d tekens, niet overgenomen")
                % {"field": label or key, "n": max_length}
            )
            return None
        return value

    def _email(self, data: dict, key: str, record: Record):
        value = self._text(data, key, record, max_length=254)
        if value:
            try:
                EmailValidator()(value)
            except ValidationError:
                record.warn(
                    _("%(field)s '%(value)s' is geen geldig e-mailadres, niet overgenomen")
                    % {"field": key, "value": short(value)}
                )
                return None
        return value

    def _url(self, data: dict, key: str, record: Record):
        value = self._text(data, key, record, max_length=200)
        if value:
            try:
                URLValidator(schemes=["http", "https"])(value)
            except ValidationError:
                record.warn(
                    _("%(field)s '%(value)s' is geen geldig webadres, niet overgenomen")
                    % {"field": key, "value": short(value)}
                )
                return None
        return value

    @staticmethod
    def _list(data: dict, key: str, record: Record):
        if key not in data:
            return None
        value = data[key]
        if value is None:
            return []
        if not isinstance(value, list):
            record.warn(_("%(field)s is geen lijst, niet overgenomen") % {"field": key})
            return None
        items = [item for item in value if isinstance(item, dict)]
        if len(items) < len(value):
            record.warn(
                _("%(field)s: %(n)d onderdeel/onderdelen zonder JSON-object overgeslagen")
                % {"field": key, "n": len(value) - len(items)}
            )
        return items

    @staticmethod
    def _cannot_hold(data: dict, keys, record: Record) -> None:
        ignored = [key for key in keys if data.get(key) not in (None, "", [], {})]
        if ignored:
            record.warn(
                _("niet overgenomen (geen plaats voor in ons model): %(fields)s")
                % {"fields": ", ".join(ignored)}
            )

    def _phone(self, data: dict, record: Record):
        phones = self._list(data, "phones", record)
        if phones is None:
            return None
        numbers = [p["number"].strip().strip('"').strip() for p in phones if is_text(p, "number")]
        numbers = [n for n in numbers if n]
        if len(numbers) > 1:
            record.warn(_("alleen het eerste telefoonnummer is overgenomen"))
        if numbers and len(numbers[0]) > 30:
            record.warn(_("telefoonnummer is langer dan 30 tekens, niet overgenomen"))
            return None
        return numbers[0] if numbers else ""

    @staticmethod
    def _coordinate(value, key: str, record: Record):
        limit = 90 if key == "latitude" else 180
        if (
            isinstance(value, int | float)
            and not isinstance(value, bool)
            and -limit <= value <= limit
        ):
            return Decimal(str(value)).quantize(Decimal("0.000001"))
        if value is None:
            return None
        record.warn(
            _("%(field)s %(value)s ligt niet op aarde, niet overgenomen")
            % {"field": key, "value": short(value, 20)}
        )
        return None

    def _opening_hours(self, schedules: list[dict], record: Record):
        hours = set()
        skipped = 0
        for schedule in schedules:
            days = str(schedule.get("byday") or "").upper().replace(" ", "")
            freq = schedule.get("freq")
            opens = parse_time(schedule.get("opens_at"))
            closes = parse_time(schedule.get("closes_at"))
            day_list = [d for d in days.split(",") if d]
            if (
                freq not in (None, "WEEKLY")
                or schedule.get("interval") not in (None, 1)
                or not day_list
                or any(d not in WEEKDAYS for d in day_list)
                or opens is None
                or closes is None
                or closes <= opens
            ):
                skipped += 1
                continue
            note = str(schedule.get("notes") or schedule.get("description") or "").strip()
            for day in day_list:
                hours.add((WEEKDAYS.index(day), opens, closes, note[:150]))
        if skipped:
            record.warn(
                _(
                    "%(n)d uurrooster(s) niet overgenomen: alleen wekelijkse openingsuren met "
                    "dagen (byday), opens_at en closes_at"
                )
                % {"n": skipped}
            )
        return sorted(hours)

    def _contact(self, data: dict, record: Record) -> dict:
        contacts = self._list(data, "contacts", record)
        if contacts is None:
            return {}
        if len(contacts) > 1:
            record.warn(_("alleen de eerste contactpersoon is overgenomen"))
        contact = contacts[0] if contacts else {}
        values = {"contact_name": "", "contact_title": "", "contact_email": ""}
        for key, attr in (("name", "contact_name"), ("title", "contact_title")):
            value = self._text(contact, key, record, max_length=150, label=f"contact {key}")
            if value:
                values[attr] = value
        email = self._email(contact, "email", record)
        if email:
            values["contact_email"] = email
        return values

    def _age(self, data: dict, key: str, record: Record):
        value = data[key]
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            record.warn(_("%(field)s is geen getal, niet overgenomen") % {"field": key})
            return ...
        if not 0 <= value <= MAX_AGE or value != int(value):  # NaN and infinity too
            record.warn(
                _("%(field)s is geen geheel getal van 0 tot %(max)d, niet overgenomen")
                % {"field": key, "max": MAX_AGE}
            )
            return ...
        return int(value)

    def _ages(self, data: dict, record: Record) -> dict:
        values = {}
        for key in ("minimum_age", "maximum_age"):
            if key in data:
                value = self._age(data, key, record)
                if value is not ...:
                    values[key] = value
        low, high = values.get("minimum_age"), values.get("maximum_age")
        if low is not None and high is not None and low > high:
            record.warn(_("minimum_age is groter dan maximum_age, geen van beide overgenomen"))
            return {}
        return values

    def _costs(self, data: dict, record: Record) -> dict:
        options = self._list(data, "cost_options", record)
        fees = self._text(data, "fees_description", record)
        if options is None and fees is None:
            return {}
        values = {
            "is_free": False,
            "price": None,
            "price_description": "",
            "social_tariff": False,
            "social_tariff_price": None,
            "social_tariff_description": "",
        }
        for option in options or []:
            kind = str(option.get("option") or "")
            description = str(option.get("amount_description") or "").strip()
            amount = self._cost_amount(option, record)
            lowered = kind.lower()
            if any(word in lowered for word in ("sociaal", "social", "uitpas", "kansentarief")):
                values["social_tariff"] = True
                values["social_tariff_price"] = amount
                values["social_tariff_description"] = description[:200]
            elif lowered != COST_NORMAL.lower() and (amount == 0 or lowered in ("gratis", "free")):
                values["is_free"] = True
                values["price_description"] = (
                    "" if description in (COST_FREE, "") else description[:200]
                )
            elif values["price"] is None and not values["price_description"]:
                values["price"] = amount
                values["price_description"] = (
                    description or (kind if kind != COST_NORMAL else "")
                )[:200]
            else:
                record.warn(_("meer dan één prijs: alleen de eerste is overgenomen"))
        if fees and not values["price_description"] and not values["is_free"]:
            if len(fees) > 200:
                record.warn(_("fees_description is ingekort tot 200 tekens"))
            values["price_description"] = fees[:200]
        return values

    @staticmethod
    def _cost_amount(option: dict, record: Record):
        if "amount" not in option or option["amount"] is None:
            return None
        amount = option["amount"]
        if isinstance(amount, bool) or not isinstance(amount, int | float):
            record.warn(_("prijs is geen getal, niet overgenomen"))
            return None
        currency = str(option.get("currency") or CURRENCY).upper()
        if currency != CURRENCY:
            record.warn(
                _("prijs in %(currency)s niet overgenomen: alleen euro")
                % {"currency": short(currency, 10)}
            )
            return None
        if amount < 0 or amount >= 1_000_000:
            record.warn(_("prijs %(amount)s kan niet, niet overgenomen") % {"amount": amount})
            return None
        try:
            return Decimal(str(amount)).quantize(Decimal("0.01"))
        except InvalidOperation:
            record.warn(_("prijs is geen getal, niet overgenomen"))
            return None

    def _languages(self, data: dict, record: Record):
        languages = self._list(data, "languages", record)
        if languages is None:
            return None
        codes, unknown = [], []
        names = {str(name).lower(): code for code, name in LANGUAGE_CHOICES}
        for language in languages:
            code = str(language.get("code") or "").strip().lower()
            name = str(language.get("name") or "").strip()
            found = (
                code
                if code in LANGUAGE_NAMES_NL
                else LANGUAGE_ALIASES.get(code)
                or names.get(dutch(name).lower())
                or LANGUAGE_ALIASES.get(name.lower())
            )
            if found and found not in codes:
                codes.append(found)
            elif not found:
                unknown.append(f"{name or '?'} ({code or '?'})")
        if unknown:
            record.warn(
                _("talen die het platform niet kent, niet overgenomen: %(languages)s")
                % {"languages": ", ".join(short(u, 40) for u in unknown)}
            )
        return codes

    def _schedule(self, data: dict, record: Record):
        schedules = self._list(data, "schedules", record)
        if schedules is None:
            return None
        texts = [s["description"].strip() for s in schedules if is_text(s, "description")]
        texts = [t for t in texts if t]
        if len(texts) < len(schedules):
            record.warn(_("uurroosters van het aanbod: alleen de beschrijving is overgenomen"))
        text = " ".join(texts)
        if len(text) > 300:
            record.warn(_("de beschrijving van het uurrooster is ingekort tot 300 tekens"))
            text = text[:299] + "…"
        return text

    def _verified(self, data: dict, service: Service, record: Record) -> dict:
        if "assured_date" not in data:
            return {}
        value = data["assured_date"]
        if value in (None, ""):
            return {"last_verified_at": None}
        parsed = parse_moment(value)
        if parsed is None:
            record.warn(
                _("assured_date '%(value)s' is geen datum, niet overgenomen")
                % {"value": short(value, 30)}
            )
            return {}
        if isinstance(parsed, datetime):
            return {"last_verified_at": parsed}
        current = service.last_verified_at
        if current is not None and timezone.localdate(current) == parsed:
            return {}  # same day: keep the time we know
        return {"last_verified_at": timezone.make_aware(datetime.combine(parsed, time.min))}

    @staticmethod
    def _modified(data: dict, record: Record):
        value = data.get("last_modified")
        if value in (None, ""):
            return None
        parsed = parse_moment(value)
        if not isinstance(parsed, datetime):
            record.warn(
                _("last_modified '%(value)s' is geen datum en tijd, genegeerd")
                % {"value": short(value, 30)}
            )
            return None
        return parsed

    @staticmethod
    def _same_enterprise(data: dict, record: Record) -> Organisation | None:
        """The organisation we hold under another id with the same enterprise number (Kind en
        Gezin is a partner everywhere, and another platform gives it its own id)."""
        numbers = []
        for identifier in dicts(data.get("organization_identifiers")):
            value = str(identifier.get("identifier") or "")
            try:
                validate_enterprise_number(value)
            except ValidationError:
                continue
            numbers.append(normalise_enterprise_number(value))
        organisation = Organisation.objects.filter(enterprise_number__in=numbers).first()
        if organisation is not None:
            record.warn(
                _(
                    "hetzelfde ondernemingsnummer als de organisatie '%(name)s' die we al "
                    "hebben (id %(id)s): die is bijgewerkt"
                )
                % {"name": organisation.name, "id": organisation.hsds_id}
            )
        return organisation

    def _enterprise_number(self, identifiers, organisation, record: Record):
        number = None
        for identifier in identifiers:
            scheme = str(identifier.get("identifier_scheme") or "")
            kind = str(identifier.get("identifier_type") or "").lower()
            value = str(identifier.get("identifier") or "")
            if scheme.upper() in ("BE-BCE_KBO", "BE-BCE", "BE-KBO", "KBO", "BCE") or any(
                word in kind for word in ("ondernemingsnummer", "enterprise", "kbo")
            ):
                try:
                    validate_enterprise_number(value)
                except ValidationError:
                    record.warn(
                        _("ondernemingsnummer '%(value)s' klopt niet, niet overgenomen")
                        % {"value": short(value)}
                    )
                    continue
                number = normalise_enterprise_number(value)
            else:
                record.warn(
                    _(
                        "identificatie '%(scheme)s %(value)s' niet overgenomen (alleen het KBO-nummer)"
                    )
                    % {"scheme": short(scheme, 20), "value": short(value, 30)}
                )
        if number and (
            Organisation.objects.filter(enterprise_number=number)
            .exclude(pk=organisation.pk)
            .exists()
        ):
            record.warn(
                _(
                    "ondernemingsnummer %(value)s hoort al bij een andere organisatie, niet overgenomen"
                )
                % {"value": number}
            )
            return organisation.enterprise_number
        return number


def dicts(value) -> list[dict]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def is_text(data, key: str) -> bool:
    return isinstance(data, dict) and isinstance(data.get(key), str)


def error_messages(error: ValidationError) -> list[str]:
    if hasattr(error, "message_dict"):
        return [f"{k}: {' '.join(v)}" for k, v in error.message_dict.items()]
    return list(error.messages)


def split_description(text: str) -> dict:
    """Our summary and description from an HSDS description (see the module docstring)."""
    summary, _sep, rest = text.partition("\n\n")
    summary, rest = summary.strip(), rest.strip()
    if len(summary) <= 300:
        return {"summary": summary, "description": rest}
    cut = summary[:299].rsplit(" ", 1)[0]
    return {"summary": cut + "…", "description": text.strip()}


def parse_time(value):
    if not isinstance(value, str):
        return None
    match = re.fullmatch(
        r"([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?(?:Z|[+-][0-9]{2}:?[0-9]{2})?", value.strip()
    )
    if not match:
        return None
    hour, minute = int(match[1]), int(match[2])
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def parse_moment(value):
    """A date or an aware datetime from an ISO string in ASCII digits, from 1900 to 2999 (in
    UTC too: year 1 or 9999 with an offset cannot be stored), or None."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    if not value.isascii():  # Django's parsers would read other digits (٢٠٢٥) too
        return None
    try:
        if len(value) == 10:
            parsed = parse_date(value)
        else:
            parsed = parse_datetime(value)
            if parsed is not None and timezone.is_naive(parsed):
                parsed = timezone.make_aware(parsed)
    except (ValueError, OverflowError):
        return None
    if parsed is None or not MIN_YEAR <= parsed.year <= MAX_YEAR:
        return None
    return parsed
