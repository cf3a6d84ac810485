"""What referrals add to the to-do list: the receiving partner's referrals to answer (late ones
urgent), the referrer's late ones, the coordinator's count per house; never the family, and
nothing for a third partner or another house's coordinator."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from huisvanhetkind.core import todo
from huisvanhetkind.network.models import Role
from huisvanhetkind.referrals import services
from huisvanhetkind.referrals.models import Referral
from huisvanhetkind.referrals.todo import referral_items
from huisvanhetkind.referrals.workflow import Actor, ReferralStatus
from tests.factories import RoleFactory, UserFactory
from tests.referrals.helpers import send

pytestmark = pytest.mark.django_db

YESTERDAY = timezone.localdate() - timedelta(days=1)


def items(user):
    return [
        item
        for group in todo.todo_list(user).groups
        if group.name == "referrals"
        for item in group.items
    ]


def titles(user) -> list[str]:
    return [item.title for item in items(user)]


def make_late(referral):
    Referral.objects.filter(pk=referral.pk).update(due_on=YESTERDAY)
    referral.refresh_from_db()


def test_the_receiving_partner_sees_a_referral_to_answer_without_the_family(
    referral, receiver, third_party
):
    [item] = items(receiver)
    assert item.title == f"Doorverwijzing #{referral.pk} · Kraamzorg aan huis"
    assert item.url == reverse("referrals:detail", kwargs={"pk": referral.pk})
    assert item.due == referral.due_on and not item.urgent
    assert item.detail == "van Opvoedingspunt Kalmthout: aanvaarden of weigeren"
    text = f"{item.title} {item.detail}"
    assert "Janssens" not in text and "bevalling" not in text
    assert titles(third_party) == []  # a third partner of the same house sees nothing


def test_a_late_referral_is_urgent_for_the_receiving_partner(referral, receiver):
    make_late(referral)
    [item] = items(receiver)
    assert item.urgent and item.due == YESTERDAY


def test_an_answered_referral_leaves_the_receiving_partners_list(referral, receiver):
    assert len(items(receiver)) == 1  # positive control
    services.referral_transition(
        referral=referral, to=ReferralStatus.ACCEPTED, actor_kind=Actor.RECEIVER, actor=receiver
    )
    assert items(receiver) == []


def test_a_referral_handled_by_a_colleague_is_theirs(referral, receiver, receiving_organisation):
    colleague = UserFactory(email="collega@kraamzorg.example.be")
    RoleFactory(
        user=colleague, kind=Role.Kind.ORGANISATION_WORKER, organisation=receiving_organisation
    )
    assert len(items(colleague)) == 1  # nobody's yet: everybody of the partner sees it
    services.referral_assign(referral=referral, handler=colleague, actor=receiver)
    assert len(items(colleague)) == 1
    assert items(receiver) == []


def test_the_referrer_sees_their_referral_only_once_it_is_late(referral, worker, receiver):
    assert items(worker) == []  # the referrer does not answer it
    make_late(referral)
    [item] = items(worker)
    assert item.title == f"Doorverwijzing #{referral.pk} · Kraamzorg aan huis"
    assert item.detail == "nog niet beantwoord door Kraamzorg Landelijke Thuiszorg"
    assert item.urgent
    # Opened but not answered is still not answered; answered leaves the list.
    services.referral_open(referral=referral, actor=receiver)
    assert len(items(worker)) == 1
    services.referral_transition(
        referral=referral,
        to=ReferralStatus.DECLINED,
        actor_kind=Actor.RECEIVER,
        actor=receiver,
        decline_reason="not_eligible",
    )
    assert items(worker) == []


def test_a_colleague_of_the_referrer_does_not_get_their_late_referral(
    referral, worker, organisation
):
    colleague = UserFactory(email="collega@opvoedingspunt.example.be")
    RoleFactory(user=colleague, kind=Role.Kind.ORGANISATION_WORKER, organisation=organisation)
    make_late(referral)
    assert len(items(worker)) == 1  # positive control
    assert items(colleague) == []


def test_the_coordinator_sees_a_count_of_late_referrals_per_house(
    referral, coordinator, other_coordinator, third_party, receiver
):
    assert items(coordinator) == []  # not late yet
    make_late(referral)
    [item] = items(coordinator)
    assert item.title == "1 doorverwijzing te laat beantwoord in Huis van het Kind Kalmthout"
    assert item.url == reverse("referrals:figures", kwargs={"house_slug": "kalmthout"})
    assert item.urgent and item.count == 1
    assert items(other_coordinator) == []  # another house's coordinator
    assert items(third_party) == []
    assert len(items(receiver)) == 1  # positive control beside them


def test_the_list_reads_a_fixed_number_of_queries_and_counts_the_rest(
    house, worker, organisation, receiving_organisation, receiving_service, receiver
):
    def send_some(n):
        for _ in range(n):
            send(house, worker, organisation, receiving_organisation, receiving_service)

    def queries():
        user = type(receiver).objects.get(pk=receiver.pk)  # nothing cached on the user
        with CaptureQueriesContext(connection) as captured:
            result = referral_items(user)
        return len(captured), result

    send_some(2)
    few, result = queries()
    assert len(result) == 2
    send_some(4)
    assert queries()[0] == few
    assert len(queries()[1]) == 6

    send_some(todo.LIMIT)  # more than fit: one item counts the rest
    many, result = queries()
    assert many <= few + 1
    assert len(result) == todo.LIMIT + 1
    assert result[-1].title == "en nog 6 doorverwijzingen"
    assert result[-1].count == 6 and result[-1].url == reverse("referrals:inbox")
