"""The periodic jobs of the family plan (see ``core.scheduler``)."""

from datetime import timedelta

from django.utils.translation import gettext_lazy as _

from huisvanhetkind.core.scheduler import register
from huisvanhetkind.familyplans import tasks

register(
    "familyplans.erase_expired",
    every=timedelta(days=1),
    at=timedelta(hours=3, minutes=50),
    task=tasks.erase_expired_family_plans,
    description=_(
        "Wist gezinsplannen die het gezin liet wissen, die 12 maanden afgesloten zijn, of die "
        "12 maanden door geen enkele partner met toestemming gezien konden worden."
    ),
)
