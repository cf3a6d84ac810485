"""What the audit trail keeps about people (the register of personal data, see core.register)."""

from django.utils.translation import gettext_lazy as _

from huisvanhetkind.core.register import Category, Erasure, LegalBasis, Subject, declare

declare(
    "audit.AuditEvent",
    subjects=(Subject.PROFESSIONALS, Subject.FAMILIES),
    categories=(Category.PROFESSIONAL,),
    data=_(
        "wie (e-mailadres van de professional) wat deed met welk record, wanneer en waarom; "
        "nooit de persoonsgegevens van een gezin zelf, alleen welk veld veranderde"
    ),
    purpose=_("verantwoording: wie las of wijzigde welke gegevens (AVG art. 5.2 en 30)"),
    legal_basis=LegalBasis.LEGAL_OBLIGATION,
    readers=_("de coördinator van het huis (alleen het eigen huis), platformbeheerders"),
    retention=_("5 jaar"),
    erasure=Erasure.DELETED,
    erasure_how=_(
        "de audittrail wordt nooit gewijzigd; gebeurtenissen ouder dan 5 jaar verwijdert een "
        "platformbeheerder (nog geen automatische regel)"
    ),
)
