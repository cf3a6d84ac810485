"""Who may see which question. Every access rule about questions lives here.

A question is visible to the professionals of the organisation it is routed to and to the
coordinators of its house (who route the unrouted ones and receive the late ones). Never to
another organisation, even of the same house.
"""

import secrets

from django.http import Http404
from django.shortcuts import get_object_or_404

from huisvanhetkind.core.tokens import token_digest
from huisvanhetkind.network.access import (
    get_house_for_coordinator,
    is_coordinator,
    member_organisation_ids,
)
from huisvanhetkind.network.models import Organisation
from huisvanhetkind.questions.models import AnswerTemplate, FaqEntry, Question, RoutingRule


def can_see_question(user, question: Question) -> bool:
    if question.organisation_id and question.organisation_id in member_organisation_ids(user):
        return True
    return is_coordinator(user, question.house)


def get_question_for_user(user, pk) -> Question:
    question = get_object_or_404(
        Question.objects.select_related(
            "house", "topic", "age_group", "municipality", "organisation", "assignee"
        ),
        pk=pk,
    )
    if not can_see_question(user, question):
        raise Http404
    return question


def get_answered_question_for_user(user, pk) -> Question:
    """A question that was answered at least once: an FAQ entry may start from it."""
    question = get_question_for_user(user, pk)
    if question.first_answered_at is None:
        raise Http404
    return question


def get_question_by_token(house, token: str) -> Question:
    """The parent's private page: the link is the only key. Erased questions have no link."""
    digest = token_digest(token)
    question = (
        Question.objects.filter(house=house, token_hash=digest, erased_at__isnull=True)
        .select_related("house", "topic", "organisation")
        .first()
    )
    if question is None or not secrets.compare_digest(question.token_hash, digest):
        raise Http404
    return question


def get_organisation_for_worker(user, pk) -> Organisation:
    """Answer templates: the organisation's own admins and workers."""
    if int(pk) not in member_organisation_ids(user):
        raise Http404
    return get_object_or_404(Organisation, pk=pk)


def get_answer_template_for_worker(user, organisation: Organisation, pk) -> AnswerTemplate:
    """One template of an organisation the user works for (``get_organisation_for_worker``)."""
    if organisation.pk not in member_organisation_ids(user):
        raise Http404
    return get_object_or_404(AnswerTemplate, organisation=organisation, pk=pk)


def get_routing_rule_for_user(user, house, pk) -> RoutingRule:
    get_house_for_coordinator(user, house)
    return get_object_or_404(RoutingRule.objects.filter(house=house), pk=pk)


def get_faq_entry_for_user(user, house, pk) -> FaqEntry:
    get_house_for_coordinator(user, house)
    return get_object_or_404(FaqEntry.objects.filter(house=house), pk=pk)
