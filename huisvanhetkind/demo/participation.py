"""The demo's surveys, read from ``data/participation.toml`` and written through the services
of the participation app. Written once: what the demo's visitors change is left alone.

A survey is written when its house has no survey of that title. Its synthetic answers are drawn
with a fixed seed from the weights in the data file (the same answers on every machine); they
are given while the survey is open (the service's ``now``), then the closing date is set where
the data file says, so a closed survey shows its released results at once.
"""

import random
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from huisvanhetkind.network.models import House
from huisvanhetkind.participation import services
from huisvanhetkind.participation.models import (
    Answer,
    Channel,
    OpenDataSetting,
    QuestionKind,
    Survey,
)
from huisvanhetkind.participation.services_open_data import set_open_data

AT = time(10, 0)


def _moment(today: date, days_ago: int) -> datetime:
    return timezone.make_aware(datetime.combine(today - timedelta(days=days_ago), AT))


def _pick(rng: random.Random, weights: list[int], options: list) -> object:
    return rng.choices(options, weights=weights[: len(options)])[0]


def _many(rng: random.Random, weights: list[int], options: list, total: int) -> list:
    picked = [o for o, w in zip(options, weights, strict=False) if rng.random() < w / total]
    return picked or [_pick(rng, weights, options)]


def _answers(rng, questions, spec, n) -> dict:
    answers = {}
    for question, row in zip(questions, spec, strict=True):
        choices = list(question.choices.all())
        weights = row.get("weights", [])
        if question.kind in (QuestionKind.SINGLE, QuestionKind.SCALE):
            answers[question.pk] = str(_pick(rng, weights, choices).pk)
        elif question.kind in (QuestionKind.MULTIPLE, QuestionKind.AGE_GROUP):
            if any(weights):
                total = max(weights) * 1.3
                answers[question.pk] = [
                    str(c.pk)
                    for c in _many(rng, weights, choices, total)
                    if weights[choices.index(c)]
                ]
        elif question.kind == QuestionKind.POSTCODE:
            answers[question.pk] = rng.choice(row["postcodes"])
        elif question.kind == QuestionKind.TEXT and n < len(row.get("texts", [])):
            answers[question.pk] = row["texts"][n][0]
    return answers


def _survey(row: dict, house: House, today: date) -> None:
    if Survey.objects.filter(house=house, title=row["title"]).exists():
        return
    opens = _moment(today, row["opens_days_ago"])
    closes = _moment(today, row["closes_days_ago"])
    now = timezone.now()
    survey = services.survey_create(
        actor=None,
        house=house,
        data={
            "title": row["title"],
            "intro": row["intro"],
            "child_mode": row["child_mode"],
            "opens_at": opens,
            "closes_at": max(closes, now + timedelta(days=1)),
        },
    )
    first = survey.sections.get()
    spec = []
    for i, section_row in enumerate(row["sections"]):
        section = (
            services.section_save(
                actor=None,
                survey=survey,
                section=first,
                data={"title": section_row["title"]},
            )
            if i == 0
            else services.section_save(
                actor=None, survey=survey, data={"title": section_row["title"]}
            )
        )
        for question_row in section_row["questions"]:
            question = services.question_save(
                actor=None,
                section=section,
                data={
                    "text": question_row["text"],
                    "kind": question_row["kind"],
                    "help_text": question_row.get("help_text", ""),
                    "required": question_row.get("required", False),
                },
            )
            for label in question_row.get("choices", []):
                services.choice_add(actor=None, question=question, label=label)
            spec.append(question_row)
    survey = services.survey_publish(actor=None, survey=survey, now=opens)
    questions = services.survey_questions(survey)
    rng = random.Random(row["seed"])
    window = max(1, (min(closes, now) - opens).total_seconds())
    for n in range(row["answers"]):
        moment = opens + timedelta(seconds=window * (n + 0.5) / row["answers"])
        paper = n >= row["answers"] - row["paper_answers"]
        services.response_submit(
            survey=survey,
            answers=_answers(rng, questions, spec, n),
            channel=Channel.PAPER if paper else Channel.ONLINE,
            now=moment,
        )
    reviews = {
        text: review for r in spec for text, review in r.get("texts", []) if review != "pending"
    }
    for answer in Answer.objects.filter(question__section__survey=survey, review="pending"):
        if answer.text in reviews:
            services.answer_review(actor=None, answer=answer, to=reviews[answer.text], now=closes)
    if closes < now:
        services.survey_update(
            actor=None,
            survey=survey,
            data={
                "title": survey.title,
                "intro": survey.intro,
                "child_mode": survey.child_mode,
                "opens_at": opens,
                "closes_at": closes,
            },
        )


def seed_participation(
    *, data: dict, houses: dict[str, House], organisations: dict, today: date
) -> None:
    """Write the demo's surveys once, and switch on the open data of the houses that publish
    it (once: a house whose setting exists is left as the visitors left it)."""
    for row in data.get("surveys", []):
        house = houses.get(row["house"])
        if house is not None:
            _survey(row, house, today)
    for key in data.get("open_data", {}).get("houses", []):
        house = houses.get(key)
        if house is not None and not OpenDataSetting.objects.filter(house=house).exists():
            set_open_data(house=house, enabled=True, actor=None)
