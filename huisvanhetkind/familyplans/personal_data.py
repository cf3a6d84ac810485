"""What the family plan keeps about people (the register of personal data, see core.register)."""

from django.utils.translation import gettext_lazy as _

from huisvanhetkind.core.register import (
    Category,
    Erasure,
    LegalBasis,
    Rule,
    SpecialBasis,
    Subject,
    declare,
)
from huisvanhetkind.familyplans import services, tasks

PURPOSE = _(
    "met het gezin en de partners die het gezin kiest één gezinsplan maken en opvolgen "
    "(1Gezin-1Plan): de doelen van het gezin, wie wat doet en tegen wanneer"
)
READERS = _(
    "de partners die het gezin toestemming gaf, zolang die toestemming loopt, en van elk doel "
    "alleen de partners die het gezin (en voor een jongere van 12 of ouder: de jongere) koos; "
    "het gezin via zijn eigen link; de coördinator ziet alleen aantallen; elke inzage en "
    "wijziging staat in de audittrail"
)
ERASED_WITH_PLAN = _("verwijderd samen met het gezinsplan (zelfde regel)")


def _retention():
    days = services.retention_days()
    return _(
        "%(days)s dagen na het afsluiten van het plan, of nadat geen enkele partner nog "
        "toestemming had; meteen (de volgende nacht) wanneer het gezin vraagt het plan te wissen"
    ) % {"days": days}


declare(
    "familyplans.FamilyPlan",
    subjects=(Subject.FAMILIES, Subject.PROFESSIONALS),
    categories=(Category.SOCIAL_SITUATION, Category.PROFESSIONAL),
    data=_(
        "welk gezin een gezinsplan heeft, welke organisatie en welke professional het maakten, "
        "de data van het plan en de evaluatie, de taal van het gezin en de link van het gezin "
        "(alleen als hash)"
    ),
    purpose=PURPOSE,
    legal_basis=LegalBasis.PUBLIC_TASK,
    special_basis=SpecialBasis.HEALTH_OR_SOCIAL_CARE,
    readers=READERS,
    retention=_retention,
    erasure=Erasure.DELETED,
    erasure_how=_(
        "het plan wordt met zijn doelen, afspraken, geschiedenis en opmerkingen helemaal "
        "verwijderd; de audittrail zegt alleen dat het bestond; de toestemmingen blijven als "
        "bewijs, zonder koppeling met het gezin zodra niets anders er nog op steunt; het "
        "gezinsdossier volgt zijn eigen regel"
    ),
    rule=Rule(
        name="familyplans.erase_expired",
        due=services.erasure_due,
        task=tasks.erase_expired_family_plans,
    ),
)

declare(
    "familyplans.PlanPartner",
    subjects=(Subject.FAMILIES, Subject.PROFESSIONALS),
    categories=(Category.SOCIAL_SITUATION, Category.PROFESSIONAL),
    data=_(
        "welke organisatie deelneemt aan het gezinsplan van een gezin, met welke toestemming, "
        "en wie ze toevoegde"
    ),
    purpose=PURPOSE,
    legal_basis=LegalBasis.PUBLIC_TASK,
    special_basis=SpecialBasis.HEALTH_OR_SOCIAL_CARE,
    readers=READERS,
    retention=_retention,
    erasure=Erasure.DELETED,
    erasure_how=ERASED_WITH_PLAN,
)

declare(
    "familyplans.Goal",
    subjects=(Subject.FAMILIES, Subject.PROFESSIONALS),
    categories=(
        Category.FREE_TEXT,
        Category.CHILD,
        Category.HEALTH,
        Category.SOCIAL_SITUATION,
        Category.PROFESSIONAL,
    ),
    data=_(
        "de doelen van het gezin in zijn eigen woorden (versleuteld; ze kunnen over gezondheid "
        "of de thuissituatie gaan), over welk kind, welke partners ze mogen zien, wie dat "
        "vastlegde en hoe, en het akkoord van een jongere van 12 of ouder"
    ),
    purpose=PURPOSE,
    legal_basis=LegalBasis.PUBLIC_TASK,
    special_basis=SpecialBasis.HEALTH_OR_SOCIAL_CARE,
    readers=READERS,
    retention=_retention,
    erasure=Erasure.DELETED,
    erasure_how=ERASED_WITH_PLAN,
)

declare(
    "familyplans.Action",
    subjects=(Subject.FAMILIES, Subject.PROFESSIONALS),
    categories=(Category.FREE_TEXT, Category.SOCIAL_SITUATION, Category.PROFESSIONAL),
    data=_(
        "de afspraken bij een doel (wat, welke steun: versleuteld), welke organisatie en welke "
        "professional ze uitvoert, tegen wanneer en hun status"
    ),
    purpose=PURPOSE,
    legal_basis=LegalBasis.PUBLIC_TASK,
    special_basis=SpecialBasis.HEALTH_OR_SOCIAL_CARE,
    readers=READERS,
    retention=_retention,
    erasure=Erasure.DELETED,
    erasure_how=ERASED_WITH_PLAN,
)

declare(
    "familyplans.ActionEvent",
    subjects=(Subject.PROFESSIONALS,),
    categories=(Category.PROFESSIONAL,),
    data=_(
        "de geschiedenis van de status van een afspraak: van welke naar welke status, wie en "
        "voor welke organisatie; geen inhoud"
    ),
    purpose=PURPOSE,
    legal_basis=LegalBasis.PUBLIC_TASK,
    readers=READERS,
    retention=_retention,
    erasure=Erasure.DELETED,
    erasure_how=ERASED_WITH_PLAN,
)

declare(
    "familyplans.Comment",
    subjects=(Subject.FAMILIES,),
    categories=(Category.FREE_TEXT, Category.SOCIAL_SITUATION),
    data=_("de opmerkingen van het gezin bij zijn plan of een doel (versleuteld)"),
    purpose=PURPOSE,
    legal_basis=LegalBasis.PUBLIC_TASK,
    special_basis=SpecialBasis.HEALTH_OR_SOCIAL_CARE,
    readers=_(
        "de partners met een lopende toestemming; een opmerking bij een doel alleen wie dat "
        "doel ziet; het gezin zelf"
    ),
    retention=_retention,
    erasure=Erasure.DELETED,
    erasure_how=ERASED_WITH_PLAN,
)

declare(
    "familyplans.Goal_visible_to",
    subjects=(Subject.FAMILIES,),
    categories=(Category.SOCIAL_SITUATION,),
    data=_("welke partnerorganisaties een doel van een gezin mogen zien (de keuze van het gezin)"),
    purpose=PURPOSE,
    legal_basis=LegalBasis.PUBLIC_TASK,
    special_basis=SpecialBasis.HEALTH_OR_SOCIAL_CARE,
    readers=READERS,
    retention=_retention,
    erasure=Erasure.DELETED,
    erasure_how=ERASED_WITH_PLAN,
)
