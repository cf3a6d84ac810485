"""The to-do list of professionals (core.todo): what each app contributes, who sees what, the
count in the navigation, a fixed number of queries, and the daily e-mail for those who asked."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from huisvanhetkind.appointments import selectors as appointment_selectors
from huisvanhetkind.appointments.models import Appointment
from huisvanhetkind.appointments.services import appointment_mark
from huisvanhetkind.appointments.workflow import AppointmentStatus
from huisvanhetkind.babytheek import services as babytheek_services
from huisvanhetkind.babytheek.models import Item, Loan
from huisvanhetkind.babytheek.workflow import LoanStatus
from huisvanhetkind.core import scheduler, todo
from huisvanhetkind.core.models import NotificationPreference
from huisvanhetkind.core.services import notification_preference_set, todo_digests_send
from huisvanhetkind.core.tasks import send_todo_digests
from huisvanhetkind.network.models import Role
from huisvanhetkind.network.workflow import ApplicationStatus
from tests.appointments.conftest import book, make_appointment_desk
from tests.conftest import logged_in, with_second_factor
from tests.factories import (
    ActivityFactory,
    PartnerApplicationFactory,
    QuestionFactory,
    RegistrationFactory,
    RoleFactory,
    ServiceFactory,
    SessionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def titles(user) -> list[str]:
    return [item.title for group in todo.todo_list(user).groups for item in group.items]


@pytest.fixture
def assigned(house, organisation, worker):
    return QuestionFactory(
        house=house, organisation=organisation, status="assigned", assignee=worker
    )


@pytest.fixture
def application(house):
    return PartnerApplicationFactory(house=house, organisation_name="Speelpleinwerking De Pagadder")


def test_every_app_contributes_to_the_list():
    assert [p.name for p in todo.providers()] == [
        "questions",
        "privacy_requests",
        "referrals",
        "guidance",
        "care",
        "carepaths",
        "familyplans",
        "network",
        "activities",
        "appointments",
        "babytheek",
        "catalogue",
        "childcare",
        "childcare_urgent",
        "childcare_rounds",
        "participation",
        "steering",
        "steering_follow_up",
    ]


def test_the_worker_sees_the_question_assigned_to_them(worker, assigned):
    assert titles(worker) == [f"Vraag #{assigned.pk} · Slapen"]
    item = todo.todo_list(worker).groups[0].items[0]
    assert item.url == reverse("questions:detail", kwargs={"pk": assigned.pk})
    assert item.due == assigned.due_on
    assert not item.urgent


def test_the_coordinator_sees_the_pending_application(coordinator, application):
    listed = todo.todo_list(coordinator)
    assert [g.name for g in listed.groups] == ["network"]
    item = listed.groups[0].items[0]
    assert item.title == "Aanvraag van Speelpleinwerking De Pagadder om partner te worden"
    assert item.url == reverse(
        "network:application", kwargs={"house_slug": "kalmthout", "pk": application.pk}
    )


def test_a_worker_of_another_organisation_sees_none_of_it(
    outsider, worker, coordinator, assigned, application
):
    assert todo.todo_list(outsider).count == 0
    assert not todo.todo_list(outsider)
    # positive controls: the same things are on the lists of the worker and the coordinator
    assert todo.todo_list(worker).count == 1
    assert todo.todo_list(coordinator).count == 1  # the application (the question is routed)


def test_the_outsider_sees_the_question_of_their_own_organisation(
    outsider, other_organisation, house, assigned
):
    assert titles(outsider) == []
    theirs = QuestionFactory(house=house, organisation=other_organisation, status="new")
    assert titles(outsider) == [f"Vraag #{theirs.pk} · Slapen"]


def test_a_coordinator_of_another_house_sees_nothing_of_this_house(
    other_coordinator, coordinator, application, house
):
    unrouted = QuestionFactory(house=house)
    assert todo.todo_list(other_coordinator).count == 0
    assert f"Vraag #{unrouted.pk} · Slapen" in titles(coordinator)  # positive control


def test_a_question_assigned_to_a_colleague_is_theirs_not_mine(worker, house, organisation):
    colleague = UserFactory()
    RoleFactory(user=colleague, kind=Role.Kind.ORGANISATION_WORKER, organisation=organisation)
    QuestionFactory(house=house, organisation=organisation, status="assigned", assignee=colleague)
    unassigned = QuestionFactory(house=house, organisation=organisation, status="new")
    assert titles(worker) == [f"Vraag #{unassigned.pk} · Slapen"]
    assert todo.todo_list(colleague).count == 2


def test_late_questions_come_first_and_are_marked(worker, house, organisation):
    today = timezone.localdate()
    soon = QuestionFactory(house=house, organisation=organisation, due_on=today + timedelta(1))
    late = QuestionFactory(house=house, organisation=organisation, due_on=today - timedelta(2))
    answered = QuestionFactory(
        house=house, organisation=organisation, status="answered", due_on=today - timedelta(5)
    )
    items = todo.todo_list(worker).groups[0].items
    assert [i.title for i in items] == [f"Vraag #{late.pk} · Slapen", f"Vraag #{soon.pk} · Slapen"]
    assert [i.urgent for i in items] == [True, False]
    assert f"Vraag #{answered.pk} · Slapen" not in titles(worker)


def test_the_coordinator_is_told_how_many_routed_questions_are_late(
    coordinator, house, organisation
):
    today = timezone.localdate()
    for _ in range(3):
        QuestionFactory(house=house, organisation=organisation, due_on=today - timedelta(1))
    QuestionFactory(house=house, organisation=organisation, due_on=today + timedelta(3))
    (item,) = todo.todo_list(coordinator).groups[0].items
    assert item.title == "3 vragen te laat beantwoord in Huis van het Kind Kalmthout"
    assert item.count == 3 and item.urgent
    assert item.url == "/beheer/huis/kalmthout/vragen/?laat=1"


def test_the_organisation_admin_sees_the_partnership_to_confirm(
    org_admin, worker, organisation, other_house
):
    request = PartnerApplicationFactory(
        house=other_house,
        status=ApplicationStatus.AWAITING_ORGANISATION,
        organisation=organisation,
        decided_at=timezone.now(),
    )
    assert titles(org_admin) == [
        f"Bevestig Opvoedingspunt Kalmthout als partner van {other_house.name}"
    ]
    assert todo.todo_list(org_admin).groups[0].items[0].url == reverse(
        "network:partnership_request", kwargs={"pk": request.pk}
    )
    assert titles(worker) == []  # only the organisation's admins confirm


def test_a_long_list_ends_in_one_item_that_counts_the_rest(worker, house, organisation):
    for _ in range(todo.LIMIT + 3):
        QuestionFactory(house=house, organisation=organisation)
    listed = todo.todo_list(worker)
    items = listed.groups[0].items
    assert len(items) == todo.LIMIT + 1
    assert items[-1].title == "en nog 3 vragen"
    assert listed.count == todo.LIMIT + 3


def test_a_session_without_attendance_waits_until_it_is_filled_in(
    worker, outsider, coordinator, house, organisation, other_organisation
):
    from huisvanhetkind.activities.services_registrations import registration_mark_attendance

    yesterday = timezone.now() - timedelta(days=1)
    ours = SessionFactory(
        activity=ActivityFactory(house=house, title="Babymassage", organisations=[organisation]),
        starts_at=yesterday,
    )
    registration = RegistrationFactory(session=ours)
    # not to do: a session still to come, a cancelled one, one of long ago, one without families
    RegistrationFactory(session=SessionFactory(activity=ours.activity))
    RegistrationFactory(
        session=SessionFactory(activity=ours.activity, starts_at=yesterday, is_cancelled=True)
    )
    RegistrationFactory(
        session=SessionFactory(
            activity=ours.activity, starts_at=timezone.now() - timedelta(days=40)
        )
    )
    SessionFactory(activity=ours.activity, starts_at=yesterday - timedelta(hours=3))
    assert titles(worker) == ["Aanwezigheden invullen: Babymassage"]
    assert todo.todo_list(worker).groups[0].items[0].url == reverse(
        "activities:manage_session", kwargs={"pk": ours.pk}
    )
    assert titles(outsider) == []  # another organisation's activity
    assert titles(coordinator) == []  # a partner's activity is the partner's to do
    registration_mark_attendance(session=ours, actor=worker, present_ids=[registration.pk])
    assert titles(worker) == []


def test_the_coordinator_fills_in_the_attendance_of_the_house_s_own_activity(
    coordinator, outsider, house
):
    session = SessionFactory(
        activity=ActivityFactory(house=house, title="Ontmoetingsmoment"),
        starts_at=timezone.now() - timedelta(days=2),
    )
    RegistrationFactory(session=session)
    assert titles(coordinator) == ["Aanwezigheden invullen: Ontmoetingsmoment"]
    assert titles(outsider) == []


def test_a_service_not_checked_for_12_months_waits_for_its_organisation(
    worker, outsider, coordinator, organisation
):
    from huisvanhetkind.catalogue.models import Service
    from huisvanhetkind.catalogue.services import service_verify

    stale = ServiceFactory(organisation=organisation, name="Opvoedingswinkel")
    fresh = ServiceFactory(organisation=organisation, name="Babbelbox")
    Service.objects.filter(pk__in=[stale.pk, fresh.pk]).update(
        created_at=timezone.now() - timedelta(days=400)
    )
    Service.objects.filter(pk=fresh.pk).update(last_verified_at=timezone.now() - timedelta(1))
    assert titles(worker) == ["Aanbod nakijken: Opvoedingswinkel"]
    item = todo.todo_list(worker).groups[0].items[0]
    assert item.url == reverse("catalogue:service_edit", kwargs={"pk": stale.pk})
    assert item.detail == "Opvoedingspunt Kalmthout, nog nooit nagekeken"
    assert titles(outsider) == []
    assert titles(coordinator) == []  # the house's whole list is on its offer page
    service_verify(service=stale, actor=worker)
    assert titles(worker) == []


def _at(appointment, when, status=AppointmentStatus.BOOKED):
    """Move an appointment (booked through the service) to another moment and status."""
    length = appointment.ends_at - appointment.starts_at
    Appointment.objects.filter(pk=appointment.pk).update(
        starts_at=when, ends_at=when + length, status=status
    )


def _local(day, hour, minute=0):
    return appointment_selectors.local_midnight(day) + timedelta(hours=hour, minutes=minute)


def test_the_desk_s_organisation_sees_today_s_appointments_and_those_not_marked(
    worker, outsider, coordinator, house, organisation
):
    desk = make_appointment_desk(house, organisation)
    today = timezone.localdate()
    yesterday = today - timedelta(days=1)
    emails = iter(f"gezin{n}@example.be" for n in range(10))
    for when, status in (
        (_local(today, 12), AppointmentStatus.BOOKED),
        (_local(today, 12, 40), AppointmentStatus.BOOKED),
        (_local(yesterday, 10), AppointmentStatus.BOOKED),
        (_local(yesterday, 11), AppointmentStatus.DONE),  # marked: nothing to do
        (_local(today - timedelta(days=40), 10), AppointmentStatus.BOOKED),  # long erased
        (_local(today + timedelta(days=1), 10), AppointmentStatus.BOOKED),  # tomorrow
    ):
        appointment, _signed = book(desk, email=next(emails))
        _at(appointment, when, status)
    items = todo.todo_list(worker).groups[0].items
    day = yesterday.strftime("%d/%m/%Y")
    assert [i.title for i in items] == [
        f"Aanduiden: 1 afspraak van {day} aan Lokaal Loket Kinderopvang",
        "Vandaag 2 afspraken aan Lokaal Loket Kinderopvang",
    ]
    assert [i.urgent for i in items] == [True, False]
    assert [i.count for i in items] == [1, 2]
    assert (
        items[0].url
        == reverse("appointments:staff_day", kwargs={"house_slug": house.slug, "desk_pk": desk.pk})
        + f"?dag={yesterday.isoformat()}"
    )
    assert items[1].detail == "de eerste om 12.00"
    assert titles(outsider) == []  # another organisation's desk
    assert titles(coordinator) == []  # a partner's desk is the partner's to do


def test_the_coordinator_sees_the_house_s_own_desk_and_a_mark_clears_it(
    coordinator, worker, other_coordinator, house
):
    desk = make_appointment_desk(house, None, slug="onthaal", name="Onthaal")
    appointment, _signed = book(desk)
    _at(appointment, _local(timezone.localdate() - timedelta(days=2), 9))
    day = (timezone.localdate() - timedelta(days=2)).strftime("%d/%m/%Y")
    assert titles(coordinator) == [f"Aanduiden: 1 afspraak van {day} aan Onthaal"]
    assert titles(worker) == [] and titles(other_coordinator) == []
    appointment.refresh_from_db()
    appointment_mark(actor=coordinator, appointment=appointment, status=AppointmentStatus.NO_SHOW)
    assert titles(coordinator) == []


@pytest.fixture
def babytheek_member(house):
    return babytheek_services.membership_create(
        actor=None,
        house=house,
        name="Sara Peeters",
        email="sara@example.be",
        valid_from=timezone.localdate() - timedelta(days=60),
    )


def _loan(house, member, name, pickup, status):
    item = Item.objects.create(house=house, name=name, loan_weeks=4)
    return Loan.objects.create(
        item=item,
        membership=member,
        pickup_date=pickup,
        due_date=pickup + timedelta(weeks=4),
        status=status,
    )


def test_the_babytheek_s_runners_see_overdue_loans_and_reservations_to_hand_out(
    coordinator, worker, other_coordinator, house, organisation, babytheek_member
):
    today = timezone.localdate()
    late = _loan(
        house, babytheek_member, "Kinderwagen", today - timedelta(days=35), LoanStatus.LENT
    )
    _loan(house, babytheek_member, "Box", today - timedelta(days=10), LoanStatus.LENT)  # not due
    _loan(house, babytheek_member, "Badje", today, LoanStatus.RESERVED)
    _loan(house, babytheek_member, "Draagzak", today - timedelta(days=2), LoanStatus.RESERVED)
    _loan(house, babytheek_member, "Wipstoel", today + timedelta(days=3), LoanStatus.RESERVED)
    _loan(house, babytheek_member, "Fles", today - timedelta(days=60), LoanStatus.RETURNED)
    bridge_worker = with_second_factor(UserFactory())
    RoleFactory(
        user=bridge_worker, kind=Role.Kind.BRIDGE_WORKER, house=house, organisation=organisation
    )
    expected = [
        "Te laat terug: Kinderwagen",
        "Klaarzetten en meegeven: Draagzak",
        "Klaarzetten en meegeven: Badje",
    ]
    assert titles(coordinator) == expected
    assert titles(bridge_worker) == expected
    items = todo.todo_list(coordinator).groups[0].items
    assert [i.urgent for i in items] == [True, False, False]
    assert items[0].url == reverse("babytheek:staff_overdue", kwargs={"house_slug": house.slug})
    assert items[0].due == late.due_date
    assert items[2].detail == "Huis van het Kind Kalmthout, vandaag af te halen"
    assert items[2].url.endswith(f"?dag={today.isoformat()}")
    # A worker who is no bridge worker, and the coordinator of another house, see none of it.
    assert titles(worker) == [] and titles(other_coordinator) == []
    babytheek_services.loan_return(actor=coordinator, loan=late)
    assert "Te laat terug: Kinderwagen" not in titles(coordinator)


# --- The page and the navigation ----------------------------------------------------------------


def test_the_workplace_shows_the_list_and_the_navigation_its_count(worker, assigned, house):
    QuestionFactory(house=house, organisation=assigned.organisation)
    page = logged_in(worker).get(reverse("network:dashboard")).content.decode()
    assert "Te doen" in page
    assert f'href="/beheer/vragen/{assigned.pk}/"' in page
    assert 'Mijn werkplek<span aria-hidden="true"> (2)</span>' in page
    assert "(2 taken te doen)" in page
    # on every page of the professional, not only the workplace
    other_page = logged_in(worker).get(reverse("questions:inbox")).content.decode()
    assert 'Mijn werkplek<span aria-hidden="true"> (2)</span>' in other_page


def test_nothing_waiting_shows_no_count(outsider, assigned):
    page = logged_in(outsider).get(reverse("network:dashboard")).content.decode()
    assert "Mijn werkplek</a>" in page
    assert "Er wacht niets op jou of je organisatie." in page
    assert f"/beheer/vragen/{assigned.pk}/" not in page


def test_the_coordinator_confirms_partnerships_from_the_list_no_longer_a_section_of_its_own(
    coordinator, application
):
    page = logged_in(coordinator).get(reverse("network:dashboard")).content.decode()
    assert "Speelpleinwerking De Pagadder" in page
    assert "Partnerschappen te bevestigen" not in page


@pytest.fixture
def busy(house, organisation):
    """A worker who is also the house's coordinator: every provider has something for them."""
    user = with_second_factor(UserFactory(email="druk@opvoedingspunt.example.be"))
    RoleFactory(user=user, kind=Role.Kind.ORGANISATION_WORKER, organisation=organisation)
    RoleFactory(user=user, kind=Role.Kind.COORDINATOR, house=house)
    return user


def _add_one_of_each(house, organisation, busy, n):
    today = timezone.localdate()
    long_ago = timezone.now() - timedelta(days=500)
    yesterday = timezone.now() - timedelta(days=1)
    activity = ActivityFactory(house=house, organisations=[organisation])
    desks = Appointment.objects.count()
    desk = make_appointment_desk(house, organisation, slug=f"loket-{desks}", name=f"Loket {desks}")
    member = babytheek_services.membership_create(
        actor=None, house=house, name="Lid", email="lid@example.be", valid_from=today
    )
    for i in range(n):
        appointment, _signed = book(desk, email=f"gezin{i}@example.be")
        _at(appointment, _local(today - timedelta(days=i + 1), 9))
        _loan(house, member, f"Artikel {i}", today - timedelta(days=40), LoanStatus.LENT)
        QuestionFactory(house=house, organisation=organisation, status="assigned", assignee=busy)
        QuestionFactory(house=house)  # not routed
        QuestionFactory(house=house, organisation=organisation, due_on=today - timedelta(1))
        PartnerApplicationFactory(house=house)
        session = SessionFactory(activity=activity, starts_at=yesterday + timedelta(minutes=i))
        RegistrationFactory(session=session)
        service = ServiceFactory(organisation=organisation)
        type(service).objects.filter(pk=service.pk).update(created_at=long_ago)


def _dashboard_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("network:dashboard")).status_code == 200
    return len(queries)


def test_the_workplace_reads_a_fixed_number_of_queries(busy, house, organisation):
    client = logged_in(busy)
    _add_one_of_each(house, organisation, busy, 1)
    few = _dashboard_queries(client)
    assert [g.name for g in todo.todo_list(busy).groups] == [
        "questions",
        "network",
        "activities",
        "appointments",
        "babytheek",
        "catalogue",
    ]
    _add_one_of_each(house, organisation, busy, 6)
    assert _dashboard_queries(client) == few
    assert todo.todo_list(busy).count == 7 * 8  # positive control: the items are there


# --- The daily e-mail ---------------------------------------------------------------------------


def test_the_digest_goes_only_to_those_who_asked_for_it(
    worker, org_admin, assigned, house, organisation, on_commit
):
    QuestionFactory(house=house, organisation=organisation, status="new")
    notification_preference_set(user=worker, daily_digest=True)
    with on_commit():
        assert todo_digests_send() == 1
    (message,) = mail.outbox
    assert message.to == [worker.email]  # the admin has the same question waiting, did not ask
    assert message.subject == "Mijn werkplek: 2 taken te doen"
    assert f"Vraag #{assigned.pk} · Slapen" in message.body
    assert f"/beheer/vragen/{assigned.pk}/" in message.body
    assert "Je hele werkplek:" in message.body
    assert todo.todo_list(org_admin).count == 1  # positive control: the admin has it waiting


def test_the_digest_is_sent_once_a_day_and_only_when_something_waits(
    worker, outsider, assigned, on_commit
):
    notification_preference_set(user=worker, daily_digest=True)
    notification_preference_set(user=outsider, daily_digest=True)
    with on_commit():
        assert todo_digests_send() == 1  # the outsider has nothing waiting
        assert todo_digests_send() == 0  # a second run on the same day
    assert [m.to for m in mail.outbox] == [[worker.email]]
    NotificationPreference.objects.update(digest_sent_on=timezone.localdate() - timedelta(1))
    with on_commit():
        assert todo_digests_send() == 1  # the next day


def test_the_digest_is_in_dutch_and_turned_off_sends_nothing(worker, assigned, on_commit):
    from django.utils import translation

    notification_preference_set(user=worker, daily_digest=True)
    with translation.override("fr"), on_commit():
        send_todo_digests.enqueue()
    assert "taak te doen" in mail.outbox[0].subject
    notification_preference_set(user=worker, daily_digest=False)
    NotificationPreference.objects.update(digest_sent_on=None)
    with on_commit():
        assert todo_digests_send() == 0
    assert len(mail.outbox) == 1


def test_the_digest_is_a_daily_job():
    job = scheduler.jobs()["core.todo_digests"]
    assert job.every == timedelta(days=1)
    assert job.at == timedelta(hours=7, minutes=30)  # in the morning
    assert job.task is send_todo_digests


def test_the_professional_turns_the_digest_on_and_off_on_the_workplace(worker):
    client = logged_in(worker)
    assert (
        "Stuur me elke ochtend een e-mail"
        in client.get(reverse("network:dashboard")).content.decode()
    )
    response = client.post(reverse("network:dashboard"), {"digest": "1"}, follow=True)
    assert (
        "Je krijgt voortaan elke ochtend een e-mail met je takenlijst." in response.content.decode()
    )
    assert "Geen dagelijkse e-mail meer" in response.content.decode()
    assert NotificationPreference.objects.get(user=worker).daily_digest
    client.post(reverse("network:dashboard"), {"digest": "0"})
    assert not NotificationPreference.objects.get(user=worker).daily_digest


def test_only_a_professional_can_ask_for_the_digest(db):
    nobody = with_second_factor(UserFactory())
    response = logged_in(nobody).post(reverse("network:dashboard"), {"digest": "1"})
    assert response.status_code == 404
    assert not NotificationPreference.objects.exists()


def test_the_navigation_count_is_kept_a_minute_and_renewed_by_a_change(
    worker, assigned, house, settings
):
    settings.TODO_MENU_COUNT_SECONDS = 60
    client = logged_in(worker)
    assert "(1 taak te doen)" in client.get(reverse("questions:inbox")).content.decode()
    QuestionFactory(house=house, organisation=assigned.organisation)
    # Another page of the same session within the minute: the kept count (no list read).
    assert "(1 taak te doen)" in client.get(reverse("questions:inbox")).content.decode()
    # Mijn werkplek reads the list itself, and renews the count.
    assert "(2 taken te doen)" in client.get(reverse("network:dashboard")).content.decode()
    QuestionFactory(house=house, organisation=assigned.organisation)
    # A change of this session (any POST) makes its next page count afresh.
    client.post(reverse("network:dashboard"), {"digest": "0"})
    assert "(3 taken te doen)" in client.get(reverse("questions:inbox")).content.decode()


def test_the_navigation_count_counts_every_time_when_the_cache_cannot_be_reached(
    worker, assigned, house, monkeypatch, settings
):
    settings.TODO_MENU_COUNT_SECONDS = 60

    def unreachable(*args, **kwargs):
        raise ConnectionError("Redis is down")

    monkeypatch.setattr(todo.cache, "get", unreachable)
    monkeypatch.setattr(todo.cache, "set", unreachable)
    client = logged_in(worker)
    assert "(1 taak te doen)" in client.get(reverse("questions:inbox")).content.decode()
    QuestionFactory(house=house, organisation=assigned.organisation)
    assert "(2 taken te doen)" in client.get(reverse("questions:inbox")).content.decode()
