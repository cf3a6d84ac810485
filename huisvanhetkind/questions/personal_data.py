"""What "stel je vraag" keeps about people (the register of personal data, see core.register)."""

from datetime import timedelta

from django.db.models import Max, Q
from django.db.models.functions import Coalesce, Greatest
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
from huisvanhetkind.questions import services, tasks
from huisvanhetkind.questions.models import Question
from huisvanhetkind.questions.workflow import OPEN_STATES, QuestionStatus


def questions_due(now):
    """The questions ``questions_erase_expired`` erases at ``now``: closed, answered or left
    open without activity longer than the retention period ago."""
    cutoff = now - timedelta(days=services.retention_days())
    return (
        Question.objects.filter(erased_at__isnull=True)
        .annotate(
            last_activity=Greatest("created_at", Coalesce(Max("events__created_at"), "created_at"))
        )
        .filter(
            Q(status=QuestionStatus.CLOSED, closed_at__lt=cutoff)
            | Q(status=QuestionStatus.ANSWERED, answered_at__lt=cutoff)
            | Q(status__in=OPEN_STATES, last_activity__lt=cutoff)
        )
    )


def _retention():
    return _(
        "%(days)s dagen na het afsluiten, of na het laatste antwoord als niemand de vraag "
        "afsloot, of na de laatste activiteit als de vraag open blijft"
    ) % {"days": services.retention_days()}


QUESTION_READERS = _(
    "de partnerorganisatie waarnaar de vraag is doorgestuurd en de coördinatoren van het huis; "
    "elke inzage staat in de audittrail"
)

declare(
    "questions.Question",
    subjects=(Subject.FAMILIES,),
    categories=(
        Category.CONTACT,
        Category.CHILD,
        Category.FREE_TEXT,
        Category.HEALTH,
        Category.SOCIAL_SITUATION,
    ),
    data=_(
        "naam, e-mailadres en telefoonnummer van de ouder, de vraag zelf (ze kan over "
        "gezondheid of de thuissituatie gaan), de leeftijd van het kind en de private link; "
        "tekst en contactgegevens versleuteld opgeslagen"
    ),
    purpose=_("een vraag van een ouder beantwoorden (stel je vraag)"),
    legal_basis=LegalBasis.CONSENT,
    special_basis=SpecialBasis.EXPLICIT_CONSENT,
    readers=QUESTION_READERS,
    retention=_retention,
    erasure=Erasure.ANONYMISED,
    erasure_how=_(
        "naam, e-mailadres, telefoon, vraag, leeftijd van het kind en de link worden gewist "
        "(een open vraag wordt eerst afgesloten); onderwerp, leeftijdsgroep, gemeente en data "
        "blijven voor de anonieme cijfers; de wissing staat in de audittrail"
    ),
    rule=Rule(
        name="questions.erase_expired", due=questions_due, task=tasks.erase_expired_questions
    ),
)

declare(
    "questions.QuestionEvent",
    subjects=(Subject.FAMILIES, Subject.PROFESSIONALS),
    categories=(
        Category.FREE_TEXT,
        Category.HEALTH,
        Category.SOCIAL_SITUATION,
        Category.PROFESSIONAL,
    ),
    data=_(
        "de geschiedenis van een vraag: antwoorden, reacties van de ouder, interne notities en "
        "doorverwijzingen (versleuteld), en wie ze schreef"
    ),
    purpose=_("een vraag van een ouder beantwoorden (stel je vraag)"),
    legal_basis=LegalBasis.CONSENT,
    special_basis=SpecialBasis.EXPLICIT_CONSENT,
    readers=QUESTION_READERS,
    retention=_("samen met de vraag"),
    erasure=Erasure.ERASED,
    erasure_how=_(
        "de teksten worden gewist samen met de vraag (zelfde regel); de stappen en hun data blijven"
    ),
)

declare(
    "questions.RoutingRule",
    subjects=(Subject.PROFESSIONALS,),
    categories=(Category.PROFESSIONAL,),
    data=_("de professional aan wie vragen volgens de regel worden toegewezen"),
    purpose=_("vragen naar de juiste partner en persoon sturen"),
    legal_basis=LegalBasis.PUBLIC_TASK,
    readers=_("de coördinatoren van het huis"),
    retention=_("zolang de regel bestaat"),
    erasure=Erasure.DELETED,
    erasure_how=_("de coördinator wijzigt of verwijdert de regel"),
)

declare(
    "questions.FaqEntry",
    subjects=(Subject.PROFESSIONALS,),
    categories=(Category.PROFESSIONAL,),
    data=_(
        "wie het antwoord schreef; de vraag is door een professional herschreven zonder "
        "gegevens die naar een gezin wijzen"
    ),
    purpose=_("veelgestelde vragen publiek beantwoorden"),
    legal_basis=LegalBasis.PUBLIC_TASK,
    readers=_("iedereen (gepubliceerde antwoorden); de schrijver: de coördinatoren"),
    retention=_("zolang het antwoord bestaat"),
    erasure=Erasure.DELETED,
    erasure_how=_("de coördinator verwijdert het antwoord"),
)

allow("questions.Topic", _("onderwerpen van vragen, zonder gegevens over personen"))
allow(
    "questions.AnswerTemplate",
    _("standaardantwoorden van een organisatie, zonder gegevens over gezinnen of personen"),
)
