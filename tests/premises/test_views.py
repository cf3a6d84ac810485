"""The rooms' pages: who sees what, booking through the form, deciding, the feed and the export."""

import json

import icalendar
import pytest
from django.urls import reverse

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.premises import services
from huisvanhetkind.premises.models import Booking
from huisvanhetkind.premises.workflow import BookingStatus as S
from tests.conftest import logged_in
from tests.premises.conftest import at, request

pytestmark = pytest.mark.django_db


def _url(name, house, **kwargs):
    return reverse(f"premises:{name}", kwargs={"house_slug": house.slug, **kwargs})


def _pages(house, room):
    return [
        _url("index", house),
        _url("room", house, pk=room.pk),
        _url("room_feed", house, pk=room.pk),
        _url("partner_calendar", house),
        _url("agreement", house),
        _url("book", house, pk=room.pk),
    ]


def _coordinator_pages(house, room):
    return [
        _url("requests", house),
        _url("terms", house),
        _url("room_new", house),
        _url("room_edit", house, pk=room.pk),
        _url("export", house),
    ]


def test_anonymous_visitors_are_sent_to_log_in(client, house, room):
    for url in _pages(house, room) + _coordinator_pages(house, room):
        response = client.get(url)
        assert response.status_code == 302 and "login" in response["Location"], url


def test_partners_of_another_house_and_its_coordinator_get_404(
    house, room, foreign_partner, other_coordinator, worker
):
    for user in (foreign_partner, other_coordinator):
        client = logged_in(user)
        for url in _pages(house, room) + _coordinator_pages(house, room):
            assert client.get(url).status_code == 404, (user, url)
    # Positive control: a partner of this house.
    assert logged_in(worker).get(_url("room", house, pk=room.pk)).status_code == 200


def test_partners_do_not_reach_the_coordinators_pages(house, room, worker, coordinator):
    client = logged_in(worker)
    for url in _coordinator_pages(house, room):
        assert client.get(url).status_code == 404, url
    client = logged_in(coordinator)
    for url in _coordinator_pages(house, room):
        assert client.get(url).status_code == 200, url


def test_another_partner_sees_the_time_taken_not_who(
    house, organisation, other_organisation, worker, outsider, coordinator, room, accepted
):
    [booking] = request(house, organisation, worker, room, at(1, 10), title="Geheime groep")
    [pending] = request(house, organisation, worker, room, at(2, 10), title="Nog te beslissen")
    services.booking_approve(actor=coordinator, booking=booking)
    week = {"week": at(0, 0).date().isoformat()}
    mine = logged_in(worker).get(_url("room", house, pk=room.pk), week).content.decode()
    assert "Geheime groep" in mine and "Nog te beslissen" in mine
    theirs = logged_in(outsider).get(_url("room", house, pk=room.pk), week).content.decode()
    assert "Geheime groep" not in theirs and organisation.name not in theirs
    assert "Nog te beslissen" not in theirs
    assert "10:00–12:00" in theirs and "bezet" in theirs
    # Nor can the other partner cancel it.
    response = logged_in(outsider).post(_url("cancel", house, pk=booking.pk))
    assert response.status_code == 404
    assert Booking.objects.get(pk=booking.pk).status == S.APPROVED
    assert pending.status == S.REQUESTED


def test_a_partner_books_through_the_form_and_bad_input_is_shown(
    house, organisation, worker, room, accepted
):
    client = logged_in(worker)
    data = {
        "organisation": organisation.pk,
        "title": "Babymassage",
        "attendees": 50,
        "day": at(1, 0).date().isoformat(),
        "starts": "10:00",
        "ends": "12:00",
        "buffer_before": 15,
        "buffer_after": 15,
        "weeks": 2,
    }
    response = client.post(_url("book", house, pk=room.pk), data)
    assert response.status_code == 200
    assert "Controleer je invoer" in response.content.decode()
    assert "plaats aan 20 personen" in response.content.decode()
    assert not Booking.objects.exists()
    response = client.post(
        _url("book", house, pk=room.pk), {**data, "attendees": 12, "starts": "06:00"}
    )
    assert "tussen 08:00 en 22:00" in response.content.decode()
    response = client.post(_url("book", house, pk=room.pk), {**data, "attendees": 12})
    assert response.status_code == 302
    assert Booking.objects.filter(status=S.REQUESTED).count() == 2


def test_the_coordinator_approves_and_declines_on_the_requests_page(
    house, organisation, worker, coordinator, room, accepted
):
    [first] = request(house, organisation, worker, room, at(1, 10), title="Eerste")
    [second] = request(house, organisation, worker, room, at(1, 11), title="Tweede")
    client = logged_in(coordinator)
    page = client.get(_url("requests", house)).content.decode()
    assert "Conflict met:" in page and "Eerste" in page and "Tweede" in page
    client.post(_url("decide", house, pk=first.pk), {"decision": "approve"})
    response = client.post(
        _url("decide", house, pk=second.pk), {"decision": "approve"}, follow=True
    )
    assert "al bezet" in response.content.decode()
    response = client.post(
        _url("decide", house, pk=second.pk), {"decision": "decline"}, follow=True
    )
    assert "Geef een reden" in response.content.decode()
    client.post(_url("decide", house, pk=second.pk), {"decision": "decline", "reason": "Bezet"})
    assert Booking.objects.get(pk=first.pk).status == S.APPROVED
    assert Booking.objects.get(pk=second.pk).status == S.DECLINED


def test_the_agreement_page_records_who_accepted(house, organisation, worker, room):
    client = logged_in(worker)
    response = client.post(_url("agreement", house), {"organisation": organisation.pk}, follow=True)
    assert "Vink aan" in response.content.decode()
    assert not services.has_accepted(house, organisation)
    client.post(_url("agreement", house), {"organisation": organisation.pk, "accept": "yes"})
    assert services.has_accepted(house, organisation)


def test_the_room_feed_lists_approved_bookings_without_who(
    house, organisation, worker, coordinator, room, accepted
):
    [booking] = request(house, organisation, worker, room, at(1, 10), title="Geheime groep")
    request(house, organisation, worker, room, at(2, 10))
    services.booking_approve(actor=coordinator, booking=booking)
    response = logged_in(worker).get(_url("room_feed", house, pk=room.pk))
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    assert events[0].decoded("DTSTART") == booking.starts_at
    assert "Geheime groep" not in response.content.decode()


def test_the_export_is_json_ld_in_the_oslo_terms(
    house, organisation, worker, coordinator, room, accepted, other_house, other_room
):
    [booking] = request(house, organisation, worker, room, at(1, 10))
    response = logged_in(coordinator).get(_url("export", house))
    assert response["Content-Type"].startswith("application/ld+json")
    data = json.loads(response.content)
    assert data["@context"]["reservatie"] == "https://data.vlaanderen.be/ns/reservatie#"
    [reservation] = [n for n in data["@graph"] if n["@type"] == "Reservatie"]
    assert reservation["status"] == "requested"
    assert reservation["periode"]["begin"] == booking.starts_at.isoformat()
    assert reservation["gereserveerdeRuimte"].endswith(f"/zalen/{room.pk}/")
    assert [n["naam"] for n in data["@graph"] if n["@type"] == "Ruimte"] == [room.name]


def test_the_dashboard_links_to_the_rooms_of_the_users_houses(house, worker, foreign_partner):
    link = _url("index", house)
    assert link in logged_in(worker).get(reverse("network:dashboard")).content.decode()
    assert link not in logged_in(foreign_partner).get(reverse("network:dashboard")).content.decode()


def test_the_coordinator_adds_and_edits_rooms_and_bad_input_is_shown(house, coordinator, room):
    client = logged_in(coordinator)
    data = {
        "name": "Grote zaal",
        "capacity": 0,
        "bookable_from": "18:00",
        "bookable_until": "08:00",
        "is_active": "on",
    }
    page = client.post(_url("room_new", house), data).content.decode()
    assert "Controleer je invoer" in page
    assert "minstens één persoon" in page
    assert "ligt na het begin" in page
    hours = {"bookable_from": "08:00", "bookable_until": "18:00"}
    page = client.post(_url("room_new", house), {**data, **hours, "capacity": 5}).content.decode()
    assert "Dit huis heeft al een zaal met die naam." in page
    assert house.rooms.count() == 1
    response = client.post(
        _url("room_new", house),
        {
            **data,
            "name": "Gesprekslokaal",
            "capacity": 5,
            "bookable_from": "08:00",
            "bookable_until": "18:00",
        },
    )
    assert response.status_code == 302
    new = house.rooms.get(name="Gesprekslokaal")
    page = client.post(
        _url("room_edit", house, pk=new.pk),
        {**data, "capacity": 5, "bookable_from": "08:00", "bookable_until": "18:00"},
    ).content.decode()
    assert "Dit huis heeft al een zaal met die naam." in page
    new.refresh_from_db()
    assert new.name == "Gesprekslokaal"
    assert AuditEvent.objects.filter(target_id=str(new.pk), action="create").exists()


def test_the_coordinator_saves_the_terms(house, coordinator):
    client = logged_in(coordinator)
    page = client.post(_url("terms", house), {"cancellation_cutoff_hours": "veel"}).content.decode()
    assert "Controleer je invoer" in page
    client.post(
        _url("terms", house),
        {"cancellation_terms": "Tot 24 uur vooraf.", "cancellation_cutoff_hours": 24},
    )
    assert services.terms_for(house).cancellation_cutoff_hours == 24
    assert AuditEvent.objects.filter(action="update", house=house).exists()
