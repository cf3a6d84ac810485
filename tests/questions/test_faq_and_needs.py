from datetime import timedelta

from django.utils import timezone

from huisvanhetkind.questions import services
from huisvanhetkind.questions.models import FaqEntry, Question
from huisvanhetkind.questions.selectors import faq_questions, faq_search
from tests.conftest import logged_in
from tests.factories import FaqEntryFactory, QuestionFactory
from tests.questions.conftest import age_group, ask


def test_a_professional_writes_an_faq_from_an_answered_question_without_copying(
    routed_question, worker, parent_client, house
):
    client = logged_in(worker)
    url = f"/beheer/vragen/{routed_question.pk}/faq/"
    assert client.get(url).status_code == 404  # not answered yet
    services.question_answer(question=routed_question, actor=worker, body="Rust en ritme.")
    form = client.get(url).content.decode()
    assert "Rust en ritme." not in form.split("<form")[1]
    assert "Mijn peuter slaapt slecht" not in form.split("<form")[1]
    client.post(
        url,
        {
            "question": "Wat als mijn peuter slecht slaapt?",
            "answer": "Een vast ritueel helpt.",
            "topic": routed_question.topic_id,
            "is_published": "on",
        },
    )
    entry = FaqEntry.objects.get()
    assert entry.source_question == routed_question and entry.created_by == worker
    page = parent_client.get(f"/{house.slug}/vraag/faq/", {"q": "peuter"}).content.decode()
    assert "Wat als mijn peuter slecht slaapt?" in page


def test_faq_search_finds_only_published_entries_of_the_house(house, other_house):
    FaqEntryFactory(house=house, question="Kinderopvang zoeken?", answer="Lokaal Loket.")
    FaqEntryFactory(house=house, question="Kinderopvang concept", answer="x", is_published=False)
    FaqEntryFactory(house=other_house, question="Kinderopvang elders", answer="x")
    assert [e.question for e in faq_search(house, "kinderopvang")] == ["Kinderopvang zoeken?"]
    assert [e.question for e in faq_search(house, "loket")] == ["Kinderopvang zoeken?"]
    assert list(faq_search(house, "zwemmen")) == []


def test_the_offer_search_shows_the_faq_search_first_questions(house, other_house):
    FaqEntryFactory(house=house, question="Kinderopvang zoeken?", answer="Lokaal Loket.")
    FaqEntryFactory(house=house, question="Crèche of onthaal?", answer="Kinderopvang: 50% of 100_a")
    FaqEntryFactory(house=house, question="Kinderopvang concept", answer="x", is_published=False)
    FaqEntryFactory(house=other_house, question="Kinderopvang elders", answer="x")
    for query in ("kinderopvang", "KINDEROPVANG loket", "50%", "100_a", "100_", "a\\b", "crèche"):
        expected = [e.question for e in faq_search(house, query)[:1]]
        assert faq_questions(house, query, limit=1) == expected, query
        expected = [e.question for e in faq_search(house, query)]
        assert faq_questions(house, query, limit=3) == expected, query
    assert faq_questions(house, "kinderopvang", limit=3) == [
        "Crèche of onthaal?",
        "Kinderopvang zoeken?",
    ]
    assert faq_questions(house, "50_", limit=3) == []  # _ is a character, not a wildcard
    assert faq_questions(other_house, "loket", limit=3) == []


def test_the_coordinator_manages_the_faq_and_others_cannot(house, coordinator, worker, outsider):
    entry = FaqEntryFactory(house=house, question="V?", answer="A")
    for user in (worker, outsider):
        client = logged_in(user)
        assert client.get(f"/beheer/huis/{house.slug}/faq/").status_code == 404
        response = client.post(
            f"/beheer/huis/{house.slug}/faq/{entry.pk}/", {"question": "V?", "answer": "A"}
        )
        assert response.status_code == 404
    entry.refresh_from_db()
    assert entry.is_published
    # Positive control: the coordinator sees the list and unpublishes the entry.
    client = logged_in(coordinator)
    assert "V?" in client.get(f"/beheer/huis/{house.slug}/faq/").content.decode()
    client.post(f"/beheer/huis/{house.slug}/faq/{entry.pk}/", {"question": "V?", "answer": "A"})
    entry.refresh_from_db()
    assert not entry.is_published


def test_the_needs_view_counts_without_personal_data(
    house, sleep_topic, school_topic, sleep_rule, worker, coordinator
):
    answered, _ = ask(house, sleep_topic, name="Geheime Naam")
    services.question_answer(question=answered, actor=worker, body="A")
    Question.objects.filter(pk=answered.pk).update(
        first_answered_at=answered.created_at + timedelta(hours=10)
    )
    QuestionFactory(
        house=house, topic=school_topic, due_on=timezone.localdate() - timedelta(days=1)
    )
    QuestionFactory(
        house=house, about="expecting", child_age=None, age_group=age_group("aanstaand")
    )
    client = logged_in(coordinator)
    response = client.get(f"/beheer/huis/{house.slug}/vragen/noden/")
    assert response.status_code == 200
    needs = response.context["needs"]
    assert needs.open_count == 2 and needs.late_count == 1
    assert needs.median_hours == 10
    assert sum(row["total"] for row in needs.rows) == 3
    html = response.content.decode()
    assert "Geheime Naam" not in html and "Slapen" in html and "Aanstaande ouders" in html
    # Each cell counts 1 question: shown as "< 5", never as the number itself.
    table = html[html.index("<tbody>") : html.index("</tbody>")]
    assert "&lt; 5" in table and "<td>1</td>" not in table
    assert logged_in(worker).get(f"/beheer/huis/{house.slug}/vragen/noden/").status_code == 404
