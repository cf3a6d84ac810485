"""What the appointments keep about people (the register of personal data, see
core.register)."""

from django.utils.translation import gettext_lazy as _

from huisvanhetkind.appointments import services, tasks
from huisvanhetkind.core.register import (
    Category,
    Erasure,
    LegalBasis,
    Rule,
    Subject,
    allow,
    declare,
)


def _retention():
    return _("%(days)s dagen na het tijdstip van de afspraak") % {"days": services.retention_days()}


declare(
    "appointments.Appointment",
    subjects=(Subject.FAMILIES,),
    categories=(Category.CONTACT, Category.FREE_TEXT),
    data=_(
        "naam, e-mailadres, telefoon en een korte opmerking (versleuteld), de taal, of een tolk "
        "(en in welke taal) of een rolstoeltoegankelijke ruimte nodig is, het onderwerp en het "
        "tijdstip, de link (alleen als digest), het e-mailadres ook als sleuteldigest (zo vindt "
        "het gezin zijn afspraken terug in mijn gegevens)"
    ),
    purpose=_("een afspraak aan een loket van het huis maken, bevestigen, herinneren en wijzigen"),
    legal_basis=LegalBasis.CONSENT,
    readers=_(
        "de coördinator van het huis en de medewerkers van de organisatie van het loket; elke "
        "inzage van de daglijst staat in de audittrail; het gezin zelf via de link in zijn e-mail"
    ),
    retention=_retention,
    erasure=Erasure.ANONYMISED,
    erasure_how=_(
        "naam, e-mailadres (en zijn digest), telefoon, opmerking, taal van de tolk, reden van "
        "annuleren en de link worden gewist; loket, onderwerp, tijdstip en status blijven anoniem "
        "over; de wissing staat in de audittrail. Vraagt het gezin het wissen via mijn gegevens, "
        "dan gebeurt het meteen, en een afspraak die nog moet komen wordt eerst geannuleerd"
    ),
    rule=Rule(
        name="appointments.erase_expired_appointments",
        due=services.appointments_due,
        task=tasks.erase_expired_appointments,
    ),
)
allow(
    "appointments.AppointmentSettings",
    _("de instellingen van een loket voor afspraken: geen persoonsgegevens"),
)
allow("appointments.Topic", _("de onderwerpen van afspraken en wat mee te brengen"))
