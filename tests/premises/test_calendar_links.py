"""Subscribable calendars: a secret link per room (its taken times, never who) and per
organisation (its own bookings), shown once, stored as a digest, revoked by a new one; a wrong,
altered or revoked token, another house's link and a maker who lost access all give 404."""

import re

import icalendar
import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.core.tokens import token_digest
from huisvanhetkind.network.models import House, Organisation, Partnership, Role
from huisvanhetkind.premises import services
from huisvanhetkind.premises.models import CalendarLink, Room
from tests.activities.concurrency import run_in_threads
from tests.conftest import logged_in, with_second_factor
from tests.factories import RoleFactory, UserFactory
from tests.premises.conftest import at, request

pytestmark = pytest.mark.django_db


def _url(name, house, **kwargs):
    return reverse(f"premises:{name}", kwargs={"house_slug": house.slug, **kwargs})


def _feed(house, token):
    return _url("subscribed_feed", house, token=token)


def _token_on(page: str) -> str:
    found = re.findall(r"/zalen/agenda/([A-Za-z0-9_-]+)\.ics", page)
    assert len(found) == 1, found
    return found[0]


@pytest.fixture
def approved(house, organisation, worker, coordinator, room, accepted):
    [booking] = request(house, organisation, worker, room, at(1, 10), title="Geheime groep")
    services.booking_approve(actor=coordinator, booking=booking)
    [pending] = request(house, organisation, worker, room, at(2, 10), title="Nog te beslissen")
    return booking, pending


def test_a_partner_makes_a_room_link_shown_once_and_a_calendar_subscribes_without_log_in(
    house, room, outsider, approved, parent_client
):
    booking, _pending = approved
    client = logged_in(outsider)  # another partner of the house: sees taken times, not who
    page = client.post(_url("room_link", house, pk=room.pk))
    assert page.status_code == 200
    token = _token_on(page.content.decode())
    link = CalendarLink.objects.get()
    assert link.digest == token_digest(token) and token not in link.digest
    assert (link.room, link.organisation, link.created_by) == (room, None, outsider)
    # Shown once: the room's page later tells when the link was made, not the link.
    later = client.get(_url("room", house, pk=room.pk)).content.decode()
    assert token not in later and "Nieuwe link maken" in later

    response = parent_client.get(_feed(house, token))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "no-store" in response["Cache-Control"]
    events = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert [e.decoded("DTSTART") for e in events] == [booking.starts_at]
    text = response.content.decode()
    assert "bezet" in text
    for secret in ("Geheime groep", "Nog te beslissen", booking.organisation.name):
        assert secret not in text


def test_an_organisation_link_gives_its_own_bookings_with_what_and_status(
    house, organisation, worker, approved, parent_client
):
    booking, pending = approved
    client = logged_in(worker)
    page = client.post(_url("organisation_link", house), {"organisation": organisation.pk})
    assert page.status_code == 200
    token = _token_on(page.content.decode())
    link = CalendarLink.objects.get()
    assert (link.room, link.organisation) == (None, organisation)
    calendar = icalendar.Calendar.from_ical(parent_client.get(_feed(house, token)).content)
    found = {str(e["SUMMARY"]): str(e["STATUS"]) for e in calendar.walk("VEVENT")}
    assert found == {"Geheime groep": "CONFIRMED", "Nog te beslissen": "TENTATIVE"}


def test_a_new_link_revokes_the_old_one_and_both_are_audited(
    house, room, worker, approved, parent_client
):
    client = logged_in(worker)
    old = _token_on(client.post(_url("room_link", house, pk=room.pk)).content.decode())
    new = _token_on(client.post(_url("room_link", house, pk=room.pk)).content.decode())
    assert old != new
    assert parent_client.get(_feed(house, old)).status_code == 404
    assert parent_client.get(_feed(house, new)).status_code == 200
    links = CalendarLink.objects.order_by("pk")
    assert [link.revoked_at is None for link in links] == [False, True]
    events = AuditEvent.objects.filter(target_type="premises.calendarlink").order_by("pk")
    assert [(e.action, e.house_id, e.actor_id) for e in events] == [
        (AuditEvent.Action.CREATE, house.pk, worker.pk),
        (AuditEvent.Action.UPDATE, house.pk, worker.pk),
        (AuditEvent.Action.CREATE, house.pk, worker.pk),
    ]
    assert events[0].changes == {"room": [None, room.name]}
    assert list(events[1].changes) == ["revoked_at"]
    for event in events:
        assert new not in str(event.changes) and old not in str(event.changes)


def test_a_revoked_link_opens_nothing(house, room, worker, parent_client):
    client = logged_in(worker)
    token = _token_on(client.post(_url("room_link", house, pk=room.pk)).content.decode())
    link = CalendarLink.objects.get()
    response = client.post(_url("link_revoke", house, pk=link.pk))
    assert response.status_code == 302
    assert parent_client.get(_feed(house, token)).status_code == 404
    link.refresh_from_db()
    assert link.revoked_at is not None


def test_a_wrong_or_altered_token_and_another_house_give_404(
    house, other_house, room, worker, parent_client
):
    client = logged_in(worker)
    token = _token_on(client.post(_url("room_link", house, pk=room.pk)).content.decode())
    assert parent_client.get(_feed(house, token)).status_code == 200  # positive control
    altered = token[:-1] + ("A" if token[-1] != "A" else "B")
    for bad in (altered, token[:-1], token + "x", "x" * 101, "0"):
        assert parent_client.get(_feed(house, bad)).status_code == 404, bad
    assert parent_client.get(_feed(other_house, token)).status_code == 404


def test_a_partner_of_another_house_cannot_make_or_see_this_houses_links(
    house, room, organisation, worker, foreign_partner, other_coordinator
):
    logged_in(worker).post(_url("room_link", house, pk=room.pk))
    link = CalendarLink.objects.get()
    for user in (foreign_partner, other_coordinator):
        client = logged_in(user)
        assert client.post(_url("room_link", house, pk=room.pk)).status_code == 404
        assert (
            client.post(_url("organisation_link", house), {"organisation": organisation.pk})
        ).status_code == 404
        assert client.post(_url("link_revoke", house, pk=link.pk)).status_code == 404
        assert client.get(_url("room", house, pk=room.pk)).status_code == 404
    assert CalendarLink.objects.count() == 1
    link.refresh_from_db()
    assert link.revoked_at is None


def test_a_partner_cannot_make_a_link_for_another_organisation_or_revoke_anothers_link(
    house, room, organisation, other_organisation, worker, outsider
):
    client = logged_in(outsider)
    response = client.post(_url("organisation_link", house), {"organisation": organisation.pk})
    assert response.status_code == 404
    logged_in(worker).post(_url("room_link", house, pk=room.pk))
    link = CalendarLink.objects.get()
    assert client.post(_url("link_revoke", house, pk=link.pk)).status_code == 404
    assert client.get(_url("room", house, pk=room.pk)).status_code == 200  # positive control
    assert "Link intrekken" not in client.get(_url("room", house, pk=room.pk)).content.decode()
    with pytest.raises(ValidationError, match="eigen organisatie"):
        services.calendar_link_create(actor=outsider, house=house, organisation=organisation)
    assert CalendarLink.objects.count() == 1


def test_a_link_stops_working_when_its_maker_leaves_the_organisation(
    house, room, organisation, worker, parent_client
):
    client = logged_in(worker)
    room_token = _token_on(client.post(_url("room_link", house, pk=room.pk)).content.decode())
    page = client.post(_url("organisation_link", house), {"organisation": organisation.pk})
    organisation_token = _token_on(page.content.decode())
    assert parent_client.get(_feed(house, organisation_token)).status_code == 200
    Role.objects.filter(user=worker).delete()
    assert parent_client.get(_feed(house, room_token)).status_code == 404
    assert parent_client.get(_feed(house, organisation_token)).status_code == 404


def test_the_coordinator_makes_a_room_link(house, room, coordinator, approved, parent_client):
    page = logged_in(coordinator).post(_url("room_link", house, pk=room.pk))
    token = _token_on(page.content.decode())
    response = parent_client.get(_feed(house, token))
    assert response.status_code == 200
    assert "Geheime groep" not in response.content.decode()


def test_making_a_link_needs_a_post(house, room, worker):
    client = logged_in(worker)
    assert client.get(_url("room_link", house, pk=room.pk)).status_code == 405
    assert CalendarLink.objects.count() == 0


def test_the_feed_reads_a_constant_number_of_queries(
    house,
    organisation,
    worker,
    coordinator,
    room,
    accepted,
    parent_client,
    django_assert_max_num_queries,
):
    client = logged_in(worker)
    page = client.post(_url("organisation_link", house), {"organisation": organisation.pk})
    token = _token_on(page.content.decode())
    for day in range(5):
        request(house, organisation, worker, room, at(day, 14), title=f"Groep {day}")
    with django_assert_max_num_queries(8):
        assert parent_client.get(_feed(house, token)).status_code == 200


@pytest.mark.django_db(transaction=True)
def test_a_double_click_on_new_link_leaves_one_working_link():
    """Two "Nieuwe link maken" at the same moment, each on its own connection: both answer, and
    one link works (the person's row is locked while the old link is revoked). Its own house
    and people: a transactional test cannot count on the reference lists of the others."""
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.skip("threads need their own connections: PostgreSQL (DATABASE_URL) plays this")
    house = House.objects.create(slug="dubbelklik", name="Huis van het Kind Dubbelklik")
    organisation = Organisation.objects.create(name="Partner dubbelklik")
    Partnership.objects.create(house=house, organisation=organisation)
    worker = with_second_factor(UserFactory(email="dubbelklik@partner.example.be"))
    RoleFactory(user=worker, kind=Role.Kind.ORGANISATION_WORKER, organisation=organisation)
    room = Room.objects.create(house=house, name="Zaal", capacity=10)
    outcomes, errors = run_in_threads(
        4, lambda _i: services.calendar_link_create(actor=worker, house=house, room=room)[1]
    )
    assert errors == []
    assert len(set(outcomes)) == 4
    assert CalendarLink.objects.filter(room=room, revoked_at__isnull=True).count() == 1
