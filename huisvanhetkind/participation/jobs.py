"""The periodic jobs of the surveys (see ``core.scheduler``)."""

from datetime import timedelta

from django.utils.translation import gettext_lazy as _

from huisvanhetkind.core.scheduler import register
from huisvanhetkind.participation import tasks

register(
    "participation.retention",
    every=timedelta(days=1),
    at=timedelta(hours=4, minutes=5),
    task=tasks.participation_retention,
    description=_("Wist de vrije antwoorden van bevragingen die 12 maanden geleden sloten."),
)
