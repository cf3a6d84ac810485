"""What the participation app keeps about people (the register of personal data, see core.register)."""

from django.utils.translation import gettext_lazy as _

from huisvanhetkind.core.register import (
    Category,
    Erasure,
    LegalBasis,
    Rule,
    Subject,
    allow,
    declare,
)
from huisvanhetkind.participation import services, tasks

PURPOSE = _(
    "gezinnen, kinderen en jongeren een stem geven: hun mening en noden bevragen, en de "
    "resultaten alleen vrijgeven in groepen van minstens 5 personen"
)
READERS = _(
    "de coördinator van het huis en de professionals van de partner die de bevraging maakte; "
    "zij zien alleen tellingen van minstens 5 personen en vrije antwoorden die een persoon "
    "naliet en goedkeurde"
)


def _retention() -> str:
    return _(
        "de antwoorden blijven als anonieme tellingen; vrije antwoorden worden gewist %(days)s "
        "dagen na het sluiten van de bevraging"
    ) % {"days": services.retention_days()}


declare(
    "participation.Survey",
    subjects=(Subject.PROFESSIONALS,),
    categories=(Category.PROFESSIONAL,),
    data=_("wie een bevraging maakte en voor welke organisatie"),
    purpose=PURPOSE,
    legal_basis=LegalBasis.PUBLIC_TASK,
    readers=READERS,
    retention=_("zolang de bevraging bestaat"),
    erasure=Erasure.DELETED,
    erasure_how=_("verwijderd met de bevraging"),
)

declare(
    "participation.Response",
    subjects=(Subject.FAMILIES, Subject.PROFESSIONALS),
    categories=(Category.PROFESSIONAL,),
    data=_(
        "dat iemand antwoordde, het uur en het kanaal (online of op papier) en, voor papier, de "
        "professional die het antwoord invoerde; nooit een IP-adres, een account of een cookie "
        "van wie antwoordde"
    ),
    purpose=PURPOSE,
    legal_basis=LegalBasis.PUBLIC_TASK,
    readers=READERS,
    retention=_("zolang de bevraging bestaat (anoniem)"),
    erasure=Erasure.DELETED,
    erasure_how=_("verwijderd met de bevraging"),
)

declare(
    "participation.Answer",
    subjects=(Subject.FAMILIES,),
    categories=(Category.FREE_TEXT, Category.CHILD),
    data=_(
        "de anonieme antwoorden: gekozen antwoorden, een postcode, de leeftijdsgroep van de "
        "kinderen en vrije tekst (versleuteld), die iemand toch kan herkenbaar maken; wie een "
        "vrij antwoord naliet en wanneer"
    ),
    purpose=PURPOSE,
    legal_basis=LegalBasis.PUBLIC_TASK,
    readers=READERS,
    retention=_retention,
    erasure=Erasure.ERASED,
    erasure_how=_(
        "de vrije tekst wordt leeggemaakt; de gekozen antwoorden blijven als anonieme tellingen"
    ),
    rule=Rule(
        name="participation.erase_free_text",
        due=services.free_text_erasure_due,
        task=tasks.participation_retention,
    ),
)

allow("participation.Section", _("een onderdeel van een bevraging (titel, inleiding)"))
allow("participation.Question", _("een vraag van een bevraging (tekst, soort)"))
allow("participation.Choice", _("een antwoordmogelijkheid van een vraag"))

declare(
    "participation.OpenDataSetting",
    subjects=(Subject.PROFESSIONALS,),
    categories=(Category.PROFESSIONAL,),
    data=_("of het huis open data publiceert, onder welke licentie, wie dat aanzette en wanneer"),
    purpose=_("de cijfers van het huis openbaar maken wanneer de coördinator dat kiest"),
    legal_basis=LegalBasis.PUBLIC_TASK,
    readers=_("de coördinator van het huis"),
    retention=_("zolang het huis bestaat"),
    erasure=Erasure.DELETED,
    erasure_how=_("verwijderd met het huis"),
)
