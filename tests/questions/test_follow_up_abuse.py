"""The parent's private page against abuse: a honeypot and limits per question and per client."""

import pytest

from huisvanhetkind.questions import services, views
from huisvanhetkind.questions.models import QuestionEvent
from tests.questions.conftest import ask


def follow_ups(question):
    return QuestionEvent.objects.filter(question=question, kind=QuestionEvent.Kind.FOLLOW_UP)


def post(client, question, token, body="Nog een vraag.", website_url="", **headers):
    return client.post(
        services.private_url(question, token),
        {"body": body, "website_url": website_url},
        **headers,
    )


@pytest.fixture
def asked(house, sleep_topic, sleep_rule, worker):
    return ask(house, sleep_topic)


def test_a_follow_up_is_stored_and_the_partner_told(
    parent_client, asked, worker, mailoutbox, on_commit
):
    """The positive control of the tests below."""
    question, token = asked
    mailoutbox.clear()
    with on_commit():
        assert post(parent_client, question, token).status_code == 302
    assert follow_ups(question).count() == 1
    assert len(mailoutbox) == 1


def test_a_filled_honeypot_on_the_private_page_stores_nothing(
    parent_client, asked, mailoutbox, on_commit
):
    question, token = asked
    mailoutbox.clear()
    with on_commit():
        response = post(parent_client, question, token, website_url="https://spam.example")
    assert response.status_code == 200
    assert "kon niet verstuurd worden" in response.content.decode()
    assert not follow_ups(question).exists() and mailoutbox == []


def test_the_private_page_hides_the_honeypot(parent_client, asked):
    question, token = asked
    html = parent_client.get(services.private_url(question, token)).content.decode()
    assert '<div class="field" hidden>' in html and 'name="website_url"' in html


def test_too_many_follow_ups_on_one_question_get_429_and_store_nothing(
    parent_client, client, asked, mailoutbox, on_commit
):
    question, token = asked
    for _ in range(views.FOLLOW_UP_QUESTION_LIMIT):
        assert post(parent_client, question, token).status_code == 302
    mailoutbox.clear()
    # Another client address changes nothing: the limit is the question's.
    with on_commit():
        response = post(client, question, token, REMOTE_ADDR="192.0.2.9")
    assert response.status_code == 429
    assert "Probeer het over een uur opnieuw" in response.content.decode()
    assert follow_ups(question).count() == views.FOLLOW_UP_QUESTION_LIMIT
    assert mailoutbox == []
    # Reading the page still works.
    assert parent_client.get(services.private_url(question, token)).status_code == 200


def test_too_many_follow_ups_from_one_client_get_429_and_store_nothing(
    parent_client, client, house, sleep_topic, sleep_rule, worker, mailoutbox, on_commit
):
    questions = [ask(house, sleep_topic) for _ in range(views.FOLLOW_UP_CLIENT_LIMIT + 1)]
    for question, token in questions[:-1]:
        assert post(parent_client, question, token).status_code == 302
    question, token = questions[-1]
    mailoutbox.clear()
    with on_commit():
        response = post(parent_client, question, token)
    assert response.status_code == 429
    assert "Probeer het over een uur opnieuw" in response.content.decode()
    assert not follow_ups(question).exists() and mailoutbox == []
    # Positive control: another client may still write on that question.
    assert post(client, question, token, REMOTE_ADDR="192.0.2.10").status_code == 302
    assert follow_ups(question).count() == 1
