"""The public calendar per day (or one chosen day) and per week, Monday to Sunday."""

import re
from datetime import datetime, time, timedelta
from html import unescape
from urllib.parse import parse_qsl

import pytest
from django.urls import reverse
from django.utils import timezone

from huisvanhetkind.activities import selectors
from huisvanhetkind.activities.models import Session
from huisvanhetkind.network.models import AgeGroup
from tests.activities.conftest import fill
from tests.activities.test_calendar import other_activity

pytestmark = pytest.mark.django_db

WEEKDAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]


def calendar(client, house, **params):
    url = reverse("activities:calendar", kwargs={"house_slug": house.slug})
    return client.get(url, params)


def this_monday():
    today = timezone.localdate()
    return today - timedelta(days=today.weekday())


def iso_week(day):
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def session_on(activity, day, hour=10):
    starts = timezone.make_aware(datetime.combine(day, time(hour)))
    return Session.objects.create(
        activity=activity, starts_at=starts, ends_at=starts + timedelta(hours=2)
    )


def headings(html):
    return [
        unescape(re.sub(r"<[^>]+>", "", h)).strip()
        for h in re.findall(r"<h2[^>]*>(.*?)</h2>", html, re.S)
    ]


def link(html, text):
    """The href of the link whose text starts with ``text``."""
    match = re.search(rf'<a href="([^"]*)"[^>]*>(?:‹ )?{re.escape(text)}', html)
    return unescape(match.group(1)) if match else None


def params(href):
    return parse_qsl(href.lstrip("?"))


def test_week_view_shows_monday_to_sunday_each_with_its_sessions_or_none(
    parent_client, house, activity
):
    monday = this_monday() + timedelta(weeks=1)
    session_on(activity, monday + timedelta(days=2))
    session_on(activity, monday + timedelta(days=9))  # the week after: not shown

    response = calendar(parent_client, house, weergave="week", week=iso_week(monday))

    html = response.content.decode()
    assert response.status_code == 200
    days = headings(html)
    assert [d.split()[0] for d in days] == WEEKDAYS
    assert days[2].startswith(f"woensdag {(monday + timedelta(days=2)).day} ")
    assert html.count("Speelbabbel</a>") == 1
    assert html.count("Geen activiteiten.") == 6
    assert re.search(r'<a href="[^"]*weergave=week[^"]*" aria-current="page">Per week', html)
    assert f"Week {monday.isocalendar()[1]}: van maandag" in html


def test_this_week_marks_today_and_says_past_days_are_over(parent_client, house, activity):
    today = timezone.localdate()

    html = calendar(parent_client, house, weergave="week").content.decode()

    assert f'<h2 id="dag-{today.isoformat()}" aria-current="date">' in html
    assert html.count("Deze dag is voorbij.") == today.weekday()
    assert re.search(r'aria-current="page">Deze week</a>', html)
    assert link(html, "Vorige week") is None  # the past is not browsed


def test_week_links_go_to_the_next_and_previous_week_and_keep_the_filters(
    parent_client, house, activity, organisation
):
    group = AgeGroup.objects.order_by("position").first()
    activity.age_groups.add(group)
    paid = other_activity(house, organisation)
    monday = this_monday() + timedelta(weeks=2)
    session_on(activity, monday + timedelta(days=8))
    session_on(paid, monday + timedelta(days=8))

    html = calendar(
        parent_client, house, weergave="week", week=iso_week(monday), leeftijd=group.slug
    ).content.decode()
    following = calendar(parent_client, house, **dict(params(link(html, "Volgende week"))))

    assert f"week={iso_week(monday - timedelta(weeks=1))}" in link(html, "Vorige week")
    assert f"leeftijd={group.slug}" in link(html, "Volgende week")
    assert "week=" not in link(html, "Deze week")
    text = following.content.decode()
    assert "Speelbabbel" in text and "Slaapworkshop" not in text


def test_week_view_ignores_this_week_and_weekend_and_switching_keeps_other_filters(
    parent_client, house, activity
):
    html = calendar(parent_client, house, wanneer="weekend", prijs="free").content.decode()
    week_link = link(html, "Per week")

    assert "prijs=free" in week_link and "wanneer" not in week_link
    week = calendar(parent_client, house, **dict(params(week_link))).content.decode()
    assert 'name="wanneer"' not in week
    assert "Toon de week van" in week


@pytest.mark.parametrize(
    ("week", "notice"),
    [
        ("2026-W60", "We kennen de week &#x27;2026-W60&#x27; niet."),
        ("volgende", "We kennen de week &#x27;volgende&#x27; niet."),
        ("1999-W01", "Die week is al voorbij."),
        ("2999-W01", "Zo ver vooruit is er nog niets gepland."),
    ],
)
def test_an_invalid_week_falls_back_to_this_week_with_a_notice(
    parent_client, house, activity, week, notice
):
    response = calendar(parent_client, house, weergave="week", week=week)

    html = response.content.decode()
    assert response.status_code == 200
    assert notice in html
    assert "Je ziet de activiteiten van deze week." in html
    assert re.search(r'aria-current="page">Deze week</a>', html)


def test_a_date_in_the_week_view_shows_its_week(parent_client, house, activity):
    thursday = this_monday() + timedelta(weeks=3, days=3)
    session_on(activity, thursday)

    html = calendar(parent_client, house, weergave="week", datum=thursday.isoformat())

    assert f"week={iso_week(thursday - timedelta(weeks=1))}" in link(
        html.content.decode(), "Vorige week"
    )
    assert "Speelbabbel" in html.content.decode()


def test_day_view_with_a_date_shows_only_that_day(parent_client, house, activity):
    day = timezone.localdate() + timedelta(days=5)
    session_on(activity, day, hour=9)
    other = session_on(activity, day + timedelta(days=1))

    html = calendar(parent_client, house, datum=day.isoformat()).content.decode()
    empty = calendar(parent_client, house, datum=(day + timedelta(days=2)).isoformat())

    assert len(headings(html)) == 1
    assert html.count("Speelbabbel</a>") == 1
    assert headings(html)[0].startswith(f"{WEEKDAYS[day.weekday()]} {day.day} ")
    assert other.pk
    assert "Toon alle komende activiteiten" in html
    assert "geen activiteiten gepland" in empty.content.decode()


def test_an_invalid_date_gets_a_dutch_message_and_the_other_filters_still_apply(
    parent_client, house, activity, organisation
):
    paid = other_activity(house, organisation)
    session_on(activity, timezone.localdate() + timedelta(days=2))
    session_on(paid, timezone.localdate() + timedelta(days=2))

    response = calendar(parent_client, house, datum="31-31-2026", prijs="free")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Geef een geldige datum, bv. 2026-12-24." in html
    assert "Speelbabbel" in html and "Slaapworkshop" not in html


def test_a_past_date_falls_back_to_all_coming_days_with_a_notice(parent_client, house, activity):
    session_on(activity, timezone.localdate() + timedelta(days=2))

    html = calendar(parent_client, house, datum="2020-01-01").content.decode()

    assert "Die dag is al voorbij. Je ziet alle komende activiteiten." in html
    assert "Speelbabbel" in html


def test_the_feed_link_follows_the_filters_not_the_week(parent_client, house, activity):
    html = calendar(
        parent_client, house, weergave="week", week=iso_week(this_monday()), prijs="free"
    ).content.decode()

    feed = link(html, "Abonneer je op deze kalender")
    assert feed.endswith("feed.ics?prijs=free")


def test_week_view_query_count_does_not_grow_with_sessions(
    parent_client, house, activity, organisation, django_assert_max_num_queries
):
    monday = this_monday() + timedelta(weeks=1)
    session_on(activity, monday)
    with django_assert_max_num_queries(6) as few:
        calendar(parent_client, house, weergave="week", week=iso_week(monday))
    for i in range(12):
        other = other_activity(
            house, organisation, title=f"Activiteit {i}", registration="required", capacity=9
        )
        fill(session_on(other, monday + timedelta(days=i % 7), hour=8 + i), 2, prefix=f"a{i}-")

    with django_assert_max_num_queries(len(few)) as many:
        response = calendar(parent_client, house, weergave="week", week=iso_week(monday))

    assert "Activiteit 11" in response.content.decode()
    assert len(many) == len(few)


def test_upcoming_sessions_between_two_dates_takes_whole_local_days(house, activity):
    day = timezone.localdate() + timedelta(days=3)
    late = session_on(activity, day, hour=23)
    next_morning = session_on(activity, day + timedelta(days=1), hour=0)
    session_on(activity, day - timedelta(days=1), hour=23)

    found = list(selectors.upcoming_sessions(house=house, date_from=day, date_to=day))

    assert found == [late]
    assert next_morning not in found


def test_a_week_with_more_sessions_than_a_page_says_so_and_links_each_day(
    parent_client, house, activity, monkeypatch
):
    monkeypatch.setattr(selectors, "CALENDAR_LIMIT", 3)
    monday = this_monday() + timedelta(weeks=1)
    for hour in (8, 10, 12):
        session_on(activity, monday, hour=hour)
    session_on(activity, monday + timedelta(days=1), hour=9)  # beyond the first three
    session_on(activity, monday + timedelta(days=3), hour=9)

    html = calendar(parent_client, house, weergave="week", week=iso_week(monday)).content.decode()

    assert "meer dan 3 activiteiten" in html
    assert html.count('<li class="card">') == 3
    days = html.split("<section")[1:]
    assert "Geen activiteiten." not in days[1] and "Geen activiteiten." not in days[3]
    href = link(days[1], "Alle activiteiten van dinsdag")
    assert ("datum", (monday + timedelta(days=1)).isoformat()) in params(href)
    shown = calendar(parent_client, house, **dict(params(href))).content.decode()
    assert shown.count('<li class="card">') == 1


def test_a_week_that_fits_has_no_notice(parent_client, house, activity):
    monday = this_monday() + timedelta(weeks=1)
    session_on(activity, monday)

    html = calendar(parent_client, house, weergave="week", week=iso_week(monday)).content.decode()

    assert "meer dan" not in html and "Alle activiteiten van" not in html
    assert html.count("Geen activiteiten.") == 6
