"""Who sees a referral: the people of the two organisations it joins, and nobody else. A third
partner of the same house, a coordinator of another house, the house's own coordinator (who
reads figures, never a family's data), a platform administrator without a role and an anonymous
visitor get nothing, by address and by every form."""

import pytest

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.referrals.models import Referral
from huisvanhetkind.referrals.views import ACTIONS
from tests.conftest import logged_in, with_second_factor
from tests.factories import UserFactory

LIST_URLS = ("/beheer/doorverwijzingen/", "/beheer/doorverwijzingen/verstuurd/")
NEW = "/beheer/doorverwijzingen/nieuw/"
POST_ACTIONS = [*ACTIONS, "toewijzen", "nieuwe-link", "briefje.pdf"]


def detail(referral):
    return f"/beheer/doorverwijzingen/{referral.pk}/"


def action_url(referral, action):
    return f"{detail(referral)}{action}" + ("" if action.endswith(".pdf") else "/")


def post_data(referral, user):
    return {
        "expected": referral.status,
        "decline_reason": "no_capacity",
        "handler": user.pk,
    }


def unchanged(referral):
    now = Referral.objects.get(pk=referral.pk)
    return (
        now.status == referral.status
        and now.handler_id == referral.handler_id
        and now.token_hash == referral.token_hash
        and now.short_code_hash == referral.short_code_hash
    )


@pytest.fixture
def platform_admin(db):
    return with_second_factor(UserFactory(email="beheer@platform.example.be", is_superuser=True))


@pytest.fixture
def outsiders(third_party, other_coordinator, coordinator, platform_admin):
    return {
        "a third partner of the house": third_party,
        "a coordinator of another house": other_coordinator,
        "the house's coordinator": coordinator,
        "a platform administrator without a role": platform_admin,
    }


def test_outsiders_get_404_on_the_referral_and_every_action(referral, outsiders, worker, receiver):
    referral.refresh_from_db()
    for who, user in outsiders.items():
        client = logged_in(user)
        assert client.get(detail(referral)).status_code == 404, who
        for action in POST_ACTIONS:
            response = client.post(action_url(referral, action), post_data(referral, user))
            assert response.status_code == 404, (who, action)
        for url in LIST_URLS:
            page = client.get(url)
            assert page.status_code == 200 and f"#{referral.pk}<" not in page.content.decode()
    assert unchanged(referral)
    assert not AuditEvent.objects.filter(
        action=AuditEvent.Action.READ, target_type="referrals.referral"
    ).exists()
    # Positive controls: both sides see it and list it.
    for user, url in ((receiver, LIST_URLS[0]), (worker, LIST_URLS[1])):
        client = logged_in(user)
        assert client.get(detail(referral)).status_code == 200
        assert f"#{referral.pk}<" in client.get(url).content.decode()
    assert (
        AuditEvent.objects.filter(action=AuditEvent.Action.READ, target_type="referrals.referral")
        .values_list("actor", flat=True)
        .distinct()
        .count()
        == 2
    )
    # And act on it: the receiver accepts.
    client = logged_in(receiver)
    assert (
        client.post(f"{detail(referral)}aanvaarden/", {"expected": "received"}).status_code == 302
    )
    assert Referral.objects.get(pk=referral.pk).status == "accepted"


def test_an_unknown_or_huge_referral_number_is_404(referral, receiver):
    client = logged_in(receiver)
    assert client.get("/beheer/doorverwijzingen/999999/").status_code == 404
    assert client.get("/beheer/doorverwijzingen/99999999999999999999999/").status_code == 404
    assert client.post("/beheer/doorverwijzingen/999999/aanvaarden/").status_code == 404
    assert client.get(detail(referral)).status_code == 200


def test_anonymous_visitors_are_sent_to_log_in(referral, parent_client, worker, receiver):
    urls = [detail(referral), NEW, *LIST_URLS, "/beheer/huis/kalmthout/doorverwijzingen/regels/"]
    for url in urls:
        response = parent_client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url
    for action in POST_ACTIONS:
        response = parent_client.post(action_url(referral, action), {"expected": "sent"})
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert parent_client.post(NEW, {"stap": "versturen"}).status_code == 302
    assert Referral.objects.get(pk=referral.pk).status == "sent"
    assert Referral.objects.count() == 1
    # Positive control: logged in, the referrer gets the same pages.
    client = logged_in(worker)
    for url in urls[:-1]:
        assert client.get(url).status_code == 200, url


def test_the_receiving_side_cannot_use_the_referrers_buttons_and_back(referral, worker, receiver):
    """Each side reaches the referral, but the other side's moves are refused in Dutch."""
    receiving = logged_in(receiver)
    receiving.get(detail(referral))
    response = receiving.post(
        f"{detail(referral)}intrekken/", {"expected": "received"}, follow=True
    )
    assert "Je werkt niet voor de partner die doorverwees." in response.content.decode()
    response = receiving.post(f"{detail(referral)}nieuwe-link/", follow=True)
    assert "Alleen de verwijzende partner kan dit." in response.content.decode()
    referring = logged_in(worker)
    response = referring.post(
        f"{detail(referral)}toewijzen/", {"handler": receiver.pk}, follow=True
    )
    assert "Je werkt niet voor de partner die deze doorverwijzing kreeg." in (
        response.content.decode()
    )
    assert Referral.objects.get(pk=referral.pk).handler is None
    assert Referral.objects.get(pk=referral.pk).status == "received"
    # Positive control: the referrer withdraws it.
    referring.post(f"{detail(referral)}intrekken/", {"expected": "received"})
    assert Referral.objects.get(pk=referral.pk).status == "withdrawn"


def test_a_coordinator_of_another_house_cannot_set_this_houses_response_time(
    house, other_coordinator, coordinator
):
    url = "/beheer/huis/kalmthout/doorverwijzingen/regels/"
    client = logged_in(other_coordinator)
    assert client.get(url).status_code == 404
    assert client.post(url, {"response_days": "2"}).status_code == 404
    assert logged_in(coordinator).get(url).status_code == 200
