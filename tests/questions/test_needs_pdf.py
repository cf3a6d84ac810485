"""The coordinator's needs report as a PDF: the page's own template, the same period, the same
access (the coordinator of the house only), no personal data, queries that do not grow."""

import io

from django.db import connection
from django.test.utils import CaptureQueriesContext
from pypdf import PdfReader

from tests.conftest import logged_in
from tests.factories import QuestionFactory
from tests.questions.conftest import ask


def pdf_text(content: bytes) -> str:
    pages = PdfReader(io.BytesIO(content)).pages
    return " ".join(" ".join(page.extract_text() for page in pages).split())


def url(house) -> str:
    return f"/beheer/huis/{house.slug}/vragen/noden/noden.pdf"


def test_the_coordinator_downloads_the_needs_report_as_a_pdf(
    house, sleep_topic, school_topic, coordinator
):
    ask(house, sleep_topic, name="Geheime Naam", email="geheim@example.be")
    QuestionFactory(house=house, topic=school_topic)
    client = logged_in(coordinator)

    page = client.get(f"/beheer/huis/{house.slug}/vragen/noden/", {"maanden": "6"})
    assert f'href="{url(house)}?maanden=6"' in page.content.decode()

    response = client.get(url(house), {"maanden": "6"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith(
        f'attachment; filename="noden-en-behoeften-{house.slug}-'
    )
    assert response.content.startswith(b"%PDF-")
    text = pdf_text(response.content)
    assert "Noden en behoeften" in text
    assert "De voorbije 6 maanden" in text
    assert "Slapen" in text and "School en leren" in text
    # What only the screen needs is left out; no personal data is in the report.
    assert "Download als PDF" not in text and "Toon" not in text
    assert "Geheime Naam" not in text and "geheim@example.be" not in text


def test_only_the_coordinator_of_the_house_gets_the_pdf(
    house, worker, outsider, coordinator, other_coordinator
):
    for user in (worker, outsider, other_coordinator):
        assert logged_in(user).get(url(house)).status_code == 404
    # Positive control: the coordinator of the house gets it.
    assert logged_in(coordinator).get(url(house)).status_code == 200


def test_a_parent_without_an_account_is_sent_to_log_in(parent_client, house):
    response = parent_client.get(url(house))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_pdf_query_count_does_not_grow_with_the_data(house, sleep_topic, coordinator):
    client = logged_in(coordinator)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url(house)).status_code == 200
        return len(queries)

    QuestionFactory(house=house, topic=sleep_topic)
    few = count()
    for age in range(8):
        QuestionFactory(house=house, topic=sleep_topic, child_age=age % 4)
    assert count() == few
