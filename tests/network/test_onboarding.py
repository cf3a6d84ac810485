"""'Partner worden': apply, review, approve with an invitation or decline with a reason."""

import pytest
from django.core import mail
from django.urls import reverse

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.network import services
from huisvanhetkind.network.models import (
    Domain,
    Invitation,
    Municipality,
    Organisation,
    PartnerApplication,
    Partnership,
    Role,
)
from huisvanhetkind.network.workflow import ApplicationStatus
from tests.conftest import logged_in
from tests.factories import (
    OrganisationFactory,
    PartnerApplicationFactory,
    RoleFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def application_data(**overrides):
    data = {
        "organisation_name": "Speelpleinwerking De Heide",
        "kind": "leisure",
        "enterprise_number": "0207.437.468",
        "description": "Speelpleinwerking in de zomervakantie voor kinderen van 3 tot 12 jaar.",
        "website": "https://www.example.be/speelplein",
        "email": "info@speelplein.example.be",
        "phone": "03 000 00 01",
        "domains": [Domain.objects.get(slug="vrije-tijd-ontmoeting").pk],
        "municipalities": [Municipality.objects.get(name="Kalmthout").pk],
        "contact_name": "Lotte Janssens",
        "contact_email": "lotte@speelplein.example.be",
        "motivation": "We willen ouders beter bereiken.",
        "consent": "on",
    }
    data.update(overrides)
    return data


def apply_url(house):
    return reverse("network:apply", kwargs={"house_slug": house.slug})


def test_anyone_can_apply_to_become_a_partner_and_the_coordinator_is_told(
    parent_client, house, coordinator, on_commit
):
    with on_commit():
        response = parent_client.post(apply_url(house), application_data())
    assert response.status_code == 200
    assert "Bedankt" in response.content.decode()
    application = PartnerApplication.objects.get()
    assert application.house == house
    assert application.enterprise_number == "0207437468"
    assert application.status == ApplicationStatus.PENDING
    assert [m.to for m in mail.outbox] == [[coordinator.email]]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("organisation_name", "", "Dit veld is verplicht"),
        ("enterprise_number", "0207.437.469", "controlecijfers"),
        ("enterprise_number", "12345", "10 cijfers"),
        ("contact_email", "geen-email", "geldig e-mailadres"),
        ("website", "niet een url", "geldige URL"),
        ("consent", "", "Dit veld is verplicht"),
        ("domains", [], "Dit veld is verplicht"),
    ],
)
def test_bad_application_input_gets_a_dutch_message_and_stores_nothing(
    parent_client, house, field, value, message
):
    data = application_data(**{field: value})
    if value in ("", []):
        data.pop(field)
    response = parent_client.post(apply_url(house), data)
    assert response.status_code == 200
    content = response.content.decode()
    assert message in content
    assert 'class="error-summary"' in content
    assert 'aria-invalid="true"' in content
    assert PartnerApplication.objects.count() == 0


def test_municipality_outside_the_house_is_refused(parent_client, house):
    brecht = Municipality.objects.get(name="Brecht")
    response = parent_client.post(apply_url(house), application_data(municipalities=[brecht.pk]))
    assert (
        "geen geldige keuze" in response.content.decode()
        or "Selecteer een geldige keuze" in response.content.decode()
    )
    assert PartnerApplication.objects.count() == 0
    # The positive control: a municipality of the house is taken.
    kalmthout = Municipality.objects.get(name="Kalmthout")
    parent_client.post(apply_url(house), application_data(municipalities=[kalmthout.pk]))
    assert PartnerApplication.objects.get().municipalities.get() == kalmthout


def test_an_existing_partner_with_the_same_name_is_caught(parent_client, house, organisation):
    response = parent_client.post(
        apply_url(house),
        application_data(organisation_name="opvoedingspunt kalmthout", enterprise_number=""),
    )
    assert "is al partner van dit Huis van het Kind" in response.content.decode()
    assert PartnerApplication.objects.count() == 0
    # The positive control: another name is stored.
    parent_client.post(apply_url(house), application_data(enterprise_number=""))
    assert PartnerApplication.objects.count() == 1


def test_an_existing_partner_with_the_same_enterprise_number_is_caught(
    parent_client, house, organisation
):
    response = parent_client.post(
        apply_url(house), application_data(enterprise_number=organisation.enterprise_number)
    )
    assert "is al partner" in response.content.decode()
    assert PartnerApplication.objects.count() == 0
    # The positive control: another enterprise number is stored.
    parent_client.post(apply_url(house), application_data())
    assert PartnerApplication.objects.count() == 1


def test_a_second_pending_application_for_the_same_organisation_is_caught(parent_client, house):
    parent_client.post(apply_url(house), application_data())
    response = parent_client.post(apply_url(house), application_data(enterprise_number=""))
    assert "al een aanvraag" in response.content.decode()
    assert PartnerApplication.objects.count() == 1


def test_coordinator_approves_and_the_contact_is_invited_as_organisation_admin(
    house, coordinator, on_commit
):
    application = PartnerApplicationFactory(house=house)
    client = logged_in(coordinator)
    url = reverse("network:application", kwargs={"house_slug": house.slug, "pk": application.pk})
    with on_commit():
        response = client.post(url, {"decision": "approve"})
    assert response.status_code == 302
    organisation = Organisation.objects.get(name=application.organisation_name)
    assert Partnership.objects.filter(house=house, organisation=organisation).exists()
    invitation = Invitation.objects.get(email=application.contact_email)
    assert invitation.role_kind == Role.Kind.ORGANISATION_ADMIN
    assert invitation.organisation == organisation
    assert invitation.get_absolute_url() in mail.outbox[-1].body
    assert AuditEvent.objects.filter(action="approve", house=house, actor=coordinator).exists()
    assert AuditEvent.objects.filter(action="invite", house=house).exists()


def test_an_organisation_that_is_partner_elsewhere_is_reused_once_its_admins_confirm(
    house, other_house, coordinator
):
    existing = OrganisationFactory(name="Kind en Gezin", houses=[other_house])
    admin = UserFactory(email="beheer@kindengezin.example.be")
    RoleFactory(user=admin, kind=Role.Kind.ORGANISATION_ADMIN, organisation=existing)
    application = PartnerApplicationFactory(house=house, organisation_name="Kind en Gezin")
    client = logged_in(coordinator)
    client.post(
        reverse("network:application", kwargs={"house_slug": house.slug, "pk": application.pk}),
        {"decision": "approve"},
    )
    application.refresh_from_db()
    services.application_confirm_partnership(application=application, actor=admin)
    assert Organisation.objects.filter(name="Kind en Gezin").count() == 1
    assert set(existing.partnerships.values_list("house__slug", flat=True)) == {
        house.slug,
        other_house.slug,
    }


def test_decline_needs_a_reason_and_emails_it(house, coordinator, on_commit):
    application = PartnerApplicationFactory(house=house)
    client = logged_in(coordinator)
    url = reverse("network:application", kwargs={"house_slug": house.slug, "pk": application.pk})
    response = client.post(url, {"decision": "decline", "reason": ""})
    assert "Dit veld is verplicht" in response.content.decode()
    application.refresh_from_db()
    assert application.status == ApplicationStatus.PENDING
    assert mail.outbox == []

    with on_commit():
        client.post(
            url, {"decision": "decline", "reason": "Jullie werken niet met gezinnen in Kalmthout."}
        )
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DECLINED
    assert mail.outbox[-1].to == [application.contact_email]
    assert "niet met gezinnen in Kalmthout" in mail.outbox[-1].body
    event = AuditEvent.objects.get(action="decline")
    assert event.reason == "Jullie werken niet met gezinnen in Kalmthout."


def test_a_decided_application_cannot_be_decided_again(house, coordinator):
    application = PartnerApplicationFactory(house=house)
    client = logged_in(coordinator)
    url = reverse("network:application", kwargs={"house_slug": house.slug, "pk": application.pk})
    client.post(url, {"decision": "approve"})
    response = client.post(url, {"decision": "decline", "reason": "toch niet"}, follow=True)
    assert "al beslist" in response.content.decode()
    application.refresh_from_db()
    assert application.status == ApplicationStatus.APPROVED


def test_the_review_queue_is_only_for_the_coordinator_of_that_house(
    house, coordinator, other_coordinator, outsider, worker
):
    application = PartnerApplicationFactory(house=house)
    queue = reverse("network:application_queue", kwargs={"house_slug": house.slug})
    detail = reverse("network:application", kwargs={"house_slug": house.slug, "pk": application.pk})
    assert logged_in(coordinator).get(queue).status_code == 200
    assert application.organisation_name in logged_in(coordinator).get(queue).content.decode()
    for user in (other_coordinator, outsider, worker):
        client = logged_in(user)
        assert client.get(queue).status_code == 404
        assert client.get(detail).status_code == 404
        assert client.post(detail, {"decision": "approve"}).status_code == 404
    application.refresh_from_db()
    assert application.status == ApplicationStatus.PENDING


def test_a_coordinator_cannot_reach_an_application_of_another_house_through_their_own_house(
    house, other_house, coordinator, other_coordinator
):
    foreign = PartnerApplicationFactory(house=other_house)
    url = reverse("network:application", kwargs={"house_slug": house.slug, "pk": foreign.pk})
    assert logged_in(coordinator).get(url).status_code == 404
    # The positive control: its own house's coordinator reaches it through that house.
    url = reverse("network:application", kwargs={"house_slug": other_house.slug, "pk": foreign.pk})
    assert logged_in(other_coordinator).get(url).status_code == 200
