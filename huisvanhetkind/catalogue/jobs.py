"""The periodic jobs of the catalogue (see ``core.scheduler``); the command of the same name runs
it by hand. Times are on the platform's clock (Europe/Brussels)."""

from datetime import timedelta

from django.utils.translation import gettext_lazy as _

from huisvanhetkind.catalogue import tasks
from huisvanhetkind.core.scheduler import register

register(
    "catalogue.send_verification_reminders",
    every=timedelta(days=1),
    at=timedelta(hours=7),
    task=tasks.send_verification_reminders,
    description=_("Mailt partners het aanbod dat ze 12 maanden niet nakeken."),
)
