"""'Partner worden' against robots: a honeypot field and a limit per client address."""

import pytest
from django.core import mail

from huisvanhetkind.network import views
from huisvanhetkind.network.models import PartnerApplication
from tests.network.test_onboarding import application_data, apply_url

pytestmark = pytest.mark.django_db


def test_an_application_with_an_empty_honeypot_is_stored_and_mailed(
    parent_client, house, coordinator, on_commit
):
    """The positive control: people leave the hidden field empty."""
    with on_commit():
        response = parent_client.post(apply_url(house), application_data(website_url=""))
    assert response.status_code == 200
    assert PartnerApplication.objects.count() == 1
    assert len(mail.outbox) == 1


def test_a_filled_honeypot_stores_nothing_and_sends_nothing(
    parent_client, house, coordinator, on_commit
):
    with on_commit():
        response = parent_client.post(
            apply_url(house), application_data(website_url="https://spam.example.com")
        )
    assert response.status_code == 200
    assert "kon niet verstuurd worden" in response.content.decode()
    assert PartnerApplication.objects.count() == 0
    assert mail.outbox == []


def test_the_honeypot_is_hidden_from_people(parent_client, house):
    content = parent_client.get(apply_url(house)).content.decode()
    assert 'name="website_url"' in content
    assert '<div class="field" hidden>' in content


def test_too_many_attempts_from_one_address_get_429_and_store_nothing(
    parent_client, house, coordinator, on_commit
):
    for _ in range(views.APPLY_LIMIT):
        assert parent_client.post(apply_url(house), {}).status_code == 200
    with on_commit():
        response = parent_client.post(apply_url(house), application_data())
    assert response.status_code == 429
    assert "Probeer het over een uur opnieuw" in response.content.decode()
    assert PartnerApplication.objects.count() == 0
    assert mail.outbox == []


def test_the_limit_counts_per_client_address(parent_client, client, house):
    """The positive control of the limit: another address may still apply."""
    for _ in range(views.APPLY_LIMIT + 1):
        parent_client.post(apply_url(house), {}, REMOTE_ADDR="192.0.2.1")
    response = client.post(apply_url(house), application_data(), REMOTE_ADDR="192.0.2.2")
    assert response.status_code == 200
    assert PartnerApplication.objects.count() == 1


def test_reading_the_form_is_not_limited(parent_client, house):
    for _ in range(views.APPLY_LIMIT + 2):
        assert parent_client.get(apply_url(house)).status_code == 200
