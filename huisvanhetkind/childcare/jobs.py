"""The periodic jobs of the childcare desk (see ``core.scheduler``). Times are on the platform's
clock (Europe/Brussels)."""

from datetime import timedelta

from django.utils.translation import gettext_lazy as _

from huisvanhetkind.childcare import tasks
from huisvanhetkind.core.scheduler import register

register(
    "childcare.send_places_reminders",
    every=timedelta(days=1),
    at=timedelta(hours=7, minutes=15),
    task=tasks.send_places_reminders,
    description=_("Mailt opvanglocaties waarvan de vrije plaatsen 30 dagen niet nagekeken zijn."),
)

register(
    "childcare.erase_old_imports",
    every=timedelta(days=1),
    at=timedelta(hours=3, minutes=40),
    task=tasks.erase_old_imports,
    description=_("Verwijdert imports van opvanglocaties ouder dan 90 dagen."),
)

# The jobs of the requests, urgent requests and rounds register themselves too.
from huisvanhetkind.childcare import jobs_requests, jobs_rounds, jobs_urgent  # noqa: E402, F401
