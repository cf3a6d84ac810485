"""The task queue's backend: django-tasks' database backend, plus the request id.

A task enqueued while a request (or a scheduler pass) is being handled keeps that request's id
(``core.logs``) in its row, beside its arguments (``args_kwargs["request_id"]``; the worker reads
only ``args`` and ``kwargs`` of it). When the worker (``db_worker``) starts the task, the
``task_started`` signal binds that id, the task's name and its id to the log context, so the
worker's lines of that task carry the request id of the request that asked for it; the
``task_finished`` signal unbinds them. Settings: ``TASKS["default"]["BACKEND"]``.
"""

import contextvars

from django.dispatch import receiver
from django_tasks import signals as task_signals
from django_tasks_db.backend import DatabaseBackend as BaseDatabaseBackend
from django_tasks_db.compat import normalize_json, task_finished, task_started
from django_tasks_db.models import DBTaskResult

from huisvanhetkind.core import logs

REQUEST_ID_KEY = "request_id"

# The context of the task being run by this worker (a token to restore the one before it).
_task_token: contextvars.ContextVar = contextvars.ContextVar("task_log_token", default=None)


class DatabaseBackend(BaseDatabaseBackend):
    """django-tasks-db's backend; a task's row also keeps the current request id."""

    def _task_to_db_task(self, task, args, kwargs) -> DBTaskResult:
        args_kwargs = {"args": args, "kwargs": kwargs}
        request_id = logs.current_request_id()
        if request_id:
            args_kwargs[REQUEST_ID_KEY] = request_id
        return DBTaskResult.objects.create(
            id=self._get_id(),
            args_kwargs=normalize_json(args_kwargs),
            priority=task.priority,
            task_path=task.module_path,
            queue_name=task.queue_name,
            run_after=task.run_after,
            backend_name=self.alias,
        )

    async def _atask_to_db_task(self, task, args, kwargs) -> DBTaskResult:
        raise NotImplementedError("The platform enqueues tasks from synchronous code only.")


def task_request_id(task_result) -> str | None:
    """The request id kept with a task of the database backend, if any."""
    db_result = getattr(task_result, "db_result", None)
    args_kwargs = getattr(db_result, "args_kwargs", None) or {}
    return logs.valid_request_id(args_kwargs.get(REQUEST_ID_KEY))


@receiver(task_started, dispatch_uid="core.taskqueue.task_context_bind")
def task_context_bind(sender, task_result, **kwargs):
    """The worker starts a task: its log lines carry the request id, the task and its id."""
    if getattr(task_result, "db_result", None) is None:
        return  # the immediate backend: the task runs inside the request's own context
    previous = logs.log_context()
    logs.bind(
        request_id=task_request_id(task_result) or logs.new_request_id(),
        task=task_result.task.module_path,
        task_id=str(task_result.id),
    )
    _task_token.set(previous)


@receiver(task_finished, dispatch_uid="core.taskqueue.task_context_unbind")
def task_context_unbind(sender, task_result, **kwargs):
    previous = _task_token.get()
    if previous is None:
        return
    logs.replace_context(previous)
    _task_token.set(None)


# django-tasks' own line "Task id=... state=RUNNING" is written by a receiver too: connected again
# after the one above, so that it carries the task's request id.
task_started.disconnect(task_signals.log_task_started)
task_started.connect(task_signals.log_task_started)
