"""Periodic jobs of the childcare desk: urgent requests (imported by ``childcare.jobs``). Times
are on the platform's clock (Europe/Brussels)."""

from datetime import timedelta

from django.utils.translation import gettext_lazy as _

from huisvanhetkind.childcare import tasks_urgent
from huisvanhetkind.core.scheduler import register

register(
    "childcare.erase_ended_urgent_requests",
    every=timedelta(days=1),
    at=timedelta(hours=3, minutes=50),
    task=tasks_urgent.erase_ended_urgent_requests,
    description=_("Wist dringende opvangvragen 12 maanden nadat ze afgesloten zijn."),
)
