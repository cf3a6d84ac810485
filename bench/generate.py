"""Generate a synthetic offer at the scale of Flanders, then build the search index.

At ``--scale 1.0``: 300 municipalities (the 67 of the province of Antwerp loaded by the data
migration and 233 synthetic ones with NIS-like codes and postcodes), 160 houses of 1 to 5
municipalities, 20,000 organisations (each partner of 1 or 2 houses) and 100,000 published
services plus a few percent drafts and archived ones, with Dutch names and texts built from the
vocabulary of a Huis van het Kind. The same seed gives the same data.

The database is created afresh (a SQLite file, or a PostgreSQL database whose name contains
"bench"), migrated and filled with ``bulk_create`` (no signals, no per-row indexing); the search
index is then rebuilt once with ``huisvanhetkind.catalogue.search.services.rebuild_index``.

    python bench/generate.py --scale 0.01
    python bench/generate.py --database-url postgres://postgres@127.0.0.1:5432/hvhk_bench
"""

import argparse
import random
import sys
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent))

import texts  # noqa: E402
from common import database_url, describe, is_sqlite, setup_django, sqlite_path, write_json  # noqa: E402

# The numbers at scale 1.0.
MUNICIPALITIES = 300
HOUSES = 160
ORGANISATIONS = 20_000
SERVICES = 100_000
DRAFT_SHARE = 0.03
ARCHIVED_SHARE = 0.01

CHUNK = 5_000  # services built and inserted at a time
BATCH = 1_000  # rows per INSERT where the database has no lower limit

# The city of Antwerp is far bigger than a typical municipality; one synthetic centre city per
# province gets a similar weight. The weight decides how many organisations a house attracts.
ANTWERP_NIS = "11002"
CITY_WEIGHT = 12.0

NOW = datetime(2025, 11, 1, 12, 0, tzinfo=UTC)


def log(message: str) -> None:
    print(message, flush=True)


# --- The database -------------------------------------------------------------------------------


def recreate_database(url: str) -> None:
    """Start from an empty database: remove the SQLite file, or drop and create the PostgreSQL
    database (only when its name contains "bench", so a real database is never dropped)."""
    parsed = urlparse(url)
    if is_sqlite(url):
        path = sqlite_path(url)
        if "bench" not in path.name:
            sys.exit(f"Refusing to delete {path}: its file name must contain 'bench'.")
        path.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return
    name = parsed.path.lstrip("/")
    if "bench" not in name:
        sys.exit(f"Refusing to drop the database {name!r}: its name must contain 'bench'.")
    import psycopg
    from psycopg import sql

    with psycopg.connect(
        host=parsed.hostname or "127.0.0.1",
        port=parsed.port or 5432,
        user=parsed.username or "postgres",
        password=parsed.password,
        dbname="postgres",
        autocommit=True,
    ) as connection:
        connection.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


# --- Helpers ------------------------------------------------------------------------------------


class Filler(dict):
    """Placeholders for ``str.format_map``; unknown ones stay as they are."""

    def __missing__(self, key):
        return "{" + key + "}"


def join_names(names: list[str]) -> str:
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " en " + names[-1]


def enterprise_number(index: int) -> str:
    """A valid KBO number (the check digits are 97 minus the first eight modulo 97)."""
    first = f"0{4_000_000 + index:07d}"
    return f"{first}{97 - int(first) % 97:02d}"


def hsds_id(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def weighted(rng: random.Random, weights: dict):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def bulk(model, rows, batch_size=BATCH) -> None:
    model.objects.bulk_create(rows, batch_size=batch_size)


# --- The generator ------------------------------------------------------------------------------


class Generator:
    def __init__(self, scale: float, seed: int):
        from huisvanhetkind.network.models import AgeGroup, Domain

        self.rng = random.Random(seed)
        self.scale = scale
        self.counts = {
            "municipalities": round(MUNICIPALITIES * scale),
            "houses": max(2, round(HOUSES * scale)),
            "organisations": max(20, round(ORGANISATIONS * scale)),
            "services": max(100, round(SERVICES * scale)),
        }
        self.domains = dict(Domain.objects.values_list("slug", "pk"))
        self.age_groups = {
            slug: (pk, low, high)
            for slug, pk, low, high in AgeGroup.objects.values_list(
                "slug", "pk", "min_age", "max_age"
            )
        }
        self.age_order = list(AgeGroup.objects.order_by("position").values_list("slug", flat=True))
        from huisvanhetkind.catalogue.models import TargetGroup

        self.target_groups = list(TargetGroup.objects.values_list("pk", flat=True))
        self.topics_by_kind = {
            kind: [topic for topic in texts.TOPICS if kind in topic.kinds]
            for kind in texts.ORGANISATION_NAMES
        }

    def fill(self, template: str, **values) -> str:
        rng = self.rng
        start = rng.choice((9, 10, 13, 14, 16, 18))
        if rng.random() < 0.5:
            nick = rng.choice(texts.NICKNAMES)
        else:
            nick = "De " + (
                rng.choice(texts.NICK_STARTS)
                + rng.choice(texts.NICK_MIDDLES)
                + rng.choice(texts.NICK_ENDS)
            )
        filler = Filler(
            nick=nick,
            theme=rng.choice(texts.THEME_HEADS) + rng.choice(texts.THEME_TAILS),
            theme2=rng.choice(texts.THEME_HEADS) + rng.choice(texts.THEME_TAILS),
            first=rng.choice(texts.FIRST_NAMES),
            last=rng.choice(texts.LAST_NAMES),
            weekday=rng.choice(texts.WEEKDAYS),
            start=start,
            end=start + rng.choice((1, 2, 3)),
            n=rng.choice((4, 6, 8, 10, 12, 15, 20)),
        )
        filler.update(values)
        return template.format_map(filler)

    # Municipalities and houses ------------------------------------------------------------------

    def municipalities(self) -> list:
        from huisvanhetkind.network.models import Municipality

        real = list(Municipality.objects.order_by("nis_code"))
        missing = self.counts["municipalities"] - len(real)
        rng = self.rng
        names = {m.name for m in real}
        used_codes = {m.nis_code for m in real}
        created = []
        next_id = max(m.pk for m in real) + 1
        for index in range(max(0, missing)):
            province, arrondissements, (low, high) = texts.PROVINCES[
                index * len(texts.PROVINCES) // missing
            ]
            while True:
                prefix = rng.choice(texts.PLACE_PREFIXES)
                root = rng.choice(texts.PLACE_ROOTS)
                if prefix and not prefix.endswith("-"):
                    root = root.lower()
                name = prefix + root + rng.choice(texts.PLACE_SUFFIXES)
                if name not in names:
                    break
            names.add(name)
            while True:
                code = f"{rng.choice(arrondissements)}{rng.randint(1, 120):03d}"
                if code not in used_codes:
                    break
            used_codes.add(code)
            first = rng.randint(low, high - 20) // 10 * 10
            postcodes = [str(first)] + [
                str(first + step) for step in sorted(rng.sample(range(1, 10), rng.randint(0, 2)))
            ]
            created.append(
                Municipality(
                    id=next_id + index,
                    nis_code=code,
                    name=name,
                    province=province,
                    postcodes=postcodes,
                )
            )
        bulk(Municipality, created)
        municipalities = real + created
        # One centre city per province (the first synthetic one) besides Antwerp.
        cities = {ANTWERP_NIS}
        seen = set()
        for m in created:
            if m.province not in seen:
                seen.add(m.province)
                cities.add(m.nis_code)
        self.population = {
            m.pk: CITY_WEIGHT if m.nis_code in cities else rng.lognormvariate(0, 0.5)
            for m in municipalities
        }
        return municipalities

    def house_sizes(self, houses: int, total: int) -> list[int]:
        """1 to 5 municipalities per house, adding up to ``total`` when that is possible."""
        rng = self.rng
        sizes = rng.choices((1, 2, 3, 4, 5), weights=(45, 32, 13, 6, 4), k=houses)
        target = min(total, max(houses, round(houses * MUNICIPALITIES / HOUSES)))
        while sum(sizes) != target:
            i = rng.randrange(houses)
            if sum(sizes) > target and sizes[i] > 1:
                sizes[i] -= 1
            elif sum(sizes) < target and sizes[i] < 5:
                sizes[i] += 1
        return sizes

    def houses(self, municipalities: list) -> list:
        from django.utils.text import slugify

        from huisvanhetkind.network.models import House

        rng = self.rng
        sizes = self.house_sizes(self.counts["houses"], len(municipalities))
        houses, links, slugs = [], [], set()
        self.house_municipalities: list[list] = []
        position = 0
        for index, size in enumerate(sizes):
            members = municipalities[position : position + size]
            position += size
            if len(members) < size:  # a small run with few municipalities: wrap around
                members = (members + municipalities)[:size]
            names = [m.name for m in members]
            slug = slugify("-".join(names))[:80].strip("-") or f"huis-{index}"
            while slug in slugs:
                slug = f"{slug[:74]}-{rng.randint(10, 99)}"
            slugs.add(slug)
            house = House(
                id=index + 1,
                name=f"Huis van het Kind {' - '.join(names)}"[:150],
                slug=slug,
                tagline="Voor alle gezinnen met kinderen en jongeren",
                email=f"info@{slug[:40]}.be",
                phone=f"03 {rng.randint(200, 999)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
            )
            houses.append(house)
            self.house_municipalities.append(members)
        bulk(House, houses)
        through = House.municipalities.through
        for house, members in zip(houses, self.house_municipalities, strict=True):
            links += [through(house_id=house.pk, municipality_id=m.pk) for m in members]
        bulk(through, links, 5_000)
        self.house_weights = [
            sum(self.population[m.pk] for m in members) for members in self.house_municipalities
        ]
        return houses

    # Organisations ------------------------------------------------------------------------------

    def organisations(self, houses: list) -> None:
        from huisvanhetkind.network.models import (
            Location,
            OpeningHours,
            Organisation,
            Partnership,
        )

        rng = self.rng
        count = self.counts["organisations"]
        house_count = len(houses)
        primary = rng.choices(range(house_count), weights=self.house_weights, k=count)
        organisations, partnerships, locations, hours = [], [], [], []
        org_domains, org_places = [], []
        self.org_kind: list[str] = []
        self.org_houses: list[list[int]] = []
        self.org_places: list[list] = []
        self.org_location: list[int] = []
        domain_ids = list(self.domains.values())
        for index in range(count):
            kind = weighted(rng, texts.ORGANISATION_KIND_WEIGHTS)
            first_house = primary[index]
            member_of = [first_house]
            if rng.random() < 0.3 and house_count > 1:
                other = (first_house + rng.choice((-3, -2, -1, 1, 2, 3))) % house_count
                if other != first_house:
                    member_of.append(other)
            places = [m for h in member_of for m in self.house_municipalities[h]]
            home = rng.choice(self.house_municipalities[first_house])
            org_id = index + 1
            name = self.fill(rng.choice(texts.ORGANISATION_NAMES[kind]), place=home.name)
            organisations.append(
                Organisation(
                    id=org_id,
                    hsds_id=hsds_id(rng),
                    name=name[:200],
                    kind=kind,
                    description=self.fill(
                        rng.choice(texts.ORGANISATION_DESCRIPTIONS), place=home.name
                    ),
                    website=f"https://www.org{org_id}.example.be",
                    email=f"info@org{org_id}.example.be",
                    phone=f"0{rng.randint(2, 9)} {rng.randint(100, 999)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
                    enterprise_number=enterprise_number(index) if rng.random() < 0.6 else None,
                )
            )
            for h in member_of:
                partnerships.append(
                    Partnership(
                        organisation_id=org_id,
                        house_id=houses[h].pk,
                        since=date(2018, 1, 1) + timedelta(days=rng.randint(0, 2800)),
                        status=weighted(rng, {"active": 95, "paused": 3, "ended": 2}),
                    )
                )
            for domain_id in rng.sample(domain_ids, rng.randint(1, 2)):
                org_domains.append((org_id, domain_id))
            for m in {m.pk: m for m in places}.values():
                org_places.append((org_id, m.pk))
            locations.append(
                Location(
                    id=org_id,
                    hsds_id=hsds_id(rng),
                    name=name[:150],
                    organisation_id=org_id,
                    street=f"{rng.choice(texts.STREETS)} {rng.randint(1, 180)}",
                    postcode=rng.choice(home.postcodes or ["2000"]),
                    municipality_id=home.pk,
                    latitude=Decimal(f"{50.8 + rng.random() * 0.6:.6f}"),
                    longitude=Decimal(f"{2.6 + rng.random() * 3.0:.6f}"),
                )
            )
            for weekday in sorted(rng.sample(range(5), rng.randint(1, 3))):
                opens = rng.choice((8, 9, 13))
                hours.append(
                    OpeningHours(
                        location_id=org_id,
                        weekday=weekday,
                        opens=clock(opens),
                        closes=clock(opens + rng.choice((3, 4))),
                    )
                )
            self.org_kind.append(kind)
            self.org_houses.append(member_of)
            self.org_places.append(places)
        bulk(Organisation, organisations)
        bulk(Partnership, partnerships, 5_000)
        bulk(Location, locations)
        bulk(OpeningHours, hours, 5_000)
        through = Organisation.domains.through
        bulk(through, [through(organisation_id=o, domain_id=d) for o, d in org_domains], 5_000)
        through = Organisation.municipalities.through
        bulk(through, [through(organisation_id=o, municipality_id=m) for o, m in org_places], 5_000)
        self.partnerships = len(partnerships)
        self.locations = len(locations)

    # Services -----------------------------------------------------------------------------------

    def services(self) -> dict:
        rng = self.rng
        published = self.counts["services"]
        total = round(published * (1 + DRAFT_SHARE + ARCHIVED_SHARE))
        statuses = (
            ["published"] * published
            + ["draft"] * round(published * DRAFT_SHARE)
            + ["archived"] * (total - published - round(published * DRAFT_SHARE))
        )
        rng.shuffle(statuses)
        org_weights = [rng.lognormvariate(0, 0.8) for _ in self.org_kind]
        owners = rng.choices(range(len(self.org_kind)), weights=org_weights, k=total)
        rows = {"services": 0, "domains": 0, "age_groups": 0, "service_areas": 0}
        rows |= {"target_groups": 0, "locations": 0}
        for start in range(0, total, CHUNK):
            chunk = range(start, min(start + CHUNK, total))
            built = [self.service(i + 1, owners[i], statuses[i]) for i in chunk]
            self.insert_services(built, rows)
        return rows

    def service(self, service_id: int, owner: int, status: str) -> tuple:
        from huisvanhetkind.catalogue.models import Service

        rng = self.rng
        kind = self.org_kind[owner]
        topics = self.topics_by_kind.get(kind) or list(texts.TOPICS)
        if rng.random() < 0.1 or not topics:
            topics = list(texts.TOPICS)
        topic = rng.choices(topics, weights=[t.weight for t in topics])[0]

        places = self.org_places[owner]
        areas = rng.sample(places, min(len(places), rng.choices((1, 2, 3), (60, 30, 10))[0]))
        area_names = join_names([m.name for m in areas])
        fill = {"place": area_names, "org": self.org_name_hint(owner)}

        name = self.fill(rng.choice(topic.names), **fill)
        if "{place}" not in name and rng.random() < 0.2:
            name = f"{name} {areas[0].name}"
        summary = self.fill(rng.choice(topic.summaries), **fill)[:300]
        sentences = rng.sample(topic.sentences, min(len(topic.sentences), rng.randint(2, 4)))
        sentences += rng.sample(texts.GENERAL_SENTENCES, rng.randint(1, 3))
        if rng.random() < 0.5:
            sentences.append(rng.choice(texts.THEME_SENTENCES))
        description = " ".join(self.fill(s, **fill) for s in sentences)
        if rng.random() < 0.3:
            extra = rng.sample(topic.sentences, min(len(topic.sentences), 2))
            description += "\n\n" + " ".join(self.fill(s, **fill) for s in extra)

        window = rng.choice((1, 1, 2, 2, 3))
        first = rng.randrange(max(1, len(topic.ages) - window + 1))
        ages = list(topic.ages[first : first + window])
        bounds = [
            self.age_groups[slug][1:] for slug in ages if self.age_groups[slug][1] is not None
        ]
        domains = [topic.domains[0]]
        if len(topic.domains) > 1 and rng.random() < 0.5:
            domains.append(topic.domains[1])
        elif rng.random() < 0.15:
            domains.append(rng.choice(list(self.domains)))
        languages = ["nl"]
        if rng.random() < 0.35:
            for _ in range(rng.randint(1, 3)):
                code = weighted(rng, texts.LANGUAGE_WEIGHTS)
                if code not in languages:
                    languages.append(code)

        is_free = rng.random() < 0.45
        price = (
            None
            if is_free
            else Decimal(
                rng.choice(("2", "3.50", "5", "7.50", "10", "15", "25", "40", "60", "120", "250"))
            )
        )
        social = not is_free and rng.random() < 0.35
        schedule = ""
        if rng.random() < 0.6:
            schedule = self.fill("Elke {weekday} van {start} tot {end} uur.")
        service = Service(
            id=service_id,
            hsds_id=hsds_id(rng),
            organisation_id=owner + 1,
            name=name[:200],
            alternate_name="",
            summary=summary,
            description=description,
            status=status,
            temporarily_closed=status == "published" and rng.random() < 0.01,
            url=f"https://www.org{owner + 1}.example.be/aanbod/{service_id}"
            if rng.random() < 0.5
            else "",
            email=f"aanbod{service_id}@org{owner + 1}.example.be" if rng.random() < 0.7 else "",
            phone=f"0{rng.randint(2, 9)} {rng.randint(100, 999)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
            languages=languages,
            application_process=rng.choice(
                (
                    "",
                    "Bel of mail ons voor een afspraak.",
                    "Inschrijven via de website.",
                    "Kom gewoon langs, inschrijven is niet nodig.",
                )
            ),
            eligibility_description=(
                "Voor gezinnen die in de gemeente wonen." if rng.random() < 0.2 else ""
            ),
            for_expecting_parents="aanstaand" in ages,
            minimum_age=min(low for low, _high in bounds) if bounds else None,
            maximum_age=max(high for _low, high in bounds) if bounds else None,
            is_free=is_free,
            price=price,
            price_description=""
            if is_free
            else rng.choice(("per keer", "per maand", "per dag", "per reeks")),
            social_tariff=social,
            social_tariff_price=(price / 4).quantize(Decimal("0.01")) if social else None,
            social_tariff_description="UiTPAS met kansentarief: 75% korting" if social else "",
            schedule_description=schedule,
            contact_name=f"{rng.choice(texts.FIRST_NAMES)} {rng.choice(texts.LAST_NAMES)}"
            if rng.random() < 0.4
            else "",
            last_verified_at=NOW - timedelta(days=rng.randint(0, 600))
            if rng.random() < 0.8
            else None,
        )
        links = {
            "domains": [self.domains[slug] for slug in dict.fromkeys(domains)],
            "age_groups": [self.age_groups[slug][0] for slug in ages],
            "service_areas": [m.pk for m in areas],
            "target_groups": rng.sample(self.target_groups, rng.choice((0, 0, 1, 1, 2))),
            "locations": [owner + 1] if rng.random() < 0.7 else [],
        }
        return service, links

    def org_name_hint(self, owner: int) -> str:
        return {
            "health": "Kind en Gezin",
            "childcare": "het Loket Kinderopvang",
            "education": "het CLB",
            "welfare": "het OCMW",
            "youthcare": "het CAW",
        }.get(self.org_kind[owner], "de gemeente")

    def insert_services(self, built: list, rows: dict) -> None:
        from huisvanhetkind.catalogue.models import Service

        bulk(Service, [service for service, _links in built])
        rows["services"] += len(built)
        relations = {
            "domains": (Service.domains.through, "domain_id"),
            "age_groups": (Service.age_groups.through, "agegroup_id"),
            "service_areas": (Service.service_areas.through, "municipality_id"),
            "target_groups": (Service.target_groups.through, "targetgroup_id"),
            "locations": (Service.locations.through, "location_id"),
        }
        for name, (through, column) in relations.items():
            objects = [
                through(service_id=service.pk, **{column: value})
                for service, links in built
                for value in links[name]
            ]
            bulk(through, objects, 5_000)
            rows[name] += len(objects)


def reset_sequences() -> None:
    """Explicit ids were inserted: move the PostgreSQL sequences past them."""
    from django.core.management.color import no_style
    from django.db import connection

    from huisvanhetkind.catalogue.models import Service
    from huisvanhetkind.network.models import House, Location, Municipality, Organisation

    statements = connection.ops.sequence_reset_sql(
        no_style(), [Municipality, House, Organisation, Location, Service]
    )
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def analyse_database() -> float:
    """PostgreSQL: VACUUM ANALYZE, as autovacuum would do soon after such a load in production."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return 0.0
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    return time.perf_counter() - started


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="1.0 = Flanders (default)")
    parser.add_argument("--database-url", help="default: $DATABASE_URL or var/bench.sqlite3")
    parser.add_argument("--seed", type=int, default=20251101)
    parser.add_argument("--output", help="write the sizes and timings as JSON to this file")
    args = parser.parse_args(argv)

    url = database_url(args.database_url)
    log(f"Benchmark data at scale {args.scale} in {describe(url)} (seed {args.seed})")
    recreate_database(url)
    setup_django(url)

    from django.core.management import call_command
    from django.db import transaction

    timings = {}
    started = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    timings["migrate"] = time.perf_counter() - started

    started = time.perf_counter()
    generator = Generator(args.scale, args.seed)
    with transaction.atomic():
        municipalities = generator.municipalities()
        houses = generator.houses(municipalities)
        generator.organisations(houses)
        rows = generator.services()
        reset_sequences()
    timings["generate"] = time.perf_counter() - started
    log(f"  generated in {timings['generate']:.1f} s")

    from huisvanhetkind.catalogue.search.services import rebuild_index

    started = time.perf_counter()
    indexed = rebuild_index()
    timings["rebuild_index"] = time.perf_counter() - started
    log(f"  search index rebuilt in {timings['rebuild_index']:.1f} s ({indexed} services)")

    timings["vacuum_analyze"] = analyse_database()

    from huisvanhetkind.catalogue.models import Service
    from huisvanhetkind.catalogue.search.models import SearchHousePosting, SearchPosting, SearchTerm

    sizes = {
        "municipalities": len(municipalities),
        "houses": len(houses),
        "organisations": generator.counts["organisations"],
        "partnerships": generator.partnerships,
        "locations": generator.locations,
        "services": rows["services"],
        "published_services": Service.objects.filter(status="published").count(),
        "service_domain_links": rows["domains"],
        "service_age_group_links": rows["age_groups"],
        "service_area_links": rows["service_areas"],
        "service_target_group_links": rows["target_groups"],
        "service_location_links": rows["locations"],
        "search_terms": SearchTerm.objects.count(),
        "search_postings": SearchPosting.objects.count(),
        "search_house_postings": SearchHousePosting.objects.count(),
    }
    if is_sqlite(url):
        sizes["database_mb"] = round(sqlite_path(url).stat().st_size / 2**20, 1)
    else:
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_database_size(current_database())")
            sizes["database_mb"] = round(cursor.fetchone()[0] / 2**20, 1)
    for name, value in sizes.items():
        log(f"  {name:<28} {value:>10,}")
    result = {
        "database": describe(url),
        "scale": args.scale,
        "seed": args.seed,
        "sizes": sizes,
        "seconds": {k: round(v, 1) for k, v in timings.items()},
    }
    write_json(args.output, result)
    return result


if __name__ == "__main__":
    main()
