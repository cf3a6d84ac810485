"""Trainings for professionals (audience "professionals") stay out of everything public: the
calendar, the detail page, the iCalendar feed and single session, the house home page."""

import pytest
from django.urls import reverse

from huisvanhetkind.activities.models import Activity, Session
from huisvanhetkind.activities.selectors import home_summary, public_activity, upcoming_sessions
from tests.activities.conftest import make_session
from tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def training(house, organisation):
    activity = ActivityFactory(
        house=house,
        organisations=[organisation],
        title="Vorming kindermishandeling herkennen",
        audience=Activity.Audience.PROFESSIONALS,
    )
    make_session(activity)
    return activity


def test_selectors_leave_out_professional_audience(house, session, training):
    titles = {s.activity.title for s in upcoming_sessions(house=house)}
    assert titles == {"Speelbabbel"}
    assert public_activity(house=house, pk=training.pk) is None
    assert public_activity(house=house, pk=session.activity.pk) is not None
    summary = home_summary(house)
    assert [s.activity.title for s in summary["next_sessions"]] == ["Speelbabbel"]
    assert list(Session.objects.public(house)) == [session]
    assert list(Activity.objects.public()) == [session.activity]


def test_public_pages_and_feeds_leave_out_professional_audience(client, house, session, training):
    calendar = client.get(reverse("activities:calendar", kwargs={"house_slug": house.slug}))
    assert calendar.status_code == 200
    assert "Speelbabbel" in calendar.content.decode()
    assert "kindermishandeling" not in calendar.content.decode()
    feed = client.get(reverse("activities:feed", kwargs={"house_slug": house.slug}))
    assert feed.status_code == 200
    assert b"Speelbabbel" in feed.content
    assert b"kindermishandeling" not in feed.content
    detail = client.get(
        reverse("activities:detail", kwargs={"house_slug": house.slug, "pk": training.pk})
    )
    assert detail.status_code == 404
    training_session = training.sessions.get()
    for name in ("session_ics", "register"):
        url = reverse(
            f"activities:{name}", kwargs={"house_slug": house.slug, "pk": training_session.pk}
        )
        assert client.get(url).status_code == 404
    home = client.get(reverse("web:house", kwargs={"house_slug": house.slug}))
    assert home.status_code == 200
    assert "kindermishandeling" not in home.content.decode()
