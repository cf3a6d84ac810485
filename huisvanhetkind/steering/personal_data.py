"""What the steering app keeps about people (the register of personal data, see core.register).

The plan holds no data about families; it names which professional changed an action's status
or wrote a progress note (kept as long as the plan: it is the house's record of its policy)."""

from django.utils.translation import gettext_lazy as _

from huisvanhetkind.core.register import Category, Erasure, LegalBasis, Subject, allow, declare

READERS = _(
    "de coördinator en de stuurgroep van het huis, en de professionals van zijn actieve partners"
)

allow("steering.PlanPeriod", _("een beleidsperiode van het huis"))
allow("steering.Goal", _("de strategische doelstellingen van het huis"))
allow("steering.AnnualPlan", _("een jaarplan van het huis"))
allow("steering.Action", _("een actie van het jaarplan, met partnerorganisaties, geen personen"))
allow("steering.Action_participants", _("welke partnerorganisaties aan een actie deelnemen"))

declare(
    "steering.ActionEvent",
    subjects=(Subject.PROFESSIONALS,),
    categories=(Category.PROFESSIONAL,),
    data=_("welke professional de status van een actie van het jaarplan wijzigde, en wanneer"),
    purpose=_("de geschiedenis van het jaarplan bijhouden"),
    legal_basis=LegalBasis.PUBLIC_TASK,
    readers=READERS,
    retention=_("zolang het jaarplan bestaat"),
    erasure=Erasure.ERASED,
    erasure_how=_("de verwijzing naar de professional valt weg wanneer zijn account verdwijnt"),
)

declare(
    "steering.ProgressNote",
    subjects=(Subject.PROFESSIONALS,),
    categories=(Category.PROFESSIONAL, Category.FREE_TEXT),
    data=_("een gedateerde notitie over de voortgang van een actie en wie ze schreef"),
    purpose=_("de voortgang van het jaarplan opvolgen"),
    legal_basis=LegalBasis.PUBLIC_TASK,
    readers=READERS,
    retention=_("zolang het jaarplan bestaat"),
    erasure=Erasure.ERASED,
    erasure_how=_("de verwijzing naar de professional valt weg wanneer zijn account verdwijnt"),
)
