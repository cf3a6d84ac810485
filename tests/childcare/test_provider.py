"""A provider keeps its own locations' free places and childcare facts current; bad input is
refused in Dutch and changes nothing; outsiders, another house's coordinator and anonymous
visitors cannot edit; stale free places come back on the to-do list and in a reminder."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.childcare import services, tasks
from huisvanhetkind.childcare.models import ChildcareLocation, FreePlaces
from huisvanhetkind.childcare.months import start_months
from huisvanhetkind.childcare.todo import childcare_items
from huisvanhetkind.network.models import Role
from tests.childcare.conftest import make_location
from tests.conftest import logged_in
from tests.factories import RoleFactory

pytestmark = pytest.mark.django_db


def places_url(childcare) -> str:
    return f"/beheer/kinderopvang/{childcare.pk}/plaatsen/"


def details_url(childcare) -> str:
    return f"/beheer/kinderopvang/{childcare.pk}/gegevens/"


def months():
    return start_months(timezone.localdate())


def field(month) -> str:
    return f"maand_{month:%Y_%m}"


def test_the_provider_sets_free_places_per_start_month(provider_worker, kabouters):
    client = logged_in(provider_worker)
    first, second = months()[:2]
    response = client.post(places_url(kabouters), {field(first): "0", field(second): "3"})
    assert response.status_code == 302
    assert dict(FreePlaces.objects.values_list("month", "places")) == {first: 0, second: 3}
    kabouters.refresh_from_db()
    assert kabouters.places_updated_by == provider_worker
    assert not kabouters.places_stale
    event = AuditEvent.objects.filter(
        target_id=str(kabouters.pk), target_type__icontains="childcarelocation"
    ).latest("id")
    assert event.changes[f"free_places_{second:%Y-%m}"] == [None, 3]
    page = client.get(places_url(kabouters))
    assert "De vrije plaatsen zijn bewaard." in page.text


def test_saving_without_a_change_confirms_the_places(provider_worker, kabouters):
    ChildcareLocation.objects.filter(pk=kabouters.pk).update(
        places_updated_at=timezone.now() - timedelta(days=60)
    )
    response = logged_in(provider_worker).post(places_url(kabouters), {}, follow=True)
    assert "je bevestigde dat de vrije plaatsen nog kloppen" in response.text
    kabouters.refresh_from_db()
    assert not kabouters.places_stale


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("-1", "Het aantal vrije plaatsen kan niet negatief zijn."),
        ("19", "Dat is meer dan de 18 vergunde plaatsen van deze opvang."),
        ("twee", "Geef een geheel getal, bijvoorbeeld 0, 1 of 2."),
        ("1.5", "Geef een geheel getal, bijvoorbeeld 0, 1 of 2."),
    ],
)
def test_bad_free_places_are_refused_in_dutch_and_nothing_changes(
    provider_worker, kabouters, value, message
):
    first, second = months()[:2]
    response = logged_in(provider_worker).post(
        places_url(kabouters), {field(first): "2", field(second): value}
    )
    assert response.status_code == 400
    assert message in response.text
    assert not FreePlaces.objects.exists()
    kabouters.refresh_from_db()
    assert kabouters.places_updated_at is None


def test_the_service_refuses_a_month_out_of_range_and_more_than_licensed(kabouters):
    past = months()[0].replace(year=months()[0].year - 1)
    with pytest.raises(Exception, match="deze maand en de 11 maanden erna"):
        services.free_places_set(childcare=kabouters, actor=None, places={past: 1})
    with pytest.raises(Exception, match="meer dan de 18 vergunde plaatsen"):
        services.free_places_set(childcare=kabouters, actor=None, places={months()[1]: 30})
    assert not FreePlaces.objects.exists()


def test_the_provider_changes_the_childcare_facts(provider_worker, kabouters):
    data = {
        "kind": "kinderdagverblijf",
        "min_age_months": "3",
        "max_age_months": "35",
        "price_model": "vrije-prijs",
        "licensed_places": "14",
        "inclusive_care": "on",
        "inclusive_care_description": "Ervaring met kinderen met diabetes.",
        "closing_days": "Tussen Kerstmis en Nieuwjaar.",
    }
    response = logged_in(provider_worker).post(details_url(kabouters), data)
    assert response.status_code == 302
    kabouters.refresh_from_db()
    assert (kabouters.min_age_months, kabouters.licensed_places) == (3, 14)
    assert kabouters.inclusive_care
    # An own-price location applies no priority rules; back to income-related: all three.
    assert kabouters.priority_order == []
    logged_in(provider_worker).post(
        details_url(kabouters), {**data, "price_model": "inkomenstarief"}
    )
    kabouters.refresh_from_db()
    assert kabouters.priority_order == ["working", "sibling", "foster"]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"min_age_months": "40", "max_age_months": "35"}, "moet groter zijn dan of gelijk aan"),
        ({"licensed_places": "0"}, "Geef een getal van minstens 1."),
        ({"licensed_places": "veel"}, "Geef een geheel getal."),
        ({"max_age_months": "200"}, "Geef een getal van hoogstens 179."),
        ({"kind": "crèche"}, "Selecteer een geldige keuze"),
    ],
)
def test_bad_childcare_facts_are_refused_and_nothing_changes(
    provider_worker, kabouters, changes, message
):
    data = {
        "kind": "kinderdagverblijf",
        "min_age_months": "0",
        "max_age_months": "35",
        "price_model": "inkomenstarief",
        "licensed_places": "18",
        **changes,
    }
    response = logged_in(provider_worker).post(details_url(kabouters), data)
    assert response.status_code == 400
    assert message in response.text
    fresh = ChildcareLocation.objects.get(pk=kabouters.pk)
    assert (fresh.min_age_months, fresh.max_age_months, fresh.licensed_places) == (0, 35, 18)


def test_outsiders_and_another_house_cannot_see_or_edit_a_location(
    outsider, other_coordinator, desk_worker, provider_worker, kabouters
):
    first = months()[0]
    for person in (outsider, other_coordinator, desk_worker):
        client = logged_in(person)
        assert client.get(places_url(kabouters)).status_code == 404
        assert client.post(places_url(kabouters), {field(first): "1"}).status_code == 404
        assert client.post(details_url(kabouters), {"licensed_places": "1"}).status_code == 404
    assert not FreePlaces.objects.exists()
    assert logged_in(provider_worker).get(places_url(kabouters)).status_code == 200


def test_an_anonymous_visitor_is_sent_to_log_in(client, kabouters):
    response = client.post(places_url(kabouters), {field(months()[0]): "1"})
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert not FreePlaces.objects.exists()


def test_the_provider_lists_only_its_own_locations(provider_worker, outsider, house, kabouters):
    mine = logged_in(provider_worker).get("/beheer/kinderopvang/")
    assert "Kinderdagverblijf De Kabouters" in mine.text
    theirs = logged_in(outsider).get("/beheer/kinderopvang/")
    assert theirs.status_code == 200
    assert "Kinderdagverblijf De Kabouters" not in theirs.text


def test_stale_free_places_are_on_the_to_do_list_and_reminded_once(
    provider, provider_worker, on_commit, kabouters
):
    assert [item.title for item in childcare_items(provider_worker)] == [
        "Vrije plaatsen nakijken: Kinderdagverblijf De Kabouters"
    ]
    admin = RoleFactory(
        kind=Role.Kind.ORGANISATION_ADMIN,
        organisation=provider,
        user__email="beheer@stekelbees.example.be",
    ).user
    with on_commit():
        assert tasks.send_places_reminders.call() == 1
    assert mail.outbox[-1].to == [admin.email]
    assert "Kinderdagverblijf De Kabouters" in mail.outbox[-1].body
    with on_commit():
        assert tasks.send_places_reminders.call() == 0  # not again within 14 days
    services.free_places_set(childcare=kabouters, actor=provider_worker, places={})
    assert childcare_items(provider_worker) == []


def test_the_coordinator_keeps_the_partners_locations_but_not_another_house_s(
    coordinator, other_coordinator, kabouters
):
    listed = logged_in(coordinator).get("/beheer/kinderopvang/")
    assert "Kinderdagverblijf De Kabouters" in listed.text
    assert logged_in(coordinator).get(places_url(kabouters)).status_code == 200
    other = logged_in(other_coordinator).get("/beheer/kinderopvang/")
    assert "Kinderdagverblijf De Kabouters" not in other.text


def test_the_desk_and_provider_lists_read_a_fixed_number_of_queries(
    desk_worker, provider_worker, house, provider, kabouters
):
    desk, mine = logged_in(desk_worker), logged_in(provider_worker)
    with CaptureQueriesContext(connection) as desk_few:
        desk.get("/beheer/huis/kalmthout/kinderopvang/")
    with CaptureQueriesContext(connection) as mine_few:
        mine.get("/beheer/kinderopvang/")
    for n in range(4):
        childcare = make_location(house=house, organisation=provider, name=f"Extra opvang {n}")
        services.free_places_set(childcare=childcare, actor=None, places={months()[1]: 1})
    with CaptureQueriesContext(connection) as desk_many:
        response = desk.get("/beheer/huis/kalmthout/kinderopvang/")
    assert "Extra opvang 3" in response.text
    with CaptureQueriesContext(connection) as mine_many:
        response = mine.get("/beheer/kinderopvang/")
    assert "Extra opvang 3" in response.text
    assert len(desk_many) == len(desk_few)
    assert len(mine_many) == len(mine_few)
