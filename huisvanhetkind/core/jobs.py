"""The periodic jobs of core (see ``core.scheduler``). Times are on the platform's clock
(Europe/Brussels)."""

from datetime import timedelta

from django.utils.translation import gettext_lazy as _

from huisvanhetkind.core import health, requeue, scheduler
from huisvanhetkind.core.tasks import (
    erase_expired_throttle_counts,
    requeue_stuck_tasks,
    send_todo_digests,
    worker_heartbeat,
)

# In the morning, after the reminders of 7:00, so that the list is as the day starts.
scheduler.register(
    "core.todo_digests",
    every=timedelta(days=1),
    at=timedelta(hours=7, minutes=30),
    task=send_todo_digests,
    description=_("Mailt elke professional die erom vroeg de takenlijst van Mijn werkplek."),
)

# The worker's heartbeat: the scheduler enqueues it every minute and the worker runs it, so that
# /readyz knows that tasks are taken from the queue (core.health).
scheduler.register(
    health.HEARTBEAT_JOB,
    every=timedelta(minutes=1),
    task=worker_heartbeat,
    description=_("Teken van leven van de achtergrondverwerking, voor /readyz."),
)

# Tasks that a dead worker left in "running" go back to the queue (core.requeue): every task is
# idempotent, so running one again has no second effect.
scheduler.register(
    requeue.REQUEUE_JOB,
    every=timedelta(minutes=5),
    at=timedelta(minutes=2),
    task=requeue_stuck_tasks,
    description=_(
        "Zet taken die een gestopte achtergrondverwerking liet hangen terug in de wachtrij."
    ),
)

# The rate-limit counters kept in the database while Redis was down (core.throttle).
scheduler.register(
    "core.erase_expired_throttle_counts",
    every=timedelta(days=1),
    at=timedelta(hours=3, minutes=40),
    task=erase_expired_throttle_counts,
    description=_("Verwijdert de tellers van limieten waarvan het venster voorbij is."),
)
