"""Odd numbers in query strings and forms: digits of other scripts ("²", "٣", "１２") and
30-digit integers get a Dutch message or are ignored, never an error page."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from huisvanhetkind.activities.models import Activity, Registration
from tests.activities.conftest import fill, make_session, register
from tests.activities.test_registration import form_data, register_url
from tests.conftest import logged_in

pytestmark = pytest.mark.django_db

ODD_NUMBERS = ["²", "٣", "１２", "1" * 30, "-1", "9" * 5000]
CALENDAR_PARAMETERS = [
    "organisatie",
    "pagina",
    "datum",
    "week",
    "weergave",
    "leeftijd",
    "domein",
    "gemeente",
    "prijs",
    "wanneer",
]


def calendar_url(house, name="calendar"):
    return reverse(f"activities:{name}", kwargs={"house_slug": house.slug})


@pytest.fixture
def two_organisations(house, activity, other_organisation):
    theirs = Activity.objects.create(
        house=house,
        title="Kraamzorgcafé",
        place="Bib",
        is_free=True,
        status=Activity.Status.PUBLISHED,
    )
    theirs.organisations.add(other_organisation)
    make_session(activity)
    make_session(theirs)
    return theirs


@pytest.mark.parametrize("value", ODD_NUMBERS)
@pytest.mark.parametrize("name", CALENDAR_PARAMETERS)
@pytest.mark.parametrize("week_view", [False, True])
def test_an_odd_number_in_any_calendar_parameter_never_breaks_the_calendar(
    parent_client, house, two_organisations, name, value, week_view
):
    query = {name: value}
    if week_view:
        # The week of the sessions (three days ahead: often next week), unless the odd value
        # is in the week parameter itself; then the calendar falls back to this week.
        year, week, _ = (timezone.localdate() + timedelta(days=3)).isocalendar()
        query = {"weergave": "week", "week": f"{year}-W{week:02d}", **query}

    response = parent_client.get(calendar_url(house), query)

    assert response.status_code == 200
    if not (week_view and name == "week"):
        assert "Speelbabbel" in response.content.decode()


@pytest.mark.parametrize("value", ODD_NUMBERS)
@pytest.mark.parametrize("name", CALENDAR_PARAMETERS)
def test_an_odd_number_in_any_feed_parameter_never_breaks_the_feed(
    parent_client, house, two_organisations, name, value
):
    response = parent_client.get(calendar_url(house, "feed"), {name: value})

    assert response.status_code == 200
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert {str(e["SUMMARY"]) for e in events} == {"Speelbabbel", "Kraamzorgcafé"}


@pytest.mark.parametrize("value", ["٣", "²", "１"])
def test_an_organisation_written_in_other_digits_is_ignored_and_ascii_still_filters(
    parent_client, house, organisation, two_organisations, value
):
    odd = parent_client.get(calendar_url(house, "feed"), {"organisatie": value})
    ours = parent_client.get(calendar_url(house, "feed"), {"organisatie": str(organisation.pk)})

    assert len(Calendar.from_ical(odd.content).walk("VEVENT")) == 2
    assert [str(e["SUMMARY"]) for e in Calendar.from_ical(ours.content).walk("VEVENT")] == [
        "Speelbabbel"
    ]


def test_a_page_in_other_digits_shows_the_first_page_and_ascii_the_asked_one(
    parent_client, house, activity
):
    for n in range(35):
        make_session(activity, days=1 + n // 4, hours=2 + n % 4)

    odd = parent_client.get(calendar_url(house), {"pagina": "٢"}).content.decode()
    second = parent_client.get(calendar_url(house), {"pagina": "2"}).content.decode()

    assert odd.count('<li class="card">') == 30
    assert second.count('<li class="card">') == 5


@pytest.mark.parametrize("value", ["٢٠٢٦-١٢-٢٤", "２０２６-１２-２４", "2026-1²-24", "1" * 30])
def test_a_date_in_other_digits_gets_the_dutch_message(parent_client, house, session, value):
    response = parent_client.get(calendar_url(house), {"datum": value})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Geef een geldige datum, bv. 2026-12-24." in html
    assert "Speelbabbel" in html


def test_an_ascii_date_still_chooses_the_day(parent_client, house, session):
    day = timezone.localdate(session.starts_at)

    html = parent_client.get(calendar_url(house), {"datum": day.isoformat()}).content.decode()

    assert "Geef een geldige datum" not in html and "Toon alle komende activiteiten" in html


@pytest.mark.parametrize("value", ["٢٠٢٦-W٠٣", "2026-W²", "1" * 30])
def test_a_week_in_other_digits_falls_back_to_this_week_with_a_notice(
    parent_client, house, session, value
):
    response = parent_client.get(calendar_url(house), {"weergave": "week", "week": value})

    assert response.status_code == 200
    assert "We kennen de week" in response.content.decode()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("adults", "²", "Vul een geheel getal in."),
        ("adults", "٣", "Vul een geheel getal in."),
        ("adults", "１", "Vul een geheel getal in."),
        ("adults", "1" * 30, "Vul een geheel getal in."),
        ("adults", "9" * 5000, "Vul een geheel getal in."),
        ("adults", "21", "Dat zijn te veel personen voor één inschrijving."),
        ("children_ages", "²", "Geef de leeftijden van de kinderen"),
        ("children_ages", "٣", "Geef de leeftijden van de kinderen"),
        ("children_ages", "1, １", "Geef de leeftijden van de kinderen"),
        ("children_ages", "1" * 30, "Geef de leeftijden van de kinderen"),
    ],
)
def test_an_odd_number_in_the_registration_form_gets_a_dutch_message_and_saves_nothing(
    parent_client, session, field, value, message
):
    response = parent_client.post(register_url(session), form_data(**{field: value}))

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Registration.objects.exists()


def test_ascii_numbers_in_the_registration_form_are_taken(parent_client, session):
    response = parent_client.post(
        register_url(session), form_data(adults=" 2 ", children_ages="0, 3 ;12")
    )

    assert response.status_code == 302
    registration = Registration.objects.get()
    assert (registration.adults, registration.children_ages) == (2, [0, 3, 12])


@pytest.mark.parametrize("value", ["²", "٣", "1" * 30])
def test_an_odd_number_on_the_manage_page_gets_a_dutch_message(parent_client, session, value):
    from huisvanhetkind.activities import services_registrations

    registration, signed = register(session)
    url = services_registrations.manage_url(registration, signed)

    response = parent_client.post(url, {"adults": value, "children_ages": "1"})

    assert response.status_code == 400
    assert "Vul een geheel getal in." in response.content.decode()
    registration.refresh_from_db()
    assert registration.adults == 1


def test_odd_ids_in_the_attendance_list_are_ignored(worker, session):
    present, absent = fill(session, 2)
    url = reverse("activities:manage_session", kwargs={"pk": session.pk})

    response = logged_in(worker).post(
        url, {"action": "attendance", "present": [str(present.pk), "²", "٣", "1" * 30]}
    )

    assert response.status_code == 302
    present.refresh_from_db()
    absent.refresh_from_db()
    assert (present.attended, absent.attended) == (True, False)


@pytest.mark.parametrize("value", ["²", "٣", "1" * 30])
def test_odd_numbers_in_the_organisers_session_forms_get_a_dutch_message(
    worker, activity, session, value
):
    client = logged_in(worker)
    generate = client.post(
        reverse("activities:manage_activity", kwargs={"pk": activity.pk}),
        {
            "frequency": "ONCE",
            "first_day": (timezone.localdate() + timedelta(days=9)).isoformat(),
            "starts": "09:00",
            "ends": "11:00",
            "close_hours_before": value,
        },
    )
    change = client.post(
        reverse("activities:manage_session", kwargs={"pk": session.pk}),
        {
            "action": "change",
            "starts_at": timezone.localtime(session.starts_at).strftime("%Y-%m-%dT%H:%M"),
            "duration_minutes": value,
            "capacity": value,
            "scope": "one",
        },
    )

    assert generate.status_code == 200 and change.status_code == 200
    assert activity.sessions.count() == 1
    for response in (generate, change):
        html = response.content.decode()
        assert "geheel getal" in html or "kleiner dan of gelijk aan" in html
