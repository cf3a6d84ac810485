"""Migration 0005 rewrites the routing reasons that named the professional who forwarded a
question, in each of the three languages, and leaves every other reason alone."""

import importlib

import pytest
from django.apps import apps

from huisvanhetkind.questions.models import Question
from tests.questions.conftest import ask

migration = importlib.import_module(
    "huisvanhetkind.questions.migrations.0005_routing_reason_without_names"
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("stored", "rewritten"),
    [
        (
            "Doorgestuurd door sarah.janssens@example.be (van Opvoedingspunt Kalmthout).",
            "Doorgestuurd door Opvoedingspunt Kalmthout.",
        ),
        ("Forwarded by jan@example.be (from de coördinator).", "Forwarded by de coördinator."),
        (
            "Transférée par marie@example.be (de Kraamzorg (Landelijke Thuiszorg)).",
            "Transférée par Kraamzorg (Landelijke Thuiszorg).",
        ),
        # Reasons that name no professional stay as they are.
        ("Thema slaap, gemeente Kalmthout.", "Thema slaap, gemeente Kalmthout."),
        (
            "Doorgestuurd door Opvoedingspunt Kalmthout.",
            "Doorgestuurd door Opvoedingspunt Kalmthout.",
        ),
    ],
)
def test_a_reason_is_rewritten_without_the_name(stored, rewritten):
    assert migration.without_name(stored) == rewritten


def test_the_stored_reasons_lose_the_names(routed_question, house, sleep_topic):
    routed = routed_question.routing_reason
    assert routed  # the routing's own reason, which names no professional
    forwarded, _ = ask(house, sleep_topic)
    Question.objects.filter(pk=forwarded.pk).update(
        routing_reason="Doorgestuurd door sarah.janssens@example.be (van Opvoedingspunt Kalmthout)."
    )
    migration.remove_names(apps, None)
    assert (
        Question.objects.get(pk=forwarded.pk).routing_reason
        == "Doorgestuurd door Opvoedingspunt Kalmthout."
    )
    assert Question.objects.get(pk=routed_question.pk).routing_reason == routed
