"""The released results: only after closing, no cell under 5 people in the table, the chart or
the CSV, free texts only once a person approved them; nobody outside the survey's authors sees
anything; free texts are erased 12 months after closing."""

import csv
import io
import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.participation import selectors, services
from huisvanhetkind.participation.models import Answer, QuestionKind
from tests.conftest import logged_in
from tests.participation.conftest import answer_with, close, make_survey

pytestmark = pytest.mark.django_db

KINDS = (QuestionKind.SINGLE, QuestionKind.SCALE, QuestionKind.TEXT, QuestionKind.MULTIPLE)


def url(name, survey, **kwargs):
    return reverse(
        f"participation:{name}",
        kwargs={"house_slug": survey.house.slug, "pk": survey.pk, **kwargs},
    )


def answered(house, author, n_ja=9, n_nee=7, n_soms=2):
    survey = make_survey(house, author, kinds=KINDS)
    n = 0
    for label, count in (("Ja", n_ja), ("Nee", n_nee), ("Soms", n_soms)):
        for _ in range(count):
            n += 1
            answer_with(
                survey,
                single=label,
                scale=str(4 if n % 3 else 5),
                multiple=["Ja", "Nee"] if n % 2 else ["Ja"],
                text=f"Antwoord {n}",
            )
    return survey


def numbers_in_tables(html: str) -> list[int]:
    cells = re.findall(r"<td>(\d+)</td>", html)
    return [int(c) for c in cells]


def test_results_are_released_only_after_closing(house, coordinator):
    survey = answered(house, coordinator)
    client = logged_in(coordinator)
    page = client.get(url("results", survey)).content.decode()
    assert "worden vrijgegeven na het sluiten" in page and "<table" not in page
    assert client.get(url("results_csv", survey)).status_code == 302
    close(survey)
    page = client.get(url("results", survey)).content.decode()
    assert "<table" in page and "<svg" in page


def test_no_released_cell_counts_fewer_than_five_people(house, coordinator):
    survey = close(answered(house, coordinator))
    page = logged_in(coordinator).get(url("results", survey)).content.decode()
    numbers = numbers_in_tables(page)
    assert numbers and min(numbers) >= 5
    # Single choice: Ja 9 shown, Soms (2) merged with the next smallest (Nee 7) into "andere".
    assert '<th scope="row">Ja</th><td>9</td>' in page
    assert '<th scope="row">andere</th><td>9</td>' in page
    assert '<th scope="row">Soms</th><td>2' not in page  # multiple choice: suppressed
    # The scale: 4 → 12, 5 → 6, the empty values 1-3 suppressed (their sum is 0, so the
    # next smallest, 5 → 6, is suppressed too: the total cannot reveal them).
    assert "4 · goed</th><td>12</td>" in page
    assert "5 · heel goed</th><td>6</td>" not in page
    # Every chart is an SVG with a title, with the table beside it.
    assert page.count('role="img"') == 3 and '<title id="grafiek-1">' in page
    assert all(int(v) >= 5 for v in re.findall(r'class="chart-value">(\d+)<', page))


def test_a_question_answered_by_fewer_than_five_releases_nothing(house, coordinator):
    survey = close(answered(house, coordinator, n_ja=2, n_nee=2, n_soms=0))
    page = logged_in(coordinator).get(url("results", survey)).content.decode()
    assert "te weinig om iets te tonen" in page and numbers_in_tables(page) == []
    # Not even how many answered: 4 people is a count under 5.
    assert "Minder dan 5 personen" in page and "4 personen" not in page
    response = logged_in(coordinator).get(url("results_csv", survey))
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    totals = [r[3] for r in rows[1:] if r[2] == "aantal personen dat antwoordde"]
    assert totals and set(totals) == {"< 5"}


def test_the_csv_holds_the_released_table_only(house, coordinator):
    survey = close(answered(house, coordinator))
    response = logged_in(coordinator).get(url("results_csv", survey))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["onderdeel", "vraag", "antwoord", "aantal personen"]
    counts = [int(r[3]) for r in rows[1:] if r[3].isdigit()]
    assert counts and min(counts) >= 5
    assert any(r[2] == "Ja" and r[3] == "9" for r in rows)
    assert any(r[2] == "andere" and r[3] == "9" for r in rows)
    assert not any(r[2] == "Soms" and r[3].isdigit() for r in rows)


def test_free_texts_show_only_after_a_person_approved_them(house, coordinator):
    survey = close(answered(house, coordinator))
    client = logged_in(coordinator)
    page = client.get(url("results", survey)).content.decode()
    assert "Antwoord 1<" not in page and "wachten op nalezen" in page
    review = client.get(url("review", survey))
    assert "Antwoord 1" in review.content.decode()
    assert AuditEvent.objects.filter(action="read", reason__startswith="vrije antwoorden").exists()
    first, second = Answer.objects.filter(question__kind=QuestionKind.TEXT).order_by("pk")[:2]
    client.post(url("review_answer", survey, answer_pk=first.pk), {"to": "approved"})
    client.post(url("review_answer", survey, answer_pk=second.pk), {"to": "hidden"})
    bad = client.post(url("review_answer", survey, answer_pk=second.pk), {"to": "gepubliceerd"})
    assert bad.status_code == 302
    second.refresh_from_db()
    assert second.review == "hidden" and second.reviewed_by == coordinator
    page = client.get(url("results", survey)).content.decode()
    assert "<li>Antwoord 1</li>" in page and "<li>Antwoord 2</li>" not in page


def test_outsiders_see_no_survey_and_no_results(
    house, coordinator, other_coordinator, outsider, worker
):
    survey = close(answered(house, coordinator))
    for user in (other_coordinator, outsider, worker):
        client = logged_in(user)
        for name in ("edit", "results", "results_csv", "review", "paper"):
            assert client.get(url(name, survey)).status_code == 404, (user, name)
        assert client.post(url("publish", survey)).status_code == 404
    # Another house's coordinator cannot author in this house at all.
    new = reverse("participation:new", kwargs={"house_slug": house.slug})
    assert logged_in(other_coordinator).get(new).status_code == 404
    # Anonymous visitors are sent to the log-in.
    anonymous = Client()
    assert anonymous.get(url("results", survey)).status_code == 302
    assert anonymous.get(new).status_code == 302
    assert anonymous.post(new, {"title": "x"}).status_code == 302
    # Control: the coordinator sees it.
    assert logged_in(coordinator).get(url("results", survey)).status_code == 200


def test_the_coordinator_sees_a_partners_survey_and_the_partner_only_their_own(
    house, coordinator, worker, outsider
):
    survey = make_survey(house, worker, kinds=(QuestionKind.SCALE,))
    assert logged_in(worker).get(url("edit", survey)).status_code == 200
    assert logged_in(coordinator).get(url("edit", survey)).status_code == 200
    assert logged_in(outsider).get(url("edit", survey)).status_code == 404
    index = logged_in(worker).get(reverse("participation:index")).content.decode()
    assert survey.title in index


def test_the_results_page_needs_the_same_number_of_queries_for_more_answers(house, coordinator):
    small = close(answered(house, coordinator, n_ja=5, n_nee=5, n_soms=5))
    large = close(answered(house, coordinator, n_ja=20, n_nee=15, n_soms=10))
    client = logged_in(coordinator)
    client.get(url("results", small))
    counts = []
    for survey in (small, large):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url("results", survey)).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_free_texts_are_erased_twelve_months_after_closing(house, coordinator):
    old = close(answered(house, coordinator, n_ja=3, n_nee=0, n_soms=0))
    recent = close(answered(house, coordinator, n_ja=2, n_nee=0, n_soms=0))
    old.closes_at = timezone.now() - timedelta(days=400)
    old.opens_at = old.closes_at - timedelta(days=10)
    old.save()
    assert services.free_text_erasure_due(timezone.now()).count() == 3
    assert services.participation_retention() == {"erased": 3}
    texts = Answer.objects.filter(question__kind=QuestionKind.TEXT)
    assert {a.text for a in texts.filter(question__section__survey=old)} == {""}
    assert all(a.erased_at for a in texts.filter(question__section__survey=old))
    assert {a.text for a in texts.filter(question__section__survey=recent)} == {
        "Antwoord 1",
        "Antwoord 2",
    }
    assert services.participation_retention() == {"erased": 0}  # a second run: nothing
    # The counts stay.
    assert Answer.objects.filter(question__section__survey=old, choice__isnull=False).exists()


def test_free_texts_waiting_for_review_are_on_the_authors_to_do_list(
    house, coordinator, other_coordinator
):
    survey = answered(house, coordinator, n_ja=2, n_nee=1, n_soms=0)
    page = logged_in(coordinator).get(reverse("network:dashboard")).content.decode()
    assert "3 vrije antwoorden na te lezen" in page and url("review", survey) in page
    other = logged_in(other_coordinator).get(reverse("network:dashboard")).content.decode()
    assert "na te lezen" not in other


def test_other_apps_read_only_released_tables_of_their_own_house(house, other_house, coordinator):
    survey = answered(house, coordinator)
    assert list(selectors.released_surveys(house)) == [] and selectors.released_table(survey) == []
    close(survey)
    assert list(selectors.released_surveys(house)) == [survey]
    assert list(selectors.released_surveys(other_house)) == []
    table = selectors.released_table(survey)
    assert min(r[3] for r in table[1:] if isinstance(r[3], int)) >= 5
