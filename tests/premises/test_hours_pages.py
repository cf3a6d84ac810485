"""Office hours' pages: the public pages (house home, the hours page, a service's page) for
families without an account, and the coordinator's pages, with the outsiders (anonymous, a
partner's worker, the coordinator of another house) refused."""

from datetime import date, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.premises import services_hours
from huisvanhetkind.premises.models import Closure, Desk, OfficeHourRule
from tests.conftest import logged_in
from tests.factories import ServiceFactory
from tests.premises.hours_helpers import add_rule, make_desk

pytestmark = pytest.mark.django_db


def manage(house, name="hours_manage", **kwargs):
    return reverse(f"premises:{name}", kwargs={"house_slug": house.slug, **kwargs})


@pytest.fixture
def desk(house, organisation):
    desk = make_desk(house, organisation=organisation)
    add_rule(
        desk,
        kind="monthly",
        weekdays=[3],
        positions=[3],
        mode="appointment",
        starts=time(9),
        ends=time(12),
    )
    add_rule(desk)  # every Tuesday, 13.30-16 u, walk-in
    return desk


def test_the_public_page_shows_each_desk_in_plain_dutch_without_an_account(
    house, desk, parent_client
):
    response = parent_client.get(reverse("premises:hours", kwargs={"house_slug": house.slug}))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Lokaal Loket Kinderopvang" in text
    assert "Elke derde donderdag van de maand, 9-12 u, op afspraak" in text
    assert "Elke dinsdag, 13.30-16 u, vrije inloop" in text
    assert "Volgende:" in text
    assert (
        reverse("premises:desk_feed", kwargs={"house_slug": house.slug, "desk": desk.slug}) in text
    )


def test_the_public_page_of_a_house_shows_only_its_own_active_desks(
    house, other_house, desk, parent_client
):
    elsewhere = make_desk(other_house, name="Loket elders", slug="elders")
    hidden = make_desk(house, name="Verborgen loket", slug="verborgen", is_active=False)
    add_rule(elsewhere)
    add_rule(hidden)
    text = parent_client.get(
        reverse("premises:hours", kwargs={"house_slug": house.slug})
    ).content.decode()
    assert "Lokaal Loket Kinderopvang" in text
    assert "Loket elders" not in text
    assert "Verborgen loket" not in text


def test_a_closure_is_shown_and_removes_the_next_occurrence(house, desk, parent_client):
    today = timezone.localdate()
    services_hours.closure_create(
        actor=None,
        house=house,
        starts_on=today,
        ends_on=today + timedelta(days=40),
        reason="kerstvakantie",
    )
    text = parent_client.get(
        reverse("premises:hours", kwargs={"house_slug": house.slug})
    ).content.decode()
    assert "(kerstvakantie)" in text
    assert "Gesloten van" in text


def test_the_house_home_page_shows_the_hours(house, desk, parent_client):
    text = parent_client.get(
        reverse("web:house", kwargs={"house_slug": house.slug})
    ).content.decode()
    assert "Permanenties" in text
    assert "Elke dinsdag, 13.30-16 u, vrije inloop" in text
    assert reverse("premises:hours", kwargs={"house_slug": house.slug}) in text


def test_a_house_without_desks_has_no_hours_on_its_home_page(house, parent_client):
    text = parent_client.get(
        reverse("web:house", kwargs={"house_slug": house.slug})
    ).content.decode()
    assert 'id="hours-title"' not in text


def test_the_service_page_shows_the_hours_of_its_desks(house, organisation, parent_client):
    service = ServiceFactory(organisation=organisation, name="Opvoedingsgesprekken")
    other = ServiceFactory(organisation=organisation, name="Ander aanbod")
    desk = make_desk(house, name="Opvoedingspunt", slug="opvoedingspunt", service=service)
    add_rule(desk, weekdays=[0, 2])
    url = reverse("catalogue:service", kwargs={"house_slug": house.slug, "pk": service.pk})
    text = parent_client.get(url).content.decode()
    assert "Permanenties in het huis" in text
    assert "Elke maandag en woensdag, 13.30-16 u, vrije inloop" in text
    other_url = reverse("catalogue:service", kwargs={"house_slug": house.slug, "pk": other.pk})
    assert "Permanenties in het huis" not in parent_client.get(other_url).content.decode()


def test_the_house_pages_use_a_constant_number_of_queries(
    house, desk, parent_client, django_assert_max_num_queries
):
    url = reverse("premises:hours", kwargs={"house_slug": house.slug})
    parent_client.get(url)
    for i in range(5):
        more = make_desk(house, name=f"Loket {i}", slug=f"loket-{i}")
        add_rule(more)
        add_rule(more, kind="dates", dates=[date.today() + timedelta(days=3)])
    with django_assert_max_num_queries(8):
        assert parent_client.get(url).status_code == 200


# --- The coordinator -------------------------------------------------------------------------


def test_the_coordinator_adds_a_desk_a_rule_and_a_closure(house, coordinator, organisation):
    client = logged_in(coordinator)
    assert client.get(manage(house)).status_code == 200
    response = client.post(
        manage(house, "desk_new"),
        {
            "name": "Opvoedingspunt",
            "slug": "opvoedingspunt",
            "organisation": organisation.pk,
            "is_active": "on",
        },
    )
    desk = Desk.objects.get(house=house)
    assert response.status_code == 302
    assert response["Location"] == manage(house, "desk_manage", pk=desk.pk)
    response = client.post(
        manage(house, "rule_new", pk=desk.pk),
        {
            "kind": "monthly",
            "weekdays": ["3"],
            "positions": ["-1"],
            "starts": "09:00",
            "ends": "12:00",
            "mode": "appointment",
        },
    )
    assert response.status_code == 302
    rule = OfficeHourRule.objects.get(desk=desk)
    assert (rule.weekdays, rule.positions) == ([3], [-1])
    page = client.get(manage(house, "desk_manage", pk=desk.pk)).content.decode()
    assert "Elke laatste donderdag van de maand, 9-12 u, op afspraak" in page
    response = client.post(
        manage(house, "closure_new"),
        {"desk": "", "starts_on": "2026-12-24", "ends_on": "2027-01-01", "reason": "kerst"},
    )
    assert response.status_code == 302
    assert Closure.objects.get(house=house).desk is None
    assert AuditEvent.objects.filter(house=house, actor=coordinator).count() == 3


def test_the_coordinator_edits_and_deletes_a_rule(house, coordinator, desk):
    client = logged_in(coordinator)
    rule = desk.rules.get(kind="weekly")
    page = client.get(manage(house, "rule_edit", pk=rule.pk))
    assert page.status_code == 200
    assert 'value="13:30"' in page.content.decode()
    response = client.post(
        manage(house, "rule_edit", pk=rule.pk),
        {
            "kind": "dates",
            "dates": "5-1-2027, 12/1/2027\n2027-01-19",
            "starts": "09:00",
            "ends": "12:00",
            "mode": "appointment",
        },
    )
    assert response.status_code == 302
    rule.refresh_from_db()
    assert rule.dates == ["2027-01-05", "2027-01-12", "2027-01-19"]
    assert client.post(manage(house, "rule_delete", pk=rule.pk)).status_code == 302
    assert not OfficeHourRule.objects.filter(pk=rule.pk).exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"starts": "12:00", "ends": "09:00"}, "Het einde ligt na het begin."),
        (
            {"kind": "monthly", "positions": ["6"]},
            "Kies de eerste, tweede, derde, vierde, vijfde of laatste van de maand.",
        ),
        (
            {"kind": "monthly", "positions": []},
            "Kies de eerste, tweede, derde, vierde, vijfde of laatste van de maand.",
        ),
        ({"kind": "dates", "dates": ""}, "Geef minstens één datum."),
        ({"kind": "dates", "dates": "31-2-2027"}, "31-2-2027 is geen datum"),
        ({"weekdays": ["9"]}, "Kies een weekdag uit de lijst."),
        ({"weekdays": []}, "Kies minstens één weekdag."),
        ({"starts": "negen uur"}, "Voer een geldige tijd in."),
    ],
)
def test_a_bad_rule_form_shows_a_dutch_message_and_saves_nothing(
    house, coordinator, desk, data, message
):
    client = logged_in(coordinator)
    before = list(OfficeHourRule.objects.values_list("pk", "kind", "weekdays", "positions"))
    post = {
        "kind": "weekly",
        "weekdays": ["1"],
        "starts": "09:00",
        "ends": "12:00",
        "mode": "walk_in",
    } | data
    response = client.post(manage(house, "rule_new", pk=desk.pk), post)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert list(OfficeHourRule.objects.values_list("pk", "kind", "weekdays", "positions")) == before


def test_a_closure_ending_before_it_starts_is_refused(house, coordinator):
    response = logged_in(coordinator).post(
        manage(house, "closure_new"),
        {"desk": "", "starts_on": "2027-01-01", "ends_on": "2026-12-24"},
    )
    assert response.status_code == 200
    assert "De laatste dag ligt niet voor de eerste dag." in response.content.decode()
    assert not Closure.objects.exists()


def test_a_desk_with_a_taken_slug_gets_a_dutch_message(house, coordinator, desk):
    response = logged_in(coordinator).post(
        manage(house, "desk_new"), {"name": "Nog een loket", "slug": desk.slug}
    )
    assert response.status_code == 200
    assert "Dit huis heeft al een loket met die korte naam." in response.content.decode()
    assert Desk.objects.count() == 1


def test_a_desk_of_another_house_is_a_404_for_the_coordinator(
    house, other_house, coordinator, other_coordinator
):
    elsewhere = make_desk(other_house)
    rule = add_rule(elsewhere)
    closure = services_hours.closure_create(
        actor=None, house=other_house, starts_on=date(2027, 1, 1), ends_on=date(2027, 1, 1)
    )
    client = logged_in(coordinator)
    # through this house's address, and through the other house's
    for slug_house in (house, other_house):
        assert client.get(manage(slug_house, "desk_manage", pk=elsewhere.pk)).status_code == 404
        assert client.get(manage(slug_house, "rule_edit", pk=rule.pk)).status_code == 404
        assert client.post(manage(slug_house, "rule_delete", pk=rule.pk)).status_code == 404
        assert client.post(manage(slug_house, "closure_delete", pk=closure.pk)).status_code == 404
        assert client.post(manage(slug_house, "desk_delete", pk=elsewhere.pk)).status_code == 404
    assert OfficeHourRule.objects.filter(pk=rule.pk).exists()
    assert Closure.objects.filter(pk=closure.pk).exists()
    # the positive control: the other house's own coordinator
    own = logged_in(other_coordinator)
    assert own.get(manage(other_house, "desk_manage", pk=elsewhere.pk)).status_code == 200


def test_a_closure_form_naming_a_desk_of_another_house_is_refused(house, other_house, coordinator):
    elsewhere = make_desk(other_house)
    response = logged_in(coordinator).post(
        manage(house, "closure_new"),
        {"desk": elsewhere.pk, "starts_on": "2027-01-01", "ends_on": "2027-01-02"},
    )
    assert response.status_code == 200
    assert "Kies een loket van dit huis." in response.content.decode()
    assert not Closure.objects.exists()


def test_partners_outsiders_and_anonymous_cannot_manage(
    house, desk, worker, outsider, other_coordinator, parent_client
):
    rule = desk.rules.first()
    urls = [
        ("get", manage(house)),
        ("get", manage(house, "desk_new")),
        ("get", manage(house, "desk_manage", pk=desk.pk)),
        ("get", manage(house, "desk_edit", pk=desk.pk)),
        ("get", manage(house, "rule_new", pk=desk.pk)),
        ("get", manage(house, "rule_edit", pk=rule.pk)),
        ("post", manage(house, "rule_delete", pk=rule.pk)),
        ("post", manage(house, "desk_delete", pk=desk.pk)),
        ("get", manage(house, "closure_new")),
    ]
    for user in (worker, outsider, other_coordinator):
        client = logged_in(user)
        for method, url in urls:
            assert getattr(client, method)(url).status_code == 404, (user, url)
    for method, url in urls:
        response = getattr(parent_client, method)(url)
        assert response.status_code in (302, 404), url
        assert "/accounts/login/" in response.get("Location", "/accounts/login/")
    assert OfficeHourRule.objects.filter(pk=rule.pk).exists()
    assert Desk.objects.filter(pk=desk.pk).exists()


def test_the_feed_of_an_unknown_or_hidden_desk_is_a_404(house, other_house, desk, parent_client):
    hidden = make_desk(house, name="Verborgen", slug="verborgen", is_active=False)
    elsewhere = make_desk(other_house, name="Elders", slug="elders")
    for slug in ("bestaat-niet", hidden.slug, elsewhere.slug):
        url = reverse("premises:desk_feed", kwargs={"house_slug": house.slug, "desk": slug})
        assert parent_client.get(url).status_code == 404
    ok = reverse("premises:desk_feed", kwargs={"house_slug": house.slug, "desk": desk.slug})
    assert parent_client.get(ok).status_code == 200
