"""What the signal index keeps about people (the register of personal data, see core.register)."""

from django.utils.translation import gettext_lazy as _

from huisvanhetkind.care import services, tasks
from huisvanhetkind.core.register import (
    Category,
    Erasure,
    LegalBasis,
    Rule,
    SpecialBasis,
    Subject,
    declare,
)

declare(
    "care.Signal",
    subjects=(Subject.FAMILIES, Subject.PROFESSIONALS),
    categories=(Category.CHILD, Category.SOCIAL_SITUATION, Category.PROFESSIONAL),
    data=_(
        "dat een organisatie betrokken is bij een kind: het rijksregisternummer of BIS-nummer "
        "van het kind (en eventueel van een ouder) alleen als sleutelhash, de naam en "
        "geboortedatum zoals de professional ze typte (versleuteld, alleen voor die "
        "organisatie), de organisatie, de contactpersoon, de datum, het beleidsdomein, wie "
        "regievoerder is en de private link van de ouder (alleen als hash); geen inhoud"
    ),
    purpose=_(
        "de partners die bij hetzelfde kind of gezin betrokken zijn van elkaar laten weten, "
        "zodat ze hun hulp kunnen afstemmen (zorgafstemming)"
    ),
    legal_basis=LegalBasis.PUBLIC_TASK,
    special_basis=SpecialBasis.HEALTH_OR_SOCIAL_CARE,
    readers=_(
        "de professionals van de organisaties met een signaal voor hetzelfde kind (alleen "
        "organisatie, contactpersoon en datum van de anderen), de ouder via de link die de "
        "professional gaf; de coördinator ziet alleen aantallen; elke inzage staat in de "
        "audittrail"
    ),
    retention=_(
        "twee jaar na het signaal, tot het kind 23 wordt, of tot het signaal ingetrokken wordt "
        "(wat eerst komt)"
    ),
    erasure=Erasure.DELETED,
    erasure_how=_(
        "het signaal wordt de dag nadat het afliep of ingetrokken werd helemaal verwijderd; de "
        "audittrail zegt alleen dat het bestond"
    ),
    rule=Rule(name="care.erase_expired", due=services.erasure_due, task=tasks.erase_ended_signals),
)
