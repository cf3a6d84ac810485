"""Roles per house and per group: bridge workers, the house's Lokale Loketten Kinderopvang and
its groups, managed by the coordinator on their pages and audited in the house's trail; one
helper (``may_act_as``) answers who may act as what."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.network import access, services_groups
from huisvanhetkind.network.access import Capability, may_act_as
from huisvanhetkind.network.models import Designation, Group, GroupMembership, Role
from tests.conftest import logged_in
from tests.factories import (
    DesignationFactory,
    GroupFactory,
    GroupMembershipFactory,
    OrganisationFactory,
    RoleFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def url(name, house, **kwargs):
    return reverse(f"network:{name}", kwargs={"house_slug": house.slug, **kwargs})


def fresh(user):
    """The same person in a new request (the roles are read once per request)."""
    return type(user).objects.get(pk=user.pk)


def last_event(house, action):
    return AuditEvent.objects.filter(house=house, action=action).latest("id")


# --- may_act_as ----------------------------------------------------------------------------


def test_may_act_as_answers_the_existing_roles_as_the_helpers_did(
    coordinator, org_admin, worker, outsider, organisation, house, other_house
):
    assert may_act_as(coordinator, Capability.COORDINATOR, house=house)
    assert access.is_coordinator(coordinator, house)
    assert not may_act_as(coordinator, Capability.COORDINATOR, house=other_house)
    assert may_act_as(org_admin, Capability.ORGANISATION_ADMIN, organisation=organisation)
    assert not may_act_as(worker, Capability.ORGANISATION_ADMIN, organisation=organisation)
    assert may_act_as(worker, Capability.WORKS_FOR, organisation=organisation)
    assert not may_act_as(outsider, Capability.WORKS_FOR, organisation=organisation)
    # The coordinator keeps a partner's offer current, but does not work for it.
    assert may_act_as(coordinator, Capability.ORGANISATION_MEMBER, organisation=organisation)
    assert not may_act_as(coordinator, Capability.WORKS_FOR, organisation=organisation)
    assert not may_act_as(outsider, Capability.ORGANISATION_MEMBER, organisation=organisation)


def test_a_platform_admin_administers_but_holds_no_task(house, organisation):
    admin = UserFactory(is_superuser=True)
    group = GroupFactory(house=house)
    assert may_act_as(admin, Capability.COORDINATOR, house=house)
    assert may_act_as(admin, Capability.ORGANISATION_ADMIN, organisation=organisation)
    assert not may_act_as(admin, Capability.BRIDGE_WORKER, house=house)
    assert not may_act_as(admin, Capability.CHILDCARE_DESK, house=house)
    assert not may_act_as(admin, Capability.GROUP_MEMBER, group=group)


def test_may_act_as_needs_the_scope_it_asks_about(coordinator, house):
    with pytest.raises(ValueError):
        may_act_as(coordinator, Capability.COORDINATOR)
    with pytest.raises(ValueError):
        may_act_as(coordinator, Capability.GROUP_MEMBER, house=house)
    assert may_act_as(coordinator, Capability.COORDINATOR, house=house)


def test_anonymous_and_no_user_act_as_nothing(house, client):
    from django.contrib.auth.models import AnonymousUser

    assert not may_act_as(AnonymousUser(), Capability.COORDINATOR, house=house)
    assert not may_act_as(None, Capability.COORDINATOR, house=house)


# --- bridge workers ------------------------------------------------------------------------


def test_the_coordinator_designates_a_bridge_worker_and_it_is_audited(
    coordinator, worker, organisation, house, other_house
):
    role = worker.roles.get()
    client = logged_in(coordinator)
    page = client.get(url("house_bridge_workers", house))
    assert worker.email in page.content.decode()  # offered as a choice
    response = client.post(url("house_bridge_workers", house), {"person": role.pk}, follow=True)
    assert "is nu brugfiguur" in response.content.decode()
    bridge = Role.objects.get(kind=Role.Kind.BRIDGE_WORKER)
    assert (bridge.user, bridge.house, bridge.organisation) == (worker, house, organisation)
    assert access.is_bridge_worker(fresh(worker), house)
    assert access.is_bridge_worker(fresh(worker), house, organisation)
    assert not access.is_bridge_worker(fresh(worker), other_house)
    event = last_event(house, AuditEvent.Action.ROLE_GRANT)
    assert event.changes == {
        "user": [None, worker.email],
        "role": [None, "bridge_worker"],
        "organisation_id": [None, organisation.pk],
    }
    # A bridge worker still works for the organisation, as before.
    assert access.member_organisation_ids(fresh(worker)) == {organisation.pk}

    client.post(url("house_bridge_worker_end", house, pk=bridge.pk))
    assert not Role.objects.filter(kind=Role.Kind.BRIDGE_WORKER).exists()
    assert last_event(house, AuditEvent.Action.ROLE_REVOKE).changes == {
        "user": [worker.email, None],
        "role": ["bridge_worker", None],
        "organisation_id": [organisation.pk, None],
    }


def test_a_bridge_worker_works_for_an_active_partner_of_the_house(
    coordinator, house, other_house, worker
):
    stranger_org = OrganisationFactory(houses=[other_house])
    stranger = RoleFactory(kind=Role.Kind.ORGANISATION_WORKER, organisation=stranger_org)
    client = logged_in(coordinator)
    response = client.post(url("house_bridge_workers", house), {"person": stranger.pk})
    assert response.status_code == 200
    assert "Selecteer een geldige keuze" in response.content.decode()
    with pytest.raises(ValidationError):
        services_groups.bridge_worker_designate(
            actor=coordinator, house=house, user=stranger.user, organisation=stranger_org
        )
    for bad in ("abc", "99999999999999999999999", ""):
        assert client.post(url("house_bridge_workers", house), {"person": bad}).status_code == 200
    assert not Role.objects.filter(kind=Role.Kind.BRIDGE_WORKER).exists()
    # The positive control: a worker of the house's partner.
    role = worker.roles.get()
    assert client.post(url("house_bridge_workers", house), {"person": role.pk}).status_code == 302
    # Designated once per house.
    again = client.post(url("house_bridge_workers", house), {"person": role.pk})
    assert "al brugfiguur" in again.content.decode()
    assert Role.objects.filter(kind=Role.Kind.BRIDGE_WORKER).count() == 1


def test_outsiders_do_not_manage_the_houses_roles(
    outsider, org_admin, other_coordinator, worker, coordinator, house
):
    role = worker.roles.get()
    for user in (outsider, org_admin, other_coordinator, worker):
        client = logged_in(user)
        for name in ("house_bridge_workers", "house_childcare_desks", "house_groups"):
            assert client.get(url(name, house)).status_code == 404
        assert (
            client.post(url("house_bridge_workers", house), {"person": role.pk}).status_code == 404
        )
    assert not Role.objects.filter(kind=Role.Kind.BRIDGE_WORKER).exists()
    with pytest.raises(PermissionDenied):
        services_groups.bridge_worker_designate(
            actor=outsider, house=house, user=worker, organisation=role.organisation
        )
    # The positive control: the coordinator opens them.
    client = logged_in(coordinator)
    for name in ("house_bridge_workers", "house_childcare_desks", "house_groups"):
        assert client.get(url(name, house)).status_code == 200


def test_a_coordinator_cannot_end_a_bridge_worker_of_another_house(
    coordinator, other_coordinator, worker, organisation, house
):
    bridge = services_groups.bridge_worker_designate(
        actor=coordinator, house=house, user=worker, organisation=organisation
    )
    # The other house's coordinator, through their own house's address.
    other_house = other_coordinator.roles.get().house
    response = logged_in(other_coordinator).post(
        url("house_bridge_worker_end", other_house, pk=bridge.pk)
    )
    assert response.status_code == 404
    assert Role.objects.filter(pk=bridge.pk).exists()
    assert (
        logged_in(coordinator).post(url("house_bridge_worker_end", house, pk=bridge.pk)).status_code
        == 302
    )
    assert not Role.objects.filter(pk=bridge.pk).exists()


# --- childcare desks -----------------------------------------------------------------------


def test_the_coordinator_designates_several_childcare_desks(
    coordinator, organisation, other_organisation, worker, outsider, house
):
    client = logged_in(coordinator)
    assert not access.is_childcare_desk(fresh(worker), house)
    for org in (organisation, other_organisation):
        response = client.post(url("house_childcare_desks", house), {"organisation": org.pk})
        assert response.status_code == 302
    assert Designation.objects.filter(house=house).count() == 2
    assert access.is_childcare_desk(fresh(worker), house)
    assert access.is_childcare_desk(fresh(worker), house, organisation)
    assert not access.is_childcare_desk(fresh(worker), house, other_organisation)
    assert last_event(house, AuditEvent.Action.CREATE).changes["organisation_id"] == [
        None,
        other_organisation.pk,
    ]
    again = client.post(url("house_childcare_desks", house), {"organisation": organisation.pk})
    assert "is al Lokaal Loket Kinderopvang" in again.content.decode()
    assert Designation.objects.filter(house=house).count() == 2

    desk = Designation.objects.get(organisation=organisation)
    client.post(url("house_childcare_desk_end", house, pk=desk.pk))
    assert not access.is_childcare_desk(fresh(worker), house)
    assert access.is_childcare_desk(fresh(outsider), house)
    event = last_event(house, AuditEvent.Action.DELETE)
    assert event.changes["organisation_id"] == [organisation.pk, None]
    assert event.changes["kind"] == ["childcare_desk", None]


def test_only_a_partner_of_the_house_becomes_its_childcare_desk(coordinator, house, other_house):
    elsewhere = OrganisationFactory(houses=[other_house])
    response = logged_in(coordinator).post(
        url("house_childcare_desks", house), {"organisation": elsewhere.pk}
    )
    assert response.status_code == 200
    with pytest.raises(ValidationError):
        services_groups.designation_create(
            actor=coordinator, house=house, organisation=elsewhere, kind="childcare_desk"
        )
    assert not Designation.objects.exists()


# --- groups --------------------------------------------------------------------------------


def test_the_coordinator_makes_a_group_with_members_and_a_lead(
    coordinator, worker, org_admin, outsider, organisation, house
):
    client = logged_in(coordinator)
    response = client.post(
        url("house_groups", house), {"kind": "steering", "name": "Stuurgroep", "description": ""}
    )
    group = Group.objects.get()
    assert response.url == url("house_group", house, pk=group.pk)
    assert last_event(house, AuditEvent.Action.CREATE).changes == {
        "kind": [None, "steering"],
        "name": [None, "Stuurgroep"],
    }
    worker_role = worker.roles.get()
    admin_role = org_admin.roles.get()
    coordinator_role = coordinator.roles.get()
    group_url = url("house_group", house, pk=group.pk)
    client.post(group_url, {"action": "add", "person": worker_role.pk, "is_lead": "on"})
    client.post(group_url, {"action": "add", "person": coordinator_role.pk})
    membership = GroupMembership.objects.get(user=worker)
    assert (membership.organisation, membership.is_lead) == (organisation, True)
    assert GroupMembership.objects.get(user=coordinator).organisation is None
    assert last_event(house, AuditEvent.Action.CREATE).changes == {
        "group_id": [None, group.pk],
        "user": [None, coordinator.email],
        "is_lead": [None, False],
    }
    assert access.is_group_member(fresh(worker), group)
    assert access.is_group_lead(fresh(worker), group)
    assert not access.is_group_member(fresh(outsider), group)

    # A new lead takes over: a group has one.
    client.post(group_url, {"action": "add", "person": admin_role.pk, "is_lead": "on"})
    assert list(GroupMembership.objects.filter(is_lead=True).values_list("user", flat=True)) == [
        org_admin.pk
    ]
    assert not access.is_group_lead(fresh(worker), group)
    lead_events = AuditEvent.objects.filter(
        house=house, changes__has_key="is_lead", action="update"
    )
    assert [e.changes for e in lead_events] == [{"is_lead": [True, False]}]

    member_url = url("house_group_member", house, pk=group.pk, membership_pk=membership.pk)
    client.post(member_url, {"action": "lead"})
    assert GroupMembership.objects.get(is_lead=True).user == worker
    client.post(member_url, {"action": "remove"})
    assert not GroupMembership.objects.filter(user=worker).exists()
    assert last_event(house, AuditEvent.Action.DELETE).changes["user"] == [worker.email, None]

    # Renamed: the trail holds before and after.
    client.post(
        group_url,
        {"action": "save", "kind": "steering", "name": "Stuurgroep 2026", "description": "Beleid"},
    )
    group.refresh_from_db()
    assert group.name == "Stuurgroep 2026"
    assert last_event(house, AuditEvent.Action.UPDATE).changes == {
        "name": ["Stuurgroep", "Stuurgroep 2026"],
        "description": ["", "Beleid"],
    }
    page = client.get(group_url).content.decode()
    assert org_admin.email in page and coordinator.email in page

    client.post(url("house_group_delete", house, pk=group.pk))
    assert not Group.objects.exists()
    assert not GroupMembership.objects.exists()
    assert last_event(house, AuditEvent.Action.DELETE).changes["name"] == ["Stuurgroep 2026", None]


def test_a_group_member_is_a_professional_of_the_house(coordinator, house, other_house):
    group = GroupFactory(house=house, kind=Group.Kind.WORKING, name="Werkgroep armoede")
    elsewhere = RoleFactory(
        kind=Role.Kind.ORGANISATION_WORKER, organisation=OrganisationFactory(houses=[other_house])
    )
    response = logged_in(coordinator).post(
        url("house_group", house, pk=group.pk), {"action": "add", "person": elsewhere.pk}
    )
    assert "Selecteer een geldige keuze" in response.content.decode()
    with pytest.raises(ValidationError):
        services_groups.group_member_add(actor=coordinator, group=group, user=elsewhere.user)
    assert not GroupMembership.objects.exists()
    # The positive control: the coordinator of the house.
    services_groups.group_member_add(actor=coordinator, group=group, user=coordinator)
    with pytest.raises(ValidationError):  # once
        services_groups.group_member_add(actor=coordinator, group=group, user=coordinator)
    assert GroupMembership.objects.count() == 1


def test_a_group_name_is_unique_in_its_house_and_bad_input_changes_nothing(coordinator, house):
    client = logged_in(coordinator)
    client.post(url("house_groups", house), {"kind": "consultation", "name": "Partneroverleg"})
    response = client.post(
        url("house_groups", house), {"kind": "working", "name": "partneroverleg"}
    )
    assert "al een groep met de naam" in response.content.decode()
    response = client.post(url("house_groups", house), {"kind": "bestaat-niet", "name": "X"})
    assert response.status_code == 200
    assert list(Group.objects.values_list("name", flat=True)) == ["Partneroverleg"]


def test_outsiders_do_not_open_or_change_a_group(
    coordinator, outsider, other_coordinator, worker, house
):
    group = GroupFactory(house=house, name="Stuurgroep")
    membership = GroupMembershipFactory(group=group, user=coordinator)
    other_house = other_coordinator.roles.get().house
    for user, h in ((outsider, house), (worker, house), (other_coordinator, other_house)):
        client = logged_in(user)
        assert client.get(url("house_group", h, pk=group.pk)).status_code == 404
        assert client.post(url("house_group_delete", h, pk=group.pk)).status_code == 404
        member_url = url("house_group_member", h, pk=group.pk, membership_pk=membership.pk)
        assert client.post(member_url, {"action": "remove"}).status_code == 404
    assert Group.objects.filter(pk=group.pk).exists()
    assert GroupMembership.objects.filter(pk=membership.pk).exists()
    with pytest.raises(PermissionDenied):
        services_groups.group_delete(actor=outsider, group=group)
    # The positive control: the coordinator of the house.
    assert logged_in(coordinator).get(url("house_group", house, pk=group.pk)).status_code == 200


def _queries(client, path) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_the_pages_of_the_house_read_a_fixed_number_of_queries(coordinator, organisation, house):
    group = GroupFactory(house=house, name="Stuurgroep")
    client = logged_in(coordinator)
    paths = [
        url("house_bridge_workers", house),
        url("house_childcare_desks", house),
        url("house_groups", house),
        url("house_group", house, pk=group.pk),
    ]
    few = [_queries(client, path) for path in paths]
    for n in range(5):
        person = RoleFactory(kind=Role.Kind.ORGANISATION_WORKER, organisation=organisation)
        GroupMembershipFactory(group=group, user=person.user, organisation=organisation)
        RoleFactory(
            user=person.user, kind=Role.Kind.BRIDGE_WORKER, house=house, organisation=organisation
        )
        DesignationFactory(house=house, organisation=OrganisationFactory(houses=[house]))
        GroupFactory(house=house, kind=Group.Kind.WORKING, name=f"Werkgroep {n}")
    assert [_queries(client, path) for path in paths] == few
