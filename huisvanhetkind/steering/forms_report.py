"""The year chooser of the annual report: a year with an annual plan of the house."""

from django import forms
from django.utils.translation import gettext_lazy as _


class ReportYearForm(forms.Form):
    jaar = forms.TypedChoiceField(
        label=_("Jaar"),
        coerce=int,
        error_messages={
            "required": _("Kies een jaar."),
            "invalid_choice": _("Voor dat jaar is er geen jaarplan: kies een jaar uit de lijst."),
        },
    )

    def __init__(self, *args, years: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jaar"].choices = [(year, str(year)) for year in years]
