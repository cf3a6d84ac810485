"""What the network keeps about people (the register of personal data, see core.register)."""

from datetime import timedelta

from django.conf import settings
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
from huisvanhetkind.network import services, tasks
from huisvanhetkind.network.models import PartnerApplication
from huisvanhetkind.network.workflow import ApplicationStatus


def applications_due(now):
    """The applications ``applications_erase_expired`` erases at ``now``."""
    return PartnerApplication.objects.filter(
        status=ApplicationStatus.DECLINED,
        decided_at__lt=now - timedelta(days=services.application_retention_days()),
        erased_at__isnull=True,
    )


def _application_retention():
    return _(
        "zolang de organisatie partner is; een geweigerde aanvraag %(days)s dagen na de beslissing"
    ) % {"days": services.application_retention_days()}


def _invitation_retention():
    return _(
        "de link vervalt na %(days)s dagen; de uitnodiging blijft als bewijs van wie wie uitnodigde"
    ) % {"days": settings.INVITATION_VALID_DAYS}


declare(
    "network.Role",
    subjects=(Subject.PROFESSIONALS,),
    categories=(Category.PROFESSIONAL,),
    data=_("welke professional welke rol heeft in welk huis of welke organisatie"),
    purpose=_("toegang tot het platform regelen"),
    legal_basis=LegalBasis.PUBLIC_TASK,
    readers=_(
        "de persoon zelf, de beheerders van de eigen organisatie, de coördinator van het eigen huis"
    ),
    retention=_("zolang de rol bestaat; een intrekking blijft in de audittrail"),
    erasure=Erasure.DELETED,
    erasure_how=_("de rol wordt verwijderd bij intrekking (in de audittrail)"),
)

declare(
    "network.Invitation",
    subjects=(Subject.PROFESSIONALS,),
    categories=(Category.CONTACT, Category.PROFESSIONAL),
    data=_("het e-mailadres van wie uitgenodigd wordt, wie uitnodigde"),
    purpose=_("professionals aan boord brengen"),
    legal_basis=LegalBasis.PUBLIC_TASK,
    readers=_("de beheerders van de eigen organisatie, de coördinator"),
    retention=_invitation_retention,
    erasure=Erasure.DELETED,
    erasure_how=_("een platformbeheerder verwijdert de uitnodiging"),
)

declare(
    "network.PartnerApplication",
    subjects=(Subject.ORGANISATIONS,),
    categories=(Category.CONTACT, Category.FREE_TEXT),
    data=_(
        "naam en e-mailadres van de contactpersoon, telefoon, e-mailadres en website van de "
        "organisatie, de beschrijving, motivatie en reden van de beslissing"
    ),
    purpose=_("een aanvraag om partner te worden beoordelen"),
    legal_basis=LegalBasis.LEGITIMATE_INTEREST,
    readers=_(
        "de coördinatoren van dat huis en platformbeheerders; als de aanvraag een organisatie "
        "noemt die al op het platform staat, ook de beheerders van die organisatie (die het "
        "partnerschap bevestigen of weigeren)"
    ),
    retention=_application_retention,
    erasure=Erasure.ERASED,
    erasure_how=_(
        "contactnaam en -e-mail, telefoon, e-mail, website en vrije tekst (beschrijving, "
        "motivatie, reden) worden gewist; naam, soort, ondernemingsnummer en data blijven als "
        "verslag van de beslissing; de wissing staat in de audittrail"
    ),
    rule=Rule(
        name="network.erase_expired_applications",
        due=applications_due,
        task=tasks.erase_expired_applications,
    ),
)

declare(
    "network.Organisation",
    subjects=(Subject.ORGANISATIONS,),
    categories=(Category.CONTACT,),
    data=_(
        "e-mailadres, telefoon en website van een partnerorganisatie (bij een zelfstandige "
        "kunnen dat gegevens van een persoon zijn)"
    ),
    purpose=_("het netwerk en zijn aanbod tonen aan gezinnen"),
    legal_basis=LegalBasis.PUBLIC_TASK,
    readers=_("iedereen (publieke pagina's)"),
    retention=_("zolang de organisatie op het platform staat"),
    erasure=Erasure.DELETED,
    erasure_how=_("de organisatie past haar profiel aan; een platformbeheerder verwijdert ze"),
)

allow("network.Municipality", _("gemeenten en hun postcodes"))
allow("network.Domain", _("beleidsdomeinen"))
allow("network.AgeGroup", _("leeftijdsgroepen"))
allow(
    "network.House",
    _("een Huis van het Kind: naam, missie en de algemene contactgegevens van het huis zelf"),
)
allow("network.Partnership", _("welke organisatie partner is van welk huis"))
allow("network.Location", _("adressen van vestigingen van organisaties en huizen"))
allow("network.OpeningHours", _("openingsuren van vestigingen"))
allow("network.House_municipalities", _("de gemeenten van een huis"))
allow("network.Organisation_domains", _("beleidsdomeinen van een organisatie"))
allow("network.Organisation_age_groups", _("leeftijdsgroepen van een organisatie"))
allow("network.Organisation_municipalities", _("gemeenten waar een organisatie werkt"))
allow("network.PartnerApplication_domains", _("beleidsdomeinen van een aanvraag"))
allow("network.PartnerApplication_municipalities", _("gemeenten van een aanvraag"))

declare(
    "network.GroupMembership",
    subjects=(Subject.PROFESSIONALS,),
    categories=(Category.PROFESSIONAL,),
    data=_("welke professional namens welke organisatie lid of trekker is van een groep"),
    purpose=_("samenwerken in de groepen van het huis (stuurgroep, partneroverleg, werkgroepen)"),
    legal_basis=LegalBasis.PUBLIC_TASK,
    readers=_("de coördinator van het huis en de leden van de groep"),
    retention=_("zolang het lidmaatschap bestaat; een wijziging blijft in de audittrail"),
    erasure=Erasure.DELETED,
    erasure_how=_("de coördinator beëindigt het lidmaatschap (in de audittrail)"),
)

allow(
    "network.Designation",
    _("een opdracht van een organisatie in een huis (zoals Lokaal Loket Kinderopvang)"),
)
allow("network.Group", _("een groep van een huis: soort, naam en opdracht, zonder personen"))
