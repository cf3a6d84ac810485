"""The periodic jobs of core (see ``core.scheduler``)."""

from datetime import timedelta

from huisvanhetkind.core import scheduler
from huisvanhetkind.core.tasks import send_todo_digests

scheduler.register(
    "core.todo_digests",
    every=timedelta(days=1),
    task=send_todo_digests,
    description="E-mail each professional who asked for it their to-do list.",
)
