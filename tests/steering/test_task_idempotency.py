"""The steering app's task run twice, or beside another run, has the effect of one: the owner of
an overdue follow-up action gets one reminder (tests/core/test_task_idempotency.py lists it)."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from huisvanhetkind.steering import services_meetings
from huisvanhetkind.steering.models import Decision
from huisvanhetkind.steering.tasks import follow_up_reminders
from tests.core.interleave import another_run_before_the_first_write

pytestmark = pytest.mark.django_db


@pytest.fixture
def overdue(past_meeting, lead, member, plan, goal, year):
    decision = services_meetings.decision_add(
        actor=lead,
        meeting=past_meeting,
        text="De folder herdrukken.",
        goal=goal,
        owner=member,
        due_on=date(year, 12, 31),
    )
    Decision.objects.filter(pk=decision.pk).update(due_on=timezone.localdate() - timedelta(days=1))
    return decision


def test_the_reminders_twice_are_one_e_mail(overdue, member, on_commit):
    with on_commit():
        assert follow_up_reminders.call() == {"reminded": 1}
        assert follow_up_reminders.call() == {"reminded": 0}
    assert [m.to for m in mail.outbox] == [[member.email]]


def test_the_reminders_beside_another_run_are_one_e_mail(overdue, member, on_commit, monkeypatch):
    with on_commit():
        other = another_run_before_the_first_write(
            monkeypatch, services_meetings, lambda: services_meetings.follow_up_reminders()
        )
        assert follow_up_reminders.call() == {"reminded": 0}  # the other run sent it
    assert other.ran
    assert [m.to for m in mail.outbox] == [[member.email]]
    assert Decision.objects.get().reminded_on == timezone.localdate()
