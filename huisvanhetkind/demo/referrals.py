"""The demo's warm referrals between the Kalmthout partners, in every status, read from
``data/referrals.toml`` and written through the referral services (``referral_send``,
``referral_transition`` with the actor of each step, ``referral_family_outcome``,
``referral_consent_withdraw``), dated over the last months with their ``now``, without e-mail;
routine ones besides, so that the coordinator's figures show numbers.

They are written once: when the house has referrals, the seeder leaves them and whatever the
demo's visitors did with them alone. Each referral's family link and short code are derived from
its key, so the link ``make demo`` prints keeps working when the demo is seeded again.
"""

import base64
import hashlib
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from huisvanhetkind.catalogue.models import Service
from huisvanhetkind.network.models import House, Organisation
from huisvanhetkind.referrals import selectors
from huisvanhetkind.referrals import services as referral_services
from huisvanhetkind.referrals.codes import ALPHABET, SHORT_CODE_LENGTH, format_short_code
from huisvanhetkind.referrals.models import Consent, Referral
from huisvanhetkind.referrals.workflow import Actor, ReferralStatus

S = ReferralStatus
# Days a consent runs when the data says nothing else.
CONSENT_DAYS = 300
# The hour of the day the demo's referrals are sent.
SENT_AT = time(9, 0)
# Who takes a step the data does not assign: the receiving partner, except these.
STEP_ACTOR = {S.WITHDRAWN: Actor.REFERRER, S.EXPIRED: Actor.SYSTEM}


@dataclass
class FamilyLink:
    """The family's own page of the demo's printed referral: the link it got by e-mail, and the
    short code of its slip with the page to type it on."""

    url: str
    code: str
    code_url: str


def demo_referral_token(key: str) -> str:
    """The family link's token of a demo referral, the same in every demo database."""
    digest = hashlib.sha256(f"huisvanhetkind-demo-referral:{key}".encode()).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def demo_short_code(key: str) -> str:
    """The short code of a demo referral's slip, the same in every demo database."""
    digest = hashlib.sha256(f"huisvanhetkind-demo-code:{key}".encode()).digest()
    return "".join(ALPHABET[byte % len(ALPHABET)] for byte in digest[:SHORT_CODE_LENGTH])


def demo_referral_rows(data: dict) -> list[dict]:
    """Every demo referral: the ones written out, then the routine ones, each with a family of
    its own (first names and surnames combined in turn)."""
    rows = list(data["referrals"])
    names = data["routine_names"]
    parents, surnames, children = names["parents"], names["surnames"], names["children"]
    number = 0
    for batch in data.get("routine", []):
        for index in range(batch["count"]):
            number += 1
            common = {k: v for k, v in batch.items() if k not in ("key", "count", "first", "every")}
            rows.append(
                common
                | {
                    "key": f"{batch['key']}-{index + 1}",
                    "sent": batch["first"] + index * batch["every"],
                    "family": {
                        "name": f"{parents[number % len(parents)]} "
                        f"{surnames[number % len(surnames)]}",
                        "email": f"gezin{number:03d}@example.be",
                    },
                    "child": {
                        "first_name": children[number % len(children)],
                        "age_months": 2 + (number * 7) % 60,
                    },
                    "contact_preference": ("phone", "email")[number % 2],
                }
            )
    return rows


class _ReferralSeeder:
    def __init__(
        self,
        *,
        house: House,
        accounts: dict[str, str],
        organisations: dict[str, Organisation],
        services: dict[tuple[str, str], Service],
        today: date,
    ):
        self.house = house
        self.organisations = organisations
        self.services = services
        self.today = today
        users = get_user_model().objects.in_bulk(list(accounts.values()), field_name="username")
        self.users = {name: users[email] for name, email in accounts.items()}

    def sent_at(self, days_ago: float) -> datetime:
        return timezone.make_aware(datetime.combine(self.today - timedelta(days=days_ago), SENT_AT))

    def referral(self, row: dict) -> Referral:
        sent_at = self.sent_at(row["sent"])
        sent_on = sent_at.date()
        family = row["family"]
        child = row["child"]
        service = self.services[(row["to"], row["service"])]
        referral, _token, _code = referral_services.referral_send(
            actor=self.users[row["from"]],
            house=self.house,
            from_organisation=self.organisations[row["from"]],
            to_organisation=self.organisations[row["to"]],
            service=service,
            family={
                "name": family["name"],
                "email": family.get("email", ""),
                "phone": family.get("phone", ""),
                "language": family.get("language", "nl"),
            },
            child={
                "first_name": child["first_name"],
                "birth_date": sent_on - timedelta(days=round(child["age_months"] * 30.4)),
            },
            consent={
                "given_by": Consent.GivenBy.PARENT,
                "obtained_via": row.get("obtained_via", Consent.ObtainedVia.IN_PERSON),
                "purpose": f"{service.name} bij {row['to']}",
                "data_categories": [
                    Consent.DataCategory.CONTACT,
                    Consent.DataCategory.CHILD,
                    Consent.DataCategory.REASON,
                ],
                "expires_on": sent_on + timedelta(days=row.get("consent_days", CONSENT_DAYS)),
            },
            contact_preference=row["contact_preference"],
            contact_note=row.get("contact_note", ""),
            reason=row["reason"],
            now=sent_at,
            notify=False,
            token=demo_referral_token(row["key"]),
            short_code=demo_short_code(row["key"]),
        )
        for status, after, *by in row["steps"]:
            referral = self.step(referral, row, status, sent_at + timedelta(days=after), by)
        return referral

    def step(self, referral: Referral, row: dict, status: str, at: datetime, by: list) -> Referral:
        if at > timezone.now():
            raise ValueError(f"Demo referral {row['key']}: its step {status} lies in the future.")
        by_family = by == [Actor.FAMILY]
        if status == S.CONSENT_WITHDRAWN:
            return referral_services.referral_consent_withdraw(
                referral=referral, now=at, notify=False
            )
        if by_family and status in (S.GOT_HELP, S.NO_HELP):
            return referral_services.referral_family_outcome(
                referral=referral, got_help=status == S.GOT_HELP, now=at
            )
        kind = Actor.FAMILY if by_family else STEP_ACTOR.get(status, Actor.RECEIVER)
        actor = {
            Actor.REFERRER: self.users[row["from"]],
            Actor.RECEIVER: self.users[row["to"]],
        }.get(kind)
        return referral_services.referral_transition(
            referral=referral,
            to=status,
            actor_kind=kind,
            actor=actor,
            decline_reason=row.get("decline_reason", ""),
            decline_note=row.get("decline_note", ""),
            now=at,
            notify=False,
        )


def family_link(house: House, key: str) -> FamilyLink | None:
    """The family's page of the demo referral ``key``, while its link works."""
    token = demo_referral_token(key)
    referral = selectors.referral_by_token(house, token)
    if referral is None:
        return None  # its consent was withdrawn, or the referrer e-mailed a new link
    code = demo_short_code(key)
    coded = selectors.referral_by_short_code(house, code)
    return FamilyLink(
        url=settings.SITE_URL + referral_services.family_url(referral, token),
        code=format_short_code(code) if coded == referral else "",
        code_url=settings.SITE_URL
        + reverse("referrals:family_code", kwargs={"house_slug": house.slug}),
    )


def seed_referrals(
    *,
    data: dict,
    houses: dict[str, House],
    organisations: dict[str, Organisation],
    services: dict[tuple[str, str], Service],
    today: date,
) -> FamilyLink | None:
    """Write the demo's referrals once; return the family link to print."""
    house = houses[data["house"]]
    if not Referral.objects.filter(house=house).exists():
        seeder = _ReferralSeeder(
            house=house,
            accounts=data["accounts"],
            organisations=organisations,
            services=services,
            today=today,
        )
        for row in demo_referral_rows(data):
            seeder.referral(row)
    printed = next(row for row in data["referrals"] if row.get("printed"))
    return family_link(house, printed["key"])
