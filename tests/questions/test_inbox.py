import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.questions import services
from huisvanhetkind.questions.models import AnswerTemplate, Question
from tests.conftest import logged_in
from tests.factories import AnswerTemplateFactory, QuestionFactory
from tests.questions.conftest import ask


def detail(question):
    return f"/beheer/vragen/{question.pk}/"


def test_the_partner_sees_the_question_routed_to_it(routed_question, worker):
    client = logged_in(worker)
    inbox = client.get("/beheer/vragen/").content.decode()
    assert f"Vraag #{routed_question.pk}" in inbox
    page = client.get(detail(routed_question)).content.decode()
    assert "Mijn peuter slaapt slecht" in page and "ouder@example.be" in page
    assert "Regel 1 “Slapen”" in page


def test_every_read_by_a_professional_is_audited(routed_question, worker):
    client = logged_in(worker)
    client.get(detail(routed_question))
    client.get(detail(routed_question))
    reads = AuditEvent.objects.filter(
        action=AuditEvent.Action.READ,
        target_type="questions.question",
        target_id=str(routed_question.pk),
    )
    assert reads.count() == 2
    assert reads.first().actor == worker and reads.first().house == routed_question.house
    assert "slaapt" not in reads.first().target_label


def test_the_outsider_never_sees_a_question_not_routed_to_it(
    routed_question, outsider, other_coordinator, worker, coordinator
):
    for user in (outsider, other_coordinator):
        client = logged_in(user)
        assert f"Vraag #{routed_question.pk}" not in client.get("/beheer/vragen/").content.decode()
        assert client.get(detail(routed_question)).status_code == 404
        assert (
            client.post(f"{detail(routed_question)}antwoorden/", {"body": "x"}).status_code == 404
        )
        assert client.post(f"{detail(routed_question)}afsluiten/").status_code == 404
        assert client.get(f"{detail(routed_question)}faq/").status_code == 404
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.READ).exists()
    assert Question.objects.get(pk=routed_question.pk).status == "new"
    assert logged_in(other_coordinator).get("/beheer/huis/kalmthout/vragen/").status_code == 404
    # Positive controls: the partner's worker and the house's coordinator see it, and act on it.
    for user, inbox in (
        (worker, "/beheer/vragen/"),
        (coordinator, "/beheer/huis/kalmthout/vragen/"),
    ):
        client = logged_in(user)
        assert f"Vraag #{routed_question.pk}" in client.get(inbox).content.decode()
        assert client.get(detail(routed_question)).status_code == 200
    assert AuditEvent.objects.filter(action=AuditEvent.Action.READ).count() == 2
    assert logged_in(worker).post(f"{detail(routed_question)}afsluiten/").status_code == 302
    assert Question.objects.get(pk=routed_question.pk).status == "closed"


def test_anonymous_visitors_are_sent_to_log_in(routed_question, parent_client, worker):
    response = parent_client.get(detail(routed_question))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert parent_client.get("/beheer/vragen/").status_code == 302
    # Positive control: logged in, the partner's worker gets the same pages.
    client = logged_in(worker)
    assert client.get(detail(routed_question)).status_code == 200
    assert client.get("/beheer/vragen/").status_code == 200


def test_a_forwarded_question_leaves_the_first_partner(
    routed_question, worker, outsider, other_organisation
):
    client = logged_in(worker)
    response = client.post(
        f"{detail(routed_question)}doorsturen/",
        {"organisation": other_organisation.pk, "handover": "Voor de kraamzorg."},
    )
    assert response.status_code == 302
    assert client.get(detail(routed_question)).status_code == 404
    page = logged_in(outsider).get(detail(routed_question)).content.decode()
    assert "Voor de kraamzorg." in page


def test_the_partner_answers_the_parent_by_email_and_on_the_private_page(
    house, sleep_topic, sleep_rule, worker, parent_client, on_commit, mailoutbox
):
    question, token = ask(house, sleep_topic)
    client = logged_in(worker)
    with on_commit():
        response = client.post(
            f"{detail(question)}antwoorden/", {"body": "Een vast ritueel helpt."}
        )
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.status == "answered" and question.assignee == worker
    mail = [m for m in mailoutbox if m.to == ["ouder@example.be"] and "Antwoord" in m.subject]
    assert mail and "Een vast ritueel helpt." in mail[0].body and token in mail[0].body
    page = parent_client.get(services.private_url(question, token)).content.decode()
    assert "Een vast ritueel helpt." in page


def test_an_empty_answer_is_refused_in_dutch(routed_question, worker):
    response = logged_in(worker).post(f"{detail(routed_question)}antwoorden/", {"body": " "})
    assert response.status_code == 400
    assert "Schrijf een antwoord." in response.content.decode()
    assert Question.objects.get(pk=routed_question.pk).status == "new"


def test_a_forbidden_transition_shows_a_dutch_message(routed_question, worker):
    client = logged_in(worker)
    client.post(f"{detail(routed_question)}afsluiten/")
    response = client.post(f"{detail(routed_question)}afsluiten/", follow=True)
    assert "kan niet" in response.content.decode()


def test_internal_notes_stay_internal(house, sleep_topic, sleep_rule, worker, parent_client):
    question, token = ask(house, sleep_topic)
    logged_in(worker).post(f"{detail(question)}notitie/", {"note": "Moeder belde al eens."})
    assert "Moeder belde al eens." in logged_in(worker).get(detail(question)).content.decode()
    assert (
        "Moeder belde al eens."
        not in parent_client.get(services.private_url(question, token)).content.decode()
    )


def test_an_answer_template_fills_the_answer(routed_question, worker, organisation):
    client = logged_in(worker)
    client.post(
        f"/beheer/organisatie/{organisation.pk}/antwoordsjablonen/",
        {"title": "Slapen", "body": "Beste ouder, over slapen ..."},
    )
    template = AnswerTemplate.objects.get()
    page = client.get(detail(routed_question), {"sjabloon": template.pk}).content.decode()
    assert "Beste ouder, over slapen ..." in page


def test_the_outsider_cannot_use_or_manage_our_templates(organisation, outsider, worker):
    template = AnswerTemplateFactory(organisation=organisation, title="Ons sjabloon", body="B")
    client = logged_in(outsider)
    assert (
        client.get(f"/beheer/organisatie/{organisation.pk}/antwoordsjablonen/").status_code == 404
    )
    assert (
        client.post(
            f"/beheer/organisatie/{organisation.pk}/antwoordsjablonen/{template.pk}/verwijderen/"
        ).status_code
        == 404
    )
    assert AnswerTemplate.objects.filter(pk=template.pk).exists()
    # Positive control: our own worker sees and deletes it.
    ours = logged_in(worker)
    page = ours.get(f"/beheer/organisatie/{organisation.pk}/antwoordsjablonen/")
    assert page.status_code == 200 and "Ons sjabloon" in page.content.decode()
    assert (
        ours.post(
            f"/beheer/organisatie/{organisation.pk}/antwoordsjablonen/{template.pk}/verwijderen/"
        ).status_code
        == 302
    )
    assert not AnswerTemplate.objects.filter(pk=template.pk).exists()


def test_the_coordinator_routes_an_unrouted_question(house, sleep_topic, coordinator, organisation):
    question, _ = ask(house, sleep_topic)
    client = logged_in(coordinator)
    assert (
        f"Vraag #{question.pk}"
        in client.get("/beheer/huis/kalmthout/vragen/?niet_verdeeld=1").content.decode()
    )
    client.post(
        f"{detail(question)}doorsturen/",
        {"organisation": organisation.pk, "handover": "Voor jullie."},
    )
    assert Question.objects.get(pk=question.pk).organisation == organisation


def test_inbox_filters(house, sleep_topic, school_topic, worker, organisation):
    sleep = QuestionFactory(house=house, topic=sleep_topic, organisation=organisation)
    school = QuestionFactory(
        house=house, topic=school_topic, organisation=organisation, due_on="2020-01-01"
    )
    client = logged_in(worker)
    late = client.get("/beheer/vragen/", {"laat": "1"}).content.decode()
    assert f"Vraag #{school.pk}" in late and f"Vraag #{sleep.pk}<" not in late
    by_topic = client.get("/beheer/vragen/", {"onderwerp": sleep_topic.pk}).content.decode()
    assert f"Vraag #{sleep.pk}<" in by_topic and f"Vraag #{school.pk}<" not in by_topic
    answered = client.get("/beheer/vragen/", {"status": "answered"}).content.decode()
    assert "Geen vragen gevonden." in answered
    # Positive control: without a filter, both are listed.
    everything = client.get("/beheer/vragen/").content.decode()
    assert f"Vraag #{sleep.pk}<" in everything and f"Vraag #{school.pk}<" in everything


@pytest.mark.parametrize("path", ["/beheer/vragen/", "/beheer/huis/kalmthout/vragen/"])
def test_the_inbox_query_count_does_not_grow_with_the_data(
    path, house, sleep_topic, sleep_rule, worker, coordinator, organisation
):
    user = worker if path == "/beheer/vragen/" else coordinator
    client = logged_in(user)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        return len(queries)

    ask(house, sleep_topic)
    few = count()
    for n in range(8):
        QuestionFactory(
            house=house,
            topic=sleep_topic,
            organisation=organisation,
            child_age=n,
            assignee=worker if n % 2 else None,
        )
    assert count() == few
    page = client.get(path).content.decode()
    assert page.count("Vraag #") == 9  # positive control: all nine are listed


@pytest.mark.parametrize(
    ("action", "data", "message"),
    [
        ("notitie", {"note": ""}, "Schrijf een notitie."),
        ("antwoorden", {"body": " "}, "Schrijf een antwoord."),
        ("doorsturen", {"organisation": "", "handover": ""}, "Schrijf een overdrachtsnotitie"),
        ("toewijzen", {"assignee": ""}, "Toewijzen aan"),
    ],
)
def test_a_refused_form_shows_the_question_again_and_that_read_is_audited(
    routed_question, worker, action, data, message
):
    response = logged_in(worker).post(f"{detail(routed_question)}{action}/", data)
    page = response.content.decode()
    assert response.status_code == 400 and message in page
    assert "Mijn peuter slaapt slecht" in page  # the family's data is shown again ...
    reads = AuditEvent.objects.filter(
        action=AuditEvent.Action.READ, target_id=str(routed_question.pk), actor=worker
    )
    assert reads.count() == 1  # ... so the read is in the audit trail
