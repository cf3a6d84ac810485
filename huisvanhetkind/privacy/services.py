"""Retention: every rule of the register of personal data, run now or counted (a dry run); and
the erasures of the libraries' records that no app of ours owns (sessions, task results)."""

from dataclasses import dataclass
from datetime import timedelta

from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from huisvanhetkind.core import register
from huisvanhetkind.core.register import Declaration

# A finished background task's result (its arguments are ids, a URL, a language; an import's
# report) is read on the import's status page right after; a month later nobody needs it.
TASK_RESULT_RETENTION = timedelta(days=30)


@dataclass(frozen=True)
class RetentionRun:
    declaration: Declaration
    due: int  # records due for erasure when the run started
    result: object  # what the rule's task returned (a count or a dict); None in a dry run


def retention_run(*, dry_run: bool, now=None) -> list[RetentionRun]:
    """Run every retention rule of the register now, in the order of their names (or, with
    ``dry_run``, only count what each would erase now and change nothing)."""
    now = now or timezone.now()
    runs = []
    for declaration in register.rules():
        rule = declaration.rule
        due = rule.due(now).count()
        result = None if dry_run else rule.task.call()
        runs.append(RetentionRun(declaration=declaration, due=due, result=result))
    return runs


def sessions_due(now):
    return Session.objects.filter(expire_date__lt=now)


def sessions_erase_expired(*, now=None) -> int:
    """Delete the sessions that have expired (what ``clearsessions`` does); return how many."""
    now = now or timezone.now()
    with transaction.atomic():
        deleted, _by_model = sessions_due(now).delete()
    return deleted


def task_results_due(now):
    return DBTaskResult.objects.finished().filter(finished_at__lt=now - TASK_RESULT_RETENTION)


def task_results_erase_expired(*, now=None) -> int:
    """Delete the results of background tasks that finished more than 30 days ago."""
    now = now or timezone.now()
    with transaction.atomic():
        deleted, _by_model = task_results_due(now).delete()
    return deleted
