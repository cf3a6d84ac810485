"""Invitations and roles: an organisation admin invites colleagues; newcomers set a password."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.network.models import Invitation, Role
from tests.conftest import logged_in
from tests.factories import RoleFactory

pytestmark = pytest.mark.django_db
User = get_user_model()


def team_url(organisation):
    return reverse("network:team", kwargs={"pk": organisation.pk})


def test_organisation_admin_invites_a_colleague(org_admin, organisation, on_commit):
    with on_commit():
        response = logged_in(org_admin).post(
            team_url(organisation),
            {"email": "Nieuwe.Collega@Example.be", "role_kind": "org_worker"},
        )
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert invitation.email == "nieuwe.collega@example.be"
    assert invitation.organisation == organisation
    assert mail.outbox[0].to == ["nieuwe.collega@example.be"]
    assert invitation.token in mail.outbox[0].body
    assert AuditEvent.objects.filter(action="invite", actor=org_admin).exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"email": "", "role_kind": "org_worker"}, "Dit veld is verplicht"),
        ({"email": "geen-adres", "role_kind": "org_worker"}, "geldig e-mailadres"),
        ({"email": "a@example.be", "role_kind": "coordinator"}, "Selecteer een geldige keuze"),
    ],
)
def test_bad_invitation_input_gets_a_dutch_message_and_sends_nothing(
    org_admin, organisation, data, message
):
    client = logged_in(org_admin)
    response = client.post(team_url(organisation), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Invitation.objects.count() == 0
    assert mail.outbox == []
    # The positive control: good input right after it is sent.
    good = {"email": "goed@example.be", "role_kind": "org_worker"}
    assert client.post(team_url(organisation), good).status_code == 302
    assert Invitation.objects.get().email == "goed@example.be"


def test_inviting_someone_who_already_has_the_role_is_refused(org_admin, worker, organisation):
    client = logged_in(org_admin)
    response = client.post(
        team_url(organisation), {"email": worker.email, "role_kind": "org_worker"}
    )
    assert "heeft deze rol al" in response.content.decode()
    assert Invitation.objects.count() == 0
    # The positive control: the same person may still be invited as an admin.
    response = client.post(
        team_url(organisation), {"email": worker.email, "role_kind": "org_admin"}
    )
    assert response.status_code == 302
    assert Invitation.objects.get().role_kind == "org_admin"


def test_a_worker_and_an_outsider_cannot_manage_the_team(worker, outsider, org_admin, organisation):
    for user in (worker, outsider):
        client = logged_in(user)
        assert client.get(team_url(organisation)).status_code == 404
        assert (
            client.post(
                team_url(organisation), {"email": "x@example.be", "role_kind": "org_admin"}
            ).status_code
            == 404
        )
    assert Invitation.objects.count() == 0
    # The positive control: the organisation's admin manages it.
    assert logged_in(org_admin).get(team_url(organisation)).status_code == 200


def test_the_outsider_does_not_see_the_team_members(outsider, org_admin, worker, organisation):
    response = logged_in(outsider).get(team_url(organisation))
    assert response.status_code == 404
    assert worker.email not in response.content.decode()
    # The positive control: the organisation's admin sees them.
    assert worker.email in logged_in(org_admin).get(team_url(organisation)).content.decode()


def test_the_coordinator_of_the_house_can_manage_a_partners_team(coordinator, worker, organisation):
    response = logged_in(coordinator).get(team_url(organisation))
    assert response.status_code == 200
    assert worker.email in response.content.decode()


def test_a_newcomer_accepts_the_invitation_and_must_then_set_a_second_factor(
    organisation, org_admin, client
):
    invitation = Invitation.objects.create(
        email="nieuw@example.be",
        role_kind=Role.Kind.ORGANISATION_WORKER,
        organisation=organisation,
        invited_by=org_admin,
    )
    url = reverse("network:invitation_accept", kwargs={"token": invitation.token})
    assert "nieuw@example.be" in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "first_name": "Noor",
            "last_name": "Peeters",
            "password1": "Lange-zin-voor-Noor-7",
            "password2": "Lange-zin-voor-Noor-7",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="nieuw@example.be")
    assert Role.objects.filter(
        user=user, organisation=organisation, kind=Role.Kind.ORGANISATION_WORKER
    ).exists()
    invitation.refresh_from_db()
    assert invitation.accepted_by == user
    assert client.get(reverse("network:dashboard"))["Location"] == reverse("mfa_activate_totp")
    assert AuditEvent.objects.filter(
        action="role_grant", target_id=str(user.roles.get().pk)
    ).exists()


@pytest.mark.parametrize(
    ("passwords", "message"),
    [
        (("kort", "kort"), "minstens 10 tekens"),
        (("Lange-zin-voor-Noor-7", "Iets-anders-helemaal-8"), "niet gelijk"),
        (("1234567890123", "1234567890123"), "alleen cijfers"),
    ],
)
def test_bad_passwords_on_acceptance_are_refused_and_nothing_is_created(
    organisation, client, passwords, message
):
    invitation = Invitation.objects.create(
        email="nieuw@example.be", role_kind=Role.Kind.ORGANISATION_WORKER, organisation=organisation
    )
    url = reverse("network:invitation_accept", kwargs={"token": invitation.token})
    response = client.post(
        url,
        {
            "first_name": "Noor",
            "last_name": "Peeters",
            "password1": passwords[0],
            "password2": passwords[1],
        },
    )
    assert message in response.content.decode()
    assert not User.objects.filter(email="nieuw@example.be").exists()
    # The positive control: a good password right after it makes the account.
    good = "Lange-zin-voor-Noor-7"
    response = client.post(
        url, {"first_name": "Noor", "last_name": "Peeters", "password1": good, "password2": good}
    )
    assert response.status_code == 302
    assert User.objects.filter(email="nieuw@example.be").exists()


def test_an_expired_or_used_invitation_cannot_be_used(organisation, org_admin, client):
    expired = Invitation.objects.create(
        email="laat@example.be",
        role_kind=Role.Kind.ORGANISATION_WORKER,
        organisation=organisation,
        expires_at=timezone.now() - timedelta(minutes=1),
    )
    used = Invitation.objects.create(
        email="gebruikt@example.be",
        role_kind=Role.Kind.ORGANISATION_WORKER,
        organisation=organisation,
        accepted_at=timezone.now(),
    )
    fresh = Invitation.objects.create(
        email="vers@example.be", role_kind=Role.Kind.ORGANISATION_WORKER, organisation=organisation
    )
    data = {
        "first_name": "A",
        "last_name": "B",
        "password1": "Lange-zin-voor-A-7",
        "password2": "Lange-zin-voor-A-7",
    }
    for invitation in (expired, used):
        url = reverse("network:invitation_accept", kwargs={"token": invitation.token})
        assert client.post(url, data).status_code == 410
        assert not User.objects.filter(email=invitation.email).exists()
    # The positive control: a fresh invitation is taken up.
    url = reverse("network:invitation_accept", kwargs={"token": fresh.token})
    assert client.post(url, data).status_code == 302
    assert User.objects.filter(email="vers@example.be").exists()


def test_a_tampered_invitation_token_is_404(client, organisation):
    invitation = Invitation.objects.create(
        email="echt@example.be", role_kind=Role.Kind.ORGANISATION_WORKER, organisation=organisation
    )
    for token in ("verzonnen-token", invitation.token[:-1]):
        url = reverse("network:invitation_accept", kwargs={"token": token})
        assert client.get(url).status_code == 404
    # The positive control: the token itself opens the invitation.
    url = reverse("network:invitation_accept", kwargs={"token": invitation.token})
    assert client.get(url).status_code == 200


def test_an_admin_revokes_a_role_and_it_is_audited(org_admin, worker, organisation):
    role = worker.roles.get()
    url = reverse("network:role_remove", kwargs={"pk": organisation.pk, "role_pk": role.pk})
    response = logged_in(org_admin).post(url, follow=True)
    assert response.redirect_chain == [(team_url(organisation), 302)]
    assert f"De rol van {worker.email} is ingetrokken." in response.content.decode()
    assert not Role.objects.filter(pk=role.pk).exists()
    event = AuditEvent.objects.get(action="role_revoke", actor=org_admin)
    assert event.changes == {"user": [worker.email, None], "role": ["org_worker", None]}


def test_the_only_admin_cannot_remove_themselves(org_admin, organisation):
    role = org_admin.roles.get()
    url = reverse("network:role_remove", kwargs={"pk": organisation.pk, "role_pk": role.pk})
    client = logged_in(org_admin)
    response = client.post(url, follow=True)
    assert response.redirect_chain == [(team_url(organisation), 302)]
    assert "enige beheerder" in response.content.decode()
    assert Role.objects.filter(pk=role.pk).exists()
    # The positive control: with a second admin, they may step down.
    RoleFactory(kind=Role.Kind.ORGANISATION_ADMIN, organisation=organisation)
    assert client.post(url).status_code == 302
    assert not Role.objects.filter(pk=role.pk).exists()


def test_the_outsider_cannot_revoke_roles_elsewhere(outsider, org_admin, worker, organisation):
    role = worker.roles.get()
    url = reverse("network:role_remove", kwargs={"pk": organisation.pk, "role_pk": role.pk})
    assert logged_in(outsider).post(url).status_code == 404
    assert Role.objects.filter(pk=role.pk).exists()
    # Nor through their own organisation's address.
    own = outsider.roles.get().organisation
    url_via_own = reverse("network:role_remove", kwargs={"pk": own.pk, "role_pk": role.pk})
    assert logged_in(outsider).post(url_via_own).status_code == 404
    assert Role.objects.filter(pk=role.pk).exists()
    # The positive control: the organisation's admin revokes it.
    assert logged_in(org_admin).post(url).status_code == 302
    assert not Role.objects.filter(pk=role.pk).exists()
