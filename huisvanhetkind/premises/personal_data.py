"""What the premises app keeps about people (the register of personal data, see core.register)."""

from django.utils.translation import gettext_lazy as _

from huisvanhetkind.core.register import Category, Erasure, LegalBasis, Subject, allow, declare

declare(
    "premises.Booking",
    subjects=(Subject.PROFESSIONALS,),
    categories=(Category.PROFESSIONAL,),
    data=_(
        "welke professional van welke partner een zaal aanvroeg, wanneer en waarvoor, en wie "
        "van het huis de aanvraag goedkeurde of afwees"
    ),
    purpose=_("de zalen van het huis eerlijk en zonder overlap verdelen onder de partners"),
    legal_basis=LegalBasis.PUBLIC_TASK,
    readers=_(
        "de professionals van de partner die reserveerde en de coördinator van het huis; andere "
        "partners zien alleen dat een tijdstip bezet is, niet door wie"
    ),
    retention=_(
        "zolang de account van de professional bestaat; bij het verwijderen van de account "
        "blijft de reservatie zonder naam"
    ),
    erasure=Erasure.ERASED,
    erasure_how=_("de verwijzing naar de professional wordt leeggemaakt (SET NULL)"),
)
declare(
    "premises.AgreementAcceptance",
    subjects=(Subject.PROFESSIONALS,),
    categories=(Category.PROFESSIONAL,),
    data=_(
        "welke professional de gebruiksovereenkomst voor zijn organisatie aanvaardde, en wanneer"
    ),
    purpose=_("aantonen dat een partner de gebruiksregels van de zalen aanvaardde"),
    legal_basis=LegalBasis.PUBLIC_TASK,
    readers=_("de coördinator van het huis en de professionals van die organisatie"),
    retention=_(
        "zolang de organisatie partner is; bij het verwijderen van de account blijft de "
        "aanvaarding zonder naam"
    ),
    erasure=Erasure.ERASED,
    erasure_how=_("de verwijzing naar de professional wordt leeggemaakt (SET NULL)"),
)
declare(
    "premises.CalendarLink",
    subjects=(Subject.PROFESSIONALS,),
    categories=(Category.PROFESSIONAL,),
    data=_(
        "welke professional een geheime agendalink maakte voor een zaal of voor de reservaties "
        "van zijn organisatie, wanneer, en wanneer hij werd ingetrokken (de link zelf bewaren we "
        "niet, alleen een hash)"
    ),
    purpose=_(
        "de zalen en reservaties tonen in het agendaprogramma van de professional, en een "
        "uitgelekte link kunnen intrekken"
    ),
    legal_basis=LegalBasis.PUBLIC_TASK,
    readers=_("de professional die de link maakte; de coördinator in het auditspoor"),
    retention=_(
        "zolang de account van de professional bestaat (een ingetrokken link blijft voor het "
        "auditspoor)"
    ),
    erasure=Erasure.DELETED,
    erasure_how=_("wordt de account verwijderd, dan verdwijnen zijn agendalinks (CASCADE)"),
)
allow("premises.Room", _("de zalen van het huis: geen persoonsgegevens"))
allow("premises.RoomTerms", _("de voorwaarden van het huis: geen persoonsgegevens"))
allow("premises.Desk", _("de loketten van het huis: geen persoonsgegevens"))
allow("premises.OfficeHourRule", _("de permanenties van een loket: geen persoonsgegevens"))
allow("premises.Closure", _("de sluitingsdagen van het huis: geen persoonsgegevens"))
