"""The professional who requested a booking gets an e-mail when the coordinator approves or
declines it: the room, the day and hours, and on a decline the reason; nobody else does."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from huisvanhetkind.network.models import Role
from huisvanhetkind.premises import services
from huisvanhetkind.premises.models import Booking
from huisvanhetkind.premises.workflow import BookingStatus as S
from tests.conftest import logged_in, with_second_factor
from tests.factories import RoleFactory, UserFactory
from tests.premises.conftest import at, request

pytestmark = pytest.mark.django_db


@pytest.fixture
def colleague(organisation):
    """Another professional of the same organisation: not the one who asked."""
    user = with_second_factor(UserFactory(email="collega@opvoedingspunt.example.be"))
    RoleFactory(user=user, kind=Role.Kind.ORGANISATION_WORKER, organisation=organisation)
    return user


def test_approving_e_mails_the_requester_once(
    house, organisation, worker, colleague, coordinator, room, accepted, on_commit
):
    [booking] = request(house, organisation, worker, room, at(1, 10), title="Oudergroep")
    mail.outbox.clear()
    with on_commit():
        services.booking_approve(actor=coordinator, booking=booking)
    assert [m.to for m in mail.outbox] == [[worker.email]]
    message = mail.outbox[0]
    assert "goedgekeurd" in message.subject and room.name in message.subject
    assert room.name in message.body and "Oudergroep" in message.body
    assert "10:00–12:00" in message.body
    assert f"{at(1, 10):%Y}" in message.body
    assert f"/beheer/huis/{house.slug}/zalen/" in message.body


def test_declining_e_mails_the_requester_once_with_the_reason(
    house, organisation, worker, colleague, coordinator, room, accepted, on_commit
):
    [booking] = request(house, organisation, worker, room, at(2, 14))
    mail.outbox.clear()
    with on_commit():
        services.booking_decline(
            actor=coordinator, booking=booking, reason="De zaal wordt geschilderd"
        )
    assert [m.to for m in mail.outbox] == [[worker.email]]
    message = mail.outbox[0]
    assert "afgewezen" in message.subject
    assert "De zaal wordt geschilderd" in message.body
    assert room.name in message.body and "14:00–16:00" in message.body


def test_a_refused_decision_sends_nothing(
    house, organisation, worker, coordinator, room, accepted, on_commit
):
    [booking] = request(house, organisation, worker, room, at(3, 10))
    mail.outbox.clear()
    with on_commit(), pytest.raises(ValidationError):
        services.booking_decline(actor=coordinator, booking=booking, reason="  ")
    assert mail.outbox == []
    services.booking_decline(actor=coordinator, booking=booking, reason="Bezet")
    mail.outbox.clear()
    with on_commit(), pytest.raises(ValidationError):
        services.booking_approve(actor=coordinator, booking=booking)
    assert mail.outbox == []


def test_deciding_through_the_page_mails_only_the_requester(
    house, organisation, worker, colleague, coordinator, room, accepted, on_commit
):
    [first] = request(house, organisation, worker, room, at(1, 10))
    [second] = request(house, organisation, worker, room, at(1, 14))
    mail.outbox.clear()
    client = logged_in(coordinator)
    url = reverse("premises:decide", args=[house.slug, first.pk])
    with on_commit():
        client.post(url, {"decision": "approve"})
        client.post(
            reverse("premises:decide", args=[house.slug, second.pk]),
            {"decision": "decline", "reason": "Eigen werking"},
        )
    assert Booking.objects.get(pk=first.pk).status == S.APPROVED
    assert Booking.objects.get(pk=second.pk).status == S.DECLINED
    assert [m.to for m in mail.outbox] == [[worker.email], [worker.email]]
    recipients = {address for m in mail.outbox for address in m.to}
    assert colleague.email not in recipients and coordinator.email not in recipients


def test_an_outsider_cannot_decide_and_nobody_is_mailed(
    house, organisation, worker, room, accepted, foreign_partner, other_coordinator, on_commit
):
    [booking] = request(house, organisation, worker, room, at(1, 10))
    mail.outbox.clear()
    url = reverse("premises:decide", args=[house.slug, booking.pk])
    with on_commit():
        for user in (foreign_partner, other_coordinator, worker):
            assert logged_in(user).post(url, {"decision": "approve"}).status_code == 404
    assert Booking.objects.get(pk=booking.pk).status == S.REQUESTED
    assert mail.outbox == []
