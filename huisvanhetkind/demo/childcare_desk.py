"""The demo's work of a Lokaal Loket Kinderopvang, read from ``[desk_work]`` in
``data/childcare.toml`` and written through the childcare services: the income-related tariff of
this year, requests of made-up families (from a fixed seed, so every seed gives the same
families), a few urgent requests, and one finished allocation round for next month whose
places the provider confirmed or refused and some families accepted.

Without e-mail (``core.mail.no_mail``). Written once: when the house has requests, the seeder leaves them and whatever the demo's
visitors did with them alone. The requests are dated over the past months (their
``requested_at`` and ``confirmed_at`` are set back after filing: the services file a request
now), with a few made at the very same minute, so that the round shows its tie-breaks.
"""

import random
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from huisvanhetkind.childcare import services_rounds as round_services
from huisvanhetkind.childcare.models import (
    ChildcareLocation,
    ChildcareRequest,
    Placement,
    PlacementStatus,
    TariffYear,
    UrgentReason,
)
from huisvanhetkind.childcare.months import add_months, first_of_month
from huisvanhetkind.childcare.services_requests import Wish, private_url, request_submit
from huisvanhetkind.childcare.services_tariffs import tariff_year_save
from huisvanhetkind.childcare.services_urgent import urgent_no_place, urgent_submit
from huisvanhetkind.core.mail import no_mail
from huisvanhetkind.network.models import House, Municipality

FIRST_NAMES = (
    "Lotte", "Noah", "Emma", "Mohamed", "Louise", "Arthur", "Nora", "Adam", "Mila", "Jules",
    "Olivia", "Finn", "Yasmine", "Lucas", "Ella", "Victor", "Amira", "Mats", "Lina", "Rayan",
)  # fmt: skip
LAST_NAMES = (
    "Janssens", "Peeters", "Maes", "Jacobs", "El Amrani", "Claes", "Wouters", "Goossens",
    "De Smet", "Vermeulen", "Aerts", "Öztürk", "Hermans", "Nowak", "Van Damme", "Diallo",
)  # fmt: skip
# Where the made-up families live: mostly Kalmthout, some in the neighbouring municipalities.
HOMES = ("Kalmthout",) * 6 + ("Essen", "Wuustwezel", "Kapellen")
NOTES = (
    "",
    "",
    "Liefst dicht bij het station: we nemen de trein naar Antwerpen.",
    "Onze oudste gaat naar de school in Heide.",
    "",
)
CARE_NEEDS = "Ons kind heeft een melkallergie."
# The hour requests are made at, and the minute two families filed at once (a tie).
FILED_AT = time(9, 30)


def _sometime(rng: random.Random, today: date, days_ago: int) -> datetime:
    minutes = rng.randrange(0, 9 * 60)
    moment = datetime.combine(today - timedelta(days=days_ago), FILED_AT) + timedelta(
        minutes=minutes
    )
    return timezone.make_aware(moment)


def _tariff(house: House, figures: dict, today: date) -> None:
    if TariffYear.objects.filter(house=house, year=today.year).exists():
        return
    data = {
        name: (value if isinstance(value, int) else Decimal(value))
        for name, value in figures.items()
    }
    tariff_year_save(house=house, actor=None, year=today.year, data=data)


def _infant_locations(house: House) -> list[ChildcareLocation]:
    """The house's published locations for babies and toddlers (those the requests wish)."""
    return list(
        ChildcareLocation.objects.published_in(house)
        .filter(min_age_months=0)
        .select_related("service")
        .order_by("pk")
    )


def _requests(house: House, count: int, rng: random.Random, today: date, round_month: date):
    """``count`` requests of made-up families: most for the round's month, the rest later."""
    locations = _infant_locations(house)
    # Popular places first: families wish the larger day-care centres more often.
    weights = [location.licensed_places for location in locations]
    homes = {name: Municipality.objects.get(name=name) for name in set(HOMES)}
    filed = []
    for number in range(count):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        later = number >= count * 2 // 3
        start = add_months(round_month, rng.randint(1, 5)) if later else round_month
        # Some of the later starts are for a child still on the way: due before the start.
        born = start - timedelta(
            days=rng.randint(20, 60) if number % 3 == 0 else rng.randint(90, 400)
        )
        expected = born > today
        chosen = []
        for _ in range(rng.randint(1, min(4, len(locations)))):
            location = rng.choices(locations, weights=weights)[0]
            if location not in chosen:
                chosen.append(location)
        sibling_at = chosen[0] if number % 10 == 7 else None
        working = rng.random() < 0.7
        foster = number % 19 == 11
        childcare_request, _key = request_submit(
            house=house,
            municipality=homes[rng.choice(HOMES)],
            name=f"{first} {last}",
            email=f"opvangvraag{number + 1:02d}@example.be",
            phone=f"0470 00 {number // 10:02d} {number % 100:02d}",
            language=("nl", "nl", "nl", "fr", "en")[number % 5],
            child_first_name=rng.choice(FIRST_NAMES),
            birth_date=None if expected else born,
            due_date=born if expected else None,
            wished_start=start,
            half_days=rng.choice((4, 6, 8, 8, 10, 10)),
            days_note=rng.choice(("", "maandag tot donderdag", "woensdag vrij")),
            wishes=[
                Wish(location=location, rank=rank, sibling=location == sibling_at)
                for rank, location in enumerate(chosen, start=1)
            ],
            working=working,
            foster=foster,
            sworn=working or foster or sibling_at is not None,
            social_tariff=rng.random() < 0.2,
            care_needs=CARE_NEEDS if number % 13 == 5 else "",
            note=rng.choice(NOTES),
            today=today,
        )
        filed.append(childcare_request)
    # Dated over the past months; requests 3 and 4 at the very same minute (a tie in the round).
    for index, childcare_request in enumerate(filed):
        moment = _sometime(rng, today, rng.randint(15, 330))
        if index == 4:
            moment = filed[3].requested_at
        ChildcareRequest.objects.filter(pk=childcare_request.pk).update(
            requested_at=moment, confirmed_at=max(moment, timezone.now() - timedelta(days=40))
        )
        childcare_request.requested_at = moment
    return filed


def _urgent(house: House, count: int, rng: random.Random, today: date, desk) -> None:
    """Urgent requests: one filed by a professional, the oldest answered "no place"."""
    kalmthout = Municipality.objects.get(name="Kalmthout")
    reasons = list(UrgentReason)
    made = []
    for number in range(count):
        urgent, _key = urgent_submit(
            house=house,
            family={
                "name": f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
                "email": f"dringend{number + 1:02d}@example.be",
                "phone": f"0480 00 00 {number:02d}",
                "language": "nl",
            },
            child={
                "first_name": rng.choice(FIRST_NAMES),
                "birth_date": today - timedelta(days=rng.randint(120, 900)),
            },
            municipality=kalmthout,
            reason=reasons[number % len(reasons)],
            needed_from=today + timedelta(days=7 + 3 * number),
            half_days=rng.choice((6, 8, 10)),
            situation=(
                "Mama start volgende week met een opleiding tot zorgkundige.",
                "Papa ligt in het ziekenhuis; mama werkt in ploegen.",
                "Het gezin krijgt begeleiding van 1Gezin-1Plan.",
                "Nieuw werk als poetshulp vanaf maandag.",
                "Grootouders vallen weg als opvang.",
            )[number % 5],
            today=today,
        )
        made.append(urgent)
    if made:
        urgent_no_place(
            urgent=made[0],
            actor=desk,
            message=(
                "We vonden deze week geen vrije plaats. De onthaalouder in Nieuwmoer heeft vanaf "
                "volgende maand een plaats: we houden je op de hoogte."
            ),
        )


def _round(house: House, month: date, desk, provider) -> None:
    """Run the round, let the provider confirm all places but one (refused, with a reason) and
    the first families accept theirs."""
    allocation_round = round_services.round_run(house=house, month=month, actor=desk)
    placements = list(
        Placement.objects.filter(round=allocation_round).select_related("request").order_by("pk")
    )
    for index, placement in enumerate(placements):
        if index == len(placements) - 1 and len(placements) > 2:
            round_services.placement_refuse(
                placement=placement,
                actor=provider,
                reason="Het kind heeft zorg nodig die we op die dagen niet kunnen bieden.",
            )
            continue
        round_services.placement_confirm(placement=placement, actor=provider)
    confirmed = Placement.objects.filter(round=allocation_round, status=PlacementStatus.CONFIRMED)
    for placement in list(confirmed.order_by("pk"))[:2]:
        round_services.placement_accept(placement=placement)


def offer_link(house: House) -> str | None:
    """The private page of a demo request whose place the provider confirmed: the family can
    accept or decline it there (None once no such request is left)."""
    placement = (
        Placement.objects.filter(
            request__house=house, status=PlacementStatus.CONFIRMED, round__isnull=False
        )
        .select_related("request", "request__house")
        .order_by("pk")
        .first()
    )
    if placement is None or not placement.request.token:
        return None
    return settings.SITE_URL + private_url(placement.request, placement.request.token)


def seed_childcare_desk(*, data: dict, houses: dict[str, House], today: date) -> None:
    """Write the desk's tariff, requests, urgent requests and finished round once."""
    work = data.get("desk_work")
    if not work:
        return
    house = houses[work["house"]]
    with transaction.atomic(), no_mail():
        _tariff(house, work["tariff"], today)
        if ChildcareRequest.objects.filter(house=house).exists():
            return
        users = get_user_model().objects
        desk, provider = users.get(email=work["desk"]), users.get(email=work["provider"])
        rng = random.Random(work["seed"])
        round_month = add_months(first_of_month(today), work["round_month"])
        _requests(house, work["requests"], rng, today, round_month)
        _urgent(house, work["urgent"], rng, today, desk)
        _round(house, round_month, desk, provider)
