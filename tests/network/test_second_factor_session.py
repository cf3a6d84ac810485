"""A professional counts as logged in only when this session passed the second factor: the admin's
password-only log-in form is gone and a session without the second factor sees nothing more than
a visitor."""

import pytest
from django.test import Client
from django.urls import reverse

from huisvanhetkind.network.models import Role
from tests.conftest import logged_in, totp_code, with_second_factor
from tests.factories import (
    PASSWORD,
    OrganisationFactory,
    RoleFactory,
    ServiceFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def platform_admin(db):
    return with_second_factor(
        UserFactory(email="platform@example.be", is_staff=True, is_superuser=True)
    )


def _password_only(user) -> Client:
    """A session logged in by password alone (no second-factor step in the session)."""
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    return client


def test_the_admin_login_form_sends_to_the_platform_login(platform_admin):
    client = Client()
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"] == reverse("account_login") + "?next=/admin/"
    response = client.post(
        "/admin/login/?next=/admin/", {"username": platform_admin.username, "password": PASSWORD}
    )
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302


def test_the_admin_opens_after_password_and_second_factor(platform_admin):
    client = Client()
    client.post(reverse("account_login"), {"login": platform_admin.email, "password": PASSWORD})
    client.post(reverse("mfa_authenticate"), {"code": totp_code()})
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize("path", ["/admin/", "/beheer/"])
def test_a_password_only_session_is_logged_out_from_non_public_pages(platform_admin, path):
    client = _password_only(platform_admin)
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session
    # The control: the same account with both factors in its session gets in.
    assert logged_in(platform_admin).get(path).status_code == 200


def test_a_password_only_session_of_a_coordinator_reaches_no_house_page(coordinator, house):
    url = reverse("network:house_partners", kwargs={"house_slug": house.slug})
    assert _password_only(coordinator).get(url).status_code == 302
    assert logged_in(coordinator).get(url).status_code == 200


def test_a_password_only_session_sees_the_public_page_as_a_visitor(worker, organisation, house):
    RoleFactory(user=worker, kind=Role.Kind.ORGANISATION_ADMIN, organisation=organisation)
    service = ServiceFactory(
        organisation=organisation, referral_criteria="Bij slaapproblemen na 6 maanden."
    )
    url = reverse("catalogue:service", kwargs={"house_slug": house.slug, "pk": service.pk})
    assert "Bij slaapproblemen" not in _password_only(worker).get(url).content.decode()
    assert "Bij slaapproblemen" in logged_in(worker).get(url).content.decode()


def test_an_account_without_second_factor_sees_public_pages_as_a_visitor(organisation, house):
    user = UserFactory()
    RoleFactory(user=user, kind=Role.Kind.ORGANISATION_WORKER, organisation=organisation)
    service = ServiceFactory(organisation=organisation, referral_criteria="Alleen voor pro's.")
    url = reverse("catalogue:service", kwargs={"house_slug": house.slug, "pk": service.pk})
    client = _password_only(user)
    assert "Alleen voor pro" not in client.get(url).content.decode()
    # It can still set up its second factor (after confirming its password).
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    assert client.get(reverse("mfa_activate_totp")).status_code == 200


@pytest.mark.django_db(transaction=True)
def test_setting_up_the_second_factor_counts_for_this_session():
    """allauth announces the new authenticator after its transaction commits: a real commit."""
    organisation = OrganisationFactory()
    user = UserFactory()
    RoleFactory(user=user, kind=Role.Kind.ORGANISATION_WORKER, organisation=organisation)
    client = Client()
    client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert client.get(reverse("network:dashboard"))["Location"] == reverse("mfa_activate_totp")
    # The password just typed is enough: no second password prompt before the set-up.
    page = client.get(reverse("mfa_activate_totp"))
    secret = page.context["form"].secret
    response = client.post(reverse("mfa_activate_totp"), {"code": totp_code(secret)})
    assert response.status_code == 302
    assert client.get(reverse("network:dashboard")).status_code == 200
