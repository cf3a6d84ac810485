"""Every write of the participation app: surveys and their sections, questions and choices
(the author), publishing, answers (a family online, a partner on paper), the review of free
texts, and the erasure of free texts 12 months after a survey closed.

Who may write: the coordinator of the house, or a professional of an active partner of the
house (``may_author``). An answer is anonymous: ``response_submit`` receives no request, no IP
address and no account of the person who answered; for paper it records the professional who
typed it in.
"""

import re
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.audit.services import audit_record
from huisvanhetkind.core.services import model_update
from huisvanhetkind.network.access import is_coordinator, member_organisation_ids
from huisvanhetkind.network.models import AgeGroup, House, Organisation, Partnership
from huisvanhetkind.participation.models import (
    ANSWER_TEXT_MAX_LENGTH,
    EDITABLE_CHOICE_KINDS,
    Answer,
    Channel,
    Choice,
    Question,
    QuestionKind,
    Response,
    Section,
    Survey,
)
from huisvanhetkind.participation.workflow import (
    ReviewStatus,
    SurveyStatus,
    ensure_review_transition,
    ensure_survey_transition,
)

PRESENT = "<present>"
POSTCODE = re.compile(r"^[1-9][0-9]{3}$")
MAX_CHOICES = 20
MAX_QUESTIONS = 60

# The fixed choices of the scale (the label is Dutch in the data; pages show it translated).
SCALE_LABELS = {
    1: "heel slecht",
    2: "slecht",
    3: "gaat wel",
    4: "goed",
    5: "heel goed",
}


def retention_days() -> int:
    """Days after a survey closed before its free-text answers are erased (12 months)."""
    return getattr(settings, "SURVEY_FREE_TEXT_RETENTION_DAYS", 365)


def _audit(target, *, actor, action, house, changes=None, reason="", organisation=None):
    audit_record(
        actor=actor,
        action=action,
        target=target,
        house=house,
        organisation=organisation,
        changes=changes,
        reason=reason,
    )


def _audit_survey_change(survey: Survey, *, actor, changes: dict) -> None:
    """Record a change of a survey, its sections, questions or choices (nothing when empty)."""
    if changes:
        _audit(
            survey,
            actor=actor,
            action=AuditEvent.Action.UPDATE,
            house=survey.house,
            changes=changes,
        )


# --- Who may author ------------------------------------------------------------------------------


def author_organisations(user, house: House) -> list[Organisation]:
    """The active partner organisations of ``house`` the user works for."""
    return list(
        Organisation.objects.filter(
            pk__in=member_organisation_ids(user),
            partnerships__house=house,
            partnerships__status=Partnership.Status.ACTIVE,
        ).order_by("name")
    )


def may_author(user, house: House) -> bool:
    if user is None or not user.is_authenticated:
        return False
    return is_coordinator(user, house) or bool(author_organisations(user, house))


def _check_author(actor, house: House) -> None:
    """The author may write here; ``None`` is the system (the demo seeder, an import)."""
    if actor is not None and not may_author(actor, house):
        raise ValidationError(
            _("Alleen de coördinator of een partner van het huis maakt bevragingen.")
        )


def _check_structure_editable(survey: Survey) -> None:
    if survey.responses.exists():
        raise ValidationError(
            _(
                "Deze bevraging heeft al antwoorden: de vragen en keuzes liggen vast. Je kan de "
                "teksten van de bevraging en de datums nog aanpassen."
            )
        )


# --- Surveys -------------------------------------------------------------------------------------


def _clean_dates(opens_at: datetime, closes_at: datetime) -> None:
    if opens_at is None or closes_at is None:
        raise ValidationError({"opens_at": _("Geef een datum van openen en van sluiten.")})
    if closes_at <= opens_at:
        raise ValidationError(
            {"closes_at": _("De bevraging kan niet sluiten vóór ze opent. Kies een latere datum.")}
        )


def _unique_slug(house: House, title: str, exclude_pk=None) -> str:
    base = slugify(title)[:60].strip("-") or "bevraging"
    if base.isdigit():
        base = f"bevraging-{base}"
    slug, n = base, 2
    taken = Survey.objects.filter(house=house)
    if exclude_pk:
        taken = taken.exclude(pk=exclude_pk)
    while taken.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _clean_survey(data: dict) -> dict:
    title = (data.get("title") or "").strip()
    if not title:
        raise ValidationError({"title": _("Geef de bevraging een titel.")})
    _clean_dates(data.get("opens_at"), data.get("closes_at"))
    return {
        "title": title,
        "intro": (data.get("intro") or "").strip(),
        "child_mode": bool(data.get("child_mode")),
        "opens_at": data["opens_at"],
        "closes_at": data["closes_at"],
    }


@transaction.atomic
def survey_create(
    *, actor, house: House, data: dict, organisation: Organisation | None = None
) -> Survey:
    """A new survey (a draft) of ``house``, with a first section."""
    _check_author(actor, house)
    if (
        actor is not None
        and organisation is not None
        and organisation not in author_organisations(actor, house)
    ):
        raise ValidationError({"organisation": _("Kies een organisatie waarvoor je werkt.")})
    if organisation is None and actor is not None and not is_coordinator(actor, house):
        mine = author_organisations(actor, house)
        organisation = mine[0] if mine else None
    clean = _clean_survey(data)
    survey = Survey.objects.create(
        house=house,
        author=actor,
        organisation=organisation,
        slug=_unique_slug(house, clean["title"]),
        **clean,
    )
    Section.objects.create(survey=survey, title=clean["title"], position=1)
    _audit(
        survey,
        actor=actor,
        action=AuditEvent.Action.CREATE,
        house=house,
        organisation=organisation,
        changes={"title": [None, survey.title]},
    )
    return survey


@transaction.atomic
def survey_update(*, actor, survey: Survey, data: dict) -> Survey:
    _check_author(actor, survey.house)
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    clean = _clean_survey(data)
    changes = model_update(instance=survey, data=clean)
    _audit_survey_change(survey, actor=actor, changes=changes)
    return survey


def question_count(survey: Survey) -> int:
    return Question.objects.filter(section__survey=survey).count()


@transaction.atomic
def survey_publish(*, actor, survey: Survey, now=None) -> Survey:
    """Publish a draft: it opens at its opening moment. A survey without questions, or with a
    choice question without at least two choices, cannot open."""
    _check_author(actor, survey.house)
    now = now or timezone.now()
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    if not question_count(survey):
        raise ValidationError(
            _("Een bevraging zonder vragen kan niet open. Voeg eerst minstens één vraag toe.")
        )
    for question in Question.objects.filter(section__survey=survey, kind__in=EDITABLE_CHOICE_KINDS):
        if question.choices.count() < 2:
            raise ValidationError(
                _("De vraag “%(question)s” heeft minstens twee keuzes nodig.")
                % {"question": question.text}
            )
    old = survey.status_at(now)
    if old == SurveyStatus.CLOSED or survey.closes_at <= now:
        raise ValidationError(
            _("De sluitdatum van deze bevraging is voorbij. Kies eerst een latere sluitdatum.")
        )
    new = SurveyStatus.SCHEDULED if now < survey.opens_at else SurveyStatus.OPEN
    ensure_survey_transition(old, new)
    survey.published = True
    survey.save(update_fields=["published"])
    _audit_survey_change(survey, actor=actor, changes={"status": [old, new]})
    return survey


@transaction.atomic
def survey_unpublish(*, actor, survey: Survey, now=None) -> Survey:
    """Back to draft, while nobody answered yet."""
    _check_author(actor, survey.house)
    now = now or timezone.now()
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    old = survey.status_at(now)
    ensure_survey_transition(old, SurveyStatus.DRAFT)
    if survey.responses.exists():
        raise ValidationError(
            _("Deze bevraging heeft al antwoorden en kan niet meer terug naar ontwerp.")
        )
    survey.published = False
    survey.save(update_fields=["published"])
    _audit_survey_change(survey, actor=actor, changes={"status": [old, SurveyStatus.DRAFT]})
    return survey


# --- Sections, questions, choices ---------------------------------------------------------------


@transaction.atomic
def section_save(*, actor, survey: Survey, data: dict, section: Section | None = None) -> Section:
    _check_author(actor, survey.house)
    title = (data.get("title") or "").strip()
    if not title:
        raise ValidationError({"title": _("Geef het onderdeel een titel.")})
    clean = {"title": title, "intro": (data.get("intro") or "").strip()}
    if section is None:
        _check_structure_editable(survey)
        position = survey.sections.count() + 1
        section = Section.objects.create(survey=survey, position=position, **clean)
        changes = {"section": [None, title]}
    else:
        changes = model_update(instance=section, data=clean)
    _audit_survey_change(survey, actor=actor, changes=changes)
    return section


def _fixed_choices(question: Question) -> None:
    if question.kind == QuestionKind.SCALE:
        Choice.objects.bulk_create(
            Choice(question=question, label=f"{v} · {label}", value=v, position=v)
            for v, label in SCALE_LABELS.items()
        )
    elif question.kind == QuestionKind.AGE_GROUP:
        Choice.objects.bulk_create(
            Choice(question=question, label=group.name, age_group=group, position=i)
            for i, group in enumerate(AgeGroup.objects.order_by("position"), start=1)
        )


def _clean_question(data: dict) -> dict:
    text = (data.get("text") or "").strip()
    if not text:
        raise ValidationError({"text": _("Schrijf de vraag.")})
    kind = data.get("kind")
    if kind not in QuestionKind.values:
        raise ValidationError({"kind": _("Kies een soort vraag uit de lijst.")})
    return {
        "text": text,
        "kind": kind,
        "help_text": (data.get("help_text") or "").strip(),
        "required": bool(data.get("required")),
    }


@transaction.atomic
def question_save(
    *, actor, section: Section, data: dict, question: Question | None = None
) -> Question:
    """Add a question to a section (the scale and the age group get their choices), or change
    one. Its kind is fixed once made."""
    survey = section.survey
    _check_author(actor, survey.house)
    clean = _clean_question(data)
    if question is None:
        _check_structure_editable(survey)
        if question_count(survey) >= MAX_QUESTIONS:
            raise ValidationError(
                _("Een bevraging heeft hoogstens %(n)s vragen.") % {"n": MAX_QUESTIONS}
            )
        position = section.questions.count() + 1
        question = Question.objects.create(section=section, position=position, **clean)
        _fixed_choices(question)
        changes = {"question": [None, question.text]}
    else:
        if clean["kind"] != question.kind:
            raise ValidationError(
                {"kind": _("De soort van een vraag ligt vast. Maak een nieuwe vraag.")}
            )
        changes = model_update(instance=question, data=clean)
    _audit_survey_change(survey, actor=actor, changes=changes)
    return question


@transaction.atomic
def question_delete(*, actor, question: Question) -> None:
    survey = question.section.survey
    _check_author(actor, survey.house)
    _check_structure_editable(survey)
    text = question.text
    question.delete()
    _audit_survey_change(survey, actor=actor, changes={"question": [text, None]})


@transaction.atomic
def choice_add(*, actor, question: Question, label: str) -> Choice:
    survey = question.section.survey
    _check_author(actor, survey.house)
    if question.kind not in EDITABLE_CHOICE_KINDS:
        raise ValidationError(
            {"label": _("Deze soort vraag heeft vaste keuzes; je kan er geen toevoegen.")}
        )
    label = (label or "").strip()
    if not label:
        raise ValidationError({"label": _("Schrijf de keuze.")})
    if len(label) > 150:
        raise ValidationError({"label": _("Een keuze is hoogstens 150 tekens lang.")})
    if question.choices.filter(label__iexact=label).exists():
        raise ValidationError({"label": _("Deze keuze staat al bij de vraag.")})
    if question.choices.count() >= MAX_CHOICES:
        raise ValidationError(
            {"label": _("Een vraag heeft hoogstens %(n)s keuzes.") % {"n": MAX_CHOICES}}
        )
    _check_structure_editable(survey)
    choice = Choice.objects.create(
        question=question, label=label, position=question.choices.count() + 1
    )
    _audit_survey_change(survey, actor=actor, changes={"choice": [None, label]})
    return choice


@transaction.atomic
def choice_delete(*, actor, choice: Choice) -> None:
    question = choice.question
    survey = question.section.survey
    _check_author(actor, survey.house)
    if question.kind not in EDITABLE_CHOICE_KINDS:
        raise ValidationError(_("Deze soort vraag heeft vaste keuzes."))
    _check_structure_editable(survey)
    label = choice.label
    choice.delete()
    _audit_survey_change(survey, actor=actor, changes={"choice": [label, None]})


# --- Answers -------------------------------------------------------------------------------------


def survey_questions(survey: Survey) -> list[Question]:
    """The survey's questions in order, with their choices (two queries)."""
    return list(
        Question.objects.filter(section__survey=survey)
        .select_related("section")
        .prefetch_related("choices")
        .order_by("section__position", "section__pk", "position", "pk")
    )


def _clean_answer(question: Question, raw) -> list[dict]:
    """The answer rows for one question's raw value (a choice id, a list of them, a text, a
    postcode); ``[]`` when not answered. Refuses what does not belong to the question."""
    choices = {str(c.pk): c for c in question.choices.all()}
    if question.has_choices:
        values = raw if isinstance(raw, list | tuple) else ([raw] if raw not in (None, "") else [])
        values = [str(v) for v in values]
        if not question.many and len(values) > 1:
            raise ValidationError(_("Kies één antwoord bij “%(q)s”.") % {"q": question.text})
        if any(v not in choices for v in values):
            raise ValidationError(
                _("Een gekozen antwoord hoort niet bij de vraag “%(q)s”.") % {"q": question.text}
            )
        return [{"choice": choices[v]} for v in dict.fromkeys(values)]
    value = str(raw or "").strip()
    if not value:
        return []
    if question.kind == QuestionKind.POSTCODE:
        if not POSTCODE.match(value):
            raise ValidationError(
                _("Een postcode heeft vier cijfers, bijvoorbeeld 2920 (bij “%(q)s”).")
                % {"q": question.text}
            )
        return [{"value": value}]
    if len(value) > ANSWER_TEXT_MAX_LENGTH:
        raise ValidationError(
            _("Een antwoord is hoogstens %(n)s tekens lang (bij “%(q)s”).")
            % {"n": ANSWER_TEXT_MAX_LENGTH, "q": question.text}
        )
    return [{"text": value, "review": ReviewStatus.PENDING}]


@transaction.atomic
def response_submit(
    *,
    survey: Survey,
    answers: dict,
    channel: str = Channel.ONLINE,
    entered_by=None,
    now=None,
) -> Response:
    """Record one anonymous answer to an open survey: ``answers`` maps a question id to its raw
    value. A paper answer names the professional who typed it in; an online one names nobody."""
    now = now or timezone.now()
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    status = survey.status_at(now)
    if status == SurveyStatus.CLOSED:
        raise ValidationError(
            _("Deze bevraging is gesloten sinds %(date)s. Antwoorden kan niet meer. Bedankt!")
            % {"date": timezone.localtime(survey.closes_at).strftime("%d/%m/%Y")}
        )
    if status != SurveyStatus.OPEN:
        raise ValidationError(_("Deze bevraging is nog niet open."))
    if channel == Channel.PAPER:
        _check_author(entered_by, survey.house)  # None: the system (the demo)
    elif channel == Channel.ONLINE:
        entered_by = None
    else:
        raise ValidationError(_("Onbekend kanaal."))
    rows, missing, given = [], [], 0
    for question in survey_questions(survey):
        cleaned = _clean_answer(question, answers.get(question.pk, answers.get(str(question.pk))))
        if not cleaned and question.required:
            missing.append(question.text)
        given += bool(cleaned)
        rows.extend((question, row) for row in cleaned)
    if missing:
        raise ValidationError(
            _("Beantwoord eerst deze vragen: %(questions)s.") % {"questions": "; ".join(missing)}
        )
    if not given:
        raise ValidationError(_("Beantwoord minstens één vraag."))
    response = Response.objects.create(
        survey=survey,
        created_at=now.replace(minute=0, second=0, microsecond=0),
        channel=channel,
        entered_by=entered_by,
    )
    Answer.objects.bulk_create(Answer(response=response, question=q, **row) for q, row in rows)
    if channel == Channel.PAPER:
        _audit(
            survey,
            actor=entered_by,
            action=AuditEvent.Action.CREATE,
            house=survey.house,
            reason="antwoord op papier ingevoerd",
            changes={"response": [None, PRESENT]},
        )
    return response


# --- Review of free texts ------------------------------------------------------------------------


@transaction.atomic
def answer_review(*, actor, answer: Answer, to: str, now=None) -> Answer:
    """Approve a free-text answer for the results, or hide it (it names or points at someone)."""
    survey = answer.question.section.survey
    _check_author(actor, survey.house)
    answer = Answer.objects.select_for_update().get(pk=answer.pk)
    if answer.erased_at is not None or not answer.review:
        raise ValidationError(_("Dit antwoord kan niet (meer) nagelezen worden."))
    old = answer.review
    ensure_review_transition(old, to)
    answer.review = to
    answer.reviewed_by = actor
    answer.reviewed_at = now or timezone.now()
    answer.save(update_fields=["review", "reviewed_by", "reviewed_at"])
    _audit(
        survey,
        actor=actor,
        action=AuditEvent.Action.APPROVE
        if to == ReviewStatus.APPROVED
        else AuditEvent.Action.DECLINE,
        house=survey.house,
        reason=f"vrij antwoord {answer.pk} nagelezen",
        changes={"review": [old, to]},
    )
    return answer


# --- Retention -----------------------------------------------------------------------------------


def free_text_erasure_due(now):
    """Free-text answers of surveys that closed more than the retention period ago."""
    return Answer.objects.filter(
        erased_at__isnull=True,
        question__kind=QuestionKind.TEXT,
        question__section__survey__closes_at__lt=now - timedelta(days=retention_days()),
    )


@transaction.atomic
def free_texts_erase(*, now=None) -> int:
    """Empty the free-text answers whose survey closed 12 months ago; the counts stay."""
    now = now or timezone.now()
    due = list(free_text_erasure_due(now).select_related("question__section__survey__house"))
    surveys = {}
    for answer in due:
        surveys.setdefault(answer.question.section.survey, 0)
        surveys[answer.question.section.survey] += 1
    Answer.objects.filter(pk__in=[a.pk for a in due]).update(text="", erased_at=now)
    for survey, count in surveys.items():
        _audit(
            survey,
            actor=None,
            action=AuditEvent.Action.ERASE,
            house=survey.house,
            reason=f"bewaartermijn ({retention_days()} dagen na het sluiten): {count} vrije antwoorden",
            changes={"free_text": [PRESENT, None]},
        )
    return len(due)


def participation_retention(*, now=None) -> dict:
    """The daily job: erase the free texts of surveys that closed 12 months ago."""
    return {"erased": free_texts_erase(now=now)}
