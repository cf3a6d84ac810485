from django import forms
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.core.languages import LANGUAGE_CHOICES


class EmailForm(forms.Form):
    email = forms.EmailField(
        label=_("Je e-mailadres"),
        max_length=254,
        error_messages={
            "required": _("Vul je e-mailadres in."),
            "invalid": _("Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.be."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class ContactForm(forms.Form):
    name = forms.CharField(label=_("Naam"), max_length=200, required=False)
    email = forms.EmailField(
        label=_("E-mailadres"),
        max_length=254,
        error_messages={
            "required": _("Vul je e-mailadres in."),
            "invalid": _("Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.be."),
        },
    )
    phone = forms.RegexField(
        label=_("Telefoon"),
        regex=r"^\+?[0-9 ./()-]{8,20}$",
        required=False,
        error_messages={
            "invalid": _("Vul een geldig telefoonnummer in, bijvoorbeeld 0470 12 34 56.")
        },
    )
    address = forms.CharField(label=_("Adres"), max_length=300, required=False)
    language = forms.ChoiceField(label=_("Voorkeurstaal"), choices=LANGUAGE_CHOICES)
