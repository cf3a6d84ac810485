"""The author's pages: a survey, its sections, questions and choices, the easy-read check, the
dates, publishing; every bad input gets a Dutch message and changes nothing."""

import pytest
from django.urls import reverse

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.participation import readability
from huisvanhetkind.participation.models import Choice, Question, QuestionKind, Section, Survey
from tests.conftest import logged_in
from tests.participation.conftest import answer_with, make_survey

pytestmark = pytest.mark.django_db


def url(name, survey=None, house=None, **kwargs):
    house = house or survey.house
    if survey is not None:
        kwargs["pk"] = survey.pk
    return reverse(f"participation:{name}", kwargs={"house_slug": house.slug, **kwargs})


def survey_post(**overrides):
    data = {
        "title": "Hoe vinden gezinnen hun weg?",
        "intro": "Zeg het ons.",
        "opens_on": "2026-01-05",
        "closes_on": "2026-01-31",
    }
    return {**data, **overrides}


def test_the_coordinator_makes_a_survey_with_a_first_section(house, coordinator):
    client = logged_in(coordinator)
    response = client.post(url("new", house=house), survey_post())
    survey = Survey.objects.get()
    assert response.status_code == 302 and response.url == url("edit", survey)
    assert survey.author == coordinator and survey.organisation is None
    assert survey.slug == "hoe-vinden-gezinnen-hun-weg" and not survey.published
    assert survey.sections.count() == 1
    assert AuditEvent.objects.filter(target_type__icontains="survey", action="create").exists()
    page = client.get(url("edit", survey))
    assert page.status_code == 200 and "Hoe vinden gezinnen hun weg?" in page.content.decode()


def test_a_partner_professional_makes_a_survey_for_their_organisation(house, worker, organisation):
    response = logged_in(worker).post(url("new", house=house), survey_post())
    assert response.status_code == 302
    assert Survey.objects.get().organisation == organisation


def test_closing_before_opening_is_refused_with_a_dutch_message(house, coordinator):
    response = logged_in(coordinator).post(
        url("new", house=house), survey_post(opens_on="2026-02-01", closes_on="2026-01-01")
    )
    assert response.status_code == 400
    assert "kan niet sluiten vóór ze opent" in response.content.decode()
    assert not Survey.objects.exists()


def test_a_survey_without_questions_cannot_open(house, coordinator):
    survey = make_survey(house, coordinator, kinds=(), publish=False)
    response = logged_in(coordinator).post(url("publish", survey))
    assert response.status_code == 400
    assert "Een bevraging zonder vragen kan niet open" in response.content.decode()
    survey.refresh_from_db()
    assert not survey.published
    # Control: with a question it opens.
    section = survey.sections.get()
    logged_in(coordinator).post(
        url("question_add", survey),
        {
            "question-text": "Hoe gaat het?",
            "question-kind": "scale",
            "question-section": section.pk,
        },
    )
    assert logged_in(coordinator).post(url("publish", survey)).status_code == 302
    survey.refresh_from_db()
    assert survey.published and survey.status == "open"


def test_a_choice_question_needs_two_choices_to_open(house, coordinator):
    survey = make_survey(house, coordinator, kinds=(), publish=False)
    client = logged_in(coordinator)
    client.post(
        url("question_add", survey),
        {
            "question-text": "Welke dag?",
            "question-kind": "single",
            "question-section": survey.sections.get().pk,
        },
    )
    response = client.post(url("publish", survey))
    assert response.status_code == 400 and "minstens twee keuzes" in response.content.decode()


def test_questions_and_choices_are_added_and_fixed_kinds_get_their_choices(house, coordinator):
    survey = make_survey(house, coordinator, kinds=(), publish=False)
    client = logged_in(coordinator)
    section = survey.sections.get()
    for kind in ("single", "scale", "age_group"):
        response = client.post(
            url("question_add", survey),
            {
                "question-text": f"Vraag {kind}",
                "question-kind": kind,
                "question-section": section.pk,
            },
        )
        assert response.status_code == 302
    single, scale, ages = Question.objects.order_by("pk")
    assert [c.value for c in scale.choices.all()] == [1, 2, 3, 4, 5]
    assert ages.choices.count() > 3 and all(c.age_group_id for c in ages.choices.all())
    assert (
        client.post(
            url("choice_add", survey, question_pk=single.pk), {"label": "Maandag"}
        ).status_code
        == 302
    )
    assert list(single.choices.values_list("label", flat=True)) == ["Maandag"]


@pytest.mark.parametrize(
    "post, message",
    [
        ({"question-text": "", "question-kind": "single"}, "Dit veld is verplicht"),
        ({"question-text": "Vraag", "question-kind": "raadsel"}, "Selecteer een geldige keuze"),
    ],
)
def test_a_bad_question_is_refused(house, coordinator, post, message):
    survey = make_survey(house, coordinator, kinds=(), publish=False)
    post["question-section"] = survey.sections.get().pk
    response = logged_in(coordinator).post(url("question_add", survey), post)
    assert response.status_code == 400
    assert not Question.objects.exists()


def test_a_bad_choice_is_refused(house, coordinator):
    survey = make_survey(house, coordinator, publish=False)
    client = logged_in(coordinator)
    single = Question.objects.get(kind=QuestionKind.SINGLE)
    scale = Question.objects.get(kind=QuestionKind.SCALE)
    before = Choice.objects.count()
    duplicate = client.post(url("choice_add", survey, question_pk=single.pk), {"label": "ja"})
    assert duplicate.status_code == 400 and "staat al bij de vraag" in duplicate.content.decode()
    empty = client.post(url("choice_add", survey, question_pk=single.pk), {"label": "  "})
    assert empty.status_code == 400
    fixed = client.post(url("choice_add", survey, question_pk=scale.pk), {"label": "6"})
    assert fixed.status_code == 400 and "vaste keuzes" in fixed.content.decode()
    assert Choice.objects.count() == before


def test_questions_are_fixed_once_somebody_answered(house, coordinator):
    survey = make_survey(house, coordinator)
    answer_with(survey, single="Ja")
    single = Question.objects.get(kind=QuestionKind.SINGLE)
    client = logged_in(coordinator)
    response = client.post(url("choice_add", survey, question_pk=single.pk), {"label": "Nooit"})
    assert response.status_code == 400 and "liggen vast" in response.content.decode()
    client.post(url("question_delete", survey, question_pk=single.pk))
    assert Question.objects.filter(pk=single.pk).exists()


def test_the_easy_read_check_flags_long_sentences_and_long_words(house, coordinator):
    survey = make_survey(house, coordinator, kinds=(), publish=False)
    client = logged_in(coordinator)
    client.post(
        url("question_add", survey),
        {
            "question-text": "Hoe tevreden ben je over het kinderopvanginitiatief in jouw buurt?",
            "question-kind": "scale",
            "question-section": survey.sections.get().pk,
        },
    )
    survey.intro = (
        "Met deze bevraging willen wij graag van alle ouders en grootouders in de gemeente weten "
        "hoe zij het aanbod ervaren."
    )
    survey.save()
    page = client.get(url("edit", survey)).content.decode()
    assert "kinderopvanginitiatief" in page and "een lang woord (22 letters" in page
    assert "een lange zin (20 woorden" in page
    # Control: short sentences and words are not flagged.
    assert readability.check("vraag", "Wat doe je graag? Speel je buiten?") == []


def test_the_author_sees_the_live_count_of_answers(house, coordinator, survey):
    answer_with(survey, single="Ja")
    answer_with(survey, single="Nee")
    page = logged_in(coordinator).get(url("edit", survey)).content.decode()
    assert "Antwoorden tot nu:</strong> 2" in page


def test_a_partner_types_in_a_paper_answer_marked_as_such(house, worker, coordinator, survey):
    single = Question.objects.get(kind=QuestionKind.SINGLE)
    ja = single.choices.get(label="Ja")
    response = logged_in(worker).post(url("paper", survey), {f"q{single.pk}": ja.pk})
    # The worker's organisation did not make the coordinator's survey: not theirs.
    assert response.status_code == 404
    response = logged_in(coordinator).post(url("paper", survey), {f"q{single.pk}": ja.pk})
    assert response.status_code == 302
    paper = survey.responses.get()
    assert paper.channel == "paper" and paper.entered_by == coordinator
    bad = logged_in(coordinator).post(url("paper", survey), {f"q{single.pk}": "999999"})
    assert bad.status_code == 400 and survey.responses.count() == 1


def test_sections_are_added_and_renamed(house, coordinator):
    survey = make_survey(house, coordinator, kinds=(), publish=False)
    client = logged_in(coordinator)
    assert (
        client.post(url("section_add", survey), {"section-title": "Jouw gezin"}).status_code == 302
    )
    section = Section.objects.get(title="Jouw gezin")
    assert client.post(url("section_add", survey), {"section-title": ""}).status_code == 400
    response = client.post(url("section", survey, section_pk=section.pk), {"title": "Je gezin"})
    assert response.status_code == 302
    section.refresh_from_db()
    assert section.title == "Je gezin"


def test_editing_dates_to_close_before_opening_changes_nothing(house, coordinator, survey):
    before = (survey.opens_at, survey.closes_at)
    response = logged_in(coordinator).post(
        url("edit", survey), survey_post(opens_on="2026-03-01", closes_on="2026-02-01")
    )
    assert response.status_code == 400
    survey.refresh_from_db()
    assert (survey.opens_at, survey.closes_at) == before


def test_the_dashboard_links_to_the_surveys(house, coordinator, worker):
    link = reverse("participation:index")
    for user in (coordinator, worker):
        page = logged_in(user).get(reverse("network:dashboard")).content.decode()
        assert f'href="{link}"' in page
    index = logged_in(coordinator).get(link).content.decode()
    assert reverse("participation:new", kwargs={"house_slug": house.slug}) in index
