"""Questions: a question asked, answered, followed up, noted, forwarded and closed through the
services (so that their audit events are searched too), then aged past its retention."""

from huisvanhetkind.questions import services
from huisvanhetkind.questions.models import Question, QuestionEvent, Topic
from tests.factories import OrganisationFactory, RoutingRuleFactory

QUESTION = "questions.Question"
EVENT = "questions.QuestionEvent"


def seed_question(sweep):
    topic = Topic.objects.get(slug="slapen", house=None)
    RoutingRuleFactory(
        house=sweep.house, position=1, name="Slapen", topic=topic, organisation=sweep.organisation
    )
    question, _token = services.question_submit(
        house=sweep.house,
        text=f"Mijn kind {sweep.marker(QUESTION)} slaapt slecht.",
        about=Question.About.CHILD,
        child_age=2,
        topic=topic,
        municipality=sweep.house.municipalities.first(),
        channel=Question.Channel.EMAIL,
        name=sweep.marker(QUESTION),
        email=sweep.email(QUESTION),
    )
    worker = sweep.worker
    services.question_note_add(question=question, actor=worker, body=f"Ken {sweep.marker(EVENT)}")
    services.question_answer(question=question, actor=worker, body=f"Dag {sweep.marker(EVENT)}")
    services.question_follow_up(question=question, body=f"Nog iets, {sweep.marker(EVENT)}")
    services.question_forward(
        question=question,
        actor=worker,
        organisation=OrganisationFactory(houses=[sweep.house], domains=[]),
        note=f"Voor {sweep.marker(EVENT)}",
    )
    services.question_close(question=Question.objects.get(pk=question.pk), actor=None)
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
