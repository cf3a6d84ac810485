"""The periodic jobs of guidance (see ``core.scheduler``). Times are on the platform's clock."""

from datetime import timedelta

from django.utils.translation import gettext_lazy as _

from huisvanhetkind.core.scheduler import register
from huisvanhetkind.guidance import tasks

register(
    "guidance.erase_expired_caseloads",
    every=timedelta(days=1),
    at=timedelta(hours=3, minutes=20),
    task=tasks.erase_expired_caseloads,
    description=_(
        "Wist de gegevens van gezinnen in begeleiding 12 maanden na het einde van de "
        "begeleiding, of meteen als hun toestemming ingetrokken of verlopen is."
    ),
)
