"""What the knowledge app keeps about people (the register of personal data, see core.register)."""

from django.utils.translation import gettext_lazy as _

from huisvanhetkind.core.register import Category, Erasure, LegalBasis, Subject, declare

PURPOSE = _(
    "kennis delen tussen de partners van een Huis van het Kind: een bibliotheek, vormingen "
    "voor professionals en een maandelijkse nieuwsbrief"
)
READERS = _(
    "de professionals van de actieve partners van het huis en de coördinator; elke wijziging "
    "staat in de audittrail"
)

declare(
    "knowledge.LibraryItem",
    subjects=(Subject.PROFESSIONALS, Subject.ORGANISATIONS),
    categories=(Category.PROFESSIONAL, Category.CONTACT, Category.FREE_TEXT),
    data=_(
        'wie een item toevoegde en namens welke partner; bij "wie vraag je wat" de naam en '
        "het werkadres of -telefoonnummer van de aanspreekpersoon; het document zelf"
    ),
    purpose=PURPOSE,
    legal_basis=LegalBasis.PUBLIC_TASK,
    readers=READERS,
    retention=_("tot de partner of de coördinator het item verwijdert"),
    erasure=Erasure.DELETED,
    erasure_how=_("het item en zijn bestand worden verwijderd"),
)

declare(
    "knowledge.TrainingRegistration",
    subjects=(Subject.PROFESSIONALS,),
    categories=(Category.PROFESSIONAL,),
    data=_(
        "welke professional zich voor welke vorming inschreef, namens welke partner, en of hij of zij aanwezig was"
    ),
    purpose=PURPOSE,
    legal_basis=LegalBasis.PUBLIC_TASK,
    readers=_(
        "de professional zelf (ook het attest), de organiserende partner en de coördinator van "
        "het huis"
    ),
    retention=_("samen met de vorming (de activiteit) of het account van de professional"),
    erasure=Erasure.DELETED,
    erasure_how=_("verwijderd samen met de vorming of het account"),
)

declare(
    "knowledge.DigestOptOut",
    subjects=(Subject.PROFESSIONALS,),
    categories=(Category.PROFESSIONAL,),
    data=_("dat een professional de maandelijkse nieuwsbrief niet wil ontvangen"),
    purpose=PURPOSE,
    legal_basis=LegalBasis.LEGITIMATE_INTEREST,
    readers=_("niemand: het platform gebruikt het alleen om de nieuwsbrief niet te sturen"),
    retention=_("tot de professional zich weer aanmeldt of het account verdwijnt"),
    erasure=Erasure.DELETED,
    erasure_how=_("verwijderd bij het weer aanmelden of samen met het account"),
)

declare(
    "knowledge.DigestSent",
    subjects=(Subject.PROFESSIONALS,),
    categories=(Category.PROFESSIONAL,),
    data=_("aan welke professional de nieuwsbrief van welke maand van een huis verstuurd werd"),
    purpose=PURPOSE,
    legal_basis=LegalBasis.LEGITIMATE_INTEREST,
    readers=_(
        "niemand: het platform gebruikt het om niemand twee keer dezelfde nieuwsbrief te sturen"
    ),
    retention=_("samen met het account van de professional"),
    erasure=Erasure.DELETED,
    erasure_how=_("verwijderd samen met het account"),
)
