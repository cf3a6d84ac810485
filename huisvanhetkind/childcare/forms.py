from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.childcare.models import ChildcareLocation
from huisvanhetkind.childcare.months import month_label

MAX_UPLOAD_BYTES = 1024 * 1024


class FreePlacesForm(forms.Form):
    """One number per start month; an empty box leaves that month as it was."""

    def __init__(self, *args, months: list[date], licensed_places: int, current: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.months = months
        for month in months:
            self.fields[self.field_name(month)] = forms.IntegerField(
                label=month_label(month),
                required=False,
                min_value=0,
                max_value=licensed_places,
                initial=current.get(month),
                error_messages={
                    "invalid": _("Geef een geheel getal, bijvoorbeeld 0, 1 of 2."),
                    "min_value": _("Het aantal vrije plaatsen kan niet negatief zijn."),
                    "max_value": _(
                        "Dat is meer dan de %(limit_value)s vergunde plaatsen van deze opvang."
                    ),
                },
                widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
            )

    @staticmethod
    def field_name(month: date) -> str:
        return f"maand_{month:%Y_%m}"

    def places(self) -> dict[date, int]:
        """The months that were filled in, with their number."""
        return {
            month: self.cleaned_data[self.field_name(month)]
            for month in self.months
            if self.cleaned_data.get(self.field_name(month)) is not None
        }


class ChildcareDetailsForm(forms.ModelForm):
    class Meta:
        model = ChildcareLocation
        fields = [
            "kind",
            "min_age_months",
            "max_age_months",
            "price_model",
            "licensed_places",
            "inclusive_care",
            "inclusive_care_description",
            "closing_days",
        ]
        widgets = {"price_model": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        messages = {
            "invalid": _("Geef een geheel getal."),
            "min_value": _("Geef een getal van minstens %(limit_value)s."),
            "max_value": _("Geef een getal van hoogstens %(limit_value)s."),
        }
        for name in ("min_age_months", "max_age_months", "licensed_places"):
            self.fields[name].error_messages.update(messages)

    def clean(self):
        cleaned = super().clean()
        low, high = cleaned.get("min_age_months"), cleaned.get("max_age_months")
        if low is not None and high is not None and low > high:
            self.add_error(
                "max_age_months",
                _("De leeftijd 'tot en met' moet groter zijn dan of gelijk aan 'vanaf'."),
            )
        return cleaned


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Lijst van opvanglocaties (CSV)"),
        help_text=_("Hoogstens 1 MB, met de kolommen die in de uitleg hierboven staan."),
        error_messages={
            "required": _("Kies het CSV-bestand met de opvanglocaties."),
            "empty": _("Het bestand is leeg."),
        },
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise ValidationError(_("Het bestand is groter dan 1 MB."))
        return upload


class ImportConfirmForm(forms.Form):
    digest = forms.CharField(widget=forms.HiddenInput)
