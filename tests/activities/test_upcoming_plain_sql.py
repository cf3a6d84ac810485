"""upcoming_sessions reads in plain SQL (core.sql): one query, and what it hands over is what
the ORM would have: aware datetimes, the activity with its location and municipality loaded,
the places taken, the long texts loaded only when read."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from huisvanhetkind.activities.models import Activity, Session
from huisvanhetkind.activities.selectors import upcoming_sessions
from huisvanhetkind.network.models import AgeGroup, Domain
from tests.activities.conftest import fill, make_session
from tests.factories import ActivityFactory, LocationFactory

pytestmark = pytest.mark.django_db


def test_one_query_hands_over_sessions_as_the_orm_would(house, activity):
    location = LocationFactory(house=house)
    activity.location = location
    activity.save()
    session = make_session(activity, days=2)
    fill(session, 3)
    expected = Session.objects.with_taken().get(pk=session.pk)

    with CaptureQueriesContext(connection) as queries:
        [found] = upcoming_sessions(house=house)
        shown = (
            found.activity.title,
            found.activity.location.name,
            found.activity.location.municipality.name,
        )

    assert len(queries) == 1
    assert shown == (activity.title, location.name, location.municipality.name)
    assert found.pk == session.pk
    assert found.starts_at == expected.starts_at
    assert timezone.is_aware(found.starts_at)
    assert found.taken_registrations == 3
    assert (found.taken_registrations, found.taken_persons) == (
        expected.taken_registrations,
        expected.taken_persons,
    )
    assert found.activity.description == activity.description  # deferred: read on demand


def test_a_session_without_registrations_or_location(house, activity):
    make_session(activity)

    [found] = upcoming_sessions(house=house)
    [feed] = upcoming_sessions(house=house, with_places=False)

    assert found.taken_registrations == 0
    assert found.taken_persons is None
    assert found.activity.location is None
    assert not hasattr(feed, "taken_persons")


def test_filters_limit_and_offset(house, other_house, activity, organisation):
    babies = AgeGroup.objects.order_by("position").first()
    theme = Domain.objects.order_by("position").first()
    activity.is_free, activity.price = False, 5
    activity.save()
    other = ActivityFactory(house=house, organisations=[organisation], title="Gratis")
    other.age_groups.set([babies])
    other.domains.set([theme])
    first, second, third = (make_session(other, days=d) for d in (1, 2, 3))
    make_session(activity, days=1, hours=3)
    ActivityFactory(house=other_house, title="Elders")
    draft = ActivityFactory(house=house, status=Activity.Status.DRAFT)
    make_session(draft)
    cancelled = make_session(other, days=4)
    cancelled.is_cancelled = True
    cancelled.save()

    def pks(**filters):
        return [s.pk for s in upcoming_sessions(house=house, **filters)]

    assert pks(age_group=babies.slug) == [first.pk, second.pk, third.pk]
    assert pks(domain=theme.slug, limit=2, offset=1) == [second.pk, third.pk]
    assert pks(price="free") == [first.pk, second.pk, third.pk]
    assert pks(organisation=organisation.pk, activity=other) == [first.pk, second.pk, third.pk]
    day = timezone.localdate(second.starts_at)
    assert pks(date_from=day, date_to=day) == [second.pk]
    assert pks(age_group="bestaat-niet") == []
    assert upcoming_sessions(house=house, date_from=day + timedelta(days=30)) == []


def test_an_outsider_house_sees_none_of_them(house, other_house, session):
    assert upcoming_sessions(house=other_house) == []
    assert [s.pk for s in upcoming_sessions(house=house)] == [session.pk]
