"""Partners keep their own offer: create, edit, publish, archive, verify; history and reminders."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.catalogue import services
from huisvanhetkind.catalogue.models import Service, ServiceHistory, Synonym
from huisvanhetkind.catalogue.tasks import send_verification_reminders
from huisvanhetkind.network.models import AgeGroup, Domain, Municipality
from tests.conftest import logged_in
from tests.factories import ServiceFactory

pytestmark = pytest.mark.django_db


def service_data(**overrides):
    data = {
        "name": "Slaapcoaching voor peuters",
        "summary": "Slaapt je peuter slecht? We zoeken samen naar rust.",
        "description": "Een opvoedingsondersteuner komt bij je thuis.",
        "domains": [Domain.objects.get(slug="opvoedingsondersteuning").pk],
        "age_groups": [AgeGroup.objects.get(slug="0-3").pk],
        "minimum_age": "1",
        "maximum_age": "3",
        "is_free": "on",
        "languages": ["nl", "fr"],
        "service_areas": [Municipality.objects.get(name="Kalmthout").pk],
        "referral_criteria": "Bij aanhoudende slaapproblemen na de consultatie.",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def test_a_worker_creates_a_draft_that_is_not_public(worker, organisation, house, parent_client):
    response = logged_in(worker).post(
        reverse("catalogue:service_new", kwargs={"pk": organisation.pk}), service_data()
    )
    assert response.status_code == 302
    service = Service.objects.get()
    assert service.status == "draft"
    assert service.organisation == organisation
    assert service.languages == ["nl", "fr"]
    assert ServiceHistory.objects.filter(service=service, action="create").exists()
    detail = reverse("catalogue:service", kwargs={"house_slug": house.slug, "pk": service.pk})
    assert parent_client.get(detail).status_code == 404
    # The positive control: published, the same page is public.
    service.status = "published"
    service.save()
    assert parent_client.get(detail).status_code == 200


def test_publishing_makes_it_public_and_archiving_hides_it(
    worker, organisation, house, parent_client
):
    service = ServiceFactory(organisation=organisation, status="draft")
    detail = reverse("catalogue:service", kwargs={"house_slug": house.slug, "pk": service.pk})
    status_url = reverse("catalogue:service_status", kwargs={"pk": service.pk})
    logged_in(worker).post(status_url, {"status": "published"})
    assert parent_client.get(detail).status_code == 200
    logged_in(worker).post(status_url, {"status": "archived"})
    assert parent_client.get(detail).status_code == 404
    assert list(
        ServiceHistory.objects.filter(service=service).values_list("status", flat=True)
    ) == [
        "archived",
        "published",
    ]


def test_a_forbidden_transition_is_refused_with_a_dutch_message(worker, organisation):
    service = ServiceFactory(organisation=organisation, status="archived")
    response = logged_in(worker).post(
        reverse("catalogue:service_status", kwargs={"pk": service.pk}),
        {"status": "published"},
        follow=True,
    )
    assert "kan niet" in response.content.decode()
    service.refresh_from_db()
    assert service.status == "archived"
    # The positive control: the move the workflow allows is made.
    logged_in(worker).post(
        reverse("catalogue:service_status", kwargs={"pk": service.pk}), {"status": "draft"}
    )
    service.refresh_from_db()
    assert service.status == "draft"


def test_editing_records_what_changed(worker, organisation):
    service = ServiceFactory(organisation=organisation, name="Oude naam")
    logged_in(worker).post(
        reverse("catalogue:service_edit", kwargs={"pk": service.pk}),
        service_data(name="Nieuwe naam"),
    )
    service.refresh_from_db()
    assert service.name == "Nieuwe naam"
    entry = ServiceHistory.objects.get(service=service, action="update")
    assert entry.changes["name"] == ["Oude naam", "Nieuwe naam"]
    assert entry.actor == worker


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"name": ""}, "Dit veld is verplicht"),
        ({"summary": "x" * 301}, "niet meer dan 300 tekens"),
        ({"minimum_age": "6", "maximum_age": "3"}, "maximumleeftijd moet groter"),
        ({"minimum_age": "-1"}, "minstens 0"),
        ({"price": "12.50"}, "Gratis aanbod heeft geen prijs"),
        (
            {"is_free": None, "price": "10", "social_tariff_price": "15", "social_tariff": "on"},
            "niet hoger",
        ),
        ({"is_free": None, "social_tariff_price": "2"}, "Vink sociaal tarief aan"),
        ({"url": "geen website"}, "geldige URL"),
        ({"languages": ["xx"]}, "Selecteer een geldige keuze"),
        ({"domains": []}, "Dit veld is verplicht"),
    ],
)
def test_bad_service_input_gets_a_dutch_message_and_changes_nothing(
    worker, organisation, overrides, message
):
    service = ServiceFactory(organisation=organisation, name="Blijft zo")
    edit_url = reverse("catalogue:service_edit", kwargs={"pk": service.pk})
    response = logged_in(worker).post(edit_url, service_data(**overrides))
    assert message in response.content.decode()
    service.refresh_from_db()
    assert service.name == "Blijft zo"
    assert not ServiceHistory.objects.filter(service=service, action="update").exists()
    # The positive control: the same form without the fault is saved.
    logged_in(worker).post(edit_url, service_data())
    service.refresh_from_db()
    assert service.name == "Slaapcoaching voor peuters"


def test_an_outsider_organisation_can_neither_see_nor_change_our_services(
    outsider, worker, organisation
):
    service = ServiceFactory(organisation=organisation, name="Van ons", status="draft")
    client = logged_in(outsider)
    assert (
        client.get(reverse("catalogue:service_edit", kwargs={"pk": service.pk})).status_code == 404
    )
    assert (
        client.post(
            reverse("catalogue:service_edit", kwargs={"pk": service.pk}), service_data()
        ).status_code
        == 404
    )
    assert (
        client.post(
            reverse("catalogue:service_status", kwargs={"pk": service.pk}), {"status": "published"}
        ).status_code
        == 404
    )
    assert (
        client.get(
            reverse("catalogue:organisation_services", kwargs={"pk": organisation.pk})
        ).status_code
        == 404
    )
    assert (
        client.post(
            reverse("catalogue:service_new", kwargs={"pk": organisation.pk}), service_data()
        ).status_code
        == 404
    )
    service.refresh_from_db()
    assert (service.name, service.status) == ("Van ons", "draft")
    assert Service.objects.count() == 1
    # The positive control: a worker of the organisation opens the same pages.
    ours = logged_in(worker)
    assert ours.get(reverse("catalogue:service_edit", kwargs={"pk": service.pk})).status_code == 200
    assert (
        ours.get(
            reverse("catalogue:organisation_services", kwargs={"pk": organisation.pk})
        ).status_code
        == 200
    )


def test_the_coordinator_can_edit_every_service_of_the_house(
    coordinator, organisation, other_organisation, house
):
    ours = ServiceFactory(organisation=organisation)
    theirs = ServiceFactory(organisation=other_organisation)
    client = logged_in(coordinator)
    for service in (ours, theirs):
        assert (
            client.get(reverse("catalogue:service_edit", kwargs={"pk": service.pk})).status_code
            == 200
        )
    listing = client.get(
        reverse("catalogue:house_services", kwargs={"house_slug": house.slug})
    ).content.decode()
    assert ours.name in listing and theirs.name in listing


def test_a_coordinator_of_another_house_cannot_edit(other_coordinator, coordinator, organisation):
    service = ServiceFactory(organisation=organisation)
    edit_url = reverse("catalogue:service_edit", kwargs={"pk": service.pk})
    assert logged_in(other_coordinator).get(edit_url).status_code == 404
    # The positive control: the coordinator of the service's house.
    assert logged_in(coordinator).get(edit_url).status_code == 200


def stale(service, days=400):
    Service.objects.filter(pk=service.pk).update(
        last_verified_at=timezone.now() - timedelta(days=days),
        created_at=timezone.now() - timedelta(days=days),
    )


def test_services_not_verified_for_a_year_are_listed_for_the_coordinator(
    coordinator, organisation, house
):
    old = ServiceFactory(organisation=organisation, name="Oud aanbod")
    fresh = ServiceFactory(organisation=organisation, name="Vers aanbod")
    stale(old)
    fresh.last_verified_at = timezone.now()
    fresh.save()
    url = reverse("catalogue:house_services", kwargs={"house_slug": house.slug})
    client = logged_in(coordinator)
    content = client.get(url, {"nakijken": "1"}).content.decode()
    assert "Oud aanbod" in content and "Vers aanbod" not in content
    # The positive control: the whole list has the fresh one too.
    assert "Vers aanbod" in client.get(url).content.decode()


def test_the_reminder_task_emails_the_organisation_admins_once_a_month(
    org_admin, organisation, on_commit
):
    old = ServiceFactory(organisation=organisation, name="Oud aanbod")
    ServiceFactory(organisation=organisation, name="Vers aanbod", last_verified_at=timezone.now())
    stale(old)
    with on_commit():
        result = send_verification_reminders.enqueue()
    assert result.return_value == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [org_admin.email]
    assert "Oud aanbod" in mail.outbox[0].body and "Vers aanbod" not in mail.outbox[0].body
    assert send_verification_reminders.enqueue().return_value == 0  # not again within 30 days


def test_verifying_clears_the_flag(worker, organisation):
    service = ServiceFactory(organisation=organisation)
    stale(service)
    service.refresh_from_db()
    assert service.needs_verification  # the positive control: the flag was up
    logged_in(worker).post(reverse("catalogue:service_verify", kwargs={"pk": service.pk}))
    service.refresh_from_db()
    assert not service.needs_verification
    assert service.last_verified_by == worker


@pytest.mark.parametrize(
    "target",
    [
        "//evil.example",
        "https://evil.example",
        "/\\evil.example",
        "http://evil.example/beheer/",
        "javascript:alert(1)",
        "http://testserver/beheer/",  # even this host: only a path is followed
    ],
)
def test_verifying_never_redirects_off_site(worker, organisation, target):
    service = ServiceFactory(organisation=organisation)
    response = logged_in(worker).post(
        reverse("catalogue:service_verify", kwargs={"pk": service.pk}), {"next": target}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("catalogue:service_edit", kwargs={"pk": service.pk})


def test_verifying_follows_a_next_path_of_this_site(worker, organisation):
    service = ServiceFactory(organisation=organisation)
    target = reverse("catalogue:organisation_services", kwargs={"pk": organisation.pk})
    response = logged_in(worker).post(
        reverse("catalogue:service_verify", kwargs={"pk": service.pk}), {"next": target + "?a=1"}
    )
    assert response.status_code == 302
    assert response["Location"] == target + "?a=1"


def test_every_change_of_a_service_is_in_the_trail_as_before_and_after(worker, organisation, house):
    client = logged_in(worker)
    client.post(reverse("catalogue:service_new", kwargs={"pk": organisation.pk}), service_data())
    service = Service.objects.get(name="Slaapcoaching voor peuters")
    edit_url = reverse("catalogue:service_edit", kwargs={"pk": service.pk})
    client.post(edit_url, service_data(name="Slaapcoaching"))
    client.post(
        reverse("catalogue:service_status", kwargs={"pk": service.pk}), {"status": "published"}
    )
    client.post(reverse("catalogue:service_status", kwargs={"pk": service.pk}), {"status": "draft"})

    events = AuditEvent.objects.filter(target_type="catalogue.service", target_id=str(service.pk))
    assert list(events.values_list("action", flat=True).order_by("pk")) == [
        "create",
        "update",
        "update",
        "update",
    ]
    created, renamed, published, withdrawn = events.order_by("pk")
    assert created.changes["name"] == [None, "Slaapcoaching voor peuters"]
    assert renamed.changes == {"name": ["Slaapcoaching voor peuters", "Slaapcoaching"]}
    assert published.changes == {"status": ["draft", "published"]}
    assert withdrawn.changes == {"status": ["published", "draft"]}
    assert {event.house for event in events} == {house}
    assert {event.actor for event in events} == {worker}
    for event in events:
        assert all(isinstance(c, list) and len(c) == 2 for c in event.changes.values())


def test_a_refused_move_is_neither_saved_nor_in_the_trail(worker, organisation):
    service = ServiceFactory(organisation=organisation, status="archived")
    status_url = reverse("catalogue:service_status", kwargs={"pk": service.pk})
    logged_in(worker).post(status_url, {"status": "published"})
    assert not AuditEvent.objects.filter(target_type="catalogue.service").exists()
    # The move the workflow allows is saved and recorded.
    logged_in(worker).post(status_url, {"status": "draft"})
    event = AuditEvent.objects.get(target_type="catalogue.service")
    assert event.changes == {"status": ["archived", "draft"]}


def test_synonyms_are_in_the_trail_when_created_changed_and_deleted(coordinator, house):
    synonym = services.synonym_save(house=house, actor=coordinator, terms="crèche, kinderopvang")
    services.synonym_save(
        house=house, actor=coordinator, terms="Crèche, kinderopvang", synonym=synonym
    )  # the same words: nothing changed, nothing recorded
    services.synonym_save(
        house=house, actor=coordinator, terms="crèche, kinderopvang, kdv", synonym=synonym
    )
    services.synonym_delete(synonym=Synonym.objects.get(pk=synonym.pk), actor=coordinator)

    events = AuditEvent.objects.filter(target_type="catalogue.synonym").order_by("pk")
    assert [(e.action, e.changes, e.house) for e in events] == [
        ("create", {"terms": [None, "crèche, kinderopvang"]}, house),
        ("update", {"terms": ["crèche, kinderopvang", "crèche, kinderopvang, kdv"]}, house),
        ("delete", {"terms": ["crèche, kinderopvang, kdv", None]}, house),
    ]
    assert not Synonym.objects.filter(pk=synonym.pk).exists()
