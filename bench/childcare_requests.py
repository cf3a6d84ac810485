"""Measure the childcare request form and the desk's request list at 100,000 requests.

Generates (once per database; ``--regenerate`` to redo) a house with 40 published childcare
locations of 8 providers, its desk, and ``--requests-total`` requests (default 100,000) of
families with a child, 1 to 12 wishes each, spread over the statuses (70 % open) and the start
months; then, with ``DEBUG`` off and ``django.test.Client`` in this process:

    form_get    GET  /<house>/kinderopvang/aanvraag/ (step 1)
    form_step1  POST step 1: the list of locations that fit, with a rank select per location
    form_submit POST step 2: a whole request filed (the family, the child, the request, its
                wishes, the audit and the e-mail): 302 to the private link
    desk_list   GET  /beheer/huis/<house>/kinderopvang/aanvragen/ by the desk, 50 per page,
                with a seeded mix of filters (status, municipality, start month, a later page)

Target: p95 of each at most 50 ms. Each POST comes from another client address (the form
allows 5 requests per address per hour). Figures in ms and in R (``bench/common.py``).

    python bench/childcare_requests.py --output var/bench/childcare-requests.json
"""

import argparse
import logging
import platform
import random
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (  # noqa: E402
    ROOT,
    calibrate,
    calibration,
    calibration_text,
    client_for,
    describe,
    in_units,
    log,
    percentile,
    setup_django,
    write_json,
)

DEFAULT_URL = f"sqlite:///{ROOT / 'var' / 'bench-childcare-requests.sqlite3'}"
HOUSE_SLUG = "bench-kinderopvang"
BENCH_DOMAIN = "bench-childcare.example.be"
DESK_EMAIL = f"loket@{BENCH_DOMAIN}"
TOTP_SECRET = "JBSWY3DPEHPK3PXP"
PROVIDERS = 8
LOCATIONS = 40
BATCH = 2000
TARGET_MS = 50.0
SCENARIOS = ("form_get", "form_step1", "form_submit", "desk_list")


# --- Generating --------------------------------------------------------------------------------


def generate(total: int, seed: int) -> dict:
    from allauth.mfa.totp.internal.auth import TOTP
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import transaction
    from django.utils import timezone

    from huisvanhetkind.catalogue import services as catalogue_services
    from huisvanhetkind.catalogue.workflow import ServiceStatus
    from huisvanhetkind.childcare import services as childcare_services
    from huisvanhetkind.childcare.models import (
        ChildcareLocation,
        ChildcareRequest,
        RequestStatus,
        RequestWish,
    )
    from huisvanhetkind.childcare.months import start_months
    from huisvanhetkind.core.tokens import token_digest
    from huisvanhetkind.families.models import Child, Family
    from huisvanhetkind.network.models import (
        Designation,
        Domain,
        House,
        Municipality,
        Organisation,
        Partnership,
        Role,
    )
    from huisvanhetkind.network.services_groups import designation_create
    from huisvanhetkind.network.services_organisations import location_save

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    rng = random.Random(seed)
    house = House.objects.filter(slug=HOUSE_SLUG).first()
    names = ["Kalmthout", "Essen", "Wuustwezel", "Brecht", "Kapellen"]
    municipalities = list(Municipality.objects.filter(name__in=names).order_by("name"))
    if house is None:
        house = House.objects.create(
            slug=HOUSE_SLUG, name="Huis van het Kind Bench", email="info@bench.example.be"
        )
        house.municipalities.set(municipalities[:2])
    if not ChildcareLocation.objects.filter(house=house).exists():
        log("Generating the house's providers and 40 childcare locations ...")
        domain = Domain.objects.get(slug="kinderopvang")
        for p in range(PROVIDERS):
            organisation = Organisation.objects.create(
                name=f"Bench opvang {p + 1}",
                kind=Organisation.Kind.CHILDCARE,
                enterprise_number=f"08{p:08d}",
                description="Kinderopvang voor de benchmark.",
            )
            Partnership.objects.create(house=house, organisation=organisation, status="active")
            for n in range(LOCATIONS // PROVIDERS):
                municipality = rng.choice(municipalities)
                name = f"Kinderdagverblijf Bench {p + 1}-{n + 1}"
                site = location_save(
                    actor=None,
                    data={
                        "name": name,
                        "organisation": organisation,
                        "street": f"Dorpsstraat {n + 1}",
                        "postcode": municipality.postcodes[0],
                        "municipality": municipality,
                    },
                )
                service = catalogue_services.service_create(
                    organisation=organisation,
                    actor=None,
                    data={
                        "name": name,
                        "summary": "Opvang voor baby's en peuters.",
                        "languages": ["nl"],
                        "domains": [domain],
                        "service_areas": [municipality],
                        "locations": [site],
                    },
                )
                service = catalogue_services.service_transition(
                    service=service, actor=None, to=ServiceStatus.PUBLISHED
                )
                childcare_services.childcare_location_create(
                    service=service,
                    house=house,
                    location=site,
                    actor=None,
                    data={"kind": "kinderdagverblijf", "licensed_places": 18},
                )
        desk_organisation = Organisation.objects.create(
            name="Bench Lokaal Loket Kinderopvang",
            kind=Organisation.Kind.PUBLIC,
            enterprise_number="0899999999",
            description="Het loket.",
        )
        Partnership.objects.create(house=house, organisation=desk_organisation, status="active")
        designation_create(
            actor=None,
            house=house,
            organisation=desk_organisation,
            kind=Designation.Kind.CHILDCARE_DESK,
        )
        user = get_user_model().objects.create(
            username=DESK_EMAIL, email=DESK_EMAIL, password="!", first_name="Loket"
        )
        Role.objects.create(user=user, kind="org_worker", organisation=desk_organisation)
        TOTP.activate(user, TOTP_SECRET)
    existing = ChildcareRequest.objects.filter(house=house).count()
    if existing < total:
        log(f"Generating {total - existing:,} requests ...")
        locations = list(ChildcareLocation.objects.filter(house=house).values_list("pk", flat=True))
        # Popular locations are wished more often.
        weights = [1 / (k + 1) ** 0.7 for k in range(len(locations))]
        months = start_months(timezone.localdate())
        statuses = [RequestStatus.OPEN] * 7 + [
            RequestStatus.PLACED,
            RequestStatus.WITHDRAWN,
            RequestStatus.CLOSED,
        ]
        now = timezone.now()
        for start in range(existing, total, BATCH):
            count = min(BATCH, total - start)
            with transaction.atomic():
                families = Family.objects.bulk_create(
                    Family(name=f"Gezin {start + i}", language="nl") for i in range(count)
                )
                children = Child.objects.bulk_create(
                    Child(
                        family=family,
                        first_name="Kind",
                        birth_date=(now - timedelta(days=rng.randint(0, 700))).date(),
                    )
                    for family in families
                )
                requests = []
                for i, (family, child) in enumerate(zip(families, children, strict=True)):
                    status = rng.choice(statuses)
                    requested = now - timedelta(minutes=rng.randint(0, 3 * 365 * 24 * 60))
                    requests.append(
                        ChildcareRequest(
                            house=house,
                            family=family,
                            child=child,
                            municipality=rng.choice(municipalities),
                            token_hash=token_digest(f"bench-{start + i}"),
                            token=f"bench-{start + i}",
                            wished_start=rng.choice(months),
                            half_days=rng.randint(1, 10),
                            days_note="maandag en dinsdag",
                            working=rng.random() < 0.6,
                            foster=rng.random() < 0.02,
                            sworn=True,
                            social_tariff=rng.random() < 0.15,
                            status=status,
                            requested_at=requested,
                            confirmed_at=requested,
                            ended_at=None if status == RequestStatus.OPEN else now,
                        )
                    )
                requests = ChildcareRequest.objects.bulk_create(requests)
                wishes = []
                for request in requests:
                    chosen = set()
                    while len(chosen) < min(rng.randint(1, 12), len(locations)):
                        chosen.add(rng.choices(locations, weights)[0])
                    wishes += [
                        RequestWish(
                            request=request,
                            location_id=location,
                            rank=rank,
                            sibling=rng.random() < 0.05,
                        )
                        for rank, location in enumerate(chosen, 1)
                    ]
                RequestWish.objects.bulk_create(wishes, batch_size=BATCH * 4)
            if (start // BATCH) % 10 == 0:
                log(f"  {start + count:,} of {total:,}")
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return {
        "requests": ChildcareRequest.objects.filter(house=house).count(),
        "wishes": RequestWish.objects.filter(request__house=house).count(),
        "locations": ChildcareLocation.objects.filter(house=house).count(),
        "seconds": round(time.perf_counter() - started, 1),
    }


# --- Measuring ----------------------------------------------------------------------------------


def timed(work, count: int, expect: int) -> dict:
    from django.db import connection

    times, queries, errors = [], [], []
    for n in range(count):
        counter = {"n": 0}

        def count_query(execute, sql, params, many, context, counter=counter):
            counter["n"] += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count_query):
            started = time.perf_counter()
            response = work(n)
            elapsed = (time.perf_counter() - started) * 1000
        if response.status_code != expect:
            errors.append(response.status_code)
            continue
        times.append(elapsed)
        queries.append(counter["n"])
    return {
        "requests": len(times),
        "p50_ms": round(percentile(times, 0.5), 1),
        "p95_ms": round(percentile(times, 0.95), 1),
        "max_ms": round(max(times), 1) if times else None,
        "queries_min": min(queries) if queries else None,
        "queries_max": max(queries) if queries else None,
        "errors": errors[:10],
    }


def measure(count: int, seed: int) -> dict:
    from django.test import Client
    from django.utils import timezone

    from huisvanhetkind.childcare.models import ChildcareLocation
    from huisvanhetkind.childcare.months import add_months, first_of_month, start_months
    from huisvanhetkind.network.models import House

    rng = random.Random(seed)
    house = House.objects.get(slug=HOUSE_SLUG)
    path = f"/{HOUSE_SLUG}/kinderopvang/aanvraag/"
    today = timezone.localdate()
    step_one = {
        "stap": "1",
        "municipality": "11022",
        "child_first_name": "Lotte",
        "birth_date": (today - timedelta(days=120)).isoformat(),
        "wished_start": f"{add_months(first_of_month(today), 2):%Y-%m}",
    }
    locations = list(
        ChildcareLocation.objects.published_in(house).order_by("pk").values_list("pk", flat=True)
    )
    family = Client(HTTP_HOST="127.0.0.1")

    def form_get(n):
        return family.get(path)

    def form_step1(n):
        return family.post(path, step_one, REMOTE_ADDR=f"10.1.{n // 250}.{n % 250 + 1}")

    def form_submit(n):
        chosen = rng.sample(locations, rng.randint(1, 6))
        data = {
            **step_one,
            "stap": "2",
            "half_days": "6",
            "days_note": "maandag en dinsdag",
            "working": "on",
            "sworn": "on",
            "name": "Bench Ouder",
            "email": f"ouder{n}-{seed}@{BENCH_DOMAIN}",
            "language": "nl",
            **{f"rank_{pk}": str(rank) for rank, pk in enumerate(chosen, 1)},
        }
        return family.post(path, data, REMOTE_ADDR=f"10.2.{n // 250}.{n % 250 + 1}")

    desk = client_for(DESK_EMAIL)
    desk_path = f"/beheer/huis/{HOUSE_SLUG}/kinderopvang/aanvragen/"
    months = start_months(today)
    codes = list(house.municipalities.values_list("nis_code", flat=True))

    def desk_list(n):
        roll = rng.random()
        query = ""
        if roll < 0.3:
            query = ""
        elif roll < 0.5:
            query = f"?status={rng.choice(['open', 'placed', 'withdrawn', 'closed', 'alle'])}"
        elif roll < 0.7:
            query = f"?gemeente={rng.choice(codes)}"
        elif roll < 0.85:
            query = f"?start={rng.choice(months):%Y-%m}"
        else:
            query = f"?pagina={rng.randint(2, 40)}"
        return desk.get(desk_path + query)

    works = {
        "form_get": (form_get, 200),
        "form_step1": (form_step1, 200),
        "form_submit": (form_submit, 302),
        "desk_list": (desk_list, 200),
    }
    results = {}
    for name in SCENARIOS:
        work, expect = works[name]
        timed(work, 5, expect)  # warm-up, discarded
        results[name] = timed(work, count, expect)
    return results


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--requests-total", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200, help="measured requests per page")
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--output")
    args = parser.parse_args(argv)
    if "bench" not in args.database_url:
        sys.exit("Refusing to use a database whose name does not contain 'bench'.")
    setup_django(args.database_url)
    from django.conf import settings

    settings.DEBUG = False
    logging.getLogger("huisvanhetkind.request").setLevel(logging.WARNING)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.ALLOWED_HOSTS = ["127.0.0.1", "testserver"]
    log(f"Database: {describe(args.database_url)}")
    data = generate(args.requests_total, args.seed)
    log(
        f"Data: {data['requests']:,} requests, {data['wishes']:,} wishes, "
        f"{data['locations']} locations ({data['seconds']} s)"
    )
    before = calibrate()
    results = measure(args.requests, args.seed)
    cal = calibration(before, calibrate())
    log(calibration_text(cal))
    report = {
        "database": describe(args.database_url),
        "python": platform.python_version(),
        "data": data,
        "calibration": cal,
        "results": results,
        "target_p95_ms": TARGET_MS,
    }
    for name, entry in results.items():
        verdict = "ok" if entry["p95_ms"] <= TARGET_MS else "OVER TARGET"
        log(
            f"  {name:<12} p50 {entry['p50_ms']:>6} ms  p95 {entry['p95_ms']:>6} ms "
            f"({in_units(entry['p95_ms'], cal)} R)  max {entry['max_ms']} ms  "
            f"queries {entry['queries_min']}-{entry['queries_max']}  {verdict}"
            + (f"  errors {entry['errors']}" if entry["errors"] else "")
        )
    write_json(args.output, report)
    return report


if __name__ == "__main__":
    main()
