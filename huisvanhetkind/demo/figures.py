"""The made-up history behind the demo houses' needs and reach pages, read from
``data/figures.toml``: a year of parents' questions (answered by the partner they went to),
registrations for activities (some with the social-tariff box), a bridge worker's signals to
policy, referrals declined for lack of capacity or closed as "could not get help", and childcare
requests that found no place.

Written through the apps' services, without e-mail (``core.mail.no_mail``); as the services
write everything "now", the dates are set back afterwards (as in ``demo/childcare_desk.py``).
Drawn with a fixed seed, dated relative to ``today``. Each part is written once: when the house
already has what that part writes (any question; the activity of that title; a signal with one
of these texts; the first of these referrals; a request of the first of these families), it is
left alone, with whatever the demo's visitors did.
"""

import random
from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from huisvanhetkind.activities import services as activity_services
from huisvanhetkind.activities.models import Activity, Registration, Session
from huisvanhetkind.activities.services_registrations import registration_create
from huisvanhetkind.catalogue.models import Service
from huisvanhetkind.childcare.models import ChildcareLocation, ChildcareRequest
from huisvanhetkind.childcare.months import add_months, first_of_month
from huisvanhetkind.childcare.services_requests import Wish, request_submit, request_withdraw
from huisvanhetkind.core.digests import EMAIL, contact_digest
from huisvanhetkind.core.mail import no_mail
from huisvanhetkind.demo.referrals import _ReferralSeeder, demo_referral_rows, demo_referral_token
from huisvanhetkind.guidance import services as guidance_services
from huisvanhetkind.guidance.models import PolicySignal
from huisvanhetkind.network.models import AgeGroup, Domain, House, Location, Municipality, Role
from huisvanhetkind.questions import services as question_services
from huisvanhetkind.questions.models import Question, QuestionEvent, Topic
from huisvanhetkind.referrals import selectors as referral_selectors

MONTHS = 12
# The hour things happen at (plus a drawn number of minutes).
AT = time(9, 0)
# Sessions are made a year ahead (registration needs a coming session), then moved back by
# this many days (whole weeks: the weekday stays).
SESSION_SHIFT = 371
# The childcare requests' e-mail addresses: also the mark that they were written.
CHILDCARE_EMAIL = "opvangwacht{:02d}@example.be"


def _weighted(rng: random.Random, weights: dict) -> str:
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


def _moment(rng: random.Random, day: date) -> datetime:
    minutes = rng.randrange(0, 9 * 60)
    return timezone.make_aware(datetime.combine(day, AT) + timedelta(minutes=minutes))


def _days_of_months(rng: random.Random, per_month: list[int], today: date):
    """Days spread over the last 12 months (this one up to yesterday), ``per_month[i]`` in the
    i-th month, the oldest first."""
    this_month = first_of_month(today)
    for index, count in enumerate(per_month[-MONTHS:]):
        month = add_months(this_month, index - MONTHS + 1)
        last = min(add_months(month, 1) - timedelta(days=1), today - timedelta(days=1))
        span = (last - month).days
        if span < 0:
            continue
        for _ in range(count):
            yield month + timedelta(days=rng.randint(0, span))


# --- Questions ---------------------------------------------------------------------------------


def _handler(question: Question, handlers: dict, coordinator):
    """Who answers: the question's handler, else someone of its partner (remembered in
    ``handlers``), else the coordinator."""
    if question.assignee_id:
        return question.assignee
    if question.organisation_id:
        if question.organisation_id not in handlers:
            role = Role.objects.filter(organisation_id=question.organisation_id).order_by("pk")
            handlers[question.organisation_id] = role.first()
        if handlers[question.organisation_id] is not None:
            return handlers[question.organisation_id].user
    return coordinator


def _questions(row: dict, texts: dict, house: House, rng: random.Random, today: date) -> None:
    if Question.objects.filter(house=house).exists():
        return
    topics = {t.slug: t for t in Topic.objects.for_house(house)}
    places = {m.name: m for m in house.municipalities.all()}
    coordinator = (
        Role.objects.filter(house=house, kind=Role.Kind.COORDINATOR).order_by("pk").first()
    )
    coordinator = coordinator.user if coordinator else None
    handlers = {}
    for day in sorted(_days_of_months(rng, row["per_month"], today)):
        slug = _weighted(rng, row["topics"])
        age = _weighted(rng, row["ages"])
        place = _weighted(rng, row["municipalities"])
        question, _token = question_services.question_submit(
            house=house,
            text=texts[slug],
            about=Question.About.EXPECTING if age == "expecting" else Question.About.CHILD,
            child_age=None if age == "expecting" else int(age),
            topic=topics[slug],
            municipality=places.get(place),
            channel=Question.Channel.PAGE,
        )
        question_services.question_answer(
            question=question, actor=_handler(question, handlers, coordinator), body=texts["answer"]
        )
        asked = _moment(rng, day)
        answered = min(asked + timedelta(hours=rng.randint(2, 70)), timezone.now())
        Question.objects.filter(pk=question.pk).update(
            created_at=asked,
            consent_at=asked,
            due_on=asked.date() + timedelta(days=5),
            first_answered_at=answered,
            answered_at=answered,
        )
        events = list(QuestionEvent.objects.filter(question=question).order_by("pk"))
        for event, moment in zip(events, (asked, answered), strict=False):
            QuestionEvent.objects.filter(pk=event.pk).update(created_at=moment)


# --- Registrations -----------------------------------------------------------------------------


def _registrations(
    row: dict, number: int, house: House, organisations: dict, rng: random.Random, today: date
) -> None:
    """An activity with a session every four weeks over the past year and its families (their
    numbers, in their names and phone numbers, from ``number`` on)."""
    if Activity.objects.filter(house=house, title=row["title"]).exists():
        return
    activity = Activity(
        house=house,
        title=row["title"],
        summary=row["summary"],
        location=Location.objects.get(house=house, name=row["location"]),
        is_free=True,
        registration=Activity.RegistrationMode.REQUIRED,
        capacity=40,
        status=Activity.Status.PUBLISHED,
    )
    activity_services.activity_save(
        activity=activity,
        actor=None,
        organisations=[organisations[row["organisation"]]],
        domains=Domain.objects.filter(slug="vrije-tijd-ontmoeting"),
        age_groups=AgeGroup.objects.filter(slug__in=["0-3", "3-6"]),
    )
    sessions = activity_services.sessions_generate(
        activity=activity,
        actor=None,
        rule="FREQ=WEEKLY;INTERVAL=4;BYDAY=SA",
        first_day=today + timedelta(days=1),
        starts=time(9, 30),
        ends=time(11, 30),
        until=today + timedelta(days=SESSION_SHIFT - 1),
    )
    low, high = row["per_session"]
    made = []
    for session in sessions:
        starts = session.starts_at - timedelta(days=SESSION_SHIFT)
        for _ in range(rng.randint(low, high)):
            number += 1
            registration, _signed = registration_create(
                session=session,
                name=f"Gezin {number:03d}",
                phone=f"0490 11 {number // 100:02d} {number % 100:02d}",
                adults=rng.choice((1, 1, 2)),
                children_ages=[rng.randint(0, 5) for _ in range(rng.choice((1, 1, 2)))],
                social_tariff=rng.random() < row["social_tariff"],
            )
            made.append((registration.pk, starts - timedelta(days=rng.randint(1, 20))))
    for pk, moment in made:
        Registration.objects.filter(pk=pk).update(created_at=moment, consent_at=moment)
    Session.objects.filter(activity=activity).update(
        starts_at=F("starts_at") - timedelta(days=SESSION_SHIFT),
        ends_at=F("ends_at") - timedelta(days=SESSION_SHIFT),
    )


# --- Signals to policy -------------------------------------------------------------------------


def _signals(row: dict, house: House, rng: random.Random, today: date) -> None:
    if PolicySignal.objects.filter(house=house, text__in=row["texts"]).exists():
        return
    bridge_worker = get_user_model().objects.get(username=row["bridge_worker"])
    domains = {d.slug: d for d in Domain.objects.all()}
    age_groups = {a.slug: a for a in AgeGroup.objects.all()}
    places = {m.name: m for m in house.municipalities.all()}
    for day in sorted(_days_of_months(rng, row["per_month"], today)):
        guidance_services.policy_signal_record(
            actor=bridge_worker,
            house=house,
            domain=domains[_weighted(rng, row["domains"])],
            age_group=age_groups[_weighted(rng, row["age_groups"])],
            municipality=places[_weighted(rng, row["municipalities"])],
            text=rng.choice(row["texts"]),
            observed_on=day,
            now=_moment(rng, day),
        )


# --- Referrals ---------------------------------------------------------------------------------


def _referrals(data: dict, house: House, organisations: dict, today: date) -> None:
    rows = demo_referral_rows({"referrals": []} | data)
    if not rows or referral_selectors.referral_by_token(house, demo_referral_token(rows[0]["key"])):
        return
    services = {
        (row["to"], row["service"]): Service.objects.get(
            organisation=organisations[row["to"]], name=row["service"]
        )
        for row in rows
    }
    seeder = _ReferralSeeder(
        house=house,
        accounts=data["accounts"],
        organisations=organisations,
        services=services,
        today=today,
    )
    for row in rows:
        seeder.referral(row)


# --- Childcare not found -----------------------------------------------------------------------


def _childcare(data: dict, house: House, rng: random.Random, today: date) -> None:
    first = contact_digest(CHILDCARE_EMAIL.format(1), EMAIL)
    if ChildcareRequest.objects.filter(house=house, family__email_digest=first).exists():
        return
    locations = list(
        ChildcareLocation.objects.published_in(house).filter(min_age_months=0).order_by("pk")
    )
    if not locations:
        return
    homes = {name: Municipality.objects.get(name=name) for name in data["municipalities"]}
    made = []
    for number in range(1, data["requests"] + 1):
        filed_on = today - timedelta(days=rng.randint(*data["filed"]))
        start = add_months(first_of_month(filed_on), rng.randint(*data["wait"]))
        childcare_request, _key = request_submit(
            house=house,
            municipality=homes[_weighted(rng, data["municipalities"])],
            name=f"Gezin Opvangwacht {number:02d}",
            email=CHILDCARE_EMAIL.format(number),
            child_first_name="Kindje",
            birth_date=filed_on - timedelta(days=rng.randint(20, 200)),
            wished_start=start,
            half_days=rng.choice((6, 8, 10)),
            wishes=[Wish(location=rng.choice(locations), rank=1)],
            working=True,
            sworn=True,
            social_tariff=rng.random() < 0.25,
            today=filed_on,
        )
        ended = None
        if rng.random() < data["withdrawn"]:
            ended = _moment(rng, min(add_months(start, rng.randint(1, 3)), today))
            request_withdraw(childcare_request=childcare_request)
        made.append((childcare_request.pk, _moment(rng, filed_on), ended))
    for pk, filed_at, ended in made:
        values = {
            "requested_at": filed_at,
            "confirmed_at": max(filed_at, timezone.now() - timedelta(days=40)),
        }
        if ended is not None:
            values["ended_at"] = ended
        ChildcareRequest.objects.filter(pk=pk).update(**values)


def seed_figures(*, data: dict, houses: dict[str, House], organisations: dict, today: date):
    """Write the demo houses' year of needs and reach once."""
    seed = data["seed"]

    def rng(part: str, key: str) -> random.Random:
        # One generator per part: a part written earlier does not change the others' draws.
        return random.Random(f"{seed}:{part}:{key}")

    with transaction.atomic(), no_mail():
        for row in data.get("questions", []):
            if row["house"] in houses:
                house = houses[row["house"]]
                _questions(row, data["question_texts"], house, rng("questions", house.slug), today)
        for number, row in enumerate(data.get("registrations", [])):
            if row["house"] in houses:
                house = houses[row["house"]]
                _registrations(
                    row, number * 1000, house, organisations, rng("activity", row["title"]), today
                )
        for row in data.get("signals", []):
            if row["house"] in houses:
                house = houses[row["house"]]
                _signals(row, house, rng("signals", house.slug), today)
        referrals = data.get("referrals")
        if referrals and referrals["house"] in houses:
            _referrals(referrals, houses[referrals["house"]], organisations, today)
        childcare = data.get("childcare")
        if childcare and childcare["house"] in houses:
            _childcare(childcare, houses[childcare["house"]], rng("childcare", "requests"), today)
