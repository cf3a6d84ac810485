"""Fill the database with the two demo houses, their partners and fictitious professionals."""

import base64
import hashlib
from datetime import time

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from huisvanhetkind.activities import services as activity_services
from huisvanhetkind.activities.models import Activity, NewsItem
from huisvanhetkind.catalogue import demo_data as catalogue_demo_data
from huisvanhetkind.catalogue.models import Service, TargetGroup
from huisvanhetkind.network import demo_data
from huisvanhetkind.network.models import (
    AgeGroup,
    Domain,
    House,
    Location,
    Municipality,
    OpeningHours,
    Organisation,
    PartnerApplication,
    Partnership,
    Role,
)
from huisvanhetkind.questions.models import RoutingRule, Topic
from huisvanhetkind.search.services import rebuild_index

REGION = "zoersel-brecht-zandhoven-wijnegem-schilde"

# Demo activities: (house, organisation, title, summary, age groups, domain, RRULE, weekday
# start/end, capacity in families, free, price, social tariff price, place).
ACTIVITIES = [
    (
        "kalmthout",
        "Kind en Preventie",
        "Speelbabbel",
        "Ontmoetingsmoment voor ouders met kinderen van 0 tot 3 jaar: spelen, babbelen, een tas koffie.",
        ["0-3"],
        "vrije-tijd-ontmoeting",
        "FREQ=WEEKLY;BYDAY=TU",
        "09:30",
        "11:30",
        12,
        True,
        None,
        None,
        "Huis van het Kind Kalmthout, Kapellensteenweg 170",
    ),
    (
        "kalmthout",
        "Opvoedingspunt Kalmthout",
        "Groepssessie: slaapproblemen bij peuters",
        "Een avond over inslapen, doorslapen en rituelen, met tips van andere ouders.",
        ["0-3", "3-6"],
        "opvoedingsondersteuning",
        "FREQ=MONTHLY;BYDAY=2TH",
        "19:30",
        "21:30",
        15,
        False,
        "5.00",
        "1.00",
        "Huis van het Kind Kalmthout, Kapellensteenweg 170",
    ),
    (
        REGION,
        "Opvoedingspunt Voorkempen",
        "Workshop zindelijkheid",
        "Wanneer is je kind klaar voor het potje? Een praktische avond over zindelijk worden.",
        ["0-3", "3-6"],
        "opvoedingsondersteuning",
        "FREQ=MONTHLY;BYDAY=1WE",
        "19:30",
        "21:00",
        15,
        True,
        None,
        None,
        "Huis van het Kind Zoersel",
    ),
]

NEWS = [
    (
        "kalmthout",
        "De Speelbabbel is terug elke dinsdag",
        "<p>Elke dinsdagvoormiddag is iedereen met een kindje van 0 tot 3 jaar welkom. Gratis.</p>",
    ),
    (
        "kalmthout",
        "Nieuw: stel je vraag online",
        "<p>Heb je een vraag over opvoeden, slapen of kinderopvang? Stel ze op onze website.</p>",
    ),
    (
        REGION,
        "Vijf gemeenten, één Huis van het Kind",
        "<p>In Zoersel, Brecht, Zandhoven, Wijnegem en Schilde vind je dezelfde partners.</p>",
    ),
]

DEMO_PASSWORD = "Demo-Huis-2026!"

# "Stel je vraag" routing of the demo: (house, rule name, topic slug, age group slug, keywords,
# organisation). Questions that match no rule go to the coordinator.
ROUTING_RULES = [
    ("kalmthout", "Jongeren", None, "12-18", "", "JAC-punt Kalmthout"),
    ("kalmthout", "Kinderopvang", "kinderopvang", None, "", "Lokaal Loket Kinderopvang Kalmthout"),
    ("kalmthout", "Zwanger en baby", "zwanger-geboorte", None, "", "Kind en Gezin"),
    ("kalmthout", "Gezondheid", "gezondheid-groei", None, "vaccinatie, groei", "Kind en Gezin"),
    ("kalmthout", "Slapen", "slapen", None, "", "Opvoedingspunt Kalmthout"),
    ("kalmthout", "Opvoeden", "opvoeden-gedrag", None, "", "Opvoedingspunt Kalmthout"),
    (
        "kalmthout",
        "Geld",
        "geld-rondkomen",
        None,
        "schoolfactuur, leefloon",
        "OCMW Kalmthout, sociale dienst",
    ),
    (REGION, "Kinderopvang", "kinderopvang", None, "", "Kinderopvang De Sterrenpluk"),
    (
        REGION,
        "Gevoelens",
        "gevoelens",
        None,
        "angst, somber, gepest",
        "CGG Voorkempen, team kinderen en jongeren",
    ),
    (REGION, "Opvoeden", "opvoeden-gedrag", None, "", "Opvoedingspunt Voorkempen"),
    (REGION, "Slapen", "slapen", None, "", "Opvoedingspunt Voorkempen"),
    (REGION, "Geld", "geld-rondkomen", None, "", "CAW Voorkempen"),
]


def demo_totp_secret(email: str) -> str:
    """A fixed TOTP secret per demo account, so that the printed secret stays valid."""
    digest = hashlib.sha256(f"huisvanhetkind-demo:{email}".encode()).digest()
    return base64.b32encode(digest[:20]).decode()


class Command(BaseCommand):
    help = "Load the demo houses, partners and accounts (only with DEMO_MODE=1)."

    def handle(self, *args, **options):
        if not settings.DEMO_MODE:
            raise CommandError(
                "seed_demo only runs with DEMO_MODE=1: it creates accounts with known passwords."
            )
        with transaction.atomic():
            houses = {row["slug"]: self._house(row) for row in demo_data.HOUSES}
            organisations = {
                row["name"]: self._organisation(row, houses) for row in demo_data.ORGANISATIONS
            }
            people = [self._person(row, houses, organisations) for row in demo_data.PEOPLE]
            for row in demo_data.PENDING_APPLICATIONS:
                self._application(row, houses)
            services = [self._service(row, organisations) for row in catalogue_demo_data.SERVICES]
            self._routing_rules(houses, organisations)
            self._activities_and_news(houses, organisations)
        indexed = rebuild_index()
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(houses)} houses, {len(organisations)} organisations, {len(services)} services "
                f"({indexed} in the search index)."
            )
        )
        self.stdout.write("")
        self.stdout.write(
            "Log in at http://127.0.0.1:8000/accounts/login/ with one of these demo accounts:"
        )
        for user, row in people:
            self.stdout.write(f"  {row['role']:<12} {user.email}")
        self.stdout.write(f"  password for all: {DEMO_PASSWORD}")
        self.stdout.write(
            "  second factor: run `make demo-code EMAIL=<address>` for the current code, or add the "
            "secret from `make demo-code EMAIL=<address>` to an authenticator app."
        )
        self.stdout.write("  e-mails (invitations, decisions) are written to var/mail/.")

    @staticmethod
    def _municipality(name: str) -> Municipality:
        return Municipality.objects.get(name=name)

    def _locations(self, rows, **owner):
        for row in rows:
            location, _ = Location.objects.update_or_create(
                name=row["name"],
                **owner,
                defaults={
                    "street": row["street"],
                    "postcode": row["postcode"],
                    "municipality": self._municipality(row["municipality"]),
                    "accessibility": row.get("accessibility", ""),
                },
            )
            location.opening_hours.all().delete()
            for weekday, opens, closes, note in row.get("hours", []):
                OpeningHours.objects.create(
                    location=location,
                    weekday=weekday,
                    opens=time.fromisoformat(opens),
                    closes=time.fromisoformat(closes),
                    note=note,
                )

    def _house(self, row) -> House:
        fields = ["name", "tagline", "mission", "vision", "email", "phone", "accent_colour"]
        house, _ = House.objects.update_or_create(
            slug=row["slug"], defaults={f: row.get(f, "") for f in fields}
        )
        house.municipalities.set([self._municipality(name) for name in row["municipalities"]])
        self._locations(row.get("locations", []), house=house)
        return house

    def _organisation(self, row, houses) -> Organisation:
        fields = ["kind", "description", "website", "email", "phone"]
        organisation, _ = Organisation.objects.update_or_create(
            name=row["name"],
            defaults={
                **{f: row.get(f, "") for f in fields},
                "enterprise_number": row.get("enterprise_number"),
            },
        )
        organisation.domains.set(Domain.objects.filter(slug__in=row["domains"]))
        organisation.age_groups.set(AgeGroup.objects.filter(slug__in=row["age_groups"]))
        organisation.municipalities.set(
            [self._municipality(n) for n in row.get("municipalities", [])]
        )
        for slug in row["houses"]:
            Partnership.objects.get_or_create(organisation=organisation, house=houses[slug])
        self._locations(row.get("locations", []), organisation=organisation)
        return organisation

    def _person(self, row, houses, organisations):
        User = get_user_model()
        user, created = User.objects.get_or_create(
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
        Role.objects.get_or_create(
            user=user,
            kind=row["role"],
            house=houses[row["house"]] if row.get("house") else None,
            organisation=organisations[row["organisation"]] if row.get("organisation") else None,
        )
        if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
            TOTP.activate(user, demo_totp_secret(user.email))
            RecoveryCodes.activate(user)
        return user, row

    def _application(self, row, houses):
        data = {k: v for k, v in row.items() if k not in ("house", "domains", "municipalities")}
        application, _ = PartnerApplication.objects.get_or_create(
            house=houses[row["house"]], organisation_name=row["organisation_name"], defaults=data
        )
        application.domains.set(Domain.objects.filter(slug__in=row.get("domains", [])))
        application.municipalities.set(
            [self._municipality(n) for n in row.get("municipalities", [])]
        )

    def _service(self, row, organisations) -> Service:
        organisation = organisations[row["organisation"]]
        related = {
            "domains",
            "age_groups",
            "target_groups",
            "service_areas",
            "locations",
            "organisation",
        }
        fields = {k: v for k, v in row.items() if k not in related}
        service, _ = Service.objects.update_or_create(
            organisation=organisation,
            name=row["name"],
            defaults={**fields, "last_verified_at": timezone.now()},
        )
        service.domains.set(Domain.objects.filter(slug__in=row.get("domains", [])))
        service.age_groups.set(AgeGroup.objects.filter(slug__in=row.get("age_groups", [])))
        service.target_groups.set(TargetGroup.objects.filter(slug__in=row.get("target_groups", [])))
        service.service_areas.set([self._municipality(n) for n in row.get("service_areas", [])])
        names = row.get("locations", [])
        service.locations.set(
            Location.objects.filter(name__in=names, organisation=organisation)
            | Location.objects.filter(
                name__in=names, house__partnerships__organisation=organisation
            )
        )
        return service

    def _routing_rules(self, houses, organisations):
        for position, (slug, name, topic, age_group, keywords, organisation) in enumerate(
            ROUTING_RULES
        ):
            RoutingRule.objects.update_or_create(
                house=houses[slug],
                name=name,
                defaults={
                    "position": position,
                    "topic": Topic.objects.get(slug=topic, house=None) if topic else None,
                    "age_group": AgeGroup.objects.get(slug=age_group) if age_group else None,
                    "keywords": keywords,
                    "organisation": organisations[organisation],
                },
            )

    def _activities_and_news(self, houses, organisations):
        from datetime import date, timedelta

        today = date.today()
        for (
            slug,
            organisation,
            title,
            summary,
            ages,
            domain,
            rule,
            start,
            end,
            capacity,
            free,
            price,
            social_price,
            place,
        ) in ACTIVITIES:
            activity = Activity.objects.filter(house=houses[slug], title=title).first() or Activity(
                house=houses[slug], title=title
            )
            activity.summary = summary
            activity.place = place
            activity.is_free = free
            activity.price = price
            activity.social_tariff = social_price is not None
            activity.social_tariff_price = social_price
            activity.registration = Activity.RegistrationMode.REQUIRED
            activity.capacity = capacity
            activity.status = Activity.Status.PUBLISHED
            activity_services.activity_save(
                activity=activity,
                actor=None,
                organisations=[organisations[organisation]],
                domains=Domain.objects.filter(slug=domain),
                age_groups=AgeGroup.objects.filter(slug__in=ages),
            )
            activity_services.sessions_generate(
                activity=activity,
                actor=None,
                rule=rule,
                first_day=today,
                starts=time.fromisoformat(start),
                ends=time.fromisoformat(end),
                until=today + timedelta(days=90),
            )
        for slug, title, body in NEWS:
            item = NewsItem.objects.filter(house=houses[slug], title=title).first() or NewsItem(
                house=houses[slug], title=title
            )
            item.body = body
            item.is_published = True
            activity_services.news_save(item=item, actor=None)
