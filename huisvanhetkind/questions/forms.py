import re

from django import forms
from django.contrib.auth import get_user_model
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.core.forms import HoneypotMixin
from huisvanhetkind.network.models import AgeGroup
from huisvanhetkind.questions import selectors
from huisvanhetkind.questions.models import (
    PREFERRED_LANGUAGES,
    AnswerTemplate,
    FaqEntry,
    Question,
    RoutingRule,
)
from huisvanhetkind.questions.numbers import AsciiIntegerField, AsciiModelChoiceField
from huisvanhetkind.questions.routing import Sample
from huisvanhetkind.questions.services import age_group_for
from huisvanhetkind.questions.workflow import QuestionStatus

QUESTION_MAX = 2000
ANSWER_MAX = 4000
PHONE = re.compile(r"^\+?[0-9 ./()-]{8,20}$")


def plain_text(value: str, *, required_message=None) -> str:
    """No HTML from the public: tags are removed, not escaped, before anything is stored."""
    value = strip_tags(value or "").strip()
    if not value and required_message:
        raise forms.ValidationError(required_message)
    return value


class AskForm(HoneypotMixin, forms.Form):
    """ "Stel je vraag": short, no account, anonymous allowed; a hidden honeypot for robots."""

    text = forms.CharField(
        label=_("Wat is je vraag?"),
        help_text=_("Schrijf in je eigen woorden. Je hoeft geen namen te noemen."),
        max_length=QUESTION_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Schrijf je vraag.")},
    )
    about = forms.ChoiceField(
        label=_("Over wie gaat je vraag?"),
        choices=Question.About.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies over wie je vraag gaat.")},
    )
    child_age = AsciiIntegerField(
        label=_("Leeftijd van je kind (in jaren)"),
        help_text=_("Vul 0 in voor een baby jonger dan één jaar."),
        min_value=0,
        max_value=25,
        required=False,
    )
    topic = AsciiModelChoiceField(
        label=_("Waarover gaat je vraag?"),
        queryset=None,
        empty_label=_("Kies een onderwerp"),
        error_messages={"required": _("Kies een onderwerp.")},
    )
    municipality = AsciiModelChoiceField(
        label=_("Waar woon je?"), queryset=None, required=False, empty_label=_("Zeg ik liever niet")
    )
    channel = forms.ChoiceField(
        label=_("Hoe wil je het antwoord krijgen?"),
        choices=Question.Channel.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies hoe je het antwoord wil krijgen.")},
    )
    name = forms.CharField(
        label=_("Je naam of voornaam"),
        help_text=_("Mag leeg blijven."),
        max_length=100,
        required=False,
    )
    email = forms.EmailField(label=_("Je e-mailadres"), max_length=254, required=False)
    phone = forms.CharField(label=_("Je telefoonnummer"), max_length=30, required=False)
    language = forms.ChoiceField(
        label=_("In welke taal wil je het antwoord het liefst?"),
        choices=PREFERRED_LANGUAGES,
        initial="nl",
    )
    consent = forms.BooleanField(
        label=_(
            "Ik ga akkoord dat het Huis van het Kind en de partner die mijn vraag beantwoordt "
            "deze gegevens gebruiken om mijn vraag te beantwoorden. Ze worden gewist 12 maanden "
            "nadat de vraag is afgesloten."
        ),
        error_messages={"required": _("Zonder je toestemming kunnen we je vraag niet behandelen.")},
    )

    def __init__(self, *args, house, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = selectors.topics_for_house(house)
        self.fields["municipality"].queryset = house.municipalities.order_by("name")

    def clean_text(self):
        return plain_text(self.cleaned_data["text"], required_message=_("Schrijf je vraag."))

    def clean_name(self):
        return plain_text(self.cleaned_data["name"])

    def clean_phone(self):
        phone = plain_text(self.cleaned_data["phone"])
        if phone and not PHONE.match(phone):
            raise forms.ValidationError(_("Vul een telefoonnummer in, bijvoorbeeld 03 123 45 67."))
        return phone

    def clean(self):
        data = super().clean()
        if data.get("about") == Question.About.CHILD and data.get("child_age") is None:
            self.add_error("child_age", _("Vul de leeftijd van je kind in."))
        channel = data.get("channel")
        if channel == Question.Channel.EMAIL and not data.get("email"):
            self.add_error(
                "email", _("Vul je e-mailadres in om het antwoord per e-mail te krijgen.")
            )
        if channel == Question.Channel.PHONE and not data.get("phone"):
            self.add_error("phone", _("Vul je telefoonnummer in om gebeld te worden."))
        return data


class FollowUpForm(HoneypotMixin, forms.Form):
    """A follow-up on the private page; a hidden honeypot for robots."""

    body = forms.CharField(
        label=_("Wil je nog iets vragen of aanvullen?"),
        max_length=QUESTION_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Schrijf je bijkomende vraag.")},
    )

    def clean_body(self):
        return plain_text(
            self.cleaned_data["body"], required_message=_("Schrijf je bijkomende vraag.")
        )


class InboxFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Alle")), ("open", _("Alle open vragen")), *QuestionStatus.choices],
    )
    onderwerp = AsciiModelChoiceField(
        label=_("Onderwerp"), queryset=None, required=False, empty_label=_("Alle onderwerpen")
    )
    laat = forms.BooleanField(label=_("Alleen te laat"), required=False)

    def __init__(self, *args, topics, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["onderwerp"].queryset = topics


class AssignForm(forms.Form):
    assignee = AsciiModelChoiceField(label=_("Toewijzen aan"), queryset=None)

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = selectors.organisation_members(organisation)
        self.fields["assignee"].label_from_instance = lambda u: u.get_full_name() or u.email


class AnswerForm(forms.Form):
    body = forms.CharField(
        label=_("Antwoord aan de ouder"),
        help_text=_(
            "De ouder leest dit op de persoonlijke pagina, en per e-mail als die dat koos."
        ),
        max_length=ANSWER_MAX,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": _("Schrijf een antwoord.")},
    )

    def clean_body(self):
        return plain_text(self.cleaned_data["body"], required_message=_("Schrijf een antwoord."))


class NoteForm(forms.Form):
    note = forms.CharField(
        label=_("Interne notitie"),
        help_text=_("Alleen voor wie deze vraag mag behandelen; de ouder ziet dit niet."),
        max_length=QUESTION_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Schrijf een notitie.")},
    )

    def clean_note(self):
        return plain_text(self.cleaned_data["note"], required_message=_("Schrijf een notitie."))


class ForwardForm(forms.Form):
    organisation = AsciiModelChoiceField(label=_("Doorsturen naar"), queryset=None)
    handover = forms.CharField(
        label=_("Overdrachtsnotitie"),
        help_text=_("Waarom stuur je de vraag door, en wat weet de nieuwe partner best?"),
        max_length=QUESTION_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Schrijf een overdrachtsnotitie voor de nieuwe partner.")},
    )

    def __init__(self, *args, question, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = selectors.house_partner_organisations(
            question.house
        ).exclude(pk=question.organisation_id or 0)

    def clean_handover(self):
        return plain_text(
            self.cleaned_data["handover"],
            required_message=_("Schrijf een overdrachtsnotitie voor de nieuwe partner."),
        )


class RoutingRuleForm(forms.ModelForm):
    class Meta:
        model = RoutingRule
        fields = [
            "name",
            "topic",
            "age_group",
            "municipality",
            "language",
            "keywords",
            "organisation",
            "assignee",
            "is_active",
        ]
        field_classes = dict.fromkeys(
            ("topic", "age_group", "municipality", "organisation", "assignee"),
            AsciiModelChoiceField,
        )

    def __init__(self, *args, house, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.house = house
        partners = selectors.house_partner_organisations(house)
        self.fields["topic"].queryset = selectors.topics_for_house(house)
        self.fields["municipality"].queryset = house.municipalities.order_by("name")
        self.fields["organisation"].queryset = partners
        self.fields["assignee"].queryset = (
            get_user_model()
            .objects.filter(
                roles__organisation__in=partners, roles__kind__in=selectors.MEMBER_KINDS
            )
            .distinct()
            .order_by("email")
        )
        self.fields["assignee"].label_from_instance = lambda u: u.get_full_name() or u.email
        for name in ("topic", "age_group", "municipality"):
            self.fields[name].empty_label = _("Om het even")
        self.fields["language"].choices = [("", _("Om het even")), *PREFERRED_LANGUAGES]

    def clean_keywords(self):
        return plain_text(self.cleaned_data["keywords"])


class RoutingTestForm(forms.Form):
    """A sample question to test the rules with; nothing is stored."""

    topic = AsciiModelChoiceField(label=_("Onderwerp"), queryset=None, required=False)
    about = forms.ChoiceField(
        label=_("Over wie"), choices=Question.About.choices, initial=Question.About.CHILD
    )
    child_age = AsciiIntegerField(
        label=_("Leeftijd van het kind"), min_value=0, max_value=25, required=False
    )
    municipality = AsciiModelChoiceField(label=_("Gemeente"), queryset=None, required=False)
    language = forms.ChoiceField(
        label=_("Voorkeurstaal"), choices=PREFERRED_LANGUAGES, initial="nl"
    )
    text = forms.CharField(
        label=_("Voorbeeldvraag"),
        max_length=QUESTION_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, house, **kwargs):
        kwargs.setdefault("prefix", "test")
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = selectors.topics_for_house(house)
        self.fields["municipality"].queryset = house.municipalities.order_by("name")

    def sample(self) -> Sample:
        data = self.cleaned_data
        age_group: AgeGroup | None = age_group_for(data["about"], data.get("child_age"))
        return Sample(
            topic_id=data["topic"].pk if data.get("topic") else None,
            age_group_id=age_group.pk if age_group else None,
            municipality_id=data["municipality"].pk if data.get("municipality") else None,
            language=data["language"],
            text=data.get("text", ""),
        )


class AnswerTemplateForm(forms.ModelForm):
    class Meta:
        model = AnswerTemplate
        fields = ["title", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 8})}


class FaqEntryForm(forms.ModelForm):
    class Meta:
        model = FaqEntry
        fields = ["topic", "question", "answer", "is_published"]
        field_classes = {"topic": AsciiModelChoiceField}
        widgets = {"answer": forms.Textarea(attrs={"rows": 8})}
        help_texts = {
            "question": _(
                "Herschrijf de vraag algemeen: geen namen, geen details die iemand herkenbaar maken."
            ),
        }

    def __init__(self, *args, house, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = selectors.topics_for_house(house)

    def clean_question(self):
        return plain_text(self.cleaned_data["question"], required_message=_("Schrijf de vraag."))

    def clean_answer(self):
        return plain_text(self.cleaned_data["answer"], required_message=_("Schrijf het antwoord."))


class NeedsFilterForm(forms.Form):
    maanden = forms.TypedChoiceField(
        label=_("Periode"),
        coerce=int,
        required=False,
        choices=[
            (3, _("laatste 3 maanden")),
            (6, _("laatste 6 maanden")),
            (12, _("laatste 12 maanden")),
            (24, _("laatste 24 maanden")),
        ],
        initial=12,
    )
