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


def test_changes_have_one_shape_before_and_after(house, coordinator):
    application = PartnerApplicationFactory(house=house)
    event = audit_record(
        actor=coordinator,
        action=AuditEvent.Action.UPDATE,
        target=application,
        house=house,
        changes={"status": ("pending", "declined"), "organisation_id": [None, 3]},
    )
    assert event.changes == {"status": ["pending", "declined"], "organisation_id": [None, 3]}
    for wrong in ({"status": "declined"}, {"count": 3}, {"status": ["a", "b", "c"]}):
        with pytest.raises(ValueError, match="before, after"):
            audit_record(
                actor=coordinator,
                action=AuditEvent.Action.UPDATE,
                target=application,
                house=house,
                changes=wrong,
            )
    assert AuditEvent.objects.filter(target_id=str(application.pk)).count() == 1


def test_the_trail_is_append_only(house, coordinator):
    event = audit_record(
        actor=coordinator,
        action=AuditEvent.Action.READ,
        target=PartnerApplicationFactory(house=house),
        house=house,
    )
    event.reason = "achteraf veranderd"
    with pytest.raises(ValueError):
        event.save()
    event.refresh_from_db()
    assert event.reason == ""


def test_a_read_records_on_behalf_of_which_organisation(house, organisation, worker, coordinator):
    from huisvanhetkind.questions.services import question_read
    from tests.factories import QuestionFactory

    question = QuestionFactory(house=house, organisation=organisation, status="new")
    question_read(question=question, actor=worker)
    question_read(question=question, actor=coordinator)
    by_worker, by_coordinator = AuditEvent.objects.filter(
        action=AuditEvent.Action.READ, target_id=str(question.pk)
    ).order_by("id")
    assert by_worker.organisation == organisation
    assert by_worker.organisation_label == organisation.name
    # The coordinator acts for the house, not for a partner.
    assert by_coordinator.organisation is None
    trail = (
        logged_in(coordinator)
        .get(reverse("network:audit_trail", kwargs={"house_slug": house.slug}))
        .content.decode()
    )
    assert f"namens {organisation.name}" in trail


def test_an_action_outside_the_list_is_refused_before_anything_is_written(house):
    # PostgreSQL would refuse a long one anyway; SQLite would store it: the list holds on both.
    before = AuditEvent.objects.count()
    with pytest.raises(ValueError, match="Unknown audit action"):
        audit_record(actor=None, action="care.signal_withdrawn", target=house, house=house)
    assert AuditEvent.objects.count() == before
    audit_record(actor=None, action=AuditEvent.Action.UPDATE, target=house, house=house)
    assert AuditEvent.objects.count() == before + 1
