"""The periodic jobs of the care paths (see ``core.scheduler``)."""

from datetime import timedelta

from django.utils.translation import gettext_lazy as _

from huisvanhetkind.carepaths import tasks
from huisvanhetkind.core.scheduler import register

register(
    "carepaths.retention",
    every=timedelta(days=1),
    at=timedelta(hours=3, minutes=50),
    task=tasks.care_paths_retention,
    description=_(
        "Laat zorgpaden vervallen waarvoor geen enkele betrokken partner nog een geldige "
        "toestemming van het gezin heeft, en wist zorgpaden die 12 maanden geleden eindigden."
    ),
)
