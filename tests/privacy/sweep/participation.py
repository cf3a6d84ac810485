"""Participation: a free-text answer to a survey that closed longer than its retention ago."""

from datetime import timedelta

from django.utils import timezone

from huisvanhetkind.participation import services

ANONYMOUS = "anonymous: counts and choices, kept as long as the survey"


def seed_free_text(sweep):
    now = timezone.now()
    survey = services.survey_create(
        actor=None,
        house=sweep.house,
        data={
            "title": f"Bevraging {sweep.token}",
            "opens_at": sweep.days_ago(2000),
            "closes_at": now + timedelta(days=1),
        },
    )
    question = services.question_save(
        actor=None, section=survey.sections.get(), data={"text": "Wat denk je?", "kind": "text"}
    )
    services.survey_publish(actor=None, survey=survey)
    services.response_submit(
        survey=survey,
        answers={question.pk: f"Ik ben {sweep.marker('participation.Answer')}"},
    )
    survey.closes_at = sweep.days_ago(1990)
    survey.save(update_fields=["closes_at"])


SEEDERS = {"participation.Answer": seed_free_text}

KEPT = {
    "participation.Response": ANONYMOUS,
    "participation.Survey": "kept as long as the survey (no family data)",
    "participation.OpenDataSetting": "kept as long as the house",
}
