"""The plan's to-do items: actions past their end date, still planned or running, for the
coordinator and the steering group of the house; nobody else."""

from datetime import date, timedelta

from django.urls import reverse
from django.utils import timezone

from huisvanhetkind.core import todo
from huisvanhetkind.steering import services
from tests.steering.conftest import action_data


def _titles(user):
    return [item.title for group in todo.todo_list(user).groups for item in group.items]


def test_late_actions_are_on_the_list_of_the_coordinator_and_the_steering_group(
    coordinator, member, worker, far_outsider, plan, goal, year
):
    yesterday = timezone.localdate() - timedelta(days=1)
    if yesterday.year != year:  # the first of January: no day of this year has passed
        return
    late = services.action_create(
        actor=None,
        plan=plan,
        data=action_data(goal, year, starts_on=date(year, 1, 1), ends_on=yesterday),
    )
    done = services.action_create(
        actor=None,
        plan=plan,
        data=action_data(goal, year, starts_on=date(year, 1, 1), ends_on=yesterday),
    )
    services.action_status_change(actor=None, action=done, status="running")
    services.action_status_change(actor=None, action=done, status="done")
    expected = f"1 actie van het jaarplan {year} over datum in Huis van het Kind Kalmthout"
    assert expected in _titles(coordinator)
    assert expected in _titles(member)
    assert expected not in _titles(worker) and expected not in _titles(far_outsider)
    item = next(
        i for g in todo.todo_list(coordinator).groups for i in g.items if i.title == expected
    )
    assert item.urgent and item.url == reverse(
        "steering:annual_plan", kwargs={"house_slug": "kalmthout", "year": year}
    )
    services.action_status_change(actor=None, action=late, status="postponed")
    assert expected not in _titles(coordinator)
