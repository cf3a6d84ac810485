"""What the API keeps about people (the register of personal data, see core.register)."""

from django.utils.translation import gettext_lazy as _

from huisvanhetkind.core.register import Category, Erasure, LegalBasis, Subject, declare

declare(
    "api.ApiToken",
    subjects=(Subject.PROFESSIONALS,),
    categories=(Category.PROFESSIONAL,),
    data=_("wie een API-sleutel van een organisatie maakte of introk, en wanneer"),
    purpose=_("bijhouden wie een organisatie toegang gaf tot haar doorverwijzingen via de API"),
    legal_basis=LegalBasis.LEGITIMATE_INTEREST,
    readers=_("de beheerders van de organisatie"),
    retention=_(
        "zolang de organisatie bestaat (een ingetrokken sleutel blijft voor het auditspoor)"
    ),
    erasure=Erasure.ERASED,
    erasure_how=_("wordt iemands account verwijderd, dan verdwijnt zijn naam bij de sleutel"),
)
