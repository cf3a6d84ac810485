"""The public calendar, the detail page with JSON-LD, and the iCalendar output."""

import json
import re
from datetime import datetime, time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from huisvanhetkind.activities.calendar import period_days
from huisvanhetkind.activities.models import Activity
from huisvanhetkind.network.models import AgeGroup
from tests.activities.conftest import fill, make_session
from tests.factories import ActivityFactory, SessionFactory

pytestmark = pytest.mark.django_db


def calendar_url(house, query=""):
    return reverse("activities:calendar", kwargs={"house_slug": house.slug}) + query


def other_activity(house, organisation, **extra):
    data = {
        "title": "Slaapworkshop",
        "place": "Bib",
        "is_free": False,
        "price": 5,
        "social_tariff": True,
        "social_tariff_price": 1,
    }
    data.update(extra)
    return ActivityFactory(house=house, organisations=[organisation], **data)


def test_calendar_lists_upcoming_sessions_by_day_with_free_places(parent_client, house, session):
    fill(session, 5)

    response = parent_client.get(calendar_url(house))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Speelbabbel" in html
    assert "nog 15 plaatsen vrij" in html
    detail = reverse(
        "activities:detail", kwargs={"house_slug": house.slug, "pk": session.activity.pk}
    )
    assert f'<a href="{detail}">Speelbabbel</a>' in html


def test_calendar_hides_drafts_past_sessions_and_other_houses(
    parent_client, house, other_house, activity, organisation
):
    make_session(activity, days=-2)
    draft = other_activity(house, organisation, title="Ontwerp", status=Activity.Status.DRAFT)
    make_session(draft)
    elsewhere = other_activity(other_house, organisation, title="Elders")
    make_session(elsewhere)

    html = parent_client.get(calendar_url(house)).content.decode()

    assert "Speelbabbel" not in html
    assert "Ontwerp" not in html and "Elders" not in html


def test_calendar_filters_by_age_group_and_price(parent_client, house, activity, organisation):
    activity.age_groups.add(AgeGroup.objects.order_by("position").first())
    make_session(activity)
    paid = other_activity(house, organisation)
    make_session(paid)
    slug = AgeGroup.objects.order_by("position").first().slug

    by_age = parent_client.get(calendar_url(house, f"?leeftijd={slug}")).content.decode()
    free = parent_client.get(calendar_url(house, "?prijs=free")).content.decode()
    social = parent_client.get(calendar_url(house, "?prijs=social")).content.decode()

    assert "Speelbabbel" in by_age and "Slaapworkshop" not in by_age
    assert "Speelbabbel" in free and "Slaapworkshop" not in free
    assert "Slaapworkshop" in social


def test_calendar_filters_this_week(parent_client, house, activity):
    make_session(activity, days=40)

    html = parent_client.get(calendar_url(house, "?wanneer=week")).content.decode()

    assert "Speelbabbel" not in html


def test_calendar_query_count_does_not_grow_with_data(parent_client, house, activity, organisation):
    make_session(activity)
    parent_client.get(calendar_url(house))
    with CaptureQueriesContext(connection) as few:
        parent_client.get(calendar_url(house))
    for i in range(15):
        other = other_activity(
            house, organisation, title=f"Activiteit {i}", registration="required", capacity=9
        )
        fill(make_session(other, days=i + 1), 2, prefix=f"a{i}-")
        make_session(activity, days=i + 4)
    with CaptureQueriesContext(connection) as many:
        response = parent_client.get(calendar_url(house))

    assert "Activiteit 14" in response.content.decode()
    assert len(many) == len(few)


def test_detail_page_shows_next_sessions_and_schema_org_events(parent_client, house, session):
    fill(session, 20)
    url = reverse("activities:detail", kwargs={"house_slug": house.slug, "pk": session.activity.pk})

    response = parent_client.get(url)

    html = response.content.decode()
    assert "Volzet: je kan op de wachtlijst." in html
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    )
    assert data[0]["@type"] == "Event"
    assert data[0]["name"] == "Speelbabbel"
    assert data[0]["startDate"] == session.starts_at.isoformat()


def test_session_ics_parses_as_icalendar(parent_client, house, session):
    url = reverse("activities:session_ics", kwargs={"house_slug": house.slug, "pk": session.pk})

    response = parent_client.get(url)

    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    assert str(events[0]["SUMMARY"]) == "Speelbabbel"
    assert events[0].decoded("DTSTART") == session.starts_at
    assert str(events[0]["UID"]).startswith(f"session-{session.pk}@")


def test_ics_text_is_escaped_and_folded_as_a_parser_reads_it(parent_client, house, activity):
    activity.title = "Babbel, spel; en \\ meer"
    activity.summary = "Voor ouders\nmet baby's – " + "één café 👶 " * 20
    activity.place = "Zaal 'De Linde', Dorp 1; achteraan"
    activity.save()
    session = make_session(activity, note="Breng een handdoek mee")
    url = reverse("activities:session_ics", kwargs={"house_slug": house.slug, "pk": session.pk})

    content = parent_client.get(url).content

    assert b"SUMMARY:Babbel\\, spel\\; en \\\\ meer\r\n" in content
    assert all(len(line) <= 75 for line in content.split(b"\r\n"))
    assert content.endswith(b"END:VCALENDAR\r\n") and b"\n" not in content.replace(b"\r\n", b"")
    event = Calendar.from_ical(content).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == activity.title
    assert str(event["DESCRIPTION"]) == f"{activity.summary}\nBreng een handdoek mee"
    assert str(event["LOCATION"]) == activity.place
    assert event.decoded("DTEND") == session.ends_at
    assert str(event["STATUS"]) == "CONFIRMED"
    assert str(event["URL"]).endswith(
        reverse("activities:detail", kwargs={"house_slug": house.slug, "pk": activity.pk})
    )


def test_feed_per_house_and_per_organisation_parses(
    parent_client, house, activity, organisation, other_organisation
):
    make_session(activity)
    make_session(activity, days=10)
    theirs = other_activity(house, other_organisation, title="Kraamzorgcafé")
    make_session(theirs)
    url = reverse("activities:feed", kwargs={"house_slug": house.slug})

    everything = Calendar.from_ical(parent_client.get(url).content)
    ours = Calendar.from_ical(parent_client.get(f"{url}?organisatie={organisation.pk}").content)

    assert len(everything.walk("VEVENT")) == 3
    assert {str(e["SUMMARY"]) for e in ours.walk("VEVENT")} == {"Speelbabbel"}
    assert str(everything["X-WR-CALNAME"]).startswith("Activiteiten van")


def test_feed_query_count_does_not_grow_with_data(parent_client, house, activity):
    url = reverse("activities:feed", kwargs={"house_slug": house.slug})
    make_session(activity)
    parent_client.get(url)
    with CaptureQueriesContext(connection) as few:
        parent_client.get(url)
    for i in range(10):
        make_session(activity, days=i + 5)
    with CaptureQueriesContext(connection) as many:
        parent_client.get(url)

    assert len(many) == len(few)


def test_unknown_activity_or_other_house_is_404(parent_client, other_house, session):
    url = reverse(
        "activities:detail", kwargs={"house_slug": other_house.slug, "pk": session.activity.pk}
    )

    assert parent_client.get(url).status_code == 404


def test_weekend_filter_shows_only_saturday_and_sunday(
    parent_client, house, activity, organisation
):
    saturday, monday = period_days("weekend", timezone.localdate())
    sunday_evening = timezone.make_aware(datetime.combine(saturday + timedelta(days=1), time(22)))
    SessionFactory(
        activity=activity, starts_at=sunday_evening, ends_at=sunday_evening + timedelta(minutes=119)
    )
    weekday = ActivityFactory(house=house, title="Slaapworkshop", organisations=[organisation])
    monday_morning = timezone.make_aware(datetime.combine(monday, time(10)))
    SessionFactory(activity=weekday, starts_at=monday_morning)

    html = parent_client.get(calendar_url(house, "?wanneer=weekend")).content.decode()
    everything = parent_client.get(calendar_url(house)).content.decode()

    assert "Speelbabbel" in html  # the Sunday session of the weekend
    assert "Slaapworkshop" not in html  # the Monday after it
    assert "Slaapworkshop" in everything  # ... which the list without the filter shows


def test_the_list_by_day_shows_thirty_sessions_a_page_with_links_onward(
    parent_client, house, activity
):
    from huisvanhetkind.activities.calendar import LIST_PAGE

    for n in range(45):
        make_session(activity, days=1 + n // 4, hours=2 + n % 4)
    first = parent_client.get(calendar_url(house)).content.decode()
    second = parent_client.get(calendar_url(house, "?pagina=2")).content.decode()

    assert first.count('<li class="card">') == LIST_PAGE
    assert second.count('<li class="card">') == 45 - LIST_PAGE
    assert "pagina=2" in first and "Volgende activiteiten" in first
    assert "Vorige activiteiten" in second and "Volgende activiteiten" not in second


@pytest.mark.parametrize("page", ["0", "-1", "abc", "9999999999999999999999"])
def test_a_nonsense_page_number_shows_the_first_page(parent_client, house, session, page):
    response = parent_client.get(calendar_url(house, f"?pagina={page}"))
    assert response.status_code == 200
    assert "Speelbabbel" in response.content.decode()
