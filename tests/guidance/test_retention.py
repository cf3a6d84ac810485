"""What a family shared with its bridge worker is erased 12 months after the guidance ended, at
once when the consent is withdrawn or expires (a rule of the register, run daily as a job), and
the counts stay."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.core import register, scheduler
from huisvanhetkind.guidance import services, tasks
from huisvanhetkind.guidance.models import CaseloadEntry, Contact, HelpQuestion
from huisvanhetkind.referrals.models import Consent
from tests.guidance.conftest import family_data, start

pytestmark = pytest.mark.django_db


def guided(house, bridge_worker, email):
    entry = start(house, bridge_worker, family=family_data(email=email))
    services.help_question_add(entry=entry, actor=bridge_worker, domain="housing", text="Woning")
    services.contact_add(
        entry=entry,
        actor=bridge_worker,
        happened_on=timezone.localdate(),
        kind="visit",
        note="Thuis",
    )
    return entry


def ended_days_ago(house, bridge_worker, email, days):
    entry = guided(house, bridge_worker, email)
    services.caseload_end(entry=entry, actor=bridge_worker, reason="done")
    ended = timezone.localdate() - timedelta(days=days)
    CaseloadEntry.objects.filter(pk=entry.pk).update(ended_on=ended, started_on=ended)
    return entry


def is_erased(entry) -> bool:
    entry.refresh_from_db()
    return (
        entry.erased_at is not None
        and entry.family_id is None
        and not HelpQuestion.objects.filter(entry=entry).exclude(text="").exists()
        and not Contact.objects.filter(entry=entry).exclude(note="").exists()
    )


def test_guidance_ended_a_year_ago_is_erased_and_the_counts_stay(house, bridge_worker):
    old = ended_days_ago(house, bridge_worker, "oud@example.be", 366)
    recent = ended_days_ago(house, bridge_worker, "recent@example.be", 300)
    running = guided(house, bridge_worker, "loopt@example.be")
    assert set(services.caseloads_due(timezone.now())) == {old}
    assert tasks.erase_expired_caseloads.call() == 1
    assert is_erased(old)
    assert not is_erased(recent) and not is_erased(running)
    question = old.help_questions.get()
    assert question.domain == "housing" and question.status == "open"
    assert old.contacts.get().kind == "visit" and old.organisation_id and old.ended_on
    event = AuditEvent.objects.get(
        target_type="guidance.caseloadentry", target_id=str(old.pk), action=AuditEvent.Action.ERASE
    )
    assert event.actor is None and event.changes["family"] == ["<present>", None]
    assert services.caseloads_erase_expired() == 0  # nothing twice


def test_the_retention_period_is_configurable(house, bridge_worker, settings):
    entry = ended_days_ago(house, bridge_worker, "a@example.be", 40)
    assert services.caseloads_erase_expired() == 0
    assert not is_erased(entry)
    settings.GUIDANCE_RETENTION_DAYS = 30
    assert services.caseloads_erase_expired() == 1
    assert is_erased(entry)


def test_an_expired_consent_ends_the_guidance_and_erases_it(house, bridge_worker):
    expired = guided(house, bridge_worker, "verlopen@example.be")
    valid = guided(house, bridge_worker, "geldig@example.be")
    Consent.objects.filter(pk=expired.consent_id).update(
        expires_on=timezone.localdate() - timedelta(days=1)
    )
    assert services.caseloads_erase_expired() == 1
    assert is_erased(expired)
    assert expired.status == "ended" and expired.end_reason == "consent_expired"
    assert not is_erased(valid) and valid.is_active


def test_a_consent_withdrawn_elsewhere_is_erased_by_the_rule(house, bridge_worker):
    entry = guided(house, bridge_worker, "ingetrokken@example.be")
    Consent.objects.filter(pk=entry.consent_id).update(withdrawn_at=timezone.now())
    assert services.caseloads_erase_expired() == 1
    assert is_erased(entry) and entry.end_reason == "consent_withdrawn"


def test_the_rule_is_in_the_register_and_runs_daily():
    (declaration,) = [d for d in register.rules() if d.rule.name == "guidance.erase_expired"]
    assert declaration.model == "guidance.CaseloadEntry"
    assert "365 dagen na het einde" in declaration.retention_text
    job = scheduler.jobs()["guidance.erase_expired_caseloads"]
    assert job.task is tasks.erase_expired_caseloads and job.every == timedelta(days=1)
    for model in ("guidance.CaseloadEntry", "guidance.HelpQuestion", "guidance.Contact"):
        assert register.declarations()[model].sensitive, model
    assert "guidance.PolicySignal" in register.declarations()


def test_the_retention_command_runs_the_rule(house, bridge_worker):
    entry = ended_days_ago(house, bridge_worker, "cmd@example.be", 400)
    out = StringIO()
    call_command("retention", "--dry-run", stdout=out)
    assert "guidance.erase_expired (guidance.CaseloadEntry)" in out.getvalue()
    assert not is_erased(entry)
    call_command("retention", stdout=StringIO())
    assert is_erased(entry)
