"""What the libraries' models keep about people (the register of personal data, see
core.register): Django's accounts, sessions and admin log, allauth's e-mail addresses and
second factors, and the background tasks' results."""

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
from huisvanhetkind.privacy import services, services_requests, tasks

ACCOUNT_PURPOSE = _("professionals aanmelden met twee factoren")
ACCOUNT_READERS = _("de persoon zelf; platformbeheerders")
ACCOUNT_RETENTION = _(
    "tot de laatste rol is ingetrokken en een platformbeheerder het account verwijdert"
)
WITH_THE_ACCOUNT = _("verwijderd samen met het account")


def _session_retention():
    return _("tot de sessie verloopt (na %(hours)s uur)") % {
        "hours": f"{settings.SESSION_COOKIE_AGE / 3600:g}"
    }


def _request_retention():
    return _("%(years)s jaar na het antwoord of de weigering; open verzoeken blijven") % {
        "years": services_requests.REQUEST_RETENTION_YEARS
    }


declare(
    "auth.User",
    subjects=(Subject.PROFESSIONALS,),
    categories=(Category.CONTACT, Category.PROFESSIONAL),
    data=_("naam, e-mailadres, de hash van het wachtwoord, de laatste aanmelding"),
    purpose=ACCOUNT_PURPOSE,
    legal_basis=LegalBasis.PUBLIC_TASK,
    readers=ACCOUNT_READERS,
    retention=ACCOUNT_RETENTION,
    erasure=Erasure.DELETED,
    erasure_how=_("een platformbeheerder verwijdert het account"),
)

declare(
    "account.EmailAddress",
    subjects=(Subject.PROFESSIONALS,),
    categories=(Category.CONTACT, Category.PROFESSIONAL),
    data=_("het e-mailadres waarmee een professional zich aanmeldt"),
    purpose=ACCOUNT_PURPOSE,
    legal_basis=LegalBasis.PUBLIC_TASK,
    readers=ACCOUNT_READERS,
    retention=ACCOUNT_RETENTION,
    erasure=Erasure.DELETED,
    erasure_how=WITH_THE_ACCOUNT,
)

declare(
    "account.EmailConfirmation",
    subjects=(Subject.PROFESSIONALS,),
    categories=(Category.CONTACT, Category.PROFESSIONAL),
    data=_("een bevestigingssleutel voor een e-mailadres (het platform gebruikt ze niet)"),
    purpose=ACCOUNT_PURPOSE,
    legal_basis=LegalBasis.PUBLIC_TASK,
    readers=ACCOUNT_READERS,
    retention=ACCOUNT_RETENTION,
    erasure=Erasure.DELETED,
    erasure_how=WITH_THE_ACCOUNT,
)

declare(
    "mfa.Authenticator",
    subjects=(Subject.PROFESSIONALS,),
    categories=(Category.PROFESSIONAL,),
    data=_("het TOTP-geheim (versleuteld) en de herstelcodes van de tweede factor"),
    purpose=ACCOUNT_PURPOSE,
    legal_basis=LegalBasis.PUBLIC_TASK,
    readers=_("niemand leest ze; het platform controleert er codes mee"),
    retention=ACCOUNT_RETENTION,
    erasure=Erasure.DELETED,
    erasure_how=WITH_THE_ACCOUNT,
)

declare(
    "sessions.Session",
    subjects=(Subject.PROFESSIONALS, Subject.FAMILIES),
    categories=(Category.PROFESSIONAL,),
    data=_(
        "wie aangemeld is en hoe (wachtwoord, tweede factor), de gekozen taal, formulierbeveiliging"
    ),
    purpose=_("aangemeld blijven en de taalkeuze onthouden"),
    legal_basis=LegalBasis.LEGITIMATE_INTEREST,
    readers=_("niemand; het platform zelf bij elke aanvraag"),
    retention=_session_retention,
    erasure=Erasure.DELETED,
    erasure_how=_("verlopen sessies worden dagelijks verwijderd"),
    rule=Rule(
        name="privacy.erase_expired_sessions",
        due=services.sessions_due,
        task=tasks.erase_expired_sessions,
    ),
)

declare(
    "django_tasks_database.DBTaskResult",
    subjects=(Subject.PROFESSIONALS,),
    categories=(Category.PROFESSIONAL,),
    data=_(
        "achtergrondtaken: hun argumenten (nummers van records en personen, het adres van een "
        "agenda) en hun resultaat; nooit gegevens van een gezin"
    ),
    purpose=_("werk op de achtergrond uitvoeren (e-mails, imports, wissingen)"),
    legal_basis=LegalBasis.PUBLIC_TASK,
    readers=_("platformbeheerders; wie een import startte ziet het resultaat ervan"),
    retention=_("30 dagen nadat de taak klaar is"),
    erasure=Erasure.DELETED,
    erasure_how=_("afgewerkte taken worden dagelijks verwijderd"),
    rule=Rule(
        name="privacy.erase_expired_task_results",
        due=services.task_results_due,
        task=tasks.erase_expired_task_results,
    ),
)

declare(
    "admin.LogEntry",
    subjects=(Subject.PROFESSIONALS,),
    categories=(Category.PROFESSIONAL,),
    data=_("wat een platformbeheerder in het beheerpaneel wijzigde, met de naam van het record"),
    purpose=_("verantwoording van wijzigingen in het beheerpaneel"),
    legal_basis=LegalBasis.LEGITIMATE_INTEREST,
    readers=_("platformbeheerders"),
    retention=ACCOUNT_RETENTION,
    erasure=Erasure.DELETED,
    erasure_how=WITH_THE_ACCOUNT,
)

declare(
    "privacy.RightsRequest",
    subjects=(Subject.FAMILIES, Subject.PROFESSIONALS),
    categories=(Category.CONTACT, Category.FREE_TEXT),
    data=_(
        "wie een verzoek over zijn gegevens deed (naam en hoe we antwoorden, versleuteld), "
        "wanneer en hoe het binnenkwam, de soort, waarover het gaat (versleuteld), de termijn, "
        "een verlenging met haar reden, en het antwoord of de weigering met de reden"
    ),
    purpose=_(
        "de verzoeken van gezinnen over hun rechten (inzage, verbetering, wissing, beperking, "
        "bezwaar, overdraagbaarheid) binnen de wettelijke termijn beantwoorden en aantonen dat "
        "het huis dat doet (AVG art. 12 en 5.2)"
    ),
    legal_basis=LegalBasis.LEGAL_OBLIGATION,
    readers=_(
        "de coördinator van het huis (en platformbeheerders); elke inzage en wijziging staat in "
        "de audittrail"
    ),
    retention=_request_retention,
    erasure=Erasure.DELETED,
    erasure_how=_("beantwoorde verzoeken worden na de bewaartermijn dagelijks verwijderd"),
    rule=Rule(
        name="privacy.erase_answered_requests",
        due=services_requests.requests_due,
        task=tasks.erase_answered_requests,
    ),
)

allow("auth.Permission", _("rechten die Django kent, zonder personen"))
allow("auth.Group", _("groepen van rechten; het platform gebruikt rollen, geen groepen"))
allow("auth.Group_permissions", _("rechten van een groep, zonder personen"))
allow(
    "auth.User_groups",
    _("het platform geeft geen rechten via groepen (rollen doen dat): deze tabel blijft leeg"),
)
allow(
    "auth.User_user_permissions",
    _("het platform geeft geen rechten per account (rollen doen dat): deze tabel blijft leeg"),
)
allow("contenttypes.ContentType", _("de soorten records die Django kent"))
