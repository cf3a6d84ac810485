"""Open Referral HSDS 3.0: our offer as HSDS documents, and HSDS documents into our offer.

Export
    Pure functions turn our rows into the dictionaries of the compiled HSDS 3.0 schemas
    (``service_to_hsds``, ``organization_to_hsds``, ``service_at_location_to_hsds``, ...). They
    read related rows through ``.all()``, so a caller that wants a constant number of queries
    prefetches with ``services_for_export`` / ``organisations_for_export``.

    * Only published services are exported; referral criteria (for professionals) never are.
    * HSDS ids must be UUIDs. Records with a row of their own use its ``hsds_id``; the parts we
      keep as fields (phones, contacts, cost options, service areas, addresses, schedules,
      attributes, service at location) get a UUID derived (uuid5) from the owner's ``hsds_id``,
      so they are stable between exports and survive an export and import into another database.
    * Our taxonomies (domains, age groups, target groups) have stable term codes such as
      ``domain:gezondheid``; the term's id is the uuid5 of that code. The API accepts both.
    * HSDS has no summary field: ``description`` is the summary, a blank line, then our longer
      description. The importer splits it again at the first blank line.
    * Opening hours are wall-clock times in Belgium (``opens_at`` "09:00" without an offset,
      which would be wrong half of the year).

Import
    ``import_hsds(data, house=...)`` upserts organisations, services and locations by their HSDS
    ``id`` (our ``hsds_id``), in one transaction, with a savepoint per record. A key that is absent
    leaves that field as it is; a key that is present (even empty) replaces it. A record whose
    content equals what we hold is left untouched and counted as unchanged, so importing the same
    file twice changes nothing. The help of the ``import-hsds`` command lists what rejects a
    record and what only skips a field.

    ``read_hsds_document(raw)`` parses a file's bytes into such data, refusing a file larger than
    ``MAX_DOCUMENT_BYTES`` and arrays and objects nested deeper than ``MAX_NESTING`` before it
    parses (deep nesting would exhaust the parser's recursion).
"""

import json
import re
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.db import DataError, IntegrityError, transaction
from django.db.models import Exists, OuterRef, Prefetch
from django.utils import timezone, translation
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

from huisvanhetkind.catalogue.models import (
    Service,
    ServiceHistory,
    TargetGroup,
)
from huisvanhetkind.catalogue.search.services import index_service
from huisvanhetkind.catalogue.workflow import ServiceStatus
from huisvanhetkind.core.languages import LANGUAGE_CHOICES
from huisvanhetkind.network.models import (
    AgeGroup,
    Domain,
    House,
    Location,
    Municipality,
    OpeningHours,
    Organisation,
    Partnership,
)
from huisvanhetkind.network.validators import (
    normalise_enterprise_number,
    validate_enterprise_number,
)

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


def derived_id(*parts) -> str:
    """A stable UUID for a part of a record that has no row (and so no id) of its own."""
    return str(uuid.uuid5(HSDS_NAMESPACE, "/".join(str(part) for part in parts)))


def _compact(data: dict) -> dict:
    """Drop empty optional values: HSDS types are not nullable, and "" says nothing."""
    return {key: value for key, value in data.items() if value not in (None, "")}


def _dutch(text) -> str:
    with translation.override("nl"):
        return str(text)


def _timestamp(value: datetime | None) -> str | None:
    """A UTC date-time with millisecond accuracy, as HSDS asks."""
    if value is None:
        return None
    value = value.astimezone(UTC)
    return value.strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 1000:03d}Z"


def _amount(value: Decimal | None):
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


# --- Taxonomies ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Taxonomy:
    key: str  # the prefix of our term codes
    name: str
    term_label: str
    description: str
    model: type
    relation: str  # the Service many-to-many field

    @property
    def id(self) -> str:
        return derived_id("taxonomy", self.key)

    @property
    def uri(self) -> str:
        return f"urn:huisvanhetkind:taxonomy:{self.key}"


TAXONOMIES = {
    "domain": Taxonomy(
        "domain",
        "Beleidsdomeinen",
        "Beleidsdomein",
        "De beleidsdomeinen van de Huizen van het Kind in Vlaanderen.",
        Domain,
        "domains",
    ),
    "age_group": Taxonomy(
        "age_group",
        "Leeftijdsgroepen",
        "Leeftijdsgroep",
        "Voor welke leeftijd van het kind het aanbod bedoeld is, aanstaande ouders inbegrepen.",
        AgeGroup,
        "age_groups",
    ),
    "target_group": Taxonomy(
        "target_group",
        "Doelgroepen",
        "Doelgroep",
        "Voor wie het aanbod bedoeld is, buiten de leeftijd.",
        TargetGroup,
        "target_groups",
    ),
}


def term_code(taxonomy_key: str, slug: str) -> str:
    return f"{taxonomy_key}:{slug}"


def term_id(taxonomy_key: str, slug: str) -> str:
    return derived_id("taxonomy_term", term_code(taxonomy_key, slug))


def taxonomy_to_hsds(taxonomy: Taxonomy) -> dict:
    return {
        "id": taxonomy.id,
        "name": taxonomy.name,
        "description": taxonomy.description,
        "uri": taxonomy.uri,
        "version": "1",
    }


def taxonomy_term_to_hsds(taxonomy: Taxonomy, term) -> dict:
    """One of our terms (a Domain, AgeGroup or TargetGroup) as an HSDS taxonomy term."""
    return {
        "id": term_id(taxonomy.key, term.slug),
        "code": term_code(taxonomy.key, term.slug),
        "name": term.name,
        "description": f"{taxonomy.term_label}: {term.name}",
        "taxonomy": taxonomy.name,
        "taxonomy_id": taxonomy.id,
        "taxonomy_detail": taxonomy_to_hsds(taxonomy),
        "language": "nl",
    }


def taxonomy_terms() -> list[dict]:
    """All our terms, taxonomy by taxonomy (three queries)."""
    return [
        taxonomy_term_to_hsds(taxonomy, term)
        for taxonomy in TAXONOMIES.values()
        for term in taxonomy.model.objects.all()
    ]


def find_taxonomy(value: str) -> Taxonomy | None:
    return next((t for t in TAXONOMIES.values() if value in (t.id, t.key)), None)


def find_term(value: str) -> tuple[Taxonomy, str] | None:
    """The taxonomy and slug of a term given by its code (``domain:gezondheid``) or its id."""
    value = (value or "").strip()
    key, _sep, slug = value.partition(":")
    if key in TAXONOMIES and slug:
        taxonomy = TAXONOMIES[key]
        return (taxonomy, slug) if taxonomy.model.objects.filter(slug=slug).exists() else None
    for taxonomy in TAXONOMIES.values():
        for slug in taxonomy.model.objects.values_list("slug", flat=True):
            if term_id(taxonomy.key, slug) == value:
                return taxonomy, slug
    return None


def _attribute(owner_id: str, entity: str, taxonomy: Taxonomy, term) -> dict:
    return {
        "id": derived_id(owner_id, "attribute", term_code(taxonomy.key, term.slug)),
        "link_id": owner_id,
        "link_type": taxonomy.key,
        "link_entity": entity,
        "taxonomy_term_id": term_id(taxonomy.key, term.slug),
        "taxonomy_term": taxonomy_term_to_hsds(taxonomy, term),
    }


def _expecting_parents_group(age_groups: list) -> AgeGroup | None:
    return next((g for g in age_groups if g.slug == EXPECTING_PARENTS), None)


def _service_attributes(service: Service) -> list[dict]:
    age_groups = list(service.age_groups.all())
    if service.for_expecting_parents and _expecting_parents_group(age_groups) is None:
        # Expecting parents have no age: they are said with the age-group term, not with ages.
        age_groups.insert(0, AgeGroup(slug=EXPECTING_PARENTS, name="Aanstaande ouders"))
    terms = [
        *((TAXONOMIES["domain"], d) for d in service.domains.all()),
        *((TAXONOMIES["age_group"], a) for a in age_groups),
        *((TAXONOMIES["target_group"], t) for t in service.target_groups.all()),
    ]
    return [_attribute(service.hsds_id, "service", taxonomy, term) for taxonomy, term in terms]


# --- Export: organisations --------------------------------------------------------------------


def _phone(owner_id: str, number: str, **links) -> dict:
    return {"id": derived_id(owner_id, "phone"), **links, "number": number, "type": "voice"}


def organization_summary_to_hsds(org: Organisation) -> dict:
    """The one-to-one fields of an organisation (the shape of ``organization_list.json``)."""
    return {
        "id": org.hsds_id,
        "name": org.name,
        "description": org.description,  # required, even when empty
    } | _compact({"email": org.email, "website": org.website})


def _organization_details(org: Organisation) -> dict:
    """The organisation's own nested parts (no services, no locations)."""
    identifiers = []
    if org.enterprise_number:
        identifiers.append(
            {
                "id": derived_id(org.hsds_id, "identifier", ENTERPRISE_SCHEME),
                "organization_id": org.hsds_id,
                "identifier_scheme": ENTERPRISE_SCHEME,
                "identifier_type": "Ondernemingsnummer",
                "identifier": org.enterprise_number,
            }
        )
    attributes = [
        *(
            _attribute(org.hsds_id, "organization", TAXONOMIES["domain"], d)
            for d in org.domains.all()
        ),
        *(
            _attribute(org.hsds_id, "organization", TAXONOMIES["age_group"], a)
            for a in org.age_groups.all()
        ),
    ]
    return {
        "phones": [_phone(org.hsds_id, org.phone, organization_id=org.hsds_id)]
        if org.phone
        else [],
        "organization_identifiers": identifiers,
        "attributes": attributes,
    }


def organization_to_hsds(org: Organisation, *, services=None) -> dict:
    """A compiled HSDS organisation with its locations and (published) services.

    ``services`` are the services to embed (default: the organisation's published services);
    each is given in the list shape, without repeating the organisation.
    """
    if services is None:
        services = [s for s in org.services.all() if s.status == ServiceStatus.PUBLISHED]
    return (
        organization_summary_to_hsds(org)
        | _organization_details(org)
        | {
            "locations": [location_to_hsds(location) for location in org.locations.all()],
            "services": [
                service_summary_to_hsds(service, with_organization=False) for service in services
            ],
        }
    )


# --- Export: locations ------------------------------------------------------------------------


def _opening_hours_to_hsds(location: Location, hours: OpeningHours) -> dict:
    opens = f"{hours.opens:%H:%M}"
    return _compact(
        {
            "id": derived_id(location.hsds_id, "schedule", hours.weekday, opens),
            "location_id": location.hsds_id,
            "freq": "WEEKLY",
            "wkst": "MO",
            "byday": WEEKDAYS[hours.weekday],
            "opens_at": opens,
            "closes_at": f"{hours.closes:%H:%M}",
            "notes": hours.note,
        }
    )


def location_to_hsds(location: Location) -> dict:
    municipality = location.municipality
    data = _compact(
        {
            "id": location.hsds_id,
            "location_type": "physical",
            "organization_id": location.organisation.hsds_id if location.organisation_id else None,
            "name": location.name,
            "latitude": float(location.latitude) if location.latitude is not None else None,
            "longitude": float(location.longitude) if location.longitude is not None else None,
        }
    )
    data["addresses"] = [
        {
            "id": derived_id(location.hsds_id, "address"),
            "location_id": location.hsds_id,
            "address_1": location.street,
            "city": municipality.name,
            "state_province": municipality.province,
            "postal_code": location.postcode,
            "country": COUNTRY,
            "address_type": "physical",
        }
    ]
    data["accessibility"] = (
        [
            {
                "id": derived_id(location.hsds_id, "accessibility"),
                "location_id": location.hsds_id,
                "description": location.accessibility,
            }
        ]
        if location.accessibility
        else []
    )
    data["schedules"] = [
        _opening_hours_to_hsds(location, hours) for hours in location.opening_hours.all()
    ]
    return data


# --- Export: services -------------------------------------------------------------------------


def service_at_location_id(service_id: str, location_id: str) -> str:
    """The id of a service at a location, from the ids of both (we keep no row for it)."""
    return derived_id(service_id, "at", location_id)


def _description(service: Service) -> str:
    if service.description:
        return f"{service.summary}\n\n{service.description}"
    return service.summary


def service_summary_to_hsds(service: Service, *, with_organization: bool = True) -> dict:
    """The one-to-one fields of a published service (the shape of ``service_list.json``)."""
    data = _compact(
        {
            "id": service.hsds_id,
            "organization_id": service.organisation.hsds_id,
            "name": service.name,
            "alternate_name": service.alternate_name,
            "description": _description(service),
            "url": service.url,
            "email": service.email,
            "status": service.hsds_status,
            "application_process": service.application_process,
            "eligibility_description": service.eligibility_description,
            "minimum_age": service.minimum_age,
            "maximum_age": service.maximum_age,
            "assured_date": timezone.localdate(service.last_verified_at).isoformat()
            if service.last_verified_at
            else None,
            "last_modified": _timestamp(service.updated_at),
        }
    )
    if with_organization:
        data["organization"] = organization_summary_to_hsds(service.organisation)
    return data


def _cost_options(service: Service) -> list[dict]:
    options = []

    def option(kind: str, name: str, amount=None, description=""):
        options.append(
            _compact(
                {
                    "id": derived_id(service.hsds_id, "cost", kind),
                    "service_id": service.hsds_id,
                    "option": name,
                    "currency": CURRENCY if amount is not None else None,
                    "amount": _amount(amount),
                    "amount_description": description,
                }
            )
        )

    if service.is_free:
        option("free", COST_FREE, Decimal(0), service.price_description or COST_FREE)
    elif service.price is not None or service.price_description:
        option("normal", COST_NORMAL, service.price, service.price_description)
    if service.social_tariff:
        option(
            "social", COST_SOCIAL, service.social_tariff_price, service.social_tariff_description
        )
    return options


def _service_parts(service: Service) -> dict:
    """The nested parts of a compiled service, except the service at locations."""
    sid = service.hsds_id
    contact = _compact(
        {
            "id": derived_id(sid, "contact"),
            "service_id": sid,
            "name": service.contact_name,
            "title": service.contact_title,
            "email": service.contact_email,
        }
    )
    return {
        "organization": organization_summary_to_hsds(service.organisation)
        | _organization_details(service.organisation),
        "phones": [_phone(sid, service.phone, service_id=sid)] if service.phone else [],
        "schedules": [
            {
                "id": derived_id(sid, "schedule"),
                "service_id": sid,
                "description": service.schedule_description,
            }
        ]
        if service.schedule_description
        else [],
        "service_areas": [
            _compact(
                {
                    "id": derived_id(sid, "area", municipality.nis_code),
                    "service_id": sid,
                    "name": municipality.name,
                    "extent": ", ".join(municipality.postcodes),
                    "extent_type": "text",
                    "uri": f"{NIS_URI_PREFIX}{municipality.nis_code}",
                }
            )
            for municipality in service.service_areas.all()
        ],
        "languages": [
            {
                "id": derived_id(sid, "language", code),
                "service_id": sid,
                "code": code,
                "name": _dutch(LANGUAGE_NAMES_NL.get(code, code)),
            }
            for code in service.languages
        ],
        "cost_options": _cost_options(service),
        "contacts": [contact] if len(contact) > 2 else [],
        "attributes": _service_attributes(service),
    }


def _locations(service: Service) -> list[Location]:
    return sorted(service.locations.all(), key=lambda loc: (loc.name, loc.hsds_id))


def service_to_hsds(service: Service) -> dict:
    """A compiled HSDS service. Referral criteria are for professionals and never leave us."""
    return (
        service_summary_to_hsds(service, with_organization=False)
        | _service_parts(service)
        | {
            "service_at_locations": [
                _service_at_location(service, location) for location in _locations(service)
            ]
        }
    )


def _service_at_location(service: Service, location: Location) -> dict:
    return {
        "id": service_at_location_id(service.hsds_id, location.hsds_id),
        "service_id": service.hsds_id,
        "location_id": location.hsds_id,
        "location": location_to_hsds(location),
    }


def service_at_location_to_hsds(service: Service, location: Location) -> dict:
    """A compiled service at location: the location in full and the service without its
    other locations."""
    return _service_at_location(service, location) | {
        "service": service_summary_to_hsds(service, with_organization=False)
        | _service_parts(service)
    }


def service_at_location_summary_to_hsds(service: Service, location: Location) -> dict:
    """The shape of ``service_at_location_list.json``."""
    plain_location = {
        k: v
        for k, v in location_to_hsds(location).items()
        if k not in ("addresses", "accessibility", "schedules")
    }
    return {
        "id": service_at_location_id(service.hsds_id, location.hsds_id),
        "service_id": service.hsds_id,
        "location_id": location.hsds_id,
        "location": plain_location,
        "service": service_summary_to_hsds(service),
    }


# --- Export: querysets --------------------------------------------------------------------------


def exported_services(house: House | None = None):
    """The services we publish in HSDS: published services of active partners (of ``house``).

    The partners are found by a subquery, so the database starts from the (house's) partner
    organisations and their index instead of testing every service in Flanders.
    """
    if house is not None:
        return Service.objects.published().in_house(house)
    partners = Partnership.objects.filter(status=Partnership.Status.ACTIVE, house__is_active=True)
    return Service.objects.published().filter(
        organisation_id__in=partners.values("organisation_id")
    )


def exported_organisations(house: House | None = None):
    partnerships = Partnership.objects.filter(
        organisation=OuterRef("pk"), status=Partnership.Status.ACTIVE
    )
    if house is not None:
        partnerships = partnerships.filter(house=house)
    else:
        partnerships = partnerships.filter(house__is_active=True)
    return Organisation.objects.filter(Exists(partnerships))


def _locations_queryset():
    return Location.objects.select_related("municipality", "organisation").prefetch_related(
        Prefetch("opening_hours", queryset=OpeningHours.objects.order_by("weekday", "opens"))
    )


def with_service_parts(services, prefix: str = "", *, locations: bool = True):
    """Prefetch what ``service_to_hsds`` reads, on a Service queryset (or through ``prefix``)."""
    services = services.prefetch_related(
        f"{prefix}domains",
        f"{prefix}age_groups",
        f"{prefix}target_groups",
        f"{prefix}service_areas",
        f"{prefix}organisation__domains",
        f"{prefix}organisation__age_groups",
    )
    if locations:
        services = services.prefetch_related(
            Prefetch(f"{prefix}locations", queryset=_locations_queryset())
        )
    return services


def services_for_export(house: House | None = None, *, full: bool = True):
    services = exported_services(house).select_related("organisation")
    return with_service_parts(services) if full else services


def organisations_for_export(house: House | None = None, *, full: bool = True):
    organisations = exported_organisations(house)
    if not full:
        return organisations
    services = exported_services(house).order_by("name", "pk")
    return organisations.prefetch_related(
        "domains",
        "age_groups",
        Prefetch("locations", queryset=_locations_queryset().order_by("name", "pk")),
        Prefetch("services", queryset=services, to_attr="exported_services"),
    )


def services_at_locations(house: House | None = None):
    """The (service, location) pairs we publish, as rows of the many-to-many table."""
    through = Service.locations.through
    return through.objects.filter(service__in=exported_services(house).values("pk")).select_related(
        "service__organisation", "location__municipality", "location__organisation"
    )


# --- Import -------------------------------------------------------------------------------------

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

# Keys only a taxonomy or a taxonomy term has (both also have id, name and description).
TAXONOMY_KEYS = {"code", "taxonomy", "taxonomy_id", "taxonomy_detail", "term_uri", "version"}

MAX_AGE = 120
MIN_YEAR, MAX_YEAR = 1900, 2999  # of a date in a document or a parameter
ID_MAX_LENGTH = 64
MAX_DOCUMENT_BYTES = 100 * 1024 * 1024  # the full offer of every house in Flanders fits
MAX_NESTING = 64  # a paginated list of full organisations nests about 10 deep


class HsdsImportError(Exception):
    """The file as a whole cannot be read (the message is Dutch, for the user)."""


class RecordRejected(Exception):
    """This record cannot be taken; the message says why (Dutch)."""


@dataclass
class ImportReport:
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)
    rejected: Counter = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)
    dry_run: bool = False

    KINDS = ("service", "organisation", "location", "partnership")

    def kind_label(self, kind: str) -> str:
        return {
            "service": _("Aanbod"),
            "organisation": _("Organisaties"),
            "location": _("Locaties"),
            "partnership": _("Partnerschappen"),
        }[kind]

    def lines(self) -> list[str]:
        lines = [
            _(
                "%(kind)s: %(created)d nieuw, %(updated)d bijgewerkt, %(unchanged)d ongewijzigd, %(rejected)d geweigerd"
            )
            % {
                "kind": self.kind_label(kind),
                "created": self.created[kind],
                "updated": self.updated[kind],
                "unchanged": self.unchanged[kind],
                "rejected": self.rejected[kind],
            }
            for kind in self.KINDS
        ]
        if self.problems:
            lines.append(_("Wat niet (helemaal) overgenomen is:"))
            lines.extend(f"  - {problem}" for problem in self.problems)
        if self.dry_run:
            lines.append(_("Proefdraaien: er is niets bewaard."))
        return lines


def _short(value, limit: int = 60) -> str:
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


# What a nesting count has to look at: quotes, backslashes (inside strings) and brackets.
_JSON_STRUCTURE = re.compile(r'["\\\[\]{}]')


def json_nesting(text: str, *, limit: int) -> int:
    """How deep the arrays and objects of a JSON text nest (brackets inside strings do not
    count), without parsing it; it stops counting once the depth passes ``limit``."""
    depth = deepest = 0
    in_string = False
    escaped_at = -1  # the position of the character a backslash escapes
    for match in _JSON_STRUCTURE.finditer(text):
        char, position = match.group(), match.start()
        if in_string:
            if position == escaped_at:
                continue
            if char == "\\":
                escaped_at = position + 1
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > limit:
                    break
        elif char in "]}":
            depth -= 1
    return deepest


def read_hsds_document(raw: bytes):
    """The data of an HSDS file's bytes, or an HsdsImportError in Dutch: too large, not UTF-8,
    nested too deep (all checked before parsing) or not JSON."""
    if len(raw) > MAX_DOCUMENT_BYTES:
        raise HsdsImportError(too_large_message())
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise HsdsImportError(_("Het bestand is niet in UTF-8 bewaard.")) from error
    if json_nesting(text, limit=MAX_NESTING) > MAX_NESTING:
        raise HsdsImportError(
            _(
                "Het bestand is te diep genest: meer dan %(max)d lijsten en objecten in elkaar. "
                "Een HSDS-document is nooit zo diep; er is niets ingelezen."
            )
            % {"max": MAX_NESTING}
        )
    try:
        return json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as error:
        raise HsdsImportError(
            _("Het bestand is geen geldige JSON (regel %(line)d, kolom %(column)d): %(msg)s")
            % {"line": error.lineno, "column": error.colno, "msg": error.msg}
        ) from error
    except RecursionError as error:  # only when MAX_NESTING is set above the parser's limit
        raise HsdsImportError(_("Het bestand is te diep genest.")) from error


def _no_constant(name: str):
    """NaN and Infinity are not JSON (Python's parser would take them)."""
    raise HsdsImportError(
        _("Het bestand is geen geldige JSON: %(name)s is in JSON geen getal.") % {"name": name}
    )


def too_large_message() -> str:
    return _(
        "Het bestand is groter dan %(max)d MB. Verdeel het over meerdere bestanden; er is niets "
        "ingelezen."
    ) % {"max": MAX_DOCUMENT_BYTES // (1024 * 1024)}


def hsds_records(data) -> list:
    """The records in an HSDS document: one object, a list of them, or a paginated list."""
    if isinstance(data, dict) and isinstance(data.get("contents"), list):
        return data["contents"]
    if isinstance(data, dict):
        return [data]
    if isinstance(data, list):
        return data
    raise HsdsImportError(
        _(
            "Dit is geen HSDS-document: verwacht een organisatie of aanbod (een JSON-object), "
            "een lijst ervan, of een pagina met 'contents'."
        )
    )


class _Record:
    """The problems found in one record, with the label they are reported under."""

    def __init__(self, label: str):
        self.label = label
        self.problems: list[str] = []

    def warn(self, message: str) -> None:
        self.problems.append(f"{self.label}: {message}")


class HsdsImporter:
    def __init__(self, house: House, *, actor=None):
        self.house = house
        self.actor = actor
        self.report = ImportReport()
        self._organisations: dict[str, Organisation | None] = {}
        self._locations: dict[str, Location | None] = {}
        self._services: set[str] = set()
        self._municipalities = list(Municipality.objects.all())
        self._terms = {
            key: {term.slug: term for term in taxonomy.model.objects.all()}
            for key, taxonomy in TAXONOMIES.items()
        }
        self._term_ids = {
            term_id(key, slug): (key, slug) for key, terms in self._terms.items() for slug in terms
        }

    # -- entry point

    def import_record(self, record, position: int) -> None:
        if not isinstance(record, dict):
            self.report.problems.append(
                _("record %(n)d: geen JSON-object, overgeslagen") % {"n": position}
            )
            return
        if "status" in record:
            self.service(record)
        elif "location_type" in record or "addresses" in record:
            self.location(record, organisation=None, default_house=True)
        elif "service" in record or "service_id" in record:
            self.report.problems.append(
                _(
                    "record %(n)d: een service_at_location wordt niet apart ingelezen; lees het "
                    "aanbod zelf in (met zijn service_at_locations), overgeslagen"
                )
                % {"n": position}
            )
        elif TAXONOMY_KEYS & record.keys():
            self.report.problems.append(
                _(
                    "record %(n)d: taxonomieën en termen worden niet ingelezen (het platform "
                    "heeft zijn eigen lijsten), overgeslagen"
                )
                % {"n": position}
            )
        elif "name" in record or "services" in record:
            self.organisation(record)
        else:
            self.report.problems.append(
                _(
                    "record %(n)d: geen organisatie, aanbod of locatie (een aanbod heeft een "
                    "'status', een organisatie een 'name'), overgeslagen"
                )
                % {"n": position}
            )

    # -- helpers

    def _guarded(self, kind: str, label: str, work):
        """Run ``work(record)`` in a savepoint; a rejection rolls back only this record."""
        record = _Record(label)
        try:
            with transaction.atomic():
                result = work(record)
        except RecordRejected as rejection:
            self.report.rejected[kind] += 1
            self.report.problems.extend(record.problems)
            self.report.problems.append(f"{label}: {rejection}")
            return None
        except ValidationError as error:
            self.report.rejected[kind] += 1
            self.report.problems.extend(record.problems)
            self.report.problems.append(f"{label}: {' '.join(_messages(error))}")
            return None
        except (IntegrityError, DataError):
            self.report.rejected[kind] += 1
            self.report.problems.extend(record.problems)
            self.report.problems.append(
                f"{label}: " + _("de databank weigert dit record (dubbel of te lang)")
            )
            return None
        self.report.problems.extend(record.problems)
        return result

    def _count(self, kind: str, outcome: str) -> None:
        {"created": self.report.created, "updated": self.report.updated}.get(
            outcome, self.report.unchanged
        )[kind] += 1

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
            return f"{kind_label} '{_short(name)}' ({_short(ident, 40)})"
        return f"{kind_label} {_short(ident, 40)}"

    @staticmethod
    def _text(
        data: dict, key: str, record: _Record, *, max_length: int | None = None, label: str = ""
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

    def _email(self, data: dict, key: str, record: _Record):
        value = self._text(data, key, record, max_length=254)
        if value:
            try:
                EmailValidator()(value)
            except ValidationError:
                record.warn(
                    _("%(field)s '%(value)s' is geen geldig e-mailadres, niet overgenomen")
                    % {"field": key, "value": _short(value)}
                )
                return None
        return value

    def _url(self, data: dict, key: str, record: _Record):
        value = self._text(data, key, record, max_length=200)
        if value:
            try:
                URLValidator(schemes=["http", "https"])(value)
            except ValidationError:
                record.warn(
                    _("%(field)s '%(value)s' is geen geldig webadres, niet overgenomen")
                    % {"field": key, "value": _short(value)}
                )
                return None
        return value

    @staticmethod
    def _list(data: dict, key: str, record: _Record):
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
    def _cannot_hold(data: dict, keys, record: _Record) -> None:
        ignored = [key for key in keys if data.get(key) not in (None, "", [], {})]
        if ignored:
            record.warn(
                _("niet overgenomen (geen plaats voor in ons model): %(fields)s")
                % {"fields": ", ".join(ignored)}
            )

    def _phone(self, data: dict, record: _Record):
        phones = self._list(data, "phones", record)
        if phones is None:
            return None
        numbers = [p["number"].strip().strip('"').strip() for p in phones if _is_text(p, "number")]
        numbers = [n for n in numbers if n]
        if len(numbers) > 1:
            record.warn(_("alleen het eerste telefoonnummer is overgenomen"))
        if numbers and len(numbers[0]) > 30:
            record.warn(_("telefoonnummer is langer dan 30 tekens, niet overgenomen"))
            return None
        return numbers[0] if numbers else ""

    def _terms_of(self, data: dict, record: _Record, allowed: tuple[str, ...]):
        """{taxonomy key: [terms]} from the attributes, or None when there are none."""
        attributes = self._list(data, "attributes", record)
        if attributes is None:
            return None
        found = {key: [] for key in allowed}
        unknown = []
        for attribute in attributes:
            term = attribute.get("taxonomy_term") if isinstance(attribute, dict) else None
            term = term if isinstance(term, dict) else {}
            candidates = [term.get("code"), term.get("id"), attribute.get("taxonomy_term_id")]
            match = None
            for candidate in candidates:
                if not isinstance(candidate, str):
                    continue
                key, _sep, slug = candidate.partition(":")
                if key in self._terms and slug in self._terms[key]:
                    match = (key, slug)
                elif candidate in self._term_ids:
                    match = self._term_ids[candidate]
                if match:
                    break
            if match and match[0] in allowed:
                item = self._terms[match[0]][match[1]]
                if item not in found[match[0]]:
                    found[match[0]].append(item)
            else:
                unknown.append(str(term.get("name") or term.get("code") or attribute.get("id")))
        if unknown:
            record.warn(
                _("taxonomietermen die niet van ons zijn, niet overgenomen: %(terms)s")
                % {"terms": ", ".join(f"'{_short(u, 40)}'" for u in unknown)}
            )
        return found

    # -- organisations

    def organisation(self, data: dict) -> Organisation | None:
        key = data.get("id")
        if isinstance(key, str) and key.strip() in self._organisations:
            return self._organisations[key.strip()]
        label = self._label(_("organisatie"), data)
        organisation = self._guarded(
            "organisation", label, lambda record: self._organisation(data, record)
        )
        if isinstance(key, str):
            self._organisations[key.strip()] = organisation
        if organisation is not None:
            for location in _dicts(data.get("locations")):
                self.location(location, organisation=organisation)
            for service in _dicts(data.get("services")):
                self.service(service, organisation=organisation)
        return organisation

    def _organisation(self, data: dict, record: _Record) -> Organisation:
        hsds_id = self._id(data)
        name = self._text(data, "name", record, max_length=200)
        if not name:
            raise RecordRejected(_("geen naam"))
        organisation = Organisation.objects.filter(hsds_id=hsds_id).first()
        if organisation is None:
            organisation = self._same_enterprise(data, record)
        creating = organisation is None
        if creating:
            organisation = Organisation(hsds_id=hsds_id)
        values = {"name": name}
        for key, attr in (("description", "description"),):
            value = self._text(data, key, record)
            if value is not None:
                values[attr] = value
        if (email := self._email(data, "email", record)) is not None:
            values["email"] = email
        if (website := self._url(data, "website", record)) is not None:
            values["website"] = website
        if (phone := self._phone(data, record)) is not None:
            values["phone"] = phone
        identifiers = self._list(data, "organization_identifiers", record)
        if identifiers is not None:
            values["enterprise_number"] = self._enterprise_number(identifiers, organisation, record)
        related = {}
        terms = self._terms_of(data, record, ("domain", "age_group"))
        if terms is not None:
            related = {"domains": terms["domain"], "age_groups": terms["age_group"]}
        self._cannot_hold(data, ORGANIZATION_FIELDS_WE_CANNOT_HOLD, record)

        changes = _set_values(organisation, values)
        if creating or changes:
            organisation.full_clean()
            organisation.save()
        changes |= _set_related(organisation, related, creating)
        self._count("organisation", "created" if creating else "updated" if changes else "same")
        self._ensure_partner(organisation)
        return organisation

    @staticmethod
    def _same_enterprise(data: dict, record: _Record) -> Organisation | None:
        """The organisation we hold under another id with the same enterprise number (Kind en
        Gezin is a partner everywhere, and another platform gives it its own id)."""
        numbers = []
        for identifier in _dicts(data.get("organization_identifiers")):
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

    def _ensure_partner(self, organisation: Organisation) -> None:
        """An imported organisation is a partner of the house (an ended partnership stays so)."""
        _partnership, made = Partnership.objects.get_or_create(
            organisation=organisation, house=self.house
        )
        self._count("partnership", "created" if made else "same")

    def _enterprise_number(self, identifiers, organisation, record: _Record):
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
                        % {"value": _short(value)}
                    )
                    continue
                number = normalise_enterprise_number(value)
            else:
                record.warn(
                    _(
                        "identificatie '%(scheme)s %(value)s' niet overgenomen (alleen het KBO-nummer)"
                    )
                    % {"scheme": _short(scheme, 20), "value": _short(value, 30)}
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

    # -- locations

    def location(
        self, data: dict, *, organisation: Organisation | None, default_house: bool = False
    ) -> Location | None:
        key = data.get("id")
        if isinstance(key, str) and key.strip() in self._locations:
            return self._locations[key.strip()]
        label = self._label(_("locatie"), data)
        location = self._guarded(
            "location",
            label,
            lambda record: self._location(data, record, organisation, default_house),
        )
        if isinstance(key, str):
            self._locations[key.strip()] = location
        return location

    def _municipality_for(self, postcode: str, city: str) -> Municipality | None:
        matches = [m for m in self._municipalities if postcode in m.postcodes]
        if len(matches) > 1 and city:
            matches = [m for m in matches if m.name.lower() == city.lower()] or matches
        return matches[0] if matches else None

    def _location(self, data, record, organisation, default_house) -> Location:
        hsds_id = self._id(data)
        if data.get("location_type") == "virtual":
            raise RecordRejected(_("een virtuele locatie kunnen we niet bewaren"))
        location = Location.objects.filter(hsds_id=hsds_id).first()
        creating = location is None
        if creating:
            location = Location(hsds_id=hsds_id)
        values = {}
        owner_id = data.get("organization_id")
        if isinstance(owner_id, str) and owner_id:
            owner = (
                self._organisations.get(owner_id)
                or Organisation.objects.filter(hsds_id=owner_id).first()
            )
            if owner is None:
                record.warn(
                    _("onbekende organisatie '%(id)s' als eigenaar, niet overgenomen")
                    % {"id": _short(owner_id, 40)}
                )
                owner = organisation
            values |= {"organisation": owner, "house": None}
        elif creating:
            if default_house or organisation is None:
                values |= {"house": self.house, "organisation": None}
            else:
                values |= {"organisation": organisation, "house": None}

        addresses = self._list(data, "addresses", record)
        if addresses:
            address = next(
                (a for a in addresses if a.get("address_type") == "physical"), addresses[0]
            )
            street = address.get("address_1") if isinstance(address.get("address_1"), str) else ""
            extra = address.get("address_2") if isinstance(address.get("address_2"), str) else ""
            street = ", ".join(part.strip() for part in (street, extra) if part and part.strip())
            postcode = str(address.get("postal_code") or "").strip()
            city = str(address.get("city") or "").strip()
            country = str(address.get("country") or COUNTRY).strip().upper()
            if country not in ("BE", "BEL"):
                raise RecordRejected(
                    _("adres in het buitenland (%(country)s) kunnen we niet plaatsen")
                    % {"country": _short(country, 10)}
                )
            municipality = (
                self._municipality_for(postcode, city)
                if re.fullmatch(r"[0-9]{4}", postcode)
                else None
            )
            if municipality is None:
                raise RecordRejected(
                    _("onbekende postcode '%(postcode)s': geen gemeente van het platform")
                    % {"postcode": _short(postcode, 20)}
                )
            if not street or len(street) > 200:
                raise RecordRejected(
                    _("adres zonder straat of met een straat van meer dan 200 tekens")
                )
            values |= {"street": street, "postcode": postcode, "municipality": municipality}
        elif creating:
            raise RecordRejected(_("locatie zonder adres"))

        name = self._text(data, "name", record, max_length=150)
        if name:
            values["name"] = name
        elif creating:
            values["name"] = values["street"][:150]
        for key in ("latitude", "longitude"):
            if key in data:
                values[key] = self._coordinate(data[key], key, record)
        accessibility = self._list(data, "accessibility", record)
        if accessibility is not None:
            texts = [a.get("description") for a in accessibility if _is_text(a, "description")]
            values["accessibility"] = "\n\n".join(t.strip() for t in texts if t.strip())
        schedules = self._list(data, "schedules", record)
        hours = self._opening_hours(schedules, record) if schedules is not None else None
        self._cannot_hold(data, LOCATION_FIELDS_WE_CANNOT_HOLD, record)

        changes = _set_values(location, values)
        if creating or changes:
            location.full_clean()
            location.save()
        if hours is not None:
            current = [
                (h.weekday, h.opens, h.closes, h.note)
                for h in location.opening_hours.order_by("weekday", "opens")
            ]
            if current != hours:
                location.opening_hours.all().delete()
                OpeningHours.objects.bulk_create(
                    OpeningHours(location=location, weekday=d, opens=o, closes=c, note=n)
                    for d, o, c, n in hours
                )
                changes["opening_hours"] = True
        self._count("location", "created" if creating else "updated" if changes else "same")
        return location

    @staticmethod
    def _coordinate(value, key: str, record: _Record):
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
            % {"field": key, "value": _short(value, 20)}
        )
        return None

    def _opening_hours(self, schedules: list[dict], record: _Record):
        hours = set()
        skipped = 0
        for schedule in schedules:
            days = str(schedule.get("byday") or "").upper().replace(" ", "")
            freq = schedule.get("freq")
            opens = _parse_time(schedule.get("opens_at"))
            closes = _parse_time(schedule.get("closes_at"))
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

    # -- services

    def service(self, data: dict, *, organisation: Organisation | None = None):
        key = data.get("id")
        if isinstance(key, str) and key.strip() in self._services:
            return None
        label = self._label(_("aanbod"), data)
        # The organisation and the locations are records of their own: import them first, each
        # in its own savepoint, so that rejecting the service does not undo them halfway.
        if organisation is None and isinstance(data.get("organization"), dict):
            organisation = self.organisation(data["organization"])
        elif organisation is None and isinstance(data.get("organization_id"), str):
            org_id = data["organization_id"].strip()
            organisation = self._organisations.get(org_id) or (
                Organisation.objects.filter(hsds_id=org_id).first()
            )
            if organisation is not None:
                self._ensure_partner(organisation)
        before = _Record(label)
        locations = self._service_locations(data, before, organisation)
        service = self._guarded(
            "service",
            label,
            lambda record: self._service(data, record, organisation, locations, before.problems),
        )
        if isinstance(key, str):
            self._services.add(key.strip())
        return service

    def _service(
        self, data: dict, record: _Record, organisation, locations, problems: list[str]
    ) -> Service:
        record.problems.extend(problems)
        hsds_id = self._id(data)
        name = self._text(data, "name", record, max_length=200)
        if not name:
            raise RecordRejected(_("geen naam"))
        status = data.get("status")
        if status not in ("active", "temporarily closed", "inactive", "defunct"):
            raise RecordRejected(
                _("onbekende status '%(status)s'") % {"status": _short(status, 30)}
            )
        if organisation is None:
            org_id = data.get("organization_id")
            raise RecordRejected(
                _("onbekende organisatie '%(id)s'")
                % {"id": _short(org_id if isinstance(org_id, str) else "", 40)}
            )

        service = Service.objects.filter(hsds_id=hsds_id).first()
        creating = service is None
        if creating:
            service = Service(hsds_id=hsds_id, organisation=organisation)
        values = {
            "organisation": organisation,
            "name": name,
            "status": ServiceStatus.PUBLISHED
            if status in ("active", "temporarily closed")
            else ServiceStatus.ARCHIVED,
            "temporarily_closed": status == "temporarily closed",
        }
        description = self._text(data, "description", record)
        if description is not None:
            values |= _split_description(description)
        if creating and not values.get("summary"):
            record.warn(_("geen beschrijving: de naam dient als korte uitleg"))
            values["summary"] = name[:300]
        for key, attr, limit in (
            ("alternate_name", "alternate_name", 200),
            ("application_process", "application_process", None),
            ("eligibility_description", "eligibility_description", None),
        ):
            value = self._text(data, key, record, max_length=limit)
            if value is not None:
                values[attr] = value
        if (url := self._url(data, "url", record)) is not None:
            values["url"] = url
        if (email := self._email(data, "email", record)) is not None:
            values["email"] = email
        if (phone := self._phone(data, record)) is not None:
            values["phone"] = phone
        values |= self._contact(data, record)
        values |= self._ages(data, record)
        values |= self._costs(data, record)
        if (languages := self._languages(data, record)) is not None:
            values["languages"] = languages
        if (schedule := self._schedule(data, record)) is not None:
            values["schedule_description"] = schedule
        values |= self._verified(data, service, record)
        modified = self._modified(data, record)

        related = {}
        if (areas := self._service_areas(data, record)) is not None:
            related["service_areas"] = areas
        terms = self._terms_of(data, record, ("domain", "age_group", "target_group"))
        if terms is not None:
            expecting = any(g.slug == EXPECTING_PARENTS for g in terms["age_group"])
            values["for_expecting_parents"] = expecting
            # We say "expecting parents" with the flag, the age group, or both; the term covers
            # all three, so an existing service keeps whichever way it already says it.
            if (
                expecting
                and not creating
                and service.for_expecting_parents
                and not service.age_groups.filter(slug=EXPECTING_PARENTS).exists()
            ):
                terms["age_group"] = [g for g in terms["age_group"] if g.slug != EXPECTING_PARENTS]
            related |= {
                "domains": terms["domain"],
                "age_groups": terms["age_group"],
                "target_groups": terms["target_group"],
            }
            if values["status"] == ServiceStatus.PUBLISHED and not terms["domain"]:
                record.warn(_("geen beleidsdomein: gepubliceerd zonder domein"))
        if locations is not None:
            related["locations"] = locations
        self._cannot_hold(data, SERVICE_FIELDS_WE_CANNOT_HOLD, record)

        changes = _set_values(service, values)
        if creating or changes:
            service.full_clean()
            service.save()
        changes |= _set_related(service, related, creating)
        if creating or changes:
            if modified is not None:
                Service.objects.filter(pk=service.pk).update(updated_at=modified)
            ServiceHistory.objects.create(
                service=service,
                actor=self.actor,
                action="import",
                status=service.status,
                changes=changes,
            )
            _index_on_commit(service.pk)
        self._count("service", "created" if creating else "updated" if changes else "same")
        return service

    def _contact(self, data: dict, record: _Record) -> dict:
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

    def _age(self, data: dict, key: str, record: _Record):
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

    def _ages(self, data: dict, record: _Record) -> dict:
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

    def _costs(self, data: dict, record: _Record) -> dict:
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
    def _cost_amount(option: dict, record: _Record):
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
                % {"currency": _short(currency, 10)}
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

    def _languages(self, data: dict, record: _Record):
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
                or names.get(_dutch(name).lower())
                or LANGUAGE_ALIASES.get(name.lower())
            )
            if found and found not in codes:
                codes.append(found)
            elif not found:
                unknown.append(f"{name or '?'} ({code or '?'})")
        if unknown:
            record.warn(
                _("talen die het platform niet kent, niet overgenomen: %(languages)s")
                % {"languages": ", ".join(_short(u, 40) for u in unknown)}
            )
        return codes

    def _schedule(self, data: dict, record: _Record):
        schedules = self._list(data, "schedules", record)
        if schedules is None:
            return None
        texts = [s["description"].strip() for s in schedules if _is_text(s, "description")]
        texts = [t for t in texts if t]
        if len(texts) < len(schedules):
            record.warn(_("uurroosters van het aanbod: alleen de beschrijving is overgenomen"))
        text = " ".join(texts)
        if len(text) > 300:
            record.warn(_("de beschrijving van het uurrooster is ingekort tot 300 tekens"))
            text = text[:299] + "…"
        return text

    def _verified(self, data: dict, service: Service, record: _Record) -> dict:
        if "assured_date" not in data:
            return {}
        value = data["assured_date"]
        if value in (None, ""):
            return {"last_verified_at": None}
        parsed = parse_moment(value)
        if parsed is None:
            record.warn(
                _("assured_date '%(value)s' is geen datum, niet overgenomen")
                % {"value": _short(value, 30)}
            )
            return {}
        if isinstance(parsed, datetime):
            return {"last_verified_at": parsed}
        current = service.last_verified_at
        if current is not None and timezone.localdate(current) == parsed:
            return {}  # same day: keep the time we know
        return {"last_verified_at": timezone.make_aware(datetime.combine(parsed, time.min))}

    @staticmethod
    def _modified(data: dict, record: _Record):
        value = data.get("last_modified")
        if value in (None, ""):
            return None
        parsed = parse_moment(value)
        if not isinstance(parsed, datetime):
            record.warn(
                _("last_modified '%(value)s' is geen datum en tijd, genegeerd")
                % {"value": _short(value, 30)}
            )
            return None
        return parsed

    def _service_areas(self, data: dict, record: _Record):
        areas = self._list(data, "service_areas", record)
        if areas is None:
            return None
        found, unknown = [], []
        by_code = {m.nis_code: m for m in self._municipalities}
        by_name = {m.name.lower(): m for m in self._municipalities}
        for area in areas:
            uri = str(area.get("uri") or "").strip()
            name = str(area.get("name") or "").strip()
            municipality = None
            if uri.startswith(NIS_URI_PREFIX):
                municipality = by_code.get(uri[len(NIS_URI_PREFIX) :])
            municipality = municipality or by_name.get(name.lower())
            if municipality is None and re.fullmatch(r"[0-9]{5}", name):
                municipality = by_code.get(name)
            if municipality is None and re.fullmatch(r"[0-9]{4}", name):
                municipality = self._municipality_for(name, "")
            if municipality is None:
                unknown.append(name or uri or str(area.get("id")))
            elif municipality not in found:
                found.append(municipality)
        for name in unknown:
            record.warn(_("onbekende gemeente '%(name)s'") % {"name": _short(name)})
        return found

    def _service_locations(self, data: dict, record: _Record, organisation):
        items = self._list(data, "service_at_locations", record)
        if items is None:
            return None
        locations = []
        for item in items:
            location = None
            if isinstance(item.get("location"), dict):
                location = self.location(
                    item["location"], organisation=organisation, default_house=True
                )
            elif isinstance(item.get("location_id"), str):
                location_id = item["location_id"]
                location = self._locations.get(location_id) or (
                    Location.objects.filter(hsds_id=location_id).first()
                )
                if location is None:
                    record.warn(_("onbekende locatie '%(id)s'") % {"id": _short(location_id, 40)})
            if item.get("schedules") or item.get("contacts") or item.get("phones"):
                record.warn(
                    _(
                        "uurroosters, contacten en telefoons per locatie van een aanbod niet "
                        "overgenomen (openingsuren horen bij de locatie)"
                    )
                )
            if location is not None and location not in locations:
                locations.append(location)
        return locations


def _dicts(value) -> list[dict]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _is_text(data, key: str) -> bool:
    return isinstance(data, dict) and isinstance(data.get(key), str)


def _messages(error: ValidationError) -> list[str]:
    if hasattr(error, "message_dict"):
        return [f"{k}: {' '.join(v)}" for k, v in error.message_dict.items()]
    return list(error.messages)


def _split_description(text: str) -> dict:
    """Our summary and description from an HSDS description (see the module docstring)."""
    summary, _sep, rest = text.partition("\n\n")
    summary, rest = summary.strip(), rest.strip()
    if len(summary) <= 300:
        return {"summary": summary, "description": rest}
    cut = summary[:299].rsplit(" ", 1)[0]
    return {"summary": cut + "…", "description": text.strip()}


def _parse_time(value):
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


def _set_values(instance, values: dict) -> dict:
    changes = {}
    for name, value in values.items():
        try:
            before = getattr(instance, name)
        except ObjectDoesNotExist:  # a foreign key not set yet on a new row
            before = None
        if before != value:
            changes[name] = [_plain(before), _plain(value)]
            setattr(instance, name, value)
    return changes


def _set_related(instance, related: dict, creating: bool) -> dict:
    changes = {}
    for name, objects in related.items():
        manager = getattr(instance, name)
        after = {obj.pk for obj in objects}
        before = set() if creating else set(manager.values_list("pk", flat=True))
        if before != after:
            manager.set(objects)
            changes[name] = sorted(str(obj) for obj in objects)
    return changes


def _plain(value):
    if isinstance(value, Decimal | date | datetime | time):
        return str(value)
    if hasattr(value, "pk"):
        return str(value)
    return value


def _index_on_commit(service_id: int) -> None:
    """Refresh the search index of a service once the import is committed."""

    def index():
        service = Service.objects.filter(pk=service_id).first()
        if service is not None:
            index_service(service)

    transaction.on_commit(index)


def import_hsds(
    data, *, house: House, dry_run: bool = False, progress=None, actor=None
) -> ImportReport:
    """Upsert the records of an HSDS document into ``house``, all in one transaction.

    ``progress`` wraps the list of records (e.g. with tqdm). With ``dry_run`` everything is
    done and reported, then rolled back.
    """
    records = hsds_records(data)
    importer = HsdsImporter(house, actor=actor)
    importer.report.dry_run = dry_run
    with transaction.atomic():
        iterable = progress(records) if progress is not None else records
        for position, record in enumerate(iterable, start=1):
            importer.import_record(record, position)
        if dry_run:
            transaction.set_rollback(True)
    return importer.report
