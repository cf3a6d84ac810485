"""Reads of referrals that the pages, the API and the other apps share.

A professional's read of what a family shared (``referral_read``) is audited here, where the
data is handed out, never in a view.
"""

from datetime import timedelta

from django.db.models import Q, QuerySet

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.audit.services import audit_record
from huisvanhetkind.network.access import acting_organisation
from huisvanhetkind.network.models import House
from huisvanhetkind.network.selectors import (
    coordinator_emails,
    organisation_admin_emails,
    organisation_members,
)
from huisvanhetkind.referrals.codes import short_code_digest, token_digest
from huisvanhetkind.referrals.models import Referral, ReferralEvent, ReferralPolicy

DEFAULT_RESPONSE_DAYS = 5


def response_days(house: House) -> int:
    """Within how many working days a house's partners answer a referral."""
    policy = ReferralPolicy.objects.filter(house=house).only("response_days").first()
    return policy.response_days if policy else DEFAULT_RESPONSE_DAYS


def _listed() -> QuerySet[Referral]:
    return Referral.objects.select_related(
        "house", "from_organisation", "to_organisation", "service", "referrer", "handler", "domain"
    )


# What the lists show of a referral, and no more: four joins keep PostgreSQL's planner quick
# (eight tables cost it 50 ms a list), and the family's texts are not read (nor decrypted).
LIST_JOINS = ("from_organisation", "to_organisation", "service", "handler")
LIST_DEFERRED = ("reason", "contact_note", "decline_note")


def listed_referrals() -> QuerySet[Referral]:
    """Referrals as lists show them: no house, referrer or domain joined, no family texts."""
    return Referral.objects.select_related(*LIST_JOINS).defer(*LIST_DEFERRED)


def received_referrals(organisation_ids) -> QuerySet[Referral]:
    """The referrals sent to these organisations, newest first (as lists show them)."""
    return listed_referrals().filter(to_organisation_id__in=organisation_ids)


def sent_referrals(organisation_ids) -> QuerySet[Referral]:
    """The referrals sent on behalf of these organisations, newest first (as lists show them)."""
    return listed_referrals().filter(from_organisation_id__in=organisation_ids)


def referral_by_token(house: House, token: str) -> Referral | None:
    if not token:
        return None
    return (
        _listed()
        .filter(house=house, token_hash=token_digest(token), erased_at__isnull=True)
        .first()
    )


def referral_by_short_code(house: House, code: str) -> Referral | None:
    return referral_by_short_code_digest(house, short_code_digest(code))


def referral_by_short_code_digest(house: House, digest: str | None) -> Referral | None:
    """The referral whose current short code has this digest: a family that typed its code is
    remembered by the digest, so a new slip (a new code) or an erasure ends that visit too."""
    if not digest:
        return None
    return _listed().filter(house=house, short_code_hash=digest, erased_at__isnull=True).first()


def referral_history(referral: Referral) -> QuerySet[ReferralEvent]:
    return referral.events.select_related("actor", "organisation").order_by("created_at", "id")


def referral_read(referral: Referral, user) -> Referral:
    """Hand a professional what the family shared, and write that read in the audit trail."""
    audit_record(
        actor=user,
        action=AuditEvent.Action.READ,
        target=referral,
        house=referral.house,
        organisation=acting_organisation(
            user, [referral.to_organisation, referral.from_organisation]
        ),
    )
    return referral


def receiver_emails(referral: Referral) -> list[str]:
    """Who hears about a referral on the receiving side: its handler, else the organisation's
    people, else the organisation's own address, else the house's coordinators."""
    if referral.handler_id and referral.handler.email:
        return [referral.handler.email]
    emails = [u.email for u in organisation_members(referral.to_organisation) if u.email]
    if emails:
        return emails
    if referral.to_organisation.email:
        return [referral.to_organisation.email]
    return coordinator_emails(referral.house)


def referrer_emails(referral: Referral) -> list[str]:
    """Who hears back on the sending side: the referrer, else the organisation's admins."""
    if referral.referrer_id and referral.referrer.email:
        return [referral.referrer.email]
    return organisation_admin_emails(referral.from_organisation)


# --- The response clock (the daily jobs) ---------------------------------------------------------

# The working day before a deadline is at most this many days before it (a weekend and holidays).
REMINDER_WINDOW = timedelta(days=7)


def reminders_due(today) -> QuerySet[Referral]:
    """Referrals waiting for the receiving partner's answer whose deadline is near (a reminder
    not sent yet) or past (not escalated yet)."""
    return (
        Referral.objects.awaiting_answer()
        .filter(erased_at__isnull=True)
        .filter(
            Q(reminder_sent_at__isnull=True, due_on__lte=today + REMINDER_WINDOW)
            | Q(escalated_at__isnull=True, due_on__lt=today)
        )
        .select_related("house", "from_organisation", "to_organisation", "service", "handler")
        .order_by("due_on", "id")
    )


def expiry_due(today) -> QuerySet[Referral]:
    """Running referrals whose consent ended before ``today`` (it is valid on its last day)."""
    return Referral.objects.running().filter(consent__expires_on__lt=today).order_by("id")
