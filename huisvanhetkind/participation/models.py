"""Surveys (bevragingen): a house asks families, children and young people for their opinion.

A ``Survey`` belongs to a house and is written by its coordinator or a professional of a partner
of the house (``author``, with the ``organisation`` they wrote it for). It has ``Section``s of
``Question``s; a question of a counted kind has ``Choice``s (single and multiple choice; the
scale 1-5 and the age group of the children get theirs when the question is made). A
``Response`` is one completed answer: it holds the moment (to the hour), the channel (online or
on paper) and, for paper, the professional who typed it in; **never an IP address or an
account of the person who answered**. ``Answer`` holds one answer to one question: a choice, a
value (a postcode) or a free text (encrypted, reviewed by a person before anyone reads it with
the results, erased 12 months after the survey closed).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.core.crypto import EncryptedTextField
from huisvanhetkind.network.models import AgeGroup, House, Organisation
from huisvanhetkind.participation.workflow import ReviewStatus, SurveyStatus, survey_status

TITLE_MAX_LENGTH = 150
TEXT_MAX_LENGTH = 1000
ANSWER_TEXT_MAX_LENGTH = 1000


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("één keuze")
    MULTIPLE = "multiple", _("meerdere keuzes")
    SCALE = "scale", _("schaal van 1 tot 5")
    TEXT = "text", _("korte tekst")
    POSTCODE = "postcode", _("postcode")
    AGE_GROUP = "age_group", _("leeftijdsgroep van de kinderen")


# The kinds whose answers are choices (counted per choice); their choices are fixed for the
# scale and the age group.
CHOICE_KINDS = (
    QuestionKind.SINGLE,
    QuestionKind.MULTIPLE,
    QuestionKind.SCALE,
    QuestionKind.AGE_GROUP,
)
MANY_KINDS = (QuestionKind.MULTIPLE, QuestionKind.AGE_GROUP)
EDITABLE_CHOICE_KINDS = (QuestionKind.SINGLE, QuestionKind.MULTIPLE)


class Channel(models.TextChoices):
    ONLINE = "online", _("online")
    PAPER = "paper", _("op papier")


class Survey(models.Model):
    house = models.ForeignKey(House, on_delete=models.CASCADE, related_name="surveys")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="surveys"
    )
    slug = models.SlugField(max_length=80)
    title = models.CharField(_("titel"), max_length=TITLE_MAX_LENGTH)
    intro = models.TextField(_("inleiding"), blank=True, max_length=TEXT_MAX_LENGTH)
    child_mode = models.BooleanField(_("voor kinderen"), default=False)
    opens_at = models.DateTimeField(_("opent op"))
    closes_at = models.DateTimeField(_("sluit op"))
    published = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-opens_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["house", "slug"], name="participation_survey_slug"),
            models.CheckConstraint(
                condition=Q(closes_at__gt=models.F("opens_at")),
                name="participation_survey_closes_after_opening",
            ),
        ]
        verbose_name = _("bevraging")
        verbose_name_plural = _("bevragingen")

    def __str__(self):
        return self.title

    def status_at(self, now=None) -> str:
        return survey_status(
            published=self.published,
            opens_at=self.opens_at,
            closes_at=self.closes_at,
            now=now or timezone.now(),
        )

    @property
    def status(self) -> str:
        return self.status_at()

    @property
    def status_label(self) -> str:
        return SurveyStatus(self.status).label


class Section(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="sections")
    title = models.CharField(_("titel"), max_length=TITLE_MAX_LENGTH)
    intro = models.TextField(_("inleiding"), blank=True, max_length=TEXT_MAX_LENGTH)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self):
        return self.title


class Question(models.Model):
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="questions")
    kind = models.CharField(_("soort vraag"), max_length=20, choices=QuestionKind.choices)
    text = models.CharField(_("vraag"), max_length=300)
    help_text = models.CharField(_("uitleg"), max_length=300, blank=True)
    required = models.BooleanField(_("verplicht"), default=False)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self):
        return self.text

    @property
    def has_choices(self) -> bool:
        return self.kind in CHOICE_KINDS

    @property
    def many(self) -> bool:
        return self.kind in MANY_KINDS


class Choice(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    label = models.CharField(_("keuze"), max_length=150)
    # The scale's value (1-5); the age group of an age-group question.
    value = models.PositiveSmallIntegerField(null=True, blank=True)
    age_group = models.ForeignKey(
        AgeGroup, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self):
        return self.label


class Response(models.Model):
    """One completed answer to a survey. Deliberately without IP address, user agent, account or
    session: nothing links it to the person who answered."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    # Rounded down to the hour, so the moment cannot be matched to a web server's log line.
    created_at = models.DateTimeField()
    channel = models.CharField(max_length=10, choices=Channel.choices, default=Channel.ONLINE)
    # The professional who typed in a paper answer (never the person who answered).
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        indexes = [models.Index(fields=["survey", "channel"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(channel=Channel.PAPER) | Q(entered_by__isnull=True),
                name="participation_response_entered_by_only_on_paper",
            )
        ]

    def __str__(self):
        return f"{self.survey_id}/{self.pk}"


class Answer(models.Model):
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    choice = models.ForeignKey(
        Choice, null=True, blank=True, on_delete=models.CASCADE, related_name="answers"
    )
    value = models.CharField(max_length=10, blank=True)  # a postcode
    text = EncryptedTextField(blank=True)  # a free text; "" once erased
    review = models.CharField(
        max_length=10, choices=ReviewStatus.choices, blank=True
    )  # free text only
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    erased_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["question", "choice"]),
            models.Index(fields=["question", "value"]),
            models.Index(fields=["question", "response"]),  # people per question (DISTINCT)
        ]

    def __str__(self):
        return f"{self.response_id}/{self.question_id}"


class OpenDataLicence(models.TextChoices):
    CC_BY_4 = "CC-BY-4.0", _("Creative Commons Naamsvermelding 4.0 (CC BY 4.0)")


class OpenDataSetting(models.Model):
    """Whether a house publishes its coverage matrix and released survey tables as open data
    (``/<house>/open-data/``); only the coordinator switches it on or off (audited)."""

    house = models.OneToOneField(House, on_delete=models.CASCADE, related_name="open_data_setting")
    enabled = models.BooleanField(_("open data publiceren"), default=False)
    licence = models.CharField(
        _("licentie"),
        max_length=20,
        choices=OpenDataLicence.choices,
        default=OpenDataLicence.CC_BY_4,
    )
    enabled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    enabled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("instelling open data")
        verbose_name_plural = _("instellingen open data")

    def __str__(self):
        return f"{self.house}: {'aan' if self.enabled else 'uit'}"
