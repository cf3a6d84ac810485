"""The periodic jobs of care coordination (see ``core.scheduler``)."""

from datetime import timedelta

from django.utils.translation import gettext_lazy as _

from huisvanhetkind.care import tasks
from huisvanhetkind.core.scheduler import register

register(
    "care.erase_ended_signals",
    every=timedelta(days=1),
    at=timedelta(hours=3, minutes=40),
    task=tasks.erase_ended_signals,
    description=_(
        "Wist signalen uit de signaalindex die ingetrokken zijn, twee jaar oud zijn of waarvan "
        "het kind 23 werd."
    ),
)
