"""What core's own models keep about people (the register of personal data, see
core.register)."""

from django.utils.translation import gettext_lazy as _

from huisvanhetkind.core.register import Category, Erasure, LegalBasis, Subject, allow, declare

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
