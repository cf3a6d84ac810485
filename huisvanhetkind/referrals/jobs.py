"""The periodic jobs of referrals (see ``core.scheduler``; ``huisvanhetkind scheduler --list``
shows them). Times are on the platform's clock (Europe/Brussels)."""

from datetime import timedelta

from django.utils.translation import gettext_lazy as _

from huisvanhetkind.core.scheduler import register
from huisvanhetkind.referrals import tasks

register(
    "referrals.expire_referrals",
    every=timedelta(days=1),
    at=timedelta(hours=1),
    task=tasks.expire_referrals,
    description=_(
        "Laat lopende doorverwijzingen verlopen waarvan de toestemming van het gezin voorbij is."
    ),
)
register(
    "referrals.send_referral_reminders",
    every=timedelta(days=1),
    at=timedelta(hours=7, minutes=10),
    task=tasks.send_referral_reminders,
    description=_(
        "Herinnert de ontvangende partner de werkdag voor de antwoordtermijn van een "
        "doorverwijzing en meldt te late doorverwijzingen aan de coördinatoren."
    ),
)
register(
    "referrals.erase_expired_referrals",
    every=timedelta(days=1),
    at=timedelta(hours=3, minutes=30),
    task=tasks.erase_expired_referrals,
    description=_(
        "Wist wat gezinnen deelden in doorverwijzingen die langer dan de bewaartermijn "
        "afgesloten zijn."
    ),
)
