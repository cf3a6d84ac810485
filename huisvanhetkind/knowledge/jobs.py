"""The periodic jobs of the knowledge app (see ``core.scheduler``)."""

from datetime import timedelta

from django.utils.translation import gettext_lazy as _

from huisvanhetkind.core.scheduler import register
from huisvanhetkind.knowledge import tasks

register(
    "knowledge.digest",
    every=timedelta(days=1),
    at=timedelta(hours=7, minutes=10),
    task=tasks.knowledge_digests_send,
    description=_(
        "Stuurt op de eerste dag van de maand de nieuwsbrief voor partners (nieuwe partners, "
        "nieuw en gewijzigd aanbod, komende vergaderingen en vormingen, nieuws); wie hem deze "
        "maand al kreeg, krijgt hem niet opnieuw."
    ),
)
