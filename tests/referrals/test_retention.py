"""Retention: what a family shared in a referral is erased 12 months after the referral ended
(a rule of the register of personal data, run daily), and at once when the family withdraws
its consent; organisations, statuses and dates stay for the figures."""

from datetime import timedelta

import pytest
from django.utils import timezone

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.core import register
from huisvanhetkind.families.models import Family
from huisvanhetkind.privacy import services as privacy_services
from huisvanhetkind.referrals import services, services_clock, tasks
from huisvanhetkind.referrals.models import Consent, Referral
from huisvanhetkind.referrals.workflow import Actor, ReferralStatus
from tests.referrals.helpers import send

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def ended(referral, receiver, days_ago):
    """Decline ``referral`` ``days_ago`` days before NOW."""
    return services.referral_transition(
        referral=referral,
        to=ReferralStatus.DECLINED,
        actor_kind=Actor.RECEIVER,
        actor=receiver,
        decline_reason="no_capacity",
        decline_note="Volzet tot september.",
        now=NOW - timedelta(days=days_ago),
    )


@pytest.fixture
def referrals(house, worker, organisation, receiving_organisation, receiving_service, receiver):
    """An old ended referral (due), a recently ended one and a running one (both not due)."""

    def new():
        return send(house, worker, organisation, receiving_organisation, receiving_service)[0]

    old, recent, running = new(), new(), new()
    ended(old, receiver, 366)
    ended(recent, receiver, 364)
    return old, recent, running


def test_an_ended_referral_is_erased_12_months_later_and_the_others_are_kept(referrals):
    old, recent, running = referrals
    assert list(services_clock.erasure_due(NOW)) == [old]

    assert services_clock.referrals_erase_expired(now=NOW) == 1

    old.refresh_from_db()
    assert old.erased_at == NOW
    assert (old.family, old.child, old.reason, old.contact_note, old.decline_note) == (
        None,
        None,
        "",
        "",
        "",
    )
    assert old.token_hash is None and old.short_code_hash is None
    assert Consent.objects.get(pk=old.consent_id).family is None
    # What the figures need stays.
    assert old.status == ReferralStatus.DECLINED and old.decline_reason == "no_capacity"
    assert old.to_organisation_id and old.service_id and old.closed_at
    # The family record itself stays (other services may use it); only the link is gone.
    assert Family.objects.filter(email_digest__isnull=False).exists()

    for kept in (recent, running):
        kept.refresh_from_db()
        assert kept.erased_at is None and kept.family is not None
        assert kept.reason.startswith("Mama")

    audit = AuditEvent.objects.get(target_id=str(old.pk), action=AuditEvent.Action.ERASE)
    assert audit.changes == {
        "family": ["<present>", None],
        "reason": ["<present>", None],
        "contact_note": ["<present>", None],
        "decline_note": ["<present>", None],
        "family_link": ["<present>", None],
        "short_code": ["<present>", None],
        "erased_at": [None, NOW.isoformat()],
    }
    assert "365 dagen" in audit.reason
    assert audit.actor is None
    # Nothing of the family in the trail.
    assert "Mama" not in str(audit.changes) and "Volzet" not in str(audit.changes)

    # Nothing is due any more: a second run erases nothing.
    assert services_clock.referrals_erase_expired(now=NOW) == 0
    assert list(services_clock.erasure_due(NOW)) == []


def test_the_retention_follows_the_setting(referrals, settings):
    old, recent, running = referrals
    settings.REFERRAL_RETENTION_DAYS = 30
    assert set(services_clock.erasure_due(NOW)) == {old, recent}
    assert (
        "30 dagen na het afsluiten" in register.declarations()["referrals.Referral"].retention_text
    )
    settings.REFERRAL_RETENTION_DAYS = 365
    assert list(services_clock.erasure_due(NOW)) == [old]


def test_the_register_declares_the_rule_and_says_12_months_and_at_withdrawal():
    declaration = register.declarations()["referrals.Referral"]
    assert "12 maanden na het afsluiten" in declaration.retention_text
    assert "toestemming intrekt" in declaration.retention_text
    assert declaration.rule.name == "referrals.erase_expired"
    assert declaration.rule.task is tasks.erase_expired_referrals
    assert declaration.rule.due is services_clock.erasure_due
    assert declaration.special_basis is not None
    assert "referrals.ReferralPolicy" in register.allowed()
    assert {"referrals.Consent", "referrals.ReferralEvent"} <= register.declarations().keys()


def test_the_privacy_retention_run_erases_referrals_too(referrals):
    old, recent, running = referrals
    runs = {r.declaration.rule.name: r for r in privacy_services.retention_run(dry_run=True)}
    assert runs["referrals.erase_expired"].due == 1
    assert Referral.objects.filter(erased_at__isnull=False).count() == 0  # a dry run

    runs = {r.declaration.rule.name: r for r in privacy_services.retention_run(dry_run=False)}
    assert runs["referrals.erase_expired"].result == 1
    assert list(Referral.objects.filter(erased_at__isnull=False)) == [old]


def test_a_withdrawn_consent_erases_at_once_and_is_not_erased_again(
    referrals, receiver, mailoutbox
):
    _old, _recent, running = referrals
    services.referral_consent_withdraw(referral=running)
    running.refresh_from_db()
    assert running.erased_at is not None and running.family is None
    erasures = AuditEvent.objects.filter(target_id=str(running.pk), action=AuditEvent.Action.ERASE)
    assert erasures.count() == 1
    later = NOW + timedelta(days=400)
    assert running not in services_clock.erasure_due(later)
    assert services_clock.referrals_erase_expired(now=later) == 2  # the two others
    assert erasures.count() == 1
