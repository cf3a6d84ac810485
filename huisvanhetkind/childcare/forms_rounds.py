"""Forms of the allocation rounds: the desk runs a round, a provider refuses a placement or
places a child outside the rounds, a family answers an offer."""

from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.childcare.months import month_label, parse_month
from huisvanhetkind.childcare.services_rounds import REFUSAL_MAX_LENGTH


def _month_choices(months: list[date]) -> list[tuple[str, str]]:
    return [(f"{m:%Y-%m}", month_label(m)) for m in months]


class MonthField(forms.ChoiceField):
    """A start month from the list, cleaned to its first day."""

    def clean(self, value):
        value = super().clean(value)
        return parse_month(value)


class RoundMonthForm(forms.Form):
    """The start month to preview (GET) or to run (POST, with the last round it saw)."""

    maand = MonthField(
        label=_("Startmaand"),
        error_messages={
            "required": _("Kies de startmaand van de ronde."),
            "invalid_choice": _("Kies een startmaand uit de lijst."),
        },
    )
    vorige = forms.IntegerField(
        required=False,
        min_value=0,
        widget=forms.HiddenInput,
        error_messages={
            "invalid": _("Laad de pagina opnieuw en probeer het nog eens."),
            "min_value": _("Laad de pagina opnieuw en probeer het nog eens."),
        },
    )

    def __init__(self, *args, months: list[date], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["maand"].choices = _month_choices(months)


class RefuseForm(forms.Form):
    reason = forms.CharField(
        label=_("Waarom weiger je deze plaatsing?"),
        help_text=_(
            "Het Lokaal Loket Kinderopvang leest de reden. Noem geen gegevens van het gezin."
        ),
        max_length=REFUSAL_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": _("Geef een reden waarom je deze plaatsing weigert."),
            "max_length": _("De reden is te lang: gebruik hoogstens %(limit_value)s tekens."),
        },
    )

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(_("Geef een reden waarom je deze plaatsing weigert."))
        return reason


class OutsideRoundForm(forms.Form):
    request_number = forms.IntegerField(
        label=_("Nummer van de opvangvraag"),
        help_text=_("Het nummer staat bij de opvangvragen die jouw opvang kiezen, bv. 123."),
        min_value=1,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "required": _("Geef het nummer van de opvangvraag."),
            "invalid": _("Het nummer van een opvangvraag is een geheel getal, bv. 123."),
            "min_value": _("Het nummer van een opvangvraag is een geheel getal, bv. 123."),
        },
    )
    month = MonthField(
        label=_("Startmaand"),
        error_messages={
            "required": _("Kies de startmaand."),
            "invalid_choice": _("Kies een startmaand uit de lijst."),
        },
    )
    advice_by = forms.CharField(
        label=_("Gezinsdienst die schriftelijk advies gaf"),
        help_text=_("Bijvoorbeeld: Kind en Gezin, het OCMW, een dienst voor pleegzorg."),
        max_length=200,
        error_messages={
            "required": _("Noem de gezinsdienst die schriftelijk advies gaf."),
            "max_length": _("Gebruik hoogstens %(limit_value)s tekens."),
        },
    )
    advice_reference = forms.CharField(
        label=_("Kenmerk van het advies"),
        max_length=100,
        error_messages={
            "required": _("Geef het kenmerk (referentie) van het schriftelijke advies."),
            "max_length": _("Gebruik hoogstens %(limit_value)s tekens."),
        },
    )

    def __init__(self, *args, months: list[date], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["month"].choices = _month_choices(months)


ACCEPT = "accept"
DECLINE = "decline"


class OfferAnswerForm(forms.Form):
    """The family's answer: first chosen, then confirmed (``confirmed``)."""

    answer = forms.ChoiceField(
        label=_("Je antwoord"),
        choices=[(ACCEPT, _("Ik aanvaard deze plaats")), (DECLINE, _("Ik wil deze plaats niet"))],
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies of je de plaats aanvaardt of niet."),
            "invalid_choice": _("Kies of je de plaats aanvaardt of niet."),
        },
    )
    withdraw = forms.BooleanField(
        label=_("Ik zoek geen opvang meer: trek ook mijn opvangvraag in"), required=False
    )
    confirmed = forms.BooleanField(required=False, widget=forms.HiddenInput)
