"""What the baby-gear library keeps about people (the register of personal data, see
core.register)."""

from django.utils.translation import gettext_lazy as _

from huisvanhetkind.babytheek import services, tasks
from huisvanhetkind.core.register import (
    Category,
    Erasure,
    LegalBasis,
    Rule,
    SpecialBasis,
    Subject,
    allow,
    declare,
)

READERS = _(
    "de coördinator van het huis en de brugfiguren van het huis (de vrijwilligers van de "
    "babytheek); elke inzage staat in de audittrail; het vakje sociaal tarief wordt nooit "
    "getoond, alleen geteld; het gezin zelf via de link in zijn e-mail"
)


def _membership_retention():
    return _(
        "%(months)s maanden nadat het lidmaatschap afliep en het laatste artikel terugkwam"
    ) % {"months": services.retention_months()}


def _waitlist_retention():
    return _(
        "%(days)s dagen nadat het gezin bericht kreeg, of %(months)s maanden op de wachtlijst"
    ) % {"days": services.WAITLIST_DAYS, "months": services.waitlist_retention_months()}


declare(
    "babytheek.Membership",
    subjects=(Subject.FAMILIES,),
    categories=(Category.CONTACT, Category.SOCIAL_SITUATION),
    data=_(
        "naam, e-mailadres en telefoon (versleuteld), postcode, het vakje sociaal tarief, of "
        "het lidgeld betaald is en de looptijd van het lidmaatschap; het e-mailadres ook als "
        "sleuteldigest (om het lidmaatschap terug te vinden), en wanneer het gezin het wissen vroeg"
    ),
    purpose=_("babyspullen uitlenen aan gezinnen, met een sociaal tarief wie dat nodig heeft"),
    legal_basis=LegalBasis.CONTRACT,
    special_basis=SpecialBasis.EXPLICIT_CONSENT,
    readers=READERS,
    retention=_membership_retention,
    erasure=Erasure.ANONYMISED,
    erasure_how=_(
        "naam, e-mailadres en telefoon worden gewist, net als de opmerkingen en links van de "
        "ontleningen; postcode, sociaal tarief en het aantal ontleningen blijven anoniem; de "
        "wissing staat in de audittrail. Vraagt het gezin het wissen via mijn gegevens, dan "
        "worden zijn reservaties geannuleerd en gebeurt het wissen meteen, of, als het nog een "
        "artikel in huis heeft, de nacht nadat het laatste artikel terug is"
    ),
    rule=Rule(
        name="babytheek.erase_expired_memberships",
        due=services.memberships_due,
        task=tasks.erase_expired_memberships,
    ),
)
declare(
    "babytheek.Loan",
    subjects=(Subject.FAMILIES,),
    categories=(Category.FREE_TEXT,),
    data=_(
        "welk lid welk artikel wanneer leende en terugbracht, een opmerking over de staat bij "
        "het terugbrengen, de link (alleen als digest)"
    ),
    purpose=_("de reservaties, de uitleningen, het terugbrengen en de herinneringen"),
    legal_basis=LegalBasis.CONTRACT,
    readers=READERS,
    retention=_membership_retention,
    erasure=Erasure.ANONYMISED,
    erasure_how=_(
        "met het lidmaatschap: de opmerking en de link worden gewist; de ontlening blijft "
        "zonder naam over"
    ),
)
declare(
    "babytheek.WaitlistEntry",
    subjects=(Subject.FAMILIES,),
    categories=(Category.CONTACT,),
    data=_(
        "naam en e-mailadres (versleuteld) van wie op een artikel wacht, het e-mailadres ook als "
        "sleuteldigest (om de plaats terug te vinden in mijn gegevens)"
    ),
    purpose=_("het eerste gezin op de wachtlijst laten weten dat een artikel vrij is"),
    legal_basis=LegalBasis.CONSENT,
    readers=READERS,
    retention=_waitlist_retention,
    erasure=Erasure.DELETED,
    erasure_how=_(
        "de plaats op de wachtlijst wordt verwijderd (ook meteen als het gezin het wissen vraagt "
        "via mijn gegevens); dat staat in de audittrail"
    ),
    rule=Rule(
        name="babytheek.erase_expired_waitlist",
        due=services.waitlist_due,
        task=tasks.erase_expired_waitlist,
    ),
)
allow("babytheek.Item", _("de artikels van de babytheek: geen persoonsgegevens"))
