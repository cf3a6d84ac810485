"""Add synthetic warm referrals, with their consents and histories, to one house of the data
of ``bench/generate.py``.

At ``--scale 1.0``: 200,000 referrals in one house (by default the house with the most active
partners), between its partners, sent over the last two years (twice as many a day now as a year ago). Who
sends and who receives follows a long tail: a few partners (a consultation bureau, a childcare
desk) send and receive a large share, most partners a few. Every referral has its own consent
(OSLO "Contactvoorkeuren" terms) and its append-only history of status changes (about 4 steps
each); its status follows its age: most of the last week's still wait for an answer, most
older ones are closed, declined (with a reason from the list), withdrawn or expired, and a
few are late. What the family shared (the reason, the contact note) is encrypted as in
production; for referrals ended more than a year ago it is erased (as the retention job
does). The lists do not read the family record, so referrals carry none.

Each partner gets workers (``bench-<organisation>-<n>@bench.example.be``) in proportion to
what it sends and receives (one per 400 referrals over the two years, at least two: the
largest partners have about fifty); a referral's referrer and handler are among them. The
workers whom ``bench/referrals_run.py`` logs in have a TOTP authenticator: the first worker of
each of the five partners that receive the most and the five that send the most, and of a
partner in the middle of each list; so has the house's coordinator
(``bench-coordinator@bench.example.be``), for the figures page.

The referral tables are emptied first (and the bench workers removed), so a rerun replaces
them; the rest of the database is left as it is. Everything is written with ``bulk_create``
in batches (explicit ids, no signals, no services: the services' rules are not what is
measured) in one transaction, then PostgreSQL gets ``VACUUM ANALYZE`` and SQLite ``ANALYZE``
on the referral tables. The same seed and ``--today`` give the same data.

    python bench/referrals_generate.py --scale 0.01
    python bench/referrals_generate.py --database-url postgres://postgres@127.0.0.1:5432/hvhk_bench
"""

import argparse
import hashlib
import random
import sys
from datetime import date, datetime, timedelta
from datetime import time as clock
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

REFERRALS = 200_000  # at scale 1.0
DAYS = 730  # sent over the last two years
CHUNK = 10_000  # referrals built and inserted at a time
BATCH = 1_000  # rows per INSERT
WORKERS_PER_PARTNER = 2  # at least
PER_WORKER = 400  # referrals sent and received per worker over the two years
BENCH_DOMAIN = "bench.example.be"
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"  # the benchmark's accounts only

REASONS = (
    "Mama voelt zich erg moe na de bevalling en wil hulp thuis.",
    "Het gezin zoekt dringend opvang voor de jongste, drie dagen per week.",
    "Vragen over slapen en huilen; de ouders zijn uitgeput.",
    "De jongere wil praten over pesten op school.",
    "Het gezin heeft moeite met de schoolkosten en de huur.",
    "Papa zoekt een oudergroep over opvoeden van pubers.",
    "Taalondersteuning voor de kleuter; thuis spreekt het gezin Arabisch.",
    "Budgetbegeleiding gevraagd na verlies van werk.",
)
NOTES = ("Liefst na 17 u.", "Bellen op woensdag.", "Niet voor 10 u.", "", "", "")
PURPOSES = (
    "Kraamzorg aan huis na de geboorte",
    "Een plaats in de kinderopvang",
    "Opvoedingsondersteuning",
    "Hulp bij schoolkosten",
    "Gesprek met een psycholoog",
)

# Where a referral of a given age stands: {status: weight}.
BY_AGE = (
    (
        7,
        {
            "sent": 35,
            "received": 25,
            "accepted": 18,
            "declined": 6,
            "contacted": 8,
            "waitlisted": 3,
            "withdrawn": 3,
            "consent_withdrawn": 2,
        },
    ),
    (
        45,
        {
            "sent": 1.5,
            "received": 1.5,
            "accepted": 10,
            "declined": 12,
            "contacted": 18,
            "waitlisted": 8,
            "not_reached": 4,
            "got_help": 16,
            "no_help": 3,
            "not_interested": 3,
            "closed": 16,
            "withdrawn": 4,
            "consent_withdrawn": 2,
            "expired": 1,
        },
    ),
    (
        DAYS + 1,
        {
            "sent": 0.2,
            "received": 0.3,
            "accepted": 0.5,
            "declined": 14,
            "contacted": 1,
            "waitlisted": 1,
            "not_reached": 1,
            "got_help": 4,
            "no_help": 1,
            "not_interested": 1,
            "closed": 64,
            "withdrawn": 5,
            "consent_withdrawn": 3,
            "expired": 4,
        },
    ),
)
# The path to each status (what the history records).
ACCEPTED_PATH = ["sent", "received", "accepted"]
PATHS = {
    "sent": ["sent"],
    "received": ["sent", "received"],
    "accepted": ACCEPTED_PATH,
    "declined": ["sent", "received", "declined"],
    "contacted": [*ACCEPTED_PATH, "contacted"],
    "waitlisted": [*ACCEPTED_PATH, "waitlisted"],
    "not_reached": [*ACCEPTED_PATH, "not_reached"],
    "got_help": [*ACCEPTED_PATH, "contacted", "got_help"],
    "no_help": [*ACCEPTED_PATH, "contacted", "no_help"],
    "not_interested": [*ACCEPTED_PATH, "waitlisted", "not_interested"],
    "withdrawn": ["sent", "withdrawn"],
    "consent_withdrawn": ["sent", "received", "consent_withdrawn"],
    "expired": ["sent", "received", "expired"],
}
OUTCOMES_BEFORE_CLOSING = {"got_help": 6, "no_help": 2, "not_interested": 1, "not_reached": 1}
DECLINE_REASONS = {
    "no_capacity": 40,
    "not_eligible": 20,
    "wrong_service": 15,
    "already_known": 10,
    "outside_area": 8,
    "other": 7,
}
END_STATES = {"declined", "closed", "withdrawn", "consent_withdrawn", "expired"}
RECEIVER_ACTS = {
    "received",
    "accepted",
    "declined",
    "contacted",
    "waitlisted",
    "not_reached",
    "got_help",
    "no_help",
    "not_interested",
    "closed",
}


def weighted(rng: random.Random, weights: dict):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


class Generator:
    def __init__(self, scale: float, seed: int, today: date, house_slug: str | None):
        from django.utils import timezone

        self.rng = random.Random(seed)
        self.seed = seed
        self.total = max(100, round(REFERRALS * scale))
        self.today = today
        self.now = timezone.make_aware(datetime.combine(today, clock(12)))
        self.house = self.choose_house(house_slug)
        self.rows = dict.fromkeys(("referrals", "consents", "events", "users"), 0)
        self.due = {}

    # The house and its partners -----------------------------------------------------------------

    def choose_house(self, slug: str | None):
        from django.db.models import Count, Q

        from huisvanhetkind.network.models import House

        houses = House.objects.annotate(
            partners=Count("partnerships", filter=Q(partnerships__status="active"))
        )
        if slug:
            return houses.get(slug=slug)
        house = houses.filter(partners__gte=2).order_by("-partners", "pk").first()
        if house is None:
            sys.exit("No house with two active partners: run bench/generate.py first.")
        return house

    def partners(self) -> None:
        """The house's active partners in a seeded order of size, their published services
        and the first domain of each."""
        from huisvanhetkind.catalogue.models import Service
        from huisvanhetkind.network.models import Partnership

        rng = self.rng
        self.organisations = sorted(
            Partnership.objects.filter(house=self.house, status="active").values_list(
                "organisation_id", flat=True
            )
        )
        count = len(self.organisations)
        # A long tail: the k-th partner sends (and receives) in proportion to 1 / k^0.9, in two
        # independent orders (who sends most is not who receives most).
        senders, receivers = list(self.organisations), list(self.organisations)
        rng.shuffle(senders)
        rng.shuffle(receivers)
        weights = [1 / (k + 1) ** 0.9 for k in range(count)]
        self.senders, self.send_weights = senders, weights
        self.receivers, self.receive_weights = receivers, weights
        self.services: dict[int, list[int]] = {}
        for pk, organisation in (
            Service.objects.filter(organisation_id__in=self.organisations, status="published")
            .order_by("pk")
            .values_list("pk", "organisation_id")
        ):
            self.services.setdefault(organisation, []).append(pk)
        self.service_domain = {}
        through = Service.domains.through
        for service, domain in (
            through.objects.filter(service__organisation_id__in=self.organisations)
            .order_by("service_id", "domain__position", "domain_id")
            .values_list("service_id", "domain_id")
        ):
            self.service_domain.setdefault(service, domain)

    def workers(self) -> None:
        """Workers per partner in proportion to what it sends and receives (one per
        ``PER_WORKER`` referrals, at least two); TOTP for the ones the run logs in."""
        from allauth.mfa.totp.internal.auth import TOTP
        from django.contrib.auth import get_user_model

        from huisvanhetkind.network.models import Role

        User = get_user_model()  # noqa: N806
        share = dict.fromkeys(self.organisations, 0.0)
        for order, weights in (
            (self.senders, self.send_weights),
            (self.receivers, self.receive_weights),
        ):
            total = sum(weights)
            for organisation, weight in zip(order, weights, strict=True):
                share[organisation] += weight / total
        self.staff = {
            organisation: max(
                WORKERS_PER_PARTNER, round(self.total * share[organisation] / PER_WORKER)
            )
            for organisation in self.organisations
        }
        users = []
        for organisation in self.organisations:
            for n in range(1, self.staff[organisation] + 1):
                email = f"bench-{organisation}-{n}@{BENCH_DOMAIN}"
                users.append(
                    User(
                        username=email,
                        email=email,
                        first_name=f"Medewerker {n}",
                        last_name=f"Partner {organisation}",
                        password="!",  # no password: the benchmark logs in without one
                    )
                )
        User.objects.bulk_create(users, batch_size=BATCH)
        created = dict(
            User.objects.filter(email__endswith=f"@{BENCH_DOMAIN}").values_list("email", "pk")
        )
        roles, self.people = [], {}
        for organisation in self.organisations:
            self.people[organisation] = [
                created[f"bench-{organisation}-{n}@{BENCH_DOMAIN}"]
                for n in range(1, self.staff[organisation] + 1)
            ]
            roles += [
                Role(user_id=pk, kind="org_worker", organisation_id=organisation)
                for pk in self.people[organisation]
            ]
        Role.objects.bulk_create(roles, batch_size=BATCH)
        self.rows["users"] = len(users)
        middle = len(self.organisations) // 2
        measured = {*self.receivers[:5], *self.senders[:5]}
        measured |= {self.receivers[middle], self.senders[middle]}
        self.measured = []
        for organisation in sorted(measured):
            user = User.objects.get(pk=self.people[organisation][0])
            TOTP.activate(user, TOTP_SECRET)
            self.measured.append(user.email)
        # The house's coordinator, for the figures page.
        email = f"bench-coordinator@{BENCH_DOMAIN}"
        coordinator = User.objects.create(username=email, email=email, password="!")
        Role.objects.create(user=coordinator, kind="coordinator", house=self.house)
        TOTP.activate(coordinator, TOTP_SECRET)
        self.rows["users"] += 1

    # Referrals ----------------------------------------------------------------------------------

    def due_on(self, day: date) -> date:
        from huisvanhetkind.core.workdays import add_working_days

        if day not in self.due:
            self.due[day] = add_working_days(day, 5)
        return self.due[day]

    def created_at(self) -> datetime:
        """Over the last two years, a little more each day (twice as many now as a year ago)."""
        rng = self.rng
        age = DAYS * (1 - rng.random() ** 0.5)  # density falls linearly to 0 two years back
        return self.now - timedelta(days=age, seconds=rng.randint(0, 8 * 3600))

    def referral(self, pk: int):
        from huisvanhetkind.referrals.models import Consent, Referral, ReferralEvent

        rng = self.rng
        created = self.created_at()
        age = (self.now - created).days
        status = weighted(rng, next(w for limit, w in BY_AGE if age < limit))
        sender = rng.choices(self.senders, self.send_weights)[0]
        receiver = rng.choices(self.receivers, self.receive_weights)[0]
        while receiver == sender:
            receiver = rng.choices(self.receivers, self.receive_weights)[0]
        services = self.services.get(receiver, [])
        service = rng.choice(services) if services and rng.random() < 0.85 else None
        path = list(PATHS.get(status, []))
        if status == "closed":
            outcome = weighted(rng, OUTCOMES_BEFORE_CLOSING)
            path = (
                [*ACCEPTED_PATH, "not_reached", "closed"]
                if outcome == "not_reached"
                else [*PATHS[outcome], "closed"]
            )
        # The moments of the steps: hours to days apart, never after now.
        span = max((self.now - created).total_seconds(), 60)
        moments = [created]
        for _step in path[1:]:
            gap = min(rng.expovariate(1 / (36 * 3600)), span / len(path))
            moments.append(min(moments[-1] + timedelta(seconds=60 + gap), self.now))
        times = dict(zip(path, moments, strict=True))
        referrer = rng.choice(self.people[sender])
        handlers = self.people[receiver]
        ended = status in END_STATES
        closed_at = moments[-1] if ended else None
        erased = ended and closed_at < self.now - timedelta(days=365)
        decline_reason = weighted(rng, DECLINE_REASONS) if status == "declined" else ""
        consent_ends = created.date() + timedelta(days=rng.choice((90, 180, 365)))
        consent = Consent(
            id=pk,
            house_id=self.house.pk,
            family_id=None,
            given_by="parent" if rng.random() < 0.9 else "young_person",
            recipient_id=receiver,
            requested_by_id=sender,
            recorded_by_id=referrer,
            purpose=rng.choice(PURPOSES),
            data_categories=["contact", "reason"],
            obtained_via=weighted(rng, {"in_person": 6, "phone": 3, "family_online": 1}),
            given_at=created,
            expires_on=consent_ends,
            withdrawn_at=times.get("consent_withdrawn"),
        )
        referral = Referral(
            id=pk,
            house_id=self.house.pk,
            from_organisation_id=sender,
            referrer_id=referrer,
            to_organisation_id=receiver,
            service_id=service,
            handler_id=rng.choice(handlers) if "accepted" in times and rng.random() < 0.6 else None,
            domain_id=self.service_domain.get(service),
            consent_id=pk,
            family_id=None,
            contact_preference=weighted(rng, {"phone": 5, "email": 3, "text": 1, "together": 1}),
            contact_note="" if erased else rng.choice(NOTES),
            reason="" if erased else rng.choice(REASONS),
            language=weighted(rng, {"nl": 85, "fr": 5, "en": 5, "ar": 5}),
            status=status,
            decline_reason=decline_reason,
            token_hash=None if erased else digest(f"bench-link-{self.seed}-{pk}"),
            short_code_hash=None if erased else digest(f"bench-code-{self.seed}-{pk}"),
            created_at=created,
            due_on=self.due_on(created.date()),
            received_at=times.get("received") or times.get("accepted") or times.get("declined"),
            accepted_at=times.get("accepted"),
            answered_at=times.get("accepted") or times.get("declined"),
            closed_at=closed_at,
            status_changed_at=moments[-1],
            erased_at=closed_at + timedelta(days=365) if erased else None,
        )
        events = [
            ReferralEvent(
                referral_id=pk,
                from_status=path[i - 1] if i else "",
                to_status=state,
                actor_kind=(
                    "receiver"
                    if state in RECEIVER_ACTS
                    else "family"
                    if state == "consent_withdrawn"
                    else "system"
                    if state == "expired"
                    else "referrer"
                ),
                actor_id=(
                    referrer
                    if state in ("sent", "withdrawn")
                    else referral.handler_id or handlers[0]
                    if state in RECEIVER_ACTS
                    else None
                ),
                organisation_id=(
                    sender
                    if state in ("sent", "withdrawn")
                    else receiver
                    if state in RECEIVER_ACTS
                    else None
                ),
                note=dict(DECLINE_REASON_LABELS).get(decline_reason, "")
                if state == "declined"
                else "",
                created_at=times[state],
            )
            for i, state in enumerate(path)
        ]
        return consent, referral, events

    def generate(self) -> dict:
        from huisvanhetkind.referrals.models import Consent, Referral, ReferralEvent

        self.partners()
        self.workers()
        pk = 0
        while pk < self.total:
            consents, referrals, events = [], [], []
            for _ in range(min(CHUNK, self.total - pk)):
                pk += 1
                consent, referral, history = self.referral(pk)
                consents.append(consent)
                referrals.append(referral)
                events.extend(history)
            Consent.objects.bulk_create(consents, batch_size=BATCH)
            Referral.objects.bulk_create(referrals, batch_size=BATCH)
            ReferralEvent.objects.bulk_create(events, batch_size=BATCH)
            self.rows["consents"] += len(consents)
            self.rows["referrals"] += len(referrals)
            self.rows["events"] += len(events)
        return self.rows


DECLINE_REASON_LABELS = (
    ("no_capacity", "geen plaats of capaciteit"),
    ("not_eligible", "het gezin komt niet in aanmerking"),
    ("wrong_service", "een ander aanbod past beter"),
    ("already_known", "het gezin krijgt al hulp van ons"),
    ("outside_area", "buiten ons werkgebied"),
    ("other", "andere reden"),
)


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="1.0 = 200,000 referrals")
    parser.add_argument("--database-url", help="default: $DATABASE_URL or var/bench.sqlite3")
    parser.add_argument("--house", help="the house's slug (default: the one with most partners)")
    parser.add_argument("--seed", type=int, default=20261214)
    parser.add_argument(
        "--today", type=date.fromisoformat, help="the last day referrals are sent (default: today)"
    )
    parser.add_argument("--output", help="write the sizes and timings as JSON to this file")
    args = parser.parse_args(argv)

    url = database_url(args.database_url)
    refuse_unless_bench(url, "referrals")
    setup_django(url)
    from django.conf import settings
    from django.db.models import Count
    from django.utils import timezone

    from huisvanhetkind.referrals.models import Consent, Referral, ReferralEvent

    settings.DEBUG = False  # no SQL log of a million rows
    today = args.today or timezone.localdate()
    log(f"Referrals at scale {args.scale} in {describe(url)} (seed {args.seed}, up to {today})")
    # The events first: TRUNCATE and DELETE go from what refers to what it refers to.
    generator, rows, timings = generate_afresh(
        [ReferralEvent, Referral, Consent],
        BENCH_DOMAIN,
        lambda: Generator(args.scale, args.seed, today, args.house),
    )

    house = generator.house
    in_house = Referral.objects.filter(house=house)
    received = sorted(
        in_house.values("to_organisation").annotate(n=Count("id")).values_list("n", flat=True)
    )
    sent = sorted(
        in_house.values("from_organisation").annotate(n=Count("id")).values_list("n", flat=True)
    )
    sizes = {
        "house": house.slug,
        "partners": len(generator.organisations),
        "referrals": rows["referrals"],
        "consents": rows["consents"],
        "events": rows["events"],
        "workers": rows["users"],
        "running": in_house.running().count(),
        "awaiting_answer": in_house.awaiting_answer().count(),
        "late": in_house.late(today).count(),
        "erased": in_house.filter(erased_at__isnull=False).count(),
        "received_by_largest": received[-1],
        "received_median": received[len(received) // 2],
        "sent_by_largest": sent[-1],
        "sent_median": sent[len(sent) // 2],
        "database_mb": database_mb(url),
    }
    for name, value in sizes.items():
        log(f"  {name:<22} {value:>10,}" if isinstance(value, int) else f"  {name:<22} {value}")
    result = {
        "database": describe(url),
        "scale": args.scale,
        "seed": args.seed,
        "today": today.isoformat(),
        "measured_users": generator.measured,
        "sizes": sizes,
        "seconds": {k: round(v, 1) for k, v in timings.items()},
    }
    write_json(args.output, result)
    return result


if __name__ == "__main__":
    main()
