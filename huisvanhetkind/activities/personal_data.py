"""What activities and news keep about people (the register of personal data, see
core.register)."""

from datetime import timedelta

from django.db.models import Max, Q
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.activities import services_news, services_registrations, tasks
from huisvanhetkind.activities.models import Activity, Registration
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


def registrations_due(now):
    """The registrations ``registrations_erase_expired`` erases at ``now``."""
    cutoff = now - timedelta(days=services_registrations.retention_days())
    return Registration.objects.filter(session__ends_at__lt=cutoff, erased_at__isnull=True)


def photos_due(now):
    """The activities whose photo ``photos_erase_expired`` removes at ``now`` (files that no
    record names any more are removed by the same task, but are no record)."""
    cutoff = now - timedelta(days=services_news.photo_retention_days())
    return (
        Activity.objects.exclude(image="")
        .annotate(last_end=Max("sessions__ends_at"))
        .filter(Q(last_end__lt=cutoff) | Q(last_end__isnull=True, updated_at__lt=cutoff))
    )


def _registration_retention():
    return _("%(days)s dagen na het moment van de activiteit") % {
        "days": services_registrations.retention_days()
    }


def _photo_retention():
    return _(
        "%(days)s dagen na het laatste moment van de activiteit; een vervangen of verwijderde "
        "foto meteen"
    ) % {"days": services_news.photo_retention_days()}


declare(
    "activities.Registration",
    subjects=(Subject.FAMILIES,),
    categories=(
        Category.CONTACT,
        Category.CHILD,
        Category.SOCIAL_SITUATION,
        Category.FREE_TEXT,
        Category.HEALTH,
    ),
    data=_(
        "naam, e-mailadres, telefoonnummer en opmerkingen (versleuteld; een opmerking kan over "
        "gezondheid gaan, zoals een rolstoel), het aantal volwassenen en kinderen met hun "
        "leeftijd, het vakje sociaal tarief"
    ),
    purpose=_(
        "een plaats van een gezin bij een activiteit: de bevestiging, de herinnering en de "
        "wachtlijst"
    ),
    legal_basis=LegalBasis.CONSENT,
    special_basis=SpecialBasis.EXPLICIT_CONSENT,
    readers=_(
        "de organiserende partners en de coördinator van het huis; elke inzage van een "
        "deelnemerslijst en elke export staat in de audittrail; het vakje sociaal tarief wordt "
        "nooit getoond, alleen geteld"
    ),
    retention=_registration_retention,
    erasure=Erasure.ANONYMISED,
    erasure_how=_(
        "naam, e-mailadres, telefoon, opmerkingen, leeftijden van de kinderen en de link worden "
        "gewist; de anonieme aantallen (volwassenen, kinderen, sociaal tarief, aanwezigheid) "
        "blijven; de wissing staat in de audittrail"
    ),
    rule=Rule(
        name="activities.erase_expired_registrations",
        due=registrations_due,
        task=tasks.erase_expired_registrations,
    ),
)

PHOTO_PURPOSE = _("de activiteit of het nieuwsbericht tonen")
PHOTO_BASIS_READERS = _("iedereen (publieke pagina's)")

declare(
    "activities.Activity",
    subjects=(Subject.FAMILIES, Subject.PROFESSIONALS),
    categories=(Category.PHOTO, Category.PROFESSIONAL),
    data=_(
        "de foto van de activiteit (ze kan gezinnen tonen), opnieuw gecodeerd zonder metadata "
        "(geen EXIF of GPS); wie de activiteit aanmaakte"
    ),
    purpose=PHOTO_PURPOSE,
    legal_basis=LegalBasis.LEGITIMATE_INTEREST,
    readers=_(
        "iedereen (publieke pagina's; de toestemming van wie op de foto staat vraagt de "
        "organisator); wie de activiteit aanmaakte: de organisatoren"
    ),
    retention=_photo_retention,
    erasure=Erasure.DELETED,
    erasure_how=_(
        "de foto wordt uit de opslag verwijderd en de activiteit verliest haar foto; de "
        "verwijdering staat in de audittrail; bestanden die geen record meer gebruikt, worden "
        "dagelijks verwijderd"
    ),
    rule=Rule(
        name="activities.erase_expired_photos", due=photos_due, task=tasks.erase_expired_photos
    ),
)

declare(
    "activities.NewsItem",
    subjects=(Subject.FAMILIES, Subject.PROFESSIONALS),
    categories=(Category.PHOTO, Category.PROFESSIONAL),
    data=_(
        "de foto bij het nieuwsbericht (ze kan gezinnen tonen), zonder metadata; wie het "
        "bericht schreef"
    ),
    purpose=PHOTO_PURPOSE,
    legal_basis=LegalBasis.LEGITIMATE_INTEREST,
    readers=PHOTO_BASIS_READERS,
    retention=_("zolang het bericht bestaat; een vervangen of verwijderde foto meteen"),
    erasure=Erasure.DELETED,
    erasure_how=_(
        "de foto wordt uit de opslag verwijderd zodra ze vervangen of verwijderd wordt of het "
        "bericht verdwijnt"
    ),
)

allow(
    "activities.Session",
    _("momenten van een activiteit (datum, uur, capaciteit, een praktische opmerking)"),
)
allow(
    "activities.ImportedEvent",
    _("welk evenement van een iCalendar-feed welke activiteit werd, zonder personen"),
)
allow("activities.Activity_organisations", _("welke organisaties een activiteit inrichten"))
allow("activities.Activity_domains", _("beleidsdomeinen van een activiteit"))
allow("activities.Activity_age_groups", _("leeftijdsgroepen van een activiteit"))
