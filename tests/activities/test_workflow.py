"""The states of an activity and of a registration: every move checked, every change in the
audit trail as {"status": [old, new]}."""

from datetime import date, time, timedelta

import pytest
from django.core.exceptions import ValidationError

from huisvanhetkind.activities import selectors, services, services_news, services_registrations
from huisvanhetkind.activities.workflow import (
    ACTIVITY_TRANSITIONS,
    REGISTRATION_TRANSITIONS,
    ActivityStatus,
    RegistrationStatus,
    ensure_activity_transition,
    ensure_registration_transition,
)
from huisvanhetkind.audit.models import AuditEvent
from tests.activities.conftest import register
from tests.factories import NewsItemFactory, RegistrationFactory

S = RegistrationStatus


@pytest.mark.parametrize("old", ActivityStatus.values)
@pytest.mark.parametrize("new", ActivityStatus.values)
def test_an_activity_moves_only_as_its_workflow_allows(old, new):
    if new in ACTIVITY_TRANSITIONS[old]:
        ensure_activity_transition(old, new)
    else:
        with pytest.raises(ValidationError, match="kan niet"):
            ensure_activity_transition(old, new)


@pytest.mark.parametrize("old", RegistrationStatus.values)
@pytest.mark.parametrize("new", RegistrationStatus.values)
def test_a_registration_moves_only_as_its_workflow_allows(old, new):
    if new in REGISTRATION_TRANSITIONS[old]:
        ensure_registration_transition(old, new)
    else:
        with pytest.raises(ValidationError, match="Deze inschrijving kan niet meer gewijzigd"):
            ensure_registration_transition(old, new)


@pytest.mark.django_db
def test_publishing_and_taking_back_an_activity_is_audited_as_a_status_change(activity, worker):
    services.activity_transition(activity=activity, actor=worker, status=ActivityStatus.DRAFT)

    activity.refresh_from_db()
    assert activity.status == ActivityStatus.DRAFT
    event = AuditEvent.objects.get(target_type="activities.activity")
    assert event.actor == worker
    assert event.changes == {"status": ["published", "draft"]}
    with pytest.raises(ValidationError):  # the same state is no move
        services.activity_transition(activity=activity, actor=worker, status=ActivityStatus.DRAFT)
    assert AuditEvent.objects.filter(target_type="activities.activity").count() == 1


@pytest.mark.django_db
def test_a_cancellation_and_the_promotion_it_frees_are_both_in_the_history(session, worker):
    session.capacity = 1
    session.save()
    first = RegistrationFactory(session=session)
    waiting = RegistrationFactory(session=session, status=S.WAITLISTED)

    promoted = services_registrations.registration_cancel(registration=first, actor=worker)

    assert promoted == [waiting]
    first.refresh_from_db(), waiting.refresh_from_db()
    assert (first.status, waiting.status) == (S.CANCELLED, S.CONFIRMED)
    history = {
        event.target_id: event.changes
        for event in AuditEvent.objects.filter(target_type="activities.registration")
    }
    assert history == {
        str(first.pk): {"status": ["confirmed", "cancelled"]},
        str(waiting.pk): {"status": ["waitlisted", "confirmed"]},
    }


@pytest.mark.django_db
def test_a_cancelled_registration_cannot_be_cancelled_again(session):
    registration = RegistrationFactory(session=session, status=S.CANCELLED)

    with pytest.raises(ValidationError, match="Deze inschrijving kan niet meer gewijzigd"):
        services_registrations.registration_cancel(registration=registration)
    assert not AuditEvent.objects.exists()


@pytest.mark.django_db
def test_every_audit_of_activities_is_field_before_after(activity, session, worker, organisation):
    registration, _signed = register(session)
    services_registrations.registration_change(
        registration=registration, adults=2, children_ages=[1], actor=None
    )
    services_registrations.registration_mark_attendance(
        session=session, actor=worker, present_ids=[registration.pk]
    )
    selectors.session_registrations_read(session=session, actor=worker, purpose="csv")
    services.session_change(session=session, actor=worker, shift=timedelta(hours=1), note="Zaal 2")
    activity.title = "Speelbabbel XL"
    services.activity_save(activity=activity, actor=worker, organisations=[organisation])
    services.sessions_generate(
        activity=activity,
        actor=worker,
        rule="FREQ=WEEKLY;COUNT=2",
        first_day=date.today() + timedelta(days=10),
        starts=time(9),
        ends=time(11),
    )
    services_news.news_save(item=NewsItemFactory.build(house=activity.house), actor=worker)
    services.activity_cancel(activity=activity, actor=worker)

    events = list(AuditEvent.objects.all())
    assert len(events) == 9
    for event in events:
        assert all(isinstance(v, list) and len(v) == 2 for v in event.changes.values()), event
    saved = AuditEvent.objects.get(action=AuditEvent.Action.UPDATE, changes__has_key="title")
    assert saved.changes["title"] == ["Speelbabbel", "Speelbabbel XL"]
