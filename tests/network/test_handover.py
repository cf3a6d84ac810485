"""Handover: when a professional's last role in an organisation is revoked, what they hold for
it (assigned questions, routing rules, seats in the house's groups) moves to a colleague whom the
admin picks on the revoke page; nothing is left without an owner, every move is audited."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.core import handover
from huisvanhetkind.network import services_groups, services_people
from huisvanhetkind.network.models import Group, GroupMembership, Role
from huisvanhetkind.questions.models import Question, QuestionEvent
from tests.conftest import logged_in, with_second_factor
from tests.factories import (
    GroupFactory,
    GroupMembershipFactory,
    QuestionFactory,
    RoleFactory,
    RoutingRuleFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def colleague(organisation):
    user = with_second_factor(UserFactory(email="collega@opvoedingspunt.example.be"))
    RoleFactory(user=user, kind=Role.Kind.ORGANISATION_WORKER, organisation=organisation)
    return user


@pytest.fixture
def held(worker, organisation, house):
    """Two open questions and a closed one handled by the worker, one of a colleague, and an
    erased one (it holds nothing anymore)."""
    mine = [
        QuestionFactory(house=house, organisation=organisation, assignee=worker, status=status)
        for status in ("assigned", "in_progress", "closed")
    ]
    QuestionFactory(house=house, organisation=organisation, status="new")
    erased = QuestionFactory(
        house=house, organisation=organisation, assignee=worker, status="closed"
    )
    Question.objects.filter(pk=erased.pk).update(erased_at=erased.created_at)
    return mine


def revoke_url(organisation, role):
    return reverse("network:role_remove", kwargs={"pk": organisation.pk, "role_pk": role.pk})


def test_the_revoke_page_shows_what_moves_and_hands_the_questions_over(
    org_admin, worker, colleague, organisation, house, held
):
    role = worker.roles.get(kind=Role.Kind.ORGANISATION_WORKER)
    rule = RoutingRuleFactory(house=house, organisation=organisation, assignee=worker)
    client = logged_in(org_admin)
    page = client.get(revoke_url(organisation, role)).content.decode()
    assert "Vragen van ouders toegewezen aan deze persoon: 3" in page
    assert "Verdeelregels die nieuwe vragen aan deze persoon toewijzen: 1" in page
    assert colleague.email in page
    assert worker.email not in page.split("Collega die overneemt")[1]  # not their own successor

    response = client.post(revoke_url(organisation, role), {"successor": colleague.pk}, follow=True)
    assert f"{colleague.email} neemt over" in response.content.decode()
    assert not Role.objects.filter(pk=role.pk).exists()
    for question in held:
        question.refresh_from_db()
        assert question.assignee == colleague
        assert question.status in ("assigned", "in_progress", "closed")  # the status stays
        event = question.events.get(kind=QuestionEvent.Kind.ASSIGNED)
        assert event.actor == org_admin and colleague.email in event.body
        audit = AuditEvent.objects.get(
            target_type="questions.question", target_id=str(question.pk), action="update"
        )
        assert audit.changes == {"assignee": [worker.pk, colleague.pk]}
        assert (audit.house, audit.organisation) == (house, organisation)
    held_status = sorted(q.status for q in held)
    assert held_status == ["assigned", "closed", "in_progress"]
    rule.refresh_from_db()
    assert rule.assignee == colleague
    assert Question.objects.filter(assignee=worker, erased_at__isnull=True).count() == 0
    revoked = AuditEvent.objects.get(action="role_revoke")
    assert revoked.changes == {
        "user": [worker.email, None],
        "role": ["org_worker", None],
        "handed_over_to": [None, colleague.email],
    }


def test_a_revoke_without_a_colleague_is_refused_when_something_is_held(
    org_admin, worker, colleague, organisation, held
):
    role = worker.roles.get()
    client = logged_in(org_admin)
    # The button on the team page posts without a colleague: the page asks for one.
    response = client.post(revoke_url(organisation, role))
    assert response.status_code == 200
    assert "Collega die overneemt" in response.content.decode()
    assert Role.objects.filter(pk=role.pk).exists()
    with pytest.raises(ValidationError):
        services_people.role_revoke(actor=org_admin, role=role)
    assert Role.objects.filter(pk=role.pk).exists()
    assert Question.objects.filter(assignee=worker).count() == 4
    assert not AuditEvent.objects.filter(action="role_revoke").exists()
    # The positive control: with a colleague it goes through.
    services_people.role_revoke(actor=org_admin, role=role, successor=colleague)
    assert not Role.objects.filter(pk=role.pk).exists()


def test_an_outsider_is_never_the_successor_and_never_sees_the_page(
    org_admin, worker, outsider, colleague, organisation, held
):
    role = worker.roles.get()
    response = logged_in(org_admin).post(revoke_url(organisation, role), {"successor": outsider.pk})
    assert response.status_code == 200
    assert "Selecteer een geldige keuze" in response.content.decode()
    for bad in ("abc", "99999999999999999999999", str(worker.pk)):
        response = logged_in(org_admin).post(revoke_url(organisation, role), {"successor": bad})
        assert response.status_code == 200
    with pytest.raises(ValidationError):
        services_people.role_revoke(actor=org_admin, role=role, successor=outsider)
    with pytest.raises(ValidationError):
        services_people.role_revoke(actor=org_admin, role=role, successor=worker)
    assert Role.objects.filter(pk=role.pk).exists()
    assert Question.objects.filter(assignee=worker).count() == 4
    # Nor does the outsider open the page, or revoke through it.
    client = logged_in(outsider)
    assert client.get(revoke_url(organisation, role)).status_code == 404
    assert (
        client.post(revoke_url(organisation, role), {"successor": outsider.pk}).status_code == 404
    )
    assert Role.objects.filter(pk=role.pk).exists()
    # The positive control: the admin picks a colleague.
    response = logged_in(org_admin).post(
        revoke_url(organisation, role), {"successor": colleague.pk}
    )
    assert response.status_code == 302
    assert not Role.objects.filter(pk=role.pk).exists()


def test_nothing_moves_while_the_person_still_works_for_the_organisation(
    org_admin, worker, organisation, held
):
    second = RoleFactory(user=worker, kind=Role.Kind.ORGANISATION_ADMIN, organisation=organisation)
    assert logged_in(org_admin).post(revoke_url(organisation, second)).status_code == 302
    assert not Role.objects.filter(pk=second.pk).exists()
    assert Question.objects.filter(assignee=worker).count() == 4
    assert "handed_over_to" not in AuditEvent.objects.get(action="role_revoke").changes


def test_group_seats_move_and_bridge_roles_end_with_the_last_role(
    coordinator, org_admin, worker, colleague, organisation, house
):
    steering = GroupFactory(house=house, kind=Group.Kind.STEERING, name="Stuurgroep")
    working = GroupFactory(house=house, kind=Group.Kind.WORKING, name="Werkgroep")
    for group in (steering, working):
        GroupMembershipFactory(group=group, user=worker, organisation=organisation, is_lead=True)
    GroupMembershipFactory(group=working, user=colleague, organisation=organisation)
    bridge = services_groups.bridge_worker_designate(
        actor=coordinator, house=house, user=worker, organisation=organisation
    )
    role = worker.roles.get(kind=Role.Kind.ORGANISATION_WORKER)
    page = logged_in(org_admin).get(revoke_url(organisation, role)).content.decode()
    assert "Lidmaatschap van groepen namens de organisatie: 2" in page
    assert "Stuurgroep (Huis van het Kind Kalmthout) — trekker" in page

    services_people.role_revoke(actor=org_admin, role=role, successor=colleague)
    seats = GroupMembership.objects.filter(user=colleague).order_by("group__name")
    assert [(m.group.name, m.is_lead) for m in seats] == [("Stuurgroep", True), ("Werkgroep", True)]
    assert not GroupMembership.objects.filter(user=worker).exists()
    assert not Role.objects.filter(pk=bridge.pk).exists()
    assert not Role.objects.filter(user=worker).exists()
    moved = AuditEvent.objects.get(
        house=house, target_type="network.groupmembership", changes__has_key="user", action="update"
    )
    assert moved.changes == {"user": [worker.email, colleague.email]}
    ended = AuditEvent.objects.get(action="role_revoke", target_id=str(bridge.pk))
    assert "Werkt niet meer voor" in ended.reason


def test_the_registry_lists_every_contribution_and_refuses_a_name_twice():
    names = set(handover.providers())
    assert {"questions.assigned", "network.group_memberships"} <= names
    with pytest.raises(ValueError):
        handover.register("questions.assigned", holdings=lambda u, o: [], transfer=print)


def test_a_transfer_that_leaves_something_behind_undoes_everything(
    org_admin, worker, colleague, organisation, held, monkeypatch
):
    provider = handover.providers()["questions.assigned"]
    monkeypatch.setitem(
        handover._REGISTRY,
        "questions.assigned",
        handover.Provider(
            name=provider.name, holdings=provider.holdings, transfer=lambda *args: None
        ),
    )
    role = worker.roles.get()
    with pytest.raises(ValidationError, match="Niet alles kon overgedragen worden"):
        services_people.role_revoke(actor=org_admin, role=role, successor=colleague)
    assert Role.objects.filter(pk=role.pk).exists()
