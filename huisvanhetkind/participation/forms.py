"""The forms of the surveys: the author's (survey, section, question, choice), and the answer
form built from a page of questions (public and on paper)."""

from datetime import datetime, time, timedelta

from django import forms
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.participation.models import (
    ANSWER_TEXT_MAX_LENGTH,
    TEXT_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    QuestionKind,
)
from huisvanhetkind.participation.services import POSTCODE, SCALE_LABELS

# The pictograms of the scale in child mode; the text beside each is its alternative.
SMILEYS = {1: "😢", 2: "🙁", 3: "😐", 4: "🙂", 5: "😄"}
CHILD_SCALE_LABELS = {
    1: _("helemaal niet leuk"),
    2: _("niet leuk"),
    3: _("gewoon"),
    4: _("leuk"),
    5: _("heel leuk"),
}


def start_of(day) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


class SurveyForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=TITLE_MAX_LENGTH)
    intro = forms.CharField(
        label=_("Inleiding"),
        required=False,
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Zeg kort waarom je dit vraagt en wat je met de antwoorden doet."),
    )
    child_mode = forms.BooleanField(
        label=_("Voor kinderen: grote pictogrammen, korte zinnen, één vraag per pagina"),
        required=False,
    )
    opens_on = forms.DateField(
        label=_("Opent op"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    closes_on = forms.DateField(
        label=_("Sluit na"),
        help_text=_("De bevraging sluit op het einde van deze dag."),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    organisation = forms.TypedChoiceField(
        label=_("Namens"), coerce=int, required=False, empty_value=None
    )

    def __init__(self, *args, organisations=(), coordinator=False, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(o.pk, o.name) for o in organisations]
        if coordinator:
            choices = [("", gettext("het Huis van het Kind"))] + choices
        if len(choices) > 1:
            self.fields["organisation"].choices = choices
        else:
            del self.fields["organisation"]
        self.organisations = {o.pk: o for o in organisations}

    @staticmethod
    def initial_for(survey) -> dict:
        return {
            "title": survey.title,
            "intro": survey.intro,
            "child_mode": survey.child_mode,
            "opens_on": timezone.localtime(survey.opens_at).date(),
            "closes_on": timezone.localtime(survey.closes_at).date() - timedelta(days=1),
            "organisation": survey.organisation_id,
        }

    def clean(self):
        data = super().clean()
        opens, closes = data.get("opens_on"), data.get("closes_on")
        if opens and closes and closes < opens:
            self.add_error(
                "closes_on",
                gettext("De bevraging kan niet sluiten vóór ze opent. Kies een latere datum."),
            )
        return data

    def data_for_service(self) -> dict:
        data = self.cleaned_data
        return {
            "title": data["title"],
            "intro": data["intro"],
            "child_mode": data["child_mode"],
            "opens_at": start_of(data["opens_on"]),
            "closes_at": start_of(data["closes_on"] + timedelta(days=1)),
        }

    def chosen_organisation(self):
        return self.organisations.get(self.cleaned_data.get("organisation"))


class SectionForm(forms.Form):
    title = forms.CharField(label=_("Titel van het onderdeel"), max_length=TITLE_MAX_LENGTH)
    intro = forms.CharField(
        label=_("Inleiding"),
        required=False,
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class QuestionForm(forms.Form):
    text = forms.CharField(label=_("Vraag"), max_length=300)
    help_text = forms.CharField(label=_("Uitleg bij de vraag"), required=False, max_length=300)
    kind = forms.ChoiceField(label=_("Soort vraag"), choices=QuestionKind.choices)
    required = forms.BooleanField(label=_("Verplicht te beantwoorden"), required=False)
    section = forms.TypedChoiceField(label=_("Onderdeel"), coerce=int)

    def __init__(self, *args, sections=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].choices = [(s.pk, s.title) for s in sections]
        if len(sections) <= 1:
            self.fields["section"].widget = forms.HiddenInput()
            if sections:
                self.fields["section"].initial = sections[0].pk


class QuestionEditForm(forms.Form):
    text = forms.CharField(label=_("Vraag"), max_length=300)
    help_text = forms.CharField(label=_("Uitleg bij de vraag"), required=False, max_length=300)
    required = forms.BooleanField(label=_("Verplicht te beantwoorden"), required=False)


class ChoiceForm(forms.Form):
    label = forms.CharField(label=_("Nieuwe keuze"), max_length=150)


class ReviewForm(forms.Form):
    to = forms.ChoiceField(
        choices=[("approved", _("Goedkeuren")), ("hidden", _("Verbergen"))],
        error_messages={"invalid_choice": _("Kies goedkeuren of verbergen.")},
    )


def field_name(question) -> str:
    return f"q{question.pk}"


def _choices(question, child_mode: bool):
    from_scale = question.kind == QuestionKind.SCALE
    out = []
    for choice in question.choices.all():
        if from_scale and child_mode:
            label = format_html(
                '<span class="pictogram" aria-hidden="true">{}</span> {}',
                SMILEYS[choice.value],
                CHILD_SCALE_LABELS[choice.value],
            )
        elif from_scale:
            label = f"{choice.value} · {gettext(SCALE_LABELS[choice.value])}"
        else:
            label = choice.label
        out.append((str(choice.pk), label))
    return out


class AnswerForm(forms.Form):
    """The questions of one page, each as field ``q<pk>``."""

    def __init__(self, *args, questions=(), child_mode=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        self.child_mode = child_mode
        for question in self.questions:
            common = {
                "label": question.text,
                "help_text": question.help_text,
                "required": question.required,
            }
            kind = question.kind
            if kind in (QuestionKind.SINGLE, QuestionKind.SCALE):
                field = forms.ChoiceField(
                    choices=_choices(question, child_mode),
                    widget=forms.RadioSelect,
                    error_messages={
                        "required": gettext("Kies een antwoord."),
                        "invalid_choice": gettext("Kies een antwoord uit de lijst."),
                    },
                    **common,
                )
            elif kind in (QuestionKind.MULTIPLE, QuestionKind.AGE_GROUP):
                field = forms.MultipleChoiceField(
                    choices=_choices(question, child_mode),
                    widget=forms.CheckboxSelectMultiple,
                    error_messages={
                        "required": gettext("Kies minstens één antwoord."),
                        "invalid_choice": gettext("Kies antwoorden uit de lijst."),
                    },
                    **common,
                )
            elif kind == QuestionKind.POSTCODE:
                field = forms.RegexField(
                    regex=POSTCODE,
                    max_length=4,
                    widget=forms.TextInput(
                        attrs={"inputmode": "numeric", "autocomplete": "postal-code", "size": 5}
                    ),
                    error_messages={
                        "required": gettext("Vul een postcode in."),
                        "invalid": gettext("Een postcode heeft vier cijfers, bijvoorbeeld 2920."),
                    },
                    **common,
                )
            else:
                field = forms.CharField(
                    max_length=ANSWER_TEXT_MAX_LENGTH,
                    widget=forms.Textarea(attrs={"rows": 3}),
                    error_messages={"required": gettext("Schrijf een antwoord.")},
                    **common,
                )
            self.fields[field_name(question)] = field

    def answers(self) -> dict:
        """The page's answers by question id (empty answers left out)."""
        out = {}
        for question in self.questions:
            value = self.cleaned_data.get(field_name(question))
            if value not in (None, "", []):
                out[str(question.pk)] = value
        return out
