"""Intervision groups (intervisie): the coordinator makes one as any other group, its lead
plans its meetings, its members read them and a partner of the house who is no member does not."""

import pytest
from django.urls import reverse

from huisvanhetkind.network.models import Group, GroupMembership, Role
from huisvanhetkind.steering.models import Meeting
from tests.conftest import logged_in, with_second_factor
from tests.factories import RoleFactory, UserFactory
from tests.steering.conftest import meeting_data
from tests.steering.test_meetings import _form

pytestmark = pytest.mark.django_db


def test_the_coordinator_makes_an_intervision_group_and_its_lead_plans_a_meeting(
    house, coordinator, organisation, worker
):
    client = logged_in(coordinator)
    response = client.post(
        reverse("network:house_groups", kwargs={"house_slug": house.slug}),
        {"kind": "intervision", "name": "Intervisie", "description": "Casussen bespreken"},
    )
    group = Group.objects.get()
    assert response.status_code == 302
    assert group.kind == Group.Kind.INTERVISION
    assert group.get_kind_display() == "intervisiegroep"

    lead = with_second_factor(UserFactory(email="trekker@opvoedingspunt.example.be"))
    RoleFactory(user=lead, kind=Role.Kind.ORGANISATION_WORKER, organisation=organisation)
    GroupMembership.objects.create(group=group, user=lead, organisation=organisation, is_lead=True)
    response = logged_in(lead).post(
        reverse("steering:meeting_new", kwargs={"house_slug": house.slug, "pk": group.pk}),
        _form(meeting_data(title="Intervisie maart")),
    )
    meeting = Meeting.objects.get()
    assert response.status_code == 302
    assert meeting.group == group
    meeting_url = reverse("steering:meeting", kwargs={"house_slug": house.slug, "pk": meeting.pk})
    assert logged_in(lead).get(meeting_url).status_code == 200
    # A worker of the same partner who is no member of the group does not see it.
    assert logged_in(worker).get(meeting_url).status_code == 404


def test_an_unknown_group_kind_is_refused_in_dutch(house, coordinator):
    response = logged_in(coordinator).post(
        reverse("network:house_groups", kwargs={"house_slug": house.slug}),
        {"kind": "supervision", "name": "Supervisie", "description": ""},
    )
    assert response.status_code in (200, 400)
    assert "geldige keuze" in response.content.decode()
    assert not Group.objects.exists()
