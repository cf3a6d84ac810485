"""Every background task is idempotent: tasks are at least once (a task left in "running" by a
dead worker is requeued, see core.requeue), so a second run, after the first or beside it, has
no second effect. This module lists every task of the platform with the test that shows it; the
tasks of an app are tested in that app's ``test_task_idempotency.py``."""

import importlib
import pkgutil
from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.core import mail
from django.utils import timezone
from django_tasks_db.compat import Task, TaskResultStatus
from django_tasks_db.models import DBTaskResult

import huisvanhetkind
from huisvanhetkind.audit.models import AuditEvent
from huisvanhetkind.catalogue import tasks as catalogue_tasks
from huisvanhetkind.core import health, scheduler, services
from huisvanhetkind.core.models import Heartbeat, NotificationPreference
from huisvanhetkind.core.services import notification_preference_set
from huisvanhetkind.core.tasks import send_todo_digests, worker_heartbeat
from huisvanhetkind.network import reminders
from huisvanhetkind.network import services as network_services
from huisvanhetkind.network.models import PartnerApplication
from huisvanhetkind.network.workflow import ApplicationStatus
from huisvanhetkind.privacy.tasks import erase_expired_sessions, erase_expired_task_results
from tests.core.interleave import another_run_before_the_first_write
from tests.factories import PartnerApplicationFactory, QuestionFactory, ServiceFactory

pytestmark = pytest.mark.django_db

# Every task, with where its second run is shown to have no second effect.
TESTED = {
    "huisvanhetkind.activities.tasks.erase_expired_photos": "tests/activities",
    "huisvanhetkind.activities.tasks.erase_expired_registrations": "tests/activities",
    "huisvanhetkind.activities.tasks.import_ical_url": "tests/activities",
    "huisvanhetkind.activities.tasks.send_activity_reminders": "tests/activities",
    "huisvanhetkind.appointments.tasks.erase_expired_appointments": "tests/appointments",
    "huisvanhetkind.appointments.tasks.send_reminders": "tests/appointments",
    "huisvanhetkind.babytheek.tasks.erase_expired_memberships": "tests/babytheek",
    "huisvanhetkind.babytheek.tasks.erase_expired_waitlist": "tests/babytheek",
    "huisvanhetkind.babytheek.tasks.notify_waitlists": "tests/babytheek",
    "huisvanhetkind.babytheek.tasks.send_overdue_reminders": "tests/babytheek",
    "huisvanhetkind.care.tasks.erase_ended_signals": "tests/care",
    "huisvanhetkind.carepaths.tasks.care_paths_retention": (
        "lapses by a workflow step and deletes what it erases, both selected by state: a second"
        " run finds nothing (tests/carepaths/test_retention.py)"
    ),
    "huisvanhetkind.catalogue.tasks.send_verification_reminders": "here",
    "huisvanhetkind.childcare.tasks.erase_old_imports": "deletes: a second run finds nothing",
    "huisvanhetkind.childcare.tasks.run_import": "tests/childcare",
    "huisvanhetkind.childcare.tasks.send_places_reminders": "tests/childcare",
    "huisvanhetkind.childcare.tasks_requests.erase_expired_requests": "tests/childcare",
    "huisvanhetkind.childcare.tasks_requests.send_request_reminders": "tests/childcare",
    "huisvanhetkind.childcare.tasks_rounds.erase_old_rounds": "deletes: a second run finds nothing",
    "huisvanhetkind.childcare.tasks_rounds.expire_offers": "tests/childcare",
    "huisvanhetkind.childcare.tasks_urgent.erase_ended_urgent_requests": "tests/childcare",
    "huisvanhetkind.core.scheduler.erase_old_job_runs": "here",
    "huisvanhetkind.families.tasks.erase_orphaned_families": "tests/families",
    "huisvanhetkind.core.scheduler.run_job": "tests/core/test_requeue.py",
    "huisvanhetkind.core.tasks.requeue_stuck_tasks": "tests/core/test_requeue.py",
    "huisvanhetkind.core.tasks.erase_expired_throttle_counts": "tests/core/test_throttle_fallback.py",
    "huisvanhetkind.core.tasks.send_todo_digests": "here",
    "huisvanhetkind.core.tasks.worker_heartbeat": "here",
    "huisvanhetkind.familyplans.tasks.erase_expired_family_plans": (
        "deletes the plans it erases under a row lock, in one transaction: a second run finds"
        " none (tests/familyplans/test_services.py)"
    ),
    "huisvanhetkind.guidance.tasks.erase_expired_caseloads": "tests/guidance",
    "huisvanhetkind.knowledge.tasks.knowledge_digests_send": (
        "claims a DigestSent per house, user and month before it sends: a second run sends"
        " nobody a second one (tests/knowledge/test_digest.py)"
    ),
    "huisvanhetkind.network.tasks.erase_expired_applications": "here",
    "huisvanhetkind.participation.tasks.participation_retention": (
        "empties the free texts it selects by their content: a second run finds none"
        " (tests/participation/test_results.py)"
    ),
    "huisvanhetkind.privacy.tasks.erase_answered_requests": "tests/privacy/test_requests_log.py",
    "huisvanhetkind.privacy.tasks.erase_expired_sessions": "here",
    "huisvanhetkind.privacy.tasks.erase_expired_task_results": "here",
    "huisvanhetkind.questions.tasks.erase_expired_questions": "tests/questions",
    "huisvanhetkind.questions.tasks.send_question_reminders": "tests/questions",
    "huisvanhetkind.referrals.tasks.erase_expired_referrals": "tests/referrals",
    "huisvanhetkind.referrals.tasks.expire_referrals": "tests/referrals",
    "huisvanhetkind.referrals.tasks.send_referral_reminders": "tests/referrals",
    "huisvanhetkind.steering.tasks.follow_up_reminders": "tests/steering",
}


def task_modules(app) -> list[str]:
    """An app's modules that may define tasks: ``tasks``, ``tasks_<part>`` and ``scheduler``."""
    package = importlib.import_module(f"huisvanhetkind.{app.name}")
    return [
        f"{package.__name__}.{module.name}"
        for module in pkgutil.iter_modules(getattr(package, "__path__", []))
        if module.name in ("tasks", "scheduler") or module.name.startswith("tasks_")
    ]


def every_task() -> set[str]:
    found = set()
    for app in pkgutil.iter_modules(huisvanhetkind.__path__):
        for name in task_modules(app):
            module = importlib.import_module(name)
            for value in vars(module).values():
                if isinstance(value, Task) and value.func.__module__ == module.__name__:
                    found.add(value.module_path)
    return found


def test_every_task_of_the_platform_is_listed_with_its_idempotency_test():
    assert every_task() == set(TESTED)


# core ------------------------------------------------------------------------------------------


@pytest.fixture
def digest_for(worker, house, organisation):
    """The worker asked for the digest and has a question waiting."""
    question = QuestionFactory(house=house, organisation=organisation, assignee=worker)
    notification_preference_set(user=worker, daily_digest=True)
    return question


def test_the_digest_twice_is_one_e_mail(digest_for, worker, on_commit):
    with on_commit():
        assert send_todo_digests.call() == 1
        assert send_todo_digests.call() == 0
    assert [m.to for m in mail.outbox] == [[worker.email]]


def test_the_digest_run_beside_another_is_one_e_mail(digest_for, worker, on_commit, monkeypatch):
    with on_commit():
        other = another_run_before_the_first_write(
            monkeypatch, services, lambda: services.todo_digests_send()
        )
        assert send_todo_digests.call() == 0  # the other run sent it
    assert other.ran
    assert [m.to for m in mail.outbox] == [[worker.email]]
    assert NotificationPreference.objects.get(user=worker).digest_sent_on == timezone.localdate()


def test_the_heartbeat_twice_is_one_row():
    worker_heartbeat.call()
    worker_heartbeat.call()
    assert Heartbeat.objects.filter(name=health.WORKER).count() == 1


def test_old_job_runs_erased_twice_erases_once():
    scheduler.JobRun.objects.create(name="x", due_at=timezone.now() - timedelta(days=400))
    assert scheduler.erase_old_job_runs.call() == 1
    assert scheduler.erase_old_job_runs.call() == 0


# catalogue -------------------------------------------------------------------------------------


@pytest.fixture
def stale_service(organisation, org_admin):
    service = ServiceFactory(organisation=organisation, name="Oud aanbod")
    long_ago = timezone.now() - timedelta(days=400)
    type(service).objects.filter(pk=service.pk).update(
        last_verified_at=long_ago, created_at=long_ago
    )
    return service


def test_the_verification_reminder_twice_is_one_e_mail(stale_service, org_admin, on_commit):
    with on_commit():
        assert catalogue_tasks.send_verification_reminders.call() == 1
        assert catalogue_tasks.send_verification_reminders.call() == 0
    assert [m.to for m in mail.outbox] == [[org_admin.email]]


def test_the_verification_reminder_beside_another_is_one_e_mail(
    stale_service, org_admin, on_commit, monkeypatch
):
    with on_commit():
        other = another_run_before_the_first_write(
            monkeypatch, reminders, lambda: catalogue_tasks.send_verification_reminders.call()
        )
        assert catalogue_tasks.send_verification_reminders.call() == 0
    assert other.ran
    assert [m.to for m in mail.outbox] == [[org_admin.email]]


# network ---------------------------------------------------------------------------------------


@pytest.fixture
def old_declined(house):
    application = PartnerApplicationFactory(
        house=house, status=ApplicationStatus.DECLINED, contact_email="an@example.be"
    )
    PartnerApplication.objects.filter(pk=application.pk).update(
        decided_at=timezone.now() - timedelta(days=800)
    )
    return application


def erasures_of(application) -> int:
    return AuditEvent.objects.filter(
        action=AuditEvent.Action.ERASE, target_id=str(application.pk)
    ).count()


def test_an_application_erased_twice_is_erased_and_audited_once(old_declined):
    assert network_services.applications_erase_expired() == 1
    assert network_services.applications_erase_expired() == 0
    assert erasures_of(old_declined) == 1


def test_an_application_erased_beside_another_run_is_audited_once(old_declined, monkeypatch):
    other = another_run_before_the_first_write(
        monkeypatch, network_services, lambda: network_services.applications_erase_expired()
    )
    assert network_services.applications_erase_expired() == 0
    assert other.ran
    old_declined.refresh_from_db()
    assert old_declined.erased_at is not None and old_declined.contact_email == ""
    assert erasures_of(old_declined) == 1


# privacy ---------------------------------------------------------------------------------------


def test_expired_sessions_and_task_results_erased_twice_erase_once():
    Session.objects.create(
        session_key="k" * 32, session_data="", expire_date=timezone.now() - timedelta(days=1)
    )
    DBTaskResult.objects.create(
        status=TaskResultStatus.SUCCESSFUL,
        finished_at=timezone.now() - timedelta(days=40),
        args_kwargs={"args": [], "kwargs": {}},
        task_path="huisvanhetkind.core.tasks.worker_heartbeat",
        backend_name="default",
        run_after=timezone.now() - timedelta(days=40),
    )
    assert erase_expired_sessions.call() == 1
    assert erase_expired_sessions.call() == 0
    assert erase_expired_task_results.call() == 1
    assert erase_expired_task_results.call() == 0
