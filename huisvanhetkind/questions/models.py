"""Stel je vraag: parents' questions, their routing, history, answer templates and the FAQ."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.core.crypto import EncryptedTextField
from huisvanhetkind.core.languages import LANGUAGE_CHOICES
from huisvanhetkind.network.models import AgeGroup, House, Municipality, Organisation
from huisvanhetkind.questions.workflow import OPEN_STATES, QuestionStatus

# Languages a parent may prefer for the answer (partners answer in the languages they can):
# the most common of the catalogue's languages, and "another language".
PREFERRED_LANGUAGES = [
    *(
        choice
        for choice in LANGUAGE_CHOICES
        if choice[0] in {"nl", "fr", "en", "de", "ar", "tr", "pl", "ro", "uk"}
    ),
    ("other", _("Een andere taal")),
]


class TopicQuerySet(models.QuerySet):
    def for_house(self, house):
        return self.filter(Q(house__isnull=True) | Q(house=house), is_active=True)


class Topic(models.Model):
    """A topic in plain words; without a house it is offered by every house."""

    house = models.ForeignKey(
        House, null=True, blank=True, on_delete=models.CASCADE, related_name="question_topics"
    )
    slug = models.SlugField()
    name = models.CharField(_("naam"), max_length=100)
    position = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(_("actief"), default=True)

    objects = TopicQuerySet.as_manager()

    class Meta:
        ordering = ["position", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug"], condition=Q(house__isnull=True), name="unique_global_topic"
            ),
            models.UniqueConstraint(fields=["house", "slug"], name="unique_house_topic"),
        ]
        verbose_name = _("onderwerp")
        verbose_name_plural = _("onderwerpen")

    def __str__(self):
        return self.name


class Question(models.Model):
    class About(models.TextChoices):
        EXPECTING = "expecting", _("We verwachten een kindje")
        CHILD = "child", _("Over mijn kind")

    class Channel(models.TextChoices):
        EMAIL = "email", _("Per e-mail")
        PHONE = "phone", _("Telefonisch")
        PAGE = "page", _("Alleen op mijn persoonlijke pagina (anoniem)")

    house = models.ForeignKey(House, on_delete=models.PROTECT, related_name="questions")
    # The private link: its digest to find the question, and the link encrypted for e-mails.
    token_hash = models.CharField(max_length=64, unique=True, null=True, editable=False)
    token = EncryptedTextField(blank=True, editable=False)

    text = EncryptedTextField(_("vraag"))
    about = models.CharField(_("over wie"), max_length=10, choices=About.choices)
    child_age = models.PositiveSmallIntegerField(_("leeftijd van het kind"), null=True, blank=True)
    age_group = models.ForeignKey(
        AgeGroup, null=True, blank=True, on_delete=models.PROTECT, verbose_name=_("leeftijdsgroep")
    )
    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, verbose_name=_("onderwerp"))
    municipality = models.ForeignKey(
        Municipality, null=True, blank=True, on_delete=models.PROTECT, verbose_name=_("gemeente")
    )
    language = models.CharField(
        _("voorkeurstaal"), max_length=5, choices=PREFERRED_LANGUAGES, default="nl"
    )
    channel = models.CharField(_("antwoord via"), max_length=5, choices=Channel.choices)
    name = EncryptedTextField(_("naam"), blank=True)
    email = EncryptedTextField(_("e-mail"), blank=True)
    phone = EncryptedTextField(_("telefoon"), blank=True)
    # Keyed digests of the e-mail address and phone number (core.digests): a family finds its
    # questions by its own contact details, without decrypting every row. Set by the services.
    email_digest = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    phone_digest = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    consent_at = models.DateTimeField(_("toestemming gegeven op"))

    status = models.CharField(
        _("status"), max_length=12, choices=QuestionStatus.choices, default=QuestionStatus.NEW
    )
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="questions",
        verbose_name=_("partner"),
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_questions",
        verbose_name=_("behandelaar"),
    )
    routing_rule = models.ForeignKey(
        "RoutingRule", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    routing_reason = models.TextField(_("reden van de verdeling"), blank=True)

    created_at = models.DateTimeField(_("ontvangen op"), default=timezone.now, db_index=True)
    due_on = models.DateField(_("te beantwoorden tegen"))
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    escalated_at = models.DateTimeField(null=True, blank=True)
    first_answered_at = models.DateTimeField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    erased_at = models.DateTimeField(_("persoonsgegevens gewist op"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["organisation", "status", "due_on"]),
            models.Index(fields=["house", "status", "due_on"]),
        ]
        verbose_name = _("vraag")
        verbose_name_plural = _("vragen")

    def __str__(self):
        # Never personal data: this label ends up in the audit trail.
        return f"Vraag #{self.pk}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATES

    @property
    def is_late(self) -> bool:
        return self.is_open and self.due_on < timezone.localdate()


class QuestionEvent(models.Model):
    """The history of a question, append-only: status changes, notes, answers, follow-ups."""

    class Kind(models.TextChoices):
        RECEIVED = "received", _("ontvangen")
        STATUS = "status", _("status gewijzigd")
        ASSIGNED = "assigned", _("toegewezen")
        NOTE = "note", _("interne notitie")
        ANSWER = "answer", _("antwoord")
        FOLLOW_UP = "follow_up", _("bijkomende vraag van de ouder")
        FORWARDED = "forwarded", _("doorgestuurd")

    PUBLIC_KINDS = (Kind.ANSWER, Kind.FOLLOW_UP)

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    from_status = models.CharField(max_length=12, choices=QuestionStatus.choices, blank=True)
    to_status = models.CharField(max_length=12, choices=QuestionStatus.choices, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = EncryptedTextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("gebeurtenis bij een vraag")
        verbose_name_plural = _("geschiedenis van vragen")

    def __str__(self):
        return f"{self.get_kind_display()} ({self.question})"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValueError("The history of a question is append-only.")
        super().save(*args, **kwargs)


class RoutingRule(models.Model):
    """One line of a house's routing: every filled-in criterion must match; first match wins."""

    house = models.ForeignKey(House, on_delete=models.CASCADE, related_name="routing_rules")
    position = models.PositiveIntegerField(_("volgorde"), default=0)
    name = models.CharField(_("naam van de regel"), max_length=100)
    topic = models.ForeignKey(
        Topic, null=True, blank=True, on_delete=models.CASCADE, verbose_name=_("onderwerp")
    )
    age_group = models.ForeignKey(
        AgeGroup, null=True, blank=True, on_delete=models.CASCADE, verbose_name=_("leeftijdsgroep")
    )
    municipality = models.ForeignKey(
        Municipality, null=True, blank=True, on_delete=models.CASCADE, verbose_name=_("gemeente")
    )
    language = models.CharField(
        _("voorkeurstaal"), max_length=5, choices=PREFERRED_LANGUAGES, blank=True
    )
    keywords = models.CharField(
        _("trefwoorden"),
        max_length=300,
        blank=True,
        help_text=_("Gescheiden door komma's. De regel past als één ervan in de vraag staat."),
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+", verbose_name=_("partner")
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("persoon bij de partner"),
    )
    is_active = models.BooleanField(_("actief"), default=True)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("verdeelregel")
        verbose_name_plural = _("verdeelregels")

    def __str__(self):
        return self.name

    @property
    def keyword_list(self) -> list[str]:
        return [k.strip() for k in self.keywords.split(",") if k.strip()]


class AnswerTemplate(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="answer_templates"
    )
    title = models.CharField(_("titel"), max_length=150)
    body = models.TextField(_("tekst"), max_length=4000)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("antwoordsjabloon")
        verbose_name_plural = _("antwoordsjablonen")

    def __str__(self):
        return self.title


class FaqEntry(models.Model):
    """A public question and answer, written by a person; never copied from a parent's text."""

    house = models.ForeignKey(House, on_delete=models.CASCADE, related_name="faq_entries")
    topic = models.ForeignKey(
        Topic, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("onderwerp")
    )
    source_question = models.ForeignKey(
        Question, null=True, blank=True, on_delete=models.SET_NULL, related_name="faq_entries"
    )
    question = models.CharField(_("vraag"), max_length=300)
    answer = models.TextField(_("antwoord"), max_length=4000)
    is_published = models.BooleanField(_("gepubliceerd"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["topic__position", "question"]
        verbose_name = _("veelgestelde vraag")
        verbose_name_plural = _("veelgestelde vragen")

    def __str__(self):
        return self.question
