"""What the care paths keep about people (the register of personal data, see core.register)."""

from django.utils.translation import gettext_lazy as _

from huisvanhetkind.carepaths import services, tasks
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

PURPOSE = _(
    "een gezin volgen langs de stappen van een zorgpad (bv. de eerste 1000 dagen), afgestemd "
    "tussen de partners die het gezin toestemming gaf"
)
READERS = _(
    "de professionals van de partners die aan het zorgpad deelnemen (het startten, een stap "
    "opvolgen of er een aangeboden kregen), alleen zolang het gezin die partner een geldige "
    "toestemming gaf; de coördinator ziet alleen aantallen; elke inzage staat in de audittrail"
)


def _retention() -> str:
    return _(
        "tot %(days)s dagen nadat het zorgpad eindigde (afgerond, gestopt, of vervallen omdat "
        "geen betrokken partner nog een geldige toestemming had)"
    ) % {"days": services.retention_days()}


declare(
    "carepaths.CarePath",
    subjects=(Subject.FAMILIES, Subject.PROFESSIONALS),
    categories=(Category.HEALTH, Category.CHILD, Category.PROFESSIONAL),
    data=_(
        "welk gezin welk zorgpad volgt, de referentiedatum (uitgerekende datum of "
        "geboortedatum), de toestemming, welke partner en professional het startte, de status, "
        "de reden van stoppen"
    ),
    purpose=PURPOSE,
    legal_basis=LegalBasis.PUBLIC_TASK,
    special_basis=SpecialBasis.HEALTH_OR_SOCIAL_CARE,
    readers=READERS,
    retention=_retention,
    erasure=Erasure.DELETED,
    erasure_how=_(
        "het zorgpad wordt met zijn stappen, overdrachten en geschiedenis helemaal verwijderd; "
        "de audittrail zegt alleen dat het bestond"
    ),
    rule=Rule(
        name="carepaths.erase_ended", due=services.erasure_due, task=tasks.care_paths_retention
    ),
)

declare(
    "carepaths.PathStep",
    subjects=(Subject.FAMILIES,),
    categories=(Category.HEALTH, Category.FREE_TEXT),
    data=_(
        "de stappen van het zorgpad van een gezin: data, welke partner ze opvolgt, de "
        "afgevinkte checklist, de status en de reden waarom een stap overgeslagen werd "
        "(versleuteld)"
    ),
    purpose=PURPOSE,
    legal_basis=LegalBasis.PUBLIC_TASK,
    special_basis=SpecialBasis.HEALTH_OR_SOCIAL_CARE,
    readers=READERS,
    retention=_("samen met het zorgpad"),
    erasure=Erasure.DELETED,
    erasure_how=_("verwijderd samen met het zorgpad"),
)

declare(
    "carepaths.StepHandover",
    subjects=(Subject.FAMILIES, Subject.PROFESSIONALS),
    categories=(Category.FREE_TEXT, Category.PROFESSIONAL),
    data=_(
        "het aanbieden van een stap aan een andere partner: van en aan wie, de toelichting "
        "(versleuteld), wie aanbood en wie antwoordde, en wanneer"
    ),
    purpose=PURPOSE,
    legal_basis=LegalBasis.PUBLIC_TASK,
    special_basis=SpecialBasis.HEALTH_OR_SOCIAL_CARE,
    readers=READERS,
    retention=_("samen met het zorgpad"),
    erasure=Erasure.DELETED,
    erasure_how=_("verwijderd samen met het zorgpad"),
)

declare(
    "carepaths.PathEvent",
    subjects=(Subject.PROFESSIONALS,),
    categories=(Category.PROFESSIONAL,),
    data=_(
        "de geschiedenis van een zorgpad: elke statuswijziging van het pad, een stap of een "
        "overdracht, wie ze deed en voor welke partner; nooit gegevens van het gezin"
    ),
    purpose=PURPOSE,
    legal_basis=LegalBasis.PUBLIC_TASK,
    readers=READERS,
    retention=_("samen met het zorgpad"),
    erasure=Erasure.DELETED,
    erasure_how=_("verwijderd samen met het zorgpad"),
)

allow(
    "carepaths.PathTemplate",
    _(
        "het sjabloon van een zorgpad van een huis (naam, beschrijving), zonder gegevens over personen"
    ),
)
allow(
    "carepaths.StepTemplate",
    _(
        "een stap van een sjabloon (titel, spoor, soort partner, timing, checklist), zonder gegevens over personen"
    ),
)
