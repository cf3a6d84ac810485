from django import forms
from django.utils.translation import gettext_lazy as _


class OpenDataForm(forms.Form):
    """On or off: a radio choice, so that nothing changes without a clear answer."""

    publiceren = forms.TypedChoiceField(
        label=_("Open data van het huis"),
        choices=[
            ("ja", _("Ja, publiceer de cijfers als open data (CC BY 4.0)")),
            ("nee", _("Nee, publiceer niets")),
        ],
        widget=forms.RadioSelect,
        coerce=lambda value: value == "ja",
        error_messages={
            "required": _("Kies of het huis open data publiceert."),
            "invalid_choice": _("Kies “ja” of “nee”."),
        },
    )
