"""The offer as open data: a read-only Open Referral HSDS 3.0 API (mounted at /api/hsds/).

Parameters follow the reference ``openapi.json`` of HSDS 3.0, plus ``house`` (the slug of a
Huis van het Kind). ``page`` and ``per_page`` are declared as bounded integers and ``full`` as a
boolean; they are checked by their own validators (ASCII digits only: not "²", "٣" or "1_000"),
the text parameters here. Every bad value gets a 400 with a Dutch message in
``{"detail": ...}`` (the API turns a parameter's validation error into that, see
``huisvanhetkind.api.api``).
"""

import math
import re
from dataclasses import dataclass
from datetime import datetime, time
from typing import Annotated, Any

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from pydantic import BeforeValidator
from pydantic_core import PydanticCustomError

from huisvanhetkind.catalogue import schedules as hsds_schedules
from huisvanhetkind.catalogue import selectors
from huisvanhetkind.catalogue.hsds import common as hsds_common
from huisvanhetkind.catalogue.hsds import export as hsds_export
from huisvanhetkind.catalogue.hsds import fields as hsds_fields
from huisvanhetkind.catalogue.hsds import taxonomy as hsds_taxonomy
from huisvanhetkind.catalogue.models import Service
from huisvanhetkind.network.models import House, Municipality, Organisation

router = Router(tags=["HSDS 3.0"])

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 100
MAX_PAGE = 100_000
MAX_TEXT = 200


# The type of a parameter's own validation error; its message is Dutch and goes to the client.
PARAMETER_ERROR = "parameter"


class ApiError(Schema):
    detail: str


class About(Schema):
    version: str
    openapi_url: str


class Page(Schema):
    """A page of a list, as HSDS 3.0's ``Page`` with its ``contents``."""

    total_items: int = Field(ge=0, description="The number of items on all pages.")
    total_pages: int = Field(ge=0, description="The number of pages.")
    page_number: int = Field(ge=1, le=MAX_PAGE, description="The number of this page.")
    size: int = Field(ge=0, le=MAX_PER_PAGE, description="The number of items on this page.")
    first_page: bool
    last_page: bool
    empty: bool
    contents: list[dict[str, Any]]


ERRORS = {400: ApiError, 404: ApiError}
LIST_RESPONSES = {200: Page, 400: ApiError}


def counting_number(name: str, maximum: int):
    """The type of an integer parameter from 1 to ``maximum`` written in ASCII digits; any
    other value gets a Dutch message. (Its ``Query`` declares the bounds.)"""

    def check(value):
        text = value.strip() if isinstance(value, str) else ""  # a query string is text
        if not re.fullmatch(r"[0-9]{1,9}", text) or not 1 <= int(text) <= maximum:
            raise PydanticCustomError(
                PARAMETER_ERROR,
                _("De parameter '%(name)s' moet een geheel getal van 1 tot %(max)d zijn.")
                % {"name": name, "max": maximum},
            )
        return int(text)

    return Annotated[int, BeforeValidator(check)]


def flag(name: str):
    """The type of a true/false parameter (true, false, 1, 0, yes, no)."""

    def check(value):
        text = value.strip().lower() if isinstance(value, str) else value
        if text in ("true", "1", "yes", True):
            return True
        if text in ("false", "0", "no", "", False):
            return False
        raise PydanticCustomError(
            PARAMETER_ERROR,
            _("De parameter '%(name)s' moet true of false zijn.") % {"name": name},
        )

    return Annotated[bool, BeforeValidator(check)]


PageNumber = counting_number("page", MAX_PAGE)
PerPage = counting_number("per_page", MAX_PER_PAGE)
Full = flag("full")

# Parameters, described once for every endpoint (the OpenAPI document is in English).
SEARCH = Query(None, description="Full-text search (Dutch-aware).")
PAGE = Query(None, ge=1, le=MAX_PAGE, description="Page number, from 1.", example=1)
PER_PAGE = Query(
    None,
    ge=1,
    le=MAX_PER_PAGE,
    description=f"Items per page, 1 to {MAX_PER_PAGE} (default {DEFAULT_PER_PAGE}).",
)
TAXONOMY_TERM_ID = Query(
    None, description="A taxonomy term: its id or its code, e.g. domain:gezondheid."
)
TAXONOMY_ID = Query(None, description="A taxonomy: its id, or domain, age_group or target_group.")
ORGANIZATION_ID = Query(None, description="The id of an organization.")
MODIFIED_AFTER = Query(
    None,
    description="Only what changed on or after this moment (ISO 8601 date or date-time).",
    example="2025-01-01T00:00:00Z",
)
POSTCODE = Query(
    None, description="A Belgian postcode: services for that municipality or with a location there."
)
HOUSE = Query(
    None,
    description="The slug of a Huis van het Kind, e.g. kalmthout: only its partners' offer.",
    example="kalmthout",
)
FULL = Query(None, description="true: every item fully nested, as its detail endpoint gives it.")


def _bad(message: str) -> HttpError:
    return HttpError(400, message)


def _text(value: str | None, name: str, *, max_length: int = MAX_TEXT) -> str:
    """A parameter as clean text ("" when absent)."""
    if value is None:
        return ""
    value = value.strip()
    if len(value) > max_length:
        raise _bad(
            _("De parameter '%(name)s' is te lang (hoogstens %(n)d tekens).")
            % {"name": name, "n": max_length}
        )
    if any(ord(char) < 32 or char == "\ufffd" for char in value):
        raise _bad(_("De parameter '%(name)s' bevat ongeldige tekens.") % {"name": name})
    return value


def _house(value: str | None) -> House | None:
    slug = _text(value, "house")
    if not slug:
        return None
    house = House.objects.filter(slug=slug, is_active=True).first()
    if house is None:
        raise _bad(_("Er is geen Huis van het Kind met de korte naam '%(slug)s'.") % {"slug": slug})
    return house


def _moment(value: str | None, name: str) -> datetime | None:
    text = _text(value, name, max_length=40)
    if not text:
        return None
    parsed = hsds_fields.parse_moment(text)
    if parsed is None:
        raise _bad(
            _(
                "De parameter '%(name)s' is geen geldige datum of datum en tijd "
                "(ISO 8601, bv. 2025-01-31 of 2025-01-31T09:00:00Z)."
            )
            % {"name": name}
        )
    if not isinstance(parsed, datetime):
        parsed = timezone.make_aware(datetime.combine(parsed, time.min))
    return parsed


@dataclass
class Paging:
    page: int
    per_page: int

    @classmethod
    def from_params(cls, page: int | None, per_page: int | None) -> "Paging":
        return cls(page=page or 1, per_page=per_page or DEFAULT_PER_PAGE)

    def page_of(self, items, total: int, to_hsds, finish=None) -> dict:
        """The HSDS page: ``items`` is a queryset or list, sliced here; ``finish(items,
        contents)`` completes the page's documents at once (the schedules of other apps)."""
        start = (self.page - 1) * self.per_page
        page = list(items[start : start + self.per_page])
        contents = [to_hsds(item) for item in page]
        if finish is not None:
            finish(page, contents)
        total_pages = math.ceil(total / self.per_page)
        return {
            "total_items": total,
            "total_pages": total_pages,
            "page_number": self.page,
            "size": len(contents),
            "first_page": self.page == 1,
            "last_page": self.page >= total_pages,
            "empty": not contents,
            "contents": contents,
        }


class InOrder:
    """The services of ``queryset`` with the ids ``ids``, in that order, read a slice at a time
    (a page of a ranking: only its own services are read)."""

    def __init__(self, queryset, ids: list[int]):
        self.queryset, self.ids = queryset, ids

    def __getitem__(self, part: slice) -> list:
        ids = self.ids[part]
        found = self.queryset.in_bulk(ids)
        return [found[pk] for pk in ids if pk in found]


def _filtered_services(
    house,
    *,
    search=None,
    taxonomy_term_id=None,
    taxonomy_id=None,
    organization_id=None,
    modified_after=None,
    postcode=None,
):
    """Published services of ``house`` (or all houses) filtered by the HSDS parameters, in
    name order, and with a search the ids of the matching ones, best first (else ``None``)."""
    services = base = hsds_export.exported_services(house)
    term = _text(taxonomy_term_id, "taxonomy_term_id")
    if term:
        found = hsds_taxonomy.find_term(term)
        if found is None:
            raise _bad(_("Onbekende taxonomieterm '%(term)s'.") % {"term": term})
        taxonomy, slug = found
        condition = Q(**{f"{taxonomy.relation}__slug": slug})
        if taxonomy.key == "age_group" and slug == hsds_common.EXPECTING_PARENTS:
            condition |= Q(for_expecting_parents=True)
        services = services.filter(pk__in=Service.objects.filter(condition).values("pk"))
    taxonomy_value = _text(taxonomy_id, "taxonomy_id")
    if taxonomy_value:
        taxonomy = hsds_taxonomy.find_taxonomy(taxonomy_value)
        if taxonomy is None:
            raise _bad(_("Onbekende taxonomie '%(id)s'.") % {"id": taxonomy_value})
        condition = Q(**{f"{taxonomy.relation}__isnull": False})
        if taxonomy.key == "age_group":
            condition |= Q(for_expecting_parents=True)
        services = services.filter(pk__in=Service.objects.filter(condition).values("pk"))
    organisation_value = _text(organization_id, "organization_id", max_length=64)
    if organisation_value:
        organisation = Organisation.objects.filter(hsds_id=organisation_value).first()
        if organisation is None:
            raise _bad(_("Onbekende organisatie '%(id)s'.") % {"id": organisation_value})
        services = services.filter(organisation=organisation)
    since = _moment(modified_after, "modified_after")
    if since is not None:
        services = services.filter(updated_at__gte=since)
    code = _text(postcode, "postcode")
    if code:
        if not re.fullmatch(r"[0-9]{4}", code):
            raise _bad(_("De parameter 'postcode' moet een Belgische postcode van 4 cijfers zijn."))
        municipalities = [m.pk for m in Municipality.objects.all() if code in m.postcodes]
        nearby = Q(service_areas__in=municipalities) | Q(locations__postcode=code)
        services = services.filter(pk__in=Service.objects.filter(nearby).values("pk"))
    query = _text(search, "search")
    ranked = None
    if query:
        # Without other filters a house's search keeps to the house's offer in memory.
        within = None if house is not None and services is base else services
        ranked = selectors.ranked_ids(query, house=house, within=within)
    return services.order_by("name", "pk"), ranked


def _not_found(message: str) -> HttpError:
    return HttpError(404, message)


def _path_id(value: str, message: str) -> str:
    """An id from the path; one that no record can have is simply not found."""
    if len(value) > 64 or any(ord(char) < 32 for char in value):
        raise _not_found(message % {"id": value[:64].replace("\x00", "")})
    return value


# --- Meta -------------------------------------------------------------------------------------


@router.get("/", summary="About this API", response={200: About})
def about(request):
    return {
        "version": hsds_common.HSDS_VERSION,
        "openapi_url": request.build_absolute_uri(reverse("api:openapi-json")),
    }


# --- Services ---------------------------------------------------------------------------------


@router.get("/services", summary="Services (paginated)", response=LIST_RESPONSES)
def list_services(
    request,
    search: str = SEARCH,
    page: PageNumber = PAGE,
    per_page: PerPage = PER_PAGE,
    taxonomy_term_id: str = TAXONOMY_TERM_ID,
    taxonomy_id: str = TAXONOMY_ID,
    organization_id: str = ORGANIZATION_ID,
    modified_after: str = MODIFIED_AFTER,
    postcode: str = POSTCODE,
    house: str = HOUSE,
    full: Full = FULL,
):
    """Published services, one-to-one fields and organisation; with ``full=true`` each service
    in full (as ``/services/{id}``)."""
    paging = Paging.from_params(page, per_page)
    full_items = full
    the_house = _house(house)
    services, ranked = _filtered_services(
        the_house,
        search=search,
        taxonomy_term_id=taxonomy_term_id,
        taxonomy_id=taxonomy_id,
        organization_id=organization_id,
        modified_after=modified_after,
        postcode=postcode,
    )
    services = services.select_related("organisation")
    if full_items:
        services = hsds_export.with_service_parts(services)
    to_hsds = hsds_export.service_to_hsds if full_items else hsds_export.service_summary_to_hsds

    def finish(page, documents):
        if full_items:
            hsds_schedules.add_schedules(page, documents, the_house)

    if ranked is None:
        return paging.page_of(services, services.count(), to_hsds, finish)
    return paging.page_of(InOrder(services, ranked), len(ranked), to_hsds, finish)


@router.get("/services/{id}", summary="One service, fully nested", response={200: dict, **ERRORS})
def get_service(request, id: str, house: str = HOUSE):  # noqa: A002 (the HSDS name)
    message = _("Er is geen gepubliceerd aanbod met id '%(id)s'.")
    the_house = _house(house)
    service = (
        hsds_export.services_for_export(the_house).filter(hsds_id=_path_id(id, message)).first()
    )
    if service is None:
        raise _not_found(message % {"id": id})
    document = hsds_export.service_to_hsds(service)
    hsds_schedules.add_schedules([service], [document], the_house)
    return document


# --- Organisations ------------------------------------------------------------------------------


@router.get("/organizations", summary="Organizations (paginated)", response=LIST_RESPONSES)
def list_organizations(
    request,
    search: str = SEARCH,
    page: PageNumber = PAGE,
    per_page: PerPage = PER_PAGE,
    house: str = HOUSE,
    full: Full = FULL,
):
    """The partner organisations (of a house); with ``full=true`` with locations and services."""
    paging = Paging.from_params(page, per_page)
    full_items = full
    the_house = _house(house)
    organisations = hsds_export.organisations_for_export(the_house, full=full_items)
    query = _text(search, "search")
    if query:
        organisations = organisations.filter(
            Q(name__icontains=query) | Q(description__icontains=query)
        )
    organisations = organisations.order_by("name", "pk")

    def to_hsds(org):
        if full_items:
            return hsds_export.organization_to_hsds(org, services=org.exported_services)
        return hsds_export.organization_summary_to_hsds(org)

    return paging.page_of(organisations, organisations.count(), to_hsds)


@router.get(
    "/organizations/{id}", summary="One organization, fully nested", response={200: dict, **ERRORS}
)
def get_organization(request, id: str, house: str = HOUSE):  # noqa: A002
    message = _("Er is geen partnerorganisatie met id '%(id)s'.")
    org = (
        hsds_export.organisations_for_export(_house(house))
        .filter(hsds_id=_path_id(id, message))
        .first()
    )
    if org is None:
        raise _not_found(message % {"id": id})
    return hsds_export.organization_to_hsds(org, services=org.exported_services)


# --- Services at locations ----------------------------------------------------------------------


@router.get(
    "/service_at_locations",
    summary="Services at locations (paginated)",
    response=LIST_RESPONSES,
)
def list_service_at_locations(
    request,
    search: str = SEARCH,
    page: PageNumber = PAGE,
    per_page: PerPage = PER_PAGE,
    taxonomy_term_id: str = TAXONOMY_TERM_ID,
    taxonomy_id: str = TAXONOMY_ID,
    organization_id: str = ORGANIZATION_ID,
    modified_after: str = MODIFIED_AFTER,
    postcode: str = POSTCODE,
    house: str = HOUSE,
    full: Full = FULL,
):
    paging = Paging.from_params(page, per_page)
    full_items = full
    the_house = _house(house)
    services, ranked = _filtered_services(
        the_house,
        search=search,
        taxonomy_term_id=taxonomy_term_id,
        taxonomy_id=taxonomy_id,
        organization_id=organization_id,
        modified_after=modified_after,
        postcode=postcode,
    )
    if ranked is not None:
        services = services.filter(pk__in=ranked)
    rows = (
        hsds_export.services_at_locations(the_house)
        .filter(service__in=services.values("pk"))
        .prefetch_related("location__opening_hours")
        .order_by("service__name", "service__pk", "location__name", "location__pk")
    )
    if full_items:
        rows = hsds_export.with_service_parts(rows, prefix="service__", locations=False)

    def to_hsds(row):
        if full_items:
            return hsds_export.service_at_location_to_hsds(row.service, row.location)
        return hsds_export.service_at_location_summary_to_hsds(row.service, row.location)

    def finish(page, documents):
        if full_items:
            services = [row.service for row in page]
            hsds_schedules.add_schedules(services, [d["service"] for d in documents], the_house)

    return paging.page_of(rows, rows.count(), to_hsds, finish)


@router.get(
    "/service_at_locations/{id}",
    summary="One service at a location, fully nested",
    response={200: dict, **ERRORS},
)
def get_service_at_location(request, id: str, house: str = HOUSE):  # noqa: A002
    message = _("Er is geen gepubliceerd aanbod op een locatie met id '%(id)s'.")
    _path_id(id, message)
    the_house = _house(house)
    rows = hsds_export.services_at_locations(the_house)
    pairs = rows.values_list("pk", "service__hsds_id", "location__hsds_id")
    match = next(
        (
            pk
            for pk, sid, lid in pairs.iterator()
            if hsds_export.service_at_location_id(sid, lid) == id
        ),
        None,
    )
    row = None
    if match is not None:
        row = (
            hsds_export.with_service_parts(rows, prefix="service__", locations=False)
            .prefetch_related("location__opening_hours")
            .filter(pk=match)
            .first()
        )
    if row is None:
        raise _not_found(message % {"id": id})
    document = hsds_export.service_at_location_to_hsds(row.service, row.location)
    hsds_schedules.add_schedules([row.service], [document["service"]], the_house)
    return document


# --- Taxonomies -------------------------------------------------------------------------------


@router.get("/taxonomies", summary="Taxonomies (paginated)", response=LIST_RESPONSES)
def list_taxonomies(
    request,
    search: str = SEARCH,
    page: PageNumber = PAGE,
    per_page: PerPage = PER_PAGE,
):
    paging = Paging.from_params(page, per_page)
    query = _text(search, "search").lower()
    taxonomies = [
        hsds_taxonomy.taxonomy_to_hsds(t)
        for t in hsds_taxonomy.TAXONOMIES.values()
        if query in t.name.lower() or query in t.description.lower()
    ]
    return paging.page_of(taxonomies, len(taxonomies), lambda item: item)


@router.get("/taxonomies/{id}", summary="One taxonomy", response={200: dict, **ERRORS})
def get_taxonomy(request, id: str):  # noqa: A002
    taxonomy = hsds_taxonomy.find_taxonomy(id)
    if taxonomy is None:
        raise _not_found(_("Er is geen taxonomie met id '%(id)s'.") % {"id": id[:64]})
    return hsds_taxonomy.taxonomy_to_hsds(taxonomy)


@router.get("/taxonomy_terms", summary="Taxonomy terms (paginated)", response=LIST_RESPONSES)
def list_taxonomy_terms(
    request,
    search: str = SEARCH,
    page: PageNumber = PAGE,
    per_page: PerPage = PER_PAGE,
    taxonomy_id: str = TAXONOMY_ID,
):
    paging = Paging.from_params(page, per_page)
    query = _text(search, "search").lower()
    taxonomy_value = _text(taxonomy_id, "taxonomy_id")
    taxonomy = hsds_taxonomy.find_taxonomy(taxonomy_value) if taxonomy_value else None
    if taxonomy_value and taxonomy is None:
        raise _bad(_("Onbekende taxonomie '%(id)s'.") % {"id": taxonomy_value})
    terms = [
        term
        for term in hsds_taxonomy.taxonomy_terms()
        if (taxonomy is None or term["taxonomy_id"] == taxonomy.id)
        and (query in term["name"].lower() or query in term["code"])
    ]
    return paging.page_of(terms, len(terms), lambda item: item)


@router.get("/taxonomy_terms/{id}", summary="One taxonomy term", response={200: dict, **ERRORS})
def get_taxonomy_term(request, id: str):  # noqa: A002
    message = _("Er is geen taxonomieterm met id '%(id)s'.")
    found = hsds_taxonomy.find_term(_path_id(id, message))
    if found is None:
        raise _not_found(message % {"id": id})
    taxonomy, slug = found
    return hsds_taxonomy.taxonomy_term_to_hsds(taxonomy, taxonomy.model.objects.get(slug=slug))
