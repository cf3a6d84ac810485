import re

import pytest

from huisvanhetkind.core.tokens import token_digest
from huisvanhetkind.questions.models import Question
from tests.questions.conftest import form_data


def url(house):
    return f"/{house.slug}/vraag/"


def test_a_parent_asks_without_an_account_and_gets_a_private_link(
    parent_client, house, sleep_topic, sleep_rule, on_commit, mailoutbox, worker
):
    with on_commit():
        response = parent_client.post(url(house), form_data(house, sleep_topic))
    assert response.status_code == 302
    private = response["Location"]
    assert private.startswith(f"/{house.slug}/vraag/antwoord/")
    question = Question.objects.get()
    token = private.split("/")[-2]
    assert len(token) >= 43 and question.token_hash == token_digest(token)
    assert question.organisation == sleep_rule.organisation
    assert question.age_group.slug == "0-3"
    page = parent_client.get(private)
    assert page.status_code == 200
    assert "Mijn baby huilt veel" in page.content.decode()
    assert page["Referrer-Policy"] == "same-origin"
    to_parent = [m for m in mailoutbox if "ouder@example.be" in m.to]
    assert to_parent and token in to_parent[0].body
    to_partner = [m for m in mailoutbox if worker.email in m.to]
    assert to_partner and "huilt" not in to_partner[0].body


def test_the_question_text_and_contact_are_encrypted_at_rest(house, sleep_topic, parent_client):
    parent_client.post(url(house), form_data(house, sleep_topic, name="An Peeters"))
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT text, name, email FROM questions_question")
        text, name, email = cursor.fetchone()
    assert "baby" not in text and "Peeters" not in name and "example" not in email
    assert Question.objects.get().name == "An Peeters"


def test_an_anonymous_question_needs_no_contact(parent_client, house, sleep_topic):
    response = parent_client.post(
        url(house), form_data(house, sleep_topic, channel="page", email="")
    )
    assert response.status_code == 302
    question = Question.objects.get()
    assert question.email == "" and question.phone == "" and question.name == ""


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"text": ""}, "Schrijf je vraag."),
        ({"text": "   <b></b>  "}, "Schrijf je vraag."),
        ({"text": "x" * 2001}, "niet meer dan 2000 tekens"),
        ({"consent": ""}, "Zonder je toestemming"),
        ({"about": "child", "child_age": ""}, "leeftijd van je kind"),
        ({"channel": "email", "email": ""}, "e-mailadres in"),
        ({"channel": "phone", "phone": ""}, "telefoonnummer in"),
        ({"channel": "phone", "phone": "bel me"}, "Vul een telefoonnummer in"),
        ({"topic": "999999"}, "Selecteer een geldige keuze"),
    ],
)
def test_bad_input_gets_a_dutch_message_and_stores_nothing(
    parent_client, house, sleep_topic, overrides, message
):
    response = parent_client.post(url(house), form_data(house, sleep_topic, **overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Question.objects.exists()
    # Positive control: the same form without the fault is stored.
    assert parent_client.post(url(house), form_data(house, sleep_topic)).status_code == 302
    assert Question.objects.count() == 1


def test_html_and_script_tags_are_stripped(parent_client, house, sleep_topic):
    text = '<script>alert("x")</script><p>Mag mijn <b>kind</b> <a href="http://spam">hier</a> naartoe?</p>'
    parent_client.post(url(house), form_data(house, sleep_topic, text=text, name="<i>An</i>"))
    question = Question.objects.get()
    assert "<" not in question.text and "Mag mijn kind hier naartoe?" in question.text
    assert question.name == "An"


def test_a_filled_honeypot_stores_nothing(parent_client, house, sleep_topic, mailoutbox, on_commit):
    with on_commit():
        response = parent_client.post(
            url(house), form_data(house, sleep_topic, website_url="http://spam.example")
        )
    assert response.status_code == 200
    assert "kon niet verstuurd worden" in response.content.decode()
    assert not Question.objects.exists() and mailoutbox == []
    # Positive control: the same form with the hidden field left empty is stored.
    assert parent_client.post(url(house), form_data(house, sleep_topic)).status_code == 302
    assert Question.objects.count() == 1


def test_the_form_hides_the_honeypot_from_people(parent_client, house, sleep_topic):
    html = parent_client.get(url(house)).content.decode()
    assert re.search(r'<div class="field" hidden>\s*<label for="id_website_url"', html)
    assert 'tabindex="-1"' in html


def test_a_tampered_or_unknown_link_is_not_found(parent_client, house, sleep_topic, other_house):
    response = parent_client.post(url(house), form_data(house, sleep_topic))
    private = response["Location"]
    token = private.split("/")[-2]
    tampered = private.replace(token, token[:-1] + ("A" if token[-1] != "A" else "B"))
    assert parent_client.get(private).status_code == 200  # positive control
    assert parent_client.get(tampered).status_code == 404
    assert parent_client.get(f"/{house.slug}/vraag/antwoord/kort/").status_code == 404
    # The right link under another house is not found either.
    assert parent_client.get(private.replace(house.slug, other_house.slug)).status_code == 404


def test_the_parent_asks_more_on_the_private_page(
    parent_client, house, sleep_topic, routed_question, worker
):
    from huisvanhetkind.questions import services

    response = parent_client.post(
        url(house), form_data(house, sleep_topic, email="ander@example.be")
    )
    private = response["Location"]
    question = Question.objects.get(email__isnull=False, pk__gt=routed_question.pk)
    services.question_answer(question=question, actor=worker, body="Leg je baby op de rug.")
    page = parent_client.get(private).content.decode()
    assert "Leg je baby op de rug." in page
    response = parent_client.post(private, {"body": "<script>x</script>En overdag?"})
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.status == "in_progress"
    assert "En overdag?" in parent_client.get(private).content.decode()
    assert parent_client.post(private, {"body": ""}).status_code == 200


def test_more_than_five_questions_an_hour_from_one_address_are_refused(
    parent_client, house, sleep_topic
):
    for n in range(5):
        response = parent_client.post(
            url(house), form_data(house, sleep_topic, email=f"ouder{n}@example.be")
        )
        assert response.status_code == 302
    response = parent_client.post(url(house), form_data(house, sleep_topic, email="nog@example.be"))
    assert response.status_code == 429
    assert "voorbije uur al veel vragen" in response.content.decode()
    assert Question.objects.count() == 5


def test_more_than_three_questions_an_hour_from_one_email_are_refused(house, sleep_topic):
    from django.test import Client

    for n in range(3):
        client = Client(REMOTE_ADDR=f"10.0.0.{n}")
        assert (
            client.post(
                url(house), form_data(house, sleep_topic, email="Zelfde@example.be")
            ).status_code
            == 302
        )
    response = Client(REMOTE_ADDR="10.0.0.9").post(
        url(house), form_data(house, sleep_topic, email="zelfde@example.be")
    )
    assert response.status_code == 429
    assert "Met dit e-mailadres" in response.content.decode()
    assert Question.objects.count() == 3


def test_a_house_offers_only_its_own_topics_and_municipalities(
    parent_client, house, other_house, sleep_topic
):
    from huisvanhetkind.questions.models import Topic

    own = Topic.objects.create(house=other_house, slug="eigen", name="Eigen onderwerp")
    html = parent_client.get(url(house)).content.decode()
    assert "Eigen onderwerp" not in html and "Slapen" in html
    response = parent_client.post(
        url(house),
        form_data(house, own, municipality=str(other_house.municipalities.first().pk)),
    )
    assert response.status_code == 200
    assert not Question.objects.exists()
    # Positive control: the house's own topic and municipality are taken.
    assert parent_client.post(url(house), form_data(house, sleep_topic)).status_code == 302
    assert Question.objects.count() == 1
