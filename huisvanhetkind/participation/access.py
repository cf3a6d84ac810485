"""Who may see which survey. Every access rule of the participation app lives here.

Authoring, the live count, paper answers, the results and the review of free texts: the
coordinator of the house (every survey of the house) and the professionals of an active partner
of the house (the surveys of their organisations). Everybody else, the coordinator of another
house included, gets the same 404 whether the survey exists or not. The public sees a published
survey of the house it visits, by its slug or its number, and nothing else.
"""

from django.http import Http404

from huisvanhetkind.network.models import House
from huisvanhetkind.participation.models import (
    Answer,
    Choice,
    Question,
    QuestionKind,
    Section,
    Survey,
)
from huisvanhetkind.participation.selectors import surveys_for_author
from huisvanhetkind.participation.services import may_author

LARGEST_ID = 2**31 - 1


def _pk(value) -> int:
    try:
        pk = int(value)
    except (TypeError, ValueError):
        raise Http404 from None
    if not 0 < pk <= LARGEST_ID:
        raise Http404
    return pk


def get_house_for_author(user, house: House) -> House:
    """The house in which the user makes surveys, or Http404."""
    if house is None or not may_author(user, house):
        raise Http404
    return house


def get_survey_for_author(user, house: House, pk) -> Survey:
    get_house_for_author(user, house)
    survey = surveys_for_author(user, house).filter(pk=_pk(pk)).select_related("house").first()
    if survey is None:
        raise Http404
    return survey


def get_section_for_author(user, house: House, pk, section_pk) -> tuple[Survey, Section]:
    survey = get_survey_for_author(user, house, pk)
    section = survey.sections.filter(pk=_pk(section_pk)).first()
    if section is None:
        raise Http404
    section.survey = survey
    return survey, section


def get_question_for_author(user, house: House, pk, question_pk) -> tuple[Survey, Question]:
    survey = get_survey_for_author(user, house, pk)
    question = (
        Question.objects.filter(pk=_pk(question_pk), section__survey=survey)
        .select_related("section")
        .first()
    )
    if question is None:
        raise Http404
    question.section.survey = survey
    return survey, question


def get_choice_for_author(user, house: House, pk, choice_pk) -> tuple[Survey, Choice]:
    survey = get_survey_for_author(user, house, pk)
    choice = (
        Choice.objects.filter(pk=_pk(choice_pk), question__section__survey=survey)
        .select_related("question__section")
        .first()
    )
    if choice is None:
        raise Http404
    choice.question.section.survey = survey
    return survey, choice


def get_answer_for_review(user, house: House, pk, answer_pk) -> tuple[Survey, Answer]:
    survey = get_survey_for_author(user, house, pk)
    answer = (
        Answer.objects.filter(
            pk=_pk(answer_pk), question__section__survey=survey, question__kind=QuestionKind.TEXT
        )
        .select_related("question__section")
        .first()
    )
    if answer is None:
        raise Http404
    answer.question.section.survey = survey
    return survey, answer


def get_survey_for_public(house: House, key: str) -> Survey:
    """A published survey of the house, by its slug or its number (a draft is not found)."""
    if house is None:
        raise Http404
    surveys = Survey.objects.filter(house=house, published=True).select_related("house")
    survey = (
        surveys.filter(pk=_pk(key)).first() if key.isdigit() else surveys.filter(slug=key).first()
    )
    if survey is None:
        raise Http404
    return survey
