"""The response clock of referrals and their retention, run every day (``jobs.py``).

- **Reminder:** the working day before a referral's deadline, the receiving partner that has
  not answered yet gets a reminder.
- **Escalation:** once the deadline has passed without an answer, the house's coordinators hear
  of it (once).
- **Expiry:** a running referral whose consent ended is expired by the system, through the
  workflow (the referrer is told).
- **Retention:** what the family shared is erased 12 months (``services.retention_days()``)
  after the referral ended.

Each function takes ``today`` or ``now`` so that tests (and a run by hand) fix the date.
"""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.audit.services import audit_record
from huisvanhetkind.core.mail import send_templated_mail_on_commit
from huisvanhetkind.core.workdays import previous_working_day
from huisvanhetkind.network.selectors import coordinator_emails
from huisvanhetkind.referrals import selectors, services
from huisvanhetkind.referrals.models import Referral
from huisvanhetkind.referrals.workflow import Actor, ReferralStatus


def _mark(referral: Referral, *, field: str, now) -> bool:
    """Set ``field`` (a moment the clock acted) once: False when it was set already (another
    run did it a moment ago)."""
    if not Referral.objects.filter(pk=referral.pk, **{f"{field}__isnull": True}).update(
        **{field: now}
    ):
        return False
    audit_record(
        actor=None,
        action=AuditEvent.Action.UPDATE,
        target=referral,
        house=referral.house,
        organisation=referral.to_organisation,
        changes={field: [None, now.isoformat()]},
    )
    return True


def referrals_send_reminders(*, today=None, now=None) -> dict:
    """Remind the receiving partner the working day before the deadline; tell the house's
    coordinators once a referral is late. Returns how many of each were sent."""
    now = now or timezone.now()
    today = today or timezone.localdate(now)
    sent = {"reminders": 0, "escalations": 0}
    for referral in selectors.reminders_due(today):
        with transaction.atomic():
            if referral.escalated_at is None and referral.due_on < today:
                if not _mark(referral, field="escalated_at", now=now):
                    continue
                if referral.reminder_sent_at is None:
                    # Too late for a reminder: the escalation says it all.
                    Referral.objects.filter(pk=referral.pk).update(reminder_sent_at=now)
                recipients = coordinator_emails(referral.house)
                if recipients:
                    send_templated_mail_on_commit(
                        to=recipients,
                        template="referrals/email/escalation",
                        context={"referral": referral},
                    )
                sent["escalations"] += 1
            elif (
                referral.reminder_sent_at is None
                and referral.due_on >= today
                and today >= previous_working_day(referral.due_on)
            ):
                if not _mark(referral, field="reminder_sent_at", now=now):
                    continue
                send_templated_mail_on_commit(
                    to=selectors.receiver_emails(referral),
                    template="referrals/email/reminder",
                    context={"referral": referral},
                )
                sent["reminders"] += 1
    return sent


def referrals_expire(*, today=None, now=None) -> int:
    """Expire the running referrals whose consent ended (the system's move in the workflow);
    returns how many."""
    now = now or timezone.now()
    today = today or timezone.localdate(now)
    expired = 0
    for pk in list(selectors.expiry_due(today).values_list("pk", flat=True)):
        try:
            services.referral_transition(
                referral=Referral(pk=pk),
                to=ReferralStatus.EXPIRED,
                actor_kind=Actor.SYSTEM,
                note=_("De toestemming van het gezin is verlopen."),
                now=now,
            )
        except ValidationError:
            continue  # it ended a moment ago (closed, withdrawn): nothing to expire
        expired += 1
    return expired


def erasure_due(now) -> QuerySet[Referral]:
    """The referrals whose shared data ``referrals_erase_expired`` erases at ``now``: ended
    longer than the retention period ago and not erased yet."""
    cutoff = now - timedelta(days=services.retention_days())
    return Referral.objects.filter(erased_at__isnull=True, closed_at__lt=cutoff).order_by("id")


def referrals_erase_expired(*, now=None) -> int:
    """Erase what the family shared in referrals that ended longer than the retention period
    ago; organisations, service, domain, statuses and dates stay for the figures. Returns how
    many were erased."""
    now = now or timezone.now()
    days = services.retention_days()
    reason = _("Bewaartermijn van %(days)s dagen na het afsluiten verstreken.") % {"days": days}
    erased = 0
    for pk in list(erasure_due(now).values_list("pk", flat=True)):
        services.referral_erase(referral=Referral(pk=pk), now=now, reason=reason)
        erased += 1
    return erased
