"""Seed the demo: two houses, their partners, people (a bridge worker among them), offer,
activities, news, question routing, referrals and the bridge worker's caseload, read from the
TOML files in ``data/``.

Safe to run any number of times, whatever was imported in between (``import-hsds``,
``import-ical``, the CSV import): every record is found by a stable key, never by a lookup that
two rows could match. Organisations, locations and services, which HSDS identifies, get an HSDS
id derived from their demo name, the same in every demo database; a database seeded before
these ids existed is matched on the enterprise number or on the oldest record of that name.
Writes go through the apps' services where one exists, so that their rules and audit apply.
"""

import base64
import hashlib
import tomllib
from dataclasses import dataclass
from datetime import date, time, timedelta
from decimal import Decimal
from pathlib import Path

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction

from huisvanhetkind.activities import services as activity_services
from huisvanhetkind.activities import services_news as activity_news_services
from huisvanhetkind.activities.models import Activity, NewsItem
from huisvanhetkind.catalogue import services as catalogue_services
from huisvanhetkind.catalogue.models import Service, TargetGroup
from huisvanhetkind.catalogue.search.services import rebuild_index
from huisvanhetkind.catalogue.workflow import ServiceStatus, can_transition
from huisvanhetkind.demo.appointments import seed_appointments
from huisvanhetkind.demo.babytheek import seed_babytheek
from huisvanhetkind.demo.care import seed_care
from huisvanhetkind.demo.carepaths import seed_care_paths
from huisvanhetkind.demo.childcare import seed_childcare
from huisvanhetkind.demo.childcare_desk import offer_link
from huisvanhetkind.demo.coverage import seed_coverage
from huisvanhetkind.demo.familyplans import seed_family_plans
from huisvanhetkind.demo.figures import seed_figures
from huisvanhetkind.demo.guidance import seed_guidance
from huisvanhetkind.demo.ids import demo_hsds_id
from huisvanhetkind.demo.knowledge import seed_knowledge
from huisvanhetkind.demo.participation import seed_participation
from huisvanhetkind.demo.premises import seed_premises
from huisvanhetkind.demo.privacy import seed_privacy
from huisvanhetkind.demo.referrals import FamilyLink, seed_referrals
from huisvanhetkind.demo.steering import seed_steering
from huisvanhetkind.network import services as network_services
from huisvanhetkind.network import services_groups as network_groups
from huisvanhetkind.network import services_organisations as network_organisations
from huisvanhetkind.network import services_people as network_people
from huisvanhetkind.network.models import (
    AgeGroup,
    Domain,
    House,
    Location,
    Municipality,
    Organisation,
    PartnerApplication,
    Role,
)
from huisvanhetkind.questions import services_setup as question_services_setup
from huisvanhetkind.questions.models import RoutingRule, Topic

DATA = Path(__file__).resolve().parent / "data"
CAPABILITIES = (
    ("care", seed_care),
    ("familyplans", seed_family_plans),
    ("carepaths", seed_care_paths),
    ("childcare", seed_childcare),
    ("participation", seed_participation),
    ("coverage", seed_coverage),
    ("steering", seed_steering),
    ("knowledge", seed_knowledge),
    ("premises", seed_premises),
    ("babytheek", seed_babytheek),
    ("appointments", seed_appointments),
    ("figures", seed_figures),
    ("privacy", seed_privacy),
)
DEMO_PASSWORD = "Demo-Huis-2026!"

# Service fields the data may leave out (TOML has no null): absent means None.
NULLABLE_SERVICE_FIELDS = ("minimum_age", "maximum_age", "price", "social_tariff_price")
SERVICE_RELATIONS = ("domains", "age_groups", "target_groups", "service_areas", "locations")


def load(name: str) -> dict:
    """One file of the demo data, ``data/<name>.toml``."""
    with (DATA / f"{name}.toml").open("rb") as handle:
        return tomllib.load(handle)


def demo_totp_secret(email: str) -> str:
    """A fixed TOTP secret per demo account, so that the printed secret stays valid."""
    digest = hashlib.sha256(f"huisvanhetkind-demo:{email}".encode()).digest()
    return base64.b32encode(digest[:20]).decode()


def _decimal(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def _differs(instance, data: dict) -> bool:
    """Whether writing ``data`` (fields, and lists of related records) would change anything:
    the seeder writes only what differs, so that a second run leaves no trail."""
    if instance.pk is None:
        return True
    for field, value in data.items():
        current = getattr(instance, field)
        if hasattr(current, "all"):
            if {x.pk for x in current.all()} != {x.pk for x in value}:
                return True
        elif current != value:
            return True
    return False


@dataclass
class SeedResult:
    houses: int
    organisations: int
    services: int
    indexed: int
    accounts: list[tuple[str, str]]  # (role kind, e-mail) of each demo account
    family_link: FamilyLink | None = None  # a referral's page, as its family opens it
    childcare_link: str | None = None  # a childcare request's page with a place to accept


class _Seeder:
    def __init__(self, *, today: date):
        self.today = today
        self.municipalities: dict[str, Municipality] = {}
        for municipality in Municipality.objects.order_by("-nis_code"):
            self.municipalities[municipality.name] = municipality  # the lowest code wins
        self.houses: dict[str, House] = {}
        self.organisations: dict[str, Organisation] = {}
        self.organisation_houses: dict[str, list[str]] = {}
        # The demo's own locations, by owner (house slug or organisation name) and name.
        self.locations: dict[str, dict[str, Location]] = {}

    def municipality(self, name: str) -> Municipality:
        try:
            return self.municipalities[name]
        except KeyError:
            raise ValidationError(f"The demo data names an unknown municipality: {name}") from None

    # --- network ---------------------------------------------------------------------------

    def house(self, row: dict) -> House:
        fields = ["name", "tagline", "mission", "vision", "email", "phone", "accent_colour"]
        house = network_organisations.house_save(
            actor=None,
            house=House.objects.filter(slug=row["slug"]).first(),
            data={f: row.get(f, "") for f in fields}
            | {
                "slug": row["slug"],
                "municipalities": [self.municipality(n) for n in row["municipalities"]],
            },
        )
        self.houses[house.slug] = house
        self.locations[house.slug] = {
            location["name"]: self.location(location, key=("house", house.slug), house=house)
            for location in row.get("locations", [])
        }
        return house

    def location(self, row: dict, *, key: tuple[str, str], **owner) -> Location:
        hsds_id = demo_hsds_id("location", *key, row["name"])
        location = (
            Location.objects.filter(hsds_id=hsds_id).first()
            or Location.objects.filter(name=row["name"], **owner).order_by("pk").first()
        )
        return network_organisations.location_save(
            actor=None,
            location=location,
            hsds_id=hsds_id,
            data={
                "name": row["name"],
                "house": owner.get("house"),
                "organisation": owner.get("organisation"),
                "street": row["street"],
                "postcode": row["postcode"],
                "municipality": self.municipality(row["municipality"]),
                "accessibility": row.get("accessibility", ""),
            },
            opening_hours=[
                (weekday, time.fromisoformat(opens), time.fromisoformat(closes), note)
                for weekday, opens, closes, note in row.get("hours", [])
            ],
        )

    def organisation(self, row: dict) -> Organisation:
        name = row["name"]
        hsds_id = demo_hsds_id("organisation", name)
        organisation = Organisation.objects.filter(hsds_id=hsds_id).first()
        if organisation is None and row.get("enterprise_number"):
            organisation = Organisation.objects.filter(
                enterprise_number=row["enterprise_number"]
            ).first()
        if organisation is None:
            organisation = Organisation.objects.filter(name=name).order_by("pk").first()
        data = {
            "name": name,
            "kind": row["kind"],
            "description": row.get("description", ""),
            "website": row.get("website", ""),
            "email": row.get("email", ""),
            "phone": row.get("phone", ""),
            "enterprise_number": row.get("enterprise_number"),
            "domains": Domain.objects.filter(slug__in=row["domains"]),
            "age_groups": AgeGroup.objects.filter(slug__in=row["age_groups"]),
            "municipalities": [self.municipality(n) for n in row.get("municipalities", [])],
        }
        houses = [self.houses[slug] for slug in row["houses"]]
        if organisation is None:
            organisation = network_organisations.organisation_create(
                actor=None, data=data, houses=houses, hsds_id=hsds_id
            )
        else:
            organisation = network_organisations.organisation_update(
                organisation=organisation, actor=None, data=data
            )
            for house in houses:
                network_organisations.partnership_create(
                    actor=None, organisation=organisation, house=house
                )
        self.organisations[name] = organisation
        self.organisation_houses[name] = row["houses"]
        self.locations[name] = {
            location["name"]: self.location(
                location, key=("organisation", name), organisation=organisation
            )
            for location in row.get("locations", [])
        }
        return organisation

    def person(self, row: dict) -> tuple[str, str]:
        # No service makes an account without an invitation: the models of auth and allauth.
        user, created = get_user_model().objects.get_or_create(
            username=row["email"],
            defaults={
                "email": row["email"],
                "first_name": row["first_name"],
                "last_name": row["last_name"],
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        EmailAddress.objects.get_or_create(
            user=user, email=row["email"], defaults={"primary": True, "verified": True}
        )
        organisation = self.organisations[row["organisation"]] if row.get("organisation") else None
        house = self.houses[row["house"]] if row.get("house") else None
        context = house or self.houses[self.organisation_houses[row["organisation"]][0]]
        network_people.role_grant(
            actor=None,
            user=user,
            kind=row["role"],
            house=house,
            organisation=organisation,
            context_house=context,
        )
        if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
            TOTP.activate(user, demo_totp_secret(user.email))
            RecoveryCodes.activate(user)
        if row.get("bridge_worker"):
            return self.bridge_worker(user, self.houses[row["bridge_worker"]], organisation)
        return row["role"], user.email

    def bridge_worker(self, user, house: House, organisation: Organisation) -> tuple[str, str]:
        """The house's coordinator designated this worker of a partner as bridge worker."""
        if not Role.objects.filter(user=user, kind=Role.Kind.BRIDGE_WORKER, house=house).exists():
            network_groups.bridge_worker_designate(
                actor=None, house=house, user=user, organisation=organisation
            )
        return Role.Kind.BRIDGE_WORKER, user.email

    def application(self, row: dict) -> None:
        """A pending application, stored once; what the coordinator decided stays."""
        house = self.houses[row["house"]]
        name = row["organisation_name"]
        if PartnerApplication.objects.filter(house=house, organisation_name=name).exists():
            return
        try:
            # Without e-mailing the coordinators, which a seed must not do.
            network_services.application_submit(
                house=house,
                data={
                    k: v for k, v in row.items() if k not in ("house", "domains", "municipalities")
                },
                domains=Domain.objects.filter(slug__in=row.get("domains", [])),
                municipalities=[self.municipality(n) for n in row.get("municipalities", [])],
                notify=False,
            )
        except ValidationError:
            # The organisation became a partner of the house meanwhile (an import): nothing to ask.
            return

    # --- catalogue -------------------------------------------------------------------------

    def service(self, row: dict) -> Service:
        organisation = self.organisations[row["organisation"]]
        hsds_id = demo_hsds_id("service", row["organisation"], row["name"])
        data = {field: row.get(field) for field in NULLABLE_SERVICE_FIELDS}
        data |= {
            k: v
            for k, v in row.items()
            if k not in SERVICE_RELATIONS and k not in ("organisation", "status")
        }
        data["price"] = _decimal(data["price"])
        data["social_tariff_price"] = _decimal(data["social_tariff_price"])
        data |= {
            "domains": Domain.objects.filter(slug__in=row.get("domains", [])),
            "age_groups": AgeGroup.objects.filter(slug__in=row.get("age_groups", [])),
            "target_groups": TargetGroup.objects.filter(slug__in=row.get("target_groups", [])),
            "service_areas": [self.municipality(n) for n in row.get("service_areas", [])],
            "locations": self.service_locations(row),
        }
        service = (
            Service.objects.filter(hsds_id=hsds_id).first()
            or Service.objects.filter(organisation=organisation, name=row["name"])
            .order_by("pk")
            .first()
        )
        if service is None:
            service = catalogue_services.service_create(
                organisation=organisation, actor=None, data={**data, "hsds_id": hsds_id}
            )
        elif _differs(service, {**data, "organisation": organisation}):
            service = catalogue_services.service_update(
                service=service, actor=None, data={**data, "organisation": organisation}
            )
        if service.status != row["status"]:
            if not can_transition(service.status, row["status"]):
                service = catalogue_services.service_transition(
                    service=service, actor=None, to=ServiceStatus.DRAFT
                )
            service = catalogue_services.service_transition(
                service=service, actor=None, to=row["status"]
            )
        return service

    def service_locations(self, row: dict) -> list[Location]:
        """The named locations of the service's organisation and of its houses."""
        owners = [row["organisation"], *self.organisation_houses[row["organisation"]]]
        return [
            self.locations[owner][name]
            for name in row.get("locations", [])
            for owner in owners
            if name in self.locations[owner]
        ]

    # --- questions -------------------------------------------------------------------------

    def routing_rule(self, row: dict) -> RoutingRule:
        """A new rule goes last; an existing one keeps the place the coordinator gave it."""
        house = self.houses[row["house"]]
        rule = RoutingRule.objects.filter(house=house, name=row["name"]).order_by("pk").first()
        rule = rule or RoutingRule(house=house, name=row["name"])
        topic = row.get("topic")
        age_group = row.get("age_group")
        values = {
            "topic": Topic.objects.get(slug=topic, house=None) if topic else None,
            "age_group": AgeGroup.objects.get(slug=age_group) if age_group else None,
            "keywords": row.get("keywords", ""),
            "organisation": self.organisations[row["organisation"]],
        }
        if not _differs(rule, values):
            return rule
        for field, value in values.items():
            setattr(rule, field, value)
        return question_services_setup.routing_rule_save(rule=rule, actor=None)

    # --- activities ------------------------------------------------------------------------

    def activity(self, row: dict) -> Activity:
        house = self.houses[row["house"]]
        activity = Activity.objects.filter(house=house, title=row["title"]).order_by("pk").first()
        activity = activity or Activity(house=house, title=row["title"])
        values = {
            "summary": row["summary"],
            "place": row["place"],
            "is_free": row["is_free"],
            "price": _decimal(row.get("price")),
            "social_tariff": "social_tariff_price" in row,
            "social_tariff_price": _decimal(row.get("social_tariff_price")),
            "registration": Activity.RegistrationMode.REQUIRED,
            "capacity": row["capacity"],
            "status": Activity.Status.PUBLISHED,
        }
        related = {
            "organisations": [self.organisations[row["organisation"]]],
            "domains": Domain.objects.filter(slug=row["domain"]),
            "age_groups": AgeGroup.objects.filter(slug__in=row["age_groups"]),
        }
        if _differs(activity, values | related):
            for field, value in values.items():
                setattr(activity, field, value)
            activity_services.activity_save(activity=activity, actor=None, **related)
        # Every run: the 90 days ahead move on; sessions that already exist are kept.
        activity_services.sessions_generate(
            activity=activity,
            actor=None,
            rule=row["rule"],
            first_day=self.today,
            starts=time.fromisoformat(row["starts"]),
            ends=time.fromisoformat(row["ends"]),
            until=self.today + timedelta(days=90),
        )
        return activity

    def news(self, row: dict) -> NewsItem:
        house = self.houses[row["house"]]
        item = NewsItem.objects.filter(house=house, title=row["title"]).order_by("pk").first()
        item = item or NewsItem(house=house, title=row["title"])
        values = {"body": activity_news_services.clean_html(row["body"]), "is_published": True}
        if not _differs(item, values):
            return item
        for field, value in values.items():
            setattr(item, field, value)
        return activity_news_services.news_save(item=item, actor=None)


def demo_seed(*, today: date | None = None) -> SeedResult:
    """Write the demo data into the database; running it again changes nothing more."""
    network = load("houses") | load("organisations") | load("people")
    services = load("services")["services"]
    activities = load("activities")
    rules = load("questions")["routing_rules"]
    seeder = _Seeder(today=today or date.today())
    with transaction.atomic():
        for row in network["houses"]:
            seeder.house(row)
        for row in network["organisations"]:
            seeder.organisation(row)
        accounts = [seeder.person(row) for row in network["people"]]
        for row in network["applications"]:
            seeder.application(row)
        seeded = {(row["organisation"], row["name"]): seeder.service(row) for row in services}
        for row in rules:
            seeder.routing_rule(row)
        for row in activities["activities"]:
            seeder.activity(row)
        for row in activities["news"]:
            seeder.news(row)
        link = seed_referrals(
            data=load("referrals"),
            houses=seeder.houses,
            organisations=seeder.organisations,
            services=seeded,
            today=seeder.today,
        )
        seed_guidance(data=load("guidance"), houses=seeder.houses, today=seeder.today)
        # The capabilities written on top of the network and its offer, each from its own
        # data file (data/<name>.toml), in this order.
        for name, seed in CAPABILITIES:
            seed(
                data=load(name),
                houses=seeder.houses,
                organisations=seeder.organisations,
                today=seeder.today,
            )
    return SeedResult(
        houses=len(seeder.houses),
        organisations=len(seeder.organisations),
        services=Service.objects.count(),
        indexed=rebuild_index(),
        accounts=accounts,
        family_link=link,
        childcare_link=offer_link(seeder.houses["kalmthout"]),
    )
