"""The organisation profile, the house's partner list and coordinator invitations."""

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.network.models import AgeGroup, Domain, Invitation, Role
from tests.conftest import logged_in

pytestmark = pytest.mark.django_db


def profile_url(organisation):
    return reverse("network:organisation_profile", kwargs={"pk": organisation.pk})


def profile_data(**overrides):
    data = {
        "description": "Gratis opvoedingsondersteuning voor elk gezin in Kalmthout.",
        "website": "https://www.example.be/opvoedingspunt",
        "email": "info@opvoedingspunt.example.be",
        "phone": "03 000 00 10",
        "domains": [Domain.objects.get(slug="opvoedingsondersteuning").pk],
        "age_groups": [AgeGroup.objects.get(slug="0-3").pk, AgeGroup.objects.get(slug="3-6").pk],
        "municipalities": [],
    }
    data.update(overrides)
    return data


def test_organisation_admin_updates_the_profile_and_the_change_is_audited(
    org_admin, organisation, house
):
    response = logged_in(org_admin).post(profile_url(organisation), profile_data())
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.description.startswith("Gratis")
    assert set(organisation.age_groups.values_list("slug", flat=True)) == {"0-3", "3-6"}
    event = AuditEvent.objects.get(action="update", target_id=str(organisation.pk))
    assert event.house == house
    assert "description" in event.changes and "age_groups" in event.changes


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("website", "geen url", "geldige URL"),
        ("email", "geen-adres", "geldig e-mailadres"),
        ("domains", [], "Dit veld is verplicht"),
    ],
)
def test_bad_profile_input_changes_nothing(org_admin, organisation, field, value, message):
    before = organisation.description
    response = logged_in(org_admin).post(profile_url(organisation), profile_data(**{field: value}))
    assert message in response.content.decode()
    organisation.refresh_from_db()
    assert organisation.description == before
    assert not AuditEvent.objects.filter(action="update").exists()
    # The positive control: good input right after it is saved and recorded.
    assert logged_in(org_admin).post(profile_url(organisation), profile_data()).status_code == 302
    assert AuditEvent.objects.filter(action="update").count() == 1


def test_workers_and_outsiders_cannot_edit_the_profile(worker, outsider, org_admin, organisation):
    for user in (worker, outsider):
        assert logged_in(user).post(profile_url(organisation), profile_data()).status_code == 404
    organisation.refresh_from_db()
    assert not organisation.description.startswith("Gratis")
    # The positive control: the organisation's admin edits it.
    assert logged_in(org_admin).post(profile_url(organisation), profile_data()).status_code == 302
    organisation.refresh_from_db()
    assert organisation.description.startswith("Gratis")


def test_the_coordinator_sees_the_partners_of_the_house(coordinator, outsider, organisation, house):
    url = reverse("network:house_partners", kwargs={"house_slug": house.slug})
    assert organisation.name in logged_in(coordinator).get(url).content.decode()
    assert logged_in(outsider).get(url).status_code == 404


def test_a_coordinator_invites_another_coordinator(coordinator, house, on_commit):
    url = reverse("network:house_coordinators", kwargs={"house_slug": house.slug})
    with on_commit():
        response = logged_in(coordinator).post(url, {"email": "tweede@kalmthout.example.be"})
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert (invitation.role_kind, invitation.house) == (Role.Kind.COORDINATOR, house)
    assert mail.outbox[0].to == ["tweede@kalmthout.example.be"]


def test_coordinator_invitation_with_a_bad_address_sends_nothing(coordinator, house):
    url = reverse("network:house_coordinators", kwargs={"house_slug": house.slug})
    client = logged_in(coordinator)
    response = client.post(url, {"email": "tweede"})
    assert "geldig e-mailadres" in response.content.decode()
    assert Invitation.objects.count() == 0
    # The positive control: a good address right after it is invited.
    assert client.post(url, {"email": "tweede@kalmthout.example.be"}).status_code == 302
    assert Invitation.objects.count() == 1


def test_other_houses_coordinators_and_partners_cannot_invite_coordinators(
    other_coordinator, outsider, coordinator, house
):
    url = reverse("network:house_coordinators", kwargs={"house_slug": house.slug})
    for user in (other_coordinator, outsider):
        assert logged_in(user).post(url, {"email": "x@example.be"}).status_code == 404
    assert Invitation.objects.count() == 0
    # The positive control: the house's own coordinator invites.
    assert logged_in(coordinator).post(url, {"email": "x@example.be"}).status_code == 302
    assert Invitation.objects.get().house == house


def test_the_invite_command_brings_in_the_first_coordinator(house, capsys):
    call_command("invite", "eerste@kalmthout.example.be", role="coordinator", house=house.slug)
    invitation = Invitation.objects.get()
    assert invitation.token in capsys.readouterr().out
    with pytest.raises(CommandError):
        call_command("invite", "x@example.be", role="coordinator", house="bestaat-niet")
    with pytest.raises(CommandError):
        call_command("invite", "x@example.be", role="coordinator")
