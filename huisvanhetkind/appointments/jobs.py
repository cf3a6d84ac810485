"""The periodic jobs of the appointments (see ``core.scheduler``). Times are on the platform's
clock (Europe/Brussels)."""

from datetime import timedelta

from django.utils.translation import gettext_lazy as _

from huisvanhetkind.appointments import tasks
from huisvanhetkind.core.scheduler import register

register(
    "appointments.send_reminders",
    every=timedelta(days=1),
    at=timedelta(hours=10),
    task=tasks.send_reminders,
    description=_("Herinnert gezinnen aan hun afspraak van morgen aan een loket."),
)
register(
    "appointments.erase_expired_appointments",
    every=timedelta(days=1),
    at=timedelta(hours=3, minutes=50),
    task=tasks.erase_expired_appointments,
    description=_(
        "Wist de gegevens van gezinnen bij afspraken waarvan de bewaartermijn verstreek."
    ),
)
