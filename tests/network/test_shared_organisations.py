"""An organisation that is partner of several houses manages its own team: the coordinator of
one of its houses cannot invite or revoke its people (who read the families' data of every house
of the organisation). Team events are in the audit trail of every house of the organisation."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.network import services_people
from huisvanhetkind.network.models import Invitation, Role
from tests.conftest import logged_in, with_second_factor
from tests.factories import OrganisationFactory, RoleFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def shared(house, other_house):
    """Partner of Kalmthout and of the regional house."""
    return OrganisationFactory(name="Kind en Gezin", houses=[house, other_house])


@pytest.fixture
def regional_only(other_house):
    return OrganisationFactory(name="Speelpleinwerking Zoersel", houses=[other_house])


@pytest.fixture
def shared_worker(shared):
    user = with_second_factor(UserFactory(email="medewerker@kindengezin.example.be"))
    RoleFactory(user=user, kind=Role.Kind.ORGANISATION_WORKER, organisation=shared)
    return user


@pytest.fixture
def shared_admin(shared):
    user = with_second_factor(UserFactory(email="beheer@kindengezin.example.be"))
    RoleFactory(user=user, kind=Role.Kind.ORGANISATION_ADMIN, organisation=shared)
    return user


def team_url(organisation):
    return reverse("network:team", kwargs={"pk": organisation.pk})


def profile_url(organisation):
    return reverse("network:organisation_profile", kwargs={"pk": organisation.pk})


def invite(client, organisation, email="indringer@example.be", role="org_admin"):
    return client.post(team_url(organisation), {"email": email, "role_kind": role})


def test_a_coordinator_cannot_invite_into_an_organisation_shared_with_another_house(
    other_coordinator, shared, shared_admin
):
    client = logged_in(other_coordinator)
    assert client.get(team_url(shared)).status_code == 404
    assert invite(client, shared).status_code == 404
    assert invite(client, shared, role="org_worker").status_code == 404
    assert not Invitation.objects.exists()
    # The positive control: the organisation's own admin invites.
    assert invite(logged_in(shared_admin), shared, role="org_worker").status_code == 302
    assert Invitation.objects.get().organisation == shared


def test_a_coordinator_cannot_revoke_roles_in_an_organisation_shared_with_another_house(
    other_coordinator, shared, shared_worker, shared_admin
):
    role = shared_worker.roles.get()
    url = reverse("network:role_remove", kwargs={"pk": shared.pk, "role_pk": role.pk})
    assert logged_in(other_coordinator).post(url).status_code == 404
    assert Role.objects.filter(pk=role.pk).exists()
    # The positive control: the organisation's own admin revokes it.
    assert logged_in(shared_admin).post(url).status_code == 302
    assert not Role.objects.filter(pk=role.pk).exists()


def test_a_coordinator_cannot_change_the_profile_of_an_organisation_shared_with_another_house(
    other_coordinator, shared, shared_admin
):
    client = logged_in(other_coordinator)
    assert client.get(profile_url(shared)).status_code == 404
    assert client.post(profile_url(shared), {"description": "Gekaapt"}).status_code == 404
    shared.refresh_from_db()
    assert shared.description != "Gekaapt"
    # The positive control: the organisation's own admin opens it.
    assert logged_in(shared_admin).get(profile_url(shared)).status_code == 200


def test_a_coordinator_still_manages_the_team_of_a_partner_of_only_their_house(
    other_coordinator, regional_only, other_house
):
    """The positive control: an organisation they just onboarded, partner of their house only."""
    client = logged_in(other_coordinator)
    assert client.get(team_url(regional_only)).status_code == 200
    assert client.get(profile_url(regional_only)).status_code == 200
    assert invite(client, regional_only, email="nieuw@speelplein.example.be").status_code == 302
    invitation = Invitation.objects.get()
    assert invitation.organisation == regional_only
    events = AuditEvent.objects.filter(action="invite", target_id=str(invitation.pk))
    assert [e.house for e in events] == [other_house]


def test_a_coordinator_of_every_house_of_the_organisation_manages_its_team(
    other_coordinator, house, shared
):
    RoleFactory(user=other_coordinator, kind=Role.Kind.COORDINATOR, house=house)
    client = logged_in(other_coordinator)
    assert client.get(team_url(shared)).status_code == 200
    assert invite(client, shared, email="nieuw@kindengezin.example.be").status_code == 302
    assert Invitation.objects.filter(organisation=shared).count() == 1


def test_the_outsider_cannot_manage_a_shared_organisation(outsider, shared, shared_worker):
    client = logged_in(outsider)
    assert client.get(team_url(shared)).status_code == 404
    assert invite(client, shared).status_code == 404
    assert not Invitation.objects.exists()


def test_the_partner_list_offers_team_and_profile_only_where_the_coordinator_may_use_them(
    other_coordinator, other_house, shared, regional_only
):
    url = reverse("network:house_partners", kwargs={"house_slug": other_house.slug})
    content = logged_in(other_coordinator).get(url).content.decode()
    assert team_url(regional_only) in content
    assert profile_url(regional_only) in content
    assert team_url(shared) not in content
    assert profile_url(shared) not in content
    assert "beheert zelf" in content


def test_the_organisation_admin_invites_and_it_is_audited_in_every_house(
    shared_admin, shared, house, other_house
):
    assert (
        invite(logged_in(shared_admin), shared, email="collega@kindengezin.example.be").status_code
        == 302
    )
    invitation = Invitation.objects.get()
    events = AuditEvent.objects.filter(action="invite", target_id=str(invitation.pk))
    assert sorted(e.house.slug for e in events) == sorted([house.slug, other_house.slug])
    assert all(e.actor == shared_admin for e in events)


def test_accepting_and_revoking_a_role_are_audited_in_every_house(
    shared_admin, shared, house, other_house
):
    invitation = services_people.invitation_create(
        actor=shared_admin,
        email="nieuw@kindengezin.example.be",
        role_kind=Role.Kind.ORGANISATION_WORKER,
        organisation=shared,
    )
    user = services_people.invitation_accept(
        invitation=invitation, first_name="N", last_name="P", password="Lange-zin-voor-N-7"
    )
    role = user.roles.get()
    granted = AuditEvent.objects.filter(action="role_grant", target_id=str(role.pk))
    assert sorted(e.house.slug for e in granted) == sorted([house.slug, other_house.slug])

    url = reverse("network:role_remove", kwargs={"pk": shared.pk, "role_pk": role.pk})
    assert logged_in(shared_admin).post(url).status_code == 302
    assert not Role.objects.filter(pk=role.pk).exists()
    revoked = AuditEvent.objects.filter(action="role_revoke", target_id=str(role.pk))
    assert sorted(e.house.slug for e in revoked) == sorted([house.slug, other_house.slug])
    assert not AuditEvent.objects.filter(house__isnull=True).exists()


def test_each_house_reads_the_team_events_of_its_shared_partner_in_its_own_trail(
    shared_admin, shared, house, other_house, coordinator, other_coordinator
):
    invite(logged_in(shared_admin), shared, email="collega@kindengezin.example.be")
    for user, h in ((coordinator, house), (other_coordinator, other_house)):
        url = reverse("network:audit_trail", kwargs={"house_slug": h.slug})
        assert "collega@kindengezin.example.be" in logged_in(user).get(url).content.decode()


def test_the_partner_list_reads_a_fixed_number_of_queries(
    other_coordinator, other_house, house, django_assert_max_num_queries
):
    url = reverse("network:house_partners", kwargs={"house_slug": other_house.slug})
    client = logged_in(other_coordinator)
    OrganisationFactory(houses=[other_house])
    OrganisationFactory(houses=[other_house, house])
    client.get(url)  # sessions, roles and the like are read once
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _ in range(5):
        OrganisationFactory(houses=[other_house])
        OrganisationFactory(houses=[other_house, house])
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert response.content.decode().count("beheert zelf") == 6
