"""Reads about questions that views, tasks and other apps share."""

import statistics
from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone

from huisvanhetkind.core import sql
from huisvanhetkind.network.access import coordinated_house_ids
from huisvanhetkind.network.models import House, Organisation, Partnership, Role
from huisvanhetkind.network.selectors import MEMBER_KINDS, coordinator_emails, organisation_members
from huisvanhetkind.questions.models import (
    AnswerTemplate,
    FaqEntry,
    Question,
    QuestionEvent,
    RoutingRule,
    Topic,
)
from huisvanhetkind.questions.numbers import ascii_int
from huisvanhetkind.questions.routing import Sample, explain, route
from huisvanhetkind.questions.workflow import OPEN_STATES, QuestionStatus


def topics_for_house(house):
    return Topic.objects.for_house(house)


def house_partner_organisations(house):
    return Organisation.objects.filter(
        partnerships__house=house, partnerships__status=Partnership.Status.ACTIVE
    ).order_by("name")


def is_member(user, organisation) -> bool:
    return Role.objects.filter(user=user, organisation=organisation, kind__in=MEMBER_KINDS).exists()


def question_recipients(question) -> list[str]:
    """Who is told about a question: its handler, else its organisation, else the coordinators."""
    if question.assignee_id and question.assignee.email:
        return [question.assignee.email]
    if question.organisation_id:
        emails = [u.email for u in organisation_members(question.organisation) if u.email]
        if emails:
            return emails
        if question.organisation.email:
            return [question.organisation.email]
    return coordinator_emails(question.house)


def routing_rules(house):
    return RoutingRule.objects.filter(house=house).select_related(
        "topic", "age_group", "municipality", "organisation", "assignee"
    )


def routing_trial(house, sample: Sample, *, draft: RoutingRule | None = None):
    """How the house's rules would route ``sample``: each rule's check and the outcome.

    ``draft`` (an unsaved rule, or unsaved changes to one) takes its place in the rules, or goes
    last when it is new; nothing is saved.
    """
    rules = list(routing_rules(house))
    if draft is not None:
        rules = [draft if draft.pk and rule.pk == draft.pk else rule for rule in rules]
        if not draft.pk:
            rules.append(draft)
    return explain(rules, sample), route(rules, sample)


def coordinated_houses(user):
    """The houses of which the user is a coordinator (links from the partner's inbox)."""
    return House.objects.filter(pk__in=coordinated_house_ids(user)).order_by("name")


@dataclass
class InboxFilters:
    status: str = ""
    topic: int | None = None
    late: bool = False
    unrouted: bool = False

    @classmethod
    def from_data(cls, data) -> "InboxFilters":
        status = data.get("status", "")
        topic = data.get("onderwerp", "")
        return cls(
            status=status if status in QuestionStatus.values or status == "open" else "",
            topic=ascii_int(topic),
            late=data.get("laat") == "1",
            unrouted=data.get("niet_verdeeld") == "1",
        )


def _filtered(questions, filters: InboxFilters):
    if filters.status == "open":
        questions = questions.filter(status__in=OPEN_STATES)
    elif filters.status:
        questions = questions.filter(status=filters.status)
    if filters.topic:
        questions = questions.filter(topic_id=filters.topic)
    if filters.late:
        questions = questions.filter(status__in=OPEN_STATES, due_on__lt=timezone.localdate())
    if filters.unrouted:
        questions = questions.filter(organisation__isnull=True)
    return questions.select_related(
        "topic", "age_group", "municipality", "organisation", "assignee", "house"
    ).order_by("due_on", "id")


def inbox_questions(organisation_ids, filters: InboxFilters):
    """The questions routed to these organisations (a partner's inbox)."""
    return _filtered(Question.objects.filter(organisation_id__in=organisation_ids), filters)


def house_questions(house, filters: InboxFilters):
    """Every question of a house (the coordinator's overview)."""
    return _filtered(Question.objects.filter(house=house), filters)


def question_history(question):
    return question.events.select_related("actor", "organisation")


def public_history(question):
    """What the parent sees: the answers and their own follow-up questions."""
    return question.events.filter(kind__in=QuestionEvent.PUBLIC_KINDS).select_related(
        "organisation"
    )


def answer_templates(organisation_ids):
    return AnswerTemplate.objects.filter(organisation_id__in=organisation_ids).select_related(
        "organisation"
    )


def faq_search(house, query: str = ""):
    """Published FAQ entries of a house, optionally containing ``query``; the catalogue uses this."""
    entries = FaqEntry.objects.filter(house=house, is_published=True).select_related("topic")
    for word in query.split()[:8]:
        entries = entries.filter(Q(question__icontains=word) | Q(answer__icontains=word))
    return entries


# icontains as the ORM writes it, the same on SQLite and PostgreSQL.
_CONTAINS = "UPPER({}) LIKE UPPER(%s) ESCAPE '\\'"


def faq_questions(house, query: str, *, limit: int) -> list[str]:
    """The questions of the first ``limit`` entries of ``faq_search(house, query)``, in its
    order: what the offer search shows beside its results. Plain SQL (core.sql): it is read on
    every search."""
    where, params = ["f.house_id = %s", "f.is_published = %s"], [house.pk, True]
    for word in query.split()[:8]:
        pattern = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        where.append(f"({_CONTAINS.format('f.question')} OR {_CONTAINS.format('f.answer')})")
        params += [pattern, pattern]
    statement = (
        "SELECT f.question FROM questions_faqentry f"  # noqa: S608
        " LEFT OUTER JOIN questions_topic t ON t.id = f.topic_id"
        f" WHERE {' AND '.join(where)} ORDER BY t.position, f.question, f.id LIMIT %s"
    )
    return [question for (question,) in sql.rows(statement, [*params, limit])]


def house_faq(house):
    return FaqEntry.objects.filter(house=house).select_related("topic", "created_by")


def reminders_due(today):
    """Open questions whose deadline is near (reminder) or past (escalation), not yet sent."""
    return (
        Question.objects.filter(status__in=OPEN_STATES, erased_at__isnull=True)
        .filter(
            Q(reminder_sent_at__isnull=True, due_on__lte=today + timedelta(days=4))
            | Q(escalated_at__isnull=True, due_on__lt=today)
        )
        .select_related("house", "organisation", "assignee", "topic")
    )


@dataclass
class Needs:
    rows: list
    open_count: int
    late_count: int
    median_hours: float | None
    answered_count: int


def needs(house, *, since) -> Needs:
    """Questions by month × topic × age group × municipality, and how fast they were answered."""
    questions = Question.objects.filter(house=house, created_at__gte=since)
    rows = list(
        questions.annotate(month=TruncMonth("created_at"))
        .values("month", "topic__name", "age_group__name", "municipality__name")
        .annotate(
            total=Count("id"),
            open=Count("id", filter=Q(status__in=OPEN_STATES)),
            late=Count("id", filter=Q(status__in=OPEN_STATES, due_on__lt=timezone.localdate())),
        )
        .order_by("-month", "topic__name", "age_group__name", "municipality__name")
    )
    counts = questions.aggregate(
        open=Count("id", filter=Q(status__in=OPEN_STATES)),
        late=Count("id", filter=Q(status__in=OPEN_STATES, due_on__lt=timezone.localdate())),
    )
    durations = [
        (answered - created).total_seconds() / 3600
        for created, answered in questions.filter(first_answered_at__isnull=False).values_list(
            "created_at", "first_answered_at"
        )
    ]
    return Needs(
        rows=rows,
        open_count=counts["open"],
        late_count=counts["late"],
        median_hours=statistics.median(durations) if durations else None,
        answered_count=len(durations),
    )
