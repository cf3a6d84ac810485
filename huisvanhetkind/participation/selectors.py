"""Reads of the surveys: the author's lists and live count, and the released results.

The results are computed with a handful of aggregate queries (GROUP BY question and choice, or
question and postcode; respondents per question), whatever the number of answers, and pass
through ``suppression.release_row`` before anything leaves this module: a caller never sees a
count of fewer than 5 people.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.audit.services import audit_record
from huisvanhetkind.network.access import coordinated_house_ids, member_organisation_ids
from huisvanhetkind.network.models import House
from huisvanhetkind.participation.models import (
    Answer,
    Channel,
    Question,
    QuestionKind,
    Response,
    Survey,
)
from huisvanhetkind.participation.services import SCALE_LABELS, survey_questions
from huisvanhetkind.participation.suppression import THRESHOLD, Row, release_row
from huisvanhetkind.participation.workflow import ReviewStatus, SurveyStatus

MERGED_KINDS = (QuestionKind.SINGLE, QuestionKind.POSTCODE)


def surveys_for_author(user, house: House):
    """The surveys of ``house`` the user authors: all of them for its coordinator, those of
    their organisations for a partner's professional."""
    surveys = Survey.objects.filter(house=house).select_related("organisation")
    if house.pk in coordinated_house_ids(user) or user.is_superuser:
        return surveys.annotate(answer_count=Count("responses"))
    return surveys.filter(organisation_id__in=member_organisation_ids(user)).annotate(
        answer_count=Count("responses")
    )


def answer_counts(survey: Survey) -> dict:
    """The live number of answers, in total and on paper (the author sees it while it runs)."""
    counts = Response.objects.filter(survey=survey).aggregate(
        total=Count("pk"), paper=Count("pk", filter=Q(channel=Channel.PAPER))
    )
    return counts


def public_surveys(house: House, now=None):
    """The house's surveys that are open now."""
    now = now or timezone.now()
    return Survey.objects.filter(
        house=house, published=True, opens_at__lte=now, closes_at__gt=now
    ).order_by("closes_at")


def choice_label(question: Question, choice) -> str:
    if question.kind == QuestionKind.SCALE and choice.value in SCALE_LABELS:
        return f"{choice.value} · {_(SCALE_LABELS[choice.value])}"
    return choice.label


@dataclass
class QuestionResult:
    question: Question
    row: Row | None = None  # None for a free-text question
    texts: list[str] = field(default_factory=list)  # approved free texts
    pending: int = 0  # free texts not reviewed yet

    @property
    def max_count(self) -> int:
        return max((c.count for c in self.row.released), default=0) if self.row else 0


def released(survey: Survey, now=None) -> bool:
    return survey.status_at(now or timezone.now()) == SurveyStatus.CLOSED


def survey_results(survey: Survey) -> list[QuestionResult]:
    """The released results of a closed survey, question by question."""
    questions = survey_questions(survey)
    ids = [q.pk for q in questions]
    answers = Answer.objects.filter(question_id__in=ids)
    per_choice = {
        (r["question_id"], r["choice_id"]): r["n"]
        for r in answers.filter(choice__isnull=False)
        .values("question_id", "choice_id")
        .annotate(n=Count("pk"))
        .order_by()
    }
    per_value: dict[int, list[tuple[str, int]]] = {}
    for r in (
        answers.exclude(value="").values("question_id", "value").annotate(n=Count("pk")).order_by()
    ):
        per_value.setdefault(r["question_id"], []).append((r["value"], r["n"]))
    # One row per person for a single answer (the service writes at most one); people who
    # ticked several boxes are counted once (DISTINCT only where it is needed: it is the
    # costliest of these queries).
    many_ids = [q.pk for q in questions if q.many]
    respondents = {
        r["question_id"]: r["n"]
        for r in answers.exclude(question_id__in=many_ids)
        .values("question_id")
        .annotate(n=Count("pk"))
        .order_by()
    }
    if many_ids:
        respondents.update(
            (r["question_id"], r["n"])
            for r in Answer.objects.filter(question_id__in=many_ids)
            .values("question_id")
            .annotate(n=Count("response_id", distinct=True))
            .order_by()
        )
    texts: dict[int, list[str]] = {}
    pending: dict[int, int] = {}
    text_ids = [q.pk for q in questions if q.kind == QuestionKind.TEXT]
    if text_ids:
        for a in Answer.objects.filter(
            question_id__in=text_ids, erased_at__isnull=True, review=ReviewStatus.APPROVED
        ).order_by("pk"):
            texts.setdefault(a.question_id, []).append(a.text)
        for r in (
            Answer.objects.filter(
                question_id__in=text_ids, erased_at__isnull=True, review=ReviewStatus.PENDING
            )
            .values("question_id")
            .annotate(n=Count("pk"))
            .order_by()
        ):
            pending[r["question_id"]] = r["n"]
    results = []
    other = _("andere")
    for question in questions:
        total = respondents.get(question.pk, 0)
        if question.kind == QuestionKind.TEXT:
            shown = texts.get(question.pk, []) if total >= THRESHOLD else []
            results.append(
                QuestionResult(question, texts=shown, pending=pending.get(question.pk, 0))
            )
            continue
        if question.kind == QuestionKind.POSTCODE:
            categories = [(v, v, n) for v, n in sorted(per_value.get(question.pk, []))]
        else:
            categories = [
                (str(c.pk), choice_label(question, c), per_choice.get((question.pk, c.pk), 0))
                for c in question.choices.all()
            ]
        row = release_row(
            categories, total=total, merge=question.kind in MERGED_KINDS, other_label=other
        )
        results.append(QuestionResult(question, row=row))
    return results


def results_csv_rows(survey: Survey, results: list[QuestionResult]) -> list[list]:
    """The released table as rows: section, question, answer, count of people (withheld
    counts are written as "<5 of verborgen", never as a number)."""
    rows = [[_("onderdeel"), _("vraag"), _("antwoord"), _("aantal personen")]]
    hidden = _("verborgen (kleine aantallen)")
    for result in results:
        q = result.question
        if result.row is None:
            continue
        rows.append(
            [
                q.section.title,
                q.text,
                _("aantal personen dat antwoordde"),
                result.row.total if result.row.total >= THRESHOLD else f"< {THRESHOLD}",
            ]
        )
        if result.row.withheld:
            rows.append([q.section.title, q.text, hidden, ""])
            continue
        for cell in result.row.cells:
            rows.append(
                [
                    q.section.title,
                    q.text,
                    cell.label,
                    cell.count if cell.count is not None else hidden,
                ]
            )
        if result.row.merged:
            rows.append([q.section.title, q.text, result.row.merged.label, result.row.merged.count])
    return rows


def free_texts_for_review(*, actor, survey: Survey):
    """The free-text answers of a survey for a person to review (a read, in the audit trail)."""
    answers = list(
        Answer.objects.filter(
            question__section__survey=survey,
            question__kind=QuestionKind.TEXT,
            erased_at__isnull=True,
        )
        .exclude(text="")
        .select_related("question")
        .order_by("review", "pk")[:500]
    )
    if answers:
        audit_record(
            actor=actor,
            action=AuditEvent.Action.READ,
            target=survey,
            house=survey.house,
            reason=f"vrije antwoorden nalezen ({len(answers)})",
        )
    return answers


def released_surveys(house: House, now=None):
    """The house's surveys whose results are released (published and closed): what the needs
    view and the open data of the house may show, through ``survey_results`` or
    ``released_table``."""
    now = now or timezone.now()
    return Survey.objects.filter(house=house, published=True, closes_at__lte=now).order_by(
        "-closes_at"
    )


def released_table(survey: Survey) -> list[list]:
    """The released table of a closed survey (the rows of its CSV); ``[]`` while it is open."""
    if not released(survey):
        return []
    return results_csv_rows(survey, survey_results(survey))
