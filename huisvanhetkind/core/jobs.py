"""The periodic jobs of core (see ``core.scheduler``). Times are on the platform's clock
(Europe/Brussels)."""

from datetime import timedelta

from django.utils.translation import gettext_lazy as _

from huisvanhetkind.core import scheduler
from huisvanhetkind.core.tasks import send_todo_digests

# In the morning, after the reminders of 7:00, so that the list is as the day starts.
scheduler.register(
    "core.todo_digests",
    every=timedelta(days=1),
    at=timedelta(hours=7, minutes=30),
    task=send_todo_digests,
    description=_("Mailt elke professional die erom vroeg de takenlijst van Mijn werkplek."),
)
