"""The periodic jobs of the babytheek (see ``core.scheduler``). Times are on the platform's
clock (Europe/Brussels)."""

from datetime import timedelta

from django.utils.translation import gettext_lazy as _

from huisvanhetkind.babytheek import tasks
from huisvanhetkind.core.scheduler import register

register(
    "babytheek.send_overdue_reminders",
    every=timedelta(days=1),
    at=timedelta(hours=9, minutes=30),
    task=tasks.send_overdue_reminders,
    description=_("Herinnert gezinnen aan een babytheekartikel dat te laat is."),
)
register(
    "babytheek.notify_waitlists",
    every=timedelta(days=1),
    at=timedelta(hours=8),
    task=tasks.notify_waitlists,
    description=_(
        "Laat het eerste gezin op de wachtlijst weten dat een babytheekartikel weer vrij is."
    ),
)
register(
    "babytheek.erase_expired_memberships",
    every=timedelta(days=1),
    at=timedelta(hours=3, minutes=40),
    task=tasks.erase_expired_memberships,
    description=_(
        "Wist de lidmaatschappen van de babytheek wanneer hun bewaartermijn verstreken is."
    ),
)
register(
    "babytheek.erase_expired_waitlist",
    every=timedelta(days=1),
    at=timedelta(hours=3, minutes=45),
    task=tasks.erase_expired_waitlist,
    description=_("Verwijdert oude plaatsen op de wachtlijst van de babytheek."),
)
