"""What warm referrals keep about people (the register of personal data, see core.register)."""

from django.utils.translation import gettext_lazy as _

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
from huisvanhetkind.referrals import services, services_clock, tasks


def _retention():
    days = services.retention_days()
    if days == 365:
        return _(
            "12 maanden na het afsluiten van de doorverwijzing; meteen wanneer het gezin zijn "
            "toestemming intrekt of wanneer de toestemming verloopt"
        )
    return _(
        "%(days)s dagen na het afsluiten van de doorverwijzing; meteen wanneer het gezin zijn "
        "toestemming intrekt of wanneer de toestemming verloopt"
    ) % {"days": days}


REFERRAL_PURPOSE = _(
    "een gezin, met zijn toestemming, warm doorverwijzen naar een andere partner van het Huis "
    "van het Kind en horen hoe het afliep"
)

declare(
    "referrals.Referral",
    subjects=(Subject.FAMILIES, Subject.PROFESSIONALS),
    categories=(
        Category.CONTACT,
        Category.CHILD,
        Category.FREE_TEXT,
        Category.HEALTH,
        Category.SOCIAL_SITUATION,
        Category.PROFESSIONAL,
    ),
    data=_(
        "de link naar het gezin en het kind in het gezinsdossier, hoe het gezin gecontacteerd "
        "wil worden, waarom het doorverwezen wordt (het kan over gezondheid of de thuissituatie "
        "gaan), de private link en de korte code (alleen als sleutelhash), en wie doorverwees "
        "en wie de doorverwijzing behandelt; reden en bereikbaarheid versleuteld opgeslagen"
    ),
    purpose=REFERRAL_PURPOSE,
    legal_basis=LegalBasis.CONSENT,
    special_basis=SpecialBasis.EXPLICIT_CONSENT,
    readers=_(
        "de ontvangende partner (ook de reden), de verwijzende partner, en het gezin zelf via "
        "zijn eigen link; elke inzage door een professional staat in de audittrail"
    ),
    retention=_retention,
    erasure=Erasure.ERASED,
    erasure_how=_(
        "de link naar het gezin en het kind, de reden, de bereikbaarheid, de toelichting bij "
        "een weigering, de link en de korte code van het gezin worden gewist: 12 maanden na het "
        "afsluiten, en meteen wanneer het gezin zijn toestemming intrekt of die verloopt; "
        "partners, aanbod, domein, statussen en data blijven voor de cijfers; de wissing staat "
        "in de audittrail"
    ),
    rule=Rule(
        name="referrals.erase_expired",
        due=services_clock.erasure_due,
        task=tasks.erase_expired_referrals,
    ),
)

declare(
    "referrals.Consent",
    subjects=(Subject.FAMILIES, Subject.PROFESSIONALS),
    categories=(Category.FREE_TEXT, Category.SOCIAL_SITUATION, Category.PROFESSIONAL),
    data=_(
        "welk gezin (of welke jongere) toestemming gaf, aan welke partner, voor welk doel, "
        "welke gegevens, tot wanneer, hoe ze verkregen werd, wanneer ze ingetrokken werd, en "
        "welke professional ze noteerde"
    ),
    purpose=_("aantonen dat en waarvoor een gezin toestemming gaf om gegevens te delen"),
    legal_basis=LegalBasis.LEGAL_OBLIGATION,
    special_basis=SpecialBasis.EXPLICIT_CONSENT,
    readers=_("de verwijzende en de ontvangende partner, en het gezin zelf via zijn eigen link"),
    retention=_retention,
    erasure=Erasure.ERASED,
    erasure_how=_(
        "de link naar het gezin wordt gewist samen met de doorverwijzing (zelfde regel, of "
        "meteen bij het intrekken), of wanneer de begeleiding, het gezinsplan of het zorgpad "
        "dat erop steunde gewist wordt en niets anders er nog op steunt; doel, ontvanger, "
        "gegevenscategorieën en data blijven, zonder gezin, als bewijs van de toestemming"
    ),
)

declare(
    "referrals.ReferralEvent",
    subjects=(Subject.PROFESSIONALS,),
    categories=(Category.PROFESSIONAL,),
    data=_(
        "de geschiedenis van een doorverwijzing: elke statuswijziging, wie ze deed en voor "
        "welke partner; nooit gegevens van het gezin"
    ),
    purpose=REFERRAL_PURPOSE,
    legal_basis=LegalBasis.PUBLIC_TASK,
    readers=_("de verwijzende en de ontvangende partner"),
    retention=_("zolang de doorverwijzing bestaat"),
    erasure=Erasure.ERASED,
    erasure_how=_(
        "de professional wordt losgekoppeld wanneer zijn account verwijderd wordt; de stappen "
        "en hun data blijven voor de cijfers"
    ),
)

allow(
    "referrals.ReferralPolicy",
    _("de antwoordtermijn van een huis voor doorverwijzingen, zonder gegevens over personen"),
)
