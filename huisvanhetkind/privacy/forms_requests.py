from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.privacy.models import RightsRequest

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATE_ERRORS = {
    "required": _("Vul een datum in."),
    "invalid": _("Vul een geldige datum in, bijvoorbeeld 04/12/2026."),
}


class RequestForm(forms.Form):
    requester_name = forms.CharField(
        label=_("Naam van wie het vraagt"),
        max_length=200,
        error_messages={"required": _("Vul de naam in van wie het vraagt.")},
    )
    requester_contact = forms.CharField(
        label=_("Hoe we antwoorden"),
        max_length=300,
        help_text=_("Alleen wat nodig is om te antwoorden: een e-mailadres, telefoon of adres."),
        error_messages={
            "required": _("Vul in hoe we kunnen antwoorden (e-mailadres, telefoon of adres).")
        },
    )
    received_on = forms.DateField(
        label=_("Ontvangen op"),
        widget=DATE,
        help_text=_("De wettelijke termijn van één maand loopt vanaf deze dag."),
        error_messages=DATE_ERRORS,
    )
    channel = forms.ChoiceField(
        label=_("Ontvangen via"),
        choices=RightsRequest.Channel.choices,
        error_messages={"required": _("Kies hoe het verzoek binnenkwam.")},
    )
    kind = forms.ChoiceField(
        label=_("Soort verzoek"),
        choices=RightsRequest.Kind.choices,
        error_messages={"required": _("Kies de soort verzoek.")},
    )
    subject = forms.CharField(
        label=_("Waarover het gaat"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Kort en zakelijk: welke gegevens, welk dossier of signaal, wat het gezin vraagt."
        ),
        error_messages={"required": _("Beschrijf kort waarover het verzoek gaat.")},
    )

    def clean_received_on(self):
        received_on = self.cleaned_data["received_on"]
        if received_on > timezone.localdate():
            raise forms.ValidationError(_("De datum van ontvangst ligt in de toekomst."))
        return received_on


class ExtendForm(forms.Form):
    reason = forms.CharField(
        label=_("Reden van de verlenging"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Bijvoorbeeld: een complex verzoek, of veel verzoeken tegelijk. Meld ze ook aan het gezin."
        ),
        error_messages={
            "required": _(
                "Geef de reden van de verlenging: de wet vraagt ze aan het gezin te melden."
            )
        },
    )


class AnswerForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Uitkomst"),
        choices=[("answered", _("beantwoord")), ("refused", _("geweigerd"))],
        widget=forms.RadioSelect,
        initial="answered",
        error_messages={"required": _("Kies beantwoord of geweigerd.")},
    )
    answered_on = forms.DateField(label=_("Beantwoord op"), widget=DATE, error_messages=DATE_ERRORS)
    channel = forms.ChoiceField(
        label=_("Antwoord verstuurd via"),
        choices=RightsRequest.Channel.choices,
        error_messages={"required": _("Kies hoe het antwoord verstuurd werd.")},
    )
    summary = forms.CharField(
        label=_("Samenvatting van het antwoord"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Vat het antwoord kort samen.")},
    )
    refusal_reason = forms.CharField(
        label=_("Reden van de weigering (bij weigeren)"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
