"""What the catalogue (and its search) keeps about people (the register of personal data, see
core.register)."""

from django.utils.translation import gettext_lazy as _

from huisvanhetkind.core.register import Category, Erasure, LegalBasis, Subject, allow, declare

declare(
    "catalogue.Service",
    subjects=(Subject.ORGANISATIONS,),
    categories=(Category.CONTACT, Category.PROFESSIONAL),
    data=_(
        "de contactpersoon van een aanbod (naam, functie, e-mailadres) en wie het aanbod "
        "laatst nakeek"
    ),
    purpose=_("gezinnen en professionals tonen wie ze voor een aanbod kunnen contacteren"),
    legal_basis=LegalBasis.PUBLIC_TASK,
    readers=_(
        "iedereen (publieke pagina's en de open data); wie nakeek: de partner en coördinator"
    ),
    retention=_("zolang het aanbod bestaat"),
    erasure=Erasure.ERASED,
    erasure_how=_("de partner past de contactpersoon aan of archiveert het aanbod"),
)

declare(
    "catalogue.ServiceHistory",
    subjects=(Subject.PROFESSIONALS, Subject.ORGANISATIONS),
    categories=(Category.PROFESSIONAL,),
    data=_("wie een aanbod wanneer wijzigde, en wat (ook de contactpersoon)"),
    purpose=_("de wijzigingsgeschiedenis van het aanbod"),
    legal_basis=LegalBasis.PUBLIC_TASK,
    readers=_("de partner van het aanbod en de coördinatoren van zijn huizen"),
    retention=_("zolang het aanbod bestaat"),
    erasure=Erasure.DELETED,
    erasure_how=_("samen met het aanbod"),
)

allow("catalogue.TargetGroup", _("doelgroepen van het aanbod"))
allow("catalogue.Synonym", _("synoniemen voor het zoeken"))
allow("catalogue.CatalogueState", _("een teller die zegt wanneer het aanbod veranderde"))
allow(
    "catalogue.HouseOfferState", _("een teller die zegt wanneer het aanbod van een huis veranderde")
)
allow("catalogue.Service_service_areas", _("gemeenten van een aanbod"))
allow("catalogue.Service_locations", _("vestigingen van een aanbod"))
allow("catalogue.Service_domains", _("beleidsdomeinen van een aanbod"))
allow("catalogue.Service_age_groups", _("leeftijdsgroepen van een aanbod"))
allow("catalogue.Service_target_groups", _("doelgroepen van een aanbod"))
allow("search.SearchIndexState", _("de toestand van de zoekindex"))
allow(
    "search.SearchTerm", _("woorden van de zoekindex, uit de publieke beschrijving van het aanbod")
)
allow("search.SearchDocument", _("de zoekindex van een aanbod, uit zijn publieke tekst"))
allow("search.SearchPosting", _("de zoekindex: welk woord in welk aanbod"))
allow("search.SearchHousePosting", _("de zoekindex per huis: welk woord in welk aanbod"))
