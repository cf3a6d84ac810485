"""'Partner worden' for an organisation that already exists on the platform (for example a
partner of another house): approval never makes the applicant its admin; the organisation's own
admins (or a platform admin) confirm the partnership."""

import pytest
from django.core import mail
from django.urls import reverse

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.network.models import (
    Invitation,
    Organisation,
    PartnerApplication,
    Partnership,
    Role,
)
from huisvanhetkind.network.workflow import ApplicationStatus
from tests.conftest import logged_in, with_second_factor
from tests.factories import (
    OrganisationFactory,
    PartnerApplicationFactory,
    RoleFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
APPLICANT = "indringer@example.com"


@pytest.fixture
def existing(other_house):
    """A partner of the regional house, with its own admin and worker."""
    return OrganisationFactory(name="Kind en Gezin", houses=[other_house])


@pytest.fixture
def existing_admin(existing):
    user = with_second_factor(UserFactory(email="beheer@kindengezin.example.be"))
    RoleFactory(user=user, kind=Role.Kind.ORGANISATION_ADMIN, organisation=existing)
    return user


@pytest.fixture
def existing_worker(existing):
    user = with_second_factor(UserFactory(email="medewerker@kindengezin.example.be"))
    RoleFactory(user=user, kind=Role.Kind.ORGANISATION_WORKER, organisation=existing)
    return user


@pytest.fixture
def platform_admin(db):
    user = with_second_factor(UserFactory(email="platform@example.be"))
    RoleFactory(user=user, kind=Role.Kind.PLATFORM_ADMIN)
    return user


def application_url(application):
    return reverse(
        "network:application", kwargs={"house_slug": application.house.slug, "pk": application.pk}
    )


def request_url(application):
    return reverse("network:partnership_request", kwargs={"pk": application.pk})


def approve(coordinator, application, on_commit):
    with on_commit():
        return logged_in(coordinator).post(
            application_url(application), {"decision": "approve"}, follow=True
        )


@pytest.mark.parametrize("match", ["name", "enterprise_number"])
def test_approving_an_application_for_an_existing_organisation_grants_the_applicant_nothing(
    house, coordinator, existing, existing_admin, on_commit, match
):
    fields = (
        {"organisation_name": "kind en gezin"}
        if match == "name"
        else {"organisation_name": "KG Kalmthout", "enterprise_number": existing.enterprise_number}
    )
    application = PartnerApplicationFactory(house=house, contact_email=APPLICANT, **fields)
    response = approve(coordinator, application, on_commit)
    assert "krijgt geen toegang" in response.content.decode()
    assert not Invitation.objects.filter(email=APPLICANT).exists()
    assert not Role.objects.filter(user__email=APPLICANT).exists()
    assert Organisation.objects.count() == 1
    application.refresh_from_db()
    assert application.status == ApplicationStatus.AWAITING_ORGANISATION
    assert application.organisation == existing
    # Not a partner of the house before its admins confirm.
    assert not Partnership.objects.filter(organisation=existing, house=house).exists()
    recipients = {tuple(m.to): m for m in mail.outbox}
    assert request_url(application) in recipients[(existing_admin.email,)].body
    assert "geen toegang" in recipients[(APPLICANT,)].body
    assert AuditEvent.objects.filter(
        action="approve", house=house, actor=coordinator, target_id=str(application.pk)
    ).exists()


def test_approving_an_application_for_a_new_organisation_still_invites_its_contact(
    house, coordinator, existing, on_commit
):
    """The positive control: a new organisation's contact becomes its admin."""
    application = PartnerApplicationFactory(house=house, contact_email=APPLICANT)
    approve(coordinator, application, on_commit)
    invitation = Invitation.objects.get(email=APPLICANT)
    assert invitation.role_kind == Role.Kind.ORGANISATION_ADMIN
    assert invitation.organisation.name == application.organisation_name


def test_the_review_page_warns_that_the_organisation_exists_and_where(
    house, other_house, coordinator, existing, existing_admin
):
    application = PartnerApplicationFactory(house=house, organisation_name="Kind en Gezin")
    content = logged_in(coordinator).get(application_url(application)).content.decode()
    assert "Kind en Gezin bestaat al op het platform" in content
    assert other_house.name in content
    assert "<strong>geen</strong> beheerder" in content
    assert "Goedkeuren en bevestiging vragen" in content
    assert "Goedkeuren en uitnodigen" not in content


def test_the_review_page_of_a_new_organisation_has_no_such_warning(house, coordinator, existing):
    """The positive control of the warning."""
    application = PartnerApplicationFactory(house=house)
    content = logged_in(coordinator).get(application_url(application)).content.decode()
    assert "bestaat al op het platform" not in content
    assert "Goedkeuren en uitnodigen" in content


def test_the_organisations_admin_confirms_and_it_becomes_a_partner_of_the_house(
    house, other_house, coordinator, existing, existing_admin, on_commit
):
    application = PartnerApplicationFactory(
        house=house, organisation_name="Kind en Gezin", contact_email=APPLICANT
    )
    approve(coordinator, application, on_commit)
    mail.outbox.clear()
    client = logged_in(existing_admin)
    dashboard = client.get(reverse("network:dashboard")).content.decode()
    assert request_url(application) in dashboard
    assert client.get(request_url(application)).status_code == 200
    with on_commit():
        response = client.post(request_url(application), {"decision": "confirm"})
    assert response.status_code == 302
    partnership = Partnership.objects.get(organisation=existing, house=house)
    assert partnership.status == Partnership.Status.ACTIVE
    application.refresh_from_db()
    assert application.status == ApplicationStatus.APPROVED
    assert application.organisation_answered_by == existing_admin
    # Still nothing for the applicant: the organisation invites its own people.
    assert not Invitation.objects.filter(email=APPLICANT).exists()
    events = AuditEvent.objects.filter(
        action="approve", actor=existing_admin, target_id=str(application.pk)
    )
    assert sorted(e.house.slug for e in events) == sorted([house.slug, other_house.slug])
    assert {tuple(m.to) for m in mail.outbox} == {(coordinator.email,), (APPLICANT,)}


def test_the_organisations_admin_refuses_with_a_reason_for_the_coordinator(
    house, coordinator, existing, existing_admin, on_commit
):
    application = PartnerApplicationFactory(
        house=house, organisation_name="Kind en Gezin", contact_email=APPLICANT
    )
    approve(coordinator, application, on_commit)
    mail.outbox.clear()
    client = logged_in(existing_admin)
    response = client.post(request_url(application), {"decision": "refuse", "reason": ""})
    assert "Dit veld is verplicht" in response.content.decode()
    with on_commit():
        client.post(request_url(application), {"decision": "refuse", "reason": "Niemand van ons."})
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DECLINED
    assert not Partnership.objects.filter(organisation=existing, house=house).exists()
    by_recipient = {tuple(m.to): m.body for m in mail.outbox}
    assert "Niemand van ons." in by_recipient[(coordinator.email,)]
    assert "Niemand van ons." not in by_recipient[(APPLICANT,)]
    event = AuditEvent.objects.get(action="decline", house=house, actor=existing_admin)
    assert event.reason == "Niemand van ons."


def test_only_the_organisations_own_admins_answer_the_request(
    house,
    coordinator,
    other_coordinator,
    existing,
    existing_admin,
    existing_worker,
    outsider,
    on_commit,
):
    application = PartnerApplicationFactory(house=house, organisation_name="Kind en Gezin")
    approve(coordinator, application, on_commit)
    # The approving coordinator, the coordinator of the organisation's house, a worker of the
    # organisation and the outsider neither see nor answer it.
    for user in (coordinator, other_coordinator, existing_worker, outsider):
        client = logged_in(user)
        assert client.get(request_url(application)).status_code == 404
        assert client.post(request_url(application), {"decision": "confirm"}).status_code == 404
    assert not Partnership.objects.filter(organisation=existing, house=house).exists()
    # The positive control.
    assert logged_in(existing_admin).get(request_url(application)).status_code == 200


def test_without_admins_a_platform_admin_is_asked_and_confirms(
    house, coordinator, existing, platform_admin, on_commit
):
    application = PartnerApplicationFactory(house=house, organisation_name="Kind en Gezin")
    approve(coordinator, application, on_commit)
    assert any(
        m.to == [platform_admin.email] and request_url(application) in m.body for m in mail.outbox
    )
    client = logged_in(platform_admin)
    assert request_url(application) in client.get(reverse("network:dashboard")).content.decode()
    client.post(request_url(application), {"decision": "confirm"})
    assert Partnership.objects.filter(organisation=existing, house=house).exists()


def test_a_request_cannot_be_answered_twice(
    house, coordinator, existing, existing_admin, on_commit
):
    application = PartnerApplicationFactory(house=house, organisation_name="Kind en Gezin")
    approve(coordinator, application, on_commit)
    client = logged_in(existing_admin)
    client.post(request_url(application), {"decision": "refuse", "reason": "Nee."})
    response = client.post(request_url(application), {"decision": "confirm"}, follow=True)
    assert "al beslist" in response.content.decode()
    assert not Partnership.objects.filter(organisation=existing, house=house).exists()


def test_a_second_application_while_one_awaits_confirmation_is_caught(
    parent_client, house, coordinator, existing, on_commit
):
    from tests.network.test_onboarding import application_data, apply_url

    application = PartnerApplicationFactory(house=house, organisation_name="Kind en Gezin")
    approve(coordinator, application, on_commit)
    response = parent_client.post(
        apply_url(house), application_data(organisation_name="Kind en Gezin", enterprise_number="")
    )
    assert "al een aanvraag" in response.content.decode()
    assert PartnerApplication.objects.count() == 1


def test_an_organisation_that_became_partner_meanwhile_cannot_be_approved_again(
    house, coordinator, existing, on_commit
):
    application = PartnerApplicationFactory(house=house, organisation_name="Kind en Gezin")
    Partnership.objects.create(organisation=existing, house=house)
    response = approve(coordinator, application, on_commit)
    assert "al partner van dit huis" in response.content.decode()
    application.refresh_from_db()
    assert application.status == ApplicationStatus.PENDING
    assert not Invitation.objects.exists()
