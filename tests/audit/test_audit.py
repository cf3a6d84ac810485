import pytest
from django.urls import reverse

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.audit.services import audit_record
from tests.conftest import logged_in
from tests.factories import PartnerApplicationFactory

pytestmark = pytest.mark.django_db


def test_one_call_records_who_did_what_to_which_record_and_why(house, coordinator):
    application = PartnerApplicationFactory(house=house)
    event = audit_record(
        actor=coordinator,
        action=AuditEvent.Action.DECLINE,
        target=application,
        house=house,
        reason="dubbel",
    )
    assert event.actor == coordinator
    assert event.actor_label == coordinator.email
    assert event.target_type == "network.partnerapplication"
    assert event.target_id == str(application.pk)
    assert event.reason == "dubbel"


def test_the_coordinator_reads_the_trail_of_their_house_only(
    house, other_house, coordinator, other_coordinator
):
    ours = PartnerApplicationFactory(house=house, organisation_name="Onze aanvraag")
    theirs = PartnerApplicationFactory(house=other_house, organisation_name="Hun aanvraag")
    audit_record(actor=coordinator, action=AuditEvent.Action.READ, target=ours, house=house)
    audit_record(actor=None, action=AuditEvent.Action.READ, target=theirs, house=other_house)
    content = (
        logged_in(coordinator)
        .get(reverse("network:audit_trail", kwargs={"house_slug": house.slug}))
        .content.decode()
    )
    assert "Onze aanvraag" in content
    assert "Hun aanvraag" not in content
    # The positive control: the other house's coordinator reads theirs.
    theirs_url = reverse("network:audit_trail", kwargs={"house_slug": other_house.slug})
    assert "Hun aanvraag" in logged_in(other_coordinator).get(theirs_url).content.decode()


def test_partners_and_other_coordinators_cannot_read_the_trail(
    house, worker, outsider, other_coordinator, coordinator
):
    application = PartnerApplicationFactory(house=house, organisation_name="Geheime aanvraag")
    audit_record(actor=coordinator, action=AuditEvent.Action.READ, target=application, house=house)
    url = reverse("network:audit_trail", kwargs={"house_slug": house.slug})
    for user in (worker, outsider, other_coordinator):
        response = logged_in(user).get(url)
        assert response.status_code == 404
        assert "Geheime aanvraag" not in response.content.decode()
    # The positive control: the house's coordinator reads it.
    response = logged_in(coordinator).get(url)
    assert response.status_code == 200
    assert "Geheime aanvraag" in response.content.decode()
