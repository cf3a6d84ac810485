"""core.sql: plain SQL reads that hand over what the ORM would."""

import pytest
from django.utils import timezone

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.catalogue.models import Service
from huisvanhetkind.core import sql
from huisvanhetkind.network.models import Domain, Location, Municipality
from tests.factories import LocationFactory, ServiceFactory

pytestmark = pytest.mark.django_db


def test_placeholders_one_per_value_and_null_for_none():
    assert sql.placeholders([1, 2, 3]) == "%s, %s, %s"
    assert sql.placeholders([]) == "NULL"
    assert sql.rows("SELECT id FROM network_municipality WHERE id IN (NULL)") == []


def test_columns_make_instances_through_the_converters(house):
    location = LocationFactory(house=house, accessibility="Rolstoeltoegankelijk")
    columns = sql.Columns(Location, "l", defer=("accessibility",))
    places = sql.Columns(Municipality, "m")
    statement = (
        f"SELECT {columns.select()}, {places.select()} FROM network_location l"  # noqa: S608
        " LEFT OUTER JOIN network_municipality m ON m.id = l.municipality_id WHERE l.id = %s"
    )

    [row] = sql.rows(statement, [location.pk])
    found = columns.instance(row)
    municipality = places.instance(row, len(columns))

    assert (found.pk, found.name, found.house_id) == (location.pk, location.name, house.pk)
    assert municipality == location.municipality
    assert "accessibility" in found.get_deferred_fields()
    assert found.accessibility == "Rolstoeltoegankelijk"  # read when asked for
    assert found._state.adding is False


def test_a_missing_outer_row_is_none(house):
    location = LocationFactory(house=house)
    places = sql.Columns(Municipality, "m")
    statement = (
        f"SELECT {places.select()} FROM network_location l"  # noqa: S608
        " LEFT OUTER JOIN network_municipality m ON m.id = -1 WHERE l.id = %s"
    )

    assert places.instance(sql.one(statement, [location.pk])) is None


def test_datetimes_come_back_aware_and_json_decoded(house):
    event = AuditEvent.objects.create(
        action="view", target_type="test", target_id="1", changes={"naam": ["a", "b"]}
    )
    columns = sql.Columns(AuditEvent, "e")
    statement = f"SELECT {columns.select()} FROM audit_auditevent e WHERE e.id = %s"  # noqa: S608

    found = columns.instance(sql.one(statement, [event.pk]))

    assert found.created_at == AuditEvent.objects.get(pk=event.pk).created_at
    assert timezone.is_aware(found.created_at)
    assert found.changes == {"naam": ["a", "b"]}


def test_prefetch_reads_each_link_once_in_the_related_ordering(django_assert_num_queries):
    domains = list(Domain.objects.order_by("-position")[:3])
    first, second = ServiceFactory(domains=[d.slug for d in domains]), ServiceFactory(domains=[])
    second.service_areas.set(Municipality.objects.filter(name__in=["Kalmthout", "Brecht"]))
    services = [Service.objects.get(pk=first.pk), Service.objects.get(pk=second.pk)]

    with django_assert_num_queries(2):
        sql.prefetch(services, "domains", "service_areas")
    with django_assert_num_queries(0):
        shown = [
            ([d.slug for d in s.domains.all()], [m.name for m in s.service_areas.all()])
            for s in services
        ]

    assert shown == [
        ([d.slug for d in Domain.objects.filter(pk__in=[d.pk for d in domains])], []),
        ([], ["Brecht", "Kalmthout"]),
    ]


def test_prefetch_of_nothing_reads_nothing(django_assert_num_queries):
    with django_assert_num_queries(0):
        sql.prefetch([], "domains")
