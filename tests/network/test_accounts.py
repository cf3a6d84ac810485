"""Professional accounts: log-in with two factors, rate limiting, password reset, no open sign-up."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse

from huisvanhetkind.network.models import Role
from tests.conftest import logged_in, totp_code
from tests.factories import PASSWORD, RoleFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_login_asks_for_the_second_factor_before_anything_non_public(worker):
    client = Client()
    response = client.post(reverse("account_login"), {"login": worker.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")
    assert client.get(reverse("network:dashboard")).status_code == 302  # not logged in yet
    response = client.post(reverse("mfa_authenticate"), {"code": totp_code()})
    assert response.status_code == 302
    assert client.get(reverse("network:dashboard")).status_code == 200


def test_a_wrong_second_factor_code_is_refused_in_dutch(worker):
    client = Client()
    client.post(reverse("account_login"), {"login": worker.email, "password": PASSWORD})
    response = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert response.status_code == 200
    assert (
        "Onjuiste code" in response.content.decode()
        or "ongeldig" in response.content.decode().lower()
    )
    assert client.get(reverse("network:dashboard")).status_code == 302


def test_someone_with_a_role_but_no_second_factor_must_set_one_up_first(organisation):
    user = UserFactory()
    RoleFactory(user=user, kind=Role.Kind.ORGANISATION_WORKER, organisation=organisation)
    client = logged_in(user)
    for path in (
        reverse("network:dashboard"),
        "/admin/",
        reverse("network:team", kwargs={"pk": organisation.pk}),
    ):
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"] == reverse("mfa_activate_totp")


def test_the_admin_site_also_needs_the_second_factor(db):
    admin = UserFactory(is_staff=True, is_superuser=True)
    response = logged_in(admin).get("/admin/")
    assert response["Location"] == reverse("mfa_activate_totp")


def test_a_user_without_a_role_sees_no_workspace(worker):
    nobody = UserFactory()
    assert logged_in(nobody).get(reverse("network:dashboard")).status_code == 404
    # The positive control: a partner's worker has one.
    assert logged_in(worker).get(reverse("network:dashboard")).status_code == 200


def test_repeated_failed_logins_are_rate_limited(worker):
    client = Client()
    for _ in range(5):
        response = client.post(
            reverse("account_login"), {"login": worker.email, "password": "fout-wachtwoord"}
        )
        assert response.status_code == 200
    response = client.post(reverse("account_login"), {"login": worker.email, "password": PASSWORD})
    assert response.status_code in (200, 429)
    assert "mfa" not in response.get("Location", "")
    assert "Te veel" in response.content.decode() or response.status_code == 429


def test_password_reset_sends_an_email(worker):
    client = Client()
    response = client.post(reverse("account_reset_password"), {"email": worker.email})
    assert response.status_code == 302
    assert mail.outbox and mail.outbox[0].to == [worker.email]


def test_password_reset_with_a_bad_address_gives_a_dutch_message(worker):
    client = Client()
    response = client.post(reverse("account_reset_password"), {"email": "geen-adres"})
    assert "geldig e-mailadres" in response.content.decode()
    assert mail.outbox == []
    # The positive control: a good address right after it gets the e-mail.
    client.post(reverse("account_reset_password"), {"email": worker.email})
    assert [m.to for m in mail.outbox] == [[worker.email]]


def test_there_is_no_open_sign_up(db):
    response = Client().post(
        reverse("account_signup"),
        {"email": "x@example.be", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 200
    assert not get_user_model().objects.filter(email="x@example.be").exists()
