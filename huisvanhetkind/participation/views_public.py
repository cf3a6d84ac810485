"""The public pages of a survey: answering without an account and without JavaScript.

Normal mode shows the questions of one section a page; child mode one question a page, with
large pictograms. The answers of the pages before travel in a signed hidden field (``concept``)
so nothing is kept on the server and no session is needed; a field that was tampered with is
refused and the visitor starts again. On completion the browser gets a signed cookie that says
"this survey was answered here": a second answer from that browser is refused with a clear
message. A forged cookie is treated as absent (it changes nothing); every completed answer is
also counted by the client throttle (``core.throttle``), which keeps only a digest of the
address in the cache, never with the answer.
"""

from django.core import signing
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from huisvanhetkind.core import throttle
from huisvanhetkind.core.forms import add_service_errors
from huisvanhetkind.core.http import private_response
from huisvanhetkind.participation import access, selectors, services
from huisvanhetkind.participation.forms import SMILEYS, AnswerForm, field_name
from huisvanhetkind.participation.models import Channel, QuestionKind
from huisvanhetkind.participation.workflow import SurveyStatus

ANSWER_CLIENT_LIMIT = 30  # completed answers per client and hour (a school, a family's Wi-Fi)
DRAFT_MAX_AGE = 2 * 24 * 60 * 60
COOKIE_SALT = "participation.answered"


def cookie_name(survey) -> str:
    return f"bevraging-{survey.pk}"


def already_answered(request, survey) -> bool:
    """True when this browser holds a valid signed cookie of this survey (a forged or altered
    one counts as no cookie at all)."""
    value = request.get_signed_cookie(cookie_name(survey), default=None, salt=COOKIE_SALT)
    return value == str(survey.pk)


def _draft_salt(survey) -> str:
    return f"participation.draft.{survey.pk}"


def _pages(survey, questions) -> list[list]:
    if survey.child_mode:
        return [[q] for q in questions]
    pages: dict[int, list] = {}
    for question in questions:
        pages.setdefault(question.section_id, []).append(question)
    return list(pages.values())


def _initial(page, answers) -> dict:
    return {field_name(q): answers[str(q.pk)] for q in page if str(q.pk) in answers}


def open_surveys(request):
    house = request.house
    return render(
        request,
        "participation/public_list.html",
        {"house": house, "surveys": selectors.public_surveys(house)},
    )


def _render(request, survey, context, status=200):
    context = {"house": survey.house, "survey": survey, "smileys": SMILEYS, **context}
    template = (
        "participation/answer_child.html" if survey.child_mode else "participation/answer.html"
    )
    return private_response(render(request, template, context, status=status))


def _closed(request, survey, status, *, posted):
    message = None
    if status == SurveyStatus.CLOSED:
        message = _(
            "Deze bevraging is gesloten sinds %(date)s. Antwoorden kan niet meer. Bedankt voor je "
            "interesse!"
        ) % {"date": timezone.localtime(survey.closes_at).strftime("%d/%m/%Y")}
    else:
        message = _("Deze bevraging opent op %(date)s. Kom dan terug!") % {
            "date": timezone.localtime(survey.opens_at).strftime("%d/%m/%Y")
        }
    return private_response(
        render(
            request,
            "participation/answer_closed.html",
            {"house": survey.house, "survey": survey, "message": message},
            status=400 if posted else 200,
        )
    )


def answer(request, key):
    survey = access.get_survey_for_public(request.house, key)
    status = survey.status_at()
    posted = request.method == "POST"
    if status != SurveyStatus.OPEN:
        return _closed(request, survey, status, posted=posted)
    if already_answered(request, survey):
        return private_response(
            render(
                request,
                "participation/answer_done.html",
                {
                    "house": survey.house,
                    "survey": survey,
                    "refused": _(
                        "Je hebt deze bevraging al ingevuld in deze browser. Je kan maar één "
                        "keer antwoorden. Bedankt!"
                    ),
                },
                status=409 if posted else 200,
            )
        )
    questions = services.survey_questions(survey)
    pages = _pages(survey, questions)
    if not pages:
        return _closed(request, survey, SurveyStatus.SCHEDULED, posted=posted)
    if not posted:
        form = AnswerForm(questions=pages[0], child_mode=survey.child_mode)
        return _render(request, survey, _page_context(survey, pages, 0, {}, form))
    answers, page = {}, 0
    if "concept" in request.POST:
        try:
            draft = signing.loads(
                request.POST["concept"], salt=_draft_salt(survey), max_age=DRAFT_MAX_AGE
            )
            answers, page = dict(draft["a"]), int(draft["p"])
            if not 0 <= page < len(pages):
                raise ValueError
        except (signing.BadSignature, KeyError, TypeError, ValueError):
            form = AnswerForm(questions=pages[0], child_mode=survey.child_mode)
            return _render(
                request,
                survey,
                _page_context(
                    survey,
                    pages,
                    0,
                    {},
                    form,
                    error=_(
                        "Je antwoorden konden niet gelezen worden (ze zijn te oud of werden "
                        "gewijzigd). Begin opnieuw, alsjeblieft."
                    ),
                ),
                status=400,
            )
    if "terug" in request.POST and page > 0:
        page -= 1
        form = AnswerForm(
            initial=_initial(pages[page], answers),
            questions=pages[page],
            child_mode=survey.child_mode,
        )
        return _render(request, survey, _page_context(survey, pages, page, answers, form))
    form = AnswerForm(request.POST, questions=pages[page], child_mode=survey.child_mode)
    if not form.is_valid():
        return _render(
            request, survey, _page_context(survey, pages, page, answers, form), status=400
        )
    for question in pages[page]:
        answers.pop(str(question.pk), None)
    answers.update(form.answers())
    if page + 1 < len(pages):
        page += 1
        form = AnswerForm(
            initial=_initial(pages[page], answers),
            questions=pages[page],
            child_mode=survey.child_mode,
        )
        return _render(request, survey, _page_context(survey, pages, page, answers, form))
    if not throttle.allow_client(request, "survey-answer", limit=ANSWER_CLIENT_LIMIT):
        form.add_error(
            None,
            _(
                "Vanaf dit adres werden het voorbije uur al veel antwoorden verstuurd. Probeer "
                "het over een uur opnieuw."
            ),
        )
        return _render(
            request, survey, _page_context(survey, pages, page, answers, form), status=429
        )
    try:
        services.response_submit(survey=survey, answers=answers, channel=Channel.ONLINE)
    except ValidationError as error:
        add_service_errors(form, error)
        return _render(
            request, survey, _page_context(survey, pages, page, answers, form), status=400
        )
    response = redirect(
        reverse("participation:thanks", kwargs={"house_slug": survey.house.slug, "key": key})
    )
    response.set_signed_cookie(
        cookie_name(survey),
        str(survey.pk),
        salt=COOKIE_SALT,
        max_age=max(60, int((survey.closes_at - timezone.now()).total_seconds()) + 86400),
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
        path="/",
    )
    return response


def _page_context(survey, pages, page, answers, form, error=None) -> dict:
    concept = signing.dumps({"p": page, "a": answers}, salt=_draft_salt(survey), compress=True)
    questions = pages[page]
    section = questions[0].section
    return {
        "form": form,
        "concept": concept,
        "page": page,
        "page_number": page + 1,
        "page_count": len(pages),
        "last": page + 1 == len(pages),
        "section": section,
        "show_section": not survey.child_mode or section.questions.first() == questions[0],
        "question": questions[0] if survey.child_mode else None,
        "is_scale": survey.child_mode and questions[0].kind == QuestionKind.SCALE,
        "error": error,
    }


def thanks(request, key):
    survey = access.get_survey_for_public(request.house, key)
    return private_response(
        render(request, "participation/answer_done.html", {"house": survey.house, "survey": survey})
    )
