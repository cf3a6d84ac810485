"""The periodic jobs of the family record (see ``core.scheduler``). Times are on the platform's
clock (Europe/Brussels)."""

from datetime import timedelta

from django.utils.translation import gettext_lazy as _

from huisvanhetkind.core.scheduler import register
from huisvanhetkind.families import tasks

# After the apps' own erasures (around 03:00-04:00), which unlink what the family record keeps.
register(
    "families.erase_orphaned_families",
    every=timedelta(days=1),
    at=timedelta(hours=4, minutes=45),
    task=tasks.erase_orphaned_families,
    description=_(
        "Verwijdert gezinnen (en hun kinderen) waar geen dienst meer naar verwijst, 30 dagen "
        "nadat ze aangemaakt of gewijzigd werden."
    ),
)
