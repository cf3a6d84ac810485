"""The desk's import of the official list of childcare locations (CSV; format in docs/childcare.md).

Each row is one location, keyed by its Kind en Gezin dossier number: a row whose number is
known updates that location, a new number creates one. A location is written through the
services that own each part: the site (address) through the network, the published catalogue
service (name, languages, contact, prices) through the catalogue, the childcare facts here.
A new location gets a short summary for families; later imports leave the texts a provider
wrote alone and change only what the official list holds.

``check`` reads every row and runs it in a transaction that is rolled back: the preview shows
exactly what ``apply_row`` will do. Nothing is saved while any row has an error.
"""

import csv
import io
import re
import uuid
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import override

from huisvanhetkind.catalogue import services as catalogue_services
from huisvanhetkind.catalogue.csv_import import NO, YES, CsvFileError, decode
from huisvanhetkind.catalogue.workflow import ServiceStatus
from huisvanhetkind.childcare import services
from huisvanhetkind.childcare.models import (
    MAX_AGE_MONTHS,
    ChildcareKind,
    ChildcareLocation,
    PriceModel,
)
from huisvanhetkind.core.languages import LANGUAGE_CHOICES
from huisvanhetkind.network.models import AgeGroup, Domain, House, Organisation
from huisvanhetkind.network.services_organisations import location_save

TEMPLATE_PATH = Path(__file__).resolve().parent / "data" / "opvanglocaties.csv"
TEMPLATE_NAME = "opvanglocaties.csv"
MAX_ROWS = 2000
HSDS_NAMESPACE = uuid.UUID("6f1d8a52-3c1e-4d6b-9a53-1f4c2f7e8b10")

COLUMNS = (
    "dossiernummer",
    "naam",
    "soort",
    "organisatie",
    "straat",
    "postcode",
    "gemeente",
    "vergunde plaatsen",
    "leeftijd vanaf (maanden)",
    "leeftijd tot en met (maanden)",
    "prijs",
    "prijs per dag",
    "sociaal tarief",
    "talen",
    "inclusieve opvang",
    "telefoon",
    "e-mail",
)
REQUIRED = (
    "dossiernummer",
    "naam",
    "soort",
    "organisatie",
    "straat",
    "postcode",
    "gemeente",
    "vergunde plaatsen",
    "prijs",
)
KINDS = {
    "kinderdagverblijf": ChildcareKind.DAYCARE,
    "gezinsopvang": ChildcareKind.FAMILY,
    "groepsopvang": ChildcareKind.GROUP,
    "buitenschoolse opvang": ChildcareKind.OUT_OF_SCHOOL,
    "vakantieopvang": ChildcareKind.HOLIDAY,
}
# The ages (in months) of each kind when the list gives none.
DEFAULT_AGES = {
    ChildcareKind.DAYCARE: (0, 35),
    ChildcareKind.FAMILY: (0, 35),
    ChildcareKind.GROUP: (0, 35),
    ChildcareKind.OUT_OF_SCHOOL: (30, 12 * 12 + 11),
    ChildcareKind.HOLIDAY: (36, MAX_AGE_MONTHS),
}
PRICES = {
    "inkomenstarief": PriceModel.INCOME_RELATED,
    "inkomensgerelateerd": PriceModel.INCOME_RELATED,
    "vrije prijs": PriceModel.OWN_PRICE,
    "eigen prijs": PriceModel.OWN_PRICE,
}


@dataclass
class Row:
    number: int  # the line in the spreadsheet (the header is line 1)
    cells: dict[str, str]
    data: dict = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    action: str = ""  # "create", "update", "unchanged" (after the check)

    @property
    def dossier_number(self) -> str:
        return self.cells.get("dossiernummer", "")

    @property
    def name(self) -> str:
        return self.cells.get("naam", "")

    def as_dict(self) -> dict:
        return {"number": self.number, "dossier_number": self.dossier_number, "name": self.name}


@dataclass
class Check:
    rows: list[Row]

    @property
    def has_errors(self) -> bool:
        return any(row.errors for row in self.rows)

    @property
    def error_rows(self) -> list[Row]:
        return [row for row in self.rows if row.errors]

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action and not row.errors)


def template_bytes() -> bytes:
    return TEMPLATE_PATH.read_bytes()


def read(content: bytes) -> list[Row]:
    """The rows of a file (cells by column name), or CsvFileError when the file is unusable."""
    text = decode(content)
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = ";" if ";" in first_line else ","
    try:
        lines = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as error:
        raise CsvFileError(
            _(
                "Het bestand kan niet als CSV gelezen worden: een aanhalingsteken wordt niet gesloten."
            )
        ) from error
    lines = [line for line in lines if any(cell.strip() for cell in line)]
    if not lines:
        raise CsvFileError(_("Het bestand is leeg."))
    header = [cell.strip().casefold() for cell in lines[0]]
    missing = [column for column in REQUIRED if column not in header]
    if missing:
        raise CsvFileError(
            _("Deze verplichte kolommen ontbreken: %(columns)s. Vertrek van het voorbeeldbestand.")
            % {"columns": ", ".join(missing)}
        )
    unknown = [column for column in header if column and column not in COLUMNS]
    if unknown:
        raise CsvFileError(
            _("Deze kolommen kennen we niet: %(columns)s. Vertrek van het voorbeeldbestand.")
            % {"columns": ", ".join(unknown)}
        )
    if len(header) != len(set(header)):
        raise CsvFileError(_("Een kolom staat twee keer in de eerste regel."))
    if len(lines) - 1 > MAX_ROWS:
        raise CsvFileError(
            _("Het bestand heeft meer dan %(max)s rijen. Verdeel het over meerdere bestanden.")
            % {"max": MAX_ROWS}
        )
    if len(lines) == 1:
        raise CsvFileError(_("Het bestand bevat alleen kolomnamen, geen opvanglocaties."))
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        cells = {
            column: (line[i].strip() if i < len(line) else "") for i, column in enumerate(header)
        }
        rows.append(Row(number=number, cells=cells))
    return rows


class _Lookups:
    """What rows refer to, read once per file."""

    def __init__(self, house: House):
        self.house = house
        partners = list(
            Organisation.objects.filter(partnerships__house=house, partnerships__status="active")
        )
        self.by_name = {org.name.casefold(): org for org in partners}
        self.by_number = {
            re.sub(r"\D", "", org.enterprise_number): org
            for org in partners
            if org.enterprise_number
        }
        self.municipalities = {m.name.casefold(): m for m in house.municipalities.all()}
        with override("nl"):
            self.languages = {str(name).casefold(): code for code, name in LANGUAGE_CHOICES}
        self.languages |= {code: code for code, _name in LANGUAGE_CHOICES}
        self.domain = Domain.objects.get(slug="kinderopvang")
        self.age_groups = list(AgeGroup.objects.exclude(min_age__isnull=True))


def _whole(value: str, label: str, errors: list[str], *, low: int, high: int) -> int | None:
    if not re.fullmatch(r"[0-9]{1,4}", value) or not low <= int(value) <= high:
        errors.append(
            _("%(label)s moet een geheel getal van %(low)s tot %(high)s zijn, niet '%(value)s'.")
            % {"label": label, "low": low, "high": high, "value": value}
        )
        return None
    return int(value)


def _yes_no(value: str, label: str, errors: list[str]) -> bool:
    if value.casefold() in YES:
        return True
    if value.casefold() not in NO:
        errors.append(
            _("%(label)s is 'ja' of 'nee', niet '%(value)s'.") % {"label": label, "value": value}
        )
    return False


def _parse_row(row: Row, lookups: _Lookups) -> None:
    """Fill ``row.data`` from its cells, or ``row.errors`` (Dutch)."""
    cells, errors = row.cells, row.errors
    for column in REQUIRED:
        if not cells.get(column):
            errors.append(_("De kolom '%(column)s' is leeg.") % {"column": column})
    if errors:
        return
    if not re.fullmatch(r"[0-9A-Za-z./-]{1,20}", cells["dossiernummer"]):
        errors.append(
            _("Het dossiernummer '%(value)s' bestaat uit hoogstens 20 cijfers of letters.")
            % {"value": cells["dossiernummer"]}
        )
    if len(cells["naam"]) > 200:
        errors.append(_("De naam is langer dan 200 tekens."))
    kind = KINDS.get(cells["soort"].casefold())
    if kind is None:
        errors.append(
            _("De soort '%(value)s' kennen we niet: kies uit %(kinds)s.")
            % {"value": cells["soort"], "kinds": ", ".join(KINDS)}
        )
    organisation = lookups.by_number.get(re.sub(r"\D", "", cells["organisatie"])) or (
        lookups.by_name.get(cells["organisatie"].casefold())
    )
    if organisation is None:
        errors.append(
            _(
                "De organisatie '%(value)s' is geen partner van dit huis. De coördinator voegt "
                "haar eerst toe als partner."
            )
            % {"value": cells["organisatie"]}
        )
    if not re.fullmatch(r"[1-9][0-9]{3}", cells["postcode"]):
        errors.append(
            _("De postcode '%(value)s' bestaat uit vier cijfers.") % {"value": cells["postcode"]}
        )
    municipality = lookups.municipalities.get(cells["gemeente"].casefold())
    if municipality is None:
        errors.append(
            _("De gemeente '%(value)s' hoort niet bij dit huis.") % {"value": cells["gemeente"]}
        )
    places = _whole(cells["vergunde plaatsen"], _("Vergunde plaatsen"), errors, low=1, high=999)
    low_default, high_default = DEFAULT_AGES.get(kind, (0, 35))
    low = cells.get("leeftijd vanaf (maanden)", "")
    high = cells.get("leeftijd tot en met (maanden)", "")
    low = (
        _whole(low, _("Leeftijd vanaf"), errors, low=0, high=MAX_AGE_MONTHS) if low else low_default
    )
    high = (
        _whole(high, _("Leeftijd tot en met"), errors, low=0, high=MAX_AGE_MONTHS)
        if high
        else high_default
    )
    if low is not None and high is not None and low > high:
        errors.append(_("De leeftijd 'vanaf' is groter dan 'tot en met'."))
    price_model = PRICES.get(cells["prijs"].casefold())
    if price_model is None:
        errors.append(
            _("De prijs is 'inkomenstarief' of 'vrije prijs', niet '%(value)s'.")
            % {"value": cells["prijs"]}
        )
    price = None
    if cells.get("prijs per dag"):
        try:
            price = Decimal(cells["prijs per dag"].replace(",", "."))
        except InvalidOperation:
            price = None
        if price is None or not price.is_finite() or price < 0 or price > 999:
            errors.append(
                _("De prijs per dag '%(value)s' is een bedrag in euro, zoals 32,50.")
                % {"value": cells["prijs per dag"]}
            )
    if price_model == PriceModel.OWN_PRICE and price is None and not errors:
        errors.append(_("Geef de prijs per dag van een opvang met een vrije prijs."))
    social = _yes_no(cells.get("sociaal tarief", ""), _("Sociaal tarief"), errors)
    inclusive = _yes_no(cells.get("inclusieve opvang", ""), _("Inclusieve opvang"), errors)
    languages = []
    for word in filter(None, (w.strip().casefold() for w in cells.get("talen", "").split(","))):
        if word not in lookups.languages:
            errors.append(_("De taal '%(value)s' kennen we niet.") % {"value": word})
        else:
            languages.append(lookups.languages[word])
    if errors:
        return
    row.data = {
        "organisation": organisation,
        "municipality": municipality,
        "kind": kind,
        "min_age_months": low,
        "max_age_months": high,
        "licensed_places": places,
        "price_model": price_model,
        "price": price if price_model == PriceModel.OWN_PRICE else None,
        "social_tariff": social or price_model == PriceModel.INCOME_RELATED,
        "inclusive_care": inclusive,
        "languages": languages or ["nl"],
    }


def _age_groups(lookups: _Lookups, low_months: int, high_months: int) -> list:
    low, high = low_months // 12, high_months // 12
    return [g for g in lookups.age_groups if g.min_age <= high and g.max_age > low]


def _summary(row: Row) -> str:
    data = row.data
    return _("%(kind)s in %(place)s voor kinderen van %(low)s tot %(high)s maanden.") % {
        "kind": ChildcareKind(data["kind"]).label.capitalize(),
        "place": data["municipality"].name,
        "low": data["min_age_months"],
        "high": data["max_age_months"],
    }


def apply_row(row: Row, *, house: House, actor, lookups: _Lookups) -> str:
    """Write one checked row through the services; returns "created", "updated" or "unchanged".
    A ValidationError from a service is raised (the caller's transaction undoes the row)."""
    data, cells = row.data, row.cells
    existing = (
        ChildcareLocation.objects.select_related("location", "service")
        .filter(dossier_number=cells["dossiernummer"])
        .first()
    )
    if existing is not None and existing.house_id != house.pk:
        raise ValidationError(
            _("Dossiernummer %(number)s is een opvanglocatie van een ander huis.")
            % {"number": cells["dossiernummer"]}
        )
    site = {
        "name": cells["naam"][:150],
        "organisation": data["organisation"],
        "street": cells["straat"][:200],
        "postcode": cells["postcode"],
        "municipality": data["municipality"],
    }
    # The official list is the platform's own source: the site is written as the platform
    # (``actor=None``), since the desk does not keep the provider's sites; the trail of the
    # service and of the childcare facts names the desk's person.
    key = f"kind-en-gezin:{cells['dossiernummer']}"
    location = location_save(
        actor=None,
        location=existing.location if existing else None,
        data=site,
        hsds_id="" if existing else str(uuid.uuid5(HSDS_NAMESPACE, key + ":location")),
    )
    offer = {
        "name": cells["naam"],
        "price": data["price"],
        "social_tariff": data["social_tariff"],
        "domains": [lookups.domain],
        "age_groups": _age_groups(lookups, data["min_age_months"], data["max_age_months"]),
        "service_areas": [data["municipality"]],
        "locations": [location],
    }
    if "talen" in cells:
        offer["languages"] = data["languages"]
    for column, name in (("telefoon", "phone"), ("e-mail", "email")):
        if column in cells:
            offer[name] = cells[column]
    if existing is None:
        offer["summary"] = _summary(row)
    service, outcome = catalogue_services.service_upsert(
        hsds_id=existing.service.hsds_id if existing else str(uuid.uuid5(HSDS_NAMESPACE, key)),
        organisation=data["organisation"],
        actor=actor,
        data=offer,
        status=ServiceStatus.PUBLISHED,
        reason=_("import van de lijst van opvanglocaties"),
    )
    facts = {
        "kind": data["kind"],
        "dossier_number": cells["dossiernummer"],
        "min_age_months": data["min_age_months"],
        "max_age_months": data["max_age_months"],
        "price_model": data["price_model"],
        "licensed_places": data["licensed_places"],
        "inclusive_care": data["inclusive_care"],
    }
    if existing is None:
        services.childcare_location_create(
            service=service, house=house, location=location, actor=actor, data=facts
        )
        return "created"
    changed = any(getattr(existing, name) != value for name, value in facts.items()) or any(
        getattr(existing.location, name) != value for name, value in site.items()
    )
    services.childcare_location_update(childcare=existing, actor=actor, data=facts)
    return "updated" if changed or outcome != "unchanged" else "unchanged"


class _Rollback(Exception):
    pass


def check(content: bytes, *, house: House, actor) -> Check:
    """Read and check every row, and find what it would do: each row is run and rolled back.
    Raises CsvFileError when the file itself is unusable."""
    rows = read(content)
    lookups = _Lookups(house)
    seen = {}
    for row in rows:
        _parse_row(row, lookups)
        number = row.dossier_number
        if number and number in seen:
            row.errors.append(
                _("Dossiernummer %(number)s staat ook op rij %(row)s.")
                % {"number": number, "row": seen[number]}
            )
        seen.setdefault(number, row.number)
    try:
        with transaction.atomic():
            for row in rows:
                if row.errors:
                    continue
                try:
                    with transaction.atomic():
                        row.action = apply_row(row, house=house, actor=actor, lookups=lookups)
                except ValidationError as error:
                    row.errors.extend(error.messages)
            raise _Rollback
    except _Rollback:
        pass
    return Check(rows=rows)


def apply(content: bytes, *, house: House, actor, progress=None) -> dict:
    """Check the file, then write every row, each in its own transaction (an import stopped
    half-way is finished by importing the same file again). ``progress(done, total)`` is
    called along the way. Returns the counts, or the errors when any row has one (then
    nothing is saved)."""
    checked = check(content, house=house, actor=actor)
    if checked.has_errors:
        return {
            "errors": [
                {"number": row.number, "name": row.name, "problems": row.errors}
                for row in checked.error_rows
            ]
        }
    lookups = _Lookups(house)
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    total = len(checked.rows)
    for done, row in enumerate(checked.rows, start=1):
        with transaction.atomic():
            counts[apply_row(row, house=house, actor=actor, lookups=lookups)] += 1
        if progress is not None:
            progress(done, total)
    return counts
