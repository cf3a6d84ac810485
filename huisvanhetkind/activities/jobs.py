"""The periodic jobs of activities (see ``core.scheduler``); the commands of the same names run
them by hand. Times are on the platform's clock (Europe/Brussels)."""

from datetime import timedelta

from django.utils.translation import gettext_lazy as _

from huisvanhetkind.activities import tasks
from huisvanhetkind.core.scheduler import register

register(
    "activities.send_activity_reminders",
    every=timedelta(days=1),
    at=timedelta(hours=9),
    task=tasks.send_activity_reminders,
    description=_("Herinnert wie ingeschreven is aan een sessie die morgen begint."),
)
register(
    "activities.erase_expired_registrations",
    every=timedelta(days=1),
    at=timedelta(hours=3, minutes=10),
    task=tasks.erase_expired_registrations,
    description=_(
        "Wist de persoonsgegevens van inschrijvingen wanneer hun bewaartermijn na de sessie "
        "verstreken is."
    ),
)
register(
    "activities.erase_expired_photos",
    every=timedelta(days=1),
    at=timedelta(hours=3, minutes=20),
    task=tasks.erase_expired_photos,
    description=_(
        "Verwijdert de foto's van activiteiten die lang voorbij zijn en fotobestanden die niet "
        "meer gebruikt worden."
    ),
)
