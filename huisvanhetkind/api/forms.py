from django import forms
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.api.models import NAME_MAX_LENGTH


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("Naam van de sleutel"),
        max_length=NAME_MAX_LENGTH,
        help_text=_(
            "Waarvoor of door welk systeem de sleutel gebruikt wordt, bv. “Dossiersysteem”."
        ),
        error_messages={
            "required": _("Geef de sleutel een naam."),
            "max_length": _("Een naam heeft hoogstens %(limit_value)d tekens."),
        },
    )
