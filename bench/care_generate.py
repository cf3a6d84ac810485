"""Add a synthetic signal index to one house of the data of ``bench/generate.py``.

At ``--scale 1.0``: 1,000,000 live signals in one house (by default the house with the most
active partners), made over the last two years by its partners with a long tail (a few partners
signal a large share, most a few). About one child in five is signalled by more than one
partner (a match), and about three signals in ten carry a parent's number, a share of them
shared by siblings. The index holds live signals only: the daily job erases the ended ones.

The filler rows are written with ``bulk_create`` and random 64-hex digests (what an HMAC looks
like; no number is behind them) and no reference (the optional name and birth date), so that a
million rows take a minute instead of a million service calls. The run's measured recordings go
through the real ``care.services.signal_record`` with fictitious numbers (``measured_number``):
for half of them a signal of another partner is already in the index with the number's real
keyed digest (``care.numbers.current_digest``), so recording them matches and sends the match
e-mails; the other half are new children.

A partner in the middle of the tail gets the caseload (``CASELOAD`` children, whatever the
scale): its signals carry an encrypted reference, half of them are matched by another partner,
a third carry a parent's number. Its worker (``care-caseload@care.bench.example.be``) has a
TOTP authenticator, so that ``bench/care_run.py`` can open its signal list logged in.

Each partner gets one worker, ``care-<organisation>@care.bench.example.be`` (the signals'
contacts, and the recorders of the run). The signal table is emptied first and the care bench
workers removed, so a rerun replaces them; the rest of the database (the referral workers of
``@bench.example.be`` included) is left as it is. Then PostgreSQL gets ``VACUUM ANALYZE`` and
SQLite ``ANALYZE`` on the signal table. The same seed and ``--today`` give the same data.

    python bench/care_generate.py --scale 0.01
    python bench/care_generate.py --database-url postgres://postgres@127.0.0.1:5432/hvhk_bench
"""

import argparse
import random
import sys
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (  # noqa: E402
    database_mb,
    database_url,
    describe,
    generate_afresh,
    log,
    refuse_unless_bench,
    setup_django,
    write_json,
)

SIGNALS = 1_000_000  # at scale 1.0
DAYS = 730  # made over the last two years
CHUNK = 20_000  # signals built and inserted at a time
BATCH = 1_000  # rows per INSERT
MATCH_SHARE = 0.2  # of the filler signals: a child some other partner signalled before
PARENT_SHARE = 0.3  # carry a parent's number
SIBLING_SHARE = 0.15  # of those: the parent's number of an earlier signal
RECENT = 50_000  # the earlier children and parents a match or sibling is drawn from
CASELOAD = 500  # children of the caseload partner, at every scale
MEASURED = 4_000  # fictitious numbers for the run (the even ones already in the index)
CARE_DOMAIN = "care.bench.example.be"
CASELOAD_EMAIL = f"care-caseload@{CARE_DOMAIN}"
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"  # the benchmark's accounts only
FIRST_NAMES = ("Lotte", "Noah", "Emma", "Mohamed", "Louise", "Arthur", "Nora", "Adam", "Mila")
LAST_NAMES = ("Janssens", "Peeters", "Maes", "Jacobs", "El Amrani", "Claes", "Wouters")


def measured_number(i: int) -> str:
    """The ``i``-th fictitious number of the run: children born 2005-2024 (under 23), 997
    serials a day, so every ``i`` below ``MEASURED`` gives another number."""
    from huisvanhetkind.care.numbers import fictitious_number

    born = date(2005, 1, 1) + timedelta(days=(i * 7919) % 7300)
    return fictitious_number(born, 1 + (i // 7300 + i * 31) % 997)


def is_known(i: int) -> bool:
    """Whether the ``i``-th measured child is already in the index (signalled by the holder)."""
    return i % 2 == 0


def years_later(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


class Generator:
    def __init__(self, scale: float, seed: int, today: date, house_slug: str | None):
        self.rng = random.Random(seed)
        self.total = max(CASELOAD * 4, round(SIGNALS * scale))
        self.today = today
        self.house = self.choose_house(house_slug)
        self.rows = dict.fromkeys(("signals", "users", "caseload", "known"), 0)
        self.pk = 0

    def choose_house(self, slug: str | None):
        from django.db.models import Count, Q

        from huisvanhetkind.network.models import House

        houses = House.objects.annotate(
            partners=Count("partnerships", filter=Q(partnerships__status="active"))
        )
        if slug:
            return houses.get(slug=slug)
        house = houses.filter(partners__gte=3).order_by("-partners", "pk").first()
        if house is None:
            sys.exit("No house with three active partners: run bench/generate.py first.")
        return house

    # The partners and their workers --------------------------------------------------------------

    def partners(self) -> None:
        """The house's active partners in a seeded order of size; the caseload partner in the
        middle, the holder of the measured known children the second largest."""
        from huisvanhetkind.network.models import Partnership

        organisations = sorted(
            Partnership.objects.filter(house=self.house, status="active").values_list(
                "organisation_id", flat=True
            )
        )
        self.rng.shuffle(organisations)
        self.organisations = organisations
        self.caseload = organisations[len(organisations) // 2]
        self.holder = organisations[1]
        self.signallers = [o for o in organisations if o != self.caseload]
        self.weights = [1 / (k + 1) ** 0.9 for k in range(len(self.signallers))]

    def workers(self) -> None:
        from allauth.mfa.totp.internal.auth import TOTP
        from django.contrib.auth import get_user_model

        from huisvanhetkind.network.models import Role

        User = get_user_model()  # noqa: N806

        def email_of(organisation):
            if organisation == self.caseload:
                return CASELOAD_EMAIL
            return f"care-{organisation}@{CARE_DOMAIN}"

        User.objects.bulk_create(
            [
                User(
                    username=email_of(o),
                    email=email_of(o),
                    first_name="Medewerker",
                    last_name=f"Partner {o}",
                    password="!",  # no password: the benchmark logs in without one
                )
                for o in self.organisations
            ],
            batch_size=BATCH,
        )
        created = dict(
            User.objects.filter(email__endswith=f"@{CARE_DOMAIN}").values_list("email", "pk")
        )
        self.worker = {o: created[email_of(o)] for o in self.organisations}
        Role.objects.bulk_create(
            [
                Role(user_id=self.worker[o], kind="org_worker", organisation_id=o)
                for o in self.organisations
            ],
            batch_size=BATCH,
        )
        TOTP.activate(User.objects.get(email=CASELOAD_EMAIL), TOTP_SECRET)
        self.rows["users"] = len(self.organisations)

    # Signals -------------------------------------------------------------------------------------

    def hex(self) -> str:
        return f"{self.rng.getrandbits(256):064x}"

    def signal(self, organisation: int, child: str, parent: str = "", **extra):
        from huisvanhetkind.care.models import Signal

        made = self.today - timedelta(days=self.rng.randrange(DAYS))
        self.pk += 1
        return Signal(
            id=self.pk,
            house_id=self.house.pk,
            organisation_id=organisation,
            contact_id=self.worker[organisation],
            child_digest=child,
            child_key=self.key_id,
            parent_digest=parent,
            parent_key=self.key_id if parent else "",
            made_on=made,
            ends_on=years_later(made, 2),
            **extra,
        )

    def filler(self, count: int):
        """``count`` signals of the partners but the caseload one, with matches and siblings."""
        rng = self.rng
        children, parents = self.children, self.parents
        signallers = rng.choices(self.signallers, self.weights, k=count)
        rows = []
        for organisation in signallers:
            if children and rng.random() < MATCH_SHARE:
                child = children[rng.randrange(len(children))]
            else:
                child = self.hex()
                children.append(child)
            parent = ""
            if rng.random() < PARENT_SHARE:
                if parents and rng.random() < SIBLING_SHARE:
                    parent = parents[rng.randrange(len(parents))]
                else:
                    parent = self.hex()
                    parents.append(parent)
            rows.append(self.signal(organisation, child, parent))
        del children[:-RECENT], parents[:-RECENT]
        return rows

    def caseload_signals(self):
        """The caseload partner's children: a reference each, half matched, a third with a
        parent's number."""
        rng = self.rng
        rows = []
        for n in range(CASELOAD):
            child = self.hex()
            name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
            born = date(2008, 1, 1) + timedelta(days=rng.randrange(6000))
            parent = self.hex() if n % 3 == 0 else ""
            rows.append(
                self.signal(
                    self.caseload,
                    child,
                    parent,
                    reference_name=name,
                    reference_birth_date=born.strftime("%d/%m/%Y"),
                )
            )
            if n % 2 == 0:
                other = rng.choices(self.signallers, self.weights)[0]
                rows.append(self.signal(other, child, is_lead=True))
        self.rows["caseload"] = CASELOAD
        return rows

    def known_signals(self):
        """The even measured children, signalled by the holder with their real digest."""
        from huisvanhetkind.care.numbers import current_digest, parse_number

        rows = []
        for i in range(0, MEASURED, 2):
            _, digest = current_digest(parse_number(measured_number(i)))
            rows.append(self.signal(self.holder, digest))
        self.rows["known"] = len(rows)
        return rows

    def generate(self) -> dict:
        from huisvanhetkind.care.models import Signal
        from huisvanhetkind.core.digests import keys

        self.key_id = keys()[0][0]
        self.partners()
        self.workers()
        self.children, self.parents = [], []
        Signal.objects.bulk_create(self.caseload_signals(), batch_size=BATCH)
        Signal.objects.bulk_create(self.known_signals(), batch_size=BATCH)
        while self.pk < self.total:
            Signal.objects.bulk_create(
                self.filler(min(CHUNK, self.total - self.pk)), batch_size=BATCH
            )
        self.rows["signals"] = self.pk
        return self.rows


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="1.0 = 1,000,000 signals")
    parser.add_argument("--database-url", help="default: $DATABASE_URL or var/bench.sqlite3")
    parser.add_argument("--house", help="the house's slug (default: the one with most partners)")
    parser.add_argument("--seed", type=int, default=20261215)
    parser.add_argument(
        "--today", type=date.fromisoformat, help="the last day signals are made (default: today)"
    )
    parser.add_argument("--output", help="write the sizes and timings as JSON to this file")
    args = parser.parse_args(argv)

    url = database_url(args.database_url)
    refuse_unless_bench(url, "signals")
    setup_django(url)
    from django.conf import settings
    from django.db.models import Count
    from django.utils import timezone

    from huisvanhetkind.care.models import Signal

    settings.DEBUG = False  # no SQL log of a million rows
    today = args.today or timezone.localdate()
    log(f"Signals at scale {args.scale} in {describe(url)} (seed {args.seed}, up to {today})")
    generator, rows, timings = generate_afresh(
        [Signal], CARE_DOMAIN, lambda: Generator(args.scale, args.seed, today, args.house)
    )

    per_child = Signal.objects.values("child_digest").annotate(n=Count("organisation"))
    per_partner = sorted(
        Signal.objects.values("organisation").annotate(n=Count("id")).values_list("n", flat=True)
    )
    sizes = {
        "house": generator.house.slug,
        "partners": len(generator.organisations),
        "signals": rows["signals"],
        "children": per_child.count(),
        "matched_children": per_child.filter(n__gt=1).count(),
        "with_parent": Signal.objects.exclude(parent_digest="").count(),
        "caseload": rows["caseload"],
        "known_measured": rows["known"],
        "signals_of_largest": per_partner[-1],
        "signals_median": per_partner[len(per_partner) // 2],
        "database_mb": database_mb(url),
    }
    for key, value in sizes.items():
        log(f"  {key:<20} {value:>10,}" if isinstance(value, int) else f"  {key:<20} {value}")
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
