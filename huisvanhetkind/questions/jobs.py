"""The periodic jobs of "stel je vraag" (see ``core.scheduler``); the commands of the same names
run them by hand. Times are on the platform's clock (Europe/Brussels)."""

from datetime import timedelta

from django.utils.translation import gettext_lazy as _

from huisvanhetkind.core.scheduler import register
from huisvanhetkind.questions import tasks

register(
    "questions.send_question_reminders",
    every=timedelta(days=1),
    at=timedelta(hours=7),
    task=tasks.send_question_reminders,
    description=_(
        "Herinnert behandelaars de werkdag voor de termijn van een vraag en escaleert "
        "vragen die te laat zijn."
    ),
)
register(
    "questions.erase_expired_questions",
    every=timedelta(days=1),
    at=timedelta(hours=3),
    task=tasks.erase_expired_questions,
    description=_("Wist de persoonsgegevens van vragen waarvan de bewaartermijn verstreken is."),
)
