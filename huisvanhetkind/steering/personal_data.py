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

# --- Meetings of the groups and the partner consultation -------------------------------------

MEETING_READERS = _("de leden van de groep en de coördinator van het huis")

for _model, _data, _categories in (
    (
        "steering.Meeting",
        _("een vergadering van een groep met haar verslag, dat personen kan noemen"),
        (Category.PROFESSIONAL, Category.FREE_TEXT),
    ),
    (
        "steering.AgendaItem",
        _("een agendapunt en welk lid het toevoegde"),
        (Category.PROFESSIONAL, Category.FREE_TEXT),
    ),
    (
        "steering.Attendance",
        _("of een lid aanwezig, verontschuldigd of afwezig was"),
        (Category.PROFESSIONAL,),
    ),
    (
        "steering.Decision",
        _("een beslissing, wie een opvolgactie draagt en wanneer die af moet zijn"),
        (Category.PROFESSIONAL, Category.FREE_TEXT),
    ),
    (
        "steering.MeetingDocument",
        _("een document van een vergadering (kan personen noemen) en wie het toevoegde"),
        (Category.PROFESSIONAL, Category.FREE_TEXT),
    ),
):
    declare(
        _model,
        subjects=(Subject.PROFESSIONALS,),
        categories=_categories,
        data=_data,
        purpose=_("de vergaderingen van de groepen van het huis voorbereiden en opvolgen"),
        legal_basis=LegalBasis.PUBLIC_TASK,
        readers=MEETING_READERS,
        retention=_("zolang de groep bestaat"),
        erasure=Erasure.ERASED,
        erasure_how=_(
            "de verwijzing naar de professional valt weg wanneer zijn account verdwijnt; "
            "de vergadering verdwijnt met de groep"
        ),
    )

declare(
    "steering.PartnerFeedback",
    subjects=(Subject.PROFESSIONALS,),
    categories=(Category.PROFESSIONAL, Category.FREE_TEXT),
    data=_("het antwoord van een partner op het jaarlijkse partneroverleg en wie het gaf"),
    purpose=_("de partners jaarlijks bevragen over het jaarplan"),
    legal_basis=LegalBasis.PUBLIC_TASK,
    readers=_("de coördinator en de stuurgroep van het huis"),
    retention=_("zolang het jaarplan bestaat"),
    erasure=Erasure.ERASED,
    erasure_how=_("de verwijzing naar de professional valt weg wanneer zijn account verdwijnt"),
)
