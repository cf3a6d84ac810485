"""Surveys for the tests, made through the services as an author would."""

from datetime import timedelta

import pytest
from django.utils import timezone

from huisvanhetkind.participation import services
from huisvanhetkind.participation.models import QuestionKind


def make_survey(
    house,
    author,
    *,
    title="Hoe vind je het Huis van het Kind?",
    child_mode=False,
    opens_days=-1,
    closes_days=10,
    publish=True,
    kinds=(
        QuestionKind.SINGLE,
        QuestionKind.MULTIPLE,
        QuestionKind.SCALE,
        QuestionKind.TEXT,
        QuestionKind.POSTCODE,
        QuestionKind.AGE_GROUP,
    ),
    sections=1,
):
    now = timezone.now()
    survey = services.survey_create(
        actor=author,
        house=house,
        data={
            "title": title,
            "intro": "Zeg ons wat je denkt.",
            "child_mode": child_mode,
            "opens_at": now + timedelta(days=opens_days),
            "closes_at": now + timedelta(days=closes_days),
        },
    )
    section_list = list(survey.sections.all())
    for n in range(1, sections):
        section_list.append(
            services.section_save(actor=author, survey=survey, data={"title": f"Deel {n + 1}"})
        )
    for i, kind in enumerate(kinds):
        question = services.question_save(
            actor=author,
            section=section_list[i % len(section_list)],
            data={"text": f"Vraag {i + 1} ({kind})", "kind": kind},
        )
        if kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
            for label in ("Ja", "Nee", "Soms"):
                services.choice_add(actor=author, question=question, label=label)
    if publish:
        survey = services.survey_publish(actor=author, survey=survey)
    return survey


def close(survey):
    """Move the survey's closing into the past (as if time passed)."""
    survey.opens_at = timezone.now() - timedelta(days=20)
    survey.closes_at = timezone.now() - timedelta(days=1)
    survey.save(update_fields=["opens_at", "closes_at"])
    return survey


def answer_with(survey, **by_kind):
    """An answer through the service: ``by_kind`` maps a kind to a value (a choice label, a
    list of labels, a text, a postcode)."""
    answers = {}
    for question in services.survey_questions(survey):
        value = by_kind.get(question.kind)
        if value is None:
            continue
        if question.has_choices:
            labels = value if isinstance(value, list) else [value]
            picked = [
                str(c.pk)
                for c in question.choices.all()
                if c.label in labels or str(c.value) in labels
            ]
            answers[question.pk] = picked if question.many else picked[0]
        else:
            answers[question.pk] = value
    return services.response_submit(survey=survey, answers=answers)


@pytest.fixture
def survey(house, coordinator):
    return make_survey(house, coordinator)
