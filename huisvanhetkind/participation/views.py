"""The author's pages of the surveys (``/beheer/bevragingen/`` and
``/beheer/huis/<house>/bevragingen/...``): make and edit a survey, its sections, questions and
choices, with the easy-read check; publish it; see the live number of answers; type in answers
on paper; read the released results (SVG charts with a table, CSV); review the free texts.

Views are thin: access in ``access``, writes in ``services``, reads in ``selectors``."""

import io

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from huisvanhetkind.core import csv as safe_csv
from huisvanhetkind.core.forms import add_service_errors
from huisvanhetkind.core.http import private_response
from huisvanhetkind.network.access import (
    coordinated_house_ids,
    is_coordinator,
    member_organisation_ids,
    professional_required,
)
from huisvanhetkind.network.models import House, Partnership
from huisvanhetkind.participation import access, charts, readability, selectors, services
from huisvanhetkind.participation.forms import (
    AnswerForm,
    ChoiceForm,
    QuestionEditForm,
    QuestionForm,
    ReviewForm,
    SectionForm,
    SurveyForm,
)
from huisvanhetkind.participation.models import EDITABLE_CHOICE_KINDS, Channel
from huisvanhetkind.participation.workflow import ReviewStatus, SurveyStatus


def _edit_url(survey):
    return redirect("participation:edit", house_slug=survey.house.slug, pk=survey.pk)


@professional_required
def index(request):
    """The houses in which the user makes surveys, with their surveys."""
    user = request.user
    house_ids = set(coordinated_house_ids(user)) | set(
        Partnership.objects.filter(
            organisation_id__in=member_organisation_ids(user),
            status=Partnership.Status.ACTIVE,
        ).values_list("house_id", flat=True)
    )
    houses = [
        (house, list(selectors.surveys_for_author(user, house)))
        for house in House.objects.filter(pk__in=house_ids).order_by("name")
    ]
    return render(request, "participation/index.html", {"houses": houses, "now": timezone.now()})


@professional_required
def new(request):
    house = access.get_house_for_author(request.user, request.house)
    organisations = services.author_organisations(request.user, house)
    coordinator = is_coordinator(request.user, house)
    form = SurveyForm(request.POST or None, organisations=organisations, coordinator=coordinator)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                survey = services.survey_create(
                    actor=request.user,
                    house=house,
                    data=form.data_for_service(),
                    organisation=form.chosen_organisation(),
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("De bevraging is aangemaakt. Voeg nu vragen toe."))
                return _edit_url(survey)
    return render(request, "participation/new.html", {"house": house, "form": form}, status=status)


def easy_read_issues(survey, questions, sections):
    texts = [(_("titel"), survey.title), (_("inleiding"), survey.intro)]
    for section in sections:
        texts += [
            (_("onderdeel “%(s)s”") % {"s": section.title}, section.title),
            (_("onderdeel “%(s)s”") % {"s": section.title}, section.intro),
        ]
    for n, question in enumerate(questions, start=1):
        where = _("vraag %(n)s") % {"n": n}
        texts += [(where, question.text), (where, question.help_text)]
        if question.kind in EDITABLE_CHOICE_KINDS:
            texts += [(where, c.label) for c in question.choices.all()]
    return readability.check_all(texts)


def _edit_context(request, survey, **forms):
    sections = list(survey.sections.all())
    questions = services.survey_questions(survey)
    for section in sections:
        section.question_list = [q for q in questions if q.section_id == section.pk]
    organisations = services.author_organisations(request.user, survey.house)
    return {
        "house": survey.house,
        "survey": survey,
        "status": survey.status,
        "statuses": SurveyStatus,
        "sections": sections,
        "questions": questions,
        "counts": selectors.answer_counts(survey),
        "issues": easy_read_issues(survey, questions, sections),
        "form": forms.get("form")
        or SurveyForm(
            initial=SurveyForm.initial_for(survey),
            organisations=organisations,
            coordinator=is_coordinator(request.user, survey.house),
        ),
        "section_form": forms.get("section_form") or SectionForm(prefix="section"),
        "question_form": forms.get("question_form")
        or QuestionForm(prefix="question", sections=sections),
        "public_url": request.build_absolute_uri(f"/{survey.house.slug}/bevraging/{survey.slug}/"),
    }


@professional_required
def edit(request, pk):
    survey = access.get_survey_for_author(request.user, request.house, pk)
    form = None
    status = 200
    if request.method == "POST":
        status = 400
        form = SurveyForm(
            request.POST,
            organisations=services.author_organisations(request.user, survey.house),
            coordinator=is_coordinator(request.user, survey.house),
        )
        if form.is_valid():
            try:
                services.survey_update(
                    actor=request.user, survey=survey, data=form.data_for_service()
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("De bevraging is bewaard."))
                return _edit_url(survey)
    return render(
        request, "participation/edit.html", _edit_context(request, survey, form=form), status=status
    )


@professional_required
@require_POST
def section_add(request, pk):
    survey = access.get_survey_for_author(request.user, request.house, pk)
    form = SectionForm(request.POST, prefix="section")
    if form.is_valid():
        try:
            services.section_save(actor=request.user, survey=survey, data=form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Het onderdeel is toegevoegd."))
            return _edit_url(survey)
    return render(
        request,
        "participation/edit.html",
        _edit_context(request, survey, section_form=form),
        status=400,
    )


@professional_required
def section_edit(request, pk, section_pk):
    survey, section = access.get_section_for_author(request.user, request.house, pk, section_pk)
    form = SectionForm(
        request.POST or None, initial={"title": section.title, "intro": section.intro}
    )
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.section_save(
                    actor=request.user, survey=survey, section=section, data=form.cleaned_data
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Het onderdeel is bewaard."))
                return _edit_url(survey)
    return render(
        request,
        "participation/section.html",
        {"house": survey.house, "survey": survey, "section": section, "form": form},
        status=status,
    )


@professional_required
@require_POST
def question_add(request, pk):
    survey = access.get_survey_for_author(request.user, request.house, pk)
    sections = list(survey.sections.all())
    form = QuestionForm(request.POST, prefix="question", sections=sections)
    if form.is_valid():
        section = next(s for s in sections if s.pk == form.cleaned_data["section"])
        section.survey = survey
        try:
            question = services.question_save(
                actor=request.user, section=section, data=form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("De vraag is toegevoegd."))
            if question.kind in EDITABLE_CHOICE_KINDS:
                return redirect(
                    "participation:question",
                    house_slug=survey.house.slug,
                    pk=survey.pk,
                    question_pk=question.pk,
                )
            return _edit_url(survey)
    return render(
        request,
        "participation/edit.html",
        _edit_context(request, survey, question_form=form),
        status=400,
    )


def _question_context(survey, question, form=None, choice_form=None):
    return {
        "house": survey.house,
        "survey": survey,
        "question": question,
        "choices": list(question.choices.all()),
        "editable_choices": question.kind in EDITABLE_CHOICE_KINDS,
        "form": form
        or QuestionEditForm(
            initial={
                "text": question.text,
                "help_text": question.help_text,
                "required": question.required,
            }
        ),
        "choice_form": choice_form or ChoiceForm(),
    }


@professional_required
def question(request, pk, question_pk):
    survey, question = access.get_question_for_author(request.user, request.house, pk, question_pk)
    form = None
    status = 200
    if request.method == "POST":
        status = 400
        form = QuestionEditForm(request.POST)
        if form.is_valid():
            try:
                services.question_save(
                    actor=request.user,
                    section=question.section,
                    question=question,
                    data={**form.cleaned_data, "kind": question.kind},
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("De vraag is bewaard."))
                return _edit_url(survey)
    return render(
        request,
        "participation/question.html",
        _question_context(survey, question, form=form),
        status=status,
    )


@professional_required
@require_POST
def question_delete(request, pk, question_pk):
    survey, question = access.get_question_for_author(request.user, request.house, pk, question_pk)
    try:
        services.question_delete(actor=request.user, question=question)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("De vraag is verwijderd."))
    return _edit_url(survey)


@professional_required
@require_POST
def choice_add(request, pk, question_pk):
    survey, question = access.get_question_for_author(request.user, request.house, pk, question_pk)
    form = ChoiceForm(request.POST)
    if form.is_valid():
        try:
            services.choice_add(
                actor=request.user, question=question, label=form.cleaned_data["label"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("De keuze is toegevoegd."))
            return redirect(
                "participation:question",
                house_slug=survey.house.slug,
                pk=survey.pk,
                question_pk=question.pk,
            )
    return render(
        request,
        "participation/question.html",
        _question_context(survey, question, choice_form=form),
        status=400,
    )


@professional_required
@require_POST
def choice_delete(request, pk, choice_pk):
    survey, choice = access.get_choice_for_author(request.user, request.house, pk, choice_pk)
    try:
        services.choice_delete(actor=request.user, choice=choice)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("De keuze is verwijderd."))
    return redirect(
        "participation:question",
        house_slug=survey.house.slug,
        pk=survey.pk,
        question_pk=choice.question_id,
    )


@professional_required
@require_POST
def publish(request, pk):
    survey = access.get_survey_for_author(request.user, request.house, pk)
    try:
        if request.POST.get("to") == "draft":
            services.survey_unpublish(actor=request.user, survey=survey)
            messages.success(request, _("De bevraging is terug een ontwerp."))
        else:
            services.survey_publish(actor=request.user, survey=survey)
            messages.success(request, _("De bevraging is gepubliceerd."))
    except ValidationError as error:
        context = _edit_context(request, survey)
        context["publish_errors"] = error.messages
        return render(request, "participation/edit.html", context, status=400)
    return _edit_url(survey)


@professional_required
def paper(request, pk):
    """A partner types in an answer given on paper (marked as such)."""
    survey = access.get_survey_for_author(request.user, request.house, pk)
    questions = services.survey_questions(survey)
    form = AnswerForm(request.POST or None, questions=questions)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.response_submit(
                    survey=survey,
                    answers=form.answers(),
                    channel=Channel.PAPER,
                    entered_by=request.user,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Het antwoord op papier is ingevoerd."))
                return redirect("participation:paper", house_slug=survey.house.slug, pk=survey.pk)
    return render(
        request,
        "participation/paper.html",
        {
            "house": survey.house,
            "survey": survey,
            "form": form,
            "counts": selectors.answer_counts(survey),
            "open": survey.status == SurveyStatus.OPEN,
        },
        status=status,
    )


@professional_required
def results(request, pk):
    survey = access.get_survey_for_author(request.user, request.house, pk)
    released = selectors.released(survey)
    rows = []
    if released:
        for n, result in enumerate(selectors.survey_results(survey), start=1):
            chart = ""
            if result.row and not result.row.withheld:
                chart = charts.bar_chart(
                    chart_id=f"grafiek-{n}", title=result.question.text, cells=result.row.released
                )
            rows.append((n, result, chart))
    return private_response(
        render(
            request,
            "participation/results.html",
            {
                "house": survey.house,
                "survey": survey,
                "released": released,
                "rows": rows,
                "counts": selectors.answer_counts(survey),
                "threshold": selectors.THRESHOLD,
            },
        )
    )


@professional_required
def results_csv(request, pk):
    survey = access.get_survey_for_author(request.user, request.house, pk)
    if not selectors.released(survey):
        messages.error(request, _("De resultaten worden pas vrijgegeven na het sluiten."))
        return redirect("participation:results", house_slug=survey.house.slug, pk=survey.pk)
    stream = io.StringIO()
    safe_csv.writer(stream).writerows(
        selectors.results_csv_rows(survey, selectors.survey_results(survey))
    )
    response = HttpResponse(stream.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="bevraging-{survey.pk}.csv"'
    return private_response(response)


@professional_required
def review(request, pk):
    survey = access.get_survey_for_author(request.user, request.house, pk)
    answers = selectors.free_texts_for_review(actor=request.user, survey=survey)
    return private_response(
        render(
            request,
            "participation/review.html",
            {
                "house": survey.house,
                "survey": survey,
                "answers": answers,
                "statuses": ReviewStatus,
                "form": ReviewForm(),
            },
        )
    )


@professional_required
@require_POST
def review_answer(request, pk, answer_pk):
    survey, answer = access.get_answer_for_review(request.user, request.house, pk, answer_pk)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kies goedkeuren of verbergen."))
    else:
        try:
            services.answer_review(actor=request.user, answer=answer, to=form.cleaned_data["to"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Het antwoord is nagelezen."))
    return redirect("participation:review", house_slug=survey.house.slug, pk=survey.pk)
