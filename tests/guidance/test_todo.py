"""A bridge worker's to-do list: the families whose next contact is due (late ones urgent) and
consents about to expire; never a family's name, nothing for anyone else."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from huisvanhetkind.core import todo
from huisvanhetkind.guidance import services
from huisvanhetkind.guidance.models import CaseloadEntry
from huisvanhetkind.referrals.models import Consent
from tests.guidance.conftest import family_data, start

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def items(user):
    return [
        item
        for group in todo.todo_list(user).groups
        if group.name == "guidance"
        for item in group.items
    ]


def planned(house, bridge_worker, email, days):
    entry = start(house, bridge_worker, family=family_data(email=email))
    CaseloadEntry.objects.filter(pk=entry.pk).update(next_contact_on=TODAY() + timedelta(days=days))
    return entry


def test_due_and_late_contacts_are_in_the_bridge_worker_s_list(house, bridge_worker):
    late = planned(house, bridge_worker, "laat@example.be", -2)
    today = planned(house, bridge_worker, "vandaag@example.be", 0)
    planned(house, bridge_worker, "later@example.be", 5)
    ended = planned(house, bridge_worker, "gestopt@example.be", -1)
    services.caseload_end(entry=ended, actor=bridge_worker, reason="done")
    listed = items(bridge_worker)
    assert [(i.title, i.urgent) for i in listed] == [
        (f"Begeleiding #{late.pk}: volgend contact", True),
        (f"Begeleiding #{today.pk}: volgend contact", False),
    ]
    assert listed[0].url == reverse("guidance:detail", kwargs={"pk": late.pk})
    assert all("Familie" not in i.title and "@" not in i.title for i in listed)


def test_a_consent_about_to_expire_is_in_the_list(house, bridge_worker):
    entry = planned(house, bridge_worker, "toestemming@example.be", 5)
    assert items(bridge_worker) == []
    Consent.objects.filter(pk=entry.consent_id).update(expires_on=TODAY() + timedelta(days=10))
    (item,) = items(bridge_worker)
    assert item.title == f"Begeleiding #{entry.pk}: toestemming loopt af"
    assert item.due == TODAY() + timedelta(days=10)


def test_nobody_else_gets_these_items(
    house, bridge_worker, colleague, org_admin, coordinator, third_party
):
    planned(house, bridge_worker, "laat@example.be", -2)
    assert len(items(bridge_worker)) == 1  # the control
    for user in (colleague, org_admin, coordinator, third_party):
        assert items(user) == []
