"""Form pieces shared by the public forms."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

HONEYPOT_FIELD = "website_url"


def add_service_errors(form: forms.Form, error: ValidationError) -> None:
    """A service's refusal on the form: on the field it names when the form has it, else at the
    top."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)


class HoneypotMixin(forms.Form):
    """A field that people never see (``hidden``: not shown, not read out, not focusable) and
    that form-filling robots fill in. A filled-in honeypot makes the form invalid, so nothing is
    saved and no e-mail leaves."""

    website_url = forms.CharField(
        label=_("Laat dit veld leeg"),
        required=False,
        template_name="core/honeypot_field.html",
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def clean_website_url(self):
        value = self.cleaned_data.get(HONEYPOT_FIELD, "")
        if value:
            raise ValidationError(_("Dit formulier kon niet verstuurd worden."), code="honeypot")
        return value
