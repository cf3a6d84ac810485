"""Questions: a closed question past its retention, with an answer and a parent's follow-up."""

from huisvanhetkind.questions.models import Question, QuestionEvent
from huisvanhetkind.questions.workflow import QuestionStatus
from tests.factories import QuestionFactory

QUESTION = "questions.Question"
EVENT = "questions.QuestionEvent"


def seed_question(sweep):
    question = QuestionFactory(
        house=sweep.house,
        organisation=sweep.organisation,
        name=sweep.marker(QUESTION),
        email=sweep.email(QUESTION),
        phone=sweep.phone(QUESTION),
        text=f"Mijn kind {sweep.marker(QUESTION)} slaapt slecht.",
        status=QuestionStatus.CLOSED,
    )
    for kind in (QuestionEvent.Kind.ANSWER, QuestionEvent.Kind.FOLLOW_UP, QuestionEvent.Kind.NOTE):
        question.events.create(kind=kind, body=f"Over {sweep.marker(EVENT)}")
    long_ago = sweep.days_ago()
    Question.objects.filter(pk=question.pk).update(
        created_at=long_ago, closed_at=long_ago, answered_at=long_ago
    )
    QuestionEvent.objects.filter(question=question).update(created_at=long_ago)


SEEDERS = {QUESTION: seed_question, EVENT: seed_question}

KEPT = {
    "questions.FaqEntry": "kept as long as the answer is published (no family data)",
    "questions.RoutingRule": "kept as long as the rule",
}
