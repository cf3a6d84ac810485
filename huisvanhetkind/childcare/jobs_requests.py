"""Periodic jobs of the childcare desk: requests (imported by ``childcare.jobs``)."""

from datetime import timedelta

from django.utils.translation import gettext_lazy as _

from huisvanhetkind.childcare import tasks_requests
from huisvanhetkind.core.scheduler import register

register(
    "childcare.send_request_reminders",
    every=timedelta(days=1),
    at=timedelta(hours=8, minutes=10),
    task=tasks_requests.send_request_reminders,
    description=_(
        "Vraagt gezinnen elke 3 maanden of hun opvangvraag nog nodig is en sluit de vraag na "
        "twee herinneringen zonder antwoord."
    ),
)

register(
    "childcare.erase_expired_requests",
    every=timedelta(days=1),
    at=timedelta(hours=3, minutes=50),
    task=tasks_requests.erase_expired_requests,
    description=_("Wist opvangvragen 12 maanden nadat ze afgesloten zijn."),
)
