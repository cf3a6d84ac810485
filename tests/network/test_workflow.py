"""The states of a partner application: who takes which step, and the trail of each step as
{"status": [old, new]} with the other fields that changed."""

import pytest
from django.core.exceptions import ValidationError

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.network import services, services_organisations, services_people
from huisvanhetkind.network.workflow import (
    ALLOWED_TRANSITIONS,
    COORDINATOR_STEPS,
    ORGANISATION_STEPS,
    ApplicationStatus,
    ensure_transition,
)
from tests.factories import OrganisationFactory, PartnerApplicationFactory, RoleFactory, UserFactory

pytestmark = pytest.mark.django_db

PENDING = ApplicationStatus.PENDING
AWAITING = ApplicationStatus.AWAITING_ORGANISATION
APPROVED = ApplicationStatus.APPROVED
DECLINED = ApplicationStatus.DECLINED


@pytest.mark.parametrize(
    ("old", "new"),
    [(PENDING, APPROVED), (PENDING, AWAITING), (PENDING, DECLINED), (AWAITING, APPROVED)],
)
def test_the_steps_of_the_workflow_are_allowed(old, new):
    ensure_transition(old, new)


@pytest.mark.parametrize(
    ("old", "new"),
    [(APPROVED, DECLINED), (DECLINED, APPROVED), (AWAITING, AWAITING), (APPROVED, PENDING)],
)
def test_a_decided_application_moves_no_further_with_a_dutch_message(old, new):
    with pytest.raises(ValidationError, match="Over deze aanvraag is al beslist."):
        ensure_transition(old, new)


def test_the_coordinator_decides_pending_applications_and_the_organisation_answers_awaiting_ones():
    ensure_transition(PENDING, DECLINED, steps=COORDINATOR_STEPS)
    ensure_transition(AWAITING, DECLINED, steps=ORGANISATION_STEPS)
    with pytest.raises(ValidationError):
        ensure_transition(AWAITING, DECLINED, steps=COORDINATOR_STEPS)
    with pytest.raises(ValidationError):
        ensure_transition(PENDING, APPROVED, steps=ORGANISATION_STEPS)
    assert set(ALLOWED_TRANSITIONS) == set(ApplicationStatus)


@pytest.fixture
def existing(other_house):
    return OrganisationFactory(name="Kind en Gezin", houses=[other_house])


@pytest.fixture
def existing_admin(existing):
    user = UserFactory(email="beheer@kindengezin.example.be")
    RoleFactory(user=user, kind="org_admin", organisation=existing)
    return user


def test_the_coordinator_cannot_decline_an_application_awaiting_the_organisation(
    house, coordinator, existing, existing_admin
):
    application = PartnerApplicationFactory(house=house, organisation_name="Kind en Gezin")
    services.application_approve(application=application, actor=coordinator)
    with pytest.raises(ValidationError, match="al beslist"):
        services.application_decline(application=application, actor=coordinator, reason="Toch niet")
    application.refresh_from_db()
    assert application.status == AWAITING
    # The positive control: the organisation's admin refuses it.
    services.application_refuse_partnership(
        application=application, actor=existing_admin, reason="Niet bij ons."
    )
    application.refresh_from_db()
    assert application.status == DECLINED


def test_each_step_records_its_status_change_and_the_fields_it_set(
    house, other_house, coordinator, existing, existing_admin
):
    application = PartnerApplicationFactory(house=house, organisation_name="Kind en Gezin")
    services.application_approve(application=application, actor=coordinator)
    approved = AuditEvent.objects.get(action="approve", actor=coordinator)
    assert approved.changes["status"] == ["pending", "awaiting"]
    assert approved.changes["organisation_id"] == [None, existing.pk]
    assert approved.changes["decided_by_id"] == [None, coordinator.pk]

    services.application_confirm_partnership(application=application, actor=existing_admin)
    confirmed = AuditEvent.objects.filter(action="approve", actor=existing_admin)
    assert sorted(e.house.slug for e in confirmed) == sorted([house.slug, other_house.slug])
    assert all(e.changes["status"] == ["awaiting", "approved"] for e in confirmed)
    assert all(
        e.changes["organisation_answered_by_id"] == [None, existing_admin.pk] for e in confirmed
    )


def test_every_event_of_an_onboarding_has_the_shape_of_the_trail(house, coordinator):
    application = PartnerApplicationFactory(house=house)
    organisation = services.application_approve(application=application, actor=coordinator)
    invitation = organisation.invitations.get()
    user = services_people.invitation_accept(
        invitation=invitation, first_name="A", last_name="P", password="Lange-zin-voor-A-7"
    )
    services_organisations.organisation_update(
        organisation=organisation, actor=user, data={"description": "Nieuw"}
    )
    services_people.role_revoke(actor=coordinator, role=user.roles.get())
    events = AuditEvent.objects.all()
    assert {e.action for e in events} == {
        "create",
        "approve",
        "invite",
        "role_grant",
        "update",
        "role_revoke",
    }
    for event in events:
        assert event.changes, event.action
        for field, change in event.changes.items():
            assert isinstance(change, list) and len(change) == 2, (event.action, field)
            assert change[0] != change[1], (event.action, field)
    revoked = events.get(action="role_revoke")
    assert revoked.changes["role"] == ["org_admin", None]
