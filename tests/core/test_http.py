"""The client address behind trusted proxies, and the rate limits that count it."""

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from huisvanhetkind.core.http import client_ip, client_key
from tests.factories import PASSWORD


def _request(remote="10.0.0.1", forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_without_a_trusted_proxy_the_header_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(_request("198.51.100.7", forwarded="203.0.113.9")) == "198.51.100.7"


def test_behind_one_proxy_the_address_it_appended_is_the_client(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    # The client wrote "1.2.3.4" itself; the proxy appended the address it saw.
    request = _request("127.0.0.1", forwarded="1.2.3.4, 203.0.113.9")
    assert client_ip(request) == "203.0.113.9"


def test_behind_two_proxies_the_second_address_from_the_right(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    request = _request("10.0.0.2", forwarded="1.2.3.4, 203.0.113.9, 10.0.0.1")
    assert client_ip(request) == "203.0.113.9"


@pytest.mark.parametrize("forwarded", ["", "not-an-address", " , "])
def test_a_missing_or_malformed_header_falls_back_to_the_socket(settings, forwarded):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(_request("10.0.0.5", forwarded=forwarded)) == "10.0.0.5"


def test_an_ipv6_client_counts_per_64_network(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    one = client_key(_request("2001:db8:1:2::1"))
    other_device = client_key(_request("2001:db8:1:2:aaaa:bbbb:cccc:dddd"))
    neighbour = client_key(_request("2001:db8:1:3::1"))
    assert one == other_device == "2001:db8:1:2::/64"
    assert neighbour != one
    assert client_key(_request("::ffff:203.0.113.9")) == "203.0.113.9"
    assert client_key(_request("203.0.113.9")) == "203.0.113.9"


@pytest.mark.django_db
def test_behind_the_proxy_one_visitor_locked_out_does_not_lock_out_another(settings, worker):
    """Behind the proxy every request comes from 127.0.0.1: the limit must count the client."""
    settings.TRUSTED_PROXY_COUNT = 1
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login_failed": "3/m/ip"}
    attacker = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.66")
    for _ in range(4):
        attacker.post(reverse("account_login"), {"login": "x@example.be", "password": "fout"})
    blocked = attacker.post(reverse("account_login"), {"login": worker.email, "password": PASSWORD})
    assert blocked.status_code in (200, 429)  # the form again, with "too many attempts"
    assert "_auth_user_id" not in attacker.session
    assert "mfa" not in blocked.get("Location", "")
    neighbour = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.20")
    response = neighbour.post(
        reverse("account_login"), {"login": worker.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")
