"""The childcare desk's tasks run at least once (core.requeue): a second run, after the first or
beside it, has no second effect."""

import pytest
from django.core import mail

from huisvanhetkind.childcare import tasks
from huisvanhetkind.childcare.models import ChildcareImport, ChildcareLocation, ImportStatus
from huisvanhetkind.network import reminders
from huisvanhetkind.network.models import Role
from tests.core.interleave import another_run_before_the_first_write
from tests.factories import RoleFactory

pytestmark = pytest.mark.django_db

HEADER = (
    "dossiernummer;naam;soort;organisatie;straat;postcode;gemeente;vergunde plaatsen;"
    "leeftijd vanaf (maanden);leeftijd tot en met (maanden);prijs;prijs per dag;sociaal tarief;"
    "talen;inclusieve opvang;telefoon;e-mail"
)
ROW = (
    "912345;Kinderdagverblijf Het Voorbeeld;kinderdagverblijf;Landelijke Kinderopvang Stekelbees;"
    "Dorpsstraat 1;2920;Kalmthout;18;0;35;inkomenstarief;;ja;nl,fr;ja;03 000 00 00;"
    "voorbeeld@example.be"
)


@pytest.fixture
def waiting_import(house, provider, desk_worker):
    return ChildcareImport.objects.create(
        house=house, actor=desk_worker, source="lijst.csv", content=f"{HEADER}\n{ROW}\n"
    )


def locations() -> list:
    return list(ChildcareLocation.objects.values_list("dossier_number", flat=True))


def test_an_import_run_twice_imports_once(waiting_import):
    first = tasks.run_import.call(import_id=waiting_import.pk)
    assert "error" not in first, first
    assert locations() == ["912345"]
    assert tasks.run_import.call(import_id=waiting_import.pk) == {"skipped": True}
    assert locations() == ["912345"]
    waiting_import.refresh_from_db()
    assert waiting_import.status == ImportStatus.DONE


def test_an_import_left_running_by_a_dead_worker_is_finished_by_the_requeued_task(waiting_import):
    # The first worker marked it running and imported the row, then died.
    tasks.run_import.call(import_id=waiting_import.pk)
    ChildcareImport.objects.filter(pk=waiting_import.pk).update(
        status=ImportStatus.RUNNING, finished_at=None
    )
    outcome = tasks.run_import.call(import_id=waiting_import.pk)
    assert "skipped" not in outcome
    assert locations() == ["912345"]  # matched by its dossier number, not made twice
    waiting_import.refresh_from_db()
    assert waiting_import.status == ImportStatus.DONE


def test_a_failed_import_is_not_run_again(waiting_import):
    ChildcareImport.objects.filter(pk=waiting_import.pk).update(status=ImportStatus.FAILED)
    assert tasks.run_import.call(import_id=waiting_import.pk) == {"skipped": True}
    assert locations() == []


@pytest.fixture
def admin_of_stale(provider, kabouters):
    return RoleFactory(
        kind=Role.Kind.ORGANISATION_ADMIN,
        organisation=provider,
        user__email="beheer@stekelbees.example.be",
    ).user


def test_the_places_reminder_beside_another_run_is_one_e_mail(
    admin_of_stale, on_commit, monkeypatch
):
    with on_commit():
        other = another_run_before_the_first_write(
            monkeypatch, reminders, lambda: tasks.send_places_reminders.call()
        )
        assert tasks.send_places_reminders.call() == 0  # the other run sent it
    assert other.ran
    assert [m.to for m in mail.outbox] == [[admin_of_stale.email]]


# --- Requests: the reminders and the erasure ---------------------------------------------------

from datetime import timedelta  # noqa: E402

from django.utils import timezone  # noqa: E402

from huisvanhetkind.childcare import services_requests, tasks_requests  # noqa: E402
from huisvanhetkind.childcare.models import ChildcareRequest  # noqa: E402
from huisvanhetkind.childcare.services_requests import Wish  # noqa: E402
from tests.childcare.request_fixtures import file_request  # noqa: E402
from tests.core.interleave import another_run_before_the_first_call  # noqa: E402


@pytest.fixture
def reminded_request(house, kabouters):
    """A request confirmed 95 days ago: its first reminder is due."""
    childcare_request, _token = file_request(house, [Wish(location=kabouters, rank=1)])
    ChildcareRequest.objects.filter(pk=childcare_request.pk).update(
        confirmed_at=timezone.now() - timedelta(days=95)
    )
    return childcare_request


def test_the_request_reminder_run_twice_is_one_e_mail(reminded_request, on_commit):
    mail.outbox.clear()
    with on_commit():
        assert tasks_requests.send_request_reminders.call() == {"reminded": 1, "closed": 0}
        assert tasks_requests.send_request_reminders.call() == {"reminded": 0, "closed": 0}
    assert len(mail.outbox) == 1


def test_the_request_reminder_beside_another_run_is_one_e_mail(
    reminded_request, on_commit, monkeypatch
):
    mail.outbox.clear()
    with on_commit():
        other = another_run_before_the_first_call(
            monkeypatch,
            services_requests,
            "request_remind_or_close",
            lambda: tasks_requests.send_request_reminders.call(),
        )
        # The other run sent it; this one finds nothing due any more.
        assert tasks_requests.send_request_reminders.call() == {"reminded": 0, "closed": 0}
    assert other["ran"]
    assert len(mail.outbox) == 1
    reminded_request.refresh_from_db()
    assert reminded_request.confirm_reminders_sent == 1


def test_the_request_erasure_beside_another_run_erases_once(reminded_request, monkeypatch):
    ChildcareRequest.objects.filter(pk=reminded_request.pk).update(
        status="withdrawn", ended_at=timezone.now() - timedelta(days=400)
    )
    other = another_run_before_the_first_call(
        monkeypatch,
        services_requests,
        "request_erase",
        lambda: tasks_requests.erase_expired_requests.call(),
    )
    assert tasks_requests.erase_expired_requests.call() == 0
    assert other["ran"]
    reminded_request.refresh_from_db()
    assert reminded_request.erased_at is not None


# --- Allocation rounds: the daily expiry of unanswered offers ---------------------------------

from huisvanhetkind.childcare import services_rounds, tasks_rounds  # noqa: E402
from huisvanhetkind.childcare.models import AllocationRound, FreePlaces, Placement  # noqa: E402
from tests.childcare.test_rounds import MONTH, make_request  # noqa: E402


def test_the_offer_expiry_beside_another_run_expires_once_and_mails_once(
    house, kabouters, on_commit, monkeypatch
):
    FreePlaces.objects.create(location=kabouters, month=MONTH, places=1)
    childcare_request, _token = make_request(house, [kabouters])
    services_rounds.round_run(house=house, month=MONTH, actor=None)
    placement = Placement.objects.get()
    services_rounds.placement_confirm(placement=placement, actor=None)
    AllocationRound.objects.update(offer_deadline=timezone.localdate() - timedelta(days=1))
    mail.outbox.clear()
    with on_commit():
        other = another_run_before_the_first_write(
            monkeypatch, tasks_rounds, lambda: tasks_rounds.expire_offers.call()
        )
        # The other run expired it; this one finds it expired and does nothing.
        assert tasks_rounds.expire_offers.call() == 0
    assert other.ran
    assert len(mail.outbox) == 1
    placement.refresh_from_db()
    childcare_request.refresh_from_db()
    assert placement.status == "expired" and childcare_request.status == "open"
    assert tasks_rounds.expire_offers.call() == 0


# --- Urgent requests: the daily erasure 12 months after they end -------------------------------

from huisvanhetkind.audit.models import AuditEvent  # noqa: E402
from huisvanhetkind.childcare import services_urgent, tasks_urgent  # noqa: E402
from huisvanhetkind.childcare.models import UrgentRequest  # noqa: E402


def test_the_urgent_erasure_beside_another_run_erases_once(house, monkeypatch):
    urgent, _token = services_urgent.urgent_submit(
        house=house,
        family={"name": "Sara Peeters", "email": "sara@example.be", "phone": "", "language": "nl"},
        child={"first_name": "Lotte", "birth_date": timezone.localdate() - timedelta(days=300)},
        municipality=house.municipalities.first(),
        reason="work",
        needed_from=timezone.localdate() + timedelta(days=7),
        half_days=4,
        situation="Werk gevonden.",
    )
    UrgentRequest.objects.filter(pk=urgent.pk).update(
        status="withdrawn", ended_at=timezone.now() - timedelta(days=400)
    )
    other = another_run_before_the_first_call(
        monkeypatch,
        services_urgent,
        "urgent_erase",
        lambda: tasks_urgent.erase_ended_urgent_requests.call(),
    )
    # The other run erased it; this one finds it erased and counts nothing.
    assert tasks_urgent.erase_ended_urgent_requests.call() == 0
    assert other["ran"]
    urgent.refresh_from_db()
    assert urgent.erased_at is not None and urgent.situation == ""
    assert (
        AuditEvent.objects.filter(action=AuditEvent.Action.ERASE, target_id=str(urgent.pk)).count()
        == 1
    )
    assert tasks_urgent.erase_ended_urgent_requests.call() == 0
