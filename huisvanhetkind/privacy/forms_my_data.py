from django import forms
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.core.languages import LANGUAGE_CHOICES
from huisvanhetkind.referrals.codes import normalise_short_code


class EmailForm(forms.Form):
    """An e-mail address, or the short code of a printed slip (one of both)."""

    email = forms.EmailField(
        label=_("Je e-mailadres"),
        max_length=254,
        required=False,
        error_messages={
            "invalid": _("Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.be."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    code = forms.CharField(
        label=_("Of: de code op je strookje"),
        max_length=20,
        required=False,
        help_text=_(
            "De code van 10 tekens op een strookje van een Huis van het Kind, bijvoorbeeld "
            "ACDEF-GHJKM. We sturen de link naar het e-mailadres dat we bij die code hebben."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )

    def clean_code(self):
        code = self.cleaned_data["code"].strip()
        if not code:
            return ""
        normalised = normalise_short_code(code)
        if normalised is None:
            raise forms.ValidationError(
                _("Een code heeft 10 letters en cijfers, bijvoorbeeld ACDEF-GHJKM.")
            )
        return normalised

    def clean(self):
        cleaned = super().clean()
        email, code = cleaned.get("email"), cleaned.get("code")
        if self.errors:
            return cleaned
        if not email and not code:
            raise forms.ValidationError(_("Vul je e-mailadres in, of de code op je strookje."))
        if email and code:
            raise forms.ValidationError(_("Vul je e-mailadres óf de code in, niet allebei."))
        return cleaned


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
