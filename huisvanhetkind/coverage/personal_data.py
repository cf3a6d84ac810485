"""What the coverage app keeps about people (the register of personal data, see core.register)."""

from django.utils.translation import gettext_lazy as _

from huisvanhetkind.core.register import Category, Erasure, LegalBasis, Subject, allow, declare

allow(
    "coverage.PopulationFigure",
    _(
        "het aantal kinderen van een leeftijdsgroep in een gemeente in een jaar (Statbel of de "
        "gemeente): een telling, zonder gegevens over personen"
    ),
)

declare(
    "coverage.GapStatus",
    subjects=(Subject.PROFESSIONALS,),
    categories=(Category.PROFESSIONAL,),
    data=_(
        "de markering van een hiaat in het aanbod (gekend, aanvaard, we werken eraan), de "
        "toelichting, wie ze zette en wanneer; nooit gegevens van gezinnen"
    ),
    purpose=_("het aanbod van het huis in kaart brengen en opvolgen welke hiaten aangepakt worden"),
    legal_basis=LegalBasis.PUBLIC_TASK,
    readers=_(
        "de coördinator en de stuurgroep van het huis en de medewerkers van zijn actieve partners"
    ),
    retention=_(
        "zolang het huis bestaat; wie de markering zette, wordt leeggemaakt als die persoon "
        "het platform verlaat"
    ),
    erasure=Erasure.ERASED,
    erasure_how=_(
        "de verwijzing naar de professional wordt leeggemaakt wanneer het account verdwijnt "
        "(de markering blijft)"
    ),
)
