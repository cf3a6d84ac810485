"""What the childcare desk keeps about people (the register of personal data, see core.register)."""

from django.utils.translation import gettext_lazy as _

from huisvanhetkind.childcare import (
    selectors_urgent,
    services_requests,
    tasks_requests,
    tasks_rounds,
    tasks_urgent,
)
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

declare(
    "childcare.ChildcareRequest",
    subjects=(Subject.FAMILIES,),
    categories=(Category.CHILD, Category.SOCIAL_SITUATION, Category.HEALTH, Category.FREE_TEXT),
    data=_(
        "de opvangvraag van een gezin: het kind, de gewenste start en dagen, de voorkeuren, de "
        "verklaringen op eer (werk, pleegkind, broer of zus), het vakje sociaal tarief, een "
        "zorgbehoefte en een opmerking"
    ),
    purpose=_("het gezin helpen een opvangplaats te vinden en de vrije plaatsen eerlijk verdelen"),
    legal_basis=LegalBasis.PUBLIC_TASK,
    special_basis=SpecialBasis.HEALTH_OR_SOCIAL_CARE,
    readers=_(
        "het Lokaal Loket Kinderopvang van het huis; een opvang alleen de vragen die haar kiezen"
    ),
    retention=_("12 maanden nadat de vraag afgesloten is"),
    erasure=Erasure.ERASED,
    erasure_how=_(
        "een dagelijkse taak maakt de vraag leeg en wist de koppeling met het gezin en het kind "
        "(alleen de leeftijdsgroep blijft); alleen anonieme tellingen blijven"
    ),
    rule=Rule(
        name="childcare.erase_expired_requests",
        due=services_requests.requests_due_for_erasure,
        task=tasks_requests.erase_expired_requests,
    ),
)

declare(
    "childcare.UrgentRequest",
    subjects=(Subject.FAMILIES, Subject.PROFESSIONALS),
    categories=(Category.CHILD, Category.SOCIAL_SITUATION, Category.FREE_TEXT),
    data=_("een dringende opvangvraag: het kind, de reden, de situatie en het antwoord"),
    purpose=_("snel opvang vinden voor een gezin in een dringende situatie"),
    legal_basis=LegalBasis.PUBLIC_TASK,
    special_basis=SpecialBasis.HEALTH_OR_SOCIAL_CARE,
    readers=_(
        "het Lokaal Loket Kinderopvang; de opvang van het huis ziet de vraag alleen zonder naam"
    ),
    retention=_("12 maanden nadat de vraag afgesloten is"),
    erasure=Erasure.ERASED,
    erasure_how=_(
        "een dagelijkse taak maakt de vraag leeg en wist de koppeling met het gezin en het kind"
    ),
    rule=Rule(
        name="childcare.erase_ended_urgent_requests",
        due=selectors_urgent.urgent_due,
        task=tasks_urgent.erase_ended_urgent_requests,
    ),
)

declare(
    "childcare.UrgentOffer",
    subjects=(Subject.PROFESSIONALS,),
    categories=(Category.PROFESSIONAL,),
    data=_("welke opvang (en wie) een plaats aanbood voor een dringende vraag"),
    purpose=_("het Lokaal Loket laten kiezen welke opvang het kind neemt"),
    legal_basis=LegalBasis.PUBLIC_TASK,
    readers=_("het Lokaal Loket Kinderopvang van het huis"),
    retention=_("samen met de dringende vraag"),
    erasure=Erasure.DELETED,
    erasure_how=_("samen met de dringende vraag"),
)

declare(
    "childcare.Placement",
    subjects=(Subject.FAMILIES, Subject.PROFESSIONALS),
    categories=(Category.CHILD,),
    data=_("een plaats voor een opvangvraag, de antwoorden van opvang en gezin en het advies"),
    purpose=_("de plaatsen van een verdeelronde toewijzen en opvolgen"),
    legal_basis=LegalBasis.PUBLIC_TASK,
    readers=_("het Lokaal Loket Kinderopvang, de opvang zelf en het gezin"),
    retention=_("samen met de opvangvraag"),
    erasure=Erasure.DELETED,
    erasure_how=_("samen met de opvangvraag"),
)

declare(
    "childcare.AllocationRound",
    subjects=(Subject.FAMILIES,),
    categories=(Category.CHILD,),
    data=_(
        "de invoer en de uitkomst van een verdeelronde, met alleen het nummer van elke vraag, "
        "haar voorkeuren en verklaringen"
    ),
    purpose=_("bewijzen dat een ronde de plaatsen eerlijk verdeelde"),
    legal_basis=LegalBasis.PUBLIC_TASK,
    readers=_("het Lokaal Loket Kinderopvang en de coördinator van het huis"),
    retention=_("12 maanden na de startmaand van de ronde"),
    erasure=Erasure.DELETED,
    erasure_how=_("een dagelijkse taak verwijdert oudere rondes"),
    rule=Rule(
        name="childcare.erase_old_rounds",
        due=tasks_rounds.rounds_due,
        task=tasks_rounds.erase_old_rounds,
    ),
)

allow("childcare.RequestWish", _("welke opvang op welke plaats van een opvangvraag staat"))
allow("childcare.TariffYear", _("de bedragen van het inkomenstarief van een jaar"))
