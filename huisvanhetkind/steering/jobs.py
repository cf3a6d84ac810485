"""The periodic jobs of the steering app (see ``core.scheduler``)."""

from datetime import timedelta

from django.utils.translation import gettext_lazy as _

from huisvanhetkind.core.scheduler import register
from huisvanhetkind.steering import tasks

register(
    "steering.follow_up_reminders",
    every=timedelta(days=1),
    at=timedelta(hours=7, minutes=40),
    task=tasks.follow_up_reminders,
    description=_(
        "Herinnert wie een opvolgactie van een vergadering draagt wanneer ze over datum is "
        "(hoogstens eens per week per actie)."
    ),
)
