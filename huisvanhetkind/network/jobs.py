"""The periodic jobs of the network (see ``core.scheduler``); the command of the same name runs
it by hand. Times are on the platform's clock (Europe/Brussels)."""

from datetime import timedelta

from django.utils.translation import gettext_lazy as _

from huisvanhetkind.core.scheduler import register
from huisvanhetkind.network import tasks

register(
    "network.erase_expired_applications",
    every=timedelta(days=1),
    at=timedelta(hours=3, minutes=30),
    task=tasks.erase_expired_applications,
    description=_(
        "Wist de persoonsgegevens van geweigerde partneraanvragen waarvan de bewaartermijn "
        "verstreken is."
    ),
)
