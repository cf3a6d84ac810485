"""Migration 0005 rewrites the routing reasons that named the professional who forwarded a
question, in each of the three languages, and leaves every other reason alone. A forwarded
question shows the new reason to the partner it went to, and nothing to a third partner."""

import importlib

import pytest
from django.apps import apps
from django.urls import reverse

from huisvanhetkind.questions import services
from huisvanhetkind.questions.models import Question
from tests.conftest import logged_in
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


def test_the_receiving_partner_reads_the_reason_and_a_third_partner_nothing(
    routed_question, worker, other_organisation, outsider, third_party
):
    services.question_forward(
        question=routed_question, actor=worker, organisation=other_organisation, note="Graag."
    )
    url = reverse("questions:detail", kwargs={"pk": routed_question.pk})
    page = logged_in(outsider).get(url)  # a worker of the partner it went to
    assert page.status_code == 200
    html = page.content.decode()
    assert "Doorgestuurd door Opvoedingspunt Kalmthout." in html
    assert worker.email not in html
    refused = logged_in(third_party).get(url)
    assert refused.status_code == 404
    assert "Doorgestuurd door" not in refused.content.decode()
