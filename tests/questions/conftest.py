import pytest

from huisvanhetkind.network.models import AgeGroup
from huisvanhetkind.questions import services
from huisvanhetkind.questions.models import Question, Topic
from tests.factories import RoutingRuleFactory


@pytest.fixture
def sleep_topic(db):
    return Topic.objects.get(slug="slapen", house=None)


@pytest.fixture
def school_topic(db):
    return Topic.objects.get(slug="school-leren", house=None)


@pytest.fixture
def sleep_rule(house, organisation, sleep_topic):
    """Questions about sleep go to the Opvoedingspunt."""
    return RoutingRuleFactory(
        house=house, position=1, name="Slapen", topic=sleep_topic, organisation=organisation
    )


def ask(house, topic, **overrides):
    """A question as the public form would submit it, routed and e-mailed by the service;
    returns (question, token). Tests that need a stored question only use QuestionFactory."""
    data = {
        "house": house,
        "text": "Mijn peuter slaapt slecht. Wat kan ik doen?",
        "about": Question.About.CHILD,
        "child_age": 2,
        "topic": topic,
        "municipality": house.municipalities.first(),
        "language": "nl",
        "channel": Question.Channel.EMAIL,
        "email": "ouder@example.be",
    }
    data.update(overrides)
    return services.question_submit(**data)


@pytest.fixture
def routed_question(house, sleep_topic, sleep_rule):
    question, _ = ask(house, sleep_topic)
    return question


def form_data(house, chosen_topic, **overrides):
    data = {
        "text": "Mijn baby huilt veel 's nachts. Is dat normaal?",
        "about": "child",
        "child_age": "0",
        "topic": str(chosen_topic.pk),
        "municipality": str(house.municipalities.first().pk),
        "channel": "email",
        "email": "ouder@example.be",
        "phone": "",
        "name": "",
        "language": "nl",
        "consent": "on",
        "website_url": "",
    }
    data.update(overrides)
    return data


def age_group(slug):
    return AgeGroup.objects.get(slug=slug)
