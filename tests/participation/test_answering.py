"""Answering a survey without an account and without JavaScript: normal mode (a section a page)
and child mode (a question a page), the signed draft, one answer per browser (a signed cookie),
a forged cookie, the throttle, an answer after closing, and that nothing links an answer to an
IP address or an account."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.urls import reverse

from huisvanhetkind.participation.models import Answer, QuestionKind, Response
from huisvanhetkind.participation.services import survey_questions
from huisvanhetkind.participation.views_public import ANSWER_CLIENT_LIMIT
from tests.participation.conftest import close, make_survey

pytestmark = pytest.mark.django_db


def answer_url(survey, key=None):
    return reverse(
        "participation:answer",
        kwargs={"house_slug": survey.house.slug, "key": key or survey.slug},
    )


def concept_of(response) -> str:
    return re.search(r'name="concept" value="([^"]+)"', response.content.decode()).group(1)


def Question_all(survey):  # noqa: N802 - the questions in order
    return survey_questions(survey)


def fill(client, survey, page_response, data):
    return client.post(answer_url(survey), {"concept": concept_of(page_response), **data})


def one_question_survey(house, coordinator, **kwargs):
    return make_survey(house, coordinator, kinds=(QuestionKind.SCALE,), **kwargs)


def test_a_family_answers_the_sections_one_page_at_a_time_without_javascript(house, coordinator):
    survey = make_survey(
        house,
        coordinator,
        kinds=(QuestionKind.SINGLE, QuestionKind.POSTCODE, QuestionKind.TEXT),
        sections=2,
    )
    single, text, postcode = Question_all(survey)  # by section: 1, 3 | 2
    client = Client()
    first = client.get(answer_url(survey))
    assert first.status_code == 200 and "<script" not in first.content.decode()
    assert "Pagina 1 van 2" in first.content.decode()
    assert first["Cache-Control"] == "private, no-store"
    ja = single.choices.get(label="Ja")
    # Section 1 holds questions 1 and 3, section 2 question 2.
    second = fill(
        client, survey, first, {f"q{single.pk}": ja.pk, f"q{text.pk}": "Meer speelpleinen"}
    )
    assert second.status_code == 200 and "Pagina 2 van 2" in second.content.decode()
    assert not Response.objects.exists()  # nothing stored before the last page
    done = fill(client, survey, second, {f"q{postcode.pk}": "2920"})
    assert done.status_code == 302 and done.url.endswith("/bedankt/")
    response = Response.objects.get()
    answers = {a.question_id: a for a in response.answers.all()}
    assert answers[single.pk].choice == ja
    assert answers[postcode.pk].value == "2920"
    assert answers[text.pk].text == "Meer speelpleinen" and answers[text.pk].review == "pending"
    assert response.channel == "online" and response.entered_by is None
    assert client.get(done.url).status_code == 200


def test_a_child_answers_one_question_a_page_with_smileys(house, coordinator):
    survey = make_survey(
        house,
        coordinator,
        child_mode=True,
        kinds=(QuestionKind.SCALE, QuestionKind.SINGLE),
    )
    scale, single = Question_all(survey)
    client = Client()
    first = client.get(answer_url(survey))
    page = first.content.decode()
    assert "Vraag 1 van 2" in page and "😄" in page and 'aria-hidden="true">😄' in page
    assert "heel leuk" in page  # the text alternative beside the pictogram
    heel_leuk = scale.choices.get(value=5)
    second = fill(client, survey, first, {f"q{scale.pk}": heel_leuk.pk})
    assert "Vraag 2 van 2" in second.content.decode()
    # Back to the first question keeps the answer given.
    back = fill(client, survey, second, {"terug": "1"})
    assert f'value="{heel_leuk.pk}"' in back.content.decode() and "checked" in back.content.decode()
    second = fill(client, survey, back, {f"q{scale.pk}": heel_leuk.pk})
    done = fill(client, survey, second, {f"q{single.pk}": single.choices.get(label="Soms").pk})
    assert done.status_code == 302
    assert Answer.objects.filter(choice=heel_leuk).count() == 1


def test_a_bad_answer_is_refused_on_its_page_and_nothing_is_stored(house, coordinator):
    survey = make_survey(house, coordinator, kinds=(QuestionKind.SINGLE, QuestionKind.POSTCODE))
    single, postcode = Question_all(survey)
    client = Client()
    first = client.get(answer_url(survey))
    bad_choice = fill(client, survey, first, {f"q{single.pk}": "999999", f"q{postcode.pk}": "2920"})
    assert (
        bad_choice.status_code == 400
        and "Kies een antwoord uit de lijst" in bad_choice.content.decode()
    )
    bad_postcode = fill(client, survey, first, {f"q{postcode.pk}": "29"})
    assert bad_postcode.status_code == 400
    assert "Een postcode heeft vier cijfers" in bad_postcode.content.decode()
    nothing = fill(client, survey, first, {})
    assert (
        nothing.status_code == 400 and "Beantwoord minstens één vraag" in nothing.content.decode()
    )
    assert not Response.objects.exists()


def test_a_tampered_draft_is_refused_and_the_visitor_starts_again(house, coordinator):
    survey = make_survey(house, coordinator, kinds=(QuestionKind.SCALE,), sections=1)
    client = Client()
    response = client.post(answer_url(survey), {"concept": "eyJwIjo1fQ:forged:sig"})
    assert response.status_code == 400 and "Begin opnieuw" in response.content.decode()
    assert not Response.objects.exists()


def complete(client, survey):
    (question,) = Question_all(survey)
    first = client.get(answer_url(survey))
    if first.status_code != 200 or "concept" not in first.content.decode():
        return first
    return fill(client, survey, first, {f"q{question.pk}": question.choices.first().pk})


def test_a_second_answer_from_the_same_browser_is_refused(house, coordinator):
    survey = one_question_survey(house, coordinator)
    client = Client()
    assert complete(client, survey).status_code == 302
    again = client.get(answer_url(survey))
    assert "Je hebt deze bevraging al ingevuld in deze browser" in again.content.decode()
    (question,) = Question_all(survey)
    posted = client.post(answer_url(survey), {f"q{question.pk}": question.choices.first().pk})
    assert posted.status_code == 409
    assert Response.objects.count() == 1
    # By its number too, and another browser may answer (control).
    assert "al ingevuld" in client.get(answer_url(survey, str(survey.pk))).content.decode()
    assert complete(Client(), survey).status_code == 302
    assert Response.objects.count() == 2


def test_a_forged_cookie_changes_nothing_and_the_answer_is_still_throttled(house, coordinator):
    survey = one_question_survey(house, coordinator)
    forger = Client()
    forger.cookies[f"bevraging-{survey.pk}"] = f"{survey.pk}:forged-signature"
    assert complete(forger, survey).status_code == 302  # treated as no cookie: may answer once
    other = one_question_survey(house, coordinator, title="Nog een bevraging")
    forged = Client()
    forged.cookies[f"bevraging-{other.pk}"] = "1:xyz"
    cache.clear()
    for _ in range(ANSWER_CLIENT_LIMIT):
        assert complete(Client(), other).status_code == 302
    refused = complete(forged, other)
    assert refused.status_code == 429 and "veel antwoorden" in refused.content.decode()
    assert other.responses.count() == ANSWER_CLIENT_LIMIT


def test_an_answer_after_closing_is_refused(house, coordinator):
    survey = one_question_survey(house, coordinator)
    client = Client()
    first = client.get(answer_url(survey))
    close(survey)
    (question,) = Question_all(survey)
    late = fill(client, survey, first, {f"q{question.pk}": question.choices.first().pk})
    assert late.status_code == 400 and "Deze bevraging is gesloten sinds" in late.content.decode()
    assert "gesloten" in client.get(answer_url(survey)).content.decode()
    assert not Response.objects.exists()


def test_a_draft_or_another_houses_survey_is_not_found(house, other_house, coordinator):
    draft = make_survey(house, coordinator, publish=False)
    assert Client().get(answer_url(draft)).status_code == 404
    published = one_question_survey(house, coordinator)
    wrong_house = reverse(
        "participation:answer", kwargs={"house_slug": other_house.slug, "key": published.slug}
    )
    assert Client().get(wrong_house).status_code == 404
    assert Client().get(answer_url(published)).status_code == 200  # control


def test_an_answer_holds_no_ip_address_and_no_account(house, coordinator):
    fields = {f.name for f in Response._meta.get_fields()} | {
        f.name for f in Answer._meta.get_fields()
    }
    assert not {n for n in fields if re.search(r"ip|addr|user_agent|session|account", n)}
    assert {f.name for f in Response._meta.concrete_fields} == {
        "id",
        "survey",
        "created_at",
        "channel",
        "entered_by",
    }
    survey = one_question_survey(house, coordinator)
    client = Client(REMOTE_ADDR="203.0.113.77")
    client.force_login(coordinator)  # even a logged-in visitor is not linked to the answer
    assert complete(client, survey).status_code == 302
    response = Response.objects.get()
    assert response.entered_by is None
    assert response.created_at.minute == 0 and response.created_at.second == 0
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM participation_response")
        row = cursor.fetchone()
        cursor.execute("SELECT * FROM participation_answer")
        answer_rows = cursor.fetchall()
    dump = repr(row) + repr(answer_rows)
    assert "203.0.113" not in dump and str(coordinator.email) not in dump


@pytest.mark.parametrize("language, text", [("fr", "Page 1"), ("en", "Page 1")])
def test_the_survey_pages_are_marked_for_translation(house, coordinator, language, text):
    survey = make_survey(house, coordinator, kinds=(QuestionKind.SCALE,))
    client = Client()
    client.cookies["django_language"] = language
    page = client.get(answer_url(survey))
    assert page.status_code == 200 and page["Content-Language"] == language


def test_the_house_lists_its_open_surveys(house, coordinator):
    survey = one_question_survey(house, coordinator)
    make_survey(house, coordinator, title="Nog niet open", publish=False)
    page = Client().get(reverse("participation:public_list", kwargs={"house_slug": house.slug}))
    assert survey.title in page.content.decode() and "Nog niet open" not in page.content.decode()
