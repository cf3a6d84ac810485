"""The response clock with fixed dates: the deadline in working days (per house), the reminder
the working day before it, the escalation to the coordinators once late, and the daily expiry
of referrals whose consent ended."""

from datetime import date, datetime

import pytest
from django.utils import timezone

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.core import scheduler
from huisvanhetkind.network.models import Role
from huisvanhetkind.referrals import services, services_clock, tasks
from huisvanhetkind.referrals.models import Referral, ReferralPolicy
from huisvanhetkind.referrals.workflow import Actor, ReferralStatus
from tests.factories import RoleFactory, UserFactory
from tests.referrals.helpers import consent_data, send

pytestmark = pytest.mark.django_db

# Monday 8 June 2026; five working days later is Monday 15 June, the working day before it
# Friday 12 June.
SENT = timezone.make_aware(datetime(2026, 6, 8, 10, 0))
DUE = date(2026, 6, 15)
EXPIRES = date(2026, 9, 1)


def at(day: date, hour: int = 7):
    return timezone.make_aware(datetime(day.year, day.month, day.day, hour, 10))


def remind(day: date) -> dict:
    return services_clock.referrals_send_reminders(today=day, now=at(day))


@pytest.fixture
def june(house, worker, organisation, receiving_organisation, receiving_service, receiver):
    """A referral sent on Monday 8 June 2026 with a consent until 1 September."""
    referral, _token, _code = send(
        house,
        worker,
        organisation,
        receiving_organisation,
        receiving_service,
        consent=consent_data(expires_on=EXPIRES),
        now=SENT,
    )
    return referral


def test_the_deadline_counts_the_houses_working_days(
    june, house, worker, organisation, receiving_organisation
):
    assert june.due_on == DUE
    ReferralPolicy.objects.create(house=house, response_days=3)
    shorter, _t, _c = send(
        house,
        worker,
        organisation,
        receiving_organisation,
        consent=consent_data(expires_on=EXPIRES),
        now=SENT,
    )
    assert shorter.due_on == date(2026, 6, 11)
    # Friday 17 July: the weekend and the national holiday (Tuesday 21 July) do not count.
    holiday, _t, _c = send(
        house,
        worker,
        organisation,
        receiving_organisation,
        consent=consent_data(expires_on=EXPIRES),
        now=timezone.make_aware(datetime(2026, 7, 17, 9, 0)),
    )
    assert holiday.due_on == date(2026, 7, 23)


def test_the_receiving_side_is_reminded_once_the_working_day_before_the_deadline(
    june, receiver, worker, coordinator, mailoutbox, on_commit
):
    with on_commit():
        assert remind(date(2026, 6, 11)) == {"reminders": 0, "escalations": 0}
    assert mailoutbox == []

    with on_commit():
        assert remind(date(2026, 6, 12)) == {"reminders": 1, "escalations": 0}
    [mail] = mailoutbox
    assert mail.to == [receiver.email]  # the receiving partner, not the referrer or coordinator
    assert (
        mail.subject
        == f"Herinnering: beantwoord doorverwijzing #{june.pk} uiterlijk maandag 15 juni"
    )
    assert f"/beheer/doorverwijzingen/{june.pk}/" in mail.body
    assert "Janssens" not in mail.body and "bevalling" not in mail.body  # no personal data
    june.refresh_from_db()
    assert june.reminder_sent_at == at(date(2026, 6, 12))
    assert june.escalated_at is None
    audit = AuditEvent.objects.get(target_id=str(june.pk), changes__has_key="reminder_sent_at")
    assert audit.changes == {"reminder_sent_at": [None, at(date(2026, 6, 12)).isoformat()]}

    # Once: not again the same day, nor on the deadline itself (not late yet).
    with on_commit():
        assert remind(date(2026, 6, 12)) == {"reminders": 0, "escalations": 0}
        assert remind(DUE) == {"reminders": 0, "escalations": 0}
    assert len(mailoutbox) == 1


def test_a_late_referral_is_escalated_once_to_the_houses_coordinators(
    june, receiver, coordinator, other_coordinator, mailoutbox, on_commit
):
    with on_commit():
        remind(date(2026, 6, 12))
        assert remind(date(2026, 6, 16)) == {"reminders": 0, "escalations": 1}
    reminder, escalation = mailoutbox
    assert escalation.to == [coordinator.email]  # not the coordinator of another house
    assert escalation.subject == f"Doorverwijzing #{june.pk} is te laat beantwoord"
    assert "Opvoedingspunt Kalmthout" in escalation.body
    assert "Kraamzorg Landelijke Thuiszorg" in escalation.body
    assert "/beheer/huis/kalmthout/doorverwijzingen/" in escalation.body
    assert "Janssens" not in escalation.body and "bevalling" not in escalation.body
    june.refresh_from_db()
    assert june.escalated_at == at(date(2026, 6, 16))
    assert june.is_late(date(2026, 6, 16)) and not june.is_late(DUE)

    with on_commit():
        assert remind(date(2026, 6, 17)) == {"reminders": 0, "escalations": 0}
    assert len(mailoutbox) == 2


def test_a_referral_first_seen_after_its_deadline_is_escalated_without_a_reminder(
    june, coordinator, mailoutbox, on_commit
):
    with on_commit():
        assert remind(date(2026, 6, 18)) == {"reminders": 0, "escalations": 1}
    [escalation] = mailoutbox
    assert escalation.to == [coordinator.email]
    june.refresh_from_db()
    assert june.reminder_sent_at is not None and june.escalated_at is not None


def test_an_answered_referral_is_neither_reminded_nor_escalated(
    june, receiver, coordinator, mailoutbox, on_commit
):
    services.referral_transition(
        referral=june, to=ReferralStatus.ACCEPTED, actor_kind=Actor.RECEIVER, actor=receiver
    )
    mailoutbox.clear()
    with on_commit():
        assert remind(date(2026, 6, 12)) == {"reminders": 0, "escalations": 0}
        assert remind(date(2026, 6, 30)) == {"reminders": 0, "escalations": 0}
    assert mailoutbox == []
    # A received (opened) but unanswered referral still runs on the clock (positive control).
    other = Referral.objects.filter(pk=june.pk)
    other.update(status=ReferralStatus.RECEIVED)
    with on_commit():
        assert remind(date(2026, 6, 30)) == {"reminders": 0, "escalations": 1}


def test_the_reminder_goes_to_the_handler_when_someone_handles_it(
    june, receiver, receiving_organisation, mailoutbox, on_commit
):
    colleague = UserFactory(email="collega@kraamzorg.example.be")
    RoleFactory(
        user=colleague, kind=Role.Kind.ORGANISATION_WORKER, organisation=receiving_organisation
    )
    services.referral_assign(referral=june, handler=colleague, actor=receiver)
    with on_commit():
        remind(date(2026, 6, 12))
    [mail] = mailoutbox
    assert mail.to == [colleague.email]


def test_a_referral_whose_consent_ended_expires_the_next_day_and_the_referrer_hears_it(
    june, worker, mailoutbox, on_commit
):
    with on_commit():
        assert services_clock.referrals_expire(today=EXPIRES, now=at(EXPIRES)) == 0
    june.refresh_from_db()
    assert june.status == ReferralStatus.SENT  # valid on its last day

    day = date(2026, 9, 2)
    with on_commit():
        assert services_clock.referrals_expire(today=day, now=at(day, 1)) == 1
    june.refresh_from_db()
    assert june.status == ReferralStatus.EXPIRED
    assert june.closed_at == at(day, 1)
    event = june.events.last()
    assert (event.from_status, event.to_status, event.actor_kind) == ("sent", "expired", "system")
    assert event.actor is None
    audit = (
        AuditEvent.objects.filter(target_id=str(june.pk), changes__has_key="status")
        .order_by("pk")
        .last()
    )
    assert audit.changes == {"status": ["sent", "expired"]}
    assert audit.actor is None and audit.actor_label == "systeem"
    [mail] = mailoutbox
    assert mail.to == [worker.email]
    assert mail.subject == f"Doorverwijzing #{june.pk} is verlopen"
    assert "1 september 2026" in mail.body
    # Without a running consent, what the family shared is erased at once; the figures stay.
    assert june.erased_at is not None and not june.reason and june.family is None
    assert june.status == "expired" and june.to_organisation_id

    # Once: an ended referral is not expired again.
    assert services_clock.referrals_expire(today=date(2026, 9, 3), now=at(date(2026, 9, 3))) == 0


def test_an_ended_referral_is_not_expired(june, receiver):
    services.referral_transition(
        referral=june,
        to=ReferralStatus.DECLINED,
        actor_kind=Actor.RECEIVER,
        actor=receiver,
        decline_reason="no_capacity",
    )
    assert services_clock.referrals_expire(today=date(2026, 9, 2), now=at(date(2026, 9, 2))) == 0
    june.refresh_from_db()
    assert june.status == ReferralStatus.DECLINED


def test_a_referral_followed_up_expires_too(june, receiver):
    for to in ("accepted", "contacted"):
        services.referral_transition(
            referral=june, to=to, actor_kind=Actor.RECEIVER, actor=receiver
        )
    assert services_clock.referrals_expire(today=date(2026, 9, 2), now=at(date(2026, 9, 2))) == 1
    june.refresh_from_db()
    assert june.status == ReferralStatus.EXPIRED


def test_the_daily_jobs_are_registered_with_their_tasks():
    jobs = scheduler.jobs()
    expected = {
        "referrals.send_referral_reminders": tasks.send_referral_reminders,
        "referrals.expire_referrals": tasks.expire_referrals,
        "referrals.erase_expired_referrals": tasks.erase_expired_referrals,
    }
    for name, task_ in expected.items():
        assert jobs[name].task is task_, name
        assert jobs[name].every.days == 1
        assert jobs[name].description
    # Expiry runs before the reminders of the day: an expired referral is not reminded.
    assert jobs["referrals.expire_referrals"].at < jobs["referrals.send_referral_reminders"].at


def test_the_tasks_run_on_todays_date(june):
    assert tasks.send_referral_reminders.call() == {"reminders": 0, "escalations": 1}
    assert tasks.expire_referrals.call() == 1  # its consent ended on 1 September 2026
    assert tasks.erase_expired_referrals.call() == 0
