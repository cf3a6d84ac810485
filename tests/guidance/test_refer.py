"""A bridge worker refers a guided family: the journey starts with the family's contact details
and the guidance's organisation filled in, once; the read is audited; nobody else gets them."""

import pytest
from django.urls import reverse

from huisvanhetkind.audit.models import AuditEvent
from tests.conftest import logged_in

pytestmark = pytest.mark.django_db


def test_the_journey_starts_with_the_family_filled_in_once(entry, bridge_worker):
    client = logged_in(bridge_worker)
    response = client.get(reverse("guidance:refer", kwargs={"pk": entry.pk}))
    assert response.status_code == 302
    assert response.url == reverse("referrals:new")
    page = client.get(response.url).content.decode()
    assert 'value="el.amrani@example.be"' in page
    assert 'value="Familie El Amrani"' in page
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.READ,
        target_id=str(entry.pk),
        reason="doorverwijzing voorbereiden",
        organisation=entry.organisation,
    ).exists()
    # Once: a next journey starts empty.
    again = client.get(reverse("referrals:new")).content.decode()
    assert "el.amrani@example.be" not in again


@pytest.mark.parametrize("who", ["colleague", "third_party", "other_bridge_worker", "coordinator"])
def test_nobody_else_starts_a_referral_of_the_family(entry, who, request):
    client = logged_in(request.getfixturevalue(who))
    before = AuditEvent.objects.count()
    response = client.get(reverse("guidance:refer", kwargs={"pk": entry.pk}))
    assert response.status_code == 404
    assert "el.amrani@example.be" not in client.get(reverse("referrals:new")).content.decode()
    assert AuditEvent.objects.count() == before


def test_an_anonymous_visitor_is_sent_to_log_in(client, entry):
    response = client.get(reverse("guidance:refer", kwargs={"pk": entry.pk}))
    assert response.status_code == 302
    assert "amrani" not in response.url
