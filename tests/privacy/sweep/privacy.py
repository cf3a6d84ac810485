"""The privacy app's rules over the libraries' tables: sessions and the tasks' results."""

from django.contrib.sessions.models import Session
from django_tasks_db.models import DBTaskResult

from huisvanhetkind.privacy.services import TASK_RESULT_RETENTION


def seed_session(sweep):
    marker = sweep.marker("sessions.Session")
    Session.objects.create(
        session_key=f"{marker}{'s' * 20}"[:40], session_data=marker, expire_date=sweep.days_ago(1)
    )


def seed_task_result(sweep):
    email = sweep.email("django_tasks_database.DBTaskResult")
    finished = sweep.days_ago(TASK_RESULT_RETENTION.days + 1)
    DBTaskResult.objects.create(
        status="SUCCESSFUL",
        args_kwargs={"args": [email], "kwargs": {"to": email}},
        task_path="huisvanhetkind.questions.tasks.erase_expired_questions",
        backend_name="default",
        run_after=finished,
        started_at=finished,
        finished_at=finished,
        return_value={"sent_to": sweep.email("django_tasks_database.DBTaskResult")},
    )


SEEDERS = {
    "sessions.Session": seed_session,
    "django_tasks_database.DBTaskResult": seed_task_result,
}
