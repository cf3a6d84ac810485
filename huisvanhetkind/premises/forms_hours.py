"""The coordinator's forms for the office hours: a desk, a rule, a closure. The services check
everything again (``services_hours``); the forms turn what was typed into values and say in
Dutch what could not be read."""

import re
from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from huisvanhetkind.premises import hours_text, recurrence, services_hours
from huisvanhetkind.premises.models import Desk, OfficeHourRule

POSITION_MESSAGE = _("Kies de eerste, tweede, derde, vierde, vijfde of laatste van de maand.")
WEEKDAY_MESSAGE = _("Kies een weekdag uit de lijst.")
INTERVAL_MESSAGE = _("Kies elke week, om de twee weken, om de drie weken of om de vier weken.")
DATE_MESSAGE = _("Schrijf een datum als dd-mm-jjjj, bv. 5-1-2027: %(value)s is geen datum.")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class DeskForm(forms.ModelForm):
    class Meta:
        model = Desk
        fields = [
            "name",
            "slug",
            "description",
            "organisation",
            "service",
            "room",
            "location",
            "is_active",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, house, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = services_hours.partner_organisations(house)
        self.fields["service"].queryset = services_hours.linkable_services(house)
        self.fields["room"].queryset = services_hours.linkable_rooms(house)
        self.fields["location"].queryset = services_hours.linkable_locations(house)
        self.fields["service"].help_text = _(
            "De permanenties verschijnen ook op de pagina van dit aanbod."
        )
        for name in ("organisation", "service", "room", "location"):
            self.fields[name].empty_label = _("(geen)")
            self.fields[name].error_messages["invalid_choice"] = _("Kies iets uit de lijst.")


def parse_dates(text: str) -> list[date]:
    """Dates separated by commas, semicolons or line breaks, as d-m-yyyy, d/m/yyyy or
    yyyy-mm-dd."""
    found = []
    for part in re.split(r"[,;\s]+", text.strip()):
        if not part:
            continue
        match = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", part)
        try:
            if match:
                day, month, year = (int(g) for g in match.groups())
                found.append(date(year, month, day))
            else:
                found.append(date.fromisoformat(part))
        except ValueError:
            raise ValidationError(DATE_MESSAGE % {"value": part}, code="date") from None
    return sorted(set(found))


class RuleForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Wanneer"),
        choices=OfficeHourRule.Kind.choices,
        widget=forms.RadioSelect,
        initial=OfficeHourRule.Kind.WEEKLY,
    )
    weekdays = forms.TypedMultipleChoiceField(
        label=_("Weekdagen"),
        coerce=int,
        required=False,
        choices=[(i, name) for i, name in enumerate(hours_text.DAY_NAMES)],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": WEEKDAY_MESSAGE},
        help_text=_("Voor elke week en voor een weekdag van de maand."),
    )
    interval = forms.TypedChoiceField(
        label=_("Hoe vaak"),
        coerce=int,
        empty_value=1,
        required=False,
        initial=1,
        choices=[(n, hours_text.INTERVAL_NAMES[n]) for n in recurrence.INTERVALS],
        error_messages={"invalid_choice": INTERVAL_MESSAGE},
        help_text=_(
            "Voor elke week. Om de twee, drie of vier weken telt vanaf de week van 'geldig "
            "vanaf': vul die datum dan ook in."
        ),
    )
    positions = forms.TypedMultipleChoiceField(
        label=_("Welke van de maand"),
        coerce=int,
        required=False,
        choices=[(p, hours_text.ORDINALS[p]) for p in recurrence.POSITIONS],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": POSITION_MESSAGE},
        help_text=_("Bv. de derde voor elke derde donderdag van de maand."),
    )
    dates = forms.CharField(
        label=_("Datums"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Voor bepaalde datums: gescheiden door komma's, bv. 5-1-2027, 12-1-2027."),
    )
    starts = forms.TimeField(label=_("Van"), widget=TIME)
    ends = forms.TimeField(label=_("Tot"), widget=TIME)
    mode = forms.ChoiceField(
        label=_("Hoe"),
        choices=OfficeHourRule.Mode.choices,
        widget=forms.RadioSelect,
        initial=OfficeHourRule.Mode.WALK_IN,
    )
    valid_from = forms.DateField(label=_("Geldig vanaf"), required=False, widget=DATE)
    valid_until = forms.DateField(label=_("Geldig tot en met"), required=False, widget=DATE)
    note = forms.CharField(
        label=_("Opmerking"),
        max_length=200,
        required=False,
        help_text=_("Bv. breng je identiteitskaart mee."),
    )

    def clean_dates(self):
        return parse_dates(self.cleaned_data.get("dates") or "")

    @classmethod
    def initial_of(cls, rule: OfficeHourRule) -> dict:
        return {
            "kind": rule.kind,
            "weekdays": rule.weekdays,
            "interval": rule.interval,
            "positions": rule.positions,
            "dates": ", ".join(
                f"{d.day}-{d.month}-{d.year}" for d in map(date.fromisoformat, rule.dates)
            ),
            "starts": rule.starts,
            "ends": rule.ends,
            "mode": rule.mode,
            "valid_from": rule.valid_from,
            "valid_until": rule.valid_until,
            "note": rule.note,
        }


class ClosureForm(forms.Form):
    desk = forms.ModelChoiceField(
        label=_("Welk loket"),
        queryset=Desk.objects.none(),
        required=False,
        empty_label=_("Alle loketten van het huis"),
        error_messages={"invalid_choice": _("Kies een loket van dit huis.")},
    )
    starts_on = forms.DateField(label=_("Eerste dag"), widget=DATE)
    ends_on = forms.DateField(label=_("Laatste dag"), widget=DATE)
    reason = forms.CharField(
        label=_("Waarom"), max_length=150, required=False, help_text=_("Bv. kerstvakantie.")
    )

    def __init__(self, *args, house, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["desk"].queryset = Desk.objects.filter(house=house).order_by("name")
