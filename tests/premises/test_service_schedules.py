"""A desk's office hours in the HSDS ``schedules`` of the service it is linked to, in the open
data API (``/api/hsds/``): valid against the compiled HSDS 3.0 schemas, scoped to the house
asked about, without inactive desks or ended rules, and read per page with a constant number
of queries (``catalogue.schedules``, filled by premises)."""

from datetime import date, time, timedelta

import pytest
from django.utils import timezone

from huisvanhetkind.catalogue import schedules as catalogue_schedules
from huisvanhetkind.catalogue.hsds.common import derived_id
from huisvanhetkind.premises import selectors_hours
from huisvanhetkind.premises.models import Desk, OfficeHourRule
from tests.catalogue.test_hsds_api import count_queries, get_json
from tests.catalogue.test_hsds_fixtures import (
    add_services,
    assert_valid,
    build_offer,
    compiled_schema,
    response_schema,
)
from tests.premises.hours_helpers import add_rule, make_desk

pytestmark = pytest.mark.django_db
THU = 3


@pytest.fixture
def offer(house, other_house, organisation, other_organisation):
    return build_offer(house, other_house, organisation, other_organisation)


@pytest.fixture
def desk(house, organisation, offer):
    desk = make_desk(
        house,
        organisation=organisation,
        service=offer["consultation"],
        location=offer["house_site"],
    )
    add_rule(desk)  # every Tuesday 13.30-16 u, walk-in
    add_rule(
        desk,
        weekdays=[THU],
        interval=2,
        valid_from=date(2026, 12, 3),
        starts=time(9),
        ends=time(12),
        mode="appointment",
    )
    return desk


def desk_schedules(document: dict) -> list[dict]:
    """The schedules a desk gave (they link to the house's hours page)."""
    return [s for s in document["schedules"] if "/permanenties/" in s.get("schedule_link", "")]


def desk_ids(desk) -> set[str]:
    return {derived_id("premises", "desk", desk.pk, "rule", rule.pk) for rule in desk.rules.all()}


def test_the_provider_is_registered_by_the_premises_app():
    assert selectors_hours.service_schedules in catalogue_schedules.providers()


def test_a_service_carries_its_desks_hours_as_valid_hsds_schedules(offer, desk, house):
    service = offer["consultation"]
    document = get_json(f"/services/{service.hsds_id}", house=house.slug)
    assert_valid(document, response_schema("/services/{id}"))
    assert_valid(document, compiled_schema("service.json"))
    found = desk_schedules(document)
    assert {s["id"] for s in found} == desk_ids(desk)
    weekly = next(s for s in found if s["byday"] == "TU")
    other = next(s for s in found if s["byday"] == "TH")
    assert weekly | {"description": ""} == weekly | {
        "service_id": service.hsds_id,
        "location_id": offer["house_site"].hsds_id,
        "freq": "WEEKLY",
        "interval": 1,
        "opens_at": "13:30",
        "closes_at": "16:00",
        "attending_type": "vrije inloop",
        "description": "",
    }
    assert (other["interval"], other["dtstart"], other["attending_type"]) == (
        2,
        "2026-12-03",
        "op afspraak",
    )
    assert other["description"].startswith("om de twee weken op donderdag, 9-12 u")
    # the service's own schedule text is still there, before the desk's
    assert len(document["schedules"]) >= len(found)


def test_services_without_a_desk_have_none_of_its_schedules(offer, desk):
    for service in (offer["maternity"], offer["massage"]):
        document = get_json(f"/services/{service.hsds_id}")
        assert desk_schedules(document) == []


@pytest.mark.parametrize("path", ["/services", "/service_at_locations"])
def test_full_list_pages_carry_the_hours_and_validate(offer, desk, house, path):
    page = get_json(path, house=house.slug, full="true")
    assert_valid(page, response_schema(path))
    item_schema = "service.json" if path == "/services" else "service_at_location.json"
    consultation = offer["consultation"].hsds_id
    found = 0
    for item in page["contents"]:
        assert_valid(item, compiled_schema(item_schema))
        service = item if path == "/services" else item["service"]
        ids = {s["id"] for s in desk_schedules(service)}
        assert ids == (desk_ids(desk) if service["id"] == consultation else set())
        found += service["id"] == consultation
    assert found >= 1


def test_a_service_at_a_location_carries_the_hours(offer, desk):
    page = get_json("/service_at_locations", full="false")
    item = next(i for i in page["contents"] if i["service_id"] == offer["consultation"].hsds_id)
    document = get_json(f"/service_at_locations/{item['id']}")
    assert_valid(document, compiled_schema("service_at_location.json"))
    assert {s["id"] for s in desk_schedules(document["service"])} == desk_ids(desk)


def test_the_summary_list_has_no_schedules(offer, desk, house):
    page = get_json("/services", house=house.slug)
    assert all("schedules" not in item for item in page["contents"])


def test_only_the_desks_of_the_house_asked_about_and_only_active_hours(
    offer, desk, house, other_house
):
    service = offer["consultation"]
    elsewhere = Desk.objects.create(
        house=other_house, name="Elders", slug="elders", service=service
    )
    OfficeHourRule.objects.create(
        desk=elsewhere, kind="weekly", weekdays=[4], starts=time(9), ends=time(10)
    )
    ended = add_rule(
        desk,
        weekdays=[0],
        valid_from=date(2020, 1, 1),
        valid_until=timezone.localdate() - timedelta(days=1),
    )
    in_house = {
        s["id"] for s in desk_schedules(get_json(f"/services/{service.hsds_id}", house=house.slug))
    }
    assert in_house == desk_ids(desk) - {derived_id("premises", "desk", desk.pk, "rule", ended.pk)}
    everywhere = {s["id"] for s in desk_schedules(get_json(f"/services/{service.hsds_id}"))}
    assert everywhere == in_house | desk_ids(elsewhere)
    Desk.objects.filter(pk=desk.pk).update(is_active=False)
    hidden = desk_schedules(get_json(f"/services/{service.hsds_id}", house=house.slug))
    assert hidden == []


def test_queries_per_page_do_not_grow_with_desks_and_rules(offer, desk, house, organisation):
    params = {"house": house.slug, "full": "true"}
    small = count_queries("/services", **params)
    for n, service in enumerate(add_services(organisation, 4)):
        more = make_desk(house, name=f"Loket {n}", slug=f"loket-{n}", service=service)
        add_rule(more)
        add_rule(more, kind="monthly", weekdays=[THU], positions=[1])
    page = get_json("/services", **params)
    assert sum(len(desk_schedules(item)) for item in page["contents"]) == 2 + 4 * 2
    assert count_queries("/services", **params) == small
