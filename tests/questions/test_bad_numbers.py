"""Numbers in query strings and forms: only ASCII digits, and never beyond what a field holds.

"²" and "٣" are digits to Python's str.isdigit() (and int("٣") is 3); a 30-digit number does
not fit a database integer. Each must be ignored or refused with a Dutch message, never a 500,
and never be read as another number.
"""

import pytest

from huisvanhetkind.questions import selectors
from huisvanhetkind.questions.models import FaqEntry, Question, RoutingRule
from huisvanhetkind.questions.numbers import page_number
from tests.conftest import logged_in
from tests.factories import AnswerTemplateFactory
from tests.questions.conftest import form_data

SUPERSCRIPT, ARABIC_THREE, HUGE = "²", "٣", "1" * 30
BAD = [SUPERSCRIPT, ARABIC_THREE, HUGE]

pytestmark = pytest.mark.parametrize("value", BAD)


def client_of(user):
    client = logged_in(user)
    client.raise_request_exception = False
    return client


@pytest.mark.parametrize("param", ["onderwerp", "pagina"])
@pytest.mark.parametrize("who", ["worker", "coordinator"])
def test_inbox_filters_ignore_a_number_that_is_not_ascii_or_too_big(
    value, param, who, routed_question, worker, coordinator
):
    path = "/beheer/vragen/" if who == "worker" else "/beheer/huis/kalmthout/vragen/"
    client = client_of(worker if who == "worker" else coordinator)
    response = client.get(path, {param: value})
    assert response.status_code == 200
    # Ignored: the question is listed as without the filter (positive control of the listing).
    assert f"Vraag #{routed_question.pk}<" in response.content.decode()


def test_an_arabic_digit_is_not_read_as_a_topic_number(value, routed_question, worker):
    """'٣' must not silently mean topic 3 (nor select anything else)."""
    response = client_of(worker).get(
        "/beheer/vragen/", {"onderwerp": str(routed_question.topic_id), "status": ""}
    )
    assert f"Vraag #{routed_question.pk}<" in response.content.decode()  # ASCII works
    assert selectors.InboxFilters.from_data({"onderwerp": value}).topic is None


def test_the_answer_template_parameter_ignores_bad_numbers(value, routed_question, worker):
    AnswerTemplateFactory(  # number 3: what '٣' would mean
        pk=3, organisation=routed_question.organisation, body="Sjabloontekst"
    )
    client = client_of(worker)
    response = client.get(f"/beheer/vragen/{routed_question.pk}/", {"sjabloon": value})
    assert response.status_code == 200
    assert "Sjabloontekst</textarea>" not in response.content.decode()
    # Positive control: the ASCII number fills the answer.
    page = client.get(f"/beheer/vragen/{routed_question.pk}/", {"sjabloon": "3"})
    assert "Sjabloontekst</textarea>" in page.content.decode()


def test_the_needs_view_ignores_a_bad_period(value, house, coordinator):
    response = client_of(coordinator).get(
        "/beheer/huis/kalmthout/vragen/noden/", {"maanden": value}
    )
    assert response.status_code == 200


@pytest.mark.parametrize("field", ["topic", "municipality", "child_age"])
def test_the_ask_form_refuses_bad_numbers_in_dutch(value, field, parent_client, house, sleep_topic):
    parent_client.raise_request_exception = False
    response = parent_client.post(
        f"/{house.slug}/vraag/", form_data(house, sleep_topic, **{field: value})
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Selecteer een geldige keuze" in page or "Voer een geheel getal in" in page
    assert not Question.objects.exists()


@pytest.mark.parametrize("field", ["test-topic", "test-municipality", "test-child_age"])
def test_the_routing_test_box_refuses_bad_numbers(value, field, house, coordinator):
    data = {"test-text": "slapen", "test-about": "child", "test-language": "nl", field: value}
    response = client_of(coordinator).get("/beheer/huis/kalmthout/vragen/regels/", data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Selecteer een geldige keuze" in page or "Voer een geheel getal in" in page


@pytest.mark.parametrize(
    "field", ["topic", "age_group", "municipality", "organisation", "assignee"]
)
def test_a_routing_rule_refuses_bad_numbers(value, field, house, organisation, coordinator):
    data = {"name": "Regel", "organisation": str(organisation.pk), "language": ""}
    data[field] = value
    response = client_of(coordinator).post("/beheer/huis/kalmthout/vragen/regels/nieuw/", data)
    assert response.status_code == 200
    assert "Selecteer een geldige keuze" in response.content.decode()
    assert not RoutingRule.objects.exists()


def test_a_faq_entry_refuses_a_bad_topic(value, house, coordinator):
    data = {"topic": value, "question": "Vraag?", "answer": "Antwoord.", "is_published": "on"}
    response = client_of(coordinator).post("/beheer/huis/kalmthout/faq/", data)
    assert response.status_code == 200
    assert "Selecteer een geldige keuze" in response.content.decode()
    assert not FaqEntry.objects.exists()


@pytest.mark.parametrize(
    ("action", "data"),
    [
        ("doorsturen", {"handover": "Voor jullie.", "organisation": None}),
        ("toewijzen", {"assignee": None}),
    ],
)
def test_forward_and_assign_refuse_bad_numbers(value, action, data, routed_question, worker):
    data = {k: v if v is not None else value for k, v in data.items()}
    response = client_of(worker).post(f"/beheer/vragen/{routed_question.pk}/{action}/", data)
    assert response.status_code == 400
    assert "Selecteer een geldige keuze" in response.content.decode()


def test_the_public_faq_search_takes_any_text(value, parent_client, house):
    assert parent_client.get(f"/{house.slug}/vraag/faq/", {"q": value}).status_code == 200


def test_a_bad_page_number_means_the_first_page(value):
    assert page_number(value) == 1
    assert page_number("3") == 3  # positive control
