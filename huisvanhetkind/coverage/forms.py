"""The coordinator's forms: a population figure, a CSV of figures, the mark of a gap."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.coverage.population_csv import MAX_BYTES, MAX_COUNT
from huisvanhetkind.coverage.workflow import GapState
from huisvanhetkind.network.models import AgeGroup


def _year_field():
    return forms.IntegerField(
        label=_("Jaar"),
        min_value=1990,
        max_value=2100,
        error_messages={
            "required": _("Vul het jaar in."),
            "invalid": _("Vul een jaar in cijfers in, bijvoorbeeld 2025."),
            "min_value": _("Vul een jaar in vanaf 1990."),
            "max_value": _("Vul een jaar in tot 2100."),
        },
    )


class PopulationFigureForm(forms.Form):
    municipality = forms.ModelChoiceField(
        label=_("Gemeente"),
        queryset=None,
        empty_label=_("Kies een gemeente"),
        error_messages={
            "required": _("Kies een gemeente."),
            "invalid_choice": _("Kies een gemeente van dit huis."),
        },
    )
    age_group = forms.ModelChoiceField(
        label=_("Leeftijdsgroep"),
        queryset=AgeGroup.objects.all(),
        empty_label=_("Kies een leeftijdsgroep"),
        error_messages={
            "required": _("Kies een leeftijdsgroep."),
            "invalid_choice": _("Kies een leeftijdsgroep uit de lijst."),
        },
    )
    year = _year_field()
    count = forms.IntegerField(
        label=_("Aantal kinderen"),
        min_value=0,
        max_value=MAX_COUNT,
        error_messages={
            "required": _("Vul het aantal kinderen in."),
            "invalid": _("Vul een geheel getal in."),
            "min_value": _("Het aantal kan niet negatief zijn."),
            "max_value": _("Dat aantal is te groot."),
        },
    )

    def __init__(self, *args, house, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = house.municipalities.order_by("name")
        self.fields["year"].initial = timezone.localdate().year


class PopulationImportForm(forms.Form):
    prefix = "csv"  # beside the figure's form on one page: no two fields with one id
    year = _year_field()
    file = forms.FileField(
        label=_("CSV-bestand"),
        required=False,
        help_text=_(
            "Kolommen: NIS-code, leeftijd (of leeftijdsband zoals 0-3), aantal. Statbels "
            "bestand met CD_REFNIS, CD_AGE en MS_POPULATION werkt ook."
        ),
    )
    text = forms.CharField(
        label=_("Of plak de regels hier"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=MAX_BYTES,
        error_messages={"max_length": _("De tekst is te lang (hoogstens 5 MB).")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].initial = timezone.localdate().year

    def clean(self):
        data = super().clean()
        upload = data.get("file")
        if upload:
            if upload.size > MAX_BYTES:
                raise forms.ValidationError(_("Het bestand is te groot (hoogstens 5 MB)."))
            raw = upload.read()
            try:
                data["content"] = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                try:
                    data["content"] = raw.decode("cp1252")
                except UnicodeDecodeError:
                    raise forms.ValidationError(
                        _("Het bestand is geen tekst (kies een CSV-bestand).")
                    ) from None
        else:
            data["content"] = data.get("text") or ""
        if not data["content"].strip() and not self.errors:
            raise forms.ValidationError(_("Kies een CSV-bestand of plak de regels."))
        return data


class GapStatusForm(forms.Form):
    gap_id = forms.CharField(widget=forms.HiddenInput, max_length=120)
    status = forms.ChoiceField(
        label=_("Status"),
        choices=GapState.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies of het hiaat gekend is, aanvaard, of dat jullie eraan werken."),
            "invalid_choice": _("Kies een van de drie statussen."),
        },
    )
    note = forms.CharField(
        label=_("Toelichting"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"max_length": _("De toelichting is te lang (hoogstens 2000 tekens).")},
    )
