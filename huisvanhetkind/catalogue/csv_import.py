"""The coordinator's CSV upload of services: read the file, check every row, then save all rows.

The file is the template ``data/sjabloon.csv``: UTF-8 (with or without BOM), ``;`` between the
columns (``,`` works too), a header row with Dutch column names. Only ``organisatie``, ``naam``
and ``korte uitleg`` are required columns; a column that is left out leaves that field of an
existing service as it is, an empty cell in a present column empties it.

A row updates the service of the same organisation with the same name (case does not matter),
else it creates one. Nothing is saved while any row has an error; ``save_upload`` saves all rows
in one transaction through the catalogue's services.
"""

import csv
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import override

from huisvanhetkind.catalogue import services as catalogue_services
from huisvanhetkind.catalogue.models import Service, TargetGroup
from huisvanhetkind.catalogue.workflow import ServiceStatus
from huisvanhetkind.core.languages import LANGUAGE_CHOICES
from huisvanhetkind.network.models import AgeGroup, Domain, House, Municipality, Organisation

TEMPLATE_PATH = Path(__file__).resolve().parent / "data" / "sjabloon.csv"
TEMPLATE_NAME = "sjabloon.csv"
MAX_BYTES = 1024 * 1024
MAX_ROWS = 2000
EXPECTING_PARENTS = "aanstaand"

# Column name in the file -> field of the service, in the order of the template.
COLUMNS = {
    "organisatie": "organisation",
    "naam": "name",
    "korte uitleg": "summary",
    "beschrijving": "description",
    "website": "url",
    "e-mail": "email",
    "telefoon": "phone",
    "domeinen": "domains",
    "leeftijdsgroepen": "age_groups",
    "doelgroepen": "target_groups",
    "gemeenten": "service_areas",
    "gratis": "is_free",
    "prijs": "price",
    "sociaal tarief": "social_tariff",
    "prijs sociaal tarief": "social_tariff_price",
    "talen": "languages",
    "hoe aanvragen": "application_process",
}
REQUIRED_COLUMNS = ("organisatie", "naam", "korte uitleg")
RELATED = ("domains", "age_groups", "target_groups", "service_areas")
YES = {"ja", "j", "yes", "y", "x", "1", "waar", "true", "oui"}
NO = {"nee", "n", "no", "0", "onwaar", "false", "non", ""}


class CsvFileError(Exception):
    """The file as a whole cannot be used; the message (Dutch) says what to do."""


@dataclass
class Row:
    number: int  # the line in the spreadsheet (the header is line 1)
    cells: dict[str, str]
    organisation: Organisation | None = None
    data: dict = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    service: Service | None = None  # the service this row updates
    changed: list[str] = field(default_factory=list)

    @property
    def action(self) -> str:
        if self.service is None:
            return "create"
        return "update" if self.changed else "unchanged"

    @property
    def name(self) -> str:
        return self.cells.get("naam", "")

    @property
    def organisation_name(self) -> str:
        return self.organisation.name if self.organisation else self.cells.get("organisatie", "")


@dataclass
class Upload:
    rows: list[Row]
    columns: list[str]

    @property
    def has_errors(self) -> bool:
        return any(row.errors for row in self.rows)

    @property
    def error_rows(self) -> list[Row]:
        return [row for row in self.rows if row.errors]

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action)


def template_bytes() -> bytes:
    return TEMPLATE_PATH.read_bytes()


def decode(content: bytes) -> str:
    """The text of an uploaded file, or a CsvFileError that says what is wrong with it."""
    if len(content) > MAX_BYTES:
        raise CsvFileError(
            _("Het bestand is groter dan 1 MB. Verdeel het aanbod over meerdere bestanden.")
        )
    if not content.strip():
        raise CsvFileError(_("Het bestand is leeg."))
    if content.startswith(b"PK\x03\x04") or content.startswith(b"\xd0\xcf\x11\xe0"):
        raise CsvFileError(
            _(
                "Dit is een Excel-bestand, geen CSV-bestand. Kies in Excel 'Opslaan als' en dan "
                "'CSV UTF-8 (gescheiden door lijstscheidingsteken)'."
            )
        )
    if b"\x00" in content or content.startswith(b"%PDF"):
        raise CsvFileError(
            _("Dit is geen CSV-bestand. Vertrek van het sjabloon en bewaar het als CSV.")
        )
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CsvFileError(
            _(
                "Het bestand is niet in UTF-8 bewaard, waardoor letters als é en ë verkeerd "
                "zouden overkomen. Kies in Excel 'Opslaan als' en dan 'CSV UTF-8 (gescheiden "
                "door lijstscheidingsteken)'."
            )
        ) from error


class _Lookups:
    """Everything a row can refer to, read once per upload."""

    def __init__(self, house: House):
        self.house = house
        self.partners = {
            org.name.casefold(): org
            for org in Organisation.objects.filter(
                partnerships__house=house, partnerships__status="active"
            )
        }
        self.domains = list(Domain.objects.all())
        self.age_groups = list(AgeGroup.objects.all())
        self.target_groups = list(TargetGroup.objects.all())
        self.municipalities = list(Municipality.objects.all())
        with override("nl"):
            self.languages = {str(name).casefold(): code for code, name in LANGUAGE_CHOICES}
        self.languages |= {code: code for code, _name in LANGUAGE_CHOICES}
        services = Service.objects.filter(organisation__in=self.partners.values())
        self.services = {
            (s.organisation_id, s.name.casefold()): s for s in services.prefetch_related(*RELATED)
        }


def parse(content: bytes, *, house: House, publish: bool = True) -> Upload:
    """Read and check every row; raises CsvFileError when the file itself is unusable."""
    text = decode(content)
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = ";" if ";" in first_line else "," if "," in first_line else None
    if delimiter is None:
        raise CsvFileError(
            _(
                "De eerste regel moet de kolomnamen bevatten, gescheiden door puntkomma's "
                "(zoals in het sjabloon)."
            )
        )
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        lines = list(reader)
    except csv.Error as error:  # e.g. a cell longer than the csv module's field limit
        raise CsvFileError(
            _(
                "Het bestand kan niet als CSV gelezen worden (rond regel %(line)d): een cel is "
                "te lang of een aanhalingsteken wordt niet gesloten. Vertrek van het sjabloon."
            )
            % {"line": reader.line_num}
        ) from error
    while lines and not any(cell.strip() for cell in lines[0]):
        lines.pop(0)
    if not lines:  # only separators, e.g. ";;;"
        raise CsvFileError(
            _(
                "Het bestand bevat geen kolomnamen en geen aanbod, alleen scheidingstekens. "
                "Vertrek van het sjabloon."
            )
        )
    header = [cell.strip().casefold() for cell in lines[0]]
    unknown = [name for name in header if name and name not in COLUMNS]
    if unknown:
        raise CsvFileError(
            _("Onbekende kolom(men): %(columns)s. Gebruik de kolomnamen van het sjabloon.")
            % {"columns": ", ".join(f"'{name}'" for name in unknown)}
        )
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    if missing:
        raise CsvFileError(
            _("Deze kolommen ontbreken: %(columns)s.")
            % {"columns": ", ".join(f"'{name}'" for name in missing)}
        )
    doubles = sorted({name for name in header if name and header.count(name) > 1})
    if doubles:
        raise CsvFileError(
            _("Deze kolommen staan er twee keer: %(columns)s.")
            % {"columns": ", ".join(f"'{name}'" for name in doubles)}
        )
    body = [
        (number, cells)
        for number, cells in enumerate(lines[1:], start=2)
        if any(cell.strip() for cell in cells)
    ]
    if not body:
        raise CsvFileError(_("Er staan geen rijen met aanbod onder de kolomnamen."))
    if len(body) > MAX_ROWS:
        raise CsvFileError(
            _("Het bestand heeft meer dan %(max)d rijen. Verdeel het over meerdere bestanden.")
            % {"max": MAX_ROWS}
        )

    lookups = _Lookups(house)
    rows = []
    seen: dict[tuple, int] = {}
    for number, cells in body:
        row = Row(number=number, cells=dict(zip(header, (c.strip() for c in cells), strict=False)))
        if len(cells) > len(header) and any(c.strip() for c in cells[len(header) :]):
            row.errors.append(_("Deze rij heeft meer kolommen dan de kopregel."))
        _check_row(row, header, lookups, publish)
        if row.organisation is not None and row.name:
            key = (row.organisation.pk, row.name.casefold())
            if key in seen:
                row.errors.append(
                    _("Dit aanbod staat al op rij %(row)d van het bestand.") % {"row": seen[key]}
                )
            seen.setdefault(key, row.number)
        rows.append(row)
    return Upload(rows=rows, columns=header)


def _check_row(row: Row, header: list[str], lookups: _Lookups, publish: bool) -> None:
    cells, data, errors = row.cells, row.data, row.errors
    present = set(header)

    organisation_name = cells.get("organisatie", "")
    if not organisation_name:
        errors.append(_("De organisatie ontbreekt."))
    else:
        row.organisation = lookups.partners.get(organisation_name.casefold())
        if row.organisation is None:
            errors.append(
                _("Onbekende organisatie '%(name)s': geen partner van %(house)s.")
                % {"name": organisation_name, "house": lookups.house.name}
            )

    for column, limit, label in (
        ("naam", 200, _("De naam")),
        ("korte uitleg", 300, _("De korte uitleg")),
    ):
        value = cells.get(column, "")
        if not value:
            errors.append(_("%(label)s ontbreekt.") % {"label": label})
        elif len(value) > limit:
            errors.append(_("%(label)s is langer dan %(n)d tekens.") % {"label": label, "n": limit})
        data[COLUMNS[column]] = value

    for column in ("beschrijving", "hoe aanvragen"):
        if column in present:
            data[COLUMNS[column]] = cells.get(column, "")
    if "telefoon" in present:
        phone = cells.get("telefoon", "")
        if len(phone) > 30:
            errors.append(_("Het telefoonnummer is langer dan 30 tekens."))
        data["phone"] = phone
    if "website" in present:
        data["url"] = _website(cells.get("website", ""), errors)
    if "e-mail" in present:
        email = cells.get("e-mail", "")
        if email:
            try:
                EmailValidator()(email)
            except ValidationError:
                errors.append(_("Ongeldig e-mailadres '%(value)s'.") % {"value": email})
        data["email"] = email

    choices = (
        ("domeinen", "domains", lookups.domains, _("Onbekend domein '%(value)s'.")),
        (
            "leeftijdsgroepen",
            "age_groups",
            lookups.age_groups,
            _("Onbekende leeftijdsgroep '%(value)s'."),
        ),
        (
            "doelgroepen",
            "target_groups",
            lookups.target_groups,
            _("Onbekende doelgroep '%(value)s'."),
        ),
    )
    for column, name, options, message in choices:
        if column in present:
            data[name] = _choose(cells.get(column, ""), options, message, errors)
    if "age_groups" in data:
        data["for_expecting_parents"] = any(g.slug == EXPECTING_PARENTS for g in data["age_groups"])
    if "gemeenten" in present:
        data["service_areas"] = _municipalities(cells.get("gemeenten", ""), lookups, errors)
    if "talen" in present:
        data["languages"] = _languages(cells.get("talen", ""), lookups, errors)
    _prices(cells, present, data, errors)

    if row.organisation is None or not data.get("name"):
        return
    row.service = lookups.services.get((row.organisation.pk, data["name"].casefold()))
    if row.service is None and publish and not data.get("domains"):
        errors.append(
            _("Kies minstens één domein: zonder domein kan het niet gepubliceerd worden.")
        )
    if not errors:
        _validate_model(row)
    if row.service is not None and not errors:
        row.changed = _changed_fields(row.service, data)


def _website(value: str, errors: list[str]) -> str:
    if not value:
        return ""
    if not re.match(r"^https?://", value, re.IGNORECASE):
        value = f"https://{value}"
    try:
        URLValidator(schemes=["http", "https"])(value)
    except ValidationError:
        errors.append(_("Ongeldige website '%(value)s'.") % {"value": value})
    if len(value) > 200:
        errors.append(_("De website is langer dan 200 tekens."))
    return value


def _items(value: str) -> list[str]:
    return [item.strip() for item in re.split(r"[,|]", value) if item.strip()]


def _choose(value: str, options: list, message: str, errors: list[str]) -> list:
    by_key = {}
    for option in options:
        by_key[option.slug.casefold()] = option
        by_key[option.name.casefold()] = option
    chosen = []
    for item in _items(value):
        option = by_key.get(item.casefold())
        if option is None:
            errors.append(
                message % {"value": item}
                + " "
                + _("Kies uit: %(options)s.") % {"options": ", ".join(o.name for o in options)}
            )
        elif option not in chosen:
            chosen.append(option)
    return chosen


def _municipalities(value: str, lookups: _Lookups, errors: list[str]) -> list:
    chosen = []
    for item in _items(value):
        key = item.casefold()
        found = next(
            (
                m
                for m in lookups.municipalities
                if m.name.casefold() == key or m.nis_code == item or item in m.postcodes
            ),
            None,
        )
        if found is None:
            errors.append(
                _("Onbekende gemeente '%(value)s'. Schrijf de naam, de postcode of de NIS-code.")
                % {"value": item}
            )
        elif found not in chosen:
            chosen.append(found)
    return chosen


def _languages(value: str, lookups: _Lookups, errors: list[str]) -> list[str]:
    codes = []
    for item in _items(value):
        code = lookups.languages.get(item.casefold())
        if code is None:
            errors.append(
                _("Onbekende taal '%(value)s'. Schrijf de taal voluit, bv. Nederlands, Frans.")
                % {"value": item}
            )
        elif code not in codes:
            codes.append(code)
    return codes


def _yes_no(cells: dict, column: str, errors: list[str]) -> bool | None:
    value = cells.get(column, "").casefold()
    if value in YES:
        return True
    if value in NO:
        return False
    errors.append(
        _("Schrijf 'ja' of 'nee' bij '%(column)s', niet '%(value)s'.")
        % {"column": column, "value": cells.get(column, "")}
    )
    return None


def _amount(cells: dict, column: str, errors: list[str]) -> Decimal | None:
    raw = cells.get(column, "")
    text = re.sub(r"(?i)\s|€|eur(o)?", "", raw)
    if not text:
        return None
    if "," in text and "." in text:
        text = text.replace(".", "")
    text = text.replace(",", ".")
    amount = None
    if re.fullmatch(r"[0-9]{1,7}(\.[0-9]{1,7})?", text):  # ASCII digits: not ١٢, 1e5 or NaN
        try:
            amount = Decimal(text)
        except InvalidOperation:
            amount = None
    if amount is None or not amount.is_finite() or amount < 0 or amount >= Decimal("1000000"):
        errors.append(
            _("Ongeldige %(column)s '%(value)s': schrijf een bedrag zoals 12,50.")
            % {"column": column, "value": raw}
        )
        return None
    if amount != amount.quantize(Decimal("0.01")):
        errors.append(
            _("Ongeldige %(column)s '%(value)s': hoogstens twee cijfers na de komma.")
            % {"column": column, "value": raw}
        )
        return None
    return amount.quantize(Decimal("0.01"))


def _prices(cells: dict, present: set, data: dict, errors: list[str]) -> None:
    if "gratis" in present:
        data["is_free"] = _yes_no(cells, "gratis", errors)
    if "prijs" in present:
        data["price"] = _amount(cells, "prijs", errors)
    if "sociaal tarief" in present:
        data["social_tariff"] = _yes_no(cells, "sociaal tarief", errors)
    if "prijs sociaal tarief" in present:
        data["social_tariff_price"] = _amount(cells, "prijs sociaal tarief", errors)
        if data["social_tariff_price"] is not None:
            if data.get("social_tariff") is False and cells.get("sociaal tarief"):
                errors.append(
                    _(
                        "Er staat een prijs voor het sociaal tarief, maar 'sociaal tarief' staat op nee."
                    )
                )
            data["social_tariff"] = True
    if data.get("is_free") and data.get("price"):
        errors.append(
            _("Gratis en een prijs gaan niet samen: laat de prijs leeg of zet 'gratis' op nee.")
        )
    for name in ("is_free", "social_tariff"):
        if name in data and data[name] is None:
            del data[name]


def _validate_model(row: Row) -> None:
    """The model's own checks (lengths, formats, the age range) on the row's values."""
    plain = {k: v for k, v in row.data.items() if k not in RELATED}
    candidate = Service(organisation=row.organisation, summary="-", name="-")
    if row.service is not None:
        candidate = Service(
            **{f.attname: getattr(row.service, f.attname) for f in Service._meta.concrete_fields}
        )
    for name, value in plain.items():
        setattr(candidate, name, value)
    try:
        candidate.full_clean(
            exclude=["organisation", "hsds_id", "last_verified_by"],
            validate_unique=False,
            validate_constraints=False,  # a query per row; no column of ours can break them
        )
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            label = Service._meta.get_field(name).verbose_name if name != "__all__" else _("Aanbod")
            row.errors.extend(f"{label}: {message}" for message in messages)


def _changed_fields(service: Service, data: dict) -> list[str]:
    changed = []
    for name, value in data.items():
        if name in RELATED:
            before = {obj.pk for obj in getattr(service, name).all()}
            differs = before != {obj.pk for obj in value}
        else:
            differs = getattr(service, name) != value
        if differs:
            changed.append(str(Service._meta.get_field(name).verbose_name))
    return changed


@transaction.atomic
def save_upload(upload: Upload, *, actor, publish: bool) -> dict[str, int]:
    """Save every row of a checked upload: new services (published when ``publish``) and updates.

    The catalogue's services write the history and the audit trail (one event per row that
    changed something, with the upload as reason) and refresh the search index after the commit.
    """
    if upload.has_errors:
        raise ValueError("an upload with errors is never saved")
    counts = {"create": 0, "update": 0, "unchanged": 0}
    reason = _("import van een CSV-bestand")
    for row in upload.rows:
        counts[row.action] += 1
        if row.action == "create":
            service = catalogue_services.service_create(
                organisation=row.organisation, actor=actor, data=row.data, reason=reason
            )
            if publish:
                catalogue_services.service_transition(
                    service=service, actor=actor, to=ServiceStatus.PUBLISHED, reason=reason
                )
        elif row.action == "update":
            catalogue_services.service_update(
                service=row.service, actor=actor, data=row.data, reason=reason
            )
    return counts
