"""What the childcare desk keeps about people (the register of personal data, see core.register).

This first slice holds the offer only: no family data yet."""

from django.utils.translation import gettext_lazy as _

from huisvanhetkind.core.register import Category, Erasure, LegalBasis, Subject, allow, declare

declare(
    "childcare.ChildcareLocation",
    subjects=(Subject.PROFESSIONALS,),
    categories=(Category.PROFESSIONAL,),
    data=_("wie de vrije plaatsen van een opvanglocatie laatst nakeek"),
    purpose=_("weten of de vrije plaatsen van een opvang nog kloppen"),
    legal_basis=LegalBasis.PUBLIC_TASK,
    readers=_("de opvang zelf, het Lokaal Loket Kinderopvang en de coördinator van het huis"),
    retention=_("zolang de opvanglocatie bestaat"),
    erasure=Erasure.DELETED,
    erasure_how=_("samen met de opvanglocatie"),
)

declare(
    "childcare.ChildcareImport",
    subjects=(Subject.PROFESSIONALS, Subject.ORGANISATIONS),
    categories=(Category.CONTACT, Category.PROFESSIONAL),
    data=_(
        "wie de lijst van opvanglocaties importeerde, en de lijst zelf (met telefoon en "
        "e-mailadres van de opvanglocaties)"
    ),
    purpose=_("tonen hoe een import verliep en wat er ingelezen werd"),
    legal_basis=LegalBasis.PUBLIC_TASK,
    readers=_("het Lokaal Loket Kinderopvang en de coördinator van het huis"),
    retention=_("90 dagen na de import"),
    erasure=Erasure.DELETED,
    erasure_how=_("een dagelijkse taak verwijdert oudere imports"),
)

allow("childcare.FreePlaces", _("vrije plaatsen per startmaand van een opvanglocatie"))
