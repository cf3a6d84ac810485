"""Export: our rows as the dictionaries of the compiled HSDS 3.0 schemas, and the querysets
that read them with a constant number of queries."""

from decimal import Decimal

from django.db.models import Exists, OuterRef, Prefetch
from django.utils import timezone

from huisvanhetkind.catalogue.hsds.common import (
    COST_FREE,
    COST_NORMAL,
    COST_SOCIAL,
    COUNTRY,
    CURRENCY,
    ENTERPRISE_SCHEME,
    LANGUAGE_NAMES_NL,
    NIS_URI_PREFIX,
    WEEKDAYS,
    amount_to_hsds,
    compact,
    derived_id,
    dutch,
    timestamp,
)
from huisvanhetkind.catalogue.hsds.taxonomy import TAXONOMIES, attribute, service_attributes
from huisvanhetkind.catalogue.models import Service
from huisvanhetkind.catalogue.workflow import ServiceStatus
from huisvanhetkind.network.models import House, Location, OpeningHours, Organisation, Partnership

# --- Export: organisations --------------------------------------------------------------------


def _phone(owner_id: str, number: str, **links) -> dict:
    return {"id": derived_id(owner_id, "phone"), **links, "number": number, "type": "voice"}


def organization_summary_to_hsds(org: Organisation) -> dict:
    """The one-to-one fields of an organisation (the shape of ``organization_list.json``)."""
    return {
        "id": org.hsds_id,
        "name": org.name,
        "description": org.description,  # required, even when empty
    } | compact({"email": org.email, "website": org.website})


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
            attribute(org.hsds_id, "organization", TAXONOMIES["domain"], d)
            for d in org.domains.all()
        ),
        *(
            attribute(org.hsds_id, "organization", TAXONOMIES["age_group"], a)
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
    return compact(
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
    data = compact(
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
    data = compact(
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
            "last_modified": timestamp(service.updated_at),
        }
    )
    if with_organization:
        data["organization"] = organization_summary_to_hsds(service.organisation)
    return data


def _cost_options(service: Service) -> list[dict]:
    options = []

    def option(kind: str, name: str, amount=None, description=""):
        options.append(
            compact(
                {
                    "id": derived_id(service.hsds_id, "cost", kind),
                    "service_id": service.hsds_id,
                    "option": name,
                    "currency": CURRENCY if amount is not None else None,
                    "amount": amount_to_hsds(amount),
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
    contact = compact(
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
            compact(
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
                "name": dutch(LANGUAGE_NAMES_NL.get(code, code)),
            }
            for code in service.languages
        ],
        "cost_options": _cost_options(service),
        "contacts": [contact] if len(contact) > 2 else [],
        "attributes": service_attributes(service),
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
