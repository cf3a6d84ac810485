"""What the family record keeps about families (the register of personal data, see
core.register)."""

from django.utils.translation import gettext_lazy as _

from huisvanhetkind.core.register import Category, Erasure, LegalBasis, Rule, Subject, declare
from huisvanhetkind.families import services, tasks

FAMILY_PURPOSE = _(
    "een gezin herkennen over de diensten van het platform heen, zonder zijn contactgegevens "
    "dubbel te bewaren"
)
FAMILY_READERS = _("alleen wie een dienst van het gezin mag lezen, voor dat gezin")
# Questions and registrations keep their own contact details (with their own retention) and
# find the family by the keyed digest; only later capabilities link to the record itself.
FAMILY_RETENTION = _(
    "zolang een dienst van het platform naar het gezin verwijst, en nog 30 dagen nadat het "
    "gezin aangemaakt of gewijzigd werd"
)

declare(
    "families.Family",
    subjects=(Subject.FAMILIES,),
    categories=(Category.CONTACT,),
    data=_(
        "naam, e-mailadres, telefoonnummer, adres en voorkeurstaal (versleuteld), en een "
        "sleutelhash van het e-mailadres en het telefoonnummer om het gezin terug te vinden"
    ),
    purpose=FAMILY_PURPOSE,
    legal_basis=LegalBasis.CONSENT,
    readers=FAMILY_READERS,
    retention=FAMILY_RETENTION,
    erasure=Erasure.DELETED,
    erasure_how=_(
        "een dagelijkse taak verwijdert het gezin met zijn kinderen zodra geen doorverwijzing, "
        "toestemming, opvangvraag, gezinsplan, zorgpad of begeleiding er nog naar verwijst "
        "(die maken de koppeling leeg wanneer ze zelf gewist worden)"
    ),
    rule=Rule(
        name="families.erase_orphaned",
        due=services.families_due_for_erasure,
        task=tasks.erase_orphaned_families,
    ),
)

declare(
    "families.Child",
    subjects=(Subject.FAMILIES,),
    categories=(Category.CHILD,),
    data=_("de voornaam (versleuteld) en de geboortedatum of de uitgerekende datum van een kind"),
    purpose=FAMILY_PURPOSE,
    legal_basis=LegalBasis.CONSENT,
    readers=FAMILY_READERS,
    retention=FAMILY_RETENTION,
    erasure=Erasure.DELETED,
    erasure_how=_("verwijderd samen met het gezin"),
)
