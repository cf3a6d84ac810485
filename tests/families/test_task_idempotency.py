"""The family record's task runs at least once (core.requeue): a second run, after the first or
beside it, has no second effect."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.families import services, tasks
from huisvanhetkind.families.models import Child, Family
from tests.core.interleave import another_run_before_the_first_call

pytestmark = pytest.mark.django_db


def orphan_of(days, email):
    family = Family.objects.create(name="Gezin Vergeten", email=email)
    Child.objects.create(family=family, first_name="Noor", birth_date=date(2024, 5, 1))
    long_ago = timezone.now() - timedelta(days=days)
    Family.objects.filter(pk=family.pk).update(created_at=long_ago, updated_at=long_ago)
    return family


def erasures() -> int:
    return AuditEvent.objects.filter(
        target_type="families.family", action=AuditEvent.Action.ERASE
    ).count()


def test_the_erasure_run_twice_erases_once():
    orphan_of(40, "een@example.be")
    orphan_of(40, "twee@example.be")
    assert tasks.erase_orphaned_families.call() == 2
    assert tasks.erase_orphaned_families.call() == 0
    assert not Family.objects.exists() and not Child.objects.exists()
    assert erasures() == 2


def test_a_second_run_beside_the_first_erases_each_family_once(monkeypatch):
    orphan_of(40, "een@example.be")
    orphan_of(40, "twee@example.be")
    other = another_run_before_the_first_call(
        monkeypatch, services, "family_erase", lambda: tasks.erase_orphaned_families.call()
    )
    # The other run erased both after this run listed them; this one finds them gone.
    assert tasks.erase_orphaned_families.call() == 0
    assert other["ran"]
    assert not Family.objects.exists()
    assert erasures() == 2
