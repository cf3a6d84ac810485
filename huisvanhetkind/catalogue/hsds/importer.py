"""Import: the records of an HSDS document into our offer, through the services of the catalogue
and the network, so the same rules hold as everywhere (see the package docstring)."""

import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DataError, IntegrityError, transaction
from django.utils.translation import gettext as _

from huisvanhetkind.catalogue.hsds.common import COUNTRY, EXPECTING_PARENTS, NIS_URI_PREFIX
from huisvanhetkind.catalogue.hsds.document import hsds_records
from huisvanhetkind.catalogue.hsds.fields import (
    LOCATION_FIELDS_WE_CANNOT_HOLD,
    ORGANIZATION_FIELDS_WE_CANNOT_HOLD,
    SERVICE_FIELDS_WE_CANNOT_HOLD,
    TAXONOMY_KEYS,
    Record,
    RecordReader,
    RecordRejected,
    dicts,
    error_messages,
    is_text,
    short,
    split_description,
)
from huisvanhetkind.catalogue.hsds.report import ImportReport
from huisvanhetkind.catalogue.hsds.taxonomy import TAXONOMIES, term_id
from huisvanhetkind.catalogue.models import Service
from huisvanhetkind.catalogue.services import service_upsert
from huisvanhetkind.catalogue.workflow import ServiceStatus
from huisvanhetkind.network.models import House, Location, Municipality, Organisation, Partnership
from huisvanhetkind.network.services_organisations import (
    location_save,
    organisation_create,
    organisation_update,
    partnership_create,
)


class HsdsImporter(RecordReader):
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
        """Run ``work(record)`` in a savepoint; a rejection (ours, or what a service refuses)
        rolls back only this record and is reported under its label."""
        record = Record(label)
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
            self.report.problems.append(f"{label}: {' '.join(error_messages(error))}")
            return None
        except PermissionDenied as refusal:
            self.report.rejected[kind] += 1
            self.report.problems.extend(record.problems)
            self.report.problems.append(f"{label}: {refusal}")
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

    def _terms_of(self, data: dict, record: Record, allowed: tuple[str, ...]):
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
                % {"terms": ", ".join(f"'{short(u, 40)}'" for u in unknown)}
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
            for location in dicts(data.get("locations")):
                self.location(location, organisation=organisation)
            for service in dicts(data.get("services")):
                self.service(service, organisation=organisation)
        return organisation

    def _organisation(self, data: dict, record: Record) -> Organisation:
        hsds_id = self._id(data)
        name = self._text(data, "name", record, max_length=200)
        if not name:
            raise RecordRejected(_("geen naam"))
        organisation = Organisation.objects.filter(hsds_id=hsds_id).first()
        if organisation is None:
            organisation = self._same_enterprise(data, record)
        creating = organisation is None
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
            values["enterprise_number"] = self._enterprise_number(
                identifiers, organisation or Organisation(hsds_id=hsds_id), record
            )
        related = {}
        terms = self._terms_of(data, record, ("domain", "age_group"))
        if terms is not None:
            related = {"domains": terms["domain"], "age_groups": terms["age_group"]}
        self._cannot_hold(data, ORGANIZATION_FIELDS_WE_CANNOT_HOLD, record)

        if creating:
            # A partner of the house from the start (organisation_create makes the partnership).
            organisation = organisation_create(
                actor=self.actor, data=values | related, houses=[self.house], hsds_id=hsds_id
            )
            self._count("organisation", "created")
            self._count("partnership", "created")
            return organisation
        changed = _differs(organisation, values, related)
        if changed:
            organisation = organisation_update(
                organisation=organisation, actor=self.actor, data=values | related
            )
            organisation.full_clean()  # refused: the savepoint undoes the change
        self._count("organisation", "updated" if changed else "same")
        self._ensure_partner(organisation)
        return organisation

    def _ensure_partner(self, organisation: Organisation) -> None:
        """An imported organisation is a partner of the house (an ended partnership stays so)."""
        made = not Partnership.objects.filter(organisation=organisation, house=self.house).exists()
        partnership_create(actor=self.actor, organisation=organisation, house=self.house)
        self._count("partnership", "created" if made else "same")

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
                    % {"id": short(owner_id, 40)}
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
                    % {"country": short(country, 10)}
                )
            municipality = (
                self._municipality_for(postcode, city)
                if re.fullmatch(r"[0-9]{4}", postcode)
                else None
            )
            if municipality is None:
                raise RecordRejected(
                    _("onbekende postcode '%(postcode)s': geen gemeente van het platform")
                    % {"postcode": short(postcode, 20)}
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
            texts = [a.get("description") for a in accessibility if is_text(a, "description")]
            values["accessibility"] = "\n\n".join(t.strip() for t in texts if t.strip())
        schedules = self._list(data, "schedules", record)
        hours = self._opening_hours(schedules, record) if schedules is not None else None
        self._cannot_hold(data, LOCATION_FIELDS_WE_CANNOT_HOLD, record)

        if creating:
            self._count("location", "created")
            return location_save(
                actor=self.actor, data=values, opening_hours=hours, hsds_id=hsds_id
            )
        current = [
            (h.weekday, h.opens, h.closes, h.note)
            for h in location.opening_hours.order_by("weekday", "opens")
        ]
        changed = _differs(location, values) or (hours is not None and hours != current)
        if changed:
            location = location_save(
                actor=self.actor, location=location, data=values, opening_hours=hours
            )
        self._count("location", "updated" if changed else "same")
        return location

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
        before = Record(label)
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
        self, data: dict, record: Record, organisation, locations, problems: list[str]
    ) -> Service:
        record.problems.extend(problems)
        hsds_id = self._id(data)
        name = self._text(data, "name", record, max_length=200)
        if not name:
            raise RecordRejected(_("geen naam"))
        status = data.get("status")
        if status not in ("active", "temporarily closed", "inactive", "defunct"):
            raise RecordRejected(_("onbekende status '%(status)s'") % {"status": short(status, 30)})
        if organisation is None:
            org_id = data.get("organization_id")
            raise RecordRejected(
                _("onbekende organisatie '%(id)s'")
                % {"id": short(org_id if isinstance(org_id, str) else "", 40)}
            )

        service = Service.objects.filter(hsds_id=hsds_id).first()
        creating = service is None
        if creating:
            service = Service(hsds_id=hsds_id, organisation=organisation)
        our_status = (
            ServiceStatus.PUBLISHED
            if status in ("active", "temporarily closed")
            else ServiceStatus.ARCHIVED
        )
        values = {"name": name, "temporarily_closed": status == "temporarily closed"}
        description = self._text(data, "description", record)
        if description is not None:
            values |= split_description(description)
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
        if locations is not None:
            related["locations"] = locations
        self._cannot_hold(data, SERVICE_FIELDS_WE_CANNOT_HOLD, record)

        # The catalogue's rules hold: a move the workflow refuses (archived to published) or a
        # published service without a domain rejects the record, with the service's message.
        service, outcome = service_upsert(
            hsds_id=hsds_id,
            organisation=organisation,
            actor=self.actor,
            data=values | related,
            status=our_status,
            modified_at=modified,
            reason=_("import van een HSDS-bestand"),
        )
        self._count("service", outcome)
        return service

    def _service_areas(self, data: dict, record: Record):
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
            record.warn(_("onbekende gemeente '%(name)s'") % {"name": short(name)})
        return found

    def _service_locations(self, data: dict, record: Record, organisation):
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
                    record.warn(_("onbekende locatie '%(id)s'") % {"id": short(location_id, 40)})
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


def _differs(instance, values: dict, related: dict | None = None) -> bool:
    """Whether ``values`` (fields) or ``related`` (many-to-many) differ from what ``instance``
    holds: the import counts it as updated, and the service then saves and records it."""
    if any(getattr(instance, name) != value for name, value in values.items()):
        return True
    return any(
        set(getattr(instance, name).values_list("pk", flat=True)) != {obj.pk for obj in objects}
        for name, objects in (related or {}).items()
    )


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
