"""The family's pages (no account, signed link) and the professional's pages (day list, marks,
cancel, settings, topics); bad input in Dutch with nothing changed; outsiders get 404."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from huisvanhetkind.appointments.forms import slot_value
from huisvanhetkind.appointments.models import Appointment, Topic
from huisvanhetkind.appointments.workflow import AppointmentStatus as S
from huisvanhetkind.audit.models import AuditEvent
from tests.appointments.conftest import book, slots, topic_of
from tests.conftest import logged_in

pytestmark = pytest.mark.django_db


def family_url(name, desk, **kwargs):
    return reverse(f"appointments:{name}", kwargs={"house_slug": desk.house.slug, **kwargs})


def week_url(desk):
    return family_url("week", desk, desk_slug=desk.slug, topic_pk=topic_of(desk).pk)


def book_url(desk, topic=None):
    return family_url("book", desk, desk_slug=desk.slug, topic_pk=(topic or topic_of(desk)).pk)


def form_data(slot, **extra):
    data = {
        "tijd": slot_value(slot.starts_at),
        "name": "Sara Peeters",
        "email": "sara@example.be",
        "phone": "",
        "language": "nl",
        "note": "",
        "consent": "on",
    }
    data.update(extra)
    return data


def staff_url(name, desk, **kwargs):
    return reverse(
        f"appointments:{name}", kwargs={"house_slug": desk.house.slug, "desk_pk": desk.pk, **kwargs}
    )


# --- Family -------------------------------------------------------------------------------------


def test_the_family_journey_without_javascript(parent_client, desk, on_commit):
    response = parent_client.get(family_url("desks", desk))
    assert desk.name in response.content.decode()
    response = parent_client.get(family_url("desk", desk, desk_slug=desk.slug))
    assert "aanslagbiljet" in response.content.decode()
    response = parent_client.get(week_url(desk))
    slot = slots(desk)[0]
    assert slot_value(slot.starts_at) in response.content.decode()
    response = parent_client.get(book_url(desk) + f"?tijd={slot_value(slot.starts_at)}")
    assert response.status_code == 200
    with on_commit():
        response = parent_client.post(
            book_url(desk), form_data(slot, interpreter="on", interpreter_language="Arabisch")
        )
    assert response.status_code == 302
    appointment = Appointment.objects.get()
    assert appointment.interpreter_language == "Arabisch"
    link = response["Location"]
    assert link in mail.outbox[0].body
    page = parent_client.get(link)
    assert "Sara Peeters" in page.content.decode()
    assert page["Cache-Control"].startswith("private") or "no-store" in page["Cache-Control"]


def test_week_navigation_by_links(parent_client, desk):
    today = timezone.localdate()
    next_week = today + timedelta(days=7 - today.weekday())
    response = parent_client.get(week_url(desk) + f"?week={next_week.isoformat()}")
    content = response.content.decode()
    assert "Vorige week" in content and "Volgende week" in content
    response = parent_client.get(week_url(desk) + "?week=geen-datum")
    assert response.status_code == 200


def test_the_week_is_a_constant_number_of_queries(parent_client, desk):
    url = week_url(desk)
    parent_client.get(url)
    with CaptureQueriesContext(connection) as few:
        parent_client.get(url)
    for slot in slots(desk)[:6]:
        book(desk, slot, email=f"{slot.starts_at.minute}@example.be")
    for i in range(5):
        Topic.objects.create(desk=desk, title=f"Onderwerp {i}")
    with CaptureQueriesContext(connection) as many:
        parent_client.get(url)
    assert len(many) == len(few)
    assert len(few) <= 7, [q["sql"][:90] for q in few.captured_queries]


@pytest.mark.parametrize(
    "change, expected",
    [
        ({"tijd": "12345"}, "verleden"),
        ({"tijd": "abc"}, "Kies een tijdstip uit de lijst"),
        ({"email": "geen-adres"}, "niet geldig"),
        ({"consent": ""}, "toestemming"),
        ({"interpreter": "on"}, "tolk"),
    ],
)
def test_bad_booking_input_is_refused_in_dutch(parent_client, desk, change, expected):
    response = parent_client.post(book_url(desk), form_data(slots(desk)[0], **change))
    assert response.status_code == 400
    assert expected in response.content.decode()
    assert Appointment.objects.count() == 0


def test_a_slot_outside_the_hours_and_a_full_slot(parent_client, desk):
    slot = slots(desk)[0]
    outside = slot.starts_at + timedelta(minutes=7)
    response = parent_client.post(book_url(desk), {**form_data(slot), "tijd": slot_value(outside)})
    assert "geen spreekuur op afspraak" in response.content.decode()
    book(desk, slot, email="eerst@example.be")
    response = parent_client.post(book_url(desk), form_data(slot))
    assert response.status_code == 400
    assert "net geboekt" in response.content.decode()
    assert Appointment.objects.count() == 1


def test_a_desk_or_topic_of_another_house_is_404(parent_client, desk, other_desk):
    wrong = reverse(
        "appointments:book",
        kwargs={
            "house_slug": desk.house.slug,
            "desk_slug": other_desk.slug,
            "topic_pk": topic_of(other_desk).pk,
        },
    )
    assert parent_client.post(wrong, form_data(slots(desk)[0])).status_code == 404
    assert (
        parent_client.post(
            book_url(desk, topic_of(other_desk)), form_data(slots(desk)[0])
        ).status_code
        == 404
    )
    assert Appointment.objects.count() == 0


def test_tampered_or_other_links_are_404(parent_client, desk, other_desk):
    _appointment, signed = book(desk)
    assert parent_client.get(family_url("mine", desk, signed=signed)).status_code == 200
    assert parent_client.get(family_url("mine", desk, signed=signed[:-2] + "xx")).status_code == 404
    assert parent_client.get(family_url("mine", desk, signed="nep")).status_code == 404
    assert parent_client.get(family_url("mine", other_desk, signed=signed)).status_code == 404
    other, other_signed = book(other_desk, email="ander@example.be", name="Ander Gezin")
    page = parent_client.get(family_url("mine", desk, signed=signed)).content.decode()
    assert "Ander Gezin" not in page


def test_an_expired_link_is_404(parent_client, desk, settings):
    _appointment, signed = book(desk)
    settings.APPOINTMENT_LINK_MAX_AGE_DAYS = -1
    assert parent_client.get(family_url("mine", desk, signed=signed)).status_code == 404


def test_the_family_changes_and_cancels(parent_client, desk, on_commit):
    first, second = slots(desk)[:2]
    appointment, signed = book(desk, first)
    page = parent_client.get(family_url("change", desk, signed=signed))
    assert slot_value(second.starts_at) in page.content.decode()
    with on_commit():
        response = parent_client.post(
            family_url("change", desk, signed=signed), {"tijd": slot_value(second.starts_at)}
        )
    assert response.status_code == 302
    appointment.refresh_from_db()
    assert appointment.starts_at == second.starts_at
    response = parent_client.post(family_url("change", desk, signed=signed), {"tijd": "1"})
    assert response.status_code == 400 and "verleden" in response.content.decode()
    response = parent_client.post(family_url("cancel", desk, signed=signed))
    assert response.status_code == 302
    appointment.refresh_from_db()
    assert appointment.status == S.CANCELLED
    assert parent_client.get(family_url("mine", desk, signed=signed)).status_code == 404


# --- Professionals ------------------------------------------------------------------------------


def test_the_day_list_highlights_needs_and_is_audited(desk, coordinator, worker):
    appointment, _ = book(desk, interpreter=True, interpreter_language="Dari", wheelchair=True)
    day = timezone.localtime(appointment.starts_at).date().isoformat()
    for user in (coordinator, worker):
        response = logged_in(user).get(staff_url("staff_day", desk) + f"?dag={day}")
        content = response.content.decode()
        assert response.status_code == 200
        assert "Sara Peeters" in content and "Tolk nodig: Dari" in content
        assert "Rolstoeltoegankelijke ruimte nodig" in content
    reads = AuditEvent.objects.filter(action="read", target_id=str(appointment.pk))
    assert reads.count() == 2
    assert reads.filter(organisation=desk.organisation).count() == 1


def test_outsiders_get_404(desk, other_coordinator, outsider):
    for user in (other_coordinator, outsider):
        client = logged_in(user)
        assert client.get(staff_url("staff_day", desk)).status_code == 404
        assert client.get(staff_url("staff_settings", desk)).status_code == 404
        assert client.get(staff_url("staff_topics", desk)).status_code == 404
    assert (
        logged_in(other_coordinator)
        .get(reverse("appointments:staff_index", kwargs={"house_slug": desk.house.slug}))
        .status_code
        == 404
    )
    assert not AuditEvent.objects.filter(action="read").exists()


def test_mark_and_cancel_with_a_reason(desk, worker, on_commit):
    appointment, _ = book(desk)
    client = logged_in(worker)
    client.post(staff_url("staff_mark", desk, pk=appointment.pk), {"status": "no_show"})
    appointment.refresh_from_db()
    assert appointment.status == S.BOOKED  # not begun yet: refused
    client.post(staff_url("staff_cancel", desk, pk=appointment.pk), {"reason": ""})
    appointment.refresh_from_db()
    assert appointment.status == S.BOOKED
    with on_commit():
        client.post(staff_url("staff_cancel", desk, pk=appointment.pk), {"reason": "Loket dicht"})
    appointment.refresh_from_db()
    assert appointment.status == S.CANCELLED and appointment.cancel_reason == "Loket dicht"
    assert "Loket dicht" in mail.outbox[-1].body
    Appointment.objects.filter(pk=appointment.pk).update(status=S.BOOKED)
    Appointment.objects.filter(pk=appointment.pk).update(
        starts_at=timezone.now() - timedelta(minutes=30),
        ends_at=timezone.now() - timedelta(minutes=10),
    )
    client.post(staff_url("staff_mark", desk, pk=appointment.pk), {"status": "no_show"})
    appointment.refresh_from_db()
    assert appointment.status == S.NO_SHOW


def test_settings_and_topics(desk, coordinator):
    client = logged_in(coordinator)
    response = client.post(
        staff_url("staff_settings", desk),
        {"slot_minutes": "2", "counters": "1", "horizon_days": "30", "notice_hours": "1"},
    )
    assert response.status_code == 400 and "5 tot 240" in response.content.decode()
    response = client.post(
        staff_url("staff_settings", desk),
        {
            "slot_minutes": "30",
            "counters": "2",
            "horizon_days": "30",
            "notice_hours": "1",
            "is_open": "on",
        },
    )
    assert response.status_code == 302
    desk.appointment_settings.refresh_from_db()
    assert desk.appointment_settings.counters == 2
    response = client.post(staff_url("staff_topics", desk), {"title": "", "position": "0"})
    assert response.status_code == 400 and "titel" in response.content.decode()
    response = client.post(
        staff_url("staff_topics", desk),
        {
            "title": "UiTPAS met kansentarief",
            "what_to_bring": "Je identiteitskaart.",
            "position": "2",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    topic = Topic.objects.get(title="UiTPAS met kansentarief")
    response = client.post(
        staff_url("staff_topic_edit", desk, pk=topic.pk),
        {"title": "Inkomensattest kinderopvang", "position": "2"},
    )
    assert response.status_code == 400 and "al een onderwerp" in response.content.decode()
    assert AuditEvent.objects.filter(target_type="appointments.topic", action="create").count() == 2


def test_the_house_page_leads_to_the_appointments(parent_client, desk, house, other_house):
    desks = reverse("appointments:desks", kwargs={"house_slug": house.slug})
    page = parent_client.get(f"/{house.slug}/").content.decode()
    assert desks in page and desk.name in page
    # A house without a desk that takes appointments has no link.
    other = reverse("appointments:desks", kwargs={"house_slug": other_house.slug})
    assert other not in parent_client.get(f"/{other_house.slug}/").content.decode()
