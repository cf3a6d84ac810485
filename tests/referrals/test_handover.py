"""Handover: when a professional leaves an organisation, the running referrals they sent for it
and the ones they handle for it move to a colleague; every move is audited, ended referrals and
other people's stay, and a third partner can take nothing over."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.core import handover
from huisvanhetkind.network import services_people
from huisvanhetkind.network.models import Role
from huisvanhetkind.referrals import services
from huisvanhetkind.referrals.models import Referral
from huisvanhetkind.referrals.services_handover import referrals_hand_over
from huisvanhetkind.referrals.workflow import Actor, ReferralStatus
from tests.conftest import logged_in, with_second_factor
from tests.factories import RoleFactory, UserFactory
from tests.referrals.helpers import send

pytestmark = pytest.mark.django_db


@pytest.fixture
def colleague(organisation):
    """A colleague of the referrer at the Opvoedingspunt."""
    user = with_second_factor(UserFactory(email="collega@opvoedingspunt.example.be"))
    RoleFactory(user=user, kind=Role.Kind.ORGANISATION_WORKER, organisation=organisation)
    return user


@pytest.fixture
def receiving_colleague(receiving_organisation):
    user = with_second_factor(UserFactory(email="collega@kraamzorg.example.be"))
    RoleFactory(user=user, kind=Role.Kind.ORGANISATION_WORKER, organisation=receiving_organisation)
    return user


@pytest.fixture
def sent(house, worker, organisation, receiving_organisation, receiving_service, receiver):
    """Two running referrals the worker sent, and one that ended (declined)."""
    running = [
        send(house, worker, organisation, receiving_organisation, receiving_service)[0]
        for _ in range(2)
    ]
    ended = send(house, worker, organisation, receiving_organisation, receiving_service)[0]
    services.referral_transition(
        referral=ended,
        to=ReferralStatus.DECLINED,
        actor_kind=Actor.RECEIVER,
        actor=receiver,
        decline_reason="no_capacity",
    )
    return running, ended


def labels(user, organisation) -> dict:
    return {
        line.label: line.count
        for line in handover.holdings(user, organisation)
        if line.provider == "referrals.held"
    }


def test_the_running_referrals_a_referrer_sent_move_to_a_colleague(
    sent, worker, colleague, org_admin, organisation, house
):
    running, ended = sent
    assert labels(worker, organisation) == {
        "Lopende doorverwijzingen die deze persoon verstuurde": 2
    }
    assert labels(colleague, organisation) == {}

    moved = referrals_hand_over(
        actor=org_admin, from_user=worker, to_user=colleague, organisation=organisation
    )

    assert moved == 2
    for referral in running:
        referral.refresh_from_db()
        assert referral.referrer == colleague
        assert referral.status == ReferralStatus.SENT  # the status stays
        audit = AuditEvent.objects.get(
            target_type="referrals.referral",
            target_id=str(referral.pk),
            changes__has_key="referrer",
        )
        assert audit.changes == {"referrer": [worker.pk, colleague.pk]}
        assert (audit.actor, audit.house, audit.organisation) == (org_admin, house, organisation)
        assert colleague.email in audit.reason and worker.email in audit.reason
    ended.refresh_from_db()
    assert ended.referrer == worker  # an ended referral stays as it was
    assert labels(worker, organisation) == {}
    assert labels(colleague, organisation) == {
        "Lopende doorverwijzingen die deze persoon verstuurde": 2
    }


def test_the_referrals_a_receiver_handles_move_to_a_colleague(
    referral, receiver, receiving_colleague, receiving_organisation, worker, organisation
):
    services.referral_assign(referral=referral, handler=receiver, actor=receiver)
    assert labels(receiver, receiving_organisation) == {
        "Lopende doorverwijzingen die deze persoon behandelt": 1
    }
    # The referrer holds nothing for the receiving partner, only for their own organisation.
    assert labels(worker, receiving_organisation) == {}
    assert labels(worker, organisation) != {}

    referrals_hand_over(
        actor=receiver,
        from_user=receiver,
        to_user=receiving_colleague,
        organisation=receiving_organisation,
    )
    referral.refresh_from_db()
    assert referral.handler == receiving_colleague
    audit = AuditEvent.objects.filter(
        target_id=str(referral.pk), changes__has_key="handler"
    ).latest("pk")
    assert audit.changes == {"handler": [receiver.pk, receiving_colleague.pk]}


def test_a_third_partner_or_the_person_themselves_cannot_take_over(
    sent, worker, colleague, third_party, org_admin, organisation
):
    running, _ended = sent
    for successor in (third_party, worker, None):
        with pytest.raises(ValidationError) as refused:
            referrals_hand_over(
                actor=org_admin, from_user=worker, to_user=successor, organisation=organisation
            )
        assert "Kies een collega van Opvoedingspunt Kalmthout" in refused.value.messages[0]
    assert set(Referral.objects.filter(referrer=worker)) == {*running, _ended}
    assert not AuditEvent.objects.filter(changes__has_key="referrer").exists()
    # Positive control: a colleague can.
    assert (
        referrals_hand_over(
            actor=org_admin, from_user=worker, to_user=colleague, organisation=organisation
        )
        == 2
    )


def test_revoking_the_last_role_hands_the_referrals_over_on_the_revoke_page(
    sent, worker, colleague, org_admin, organisation
):
    running, _ended = sent
    role = worker.roles.get(kind=Role.Kind.ORGANISATION_WORKER)
    url = reverse("network:role_remove", kwargs={"pk": organisation.pk, "role_pk": role.pk})
    client = logged_in(org_admin)
    page = client.get(url).content.decode()
    assert "Lopende doorverwijzingen die deze persoon verstuurde: 2" in page

    client.post(url, {"successor": colleague.pk})

    assert not Role.objects.filter(pk=role.pk).exists()
    assert set(Referral.objects.filter(referrer=colleague)) == set(running)


def test_without_a_colleague_the_role_stays_and_nothing_moves(sent, worker, org_admin):
    running, _ended = sent
    role = worker.roles.get(kind=Role.Kind.ORGANISATION_WORKER)
    with pytest.raises(ValidationError):
        services_people.role_revoke(actor=org_admin, role=role)
    assert Role.objects.filter(pk=role.pk).exists()
    assert all(Referral.objects.get(pk=r.pk).referrer == worker for r in running)
