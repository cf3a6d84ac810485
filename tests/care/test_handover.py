"""Handover: when a professional leaves an organisation, the live signals they are the contact
of (and the lead role with them) move to a colleague; withdrawn signals and other people's stay,
and nobody of another partner can take them over."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.care import selectors, services
from huisvanhetkind.care.models import Signal
from huisvanhetkind.core import handover
from huisvanhetkind.network import services_people
from huisvanhetkind.network.models import Role
from tests.care.conftest import OTHER_CHILD, SIBLING, record
from tests.conftest import with_second_factor
from tests.factories import RoleFactory, UserFactory

pytestmark = pytest.mark.django_db
LABEL = "Signalen in de signaalindex waarvan deze persoon contactpersoon is"


@pytest.fixture
def colleague(organisation):
    user = with_second_factor(UserFactory(email="collega@opvoedingspunt.example.be"))
    RoleFactory(user=user, kind=Role.Kind.ORGANISATION_WORKER, organisation=organisation)
    return user


def held(user, organisation) -> int:
    return sum(
        line.count
        for line in handover.holdings(user, organisation)
        if line.provider == "care.signals"
    )


def test_leaving_moves_the_signals_and_the_lead_to_a_colleague(
    house, worker, organisation, colleague, org_admin, nurse, other_organisation
):
    lead = record(house, worker, organisation)
    record(house, nurse, other_organisation)
    second = record(house, worker, organisation, number=SIBLING)
    withdrawn = record(house, worker, organisation, number=OTHER_CHILD)
    services.signal_withdraw(actor=worker, signal=withdrawn)
    assert held(worker, organisation) == 2 and held(colleague, organisation) == 0
    assert held(nurse, other_organisation) == 1

    role = worker.roles.get(kind=Role.Kind.ORGANISATION_WORKER)
    services_people.role_revoke(actor=org_admin, role=role, successor=colleague)

    assert set(Signal.objects.filter(contact=colleague)) == {lead, second}
    assert Signal.objects.get(pk=withdrawn.pk).contact == worker
    today = timezone.localdate()
    found = selectors.lead_of(lead, today)
    assert found.pk == lead.pk and found.contact == colleague
    audit = AuditEvent.objects.get(
        action=AuditEvent.Action.UPDATE, target_id=str(lead.pk), changes__has_key="contact"
    )
    assert audit.changes == {"contact": [worker.pk, colleague.pk]}
    assert (audit.actor, audit.organisation) == (org_admin, organisation)


def test_no_one_of_another_partner_takes_signals_over(signal, worker, organisation, nurse):
    with pytest.raises(ValidationError):
        services.signals_hand_over(
            actor=worker, from_user=worker, to_user=nurse, organisation=organisation
        )
    signal.refresh_from_db()
    assert signal.contact == worker
