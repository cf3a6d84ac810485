"""The requests log of a house: requests a family cannot serve itself, logged by the coordinator
with the legal deadline of one month (extendable once by two months, with a reason), answered
or refused; late ones in the to-do list; a yearly count; only the coordinator sees it."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.core import scheduler, todo
from huisvanhetkind.core.crypto import EncryptedTextField
from huisvanhetkind.demo.privacy import seed_privacy
from huisvanhetkind.demo.services import load
from huisvanhetkind.network.models import Role
from huisvanhetkind.privacy import selectors_requests, services_requests, tasks
from huisvanhetkind.privacy.models import RightsRequest
from huisvanhetkind.privacy.workflow import RequestStatus as S
from tests.conftest import logged_in, with_second_factor
from tests.factories import RoleFactory, UserFactory

pytestmark = pytest.mark.django_db

NAME = "Sarah Janssens"
CONTACT = "0470 12 34 56"
SUBJECT = "Wil het signaal over haar zoon Lotte inzien"


def log(house, actor=None, received_on=None, **extra):
    data = {
        "requester_name": NAME,
        "requester_contact": CONTACT,
        "received_on": received_on or timezone.localdate(),
        "channel": RightsRequest.Channel.PHONE,
        "kind": RightsRequest.Kind.ACCESS,
        "subject": SUBJECT,
        **extra,
    }
    return services_requests.request_log(actor=actor, house=house, **data)


def url(name, house, **kwargs):
    return reverse(f"privacy:{name}", kwargs={"house_slug": house.slug, **kwargs})


# --- The deadline --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (date(2026, 3, 10), date(2026, 4, 10)),
        (date(2026, 1, 31), date(2026, 2, 28)),  # no 31 February: the last day of the month
        (date(2028, 1, 31), date(2028, 2, 29)),
        (date(2026, 12, 15), date(2027, 1, 15)),
    ],
)
def test_the_deadline_is_one_month_from_receipt(received, due):
    assert services_requests.deadline_for(received) == due


def test_a_logged_request_has_its_deadline_and_is_encrypted(house, coordinator):
    received = timezone.localdate() - timedelta(days=3)
    request = log(house, coordinator, received_on=received)
    assert request.status == S.RECEIVED
    assert request.due_on == services_requests.deadline_for(received)
    assert request.created_by == coordinator
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT requester_name, requester_contact, subject FROM privacy_rightsrequest"
        )
        stored = cursor.fetchone()
    assert NAME not in stored[0] and CONTACT not in stored[1] and "Lotte" not in stored[2]
    assert isinstance(RightsRequest._meta.get_field("subject"), EncryptedTextField)
    event = AuditEvent.objects.get(target_type="privacy.rightsrequest", action="create")
    assert event.house == house and event.actor == coordinator
    assert NAME not in str(event.changes) and "Lotte" not in str(event.changes)
    assert event.changes["due_on"] == [None, request.due_on.isoformat()]


def test_extending_once_gives_two_more_months_and_records_the_reason(house, coordinator):
    request = log(house, coordinator, received_on=date(2026, 1, 31))
    services_requests.request_start(actor=coordinator, request=request)
    request = services_requests.request_extend(
        actor=coordinator,
        request=request,
        reason="Het dossier loopt over drie partners.",
        today=date(2026, 2, 10),
    )
    assert request.status == S.EXTENDED
    assert request.due_on == date(2026, 4, 30)
    assert request.extension_reason == "Het dossier loopt over drie partners."
    change = (
        AuditEvent.objects.filter(target_id=str(request.pk), action="update").order_by("pk").last()
    )
    assert change.changes["due_on"] == ["2026-02-28", "2026-04-30"]
    assert change.changes["status"] == [S.IN_PROGRESS, S.EXTENDED]


def test_answering_closes_the_request_and_counts_as_on_time(house, coordinator):
    request = log(house, coordinator, received_on=timezone.localdate() - timedelta(days=10))
    request = services_requests.request_answer(
        actor=coordinator,
        request=request,
        answered_on=timezone.localdate(),
        summary="Kopie van het dossier per post verstuurd.",
        channel=RightsRequest.Channel.LETTER,
    )
    assert request.status == S.ANSWERED and request.closed_at is not None
    assert request.on_time is True
    assert request.refusal_reason == ""


def test_a_refusal_needs_its_reason(house, coordinator):
    request = log(house, coordinator)
    with pytest.raises(ValidationError) as error:
        services_requests.request_answer(
            actor=coordinator,
            request=request,
            answered_on=timezone.localdate(),
            summary="Geweigerd.",
            channel=RightsRequest.Channel.LETTER,
            refused=True,
        )
    assert "reden van de weigering" in str(error.value)
    request.refresh_from_db()
    assert request.status == S.RECEIVED
    request = services_requests.request_answer(
        actor=coordinator,
        request=request,
        answered_on=timezone.localdate(),
        summary="Geweigerd.",
        channel=RightsRequest.Channel.LETTER,
        refused=True,
        refusal_reason="Kennelijk ongegrond: hetzelfde verzoek werd vorige week beantwoord.",
    )
    assert request.status == S.REFUSED


# --- Bad input: a Dutch message and nothing changes ---------------------------------------------


def test_a_request_received_in_the_future_is_refused(house, coordinator):
    with pytest.raises(ValidationError) as error:
        log(house, coordinator, received_on=timezone.localdate() + timedelta(days=1))
    assert "De datum van ontvangst ligt in de toekomst." in error.value.messages
    assert not RightsRequest.objects.exists()


def test_a_request_without_a_name_or_subject_is_refused(house, coordinator):
    with pytest.raises(ValidationError) as error:
        log(house, coordinator, requester_name=" ", subject="")
    assert set(error.value.message_dict) == {"requester_name", "subject"}
    assert not RightsRequest.objects.exists()


def test_an_extension_without_a_reason_is_refused(house, coordinator):
    request = log(house, coordinator)
    with pytest.raises(ValidationError) as error:
        services_requests.request_extend(actor=coordinator, request=request, reason="  ")
    assert "Geef de reden van de verlenging" in str(error.value)
    request.refresh_from_db()
    assert request.status == S.RECEIVED and request.extended_at is None


def test_a_deadline_is_extended_only_once(house, coordinator):
    request = log(house, coordinator)
    request = services_requests.request_extend(actor=coordinator, request=request, reason="Complex")
    due = request.due_on
    with pytest.raises(ValidationError) as error:
        services_requests.request_extend(actor=coordinator, request=request, reason="Nog eens")
    assert "al eens verlengd" in error.value.messages[0]
    request.refresh_from_db()
    assert request.due_on == due and request.extension_reason == "Complex"


def test_an_extension_after_the_first_month_is_refused(house, coordinator):
    request = log(house, coordinator, received_on=timezone.localdate() - timedelta(days=40))
    with pytest.raises(ValidationError) as error:
        services_requests.request_extend(actor=coordinator, request=request, reason="Complex")
    assert "alleen binnen de eerste maand" in error.value.messages[0]
    request.refresh_from_db()
    assert request.extended_at is None


def test_an_answer_before_the_request_was_received_is_refused(house, coordinator):
    received = timezone.localdate() - timedelta(days=5)
    request = log(house, coordinator, received_on=received)
    with pytest.raises(ValidationError) as error:
        services_requests.request_answer(
            actor=coordinator,
            request=request,
            answered_on=received - timedelta(days=1),
            summary="Antwoord",
            channel=RightsRequest.Channel.EMAIL,
        )
    assert "vóór de ontvangst" in error.value.message_dict["answered_on"][0]
    request.refresh_from_db()
    assert request.status == S.RECEIVED and request.answered_on is None


def test_an_answered_request_cannot_be_answered_or_extended_again(house, coordinator):
    request = log(house, coordinator)
    services_requests.request_answer(
        actor=coordinator,
        request=request,
        answered_on=timezone.localdate(),
        summary="Antwoord",
        channel=RightsRequest.Channel.EMAIL,
    )
    for attempt in (
        lambda: services_requests.request_extend(actor=coordinator, request=request, reason="x"),
        lambda: services_requests.request_start(actor=coordinator, request=request),
    ):
        with pytest.raises(ValidationError):
            attempt()
    request.refresh_from_db()
    assert request.status == S.ANSWERED


# --- The pages ----------------------------------------------------------------------------------


def test_the_coordinator_logs_and_answers_a_request_through_the_pages(house, coordinator):
    client = logged_in(coordinator)
    today = timezone.localdate()
    response = client.post(
        url("request_new", house),
        {
            "requester_name": NAME,
            "requester_contact": CONTACT,
            "received_on": today.isoformat(),
            "channel": "letter",
            "kind": "objection",
            "subject": SUBJECT,
        },
    )
    request = RightsRequest.objects.get()
    assert response.status_code == 302 and response["Location"] == url(
        "request", house, pk=request.pk
    )
    page = client.get(response["Location"]).content.decode()
    assert NAME in page and "bezwaar" in page.lower()
    assert client.post(url("request_start", house, pk=request.pk)).status_code == 302
    response = client.post(
        url("request_answer", house, pk=request.pk),
        {
            "outcome": "answered",
            "answered_on": today.isoformat(),
            "channel": "letter",
            "summary": "Bezwaar aanvaard; verwerking gestopt.",
        },
    )
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == S.ANSWERED and request.answer_channel == "letter"
    listing = client.get(url("requests", house) + "?filter=beantwoord").content.decode()
    assert NAME in listing and "op tijd" in listing


def test_bad_input_on_the_pages_gets_dutch_messages_and_changes_nothing(house, coordinator):
    client = logged_in(coordinator)
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = client.post(
        url("request_new", house),
        {
            "requester_name": NAME,
            "requester_contact": CONTACT,
            "received_on": tomorrow.isoformat(),
            "channel": "phone",
            "kind": "access",
            "subject": "",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "De datum van ontvangst ligt in de toekomst." in page
    assert "Beschrijf kort waarover het verzoek gaat." in page
    assert not RightsRequest.objects.exists()
    request = log(house, coordinator, received_on=timezone.localdate() - timedelta(days=2))
    response = client.post(url("request_extend", house, pk=request.pk), {"reason": ""})
    assert response.status_code == 400
    assert "Geef de reden van de verlenging" in response.content.decode()
    response = client.post(
        url("request_answer", house, pk=request.pk),
        {
            "outcome": "answered",
            "answered_on": (request.received_on - timedelta(days=1)).isoformat(),
            "channel": "email",
            "summary": "Antwoord",
        },
    )
    assert response.status_code == 400
    assert "vóór de ontvangst" in response.content.decode()
    request.refresh_from_db()
    assert request.status == S.RECEIVED and request.extended_at is None


def test_the_list_filters_open_late_and_answered_and_counts_per_year(house, coordinator):
    today = timezone.localdate()
    late = log(house, coordinator, received_on=today - timedelta(days=45), requester_name="Laat")
    fresh = log(house, coordinator, received_on=today - timedelta(days=2), requester_name="Vers")
    done = log(house, coordinator, received_on=today - timedelta(days=3), requester_name="Klaar")
    services_requests.request_answer(
        actor=coordinator, request=done, answered_on=today, summary="ok", channel="email"
    )
    client = logged_in(coordinator)
    names = {
        which: [
            r.requester_name
            for r in client.get(url("requests", house) + f"?filter={which}").context["page"].rows
        ]
        for which in ("open", "te-laat", "beantwoord", "alle")
    }
    assert names["open"] == ["Laat", "Vers"]
    assert names["te-laat"] == ["Laat"]
    assert names["beantwoord"] == ["Klaar"]
    assert set(names["alle"]) == {"Laat", "Vers", "Klaar"}
    counts = {c.year: c for c in selectors_requests.year_counts(house, today)}
    total = sum(c.received for c in counts.values())
    assert total == 3
    assert sum(c.on_time for c in counts.values()) == 1
    assert sum(c.late for c in counts.values()) == 1
    assert late.pk and fresh.pk


def test_reading_the_list_and_a_request_is_audited(house, coordinator):
    request = log(house, coordinator)
    client = logged_in(coordinator)
    client.get(url("requests", house))
    client.get(url("request", house, pk=request.pk))
    reads = AuditEvent.objects.filter(
        action="read", target_type="privacy.rightsrequest", target_id=str(request.pk)
    )
    assert [e.reason for e in reads.order_by("pk")] == [
        "lijst van privacyverzoeken",
        "privacyverzoek bekeken",
    ]
    assert all(e.actor == coordinator for e in reads)


def test_the_list_reads_a_fixed_number_of_queries(house, coordinator):
    client = logged_in(coordinator)
    log(house, coordinator)
    with CaptureQueriesContext(connection) as few:
        client.get(url("requests", house) + "?filter=alle")
    for _n in range(6):
        log(house, coordinator)
    with CaptureQueriesContext(connection) as many:
        client.get(url("requests", house) + "?filter=alle")
    assert len(many) == len(few)


# --- Outsiders ----------------------------------------------------------------------------------


def test_outsiders_do_not_see_the_log(
    client, house, coordinator, other_coordinator, worker, outsider
):
    request = log(house, coordinator)
    pages = [
        url("requests", house),
        url("request_new", house),
        url("request", house, pk=request.pk),
    ]
    posts = [
        url("request_start", house, pk=request.pk),
        url("request_extend", house, pk=request.pk),
        url("request_answer", house, pk=request.pk),
    ]
    for page in pages + posts:
        response = client.get(page)
        assert response.status_code == 302 and "login" in response["Location"], page
    for user in (other_coordinator, worker, outsider):
        other = logged_in(user)
        for page in pages:
            assert other.get(page).status_code == 404, (user, page)
        for page in posts:
            assert other.post(page, {"reason": "x"}).status_code == 404, (user, page)
    request.refresh_from_db()
    assert request.status == S.RECEIVED
    # Positive control: the coordinator of the house sees it.
    assert logged_in(coordinator).get(url("request", house, pk=request.pk)).status_code == 200


def test_a_request_of_another_house_is_404_for_its_coordinator(
    house, other_house, coordinator, other_coordinator
):
    theirs = log(other_house, other_coordinator)
    assert logged_in(coordinator).get(url("request", house, pk=theirs.pk)).status_code == 404
    assert (
        logged_in(other_coordinator).get(url("request", other_house, pk=theirs.pk)).status_code
        == 200
    )


# --- To-do list and retention -------------------------------------------------------------------


def test_requests_due_within_a_week_and_late_ones_wait_in_the_coordinators_list(
    house, coordinator, other_coordinator, worker
):
    today = timezone.localdate()
    late = log(house, coordinator, received_on=today - timedelta(days=40))
    soon = log(house, coordinator, received_on=today - timedelta(days=26))
    log(house, coordinator, received_on=today - timedelta(days=2))  # due in four weeks
    items = [
        item
        for group in todo.todo_list(coordinator).groups
        if group.name == "privacy_requests"
        for item in group.items
    ]
    assert [item.due for item in items] == [late.due_on, soon.due_on]
    assert items[0].urgent and not items[1].urgent
    assert all(NAME not in item.title and "Lotte" not in item.title for item in items)
    assert items[0].url == url("request", house, pk=late.pk)
    for user in (other_coordinator, worker):
        assert not any(g.name == "privacy_requests" for g in todo.todo_list(user).groups)


def test_the_log_is_erased_five_years_after_the_answer_by_a_daily_job(house, coordinator):
    old = log(house, coordinator, received_on=date(2019, 3, 1))
    RightsRequest.objects.filter(pk=old.pk).update(
        status=S.ANSWERED, answered_on=date(2019, 3, 20), closed_at=timezone.now()
    )
    recent = log(house, coordinator, received_on=timezone.localdate() - timedelta(days=30))
    services_requests.request_answer(
        actor=coordinator,
        request=recent,
        answered_on=timezone.localdate(),
        summary="ok",
        channel="email",
    )
    still_open = log(house, coordinator, received_on=timezone.localdate())
    assert list(services_requests.requests_due(timezone.now())) == [old]
    assert tasks.erase_answered_requests.call() == 1
    assert tasks.erase_answered_requests.call() == 0  # twice erases once
    assert set(RightsRequest.objects.values_list("pk", flat=True)) == {recent.pk, still_open.pk}
    assert AuditEvent.objects.filter(
        action="erase", target_type="privacy.rightsrequest", target_id=str(old.pk)
    ).exists()
    job = scheduler.jobs()["privacy.erase_answered_requests"]
    assert job.every == timedelta(days=1) and job.task is tasks.erase_answered_requests


def test_the_demo_writes_a_log_with_open_late_and_answered_requests_once(house):
    today = timezone.localdate()
    for _run in range(2):
        seed_privacy(
            data=load("privacy"), houses={"kalmthout": house}, organisations={}, today=today
        )
    assert RightsRequest.objects.filter(house=house).count() == 7
    assert selectors_requests.open_counts(house, today) == {"open": 4, "late": 1}
    assert set(RightsRequest.objects.values_list("status", flat=True)) == set(S.values)


def test_the_coordinator_s_workplace_links_to_the_log(house, coordinator, worker):
    page = logged_in(coordinator).get(reverse("network:dashboard")).content.decode()
    assert url("requests", house) in page
    assert (
        url("requests", house)
        not in logged_in(worker).get(reverse("network:dashboard")).content.decode()
    )


def test_a_platform_admin_sees_the_log_of_every_house(house, coordinator):
    request = log(house, coordinator)
    admin = with_second_factor(UserFactory(email="beheer@platform.example.be"))
    RoleFactory(user=admin, kind=Role.Kind.PLATFORM_ADMIN)
    client = logged_in(admin)
    assert client.get(url("requests", house)).status_code == 200
    assert client.get(url("request", house, pk=request.pk)).status_code == 200
