"""The Django admin writes houses, organisations, locations and roles through the network's
services: the same checks, and the trail records the admin user as actor."""

import datetime

import pytest
from django.urls import reverse

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.network.models import House, Role
from tests.conftest import logged_in, with_second_factor
from tests.factories import LocationFactory, OrganisationFactory, RoleFactory, UserFactory


@pytest.fixture
def superuser(db):
    return with_second_factor(
        UserFactory(email="beheer@example.be", is_staff=True, is_superuser=True)
    )


def form_data(response, **changes) -> dict:
    """The admin form as the page shows it (inlines included), with ``changes``."""
    data = {}
    for form in [response.context["adminform"].form] + [
        form for inline in response.context["inline_admin_formsets"] for form in inline.formset
    ]:
        for field in form:
            value = field.value()
            if value is None or value is False:
                continue
            data[field.html_name] = value
    for inline in response.context["inline_admin_formsets"]:
        management = inline.formset.management_form
        for field in management:
            data[field.html_name] = field.value()
    data.update(changes)
    return data


def test_an_organisation_changed_in_the_admin_is_in_the_trail_of_each_house(
    superuser, house, other_house
):
    organisation = OrganisationFactory(houses=[house, other_house], name="Opvoedingswinkel")
    url = reverse("admin:network_organisation_change", args=[organisation.pk])
    client = logged_in(superuser)

    # Saved unchanged: nothing is recorded.
    response = client.post(url, form_data(client.get(url)))
    assert response.status_code == 302
    assert not AuditEvent.objects.filter(target_id=str(organisation.pk), action="update").exists()

    response = client.post(url, form_data(client.get(url), name="Huis van de Opvoeding"))

    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.name == "Huis van de Opvoeding"
    events = AuditEvent.objects.filter(target_id=str(organisation.pk), action="update")
    assert sorted(event.house.slug for event in events) == sorted([house.slug, other_house.slug])
    for event in events:
        assert event.actor == superuser
        assert event.changes == {"name": ["Opvoedingswinkel", "Huis van de Opvoeding"]}


def test_opening_hours_changed_in_the_admin_are_recorded_once(superuser, house):
    location = LocationFactory(house=house)
    url = reverse("admin:network_location_change", args=[location.pk])
    client = logged_in(superuser)
    prefix = client.get(url).context["inline_admin_formsets"][0].formset.prefix
    hours = {
        f"{prefix}-0-weekday": "0",
        f"{prefix}-0-opens": "09:00",
        f"{prefix}-0-closes": "12:00",
        f"{prefix}-TOTAL_FORMS": "1",
    }

    response = client.post(url, form_data(client.get(url), **hours))

    assert response.status_code == 302
    assert list(location.opening_hours.values_list("weekday", "opens", "closes")) == [
        (0, datetime.time(9), datetime.time(12))
    ]
    event = AuditEvent.objects.get(target_id=str(location.pk))
    assert event.actor == superuser
    assert event.changes == {"opening_hours": [[], [[0, "09:00", "12:00", ""]]]}


def test_a_role_deleted_in_the_admin_is_revoked_and_recorded(superuser, house):
    organisation = OrganisationFactory(houses=[house])
    role = RoleFactory(kind=Role.Kind.ORGANISATION_WORKER, organisation=organisation)
    kept = RoleFactory(kind=Role.Kind.ORGANISATION_WORKER, organisation=organisation)
    client = logged_in(superuser)

    response = client.post(reverse("admin:network_role_delete", args=[role.pk]), {"post": "yes"})

    assert response.status_code == 302
    assert not Role.objects.filter(pk=role.pk).exists()
    assert Role.objects.filter(pk=kept.pk).exists()
    event = AuditEvent.objects.get(target_id=str(role.pk), action="role_revoke")
    assert event.actor == superuser
    assert event.house == house
    assert event.changes == {"user": [role.user.email, None], "role": [role.kind, None]}
    # A role is granted or revoked, never changed.
    change = client.get(reverse("admin:network_role_change", args=[kept.pk]))
    assert change.status_code == 200
    assert b'name="kind"' not in change.content


def test_a_house_added_in_the_admin_is_created_through_the_service(superuser, house):
    url = reverse("admin:network_house_add")
    client = logged_in(superuser)
    municipality = house.municipalities.first()

    response = client.post(
        url,
        form_data(
            client.get(url),
            name="Huis van het Kind Essen",
            slug="essen",
            municipalities=[municipality.pk],
        ),
    )

    assert response.status_code == 302
    created = House.objects.get(slug="essen")
    assert list(created.municipalities.all()) == [municipality]
    event = AuditEvent.objects.get(target_id=str(created.pk), action="create")
    assert event.actor == superuser
    assert event.house == created
    assert event.changes["slug"] == [None, "essen"]
    assert event.changes["municipalities"] == [None, [str(municipality)]]
