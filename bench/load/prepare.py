"""Prepare the load test (bench/load/run.py) on the benchmark data of a PostgreSQL database: what
the simulated families and professionals will ask for, written as JSON for the locustfile (which
runs without Django), and the accounts and the session the test needs.

- the pages of the family mix, drawn as ``make bench`` draws them (a house in proportion to its
  offer): searches of the offer and service pages (bench/run.py's plan), the calendar, the
  calendar by week and activity pages (bench/activities_run.py's plan), home pages, and the
  "stel je vraag" form of each house with the topics it offers;
- sessions open for registration for the whole run (3 days to 8 weeks ahead);
- the capacity session: one more such session counted in families, with no registration yet,
  whose capacity is set to ``--capacity`` (the 200 simultaneous registrations of
  bench/load/capacity.py must book exactly that many);
- the professionals: the benchmark's accounts with a second factor (bench/referrals_generate.py)
  get the load test's password; their TOTP secret is the benchmark's public one.

    python bench/load/prepare.py --database-url postgres://postgres@127.0.0.1:5432/hvhk_load_bench \\
        --output var/load/targets.json
"""

import argparse
import random
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BENCH))

import activities_run  # noqa: E402
import run  # noqa: E402
from common import database_url, describe, setup_django, write_json  # noqa: E402

# The load test's accounts only (synthetic data on a throw-away database).
PASSWORD = "Load-Test-Huis-2026!"
# The secret of the benchmark's TOTP accounts (bench/referrals_generate.py, public).
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def professionals() -> list[str]:
    """The benchmark's workers with a second factor (the ones referrals_run.py measures, whose
    organisations send and receive the most), with the load test's password."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password

    users = (
        get_user_model()
        .objects.filter(email__endswith="@bench.example.be", authenticator__type="totp")
        .order_by("pk")
    )
    users.update(password=make_password(PASSWORD))
    return list(users.values_list("email", flat=True))


def open_sessions(rng: random.Random, count: int) -> list[dict]:
    """Up to ``count`` sessions open for registration for the whole run (3 days to 8 weeks
    ahead; bench/activities_run.py's choice, fewer on a small dataset)."""
    from datetime import timedelta

    from django.utils import timezone

    from huisvanhetkind.activities.models import Session

    now = timezone.now()
    candidates = list(
        Session.objects.filter(
            activity__status="published",
            activity__registration="required",
            activity__audience="families",
            is_cancelled=False,
            starts_at__gte=now + timedelta(days=3),
            starts_at__lt=now + timedelta(weeks=8),
        )
        .order_by("pk")
        .values_list("pk", "activity__house__slug")
    )
    chosen = rng.sample(candidates, min(count, len(candidates)))
    return [{"pk": pk, "slug": slug} for pk, slug in chosen]


def capacity_session(rng: random.Random, capacity: int) -> dict:
    """A session open for registration, counted in families, without registrations; its own
    capacity is set to ``capacity``."""
    from datetime import timedelta

    from django.utils import timezone

    from huisvanhetkind.activities.models import Session

    now = timezone.now()
    candidates = list(
        Session.objects.filter(
            activity__status="published",
            activity__registration="required",
            activity__audience="families",
            activity__capacity_unit="families",
            is_cancelled=False,
            registration_closes_at__isnull=True,
            starts_at__gte=now + timedelta(days=7),
            starts_at__lt=now + timedelta(weeks=8),
            registrations__isnull=True,
        )
        .order_by("pk")
        .values_list("pk", "activity__house__slug")[:500]
    )
    if not candidates:
        sys.exit("No session without registrations to fill: generate the activities again.")
    pk, slug = rng.choice(candidates)
    Session.objects.filter(pk=pk).update(capacity=capacity)
    return {"pk": pk, "slug": slug, "capacity": capacity}


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", help="default: $DATABASE_URL")
    parser.add_argument("--output", required=True, help="the targets, as JSON")
    parser.add_argument("--pages", type=int, default=2000, help="URLs drawn per kind of page")
    parser.add_argument("--sessions", type=int, default=300, help="sessions to register for")
    parser.add_argument("--capacity", type=int, default=50, help="of the capacity session")
    parser.add_argument("--seed", type=int, default=20)
    args = parser.parse_args(argv)

    url = database_url(args.database_url)
    setup_django(url)
    from huisvanhetkind.questions.models import Topic

    rng = random.Random(args.seed)
    houses = run.load_houses()
    calendar_houses = activities_run.load_houses()
    if not houses or not calendar_houses:
        sys.exit("No benchmark data: run bench/generate.py and bench/activities_generate.py.")
    offer = run.build_plan(rng, houses, args.pages)
    calendar = activities_run.build_plan(rng, calendar_houses, args.pages)
    weights = [h["services"] for h in houses]
    homes = [f"/{h['slug']}/" for h in rng.choices(houses, weights=weights, k=args.pages)]
    full = capacity_session(rng, args.capacity)
    sessions = [s for s in open_sessions(rng, args.sessions + 1) if s["pk"] != full["pk"]]
    topics = list(
        Topic.objects.filter(house__isnull=True, is_active=True).values_list("pk", flat=True)
    )
    question_houses = [h["slug"] for h in rng.choices(houses, weights=weights, k=200)]
    accounts = professionals()
    targets = {
        "database": describe(url),
        "pages": {
            "home": homes,
            "search": offer["search"],
            "service": offer["detail"],
            "calendar": calendar["calendar"],
            "calendar_week": calendar["calendar_week"],
            "activity": calendar["detail"],
        },
        "sessions": sessions,
        "capacity_session": full,
        "question_houses": question_houses,
        "topics": topics,
        "professionals": accounts,
        "password": PASSWORD,
        "totp_secret": TOTP_SECRET,
    }
    write_json(args.output, targets)
    print(
        f"Targets of {describe(url)} in {args.output}: {len(houses)} houses, "
        f"{len(sessions)} sessions to register for, capacity session {full['pk']} "
        f"({full['slug']}, {full['capacity']} families), {len(accounts)} professionals."
    )
    return targets


if __name__ == "__main__":
    main()
