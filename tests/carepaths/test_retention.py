"""Retention of the care paths: a path nobody may see any more lapses, and a path is erased
(with its steps, handovers and history) 12 months after it ended; the register knows the rule."""

from datetime import timedelta

import pytest
from django.utils import timezone

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.carepaths import services, tasks
from huisvanhetkind.carepaths.models import CarePath, PathEvent, PathStep, StepHandover
from huisvanhetkind.carepaths.workflow import HandoverStatus, PathStatus
from huisvanhetkind.core.register import declarations, rules
from huisvanhetkind.referrals.services import consent_withdraw
from tests.carepaths.conftest import consent_for

pytestmark = pytest.mark.django_db


def test_a_path_lapses_when_no_taking_part_organisation_has_a_current_consent(
    path, consent, worker, other_organisation
):
    step = path.steps.first()
    receiver = consent_for(path.house, path.family, other_organisation)
    handover = services.handover_offer(actor=worker, step=step, to_organisation=other_organisation)
    consent_withdraw(consent=consent, actor=None)
    # The Kraamzorg (offered a step) still has a current consent: the path runs on.
    assert services.care_paths_retention() == {"lapsed": 0, "erased": 0}
    consent_withdraw(consent=receiver, actor=None)
    assert services.care_paths_retention() == {"lapsed": 1, "erased": 0}
    path.refresh_from_db()
    handover.refresh_from_db()
    assert path.status == PathStatus.LAPSED and path.ended_at is not None
    assert handover.status == HandoverStatus.ENDED


def test_a_path_is_erased_twelve_months_after_it_ended_and_not_before(path, worker):
    services.path_stop(actor=worker, path=path, reason="Het gezin verhuisde")
    now = timezone.now()
    assert services.care_paths_retention(now=now + timedelta(days=364)) == {
        "lapsed": 0,
        "erased": 0,
    }
    assert CarePath.objects.filter(pk=path.pk).exists()
    result = tasks.care_paths_retention.call()
    assert result == {"lapsed": 0, "erased": 0}
    assert services.care_paths_retention(now=now + timedelta(days=366))["erased"] == 1
    assert not CarePath.objects.exists()
    assert not PathStep.objects.exists() and not PathEvent.objects.exists()
    assert not StepHandover.objects.exists()
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.ERASE, target_id=str(path.pk)
    ).exists()


def test_a_running_path_with_a_current_consent_is_neither_lapsed_nor_erased(path):
    later = timezone.now() + timedelta(days=150)
    assert services.care_paths_retention(now=later) == {"lapsed": 0, "erased": 0}
    assert CarePath.objects.filter(pk=path.pk, status=PathStatus.RUNNING).exists()


def test_every_care_path_model_is_in_the_register_with_its_rule():
    declared = declarations()
    for label in ("CarePath", "PathStep", "StepHandover", "PathEvent"):
        assert f"carepaths.{label}" in declared
    assert "carepaths.erase_ended" in {d.rule.name for d in rules()}
