"""Periodic jobs of the childcare desk: rounds (imported by ``childcare.jobs``)."""

from datetime import timedelta

from django.utils.translation import gettext_lazy as _

from huisvanhetkind.childcare import tasks_rounds
from huisvanhetkind.core.scheduler import register

register(
    "childcare.expire_offers",
    every=timedelta(days=1),
    at=timedelta(hours=0, minutes=20),
    task=tasks_rounds.expire_offers,
    description=_(
        "Laat plaatsingen van een verdeelronde vervallen die niet op tijd beantwoord werden."
    ),
)

register(
    "childcare.erase_old_rounds",
    every=timedelta(days=1),
    at=timedelta(hours=3, minutes=55),
    task=tasks_rounds.erase_old_rounds,
    description=_("Verwijdert verdeelrondes 12 maanden na hun startmaand."),
)
