"""What core's own models keep about people (the register of personal data, see
core.register)."""

from django.utils.translation import gettext_lazy as _

from huisvanhetkind.core import throttle
from huisvanhetkind.core.register import (
    Category,
    Erasure,
    LegalBasis,
    Rule,
    Subject,
    allow,
    declare,
)
from huisvanhetkind.core.tasks import erase_expired_throttle_counts

declare(
    "core.NotificationPreference",
    subjects=(Subject.PROFESSIONALS,),
    categories=(Category.PROFESSIONAL,),
    data=_(
        "of een professional elke dag een e-mail met de takenlijst wil, en wanneer de laatste vertrok"
    ),
    purpose=_("professionals op de hoogte houden van wat op hen wacht"),
    legal_basis=LegalBasis.PUBLIC_TASK,
    readers=_("de persoon zelf"),
    retention=_("zolang het account bestaat"),
    erasure=Erasure.DELETED,
    erasure_how=_("verwijderd samen met het account"),
)

allow(
    "core.JobRun",
    _("runs van periodieke taken: naam, tijden, aantallen en een fout zonder adressen of nummers"),
)
allow(
    "core.Heartbeat",
    _(
        "het laatste teken van leven van de planner en de achtergrondverwerking: tijd, host en proces"
    ),
)

declare(
    "core.ThrottleCount",
    subjects=(Subject.FAMILIES, Subject.ORGANISATIONS),
    categories=(Category.CONTACT,),
    data=_(
        "hoe vaak een verbinding of e-mailadres een publiek formulier verstuurde, onder een "
        "SHA-256 van het adres (nooit het adres zelf); alleen terwijl de gedeelde cache onbereikbaar is"
    ),
    purpose=_("misbruik van publieke formulieren afremmen"),
    legal_basis=LegalBasis.LEGITIMATE_INTEREST,
    readers=_("niemand; het platform zelf bij elke aanvraag"),
    retention=_(
        "tot het venster van de limiet voorbij is (ten hoogste een uur), dan binnen een dag"
    ),
    erasure=Erasure.DELETED,
    erasure_how=_("verlopen tellers worden dagelijks verwijderd"),
    rule=Rule(
        name="core.erase_expired_throttle_counts",
        due=throttle.throttle_counts_due,
        task=erase_expired_throttle_counts,
    ),
)
