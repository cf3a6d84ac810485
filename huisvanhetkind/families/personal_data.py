"""What the family record keeps about families (the register of personal data, see
core.register)."""

from django.utils.translation import gettext_lazy as _

from huisvanhetkind.core.register import Category, Erasure, LegalBasis, Subject, declare

FAMILY_PURPOSE = _(
    "een gezin herkennen over de diensten van het platform heen, zonder zijn contactgegevens "
    "dubbel te bewaren"
)
FAMILY_READERS = _("alleen wie een dienst van het gezin mag lezen, voor dat gezin")
# Questions and registrations keep their own contact details (with their own retention) and
# find the family by the keyed digest; only later capabilities link to the record itself.
FAMILY_RETENTION = _("zolang een dienst van het platform naar het gezin verwijst")

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
        "de contactgegevens en de kinderen van het gezin worden verwijderd (nog geen "
        "automatische regel)"
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
