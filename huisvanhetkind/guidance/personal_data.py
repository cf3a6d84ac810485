"""What guidance keeps about people (the register of personal data, see core.register)."""

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
from huisvanhetkind.guidance import services, tasks


def _retention():
    return _(
        "%(days)s dagen na het einde van de begeleiding; meteen wanneer het gezin zijn "
        "toestemming intrekt of de toestemming verloopt"
    ) % {"days": services.retention_days()}


PURPOSE = _("een kwetsbaar gezin begeleiden naar het aanbod (brugfiguur)")
READERS = _(
    "de brugfiguur die het gezin begeleidt en de beheerders van diens organisatie; de "
    "coördinator van het huis ziet alleen aantallen; elke inzage staat in de audittrail"
)

declare(
    "guidance.CaseloadEntry",
    subjects=(Subject.FAMILIES, Subject.PROFESSIONALS),
    categories=(Category.CONTACT, Category.SOCIAL_SITUATION, Category.PROFESSIONAL),
    data=_(
        "welk gezin (de koppeling met de gezinsfiche) een brugfiguur begeleidt, sinds wanneer, "
        "het volgende contact, de toestemming en wie het gezin begeleidt"
    ),
    purpose=PURPOSE,
    legal_basis=LegalBasis.CONSENT,
    special_basis=SpecialBasis.EXPLICIT_CONSENT,
    readers=READERS,
    retention=_retention,
    erasure=Erasure.ERASED,
    erasure_how=_(
        "de koppeling met het gezin, de teksten van de hulpvragen en de notities van de "
        "contacten worden gewist; organisatie, levensdomeinen, statussen en data blijven voor "
        "de anonieme aantallen; de wissing staat in de audittrail"
    ),
    rule=Rule(
        name="guidance.erase_expired",
        due=services.caseloads_due,
        task=tasks.erase_expired_caseloads,
    ),
)

declare(
    "guidance.HelpQuestion",
    subjects=(Subject.FAMILIES,),
    categories=(Category.FREE_TEXT, Category.SOCIAL_SITUATION, Category.HEALTH),
    data=_(
        "de hulpvragen van een begeleid gezin per levensdomein (financiën, wonen, school, "
        "gezondheid, vrije tijd, papieren), versleuteld opgeslagen"
    ),
    purpose=PURPOSE,
    legal_basis=LegalBasis.CONSENT,
    special_basis=SpecialBasis.EXPLICIT_CONSENT,
    readers=READERS,
    retention=_("samen met de begeleiding"),
    erasure=Erasure.ERASED,
    erasure_how=_("de tekst wordt gewist samen met de begeleiding; domein en status blijven"),
)

declare(
    "guidance.Contact",
    subjects=(Subject.FAMILIES, Subject.PROFESSIONALS),
    categories=(Category.FREE_TEXT, Category.SOCIAL_SITUATION, Category.PROFESSIONAL),
    data=_(
        "de contacten met een begeleid gezin: datum, soort en een korte notitie (versleuteld), "
        "en wie ze noteerde"
    ),
    purpose=PURPOSE,
    legal_basis=LegalBasis.CONSENT,
    special_basis=SpecialBasis.EXPLICIT_CONSENT,
    readers=READERS,
    retention=_("samen met de begeleiding"),
    erasure=Erasure.ERASED,
    erasure_how=_("de notitie wordt gewist samen met de begeleiding; datum en soort blijven"),
)

declare(
    "guidance.PolicySignal",
    subjects=(Subject.PROFESSIONALS,),
    categories=(Category.PROFESSIONAL, Category.FREE_TEXT),
    data=_(
        "wie een beleidssignaal noteerde en voor welke organisatie; het signaal zelf gaat over "
        "het aanbod, zonder gegevens van een gezin"
    ),
    purpose=_("ontbrekend aanbod aan het beleid van het huis signaleren"),
    legal_basis=LegalBasis.PUBLIC_TASK,
    readers=_("de coördinatoren van het huis en wie het signaal noteerde"),
    retention=_("zolang het huis het signaal bewaart; de schrijver tot diens account verdwijnt"),
    erasure=Erasure.ERASED,
    erasure_how=_("de koppeling met de schrijver verdwijnt samen met diens account"),
)
