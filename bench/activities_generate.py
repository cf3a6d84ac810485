"""Add synthetic activities, sessions and registrations to the data of ``bench/generate.py``.

At ``--scale 1.0``: 1,000,000 sessions across the houses of the database (160 after
``generate.py --scale 1.0``), shared out in proportion to each house's active partners, from
about 25,000 activities with Dutch titles (Speelbabbel, voorleesuurtje, slaapworkshop,
zindelijkheidstraining, babymassage, vorming for professionals, ...). Most activities recur
weekly (some twice a week, every other week or monthly, many skip the school holidays), some
are a short series or a single date. Sessions run from 26 weeks before "today" to 52 weeks
after it, so the calendar always has a past and a future; about a third need a registration,
with a capacity in families or in persons, and the sessions from two weeks ago to four weeks
ahead have registrations (confirmed, waitlisted when full, a few cancelled).

The activities tables are emptied first, so a rerun replaces them; the rest of the database
is left as it is. Everything is written with ``bulk_create`` in batches (explicit ids, no
signals) in one transaction, then PostgreSQL gets ``VACUUM ANALYZE`` and SQLite ``ANALYZE``
on the activities tables. The same seed and ``--today`` give the same data; by default
"today" is the current date, so the data move along with the clock.

    python bench/activities_generate.py --scale 0.01
    python bench/activities_generate.py --database-url postgres://postgres@127.0.0.1:5432/hvhk_bench
"""

import argparse
import random
import sys
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from datetime import time as clock
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import texts  # noqa: E402
from common import database_url, describe, is_sqlite, setup_django, sqlite_path, write_json  # noqa: E402

SESSIONS = 1_000_000  # at scale 1.0
PAST_WEEKS = 26
FUTURE_WEEKS = 52
REGISTRATIONS_FROM_DAYS = -14  # sessions with registrations: from two weeks ago ...
REGISTRATIONS_TO_DAYS = 28  # ... to four weeks ahead
CHUNK = 10_000  # rows built and inserted at a time
BATCH = 1_000  # rows per INSERT

DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True)
class Kind:
    """A kind of activity: who it is for, how it recurs and what it is called."""

    key: str
    weight: int
    domains: tuple[str, ...]
    ages: tuple[str, ...]
    titles: tuple[str, ...]
    summaries: tuple[str, ...]
    rules: dict  # recurrence pattern -> weight
    days: tuple[str, ...]
    starts: tuple[str, ...]
    minutes: tuple[int, ...]
    registration: float  # share that needs a registration
    capacities: tuple[int, ...] = (10, 12, 15, 20)
    persons: float = 0.3  # share with the capacity counted in persons
    free: float = 0.8
    prices: tuple[str, ...] = ("2", "3", "5")
    holidays: bool = True  # not in the school holidays
    online: float = 0.0
    audience: str = "families"


KINDS = (
    Kind(
        "speelbabbel",
        14,
        ("vrije-tijd-ontmoeting", "opvoedingsondersteuning"),
        ("0-3",),
        (
            "Speelbabbel",
            "Speelbabbel {place}",
            "Speelbabbel in {nick}",
            "Babbelmoment voor ouders met baby's en peuters",
            "Speel- en babbelmoment {place}",
        ),
        (
            "Kinderen van 0 tot 3 jaar spelen, ouders babbelen bij een tas koffie.",
            "Een laagdrempelige ontmoeting voor ouders met jonge kinderen, met een medewerker van Kind en Gezin.",
            "Kom spelen, andere ouders ontmoeten en je vragen stellen. Binnenlopen mag.",
        ),
        {"weekly": 8, "twice": 2},
        ("TU", "TH", "WE", "FR"),
        ("09:00", "09:30", "10:00", "13:30"),
        (90, 120),
        0.1,
    ),
    Kind(
        "voorlezen",
        10,
        ("onderwijs", "vrije-tijd-ontmoeting"),
        ("0-3", "3-6"),
        (
            "Voorleesuurtje in de bibliotheek",
            "Voorleesuurtje voor peuters en kleuters",
            "Boekenbabbel: voorlezen voor de allerkleinsten",
            "Voorleesmoment {nick}",
            "Voorleesnamiddag in de bib van {place}",
        ),
        (
            "Een voorlezer brengt prentenboeken tot leven; daarna kiezen de kinderen zelf een boek.",
            "Samen luisteren, kijken en zingen: voorlezen voor kinderen tot 6 jaar en hun ouders.",
        ),
        {"weekly": 7, "biweekly": 3},
        ("WE", "SA"),
        ("10:30", "14:00", "15:00"),
        (45, 60),
        0.15,
    ),
    Kind(
        "slapen",
        6,
        ("gezondheid", "opvoedingsondersteuning"),
        ("0-3",),
        (
            "Slaapworkshop: 'Slaap kindje slaap'",
            "Infosessie veilig slapen voor baby's",
            "Groepssessie slaapproblemen bij peuters",
            "Slaapworkshop voor ouders van baby's",
            "Doorslapen? Workshop over het slaapritme van je kind",
        ),
        (
            "Een verpleegkundige van Kind en Gezin vertelt over veilig slapen, slaapritme en huilen.",
            "In een kleine groep praten we over inslapen, doorslapen en wat je zelf kan doen.",
        ),
        {"monthly": 6, "series": 3, "once": 1},
        ("MO", "TU", "TH"),
        ("10:00", "19:30"),
        (90, 120),
        0.9,
        capacities=(10, 12, 15, 20),
        free=0.6,
        prices=("5", "10"),
    ),
    Kind(
        "zindelijkheid",
        5,
        ("gezondheid", "opvoedingsondersteuning"),
        ("0-3", "3-6"),
        (
            "Zindelijkheidstraining: hoe pak je het aan?",
            "Infosessie zindelijk worden",
            "Van pamper naar potje: groepssessie zindelijkheid",
            "Zindelijkheidstraining voor ouders van peuters",
        ),
        (
            "Wanneer is je kind er klaar voor, en hoe help je het zonder druk? Tips en ervaringen.",
            "Een groepssessie over zindelijk worden, met tijd voor je eigen vragen.",
        ),
        {"monthly": 7, "series": 2, "once": 1},
        ("TU", "WE", "TH"),
        ("09:30", "13:30", "19:30"),
        (90,),
        0.85,
        capacities=(12, 15, 20, 25),
        persons=0.6,
        free=0.7,
    ),
    Kind(
        "babymassage",
        5,
        ("gezondheid",),
        ("0-3",),
        (
            "Babymassage (reeks van {n} lessen)",
            "Babymassage voor ouders en baby's tot 6 maanden",
            "Cursus babymassage",
            "Babymassage in {nick}",
        ),
        (
            "Leer je baby masseren: goed voor de band tussen ouder en kind en voor een rustige slaap.",
            "Een reeks lessen babymassage in een kleine groep, met een gediplomeerde begeleider.",
        ),
        {"series": 8, "weekly": 2},
        ("MO", "WE", "FR"),
        ("10:00", "13:30"),
        (60, 75),
        0.95,
        capacities=(6, 8, 10),
        persons=0.0,
        free=0.3,
        prices=("15", "20", "25"),
    ),
    Kind(
        "vorming",
        6,
        ("huis", "kinderarmoede", "welbevinden-jeugdhulp", "kinderopvang"),
        ("0-3", "3-6", "6-12", "12-18"),
        (
            "Vorming: kinderarmoede herkennen en bespreekbaar maken",
            "Vorming: gespreksvoering met ouders in kwetsbare situaties",
            "Vorming: veilig slapen in de kinderopvang",
            "Intervisie voor brugfiguren",
            "Vorming: meertalige gezinnen ondersteunen",
            "Lerend netwerk opvoedingsondersteuning",
            "Vorming: signalen van kindermishandeling",
            "Partneroverleg Huis van het Kind {place}",
        ),
        (
            "Een vorming voor partners van het Huis van het Kind: medewerkers van kinderopvang, scholen en welzijn.",
            "Kennis en praktijk delen met collega's van andere organisaties uit de regio.",
        ),
        {"monthly": 5, "series": 2, "once": 3},
        ("MO", "TU", "TH", "FR"),
        ("09:00", "13:30"),
        (120, 180),
        0.95,
        capacities=(15, 20, 25, 30),
        persons=1.0,
        free=0.5,
        prices=("40", "60", "90"),
        holidays=False,
        online=0.3,
        audience="professionals",
    ),
    Kind(
        "inloop",
        10,
        ("gezondheid", "huis", "vrije-tijd-ontmoeting"),
        ("0-3", "3-6"),
        (
            "Inloopmoment Kind en Gezin",
            "Spelinloop voor peuters",
            "Peuterspeelpunt {nick}",
            "Open babbelmoment in het Huis van het Kind",
            "Inloopspreekuur voor jonge ouders",
        ),
        (
            "Loop binnen met je vragen over voeding, slapen of opvoeden; de kinderen spelen intussen.",
            "Spelen met andere peuters, terwijl jij een babbel doet met andere ouders.",
        ),
        {"weekly": 7, "twice": 3},
        ("MO", "TU", "WE", "TH", "FR"),
        ("09:00", "13:30", "15:30"),
        (120, 150),
        0.05,
    ),
    Kind(
        "aanstaand",
        4,
        ("gezondheid",),
        ("aanstaand", "0-3"),
        (
            "Infosessie borstvoeding",
            "Zwangerschapsyoga",
            "Bevallingsvoorbereiding in groep",
            "Infoavond: wat als de baby er is?",
            "Zwangerschapscafé {place}",
        ),
        (
            "Voor aanstaande ouders: voorbereiden op de bevalling en de eerste weken met je baby.",
            "Een vroedvrouw beantwoordt je vragen over zwangerschap, bevallen en borstvoeding.",
        ),
        {"monthly": 5, "weekly": 3, "series": 2},
        ("MO", "WE", "TH"),
        ("19:00", "19:30", "10:00"),
        (90, 120),
        0.8,
        capacities=(12, 16, 20),
        persons=0.7,
        free=0.6,
        prices=("5", "8", "60"),
    ),
    Kind(
        "opvoeding",
        6,
        ("opvoedingsondersteuning",),
        ("3-6", "6-12", "12-18"),
        (
            "Oudercursus Positief Opvoeden",
            "Oudergroep: het puberbrein",
            "Thema-avond over schermtijd",
            "Oudercafé: ruzie tussen broers en zussen",
            "Papa-moment: vaders onder elkaar",
            "Opvoedingswinkel: grenzen stellen zonder te roepen",
        ),
        (
            "Een avond over opvoeden, met tips van een opvoedingsondersteuner en ervaringen van andere ouders.",
            "In een kleine groep ouders zoeken we samen wat werkt bij jullie thuis.",
        ),
        {"series": 5, "monthly": 4, "once": 1},
        ("MO", "TU", "TH"),
        ("19:30", "20:00"),
        (120,),
        0.7,
        capacities=(10, 12, 15, 20),
        persons=0.4,
        free=0.7,
        prices=("5", "10", "30"),
    ),
    Kind(
        "huiswerk",
        5,
        ("onderwijs", "kinderarmoede"),
        ("6-12", "12-18"),
        (
            "Huiswerkklas",
            "Huiswerkbegeleiding in de bib",
            "Studieklas voor jongeren",
            "Huiswerkklas {nick}",
        ),
        (
            "Vrijwilligers helpen kinderen van de lagere school met hun huiswerk, in een rustige ruimte.",
            "Een plek om te studeren, met begeleiding en een computer als je die nodig hebt.",
        ),
        {"twice": 6, "weekly": 4},
        ("MO", "TU", "TH"),
        ("15:30", "16:00"),
        (90, 120),
        0.6,
        capacities=(12, 15, 20),
        persons=0.8,
        free=0.95,
    ),
    Kind(
        "taal",
        4,
        ("onderwijs", "opvoedingsondersteuning"),
        ("0-3", "3-6"),
        (
            "Taalspel voor peuters",
            "Babbelonië: spelen met taal",
            "Voorlezen in je eigen taal",
            "Taalcafé voor ouders",
        ),
        (
            "Spelenderwijs Nederlands leren voor kinderen die thuis een andere taal spreken.",
            "Ouders oefenen Nederlands in een ontspannen sfeer; de kinderen spelen in de kamer ernaast.",
        ),
        {"weekly": 8, "biweekly": 2},
        ("TU", "WE", "FR"),
        ("09:30", "14:00"),
        (60, 90),
        0.3,
    ),
    Kind(
        "vrijetijd",
        5,
        ("vrije-tijd-ontmoeting",),
        ("3-6", "6-12"),
        (
            "Kleuterturnen",
            "Peuterdans",
            "Speelnamiddag in het park",
            "Knutselnamiddag",
            "Samen koken: gezond eten voor kleine eters",
            "Baby- en peuterzwemmen",
        ),
        (
            "Bewegen, spelen en plezier maken; ouders doen mee of kijken toe.",
            "Een namiddag vol spel en creativiteit voor kinderen en hun ouders.",
        ),
        {"weekly": 6, "biweekly": 3, "once": 1},
        ("WE", "SA", "SU"),
        ("10:00", "14:00", "14:30"),
        (60, 90, 120),
        0.4,
        free=0.5,
        prices=("2", "3", "5"),
    ),
    Kind(
        "welzijn",
        3,
        ("welbevinden-jeugdhulp", "huis"),
        ("0-3", "3-6", "6-12", "12-18"),
        (
            "Wandeling tijdens de 10daagse van het geestelijk welzijn",
            "Praatgroep voor ouders na een moeilijke bevalling",
            "Mama's in balans: praatgroep",
            "Gezinsdag in het Huis van het Kind",
            "Sinterklaasfeest in het Huis van het Kind",
            "Infoavond: kinderopvang zoeken in {place}",
        ),
        (
            "Een laagdrempelig moment om even stil te staan bij hoe het met jou gaat.",
            "Iedereen welkom: een moment om elkaar te ontmoeten en het Huis van het Kind te leren kennen.",
        ),
        {"once": 5, "monthly": 4, "series": 1},
        ("WE", "SA", "TU"),
        ("10:00", "14:00", "19:30"),
        (90, 120, 180),
        0.5,
        capacities=(15, 20, 30, 40),
        persons=0.6,
        free=0.9,
    ),
    Kind(
        "armoede",
        3,
        ("kinderarmoede",),
        ("0-3", "3-6", "6-12", "12-18"),
        (
            "Budgetcafé",
            "Ruilmarkt kinderkleding",
            "Speelgoedbib {nick}",
            "Infomoment: schooltoeslag en groeipakket",
        ),
        (
            "Tips om rond te komen, hulp bij papieren en een luisterend oor.",
            "Kleding en speelgoed ruilen of gratis meenemen: voor alle gezinnen.",
        ),
        {"monthly": 5, "weekly": 4, "once": 1},
        ("TU", "WE", "SA"),
        ("10:00", "14:00", "18:30"),
        (120,),
        0.2,
        free=0.95,
    ),
    Kind(
        "ehbo",
        3,
        ("gezondheid",),
        ("0-3", "3-6"),
        (
            "EHBO voor baby's en peuters",
            "Workshop: wat doe je bij koorts?",
            "Kinder-EHBO voor ouders en grootouders",
        ),
        (
            "Wat doe je als je kind zich verslikt, valt of hoge koorts heeft? Oefenen met een lesgever.",
        ),
        {"monthly": 6, "once": 4},
        ("MO", "TU", "TH", "SA"),
        ("09:30", "19:30"),
        (150, 180),
        0.95,
        capacities=(12, 16),
        persons=0.9,
        free=0.3,
        prices=("10", "15"),
    ),
)

SENTENCES = (
    "Deelnemen is gratis voor gezinnen met een UiTPAS met kansentarief.",
    "De ruimte is toegankelijk met een rolstoel en een kinderwagen.",
    "Breng gerust een broertje of zusje mee.",
    "Er is koffie, thee en water; voor de kinderen is er fruit.",
    "Heb je vragen? Bel of mail ons, we helpen je graag verder.",
    "We spreken Nederlands; een tolk is mogelijk als je dat vooraf vraagt.",
    "Ook grootouders en andere opvoeders zijn welkom.",
)
NOTES = (
    "Uitzonderlijk in de grote zaal.",
    "Met een gastspreker van Kind en Gezin.",
    "Vandaag in het park als het mooi weer is.",
    "Startmoment van een nieuwe reeks.",
)
REMARKS = (
    "Ik kom met een kinderwagen.",
    "Mijn zoontje heeft een notenallergie.",
    "Ik heb een tolk Arabisch nodig.",
    "We komen misschien iets later.",
)
LANGUAGES = {"nl": 92, "fr": 2, "en": 2, "ar": 2, "tr": 1, "sgn": 1}


def log(message: str) -> None:
    print(message, flush=True)


def weighted(rng: random.Random, weights: dict):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def school_holidays(first: date, last: date) -> list[date]:
    """Approximately the Flemish school holidays between ``first`` and ``last``: two weeks
    around All Saints, at Christmas, in February and at Easter, and July and August."""
    days = []
    for year in range(first.year - 1, last.year + 1):
        periods = [
            (date(year, 10, 26), 14),
            (date(year, 12, 22), 14),
            (date(year + 1, 2, 16), 14),
            (date(year + 1, 4, 6), 14),
            (date(year + 1, 7, 1), 62),
        ]
        for start, length in periods:
            monday = start - timedelta(days=start.weekday()) if length == 14 else start
            days += [monday + timedelta(days=i) for i in range(length)]
    return sorted(d for d in set(days) if first <= d <= last)


# --- The generator ------------------------------------------------------------------------------


class Generator:
    def __init__(self, scale: float, seed: int, today: date):
        from huisvanhetkind.network.models import AgeGroup, Domain

        self.rng = random.Random(seed)
        self.seed = seed
        self.total = max(100, round(SESSIONS * scale))
        self.today = today
        self.monday = today - timedelta(days=today.weekday())
        self.first_day = self.monday - timedelta(weeks=PAST_WEEKS)
        self.last_day = self.monday + timedelta(weeks=FUTURE_WEEKS) - timedelta(days=1)
        self.holidays = [d.isoformat() for d in school_holidays(self.first_day, self.last_day)]
        self.domains = dict(Domain.objects.values_list("slug", "pk"))
        self.age_groups = dict(AgeGroup.objects.values_list("slug", "pk"))
        self.next_activity = self.next_session = self.next_registration = 1
        self.rows = dict.fromkeys(
            ("activities", "organisation_links", "domain_links", "age_group_links"), 0
        )
        self.rows |= dict.fromkeys(("sessions", "registrations"), 0)
        self.sessions: list = []
        self.activity_rows: list = []
        self.links: dict[str, list] = {"organisations": [], "domains": [], "age_groups": []}
        self.registration_rows: list = []
        self.open_sessions: list = []  # (session, activity) that get registrations
        self.now = None

    # The houses and their partners --------------------------------------------------------------

    def houses(self) -> list[dict]:
        """Active houses with their active partners (and each partner's location)."""
        from huisvanhetkind.network.models import House, Location, Partnership

        locations = dict(Location.objects.values_list("organisation_id", "id"))
        municipality_of = dict(Location.objects.values_list("id", "municipality__name"))
        partners: dict[int, list] = {}
        for house_id, organisation_id in (
            Partnership.objects.filter(status="active")
            .order_by("house_id", "organisation_id")
            .values_list("house_id", "organisation_id")
        ):
            partners.setdefault(house_id, []).append(organisation_id)
        houses = []
        for house in House.objects.filter(is_active=True).order_by("pk"):
            members = partners.get(house.pk, [])
            if not members:
                continue
            houses.append(
                {
                    "id": house.pk,
                    "partners": members,
                    "places": [m.name for m in house.municipalities.all()] or [house.name],
                    "locations": locations,
                    "municipality_of": municipality_of,
                }
            )
        return houses

    # Activities and their sessions --------------------------------------------------------------

    def fill(self, template: str, place: str) -> str:
        rng = self.rng
        return template.format(
            place=place, nick=rng.choice(texts.NICKNAMES), n=rng.choice((4, 5, 6))
        )

    def activity(self, house: dict):
        """One activity of the house, with its sessions; returns the number of sessions."""
        from huisvanhetkind.activities.models import Activity

        rng = self.rng
        kind = rng.choices(KINDS, weights=[k.weight for k in KINDS])[0]
        place = rng.choice(house["places"])
        organisers = rng.sample(
            house["partners"], min(len(house["partners"]), rng.choice((1, 1, 2)))
        )
        needs_registration = rng.random() < kind.registration
        is_free = rng.random() < kind.free
        price = None if is_free else Decimal(rng.choice(kind.prices))
        social = not is_free and rng.random() < 0.6
        location_id = None
        where = ""
        online = ""
        draw = rng.random()
        if draw < kind.online:
            online = f"https://meet.example.be/{self.next_activity}"
        elif draw < kind.online + 0.15:
            where = f"Zaal {rng.choice(texts.NICKNAMES)}, {rng.choice(texts.STREETS)} {rng.randint(1, 120)}, {place}"
        else:
            location_id = house["locations"].get(organisers[0])
            where = "" if location_id else f"{rng.choice(texts.STREETS)} 1, {place}"
        sentences = rng.sample(SENTENCES, rng.randint(1, 3))
        summary = rng.choice(kind.summaries)
        capacity = rng.choice(kind.capacities) if needs_registration else None
        unit = "persons" if rng.random() < kind.persons else "families"
        if needs_registration and unit == "persons":
            capacity *= 2
        status = weighted(rng, {"published": 94, "draft": 4, "cancelled": 2})
        pattern = weighted(rng, kind.rules)
        rule, first_day, until = self.recurrence(pattern, kind)
        exceptions = self.holidays if kind.holidays and pattern not in ("once", "series") else []
        activity_id = self.next_activity
        self.next_activity += 1
        self.activity_rows.append(
            Activity(
                id=activity_id,
                house_id=house["id"],
                title=self.fill(rng.choice(kind.titles), place)[:200],
                summary=summary[:300],
                description=" ".join([summary, *sentences]),
                audience=kind.audience,
                location_id=location_id,
                place=where,
                online_url=online,
                is_free=is_free,
                price=price,
                social_tariff=social,
                social_tariff_price=(price / 4).quantize(Decimal("0.01")) if social else None,
                language=weighted(rng, LANGUAGES),
                accessibility="Toegankelijk met een rolstoel." if rng.random() < 0.4 else "",
                registration="required" if needs_registration else "none",
                capacity=capacity,
                capacity_unit=unit,
                status=status,
                recurrence=rule,
                exception_dates=exceptions,
            )
        )
        self.links["organisations"] += [(activity_id, o) for o in organisers]
        self.links["domains"] += [
            (activity_id, self.domains[d])
            for d in rng.sample(kind.domains, min(len(kind.domains), rng.choice((1, 1, 2))))
            if d in self.domains
        ]
        ages = list(kind.ages)
        window = rng.randint(1, len(ages))
        offset = rng.randrange(len(ages) - window + 1)
        self.links["age_groups"] += [
            (activity_id, self.age_groups[a])
            for a in ages[offset : offset + window]
            if a in self.age_groups
        ]
        return self.session_rows(
            activity_id=activity_id,
            kind=kind,
            rule=rule,
            first_day=first_day,
            until=until,
            exceptions=exceptions,
            open_for_registration=needs_registration and status == "published",
            unit=unit,
            capacity=capacity,
        )

    def recurrence(self, pattern: str, kind: Kind) -> tuple[str, date, date]:
        """An RRULE, its first day and its last day within the window."""
        rng = self.rng
        weeks = PAST_WEEKS + FUTURE_WEEKS
        first_day, until = self.first_day, self.last_day
        if pattern in ("weekly", "twice", "biweekly", "monthly"):
            if rng.random() < 0.25:  # started during the window
                first_day += timedelta(weeks=rng.randrange(weeks - 4))
            if rng.random() < 0.15:  # stops before its end
                until -= timedelta(weeks=rng.randrange((until - first_day).days // 7))
        day = rng.choice(kind.days)
        if pattern == "weekly":
            return f"FREQ=WEEKLY;BYDAY={day}", first_day, until
        if pattern == "twice":
            other = rng.choice([d for d in DAYS[:5] if d != day])
            days = sorted((day, other), key=DAYS.index)
            return f"FREQ=WEEKLY;BYDAY={','.join(days)}", first_day, until
        if pattern == "biweekly":
            return f"FREQ=WEEKLY;INTERVAL=2;BYDAY={day}", first_day, until
        if pattern == "monthly":
            return f"FREQ=MONTHLY;BYDAY=+{rng.randint(1, 4)}{day}", first_day, until
        first_day = self.first_day + timedelta(days=rng.randrange(weeks * 7 - 7))
        if pattern == "series":
            return f"FREQ=WEEKLY;BYDAY={day};COUNT={rng.randint(4, 8)}", first_day, until
        return "FREQ=DAILY;COUNT=1", first_day, until

    def session_rows(
        self,
        *,
        activity_id,
        kind,
        rule,
        first_day,
        until,
        exceptions,
        open_for_registration,
        unit,
        capacity,
    ):
        from huisvanhetkind.activities.models import Session
        from huisvanhetkind.activities.recurrence import occurrences

        rng = self.rng
        hour, minute = (int(part) for part in rng.choice(kind.starts).split(":"))
        duration = timedelta(minutes=rng.choice(kind.minutes))
        starts = occurrences(
            rule=rule,
            first_day=first_day,
            starts=clock(hour, minute),
            until=until,
            exceptions=exceptions,
        )
        close_hours = rng.choice((0, 0, 24, 48)) if open_for_registration else 0
        registrations_from = self.now + timedelta(days=REGISTRATIONS_FROM_DAYS)
        registrations_to = self.now + timedelta(days=REGISTRATIONS_TO_DAYS)
        for moment in starts[: self.remaining]:
            session = Session(
                id=self.next_session,
                activity_id=activity_id,
                starts_at=moment,
                ends_at=moment + duration,
                capacity=(capacity + rng.choice((-2, 2, 5)))
                if capacity and rng.random() < 0.03
                else None,
                registration_closes_at=moment - timedelta(hours=close_hours)
                if close_hours
                else None,
                is_cancelled=rng.random() < 0.01,
                note=rng.choice(NOTES) if rng.random() < 0.02 else "",
            )
            self.next_session += 1
            self.sessions.append(session)
            if (
                open_for_registration
                and not session.is_cancelled
                and registrations_from <= moment < registrations_to
            ):
                self.open_sessions.append((session, unit, capacity))
        made = min(len(starts), self.remaining)
        self.remaining -= made
        return made

    # Registrations ------------------------------------------------------------------------------

    def registrations(self, session, unit: str, capacity: int) -> None:
        """Registrations made for a session, in the order they came in: confirmed while the
        family fits (as ``registration_create`` decides), otherwise waitlisted; a few were
        cancelled; for a past session, whether they came."""
        from huisvanhetkind.activities.models import Registration
        from huisvanhetkind.core.digests import EMAIL, PHONE, contact_digest
        from huisvanhetkind.core.tokens import token_digest

        rng = self.rng
        capacity = session.capacity or capacity
        days_ahead = (session.starts_at - self.now).days
        demand = rng.uniform(0.2, 1.3) * (1.0 if days_ahead < 14 else 0.6)
        families = round(demand * (capacity if unit == "families" else capacity / 2.5))
        taken = 0
        opened = session.starts_at - timedelta(days=28)
        for _ in range(families):
            adults = rng.choice((1, 1, 1, 2))
            ages = sorted(rng.randint(0, 6) for _ in range(rng.choice((0, 1, 1, 1, 2, 3))))
            if adults + len(ages) < 1:
                adults = 1
            places = adults + len(ages) if unit == "persons" else 1
            status = "confirmed" if taken + places <= capacity else "waitlisted"
            if rng.random() < 0.05:
                status = "cancelled"
            elif status == "confirmed":
                taken += places
            number = self.next_registration
            self.next_registration += 1
            first, last = rng.choice(texts.FIRST_NAMES), rng.choice(texts.LAST_NAMES)
            email = f"{first.lower()}.{number}@example.be" if rng.random() < 0.9 else ""
            phone = (
                f"04{rng.randint(70, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}"
                if not email or rng.random() < 0.4
                else ""
            )
            created = opened + (min(session.starts_at, self.now) - opened) * rng.random()
            past = session.starts_at < self.now
            self.registration_rows.append(
                Registration(
                    id=number,
                    session_id=session.pk,
                    token_hash=token_digest(f"bench-{self.seed}-{number}"),
                    name=f"{first} {last}",
                    email=email,
                    phone=phone,
                    email_digest=contact_digest(email, EMAIL),
                    phone_digest=contact_digest(phone, PHONE),
                    adults=adults,
                    children=len(ages),
                    children_ages=ages,
                    social_tariff=rng.random() < 0.15,
                    remarks=rng.choice(REMARKS) if rng.random() < 0.1 else "",
                    consent_at=created,
                    status=status,
                    attended=(rng.random() < 0.85) if past and status == "confirmed" else None,
                    created_at=created,
                    cancelled_at=created + timedelta(hours=rng.randint(1, 72))
                    if status == "cancelled"
                    else None,
                )
            )

    # Writing ------------------------------------------------------------------------------------

    def flush(self, force: bool = False) -> None:
        from huisvanhetkind.activities.models import Activity, Registration, Session

        if not force and len(self.sessions) < CHUNK:
            return
        Activity.objects.bulk_create(self.activity_rows, batch_size=BATCH)
        self.rows["activities"] += len(self.activity_rows)
        for name, column in (
            ("organisations", "organisation_id"),
            ("domains", "domain_id"),
            ("age_groups", "agegroup_id"),
        ):
            through = getattr(Activity, name).through
            through.objects.bulk_create(
                [through(activity_id=a, **{column: v}) for a, v in self.links[name]],
                batch_size=5_000,
            )
            self.rows[f"{name.rstrip('s')}_links"] += len(self.links[name])
            self.links[name] = []
        Session.objects.bulk_create(self.sessions, batch_size=BATCH)
        self.rows["sessions"] += len(self.sessions)
        for session, unit, capacity in self.open_sessions:
            self.registrations(session, unit, capacity)
        Registration.objects.bulk_create(self.registration_rows, batch_size=BATCH)
        self.rows["registrations"] += len(self.registration_rows)
        self.activity_rows, self.sessions, self.open_sessions = [], [], []
        self.registration_rows = []

    def generate(self) -> dict:
        from django.utils import timezone

        self.now = timezone.make_aware(datetime.combine(self.today, clock(12)))
        houses = self.houses()
        if not houses:
            sys.exit("No houses with partners: run bench/generate.py first.")
        weights = [len(h["partners"]) for h in houses]
        budgets = [int(self.total * w / sum(weights)) for w in weights]
        for i in range(self.total - sum(budgets)):
            budgets[i % len(budgets)] += 1
        self.per_house = []
        for house, budget in zip(houses, budgets, strict=True):
            self.remaining = budget
            while self.remaining > 0:
                self.activity(house)
                self.flush()
            self.per_house.append(budget)
        self.flush(force=True)
        return self.rows


# --- The database -------------------------------------------------------------------------------


def activity_tables() -> list[str]:
    from huisvanhetkind.activities.models import Activity, ImportedEvent, Registration, Session

    tables = [Registration._meta.db_table, Session._meta.db_table]
    tables += [getattr(Activity, name).through._meta.db_table for name in ACTIVITY_M2M]
    return tables + [ImportedEvent._meta.db_table, Activity._meta.db_table]


ACTIVITY_M2M = ("organisations", "domains", "age_groups")


def clear_activities() -> None:
    """Empty the activities tables (news stays), so that a rerun replaces the data."""
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # CASCADE: what other apps keep about a session (a training's registrations of
            # professionals) goes too; the benchmark's database has none of its own.
            cursor.execute(f"TRUNCATE {', '.join(activity_tables())} RESTART IDENTITY CASCADE")
        else:
            for table in activity_tables():
                cursor.execute(f"DELETE FROM {table}")  # noqa: S608 (our own table names)


def reset_sequences() -> None:
    """Explicit ids were inserted: move the PostgreSQL sequences past them."""
    from django.core.management.color import no_style
    from django.db import connection

    from huisvanhetkind.activities.models import Activity, Registration, Session

    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(
            no_style(), [Activity, Session, Registration]
        ):
            cursor.execute(statement)


def analyse_tables() -> float:
    """Statistics for the planner: VACUUM ANALYZE on PostgreSQL, ANALYZE on SQLite."""
    from django.db import connection

    started = time.perf_counter()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"VACUUM ANALYZE {', '.join(activity_tables())}")
        else:
            for table in activity_tables():
                cursor.execute(f"ANALYZE {table}")
    return time.perf_counter() - started


def database_mb(url: str) -> float:
    from django.db import connection

    if is_sqlite(url):
        return round(sqlite_path(url).stat().st_size / 2**20, 1)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_database_size(current_database())")
        return round(cursor.fetchone()[0] / 2**20, 1)


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="1.0 = 1,000,000 sessions")
    parser.add_argument("--database-url", help="default: $DATABASE_URL or var/bench.sqlite3")
    parser.add_argument("--seed", type=int, default=20261201)
    parser.add_argument(
        "--today",
        type=date.fromisoformat,
        help="the date the sessions are placed around (default: today)",
    )
    parser.add_argument("--output", help="write the sizes and timings as JSON to this file")
    args = parser.parse_args(argv)

    url = database_url(args.database_url)
    setup_django(url)
    from django.conf import settings
    from django.db import connection, transaction
    from django.utils import timezone

    from huisvanhetkind.activities.models import Activity, Registration, Session

    settings.DEBUG = False  # no SQL log of a million rows
    today = args.today or timezone.localdate()
    log(f"Activities at scale {args.scale} in {describe(url)} (seed {args.seed}, around {today})")
    from django.core.management import call_command

    timings = {}
    started = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)  # the code may be newer
    timings["migrate"] = time.perf_counter() - started
    started = time.perf_counter()
    generator = Generator(args.scale, args.seed, today)
    with transaction.atomic():
        clear_activities()
        rows = generator.generate()
        reset_sequences()
    timings["generate"] = time.perf_counter() - started
    log(f"  generated in {timings['generate']:.1f} s")
    timings["analyze"] = analyse_tables()
    log(
        f"  {'VACUUM ANALYZE' if connection.vendor == 'postgresql' else 'ANALYZE'} in {timings['analyze']:.1f} s"
    )

    now = timezone.now()
    per_house = sorted(generator.per_house)
    sizes = {
        "houses": len(per_house),
        "activities": rows["activities"],
        "published_activities": Activity.objects.filter(status="published").count(),
        "activities_with_registration": Activity.objects.filter(registration="required").count(),
        "sessions": rows["sessions"],
        "upcoming_sessions": Session.objects.filter(ends_at__gte=now).count(),
        "sessions_per_house_min": per_house[0],
        "sessions_per_house_median": per_house[len(per_house) // 2],
        "sessions_per_house_max": per_house[-1],
        "registrations": rows["registrations"],
        "confirmed_registrations": Registration.objects.filter(status="confirmed").count(),
        "waitlisted_registrations": Registration.objects.filter(status="waitlisted").count(),
        "organisation_links": rows["organisation_links"],
        "domain_links": rows["domain_links"],
        "age_group_links": rows["age_group_links"],
        "database_mb": database_mb(url),
    }
    for name, value in sizes.items():
        log(f"  {name:<30} {value:>10,}")
    result = {
        "database": describe(url),
        "scale": args.scale,
        "seed": args.seed,
        "today": today.isoformat(),
        "sizes": sizes,
        "seconds": {k: round(v, 1) for k, v in timings.items()},
    }
    write_json(args.output, result)
    return result


if __name__ == "__main__":
    main()
